import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../../common/actor.js';
import type { FigureScope } from '../../common/figure-scope.js';
import { AccessService } from '../access/access.service.js';

/** Batch lines of the year's stipend programmes of the district (and of one street's people). */
const LINES_IN_SCOPE = `
  FROM programme g
  JOIN budget_line l ON l.programme_id = g.id
  JOIN stipend_programme sp ON sp.budget_line_id = l.id
  JOIN stipend_batch b ON b.programme_id = sp.id
  JOIN stipend_batch_line bl ON bl.batch_id = b.id
  WHERE g.unit_id = $2 AND g.year = $1 AND ($3::int IS NULL OR bl.street_id = $3)`;

export interface StipendQuarterRow {
  programme_id: number;
  programme: string;
  quarter: number;
  people: number;
  amount_fen: string;
}

export interface StipendStreetLineRow {
  street_id: number;
  budget_line_id: number;
  committed_fen: string;
  paid_fen: string;
}

export interface StipendMonthRow {
  month: string;
  paid_fen: string;
}

export interface ProgrammeWorkRow {
  programme_id: number;
  programme: string;
  kind: 'monthly_quarterly' | 'one_off';
  roster_kind: 'retired_cadre' | 'building_leader';
  count: number;
  /** The only batch or report concerned, or null when there are several. */
  only_id: number | null;
  /** The earliest period concerned, as year × 10 + quarter (reports only). */
  first_period: number | null;
}

/** Read-only figures of stipend batches and street reports for the dashboards and the 工作台. */
@Injectable()
export class StipendsFiguresRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  /**
   * Paid batches by programme and quarter: a quarterly batch counts in the quarter it pays for,
   * a one-off batch in the quarter it was paid.
   */
  quarterly(scope: FigureScope): Promise<StipendQuarterRow[]> {
    return this.dataSource.query(
      `SELECT sp.id AS programme_id, sp.name AS programme,
              coalesce(b.quarter, extract(quarter FROM coalesce(b.paid_on, (b.paid_at AT TIME ZONE 'Asia/Shanghai')::date))::int) AS quarter,
              count(DISTINCT bl.person_id)::int AS people, sum(bl.amount_fen) AS amount_fen
       ${LINES_IN_SCOPE} AND b.status = 'paid'
       GROUP BY sp.id, sp.name, 3 ORDER BY sp.id, 3`,
      [scope.year, scope.districtId, scope.streetId],
    );
  }

  /** Committed (approved or paid batches) and paid, by the people's street and the budget line. */
  byStreetAndLine(scope: FigureScope): Promise<StipendStreetLineRow[]> {
    return this.dataSource.query(
      `SELECT bl.street_id, sp.budget_line_id,
              sum(bl.amount_fen) AS committed_fen,
              coalesce(sum(bl.amount_fen) FILTER (WHERE b.status = 'paid'), 0) AS paid_fen
       ${LINES_IN_SCOPE} AND b.status IN ('approved', 'paid')
       GROUP BY bl.street_id, sp.budget_line_id`,
      [scope.year, scope.districtId, scope.streetId],
    );
  }

  /** Paid by the month the batch was marked paid (when the ledger moved), Asia/Shanghai. */
  paidByMonth(scope: FigureScope): Promise<StipendMonthRow[]> {
    return this.dataSource.query(
      `SELECT to_char(b.paid_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, sum(bl.amount_fen) AS paid_fen
       ${LINES_IN_SCOPE} AND b.status = 'paid'
       GROUP BY 1 ORDER BY 1`,
      [scope.year, scope.districtId, scope.streetId],
    );
  }

  /** Batches of programmes in the user's scope in a status, per programme. */
  batchesWaiting(
    user: AuthUser,
    status: 'prepared' | 'approved',
    notPreparedBy: number | null,
  ): Promise<ProgrammeWorkRow[]> {
    return this.dataSource.query(
      `SELECT sp.id AS programme_id, sp.name AS programme, sp.kind, sp.roster_kind, count(*)::int AS count,
              CASE WHEN count(*) = 1 THEN min(b.id) END AS only_id, NULL AS first_period
       FROM stipend_batch b JOIN stipend_programme sp ON sp.id = b.programme_id
       WHERE b.status = $2 AND ($3::int IS NULL OR b.prepared_by_user_id <> $3)
         AND ${this.access.unitScopeCondition(user, 'sp.unit_id', 1)}
       GROUP BY sp.id ORDER BY sp.id`,
      [user.unit.id, status, notPreparedBy],
    );
  }

  /** Street reports submitted and waiting for the district's audit, per programme. */
  reportsToAudit(user: AuthUser): Promise<ProgrammeWorkRow[]> {
    return this.dataSource.query(
      `SELECT sp.id AS programme_id, sp.name AS programme, sp.kind, sp.roster_kind, count(*)::int AS count,
              CASE WHEN count(*) = 1 THEN min(r.id) END AS only_id, min(r.year * 10 + r.quarter) AS first_period
       FROM stipend_street_report r JOIN stipend_programme sp ON sp.id = r.programme_id
       WHERE r.status = 'submitted' AND ${this.access.unitScopeCondition(user, 'sp.unit_id', 1)}
       GROUP BY sp.id ORDER BY sp.id`,
      [user.unit.id],
    );
  }

  /**
   * For a street officer: the quarterly programmes of their district where the street has people
   * on the roster for the quarter and no report submitted or approved yet (the rule of the daily
   * reminder, StipendReminderHandler; who counts for a quarter is RELEVANT_TO_QUARTER).
   */
  reportsToFile(
    user: AuthUser,
    year: number,
    quarter: number,
    start: string,
    end: string,
  ): Promise<ProgrammeWorkRow[]> {
    return this.dataSource.query(
      `SELECT sp.id AS programme_id, sp.name AS programme, sp.kind, sp.roster_kind, 1 AS count,
              NULL AS only_id, ($2::int * 10 + $3::int) AS first_period
       FROM stipend_programme sp
       WHERE sp.kind = 'monthly_quarterly' AND ${this.access.ancestorScopeCondition('sp.unit_id', 1)}
         AND EXISTS (SELECT 1 FROM stipend_person p
                     WHERE p.programme_id = sp.id AND p.street_id = $1 AND p.eligible_from <= $5::date
                       AND (p.removed_on IS NULL OR p.removed_on > $4::date)
                       AND (p.death_date IS NULL OR p.death_date >= $4::date))
         AND NOT EXISTS (SELECT 1 FROM stipend_street_report r
                         WHERE r.programme_id = sp.id AND r.street_id = $1 AND r.year = $2 AND r.quarter = $3
                           AND r.status IN ('submitted', 'approved'))
       ORDER BY sp.id`,
      [user.unit.id, year, quarter, start, end],
    );
  }

  /** Paid out in batches of programmes in the user's scope since `since`. */
  async paidSince(user: AuthUser, since: Date): Promise<string> {
    const [row]: Array<{ paid_fen: string }> = await this.dataSource.query(
      `SELECT coalesce(sum(b.total_fen), 0) AS paid_fen
       FROM stipend_batch b JOIN stipend_programme sp ON sp.id = b.programme_id
       WHERE b.status = 'paid' AND b.paid_at >= $2 AND ${this.access.unitScopeCondition(user, 'sp.unit_id', 1)}`,
      [user.unit.id, since],
    );
    return row.paid_fen;
  }
}
