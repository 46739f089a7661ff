import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../../common/actor.js';
import type { FigureScope } from '../../common/figure-scope.js';
import { AwardsFiguresRepository } from './awards-figures.repository.js';

export interface ApprovedAwards {
  streetId: number;
  budgetLineId: number;
  awards: number;
  amountFen: number;
}

/** The awards module's published figures: approved awards, and objections waiting for a decision. */
@Injectable()
export class AwardsFiguresService {
  constructor(private readonly repository: AwardsFiguresRepository) {}

  async approvedByStreetAndLine(scope: FigureScope): Promise<ApprovedAwards[]> {
    const rows = await this.repository.approvedByStreetAndLine(scope);
    return rows.map((row) => ({
      streetId: row.street_id,
      budgetLineId: row.budget_line_id,
      awards: row.awards,
      amountFen: Number(row.amount_fen),
    }));
  }

  async pendingObjections(user: AuthUser): Promise<number> {
    return (await this.repository.pendingObjections(user)).count;
  }

  /** Per district: approved awards of the year's programmes and their amount in fen. */
  async approvedByDistrict(year: number, districtIds: readonly number[]): Promise<Map<number, { awards: number; amountFen: number }>> {
    if (!districtIds.length) return new Map();
    const rows = await this.repository.approvedByDistrict(year, districtIds);
    return new Map(rows.map((row) => [row.district_id, { awards: row.awards, amountFen: Number(row.amount_fen) }]));
  }
}
