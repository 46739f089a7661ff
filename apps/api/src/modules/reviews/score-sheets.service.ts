import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DomainError,
  fieldMessage,
  type ReviewSheetView,
  type ScoreSheetDraftRequest,
} from '@xiaoshi/contracts';
import { checkScoreSheet, scoreSheetTotal } from '@xiaoshi/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthenticatedActor } from '../../common/actor.js';
import { ApplicationFactsService } from '../applications/application-facts.service.js';
import { ApplicationLifecycleService } from '../applications/application-lifecycle.service.js';
import { AuditService } from '../audit/audit.service.js';
import { violationsToFields } from '../competitions/competitions.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { ReviewAccessService } from './review-access.service.js';
import { ReviewAssignmentsRepository } from './review-assignments.repository.js';
import { ReviewPanelsRepository } from './review-panels.repository.js';
import { ReviewRankingService } from './review-ranking.service.js';
import { ReviewerWorkspaceService } from './reviewer-workspace.service.js';
import { ScoreSheetsRepository } from './score-sheets.repository.js';

/**
 * Score sheets: a reviewer saves drafts and submits (then the sheet is locked); an admin may
 * reopen a submitted sheet with a reason. The application is scored once every sheet is in.
 */
@Injectable()
export class ScoreSheetsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reviewAccess: ReviewAccessService,
    private readonly audit: AuditService,
    private readonly facts: ApplicationFactsService,
    private readonly lifecycle: ApplicationLifecycleService,
    private readonly notifications: NotificationsService,
    private readonly assignments: ReviewAssignmentsRepository,
    private readonly panels: ReviewPanelsRepository,
    private readonly repository: ScoreSheetsRepository,
    private readonly ranking: ReviewRankingService,
    private readonly workspace: ReviewerWorkspaceService,
  ) {}

  /** Saves a draft: partial scores are fine, out-of-range ones are not. */
  async saveDraft(
    actor: AuthenticatedActor,
    assignmentId: number,
    body: ScoreSheetDraftRequest,
  ): Promise<ReviewSheetView> {
    await this.dataSource.transaction(async (manager) => {
      const assignment = await this.reviewAccess.requireOwnAssignment(manager, actor.user, assignmentId, true);
      const rubric = await this.repository.rubricOf(manager, assignment.applicationId);
      const violations = checkScoreSheet(rubric, body.scores, body.comments, {
        commentRequiredAtExtremes: false,
      }).filter((violation) => violation.code !== 'SCORE_REQUIRED');
      if (violations.length) throw new DomainError('VALIDATION_FAILED', violationsToFields(violations));
      const sheet = await this.repository.ofAssignment(manager, assignmentId, true);
      if (sheet?.status === 'submitted') throw new DomainError('SHEET_LOCKED');
      if (sheet && body.version !== undefined && sheet.version !== body.version) throw new DomainError('CONFLICT');
      await this.repository.saveDraft(manager, sheet, {
        assignmentId,
        scores: body.scores,
        comments: body.comments,
        total: scoreSheetTotal(rubric, body.scores),
      });
    });
    return this.workspace.sheet(actor.user, assignmentId);
  }

  /** Submits and locks the sheet. Two racing submits give one submission; the second sees it locked. */
  async submitSheet(actor: AuthenticatedActor, assignmentId: number, version: number): Promise<ReviewSheetView> {
    await this.dataSource.transaction(async (manager) => {
      const assignment = await this.reviewAccess.requireOwnAssignment(manager, actor.user, assignmentId, true);
      const sheet = await this.repository.ofAssignment(manager, assignmentId, true);
      if (!sheet)
        throw new DomainError('VALIDATION_FAILED', {
          scores: fieldMessage('请先填写评分', 'Fill in the scores first'),
        });
      if (sheet.status === 'submitted') throw new DomainError('SHEET_LOCKED');
      if (sheet.version !== version) throw new DomainError('CONFLICT');
      const panel = await this.panels.byId(manager, assignment.panelId);
      const rubric = await this.repository.rubricOf(manager, assignment.applicationId);
      const violations = checkScoreSheet(rubric, sheet.scores, sheet.comments, {
        commentRequiredAtExtremes: panel.commentRequiredAtExtremes,
      });
      if (violations.length) throw new DomainError('VALIDATION_FAILED', violationsToFields(violations));
      sheet.status = 'submitted';
      sheet.submittedAt = new Date();
      await this.repository.saveStatus(manager, sheet);
      await this.audit.record(manager, actor, {
        action: 'score_sheet.submit',
        entityType: 'application',
        entityId: assignment.applicationId,
        after: { sheetId: sheet.id, total: sheet.total, scores: sheet.scores },
      });
      await this.markScoredWhenComplete(manager, actor, assignment.applicationId);
      const application = await this.facts.get(assignment.applicationId, manager);
      await this.ranking.requestRanking(manager, application.competitionId);
    });
    return this.workspace.sheet(actor.user, assignmentId);
  }

  /** An admin reopens a submitted sheet with a reason (audited); the reviewer may then revise it. */
  async reopenSheet(actor: AuthenticatedActor, sheetId: number, reason: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const sheet = await this.repository.lock(manager, sheetId);
      if (!sheet) throw new DomainError('NOT_FOUND');
      const assignment = await this.assignments.byId(manager, sheet.assignmentId);
      if (!assignment) throw new DomainError('NOT_FOUND');
      const application = await this.facts.get(assignment.applicationId, manager);
      await this.reviewAccess.requireManager(manager, actor, application.competitionId);
      if (sheet.status !== 'submitted') throw new DomainError('INVALID_TRANSITION');
      sheet.status = 'draft';
      sheet.submittedAt = null;
      await this.repository.saveStatus(manager, sheet);
      await this.audit.record(manager, actor, {
        action: 'score_sheet.reopen',
        entityType: 'application',
        entityId: application.id,
        after: { sheetId, reason, reviewerUserId: assignment.reviewerUserId },
      });
      await this.markScoredWhenComplete(manager, actor, application.id);
      const ids = await this.notifications.notify(manager, [assignment.reviewerUserId], {
        kind: 'review.sheet_reopened',
        title: `评分表已退回修改：「${application.title}」`,
        body: `原因：${reason}`,
        link: `/reviews/${assignment.id}`,
      });
      await this.notifications.deliverLater(ids);
      await this.ranking.requestRanking(manager, application.competitionId);
    });
  }

  /** in_review → scored once every assigned reviewer has submitted, or back when a sheet is reopened. */
  private async markScoredWhenComplete(
    manager: EntityManager,
    actor: AuthenticatedActor,
    applicationId: number,
  ): Promise<void> {
    const { due, done } = await this.repository.completion(manager, applicationId);
    const complete = due > 0 && done === due;
    // Any status other than in_review / scored stays as it is (lenient move).
    await this.lifecycle.apply(manager, actor, [applicationId], complete ? 'scores_complete' : 'scores_reopened', {
      strict: false,
    });
  }
}
