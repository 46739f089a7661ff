import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, type DeclareConflictRequest, type PinConflictRequest } from '@xiaoshi/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthUser, AuthenticatedActor } from '../../common/actor.js';
import { ApplicationFactsService } from '../applications/application-facts.service.js';
import { AuditService } from '../audit/audit.service.js';
import { ReviewAccessService } from './review-access.service.js';
import { ReviewAssignmentsRepository } from './review-assignments.repository.js';
import { ReviewConflictsRepository, type ConflictView } from './review-conflicts.repository.js';
import { ReviewRankingService } from './review-ranking.service.js';
import type { ConflictCategory, ConflictKind } from './review.entities.js';
import { REVIEWABLE } from './reviewable.js';

interface ConflictInput {
  applicationId: number;
  reviewerUserId: number;
  kind: ConflictKind;
  category: ConflictCategory;
  note: string | null;
}

/**
 * Conflicts of interest: the automatic ones (shared affiliation, computed by the database view),
 * those a reviewer declares and those an admin pins. A conflicted reviewer never keeps the pair.
 */
@Injectable()
export class ReviewConflictsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reviewAccess: ReviewAccessService,
    private readonly audit: AuditService,
    private readonly facts: ApplicationFactsService,
    private readonly assignments: ReviewAssignmentsRepository,
    private readonly repository: ReviewConflictsRepository,
    private readonly ranking: ReviewRankingService,
  ) {}

  async conflicts(user: AuthUser, competitionId: number): Promise<ConflictView[]> {
    await this.reviewAccess.requireReadable(user, competitionId);
    return this.repository.ofCompetition(competitionId, REVIEWABLE);
  }

  /** An admin pins a conflict on a pair of the competition; an assignment of the pair is withdrawn. */
  async pinConflict(actor: AuthenticatedActor, competitionId: number, body: PinConflictRequest): Promise<ConflictView[]> {
    await this.dataSource.transaction(async (manager) => {
      await this.reviewAccess.requireManager(manager, actor, competitionId);
      const application = await this.facts.find(body.applicationId, manager);
      if (!application || application.competitionId !== competitionId) throw new DomainError('NOT_FOUND');
      const withdrew = await this.recordConflict(manager, actor, { ...body, kind: 'pinned', note: body.note ?? null });
      if (withdrew) await this.ranking.requestRanking(manager, competitionId);
    });
    return this.conflicts(actor.user, competitionId);
  }

  /** The reviewer declares a conflict on an assignment: it is withdrawn at once. */
  async declareConflict(
    actor: AuthenticatedActor,
    assignmentId: number,
    body: DeclareConflictRequest,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const assignment = await this.reviewAccess.requireOwnAssignment(manager, actor.user, assignmentId);
      await this.recordConflict(manager, actor, {
        applicationId: assignment.applicationId,
        reviewerUserId: actor.user.id,
        kind: 'declared',
        category: body.category,
        note: body.note,
      });
      const application = await this.facts.get(assignment.applicationId, manager);
      await this.ranking.requestRanking(manager, application.competitionId);
    });
  }

  /** Records the conflict and withdraws the pair's assignment (and its sheet); true if one was withdrawn. */
  private async recordConflict(manager: EntityManager, actor: AuthenticatedActor, input: ConflictInput): Promise<boolean> {
    await this.repository.record(manager, { ...input, createdByUserId: actor.user.id });
    // A conflicted reviewer never keeps the assignment, nor a sheet that would count.
    const removed = await this.assignments.removePair(manager, input);
    await this.audit.record(manager, actor, {
      action: `review_conflict.${input.kind}`,
      entityType: 'application',
      entityId: input.applicationId,
      after: {
        reviewerUserId: input.reviewerUserId,
        category: input.category,
        note: input.note,
        removedAssignments: removed,
      },
    });
    return removed.length > 0;
  }
}
