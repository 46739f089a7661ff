import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, fieldMessage, type ApplicationView } from '@xiaoshi/contracts';
import {
  STATUS_LABELS,
  checkSubmission,
  findTransition,
  type ApplicationAction,
  type ApplicationStatus,
} from '@xiaoshi/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthenticatedActor } from '../../common/actor.js';
import { violationsToFields } from '../../common/violations.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { OrgsService } from '../orgs/orgs.service.js';
import type { Application } from './application.entity.js';
import { ApplicationDraftsService, contentViolations } from './application-drafts.service.js';
import { ApplicationLifecycleService } from './application-lifecycle.service.js';
import { ApplicationsRepository } from './applications.repository.js';
import { ApplicationsService } from './applications.service.js';
import { AttachmentsRepository } from './attachments.repository.js';

/** Who hears of each user action (besides the history and audit the lifecycle writes). */
const SCREENED_OR_WITHDRAWN: ReadonlySet<ApplicationAction> = new Set([
  'screen_eligible',
  'screen_return',
  'screen_ineligible',
  'withdraw',
]);

/**
 * Users' workflow moves on an application: the table in libs/domain decides whether the action
 * exists in this status and for these roles; forward moves to the street or the district
 * re-check everything the competition requires; the lifecycle writes status, history and audit,
 * and the people concerned are notified, in one transaction.
 */
@Injectable()
export class ApplicationWorkflowService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly applications: ApplicationsService,
    private readonly drafts: ApplicationDraftsService,
    private readonly lifecycle: ApplicationLifecycleService,
    private readonly repository: ApplicationsRepository,
    private readonly attachments: AttachmentsRepository,
    private readonly notifications: NotificationsService,
    private readonly orgs: OrgsService,
  ) {}

  async transition(
    actor: AuthenticatedActor,
    id: number,
    action: ApplicationAction,
    input: { reason?: string; version: number },
    now = new Date(),
  ): Promise<ApplicationView> {
    const notificationIds = await this.dataSource.transaction(async (manager) => {
      const application = await this.applications.reachable(actor.user, id, manager, true);
      // Answered in this order: the move itself (409/403), a stale version (409), a missing reason.
      const lookup = findTransition(application.status as ApplicationStatus, action, actor.user.roles);
      if (!lookup.ok) throw new DomainError(lookup.code === 'ROLE_NOT_ALLOWED' ? 'FORBIDDEN' : 'INVALID_TRANSITION');
      if (application.version !== input.version) throw new DomainError('CONFLICT');
      const reason = input.reason?.trim() || null;
      if (lookup.transition.reasonRequired && !reason) {
        throw new DomainError('VALIDATION_FAILED', { reason: fieldMessage('请填写原因', 'Give a reason') });
      }
      if (action === 'submit' || action === 'submit_to_street') {
        await this.checkSubmittable(manager, application, action, now);
      }
      const move = await this.lifecycle.act(manager, actor, id, action, reason, now);
      application.status = move.to;
      return this.notifyMove(manager, application, action, reason);
    });
    await this.notifications.deliverLater(notificationIds);
    return this.applications.get(actor.user, id);
  }

  /** Window, required attachments, content and the street's limit: what a forward move needs. */
  private async checkSubmittable(manager: EntityManager, application: Application, action: ApplicationAction, now: Date) {
    const rules = await this.drafts.rulesFor(manager, application.competitionId, application.categoryId);
    const { competition } = rules;
    if (competition.status !== 'published') throw new DomainError('WINDOW_CLOSED');
    // A returned entry may come back until review starts: the district returned it for repair.
    const closesAt = application.status === 'returned' ? competition.reviewOpensAt : competition.submissionClosesAt;
    const violations = [
      ...checkSubmission({
        now,
        window: { opensAt: new Date(competition.submissionOpensAt), closesAt: new Date(closesAt) },
        requiredAttachmentTypes: action === 'submit' ? competition.requiredAttachmentTypes : [],
        presentAttachmentTypes: await this.attachments.typesPresent(manager, application.id),
      }),
      ...contentViolations(application, rules, true),
    ];
    const windowProblem = violations.find((violation) => violation.field === 'submissionWindow');
    if (windowProblem) throw new DomainError('WINDOW_CLOSED', violationsToFields([windowProblem]));
    if (violations.length) throw new DomainError('VALIDATION_FAILED', violationsToFields(violations));
    if (action !== 'submit' || competition.maxPerStreet === null) return;
    const count = await this.repository.submittedInStreet(manager, competition.id, application.streetId, application.id);
    if (count >= competition.maxPerStreet) {
      throw new DomainError('CONFLICT', {
        competitionId: fieldMessage(
          `本街道已达申报上限 ${competition.maxPerStreet} 个`,
          `The street has reached its limit of ${competition.maxPerStreet}`,
        ),
      });
    }
  }

  /** The users to tell about a move. */
  private async recipientsOf(manager: EntityManager, application: Application, action: ApplicationAction): Promise<number[]> {
    const streetOfficers = () => this.notifications.usersWithRole(manager, 'street_officer', [application.streetId]);
    if (action === 'submit_to_street') return streetOfficers();
    if (action === 'return_to_community') return [application.createdByUserId];
    if (action === 'submit') {
      const district = await this.orgs.districtOf(application.streetId, manager);
      return this.notifications.usersWithRole(manager, 'district_admin', [district]);
    }
    if (SCREENED_OR_WITHDRAWN.has(action)) return [...(await streetOfficers()), application.createdByUserId];
    return [];
  }

  /** In-app notices for submitted / returned / screened moves. Returns the new notification ids. */
  private async notifyMove(manager: EntityManager, application: Application, action: ApplicationAction, reason: string | null) {
    const label = STATUS_LABELS[application.status as ApplicationStatus]?.zh ?? application.status;
    const reasonText = reason ? `原因：${reason}` : '';
    return this.notifications.notify(manager, await this.recipientsOf(manager, application, action), {
      kind: `application.${action}`,
      title: `「${application.title}」${label}`,
      body: [`申报项目「${application.title}」状态变为：${label}。`, reasonText].filter(Boolean).join(''),
      link: `/applications/${application.id}`,
    });
  }
}
