import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DomainError,
  fieldMessage,
  type AssignmentPreview,
  type AutoAssignRequest,
  type ManualAssignRequest,
} from '@xiaoshi/contracts';
import { assignReviewers } from '@xiaoshi/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthUser, AuthenticatedActor } from '../../common/actor.js';
import { PG_CHECK_VIOLATION, pgErrorOf } from '../../database/postgres-errors.js';
import { ApplicationFactsService } from '../applications/application-facts.service.js';
import { ApplicationLifecycleService } from '../applications/application-lifecycle.service.js';
import { AuditService } from '../audit/audit.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { ReviewAccessService } from './review-access.service.js';
import {
  ReviewAssignmentsRepository,
  type AssignmentListRow,
  type AssignmentPair,
} from './review-assignments.repository.js';
import { ReviewConflictsRepository } from './review-conflicts.repository.js';
import { ReviewPanelsRepository } from './review-panels.repository.js';
import { ReviewPanelsService } from './review-panels.service.js';
import { ReviewRankingService } from './review-ranking.service.js';
import { ScoreSheetsRepository } from './score-sheets.repository.js';
import { REVIEWABLE } from './reviewable.js';

/**
 * Who reviews what: the exact assignment of libs/domain (preview, then commit), manual
 * assignments and their removal. Applications move to in_review through the lifecycle.
 */
