import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DomainError,
  fieldMessage,
  type ApplicationListQuery,
  type ApplicationSummaryView,
  type ApplicationView,
  type CreateApplicationRequest,
  type Page,
  type UpdateApplicationRequest,
} from '@xiaoshi/contracts';
import {
  STATUS_LABELS,
  availableActions,
  checkFunding,
  checkSubmission,
  findTransition,
  type ApplicationAction,
  type ApplicationStatus,
  type Funding,
  type FundingSource,
  type Violation,
} from '@xiaoshi/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthUser, AuthenticatedActor } from '../../common/actor.js';
import { AccessService } from '../access/access.service.js';
import { AuditService } from '../audit/audit.service.js';
import { CompetitionCategory } from '../competitions/competition-category.entity.js';
import { Competition } from '../competitions/competition.entity.js';
import { violationsToFields } from '../competitions/competitions.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { OrgUnit } from '../orgs/org-unit.entity.js';
import { ApplicationStatusChange } from './application-status-change.entity.js';
import { ApplicationLifecycleService } from './application-lifecycle.service.js';
import { Application } from './application.entity.js';

/** Rules that only bind at submission: a draft may still be waiting for residents' money. */
const SUBMISSION_ONLY_CODES = new Set(['SOURCE_REQUIRED', 'COFUNDING_TOO_LOW']);

/** Who may edit in which status: the community until it hands over, the street until it submits. */
const EDITABLE_BY: Record<string, readonly string[]> = {
  draft: ['community_officer', 'street_officer'],
  awaiting_street: ['street_officer'],
  returned: ['community_officer', 'street_officer'],
};

const SUMMARY_COLUMNS = `a.id, a.competition_id, a.title, a.status, a.requested_subsidy_fen, a.total_cost_fen,
  a.beneficiaries_count, a.submitted_at, a.updated_at,
  cat.id AS category_id, cat.key AS category_key, cat.name AS category_name,
  s.id AS street_id, s.name AS street_name, c.id AS community_id, c.name AS community_name`;
const SUMMARY_JOINS = `JOIN competition_category cat ON cat.id = a.category_id
  JOIN org_unit s ON s.id = a.street_id JOIN org_unit c ON c.id = a.community_id`;

function fundingOf(application: Application): Funding {
  return {
    residentMoney: application.residentMoneyFen,
    residentLabour: application.residentLabourFen,
    socialSupport: application.socialSupportFen,
    communitySelf: application.communitySelfFen,
    streetSupport: application.streetSupportFen,
    requestedSubsidy: application.requestedSubsidyFen,
  };
}

function toSummary(row: Record<string, unknown>): ApplicationSummaryView {
  return {
    id: row.id as number,
    competitionId: row.competition_id as number,
    title: row.title as string,
    status: row.status as string,
    category: {
      id: row.category_id as number,
      key: row.category_key as string,
      name: row.category_name as string,
    },
    street: { id: row.street_id as number, name: row.street_name as string },
    community: { id: row.community_id as number, name: row.community_name as string },
    requestedSubsidyFen: Number(row.requested_subsidy_fen),
    totalCostFen: Number(row.total_cost_fen),
    beneficiariesCount: row.beneficiaries_count as number,
    submittedAt: row.submitted_at ? (row.submitted_at as Date).toISOString() : null,
    updatedAt: (row.updated_at as Date).toISOString(),
  };
}

