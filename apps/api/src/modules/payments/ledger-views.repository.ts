import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { LedgerTotals } from '@xiaoshi/domain';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../../common/actor.js';
import { AccessService } from '../access/access.service.js';

export interface LedgerLine extends LedgerTotals {
  budgetLineId: number;
  name: string;
  programme: string;
  year: number;
}

export interface StreetMoney {
  streetId: number;
  name: string;
  awardedFen: number;
  paidFen: number;
  projects: number;
  accepted: number;
}

/**
 * Read-only figures behind the ledger dashboard: the budget lines of the user's scope with their
 * running totals (kept by the budgets module's ledger), and per street what was awarded, paid to
 * its projects and how many of them were accepted — read from the figures the budgets module
 * (ledger_street_figure) and the delivery module (project_figure) keep with each ledger entry and
 * project change (migration 1764000000900): a few rows per street, whatever the number of awards.
 */
@Injectable()
export class LedgerViewsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  async lines(user: AuthUser, year: number | null): Promise<LedgerLine[]> {
    const rows: Array<{
      id: number;
      name: string;
      year: number;
      programme: string;
      amount_fen: string;
      adjusted_fen: string;
      committed_fen: string;
      paid_fen: string;
    }> = await this.dataSource.query(
      `SELECT l.id, l.name, pr.year, pr.name AS programme, l.amount_fen, l.adjusted_fen, l.committed_fen, l.paid_fen
       FROM budget_line l JOIN programme pr ON pr.id = l.programme_id
       WHERE ${this.access.unitScopeCondition(user, 'l.unit_id', 1)} AND ($2::int IS NULL OR pr.year = $2) ORDER BY l.id`,
      [user.unit.id, year],
    );
    return rows.map((row) => ({
      budgetLineId: row.id,
      name: row.name,
      programme: row.programme,
      year: row.year,
      budgetFen: Number(row.amount_fen),
      adjustmentsFen: Number(row.adjusted_fen),
      committedFen: Number(row.committed_fen),
      paidFen: Number(row.paid_fen),
    }));
  }

  async streets(user: AuthUser, acceptedStates: readonly string[]): Promise<StreetMoney[]> {
    const rows: Array<{
      id: number;
      name: string;
      awarded: string;
      paid: string;
      projects: number;
      accepted: number;
    }> = await this.dataSource.query(
      `WITH streets AS (
         SELECT s.id, s.name FROM org_unit s WHERE s.kind = 'street' AND ${this.access.unitScopeCondition(user, 's.id', 1)}
       ), money AS (
         SELECT f.street_id, sum(f.awarded_fen) AS awarded, sum(f.paid_fen) AS paid
         FROM ledger_street_figure f WHERE f.street_id IN (SELECT id FROM streets)
         GROUP BY f.street_id
       ), projects AS (
         SELECT f.street_id, sum(f.projects)::int AS projects,
                coalesce(sum(f.projects) FILTER (WHERE f.status = ANY($2::varchar[])), 0)::int AS accepted
         FROM project_figure f WHERE f.street_id IN (SELECT id FROM streets)
         GROUP BY f.street_id
       )
       SELECT s.id, s.name, coalesce(money.awarded, 0) AS awarded, coalesce(money.paid, 0) AS paid,
              coalesce(projects.projects, 0) AS projects, coalesce(projects.accepted, 0) AS accepted
       FROM streets s
       LEFT JOIN money ON money.street_id = s.id
       LEFT JOIN projects ON projects.street_id = s.id
       ORDER BY s.id`,
      [user.unit.id, acceptedStates],
    );
    return rows.map((row) => ({
      streetId: row.id,
      name: row.name,
      awardedFen: Number(row.awarded),
      paidFen: Number(row.paid),
      projects: row.projects,
      accepted: row.accepted,
    }));
  }
}
