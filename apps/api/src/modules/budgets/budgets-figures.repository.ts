import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export interface LineFiguresRow {
  budget_line_id: number;
  name: string;
  programme: string;
  amount_fen: string;
  adjusted_fen: string;
  committed_fen: string;
  paid_fen: string;
}

export interface DistrictLedgerRow {
  district_id: number;
  lines: number;
  amount_fen: string;
  adjusted_fen: string;
  committed_fen: string;
  paid_fen: string;
}

export interface LedgerMonthRow {
  /** 'YYYY-MM' in Asia/Shanghai */
  month: string;
  committed_fen: string;
  paid_fen: string;
}

/**
 * Read-only ledger figures of a district's budget lines for the dashboards (see
 * budgets-figures.service.ts). The lines' running totals are the ledger's sums (LedgerService
 * keeps them), so the line query reads no ledger rows; the month query reads the month figures.
 */
@Injectable()
export class BudgetsFiguresRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  lines(year: number, districtId: number): Promise<LineFiguresRow[]> {
    return this.dataSource.query(
      `SELECT l.id AS budget_line_id, l.name, g.name AS programme, l.amount_fen, l.adjusted_fen, l.committed_fen, l.paid_fen
       FROM programme g JOIN budget_line l ON l.programme_id = g.id
       WHERE g.unit_id = $2 AND g.year = $1
       ORDER BY g.id, l.id`,
      [year, districtId],
    );
  }

  /**
   * Net commitments and payments of the year's lines by the month they were entered: the ledger's
   * month figures (ledger_figure, kept with each entry), a few rows per line.
   */
  months(year: number, districtId: number): Promise<LedgerMonthRow[]> {
    return this.dataSource.query(
      `SELECT f.month, sum(f.committed_fen) AS committed_fen, sum(f.paid_fen) AS paid_fen
       FROM programme g
       JOIN budget_line l ON l.programme_id = g.id
       JOIN ledger_figure f ON f.budget_line_id = l.id
       WHERE g.unit_id = $2 AND g.year = $1
       GROUP BY f.month HAVING sum(f.entries) > 0 ORDER BY 1`,
      [year, districtId],
    );
  }

  /** Roll-ups (issue 13 §6): the year's lines' running totals summed per district, one grouped read. */
  byDistrict(year: number, districtIds: readonly number[]): Promise<DistrictLedgerRow[]> {
    return this.dataSource.query(
      `SELECT g.unit_id AS district_id, count(l.id)::int AS lines,
              coalesce(sum(l.amount_fen), 0) AS amount_fen, coalesce(sum(l.adjusted_fen), 0) AS adjusted_fen,
              coalesce(sum(l.committed_fen), 0) AS committed_fen, coalesce(sum(l.paid_fen), 0) AS paid_fen
       FROM programme g JOIN budget_line l ON l.programme_id = g.id
       WHERE g.unit_id = ANY($2::int[]) AND g.year = $1
       GROUP BY g.unit_id`,
      [year, [...districtIds]],
    );
  }
}
