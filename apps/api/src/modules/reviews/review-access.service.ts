import { Injectable } from '@nestjs/common';
import { DomainError, type CompetitionView } from '@xiaoshi/contracts';
import type { EntityManager } from 'typeorm';
import type { AuthUser, AuthenticatedActor } from '../../common/actor.js';
import { AccessService } from '../access/access.service.js';
import { CompetitionsService } from '../competitions/competitions.service.js';
import { ReviewAssignmentsRepository } from './review-assignments.repository.js';
import type { ReviewAssignment } from './review.entities.js';

/**
 * Who may touch which review data: readers of a competition's review, the managers of its panel
 * (scope of the competition's budget line), and a reviewer on their own assignments.
 */
@Injectable()
export class ReviewAccessService {
  constructor(
    private readonly access: AccessService,
    private readonly competitions: CompetitionsService,
    private readonly assignments: ReviewAssignmentsRepository,
  ) {}

  /** 'reviews.read' and the competition in scope (404 otherwise). */
  async requireReader(user: AuthUser, competitionId: number): Promise<CompetitionView> {
    this.access.requirePermission(user, 'reviews.read');
    return this.competitions.get(user, competitionId);
  }

  /** `requireReader` for reads that do not need the competition itself: one small query. */
  async requireReadable(user: AuthUser, competitionId: number): Promise<void> {
    this.access.requirePermission(user, 'reviews.read');
    await this.competitions.requireVisible(user, competitionId);
  }

  /** 'reviews.manage' on the competition's budget line (404 when out of scope). */
  async requireManager(
    manager: EntityManager,
    actor: AuthenticatedActor,
    competitionId: number,
  ): Promise<CompetitionView> {
    const competition = await this.competitions.get(actor.user, competitionId, manager);
    await this.access.requireRows(
      actor.user,
      'reviews.manage',
      'budget_line',
      'unit_id',
      [competition.budgetLineId],
      manager,
    );
    return competition;
  }

  /** The assignment if it is the caller's own; anything else is 404, conflicted or not. */
  async requireOwnAssignment(
    manager: EntityManager | undefined,
    user: AuthUser,
    assignmentId: number,
    lock = false,
  ): Promise<ReviewAssignment> {
    this.access.requirePermission(user, 'reviews.score');
    const assignment = await this.assignments.ofReviewer(manager, assignmentId, user.id, lock);
    if (!assignment) throw new DomainError('NOT_FOUND');
    return assignment;
  }
}
