import { Injectable } from '@nestjs/common';
import {
  DomainError,
  type ProjectListQuery,
  type ProjectView,
  type ReplaceMilestonesRequest,
} from '@xiaoshi/contracts';
import {
  OPEN_PROJECT_STATES,
  PROJECT_MOVES,
  TRANCHE_CONDITION_LABELS,
  projectMoney,
  shanghaiDate,
  shanghaiMonth,
  trancheReleased,
  type ProjectFacts,
  type ProjectMoney,
  type Tranche,
  type TrancheCondition,
} from '@xiaoshi/domain';
import type { EntityManager } from 'typeorm';
import type { AuthUser, AuthenticatedActor } from '../../common/actor.js';
import { requireMove } from '../../common/state-moves.js';
import { AccessService } from '../access/access.service.js';
import { AuditService } from '../audit/audit.service.js';
import type { Project } from './delivery.entities.js';
import { ProjectsRepository, type ProjectReach } from './projects.repository.js';

export type { ProjectMoney } from '@xiaoshi/domain';

const isOpen = (status: string) => (OPEN_PROJECT_STATES as readonly string[]).includes(status);

const factsOf = (project: Project): ProjectFacts => ({
  acceptancePassed: !!project.acceptancePassedAt,
  supervisionPassed: !!project.supervisionPassedAt,
  midtermReported: !!project.midtermReportedAt,
});

/**
 * Projects (一项目一台账): reaching one within the user's scope, its view (tranches released by
 * their conditions, money, milestones, overdue flags) and the milestone plan. Reads write nothing:
 * projects are opened by ProjectOpeningService from the approval event.
 */
@Injectable()
export class ProjectsService {
  constructor(
    private readonly repository: ProjectsRepository,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  /**
   * A project the user may reach (404 otherwise), optionally row-locked. Readers reach the
   * projects of their unit's scope and those they inspect; deliverers (community and street
   * officers acting on it) only their unit's.
   */
  async reachable(
    user: AuthUser,
    id: number,
    options: { manager?: EntityManager; lock?: boolean; reach?: ProjectReach } = {},
  ): Promise<Project> {
    const manager = options.manager ?? this.repository.manager;
    if (!(await this.repository.reaches(manager, user, id, options.reach ?? 'reader'))) throw new DomainError('NOT_FOUND');
    const project = await this.repository.find(manager, id, options.lock ?? false);
    if (!project) throw new DomainError('NOT_FOUND');
    return project;
  }

  /** A project by id, row-locked, whoever asks (the caller has checked access). */
  async locked(manager: EntityManager, id: number): Promise<Project> {
    const project = await this.repository.find(manager, id, true);
    if (!project) throw new DomainError('NOT_FOUND');
    return project;
  }

  /** Released per the tranche conditions; requested counts requested and approved, paid counts paid. */
  async money(manager: EntityManager, project: Project): Promise<ProjectMoney & { tranches: Tranche[] }> {
    const tranches = (await this.repository.tranches(manager, project.id)).map((t) => ({
      index: t.index,
      amount: t.amountFen,
      condition: t.condition as TrancheCondition,
    }));
    const payments = await this.repository.paymentSums(manager, project.id);
    return { tranches, ...projectMoney(tranches, factsOf(project), payments) };
  }

  async list(user: AuthUser, query: ProjectListQuery): Promise<ProjectView[]> {
    this.access.requirePermission(user, 'delivery.read');
    const ids = await this.repository.idsInScope(user, query.status);
    const views = await Promise.all(ids.map((id) => this.view(this.repository.manager, id)));
    return query.overdue ? views.filter((view) => view.overdue.noReportThisMonth || view.overdue.pastEndDate) : views;
  }

  async get(user: AuthUser, id: number): Promise<ProjectView> {
    this.access.requirePermission(user, 'delivery.read');
    await this.reachable(user, id);
    return this.view(this.repository.manager, id);
  }

  /** The project of an application: opened by the approval's job, 404 until then. */
  async ofApplication(user: AuthUser, applicationId: number): Promise<ProjectView> {
    this.access.requirePermission(user, 'delivery.read');
    const id = await this.repository.idOfApplication(applicationId);
    if (id === null) throw new DomainError('NOT_FOUND');
    return this.get(user, id);
  }

  async view(manager: EntityManager, id: number, now = new Date()): Promise<ProjectView> {
    const [project, details] = [await this.repository.find(manager, id), await this.repository.details(manager, id)];
    if (!project || !details) throw new DomainError('NOT_FOUND');
    const money = await this.money(manager, project);
    const planRows = await this.repository.tranches(manager, id);
    const milestones = await this.repository.milestones(manager, id);
    const today = shanghaiDate(now);
    const open = isOpen(project.status);
    return {
      id,
      applicationId: project.applicationId,
      title: project.title,
      competition: { id: project.competitionId, ...details.competition },
      category: details.category,
      street: { id: project.streetId, name: details.streetName },
      community: { id: project.communityId, name: details.communityName },
      status: project.status,
      amountFen: project.amountFen,
      startDate: project.startDate,
      endDate: project.endDate,
      plan: project.plan,
      finalInspectionKind: project.finalInspectionKind,
      acceptancePassedAt: project.acceptancePassedAt?.toISOString() ?? null,
      supervisionPassedAt: project.supervisionPassedAt?.toISOString() ?? null,
      rectificationDeadline: project.rectificationDeadline,
      percentComplete: details.percentComplete,
      lastReportPeriod: details.lastReportPeriod,
      overdue: {
        noReportThisMonth: open && details.lastReportPeriod !== shanghaiMonth(now),
        pastEndDate: open && !!project.endDate && project.endDate < today,
      },
      tranches: planRows.map((tranche) => ({
        index: tranche.index,
        percentBp: tranche.percentBp,
        condition: tranche.condition,
        conditionLabel: TRANCHE_CONDITION_LABELS[tranche.condition as TrancheCondition]?.zh ?? tranche.condition,
        amountFen: tranche.amountFen,
        released: trancheReleased(tranche.condition as TrancheCondition, factsOf(project)),
      })),
      money: {
        releasedFen: money.releasedFen,
        requestedFen: money.requestedFen,
        paidFen: money.paidFen,
        availableFen: money.availableFen,
      },
      milestones: milestones.map((m) => ({ id: m.id, title: m.title, dueDate: m.dueDate, done: m.done })),
      version: project.version,
    };
  }

  async replaceMilestones(actor: AuthenticatedActor, id: number, body: ReplaceMilestonesRequest): Promise<ProjectView> {
    this.access.requirePermission(actor.user, 'delivery.report');
    await this.repository.transaction(async (manager) => {
      const project = await this.reachable(actor.user, id, { manager, lock: true, reach: 'deliverer' });
      requireMove(PROJECT_MOVES, project.status, 'plan_milestones', actor.user.roles);
      const before = await this.repository.milestones(manager, id);
      await this.repository.replaceMilestones(manager, id, body.milestones);
      await this.audit.record(manager, actor, {
        action: 'project.milestones',
        entityType: 'project',
        entityId: id,
        before: before.map((m) => ({ title: m.title, dueDate: m.dueDate, done: m.done })),
        after: body.milestones,
      });
    });
    return this.get(actor.user, id);
  }
}
