import { Injectable } from '@nestjs/common';
import type { ReviewSheetView, ReviewTaskView } from '@xiaoshi/contracts';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/actor.js';
import { AccessService } from '../access/access.service.js';
import { ApplicationFactsService, type StoredAttachment } from '../applications/application-facts.service.js';
import { ReviewAccessService } from './review-access.service.js';
import { ReviewAssignmentsRepository } from './review-assignments.repository.js';
import { ReviewPanelsRepository } from './review-panels.repository.js';
import { ScoreSheetsRepository } from './score-sheets.repository.js';

/** What a blind review shows instead of the project's location. */
const HIDDEN_LOCATION = '（盲评隐藏）';

/**
 * The reviewer's workspace: their tasks, the application they score (street, community and
 * location hidden in blind review) with its sheet, and its attachments. Only their own.
 */
@Injectable()
export class ReviewerWorkspaceService {
  constructor(
    private readonly access: AccessService,
    private readonly reviewAccess: ReviewAccessService,
    private readonly facts: ApplicationFactsService,
    private readonly assignments: ReviewAssignmentsRepository,
    private readonly panels: ReviewPanelsRepository,
    private readonly sheets: ScoreSheetsRepository,
  ) {}

  async myTasks(user: AuthUser): Promise<ReviewTaskView[]> {
    this.access.requirePermission(user, 'reviews.score');
    return (await this.assignments.tasksOf(user.id)).map(({ blind, ...task }) => ({
      ...task,
      street: blind ? null : task.street,
      community: blind ? null : task.community,
    }));
  }

  /** The sheet of the caller's own assignment (read in `manager` when given). */
  async sheet(user: AuthUser, assignmentId: number, manager?: EntityManager): Promise<ReviewSheetView> {
    const assignment = await this.reviewAccess.requireOwnAssignment(manager, user, assignmentId);
    const panel = await this.panels.byId(manager, assignment.panelId);
    const { attachments, ...application } = await this.facts.content(assignment.applicationId, manager);
    const rubric = await this.sheets.rubricOf(manager, assignment.applicationId);
    const sheet = await this.sheets.ofAssignment(manager, assignmentId);
    return {
      assignmentId,
      application: {
        id: application.id,
        title: application.title,
        category: application.category,
        street: panel.blind ? null : application.street,
        community: panel.blind ? null : application.community,
        summary: application.summary,
        plan: application.plan,
        location: panel.blind ? HIDDEN_LOCATION : application.location,
        beneficiariesCount: application.beneficiariesCount,
        beneficiariesDescription: application.beneficiariesDescription,
        startDate: application.startDate,
        endDate: application.endDate,
        totalCostFen: application.totalCostFen,
        requestedSubsidyFen: application.requestedSubsidyFen,
        costItems: application.costItems,
        attachments,
      },
      rubric,
      commentRequiredAtExtremes: panel.commentRequiredAtExtremes,
      sheet: sheet
        ? {
            id: sheet.id,
            status: sheet.status,
            scores: sheet.scores,
            comments: sheet.comments,
            total: Number(sheet.total),
            version: sheet.version,
          }
        : { id: null, status: 'not_started', scores: {}, comments: {}, total: 0, version: null },
    };
  }

  /** An attachment of an application the reviewer is assigned to; 404 for anything else. */
  async attachmentForReviewer(user: AuthUser, assignmentId: number, attachmentId: number): Promise<StoredAttachment> {
    const assignment = await this.reviewAccess.requireOwnAssignment(undefined, user, assignmentId);
    return this.facts.attachment(assignment.applicationId, attachmentId);
  }
}
