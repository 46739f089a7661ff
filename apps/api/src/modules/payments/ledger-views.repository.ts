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
 * its projects and how many of them were accepted — each grouped once, then joined to the streets.
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
       ), awarded AS (
         SELECT a.street_id, sum(w.amount_fen) AS fen
         FROM award w JOIN application a ON a.id = w.application_id
         WHERE w.status = 'approved' AND a.street_id IN (SELECT id FROM streets)
         GROUP BY a.street_id
       ), projects AS (
         SELECT p.street_id, count(*)::int AS projects, count(*) FILTER (WHERE p.status = ANY($2::varchar[]))::int AS accepted
         FROM project p WHERE p.street_id IN (SELECT id FROM streets)
         GROUP BY p.street_id
       ), paid AS (
         SELECT p.street_id, sum(pay.amount_fen) AS fen
         FROM payment pay JOIN project p ON p.id = pay.project_id
         WHERE pay.status = 'paid' AND p.street_id IN (SELECT id FROM streets)
         GROUP BY p.street_id
       )
       SELECT s.id, s.name, coalesce(awarded.fen, 0) AS awarded, coalesce(paid.fen, 0) AS paid,
              coalesce(projects.projects, 0) AS projects, coalesce(projects.accepted, 0) AS accepted
       FROM streets s
       LEFT JOIN awarded ON awarded.street_id = s.id
       LEFT JOIN projects ON projects.street_id = s.id
       LEFT JOIN paid ON paid.street_id = s.id
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
