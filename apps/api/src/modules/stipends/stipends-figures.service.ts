import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../../common/actor.js';
import type { FigureScope } from '../../common/figure-scope.js';
import { StipendsFiguresRepository } from './stipends-figures.repository.js';

export interface StipendQuarter {
  programmeId: number;
  programme: string;
  quarter: 1 | 2 | 3 | 4;
  people: number;
  amountFen: number;
}

export interface StipendStreetLine {
  streetId: number;
  budgetLineId: number;
  committedFen: number;
  paidFen: number;
}

/** The stipends module's published figures: payments by quarter, by street and line, by month. */
@Injectable()
export class StipendsFiguresService {
  constructor(private readonly repository: StipendsFiguresRepository) {}

  async quarterly(scope: FigureScope): Promise<StipendQuarter[]> {
    const rows = await this.repository.quarterly(scope);
    return rows.map((row) => ({
      programmeId: row.programme_id,
      programme: row.programme,
      quarter: row.quarter as StipendQuarter['quarter'],
      people: row.people,
      amountFen: Number(row.amount_fen),
    }));
  }

  async byStreetAndLine(scope: FigureScope): Promise<StipendStreetLine[]> {
    const rows = await this.repository.byStreetAndLine(scope);
    return rows.map((row) => ({
      streetId: row.street_id,
      budgetLineId: row.budget_line_id,
      committedFen: Number(row.committed_fen),
      paidFen: Number(row.paid_fen),
    }));
  }

  async paidByMonth(scope: FigureScope): Promise<Array<{ month: string; paidFen: number }>> {
    const rows = await this.repository.paidByMonth(scope);
    return rows.map((row) => ({ month: row.month, paidFen: Number(row.paid_fen) }));
  }

  async paidSince(user: AuthUser, since: Date): Promise<number> {
    return Number(await this.repository.paidSince(user, since));
  }
}
