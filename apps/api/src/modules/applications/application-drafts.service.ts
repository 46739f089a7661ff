import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DomainError,
  fieldMessage,
  type ApplicationView,
  type CompetitionView,
  type CreateApplicationRequest,
  type UpdateApplicationRequest,
} from '@xiaoshi/contracts';
import { checkApplicationContent, type FundingSource, type Violation } from '@xiaoshi/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthUser, AuthenticatedActor } from '../../common/actor.js';
import { violationsToFields } from '../../common/violations.js';
import { AccessService } from '../access/access.service.js';
import { AuditService } from '../audit/audit.service.js';
import { CompetitionsService } from '../competitions/competitions.service.js';
import { OrgsService } from '../orgs/orgs.service.js';
import type { Application } from './application.entity.js';
import { ApplicationLifecycleService } from './application-lifecycle.service.js';
import { ApplicationsRepository } from './applications.repository.js';
import { ApplicationsService, fundingOf } from './applications.service.js';

export type CompetitionCategoryView = CompetitionView['categories'][number];

/** The competition and category an application's figures are checked against. */
export interface ContentRules {
  competition: CompetitionView;
  category: CompetitionCategoryView;
}

/** An application's content against its competition's rules (`atSubmission` adds the submission-only ones). */
export function contentViolations(application: Application, rules: ContentRules, atSubmission: boolean): Violation[] {
  return checkApplicationContent(
    {
      totalCost: application.totalCostFen,
      costItems: application.costItems,
      funding: fundingOf(application),
      startDate: application.startDate,
      endDate: application.endDate,
      partnerOrgId: application.partnerOrgId,
    },
    {
      categoryCap: rules.category.capFen,
      requiredSources: rules.competition.requiredSources as FundingSource[],
      minCoFundingShareBp: rules.competition.minCoFundingShareBp,
      implementationDeadline: rules.competition.implementationDeadline,
      requiresPartner: rules.competition.requiresPartner,
    },
    atSubmission,
  );
}

/** The columns of an application's figures, from a request's funding block. */
function fundingColumns(funding: CreateApplicationRequest['funding']) {
  return {
    residentMoneyFen: funding.residentMoney,
    residentLabourFen: funding.residentLabour,
    socialSupportFen: funding.socialSupport,
    communitySelfFen: funding.communitySelf,
    streetSupportFen: funding.streetSupport,
    requestedSubsidyFen: funding.requestedSubsidy,
  };
}

/** Drafts (申报书): created by a community, edited by it and its street while the table allows. */
@Injectable()
export class ApplicationDraftsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly competitions: CompetitionsService,
    private readonly orgs: OrgsService,
    private readonly applications: ApplicationsService,
    private readonly lifecycle: ApplicationLifecycleService,
    private readonly repository: ApplicationsRepository,
  ) {}

  /** The competition and the category for an application's figures (the category must be the competition's). */
  async rulesFor(manager: EntityManager, competitionId: number, categoryId: number): Promise<ContentRules> {
    const competition = await this.competitions.byId(competitionId, manager);
    const category = competition.categories.find((candidate) => candidate.id === categoryId);
    if (!category) {
      throw new DomainError('VALIDATION_FAILED', {
        categoryId: fieldMessage('该类别不属于本次比选', 'This category is not part of the competition'),
      });
    }
    return { competition, category };
  }

  private async requirePartner(manager: EntityManager, partnerOrgId: number | null | undefined) {
    if (!partnerOrgId) return;
    const partner = await this.orgs.unit(partnerOrgId, manager);
    if (!partner || partner.kind !== 'organisation') {
      throw new DomainError('VALIDATION_FAILED', {
        partnerOrgId: fieldMessage('请选择高校或社会组织', 'Choose a university or social organisation'),
      });
    }
  }

  /** A published competition of the user's district (404 for anything else). */
  private async openCompetition(manager: EntityManager, user: AuthUser, competitionId: number): Promise<void> {
    const competition = await this.competitions.get(user, competitionId, manager);
    if (competition.status !== 'published') throw new DomainError('NOT_FOUND');
  }

  async create(actor: AuthenticatedActor, body: CreateApplicationRequest): Promise<ApplicationView> {
    const id = await this.dataSource.transaction(async (manager) => {
      await this.access.requireUnits(actor.user, 'applications.edit', [body.communityId], manager);
      const community = await this.orgs.unit(body.communityId, manager);
      if (community?.kind !== 'community') {
        throw new DomainError('VALIDATION_FAILED', { communityId: fieldMessage('请选择社区', 'Choose a community') });
      }
      await this.openCompetition(manager, actor.user, body.competitionId);
      const rules = await this.rulesFor(manager, body.competitionId, body.categoryId);
      await this.requirePartner(manager, body.partnerOrgId);
      const { funding, partnerOrgId, ...content } = body;
      const fields = {
        ...content,
        ...fundingColumns(funding),
        streetId: community.parentId!,
        partnerOrgId: partnerOrgId ?? null,
        status: 'draft',
        createdByUserId: actor.user.id,
      } satisfies Partial<Application>;
      const violations = contentViolations(fields as Application, rules, false);
      if (violations.length) throw new DomainError('VALIDATION_FAILED', violationsToFields(violations));
      const application = await this.repository.insert(manager, fields);
      await this.lifecycle.created(manager, actor, application.id);
      await this.audit.record(manager, actor, {
        action: 'application.create',
        entityType: 'application',
        entityId: application.id,
        after: application,
      });
      return application.id;
    });
    return this.applications.get(actor.user, id);
  }

  async update(actor: AuthenticatedActor, id: number, body: UpdateApplicationRequest): Promise<ApplicationView> {
    await this.dataSource.transaction(async (manager) => {
      const application = await this.applications.reachable(actor.user, id, manager, true);
      this.applications.requireEditable(actor.user, application.status);
      if (application.version !== body.version) throw new DomainError('CONFLICT');
      const before = { ...application };
      const { version: _version, funding, ...fields } = body;
      Object.assign(application, fields, funding ? fundingColumns(funding) : {});
      if (fields.partnerOrgId !== undefined) await this.requirePartner(manager, fields.partnerOrgId);
      const rules = await this.rulesFor(manager, application.competitionId, application.categoryId);
      const violations = contentViolations(application, rules, false);
      if (violations.length) throw new DomainError('VALIDATION_FAILED', violationsToFields(violations));
      await this.repository.save(manager, application);
      await this.audit.record(manager, actor, {
        action: 'application.update',
        entityType: 'application',
        entityId: id,
        before,
        after: application,
      });
    });
    return this.applications.get(actor.user, id);
  }
}
