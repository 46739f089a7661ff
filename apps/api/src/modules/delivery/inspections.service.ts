import { Injectable } from '@nestjs/common';
import { DomainError, fieldMessage, type InspectionView, type RecordInspectionRequest } from '@xiaoshi/contracts';
import { INSPECTION_MOVES, checkInspectionRecord, inspectionMove } from '@xiaoshi/domain';
import type { EntityManager } from 'typeorm';
import type { AuthUser, AuthenticatedActor } from '../../common/actor.js';
import { requireMove } from '../../common/state-moves.js';
import { AccessService } from '../access/access.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import type { Inspection, Project } from './delivery.entities.js';
import { InspectionsRepository } from './inspections.repository.js';
import { ProjectMovesService } from './project-moves.service.js';
import { ProjectsService } from './projects.service.js';

const OUTCOME_LABEL = {
  passed: () => '验收合格',
  rectification: (deadline: string | null) => `需整改（期限 ${deadline}）`,
  failed: () => '验收不合格',
} as const;

/**
 * Inspection rounds (验收 / 督导评估) as their inspectors see and record them. Recording moves the
 * project — passed: accepted (releasing the gated tranche); rectification: back to the community
 * with a deadline; failed: final — and with it the application.
 */
@Injectable()
export class InspectionsService {
  constructor(
    private readonly repository: InspectionsRepository,
    private readonly projects: ProjectsService,
    private readonly moves: ProjectMovesService,
    private readonly access: AccessService,
    private readonly notifications: NotificationsService,
  ) {}

  /** An inspection the user is an inspector of; 404 when not even visible, 403 when visible only. */
  async assigned(user: AuthUser, inspectionId: number, manager: EntityManager, lock = false): Promise<Inspection> {
    this.access.requirePermission(user, 'delivery.inspect');
    const inspection = await this.repository.find(manager, inspectionId, lock);
    if (!inspection) throw new DomainError('NOT_FOUND');
    if (!(await this.repository.isAssigned(manager, inspectionId, user.id))) {
      await this.projects.reachable(user, inspection.projectId, { manager });
      throw new DomainError('INSPECTOR_NOT_ASSIGNED');
    }
    return inspection;
  }

  async inspections(user: AuthUser, projectId: number): Promise<InspectionView[]> {
    this.access.requirePermission(user, 'delivery.read');
    await this.projects.reachable(user, projectId);
    const ids = await this.repository.idsOfProject(projectId);
    return Promise.all(ids.map((id) => this.inspection(user, id)));
  }

  async inspection(user: AuthUser, id: number): Promise<InspectionView> {
    this.access.requirePermission(user, 'delivery.read');
    const inspection = await this.repository.find(this.repository.manager, id);
    if (!inspection) throw new DomainError('NOT_FOUND');
    await this.projects.reachable(user, inspection.projectId);
    const [inspectors, photos] = [await this.repository.inspectors(id), await this.repository.photos(id)];
    return {
      id,
      projectId: inspection.projectId,
      kind: inspection.kind,
      round: inspection.round,
      status: inspection.status,
      checklist: inspection.checklist,
      answers: inspection.answers,
      findings: inspection.findings,
      outcome: inspection.outcome,
      rectificationDeadline: inspection.rectificationDeadline,
      inspectedOn: inspection.inspectedOn,
      inspectors,
      photos,
      recordedAt: inspection.recordedAt?.toISOString() ?? null,
      version: inspection.version,
    };
  }

  /** Records the round (assigned inspectors only, once) and moves the project by its outcome. */
  async record(actor: AuthenticatedActor, inspectionId: number, body: RecordInspectionRequest, now = new Date()) {
    const notificationIds = await this.repository.transaction(async (manager) => {
      const inspection = await this.assigned(actor.user, inspectionId, manager, true);
      const recorded = requireMove(INSPECTION_MOVES, inspection.status, 'record', actor.user.roles);
      const violations = checkInspectionRecord({
        checklist: inspection.checklist,
        answers: body.answers,
        outcome: body.outcome,
        findings: body.findings,
        rectificationDeadline: body.rectificationDeadline ?? null,
        inspectedOn: body.inspectedOn,
      });
      if (violations.length)
        throw new DomainError('VALIDATION_FAILED', Object.fromEntries(violations.map((v) => [v.field, fieldMessage(v.zh, v.en)])));
      const project = await this.projects.locked(manager, inspection.projectId);
      this.moves.check(project, inspectionMove(body.outcome), actor);
      Object.assign(inspection, {
        status: recorded.to,
        answers: body.answers,
        findings: body.findings,
        outcome: body.outcome,
        rectificationDeadline: body.outcome === 'rectification' ? body.rectificationDeadline! : null,
        inspectedOn: body.inspectedOn,
        recordedByUserId: actor.user.id,
        recordedAt: now,
      } satisfies Partial<Inspection>);
      await this.repository.save(manager, inspection);
      this.applyOutcome(project, inspection, now);
      await this.moves.apply(manager, actor, project, inspectionMove(body.outcome), {
        action: `inspection.${body.outcome}`,
        reason: body.outcome === 'passed' ? null : body.findings,
        after: {
          inspectionId,
          kind: inspection.kind,
          round: inspection.round,
          outcome: body.outcome,
          findings: body.findings,
          rectificationDeadline: project.rectificationDeadline,
        },
      });
      return this.tellOfficers(manager, project, body.outcome, body.findings);
    });
    await this.notifications.deliverLater(notificationIds);
    return this.inspection(actor.user, inspectionId);
  }

  /** What an outcome records on the project beside its status. */
  private applyOutcome(project: Project, inspection: Inspection, now: Date): void {
    if (inspection.outcome === 'passed') {
      project.rectificationDeadline = null;
      if (inspection.kind === 'acceptance') project.acceptancePassedAt = now;
      else project.supervisionPassedAt = now;
    } else if (inspection.outcome === 'rectification') {
      project.rectificationDeadline = inspection.rectificationDeadline;
    }
  }

  private async tellOfficers(
    manager: EntityManager,
    project: Project,
    outcome: RecordInspectionRequest['outcome'],
    findings: string,
  ): Promise<number[]> {
    const officers = [
      ...(await this.notifications.usersWithRole(manager, 'community_officer', [project.communityId])),
      ...(await this.notifications.usersWithRole(manager, 'street_officer', [project.streetId])),
    ];
    const label = OUTCOME_LABEL[outcome](project.rectificationDeadline);
    return this.notifications.notify(manager, officers, {
      kind: `inspection.${outcome}`,
      title: `「${project.title}」${label}`,
      body: findings || label,
      link: `/projects/${project.id}`,
    });
  }
}
