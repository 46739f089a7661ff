import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../../common/actor.js';
import type { FigureScope } from '../../common/figure-scope.js';
import { AccessService } from '../access/access.service.js';

export interface ApprovedAwardsRow {
  street_id: number;
  budget_line_id: number;
  awards: number;
  amount_fen: string;
}

export interface NoticeWorkRow {
  count: number;
  /** The only notice concerned, or null when there are several. */
  notice_id: number | null;
  first_due: string | null;
}

/** Read-only figures of approved awards (立项) and of 公示 work waiting, for the dashboards. */
export interface DistrictAwardsRow {
  district_id: number;
  awards: number;
  amount_fen: string;
}

@Injectable()
export class AwardsFiguresRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  /** Approved awards of the year by the applicant's street and the call's budget line. */
  approvedByStreetAndLine(scope: FigureScope): Promise<ApprovedAwardsRow[]> {
    return this.dataSource.query(
      `SELECT a.street_id, c.budget_line_id, count(*)::int AS awards, sum(w.amount_fen) AS amount_fen
       FROM programme g
       JOIN budget_line l ON l.programme_id = g.id
       JOIN competition c ON c.budget_line_id = l.id
       JOIN application a ON a.competition_id = c.id
       JOIN award w ON w.application_id = a.id AND w.status = 'approved'
       WHERE g.unit_id = $2 AND g.year = $1
         AND ($3::int IS NULL OR a.street_id = $3) AND ($4::int IS NULL OR c.id = $4)
       GROUP BY a.street_id, c.budget_line_id`,
      [scope.year, scope.districtId, scope.streetId, scope.competitionId],
    );
  }

  /** 异议 not yet decided, on notices of calls whose money lies in the user's scope. */
  async pendingObjections(user: AuthUser): Promise<NoticeWorkRow> {
    const [row]: NoticeWorkRow[] = await this.dataSource.query(
      `SELECT count(*)::int AS count,
              CASE WHEN min(n.id) = max(n.id) THEN min(n.id) END AS notice_id,
              to_char(min(n.last_day), 'YYYY-MM-DD') AS first_due
       FROM objection o
       JOIN public_notice n ON n.id = o.notice_id
       JOIN competition c ON c.id = n.competition_id
       JOIN budget_line l ON l.id = c.budget_line_id
       WHERE o.status = 'pending' AND ${this.access.unitScopeCondition(user, 'l.unit_id', 1)}`,
      [user.unit.id],
    );
    return row;
  }

  /** 公示 whose period is over (last day before `today`) but that are still open. */
  async endedOpenNotices(user: AuthUser, today: string): Promise<NoticeWorkRow> {
    const [row]: NoticeWorkRow[] = await this.dataSource.query(
      `SELECT count(*)::int AS count,
              CASE WHEN min(n.id) = max(n.id) THEN min(n.id) END AS notice_id,
              to_char(min(n.last_day), 'YYYY-MM-DD') AS first_due
       FROM public_notice n
       JOIN competition c ON c.id = n.competition_id
       JOIN budget_line l ON l.id = c.budget_line_id
       WHERE n.status = 'open' AND n.last_day < $2::date AND ${this.access.unitScopeCondition(user, 'l.unit_id', 1)}`,
      [user.unit.id, today],
    );
    return row;
  }

  /** Roll-ups (issue 13 §6): approved awards of the year's programmes per district. */
  approvedByDistrict(year: number, districtIds: readonly number[]): Promise<DistrictAwardsRow[]> {
    return this.dataSource.query(
      // From award_figure (kept by triggers with each write, migration RollupFigures1764000001000).
      `SELECT g.unit_id AS district_id, sum(f.awards)::int AS awards, sum(f.amount_fen) AS amount_fen
       FROM programme g
       JOIN budget_line l ON l.programme_id = g.id
       JOIN competition c ON c.budget_line_id = l.id
       JOIN award_figure f ON f.competition_id = c.id AND f.status = 'approved'
       WHERE g.unit_id = ANY($2::int[]) AND g.year = $1
       GROUP BY g.unit_id HAVING sum(f.awards) <> 0`,
      [year, [...districtIds]],
    );
  }
}