@Injectable()
export class ApplicationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly lifecycle: ApplicationLifecycleService,
  ) {}

  /**
   * Rows the user may see: applications of communities in their subtree, a partner's joint
   * entries, and for district-level accounts only what streets have submitted.
   */
  scopeCondition(user: AuthUser, alias: string, parameterIndex: number): string {
    const ownUnits = this.access.unitScopeCondition(user, `${alias}.community_id`, parameterIndex);
    const partner = `${alias}.partner_org_id = $${parameterIndex}`;
    const hidden =
      user.unit.kind === 'district' ? ` AND ${alias}.status NOT IN ('draft', 'awaiting_street')` : '';
    return `((${ownUnits})${hidden} OR ${partner})`;
  }

  /** Loads an application the user may see (404 otherwise), optionally locked for update. */
  private async reachable(
    user: AuthUser,
    id: number,
    manager: EntityManager,
    lock = false,
  ): Promise<Application> {
    this.access.requirePermission(user, 'applications.read');
    const [row]: Array<{ id: number }> = await manager.query(
      `SELECT a.id FROM application a WHERE a.id = $2 AND ${this.scopeCondition(user, 'a', 1)}`,
      [user.unit.id, id],
    );
    if (!row) throw new DomainError('NOT_FOUND');
    const application = await manager.findOne(Application, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!application) throw new DomainError('NOT_FOUND');
    return application;
  }

  async list(user: AuthUser, query: ApplicationListQuery): Promise<Page<ApplicationSummaryView>> {
    const params: unknown[] = [user.unit.id];
    const conditions = [this.scopeCondition(user, 'a', 1)];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      conditions.push(sql.replaceAll('?', `$${params.length}`));
    };
    if (query.cursor) add('a.id < ?', query.cursor);
    if (query.competitionId) add('a.competition_id = ?', query.competitionId);
    if (query.streetId) add('a.street_id = ?', query.streetId);
    if (query.communityId) add('a.community_id = ?', query.communityId);
    if (query.categoryId) add('a.category_id = ?', query.categoryId);
    if (query.status) add('a.status = ANY(?::text[])', query.status.split(','));
    if (query.q) add('a.title ILIKE ?', `%${query.q.replace(/[%_\\]/g, '\\$&')}%`);
    params.push(query.limit + 1);
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT ${SUMMARY_COLUMNS} FROM application a ${SUMMARY_JOINS}
       WHERE ${conditions.join(' AND ')} ORDER BY a.id DESC LIMIT $${params.length}`,
      params,
    );
    const items = rows.slice(0, query.limit).map(toSummary);
    return { items, nextCursor: rows.length > query.limit ? items[items.length - 1].id : null };
  }

  async get(
    user: AuthUser,
    id: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ApplicationView> {
    const application = await this.reachable(user, id, manager);
    const [summary]: Array<Record<string, unknown>> = await manager.query(
      `SELECT ${SUMMARY_COLUMNS}, p.id AS partner_id, p.name AS partner_name FROM application a ${SUMMARY_JOINS}
       LEFT JOIN org_unit p ON p.id = a.partner_org_id WHERE a.id = $1`,
      [id],
    );
    const attachments: Array<Record<string, unknown>> = await manager.query(
      `SELECT id, type, original_name, mime_type, size_bytes, sha256, created_at FROM attachment WHERE application_id = $1 ORDER BY id`,
      [id],
    );
    const history: Array<Record<string, unknown>> = await manager.query(
      `SELECT h.from_status, h.to_status, h.action, h.reason, u.display_name, h.created_at
       FROM application_status_change h LEFT JOIN app_user u ON u.id = h.actor_user_id
       WHERE h.application_id = $1 ORDER BY h.id`,
      [id],
    );
    const clear =
      this.access.seesPersonalData(user) ||
      user.roles.some((role) => role === 'street_officer' || role === 'community_officer');
    return {
      ...toSummary(summary),
      partnerOrg: summary.partner_id
        ? { id: summary.partner_id as number, name: summary.partner_name as string }
        : null,
      summary: application.summary,
      plan: application.plan,
      location: application.location,
      beneficiariesDescription: application.beneficiariesDescription,
      startDate: application.startDate,
      endDate: application.endDate,
      costItems: application.costItems,
      funding: fundingOf(application),
      contactName: application.contactName,
      contactPhone: clear
        ? application.contactPhone
        : application.contactPhone.replace(/^(\d{3})\d+(\d{4})$/, '$1****$2'),
      lastReason: application.lastReason,
      editable: this.canEdit(user, application.status),
      availableActions: availableActions(application.status as ApplicationStatus, user.roles).filter(
        (action) => user.permissions.has(permissionForAction(action)),
      ),
      attachments: attachments.map((row) => ({
        id: row.id as number,
        type: row.type as string,
        originalName: row.original_name as string,
        mimeType: row.mime_type as string,
        sizeBytes: row.size_bytes as number,
        sha256: (row.sha256 as string).trim(),
        createdAt: (row.created_at as Date).toISOString(),
      })),
      history: history.map((row) => ({
        fromStatus: row.from_status as string | null,
        toStatus: row.to_status as string,
        action: row.action as string,
        reason: row.reason as string | null,
        actor: row.display_name as string | null,
        at: (row.created_at as Date).toISOString(),
      })),
      version: application.version,
    };
  }

  canEdit(user: AuthUser, status: string): boolean {
    return (
      user.permissions.has('applications.edit') &&
      (EDITABLE_BY[status] ?? []).some((role) => user.roles.includes(role as never))
    );
  }

  /** The competition, the category and the rules for an application's figures. */
  private async rulesFor(manager: EntityManager, competitionId: number, categoryId: number) {
    const competition = await manager.findOneBy(Competition, { id: competitionId });
    if (!competition) throw new DomainError('NOT_FOUND');
    const category = await manager.findOneBy(CompetitionCategory, { id: categoryId, competitionId });
    if (!category) {
      throw new DomainError('VALIDATION_FAILED', {
        categoryId: fieldMessage('该类别不属于本次比选', 'This category is not part of the competition'),
      });
    }
    return { competition, category };
  }

  /** Field-level checks of an application's content; `atSubmission` adds the submission-only rules. */
  private checkContent(
    application: Application,
    competition: Competition,
    category: CompetitionCategory,
    atSubmission: boolean,
  ): Violation[] {
    const violations = checkFunding(
      {
        totalCost: application.totalCostFen,
        costItems: application.costItems,
        funding: fundingOf(application),
      },
      {
        categoryCap: category.capFen,
        requiredSources: competition.requiredSources as FundingSource[],
        minCoFundingShareBp: competition.minCoFundingShareBp,
      },
    ).filter((violation) => atSubmission || !SUBMISSION_ONLY_CODES.has(violation.code));
    if (application.startDate > application.endDate) {
      violations.push({
        field: 'endDate',
        code: 'DATES_REVERSED',
        zh: '结束日期不能早于开始日期',
        en: 'The end date is before the start date',
      });
    }
    if (application.endDate > competition.implementationDeadline) {
      violations.push({
        field: 'endDate',
        code: 'AFTER_DEADLINE',
        zh: `须在实施截止日期 ${competition.implementationDeadline} 前完成`,
        en: `Must finish by the implementation deadline ${competition.implementationDeadline}`,
      });
    }
    if (atSubmission && competition.requiresPartner && !application.partnerOrgId) {
      violations.push({
        field: 'partnerOrgId',
        code: 'PARTNER_REQUIRED',
        zh: '请填写合作高校或社会组织',
        en: 'Name the partner university or organisation',
      });
    }
    return violations;
  }

  private async requirePartner(manager: EntityManager, partnerOrgId: number | null | undefined) {
    if (!partnerOrgId) return;
    const partner = await manager.findOneBy(OrgUnit, { id: partnerOrgId });
    if (!partner || partner.kind !== 'organisation') {
      throw new DomainError('VALIDATION_FAILED', {
        partnerOrgId: fieldMessage('请选择高校或社会组织', 'Choose a university or social organisation'),
      });
    }
  }

  async create(actor: AuthenticatedActor, body: CreateApplicationRequest): Promise<ApplicationView> {
    const id = await this.dataSource.transaction(async (manager) => {
      await this.access.requireUnits(actor.user, 'applications.edit', [body.communityId], manager);
      const community = await manager.findOneByOrFail(OrgUnit, { id: body.communityId });
      if (community.kind !== 'community') {
        throw new DomainError('VALIDATION_FAILED', {
          communityId: fieldMessage('请选择社区', 'Choose a community'),
        });
      }
      const [visible]: Array<{ id: number }> = await manager.query(
        `SELECT c.id FROM competition c JOIN budget_line l ON l.id = c.budget_line_id
         WHERE c.id = $2 AND c.status = 'published' AND ${this.access.ancestorScopeCondition('l.unit_id', 1)}`,
        [actor.user.unit.id, body.competitionId],
      );
      if (!visible) throw new DomainError('NOT_FOUND');
      const { competition, category } = await this.rulesFor(manager, body.competitionId, body.categoryId);
      await this.requirePartner(manager, body.partnerOrgId);
      const application = manager.create(Application, {
        competitionId: competition.id,
        categoryId: category.id,
        streetId: community.parentId!,
        communityId: community.id,
        partnerOrgId: body.partnerOrgId ?? null,
        title: body.title,
        summary: body.summary,
        plan: body.plan,
        location: body.location,
        beneficiariesCount: body.beneficiariesCount,
        beneficiariesDescription: body.beneficiariesDescription,
        startDate: body.startDate,
        endDate: body.endDate,
        totalCostFen: body.totalCostFen,
        costItems: body.costItems,
        residentMoneyFen: body.funding.residentMoney,
        residentLabourFen: body.funding.residentLabour,
        socialSupportFen: body.funding.socialSupport,
        communitySelfFen: body.funding.communitySelf,
        streetSupportFen: body.funding.streetSupport,
        requestedSubsidyFen: body.funding.requestedSubsidy,
        contactName: body.contactName,
        contactPhone: body.contactPhone,
        status: 'draft',
        createdByUserId: actor.user.id,
      });
      const violations = this.checkContent(application, competition, category, false);
      if (violations.length) throw new DomainError('VALIDATION_FAILED', violationsToFields(violations));
      await manager.save(application);
      await manager.save(
        manager.create(ApplicationStatusChange, {
          applicationId: application.id,
          fromStatus: null,
          toStatus: 'draft',
          action: 'create',
          actorUserId: actor.user.id,
        }),
      );
      await this.audit.record(manager, actor, {
        action: 'application.create',
        entityType: 'application',
        entityId: application.id,
        after: application,
      });
      return application.id;
    });
    return this.get(actor.user, id);
  }

  async update(
    actor: AuthenticatedActor,
    id: number,
    body: UpdateApplicationRequest,
  ): Promise<ApplicationView> {
    await this.dataSource.transaction(async (manager) => {
      const application = await this.reachable(actor.user, id, manager, true);
      if (!this.canEdit(actor.user, application.status)) throw new DomainError('INVALID_TRANSITION');
      if (application.version !== body.version) throw new DomainError('CONFLICT');
      const before = { ...application };
      const { version: _version, funding, ...fields } = body;
      Object.assign(application, fields);
      if (funding) {
        application.residentMoneyFen = funding.residentMoney;
        application.residentLabourFen = funding.residentLabour;
        application.socialSupportFen = funding.socialSupport;
        application.communitySelfFen = funding.communitySelf;
        application.streetSupportFen = funding.streetSupport;
        application.requestedSubsidyFen = funding.requestedSubsidy;
      }
      if (fields.partnerOrgId !== undefined) await this.requirePartner(manager, fields.partnerOrgId);
      const { competition, category } = await this.rulesFor(
        manager,
        application.competitionId,
        application.categoryId,
      );
      const violations = this.checkContent(application, competition, category, false);
      if (violations.length) throw new DomainError('VALIDATION_FAILED', violationsToFields(violations));
      await manager.save(application);
      await this.audit.record(manager, actor, {
        action: 'application.update',
        entityType: 'application',
        entityId: id,
        before,
        after: application,
      });
    });
    return this.get(actor.user, id);
  }

  /**
   * One workflow move: the table in libs/domain decides whether the action exists in this status
   * and for these roles; forward moves to the street or the district re-check everything the
   * competition requires; each move writes history, audit and notifications in one transaction.
   */
  async transition(
    actor: AuthenticatedActor,
    id: number,
    action: ApplicationAction,
    input: { reason?: string; version: number },
    now = new Date(),
  ): Promise<ApplicationView> {
    const notificationIds = await this.dataSource.transaction(async (manager) => {
      const application = await this.reachable(actor.user, id, manager, true);
      const lookup = findTransition(application.status as ApplicationStatus, action, actor.user.roles);
      if (!lookup.ok)
        throw new DomainError(lookup.code === 'ROLE_NOT_ALLOWED' ? 'FORBIDDEN' : 'INVALID_TRANSITION');
      if (application.version !== input.version) throw new DomainError('CONFLICT');
      const reason = input.reason?.trim() || null;
      if (lookup.transition.reasonRequired && !reason) {
        throw new DomainError('VALIDATION_FAILED', { reason: fieldMessage('请填写原因', 'Give a reason') });
      }
      if (action === 'submit' || action === 'submit_to_street') {
        await this.checkSubmittable(manager, application, action, now);
      }
      // The lifecycle writes the status, its history row and the audit record.
      const move = await this.lifecycle.act(manager, actor, id, action, reason, now);
      application.status = move.to;
      return this.notifyMove(manager, application, action, reason);
    });
    await this.notifications.deliverLater(notificationIds);
    return this.get(actor.user, id);
  }

  private async checkSubmittable(
    manager: EntityManager,
    application: Application,
    action: ApplicationAction,
    now: Date,
  ) {
    const { competition, category } = await this.rulesFor(
      manager,
      application.competitionId,
      application.categoryId,
    );
    if (competition.status !== 'published') throw new DomainError('WINDOW_CLOSED');
    // A returned entry may come back until review starts: the district returned it for repair.
    const closesAt =
      application.status === 'returned' ? competition.reviewOpensAt : competition.submissionClosesAt;
    const present: Array<{ type: string }> = await manager.query(
      `SELECT DISTINCT type FROM attachment WHERE application_id = $1`,
      [application.id],
    );
    const violations = [
      ...checkSubmission({
        now,
        window: { opensAt: competition.submissionOpensAt, closesAt },
        requiredAttachmentTypes: action === 'submit' ? competition.requiredAttachmentTypes : [],
        presentAttachmentTypes: present.map((row) => row.type),
      }),
      ...this.checkContent(application, competition, category, true),
    ];
    const windowProblem = violations.find((violation) => violation.field === 'submissionWindow');
    if (windowProblem) throw new DomainError('WINDOW_CLOSED', violationsToFields([windowProblem]));
    if (violations.length) throw new DomainError('VALIDATION_FAILED', violationsToFields(violations));
    if (action === 'submit' && competition.maxPerStreet !== null) {
      const [{ count }]: [{ count: number }] = await manager.query(
        `SELECT count(*)::int AS count FROM application WHERE competition_id = $1 AND street_id = $2 AND id <> $3
         AND status NOT IN ('draft', 'awaiting_street', 'withdrawn', 'returned')`,
        [competition.id, application.streetId, application.id],
      );
      if (count >= competition.maxPerStreet) {
        throw new DomainError('CONFLICT', {
          competitionId: fieldMessage(
            `本街道已达申报上限 ${competition.maxPerStreet} 个`,
            `The street has reached its limit of ${competition.maxPerStreet}`,
          ),
        });
      }
    }
  }

  /** In-app notices for submitted / returned / screened moves. Returns the new notification ids. */
  private async notifyMove(
    manager: EntityManager,
    application: Application,
    action: ApplicationAction,
    reason: string | null,
  ) {
    const label = STATUS_LABELS[application.status as ApplicationStatus]?.zh ?? application.status;
    const link = `/applications/${application.id}`;
    const reasonText = reason ? `原因：${reason}` : '';
    const streetOfficers = () =>
      this.notifications.usersWithRole(manager, 'street_officer', [application.streetId]);
    let recipients: number[] = [];
    if (action === 'submit_to_street') recipients = await streetOfficers();
    if (action === 'return_to_community') recipients = [application.createdByUserId];
    if (action === 'submit') {
      const [{ district }]: [{ district: number }] = await manager.query(
        `SELECT ancestor_ids[1] AS district FROM org_unit WHERE id = $1`,
        [application.streetId],
      );
      recipients = await this.notifications.usersWithRole(manager, 'district_admin', [district]);
    }
    if (
      action === 'screen_eligible' ||
      action === 'screen_return' ||
      action === 'screen_ineligible' ||
      action === 'withdraw'
    ) {
      recipients = [...(await streetOfficers()), application.createdByUserId];
    }
    return this.notifications.notify(manager, recipients, {
      kind: `application.${action}`,
      title: `「${application.title}」${label}`,
      body: [`申报项目「${application.title}」状态变为：${label}。`, reasonText].filter(Boolean).join(''),
      link,
    });
  }
}

/** The permission a route needs for each workflow action (roles are checked by the table). */
export function permissionForAction(action: ApplicationAction) {
  if (action === 'screen_eligible' || action === 'screen_return' || action === 'screen_ineligible')
    return 'applications.screen' as const;
  if (action === 'submit' || action === 'return_to_community') return 'applications.submit' as const;
  return 'applications.edit' as const;
}
