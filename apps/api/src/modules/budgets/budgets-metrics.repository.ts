import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export interface LineTotalsRow {
  id: number;
  name: string;
  amount_fen: string;
  adjusted_fen: string;
  paid_fen: string;
}

export interface PaymentEntryRow {
  id: number;
  kind: 'payment' | 'payment_reversal';
  source: string;
  amount_fen: string;
  reason: string | null;
  created_at: Date;
  total: number;
}

/**
 * Read-only totals of a budget line for the performance module (see budgets.metrics.ts). A line
 * counts for a scope when the unit that owns it lies in the scope's subtree: the district sees its
 * lines, a street none (the money is the district's).
 */
@Injectable()
export class BudgetsMetricsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async line(budgetLineId: number, unitId: number): Promise<LineTotalsRow | null> {
    const [row]: LineTotalsRow[] = await this.dataSource.query(
      `SELECT l.id, l.name, l.amount_fen, l.adjusted_fen, l.paid_fen
       FROM budget_line l JOIN org_unit u ON u.id = l.unit_id
       WHERE l.id = $1 AND (u.id = $2 OR u.ancestor_ids @> ARRAY[$2::int])`,
      [budgetLineId, unitId],
    );
    return row ?? null;
  }

  /** Payments and their reversals on the line, newest first (the ledger stores them signed). */
  paymentEntries(budgetLineId: number, limit: number): Promise<PaymentEntryRow[]> {
    return this.dataSource.query(
      `SELECT e.id, e.kind, e.source, e.amount_fen, e.reason, e.created_at, count(*) OVER ()::int AS total
       FROM ledger_entry e
       WHERE e.budget_line_id = $1 AND e.kind IN ('payment', 'payment_reversal')
       ORDER BY e.id DESC LIMIT $2`,
      [budgetLineId, limit],
    );
  }
}
