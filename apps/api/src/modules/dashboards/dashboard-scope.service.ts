import { Injectable } from '@nestjs/common';
import { DomainError, type DashboardQuery, type DashboardScopeView } from '@xiaoshi/contracts';
import { shanghaiDate } from '@xiaoshi/domain';
import type { AuthUser } from '../../common/actor.js';
import type { FigureScope } from '../../common/figure-scope.js';
import { AccessService } from '../access/access.service.js';
import { CompetitionsService } from '../competitions/competitions.service.js';
import { OrgsService } from '../orgs/orgs.service.js';

/** A district has a few dozen streets; this bounds the picker list, not the figures. */
const MAX_STREETS = 200;

export interface ResolvedScope {
  view: DashboardScopeView;
  /** For the money charts: the year's programmes, never narrowed to one competition. */
  money: FigureScope;
  /** For the funnel and the pass rate: narrowed to the chosen competition, if any. */
  pipeline: FigureScope;
}

/**
 * Turns a dashboard query into the scope the figure services apply, through AccessService and the
 * orgs and competitions services: a district user sees the district or narrows to one of its
 * streets; a street officer sees their own street only — another street's id, or a competition
 * out of reach, answers 404 like any out-of-scope id.
 */
@Injectable()
export class DashboardScopeService {
  constructor(
    private readonly access: AccessService,
    private readonly orgs: OrgsService,
    private readonly competitions: CompetitionsService,
  ) {}

  async resolve(user: AuthUser, query: DashboardQuery, now: Date): Promise<ResolvedScope> {
    this.access.requirePermission(user, 'dashboards.read');
    const year = query.year ?? Number(shanghaiDate(now).slice(0, 4));
    const base = await this.unitOf(user, query.streetId ?? null);
    if (query.competitionId) await this.competitions.get(user, query.competitionId);
    const competitionId = query.competitionId ?? null;
    const money: FigureScope = {
      year,
      districtId: base.districtId,
      streetId: base.street?.id ?? null,
      competitionId: null,
    };
    return {
      view: {
        year,
        kind: base.street ? 'street' : 'district',
        districtId: base.districtId,
        unit: base.street ?? base.district!,
        competitionId,
        streets: base.streets,
      },
      money,
      pipeline: { ...money, competitionId },
    };
  }

  private async unitOf(user: AuthUser, streetId: number | null) {
    const own = { id: user.unit.id, name: user.unit.name };
    if (user.unit.kind === 'street') {
      if (streetId !== null && streetId !== user.unit.id) throw new DomainError('NOT_FOUND');
      const unit = await this.orgs.get(user, user.unit.id);
      if (unit.parentId === null) throw new DomainError('NOT_FOUND');
      return { districtId: unit.parentId, district: null, street: own, streets: [] };
    }
    if (user.unit.kind !== 'district') throw new DomainError('FORBIDDEN');
    const streets = (
      await this.orgs.list(user, { kind: 'street', parentId: user.unit.id, limit: MAX_STREETS })
    ).items.map((unit) => ({ id: unit.id, name: unit.name }));
    let street: { id: number; name: string } | null = null;
    if (streetId !== null) {
      // Any id out of the district's streets is as absent as a missing one.
      street = streets.find((candidate) => candidate.id === streetId) ?? null;
      if (!street) throw new DomainError('NOT_FOUND');
    }
    return { districtId: user.unit.id, district: own, street, streets };
  }
}
