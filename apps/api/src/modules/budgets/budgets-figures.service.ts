import { Injectable } from '@nestjs/common';
import type { LedgerTotals } from '@xiaoshi/domain';
import { BudgetsFiguresRepository } from './budgets-figures.repository.js';

export interface LineFigures extends LedgerTotals {
  budgetLineId: number;
  name: string;
  programme: string;
}

export interface LedgerMonth {
  month: string;
  committedFen: number;
  paidFen: number;
}

/**
 * The budgets module's published figures for the dashboards: each line's four running totals and
 * the ledger's movements by month, for one district's programmes of a year. Narrow typed rows, so
 * that pre-aggregated tables can replace the SQL behind them.
 */
@Injectable()
export class BudgetsFiguresService {
  constructor(private readonly repository: BudgetsFiguresRepository) {}

  async lines(year: number, districtId: number): Promise<LineFigures[]> {
    const rows = await this.repository.lines(year, districtId);
    return rows.map((row) => ({
      budgetLineId: row.budget_line_id,
      name: row.name,
      programme: row.programme,
      budgetFen: Number(row.amount_fen),
      adjustmentsFen: Number(row.adjusted_fen),
      committedFen: Number(row.committed_fen),
      paidFen: Number(row.paid_fen),
    }));
  }

  async months(year: number, districtId: number): Promise<LedgerMonth[]> {
    const rows = await this.repository.months(year, districtId);
    return rows.map((row) => ({
      month: row.month,
      committedFen: Number(row.committed_fen),
      paidFen: Number(row.paid_fen),
    }));
  }

  /** Per district: the four running totals of the year's lines (districts without lines are absent). */
  async byDistrict(year: number, districtIds: readonly number[]): Promise<Map<number, LedgerTotals & { lines: number }>> {
    if (!districtIds.length) return new Map();
    const rows = await this.repository.byDistrict(year, districtIds);
    return new Map(
      rows.map((row) => [
        row.district_id,
        {
          lines: row.lines,
          budgetFen: Number(row.amount_fen),
          adjustmentsFen: Number(row.adjusted_fen),
          committedFen: Number(row.committed_fen),
          paidFen: Number(row.paid_fen),
        },
      ]),
    );
  }
}
