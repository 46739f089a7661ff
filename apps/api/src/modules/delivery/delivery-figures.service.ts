import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../../common/actor.js';
import type { FigureScope } from '../../common/figure-scope.js';
import { DeliveryFiguresRepository } from './delivery-figures.repository.js';

export interface StreetProjects {
  streetId: number;
  projects: number;
  inDelivery: number;
  accepted: number;
  acceptedFen: number;
}

export interface PassRateCounts {
  inspected: number;
  passed: number;
  firstPassed: number;
}

/** The delivery module's published figures: projects per street, the acceptance pass rate. */
@Injectable()
export class DeliveryFiguresService {
  constructor(private readonly repository: DeliveryFiguresRepository) {}

  async projectsByStreet(scope: FigureScope): Promise<StreetProjects[]> {
    const rows = await this.repository.projectsByStreet(scope);
    return rows.map((row) => ({
      streetId: row.street_id,
      projects: row.projects,
      inDelivery: row.in_delivery,
      accepted: row.accepted,
      acceptedFen: Number(row.accepted_fen),
    }));
  }

  async passRate(scope: FigureScope): Promise<PassRateCounts> {
    const row = await this.repository.passRate(scope);
    return { inspected: row.inspected, passed: row.passed, firstPassed: row.first_passed };
  }

  /** Projects in the user's scope still being delivered (any year). */
  inDelivery(user: AuthUser): Promise<number> {
    return this.repository.inDelivery(user);
  }

  /** Open inspection rounds assigned to the user. */
  async inspectionsAssigned(user: AuthUser): Promise<number> {
    return (await this.repository.inspectionsAssigned(user.id)).count;
  }

  /** Per district: the year's funded projects and how many passed acceptance (or supervision). */
  async projectsByDistrict(year: number, districtIds: readonly number[]): Promise<Map<number, { projects: number; accepted: number }>> {
    if (!districtIds.length) return new Map();
    const rows = await this.repository.projectsByDistrict(year, districtIds);
    return new Map(rows.map((row) => [row.district_id, { projects: row.projects, accepted: row.accepted }]));
  }
}
