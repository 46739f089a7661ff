import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../../common/actor.js';
import type { FigureScope } from '../../common/figure-scope.js';
import { ApplicationsFiguresRepository } from './applications-figures.repository.js';

export interface FunnelCounts {
  submitted: { count: number; requestedFen: number };
  screened: { count: number; requestedFen: number };
  scored: { count: number; requestedFen: number };
  approved: { count: number };
}

export interface StreetMinimum {
  competitionId: number;
  title: string;
  minimum: number;
  submitted: number;
  closesAt: Date;
}

/** The applications module's published figures: the pipeline funnel and a street's minimums. */
@Injectable()
export class ApplicationsFiguresService {
  constructor(private readonly repository: ApplicationsFiguresRepository) {}

  async funnel(scope: FigureScope): Promise<FunnelCounts> {
    const row = await this.repository.funnel(scope);
    return {
      submitted: { count: row.submitted, requestedFen: Number(row.submitted_fen) },
      screened: { count: row.screened, requestedFen: Number(row.screened_fen) },
      scored: { count: row.scored, requestedFen: Number(row.scored_fen) },
      approved: { count: row.approved },
    };
  }

  /** For a street officer: each open call's minimum and what the street has submitted. */
  async streetMinimums(user: AuthUser, now: Date): Promise<StreetMinimum[]> {
    if (user.unit.kind !== 'street') return [];
    const rows = await this.repository.streetMinimums(user, now);
    return rows.map((row) => ({
      competitionId: row.competition_id,
      title: row.title,
      minimum: row.minimum,
      submitted: row.submitted,
      closesAt: row.closes_at,
    }));
  }

  /** Per district: the year's applications counted by current status (drafts included). */
  async byDistrictAndStatus(year: number, districtIds: readonly number[]): Promise<Map<number, Record<string, number>>> {
    const byDistrict = new Map<number, Record<string, number>>();
    if (!districtIds.length) return byDistrict;
    for (const row of await this.repository.byDistrictAndStatus(year, districtIds)) {
      const counts = byDistrict.get(row.district_id) ?? {};
      counts[row.status] = row.count;
      byDistrict.set(row.district_id, counts);
    }
    return byDistrict;
  }
}
