import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../../common/actor.js';
import type { FigureScope } from '../../common/figure-scope.js';
import { PaymentsFiguresRepository } from './payments-figures.repository.js';

export interface PaidByStreetAndLine {
  streetId: number | null;
  budgetLineId: number;
  paidFen: number;
}

export interface MonthPaid {
  month: string;
  paidFen: number;
}

/** The payments module's published figures: money paid by street, line and month; what waits. */
@Injectable()
export class PaymentsFiguresService {
  constructor(private readonly repository: PaymentsFiguresRepository) {}

  async paidByStreetAndLine(scope: FigureScope): Promise<PaidByStreetAndLine[]> {
    const rows = await this.repository.paidByStreetAndLine(scope);
    return rows.map((row) => ({
      streetId: row.street_id,
      budgetLineId: row.budget_line_id,
      paidFen: Number(row.paid_fen),
    }));
  }

  async paidByMonth(scope: FigureScope): Promise<MonthPaid[]> {
    const rows = await this.repository.paidByMonth(scope);
    return rows.map((row) => ({ month: row.month, paidFen: Number(row.paid_fen) }));
  }

  async projectsPaid(scope: FigureScope): Promise<{ paidInFull: number; paidFen: number }> {
    const row = await this.repository.projectsPaid(scope);
    return { paidInFull: row.paid_in_full, paidFen: Number(row.paid_fen) };
  }

  /** Requests another finance officer made, waiting for this user's approval (maker–checker). */
  async awaitingApproval(user: AuthUser): Promise<{ count: number; amountFen: number }> {
    const row = await this.repository.waiting(user, 'requested', user.id);
    return { count: row.count, amountFen: Number(row.amount_fen) };
  }

  async paidSince(user: AuthUser, since: Date): Promise<number> {
    return Number(await this.repository.paidSince(user, since));
  }
}