@Injectable()
export class ReviewAssignmentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reviewAccess: ReviewAccessService,
    private readonly audit: AuditService,
    private readonly facts: ApplicationFactsService,
    private readonly lifecycle: ApplicationLifecycleService,
    private readonly notifications: NotificationsService,
    private readonly panels: ReviewPanelsService,
    private readonly panelMembers: ReviewPanelsRepository,
    private readonly conflicts: ReviewConflictsRepository,
    private readonly sheets: ScoreSheetsRepository,
    private readonly repository: ReviewAssignmentsRepository,
    private readonly ranking: ReviewRankingService,
  ) {}

  /**
   * Computes a complete assignment with the exact solver in libs/domain: every reviewable
   * application gets k reviewers (counting those it already has), no conflicted pair, loads
   * balanced under the cap. Nothing is written.
   */
  private async computeAssignment(
    manager: EntityManager,
    competitionId: number,
    overrides: AutoAssignRequest,
  ): Promise<AssignmentPreview> {
    const panel = await this.panels.requirePanel(manager, competitionId);
    const applications = await this.facts.inCompetition(competitionId, REVIEWABLE, manager);
    const members = await this.panelMembers.activeMembers(manager, panel.id);
    const applicationIds = applications.map((row) => row.id);
    const reviewerIds = members.map((row) => row.userId);
    const existing = await this.repository.pairsOf(manager, applicationIds);
    const result = assignReviewers({
      applicationIds,
      reviewerIds,
      k: overrides.reviewersPerApplication ?? panel.reviewersPerApplication,
      maxLoad: overrides.maxLoad ?? panel.maxLoad,
      conflicts: await this.conflicts.pairsAmong(manager, applicationIds, reviewerIds),
      existing,
    });
    if (!result.ok) {
      const titles = new Map(applications.map((row) => [row.id, row.title]));
      return {
        ok: false,
        pairs: [],
        loads: [],
        shortfalls: result.shortfalls.map((row) => ({ ...row, title: titles.get(row.applicationId) ?? '' })),
        applications: applications.length,
      };
    }
    const already = new Set(existing.map(([applicationId, reviewerUserId]) => `${applicationId}:${reviewerUserId}`));
    return {
      ok: true,
      pairs: result.pairs
        .filter(([applicationId, reviewerUserId]) => !already.has(`${applicationId}:${reviewerUserId}`))
        .map(([applicationId, reviewerUserId]) => ({ applicationId, reviewerUserId })),
      loads: members.map((member) => ({
        reviewerUserId: member.userId,
        displayName: member.displayName,
        load: result.loads[member.userId] ?? 0,
      })),
      shortfalls: [],
      applications: applications.length,
    };
  }

  async previewAssignment(
    actor: AuthenticatedActor,
    competitionId: number,
    body: AutoAssignRequest,
  ): Promise<AssignmentPreview> {
    await this.reviewAccess.requireManager(this.dataSource.manager, actor, competitionId);
    return this.computeAssignment(this.dataSource.manager, competitionId, body);
  }

  /** Commits the computed assignment: ASSIGNMENT_INFEASIBLE names the applications short of reviewers. */
  async autoAssign(
    actor: AuthenticatedActor,
    competitionId: number,
    body: AutoAssignRequest,
  ): Promise<AssignmentPreview> {
    const result = await this.dataSource.transaction(async (manager) => {
      await this.reviewAccess.requireManager(manager, actor, competitionId);
      await this.repository.lockCompetitionRun(manager, competitionId);
      const preview = await this.computeAssignment(manager, competitionId, body);
      if (!preview.ok) throw infeasible(preview);
      const panel = await this.panels.requirePanel(manager, competitionId);
      await this.insert(manager, panel.id, preview.pairs, 'automatic');
      const ids = [...new Set(preview.pairs.map((pair) => pair.applicationId))];
      await this.lifecycle.apply(manager, actor, ids, 'assign_reviewers', { strict: false });
      await this.audit.record(manager, actor, {
        action: 'review_assignment.automatic',
        entityType: 'competition',
        entityId: competitionId,
        after: { pairs: preview.pairs.length, applications: ids.length },
      });
      const notificationIds = await this.notifications.notify(
        manager,
        [...new Set(preview.pairs.map((pair) => pair.reviewerUserId))],
        {
          kind: 'review.assigned',
          title: '您有新的评审任务',
          body: `已为您分配 ${preview.pairs.length} 项评审任务，请在评审截止前完成评分。`,
          link: '/reviews',
        },
      );
      await this.ranking.requestRanking(manager, competitionId);
      return { preview, notificationIds };
    });
    await this.notifications.deliverLater(result.notificationIds);
    return result.preview;
  }

  async assignManually(actor: AuthenticatedActor, competitionId: number, body: ManualAssignRequest): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.reviewAccess.requireManager(manager, actor, competitionId);
      const panel = await this.panels.requirePanel(manager, competitionId);
      const application = await this.facts.find(body.applicationId, manager);
      if (
        !application ||
        application.competitionId !== competitionId ||
        !(REVIEWABLE as readonly string[]).includes(application.status)
      )
        throw new DomainError('NOT_FOUND');
      if (!(await this.panelMembers.isMember(manager, panel.id, body.reviewerUserId))) {
        throw new DomainError('VALIDATION_FAILED', {
          reviewerUserId: fieldMessage('该专家不是评审组成员', 'The reviewer is not on the panel'),
        });
      }
      if (await this.repository.exists(manager, body)) throw new DomainError('CONFLICT');
      await this.insert(manager, panel.id, [body], 'manual');
      await this.lifecycle.apply(manager, actor, [body.applicationId], 'assign_reviewers', { strict: false });
      await this.audit.record(manager, actor, {
        action: 'review_assignment.manual',
        entityType: 'application',
        entityId: body.applicationId,
        after: body,
      });
      await this.ranking.requestRanking(manager, competitionId);
    });
  }

  /** Removes an assignment whose sheet is not submitted. */
  async unassign(actor: AuthenticatedActor, assignmentId: number): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const assignment = await this.repository.byId(manager, assignmentId, true);
      if (!assignment) throw new DomainError('NOT_FOUND');
      const application = await this.facts.get(assignment.applicationId, manager);
      await this.reviewAccess.requireManager(manager, actor, application.competitionId);
      const sheet = await this.sheets.ofAssignment(manager, assignmentId);
      if (sheet?.status === 'submitted') throw new DomainError('SHEET_LOCKED');
      await this.repository.remove(manager, assignmentId);
      await this.audit.record(manager, actor, {
        action: 'review_assignment.remove',
        entityType: 'application',
        entityId: application.id,
        before: assignment,
      });
      await this.ranking.requestRanking(manager, application.competitionId);
    });
  }

  /** Every assignment of a competition with its sheet: what admins unassign and reopen. */
  async assignments(user: AuthUser, competitionId: number): Promise<AssignmentListRow[]> {
    await this.reviewAccess.requireReadable(user, competitionId);
    return this.repository.ofCompetition(competitionId);
  }

  /** The database refuses a conflicted pair (trigger): that is a conflict of interest, not a 5xx. */
  private async insert(
    manager: EntityManager,
    panelId: number,
    pairs: readonly AssignmentPair[],
    method: 'manual' | 'automatic',
  ): Promise<void> {
    try {
      await this.repository.insert(manager, panelId, pairs, method);
    } catch (error) {
      if (pgErrorOf(error)?.code === PG_CHECK_VIOLATION) throw new DomainError('CONFLICT_OF_INTEREST');
      throw error;
    }
  }
}

function infeasible(preview: AssignmentPreview): DomainError {
  return new DomainError(
    'ASSIGNMENT_INFEASIBLE',
    Object.fromEntries(
      preview.shortfalls
        .slice(0, 20)
        .map((row) => [
          `applications.${row.applicationId}`,
          fieldMessage(
            `「${row.title}」只有 ${row.eligibleReviewers} 位无冲突专家，需要 ${row.needed} 位`,
            `"${row.title}" has ${row.eligibleReviewers} conflict-free reviewers, ${row.needed} needed`,
          ),
        ]),
    ),
  );
}
