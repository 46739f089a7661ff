import { Injectable } from '@nestjs/common';
import {
  DomainError,
  fieldMessage,
  type AssignInspectorsRequest,
  type FieldErrors,
  type InspectionView,
  type InspectorConflictRequest,
  type ProjectView,
  type RequestAcceptanceRequest,
} from '@xiaoshi/contracts';
import { checklistFor } from '@xiaoshi/domain';
import type { EntityManager } from 'typeorm';
import type { AuthenticatedActor } from '../../common/actor.js';
import { PG_FOREIGN_KEY_VIOLATION, PG_UNIQUE_VIOLATION, pgErrorOf } from '../../database/postgres-errors.js';
import { AccessService } from '../access/access.service.js';
import { AuditService } from '../audit/audit.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import type { Project } from './delivery.entities.js';
import { InspectionsRepository, type InspectorCandidate } from './inspections.repository.js';
import { InspectionsService } from './inspections.service.js';
import { ProjectMovesService } from './project-moves.service.js';
import { ProjectsRepository } from './projects.repository.js';
import { ProjectsService } from './projects.service.js';

const inspectionName = (kind: 'acceptance' | 'supervision') => (kind === 'supervision' ? '督导评估' : '验收');

/**
 * The conflict rules of an inspection round: every proposed user an active inspector (400
 * otherwise), none from the project's street or community, none with a recorded conflict (409).
 */
function inspectorProblems(
  ids: readonly number[],
  candidates: readonly InspectorCandidate[],
  project: Project,
): { code: 'VALIDATION_FAILED' | 'CONFLICT_OF_INTEREST'; fields: FieldErrors } | null {
  const key = (userId: number) => `inspectorUserIds.${ids.indexOf(userId)}`;
  const invalid: FieldErrors = {};
  for (const userId of ids) {
    const user = candidates.find((candidate) => candidate.id === userId);
    if (!user || !user.active || !user.roles.includes('inspector'))
      invalid[key(userId)] = fieldMessage('不是有效的验收人员', 'Not an active inspector');
  }
  if (Object.keys(invalid).length) return { code: 'VALIDATION_FAILED', fields: invalid };
  const conflicts: FieldErrors = {};
  for (const user of candidates) {
    if (user.unitId === project.streetId || user.unitId === project.communityId) {
      conflicts[key(user.id)] = fieldMessage(
        `${user.displayName}与项目所在街道或社区同属一个单位，须回避`,
        `${user.displayName} belongs to the project's street or community`,
      );
    } else if (user.conflict !== null) {
      conflicts[key(user.id)] = fieldMessage(
        `${user.displayName}已登记与本项目存在利益冲突：${user.conflict}`,
        `${user.displayName} has a recorded conflict: ${user.conflict}`,
      );
    }
  }
  return Object.keys(conflicts).length ? { code: 'CONFLICT_OF_INTEREST', fields: conflicts } : null;
}

/**
 * Acceptance (验收) up to the inspection: the community asks for it, the district records
 * conflicts of interest and assigns inspectors under the conflict rules.
 */
