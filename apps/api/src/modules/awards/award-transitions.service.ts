import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../common/actor.js';
import type { SystemMove } from '@xiaoshi/domain';
import { ApplicationLifecycleService } from '../applications/application-lifecycle.service.js';

/** The applications of awards, moved through their lifecycle by the applications module. */
@Injectable()
export class AwardTransitionsService {
  constructor(private readonly lifecycle: ApplicationLifecycleService) {}

  /**
   * A lifecycle move for the applications of awards (set-wise: those not in a status the move
   * starts from stay as they are). The applications module writes status, history and audit.
   */
  async moveApplications(
    manager: EntityManager,
    actor: Actor,
    ids: number[],
    move: SystemMove,
    reason: string | null = null,
  ): Promise<number[]> {
    if (!ids.length) return [];
    const moved = await this.lifecycle.apply(manager, actor, ids, move, { reason, strict: false });
    return moved.map((row) => row.id);
  }

  /** Applications of a competition still waiting for a decision (screened in, never awarded). */
  undecidedApplications(manager: EntityManager, competitionId: number, except: number[]): Promise<number[]> {
    return this.lifecycle.inStatuses(manager, { competitionId, statuses: ['eligible', 'in_review', 'scored'], except });
  }
}
