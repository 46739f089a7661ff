import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DomainError,
  type ApplicationListQuery,
  type ApplicationSummaryView,
  type ApplicationView,
  type Page,
} from '@xiaoshi/contracts';
import { availableActions, canEditApplication, type ApplicationAction, type ApplicationStatus } from '@xiaoshi/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/actor.js';
import { AccessService } from '../access/access.service.js';
import type { Application } from './application.entity.js';
import { ApplicationsRepository, type ApplicationBrief } from './applications.repository.js';
import { AttachmentsRepository } from './attachments.repository.js';

/** The funding block of an application as the domain rules take it. */
export function fundingOf(application: Application) {
  return {
    residentMoney: application.residentMoneyFen,
    residentLabour: application.residentLabourFen,
    socialSupport: application.socialSupportFen,
    communitySelf: application.communitySelfFen,
    streetSupport: application.streetSupportFen,
    requestedSubsidy: application.requestedSubsidyFen,
  };
}

/** The permission a route needs for each workflow action (roles are checked by the table). */
export function permissionForAction(action: ApplicationAction) {
  if (action === 'screen_eligible' || action === 'screen_return' || action === 'screen_ineligible')
    return 'applications.screen' as const;
  if (action === 'submit' || action === 'return_to_community') return 'applications.submit' as const;
  return 'applications.edit' as const;
}

/**
 * Applications as their readers see them: who may see which (org scope, partners, what streets
 * have submitted), the list and one application with its attachments and history. The drafts
 * and the workflow have their own services; this one answers "may this user reach it".
 */
@Injectable()
export class ApplicationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly repository: ApplicationsRepository,
    private readonly attachments: AttachmentsRepository,
  ) {}

  /**
   * Rows the user may see: applications of communities in their subtree, a partner's joint
   * entries, and for district-level accounts only what streets have submitted.
   */
  scopeCondition(user: AuthUser, alias: string, parameterIndex: number): string {
    // A street's or a community's own applications are one indexed column away (an application's
    // street is its community's street, set at creation); no partner entry can name a street or a
    // community. Kept as one equality, the (street_id, status, id) indexes serve the street list.
    if (user.unit.kind === 'street') return `${alias}.street_id = $${parameterIndex}`;
    if (user.unit.kind === 'community') return `${alias}.community_id = $${parameterIndex}`;
    // A district's own applications are one indexed column away too (an application's district is
    // its street's, set by the database), for district-level accounts only once a street has
    // submitted them. No partner entry names a district (a partner is an organisation), so the
    // partner clause would never match: left out, the (district_id, status, id) indexes serve
    // the district's lists instead of a walk through every district's newer rows.
    if (user.unit.kind === 'district') {
      return `(${alias}.district_id = $${parameterIndex} AND ${alias}.status NOT IN ('draft', 'awaiting_street'))`;
    }
    const ownUnits = this.access.unitScopeCondition(user, `${alias}.community_id`, parameterIndex);
    const partner = `${alias}.partner_org_id = $${parameterIndex}`;
    return `((${ownUnits}) OR ${partner})`;
  }

  /** Loads an application the user may see (404 otherwise), optionally locked for update. */
  async reachable(user: AuthUser, id: number, manager: EntityManager, lock = false): Promise<Application> {
    this.access.requirePermission(user, 'applications.read');
    if (!(await this.repository.isReachable(manager, this.scopeCondition(user, 'a', 1), user.unit.id, id))) {
      throw new DomainError('NOT_FOUND');
    }
    const application = await this.repository.load(manager, id, lock);
    if (!application) throw new DomainError('NOT_FOUND');
    return application;
  }

  canEdit(user: AuthUser, status: string): boolean {
    return user.permissions.has('applications.edit') && canEditApplication(status, user.roles);
  }

  /** Refuses (409) to change the content of an application this user may not edit in its status. */
  requireEditable(user: AuthUser, status: string): void {
    if (!this.canEdit(user, status)) throw new DomainError('INVALID_TRANSITION');
  }

  /**
   * Title, street and author of applications, by id, for modules that already hold them through
   * their own rows (awards telling streets and authors of a decision).
   */
  async briefs(ids: readonly number[], manager: EntityManager = this.dataSource.manager): Promise<Map<number, ApplicationBrief>> {
    return new Map((await this.repository.briefs(manager, ids)).map((brief) => [brief.id, brief]));
  }

  async list(user: AuthUser, query: ApplicationListQuery): Promise<Page<ApplicationSummaryView>> {
    const rows = await this.repository.page(this.scopeCondition(user, 'a', 1), user.unit.id, query);
    const items = rows.slice(0, query.limit);
    return { items, nextCursor: rows.length > query.limit ? items[items.length - 1].id : null };
  }

  /** Every application the list's filters show the user, newest first, a batch at a time (exports). */
  eachBatch(
    user: AuthUser,
    filters: Omit<ApplicationListQuery, 'cursor' | 'limit'>,
    batchSize: number,
  ): AsyncGenerator<ApplicationSummaryView[]> {
    return this.repository.eachBatch(this.scopeCondition(user, 'a', 1), user.unit.id, filters, batchSize);
  }

  async get(user: AuthUser, id: number, manager: EntityManager = this.dataSource.manager): Promise<ApplicationView> {
    const application = await this.reachable(user, id, manager);
    const { summary, partnerOrg } = await this.repository.summary(manager, id);
    const attachments = await this.attachments.ofApplication(id, manager);
    const history = await this.repository.history(manager, id);
    const clear =
      this.access.seesPersonalData(user) ||
      user.roles.some((role) => role === 'street_officer' || role === 'community_officer');
    return {
      ...summary,
      partnerOrg,
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
      availableActions: availableActions(application.status as ApplicationStatus, user.roles).filter((action) =>
        user.permissions.has(permissionForAction(action)),
      ),
      attachments: attachments.map(({ storageKey: _key, createdAt, ...attachment }) => ({
        ...attachment,
        createdAt: createdAt.toISOString(),
      })),
      history,
      version: application.version,
    };
  }
}