@Injectable()
export class AcceptanceService {
  constructor(
    private readonly projectsRepository: ProjectsRepository,
    private readonly inspectionsRepository: InspectionsRepository,
    private readonly projects: ProjectsService,
    private readonly inspections: InspectionsService,
    private readonly moves: ProjectMovesService,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  async requestAcceptance(
    actor: AuthenticatedActor,
    projectId: number,
    body: RequestAcceptanceRequest,
  ): Promise<ProjectView> {
    this.access.requirePermission(actor.user, 'delivery.report');
    const ids = await this.projectsRepository.transaction(async (manager) => {
      const project = await this.projects.reachable(actor.user, projectId, { manager, lock: true, reach: 'deliverer' });
      await this.moves.apply(manager, actor, project, 'request_acceptance', {
        action: 'project.request_acceptance',
        after: { note: body.note ?? null },
      });
      const district = await this.projectsRepository.districtOfLine(manager, project.budgetLineId);
      const admins = await this.notifications.usersWithRole(manager, 'district_admin', [district]);
      return this.notifications.notify(manager, admins, {
        kind: 'project.acceptance_requested',
        title: `申请验收：「${project.title}」`,
        body: `「${project.title}」已申请${inspectionName(project.finalInspectionKind)}，请指派验收人员。`,
        link: `/projects/${projectId}`,
      });
    });
    await this.notifications.deliverLater(ids);
    return this.projects.get(actor.user, projectId);
  }

  async recordConflict(actor: AuthenticatedActor, projectId: number, body: InspectorConflictRequest) {
    this.access.requirePermission(actor.user, 'delivery.manage');
    await this.projectsRepository.transaction(async (manager) => {
      await this.projects.reachable(actor.user, projectId, { manager });
      await this.inspectionsRepository.upsertConflict(manager, projectId, body.userId, body.reason).catch((error: unknown) => {
        if (pgErrorOf(error)?.code === PG_FOREIGN_KEY_VIOLATION)
          throw new DomainError('VALIDATION_FAILED', { userId: fieldMessage('用户不存在', 'No such user') });
        throw error;
      });
      await this.audit.record(manager, actor, {
        action: 'project.inspector_conflict',
        entityType: 'project',
        entityId: projectId,
        after: body,
      });
    });
    return { projectId, userId: body.userId, reason: body.reason };
  }

  /** Assigns inspectors to a new inspection round under the conflict rules; the project is being inspected. */
  async assignInspectors(
    actor: AuthenticatedActor,
    projectId: number,
    body: AssignInspectorsRequest,
  ): Promise<InspectionView> {
    this.access.requirePermission(actor.user, 'delivery.manage');
    const ids = [...new Set(body.inspectorUserIds)];
    let assigned: { inspectionId: number; notificationIds: number[] };
    try {
      assigned = await this.projectsRepository.transaction((manager) => this.assign(manager, actor, projectId, ids, body));
    } catch (error) {
      if (pgErrorOf(error)?.code === PG_UNIQUE_VIOLATION) throw new DomainError('CONFLICT');
      throw error;
    }
    await this.notifications.deliverLater(assigned.notificationIds);
    return this.inspections.inspection(actor.user, assigned.inspectionId);
  }

  private async assign(
    manager: EntityManager,
    actor: AuthenticatedActor,
    projectId: number,
    ids: number[],
    body: AssignInspectorsRequest,
  ): Promise<{ inspectionId: number; notificationIds: number[] }> {
    const project = await this.projects.reachable(actor.user, projectId, { manager, lock: true });
    this.moves.check(project, 'assign_inspectors', actor);
    const problems = inspectorProblems(ids, await this.inspectionsRepository.candidates(manager, ids, projectId), project);
    if (problems) throw new DomainError(problems.code, problems.fields);
    const kind = body.kind ?? project.finalInspectionKind;
    const round = await this.inspectionsRepository.nextRound(manager, projectId, kind);
    const details = (await this.projectsRepository.details(manager, projectId))!;
    const checklist = checklistFor(kind === 'supervision' ? 'governance' : details.category.key, details.competition.kind);
    const inspection = await this.inspectionsRepository.create(manager, {
      projectId,
      kind,
      round,
      status: 'assigned',
      checklist: checklist.map((item) => ({ ...item })),
      assignedByUserId: actor.user.id,
      inspectorUserIds: ids,
    });
    await this.moves.apply(manager, actor, project, 'assign_inspectors', {
      action: 'inspection.assign',
      after: { inspectionId: inspection.id, kind, round, inspectorUserIds: ids },
    });
    const notificationIds = await this.notifications.notify(manager, ids, {
      kind: 'inspection.assigned',
      title: `验收任务：「${project.title}」`,
      body: `您被指派为「${project.title}」的${inspectionName(kind)}人员（第 ${round} 轮）。`,
      link: `/inspections/${inspection.id}`,
    });
    return { inspectionId: inspection.id, notificationIds };
  }
}
