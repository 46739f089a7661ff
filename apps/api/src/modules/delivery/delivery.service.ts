import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DomainError,
  fieldMessage,
  type AssignInspectorsRequest,
  type FieldErrors,
  type InspectorConflictRequest,
  type ProgressReportRequest,
  type ProjectListQuery,
  type ProjectView,
  type RecordInspectionRequest,
  type ReplaceMilestonesRequest,
  type RequestAcceptanceRequest,
} from '@xiaoshi/contracts';
import {
  TRANCHE_CONDITION_LABELS,
  checkInspectionRecord,
  checklistFor,
  inspectionKindFor,
  materialiseTranches,
  releasedAmount,
  shanghaiDate,
  type Tranche,
  type TrancheCondition,
  type TrancheRule,
} from '@xiaoshi/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor, AuthUser, AuthenticatedActor } from '../../common/actor.js';
import { PG_UNIQUE_VIOLATION, pgErrorOf } from '../../database/postgres-errors.js';
import { AccessService } from '../access/access.service.js';
import { AuditService } from '../audit/audit.service.js';
import { FileStore } from '../files/file-store.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import {
  Inspection,
  InspectionInspector,
  ProgressReport,
  Project,
  ProjectMilestone,
  ProjectPhoto,
  ProjectTranche,
} from './delivery.entities.js';

/** Photos: images only, by content. */
const PHOTO_CONTENT: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
};
const PHOTO_MAX_BYTES = 15 * 1024 * 1024;

const OPEN_STATUSES = ['in_progress', 'acceptance_requested', 'inspecting', 'rectification'];

export interface ProjectMoney {
  releasedFen: number;
  requestedFen: number;
  paidFen: number;
  availableFen: number;
}

export const currentPeriod = (now = new Date()) => shanghaiDate(now).slice(0, 7);

/**
 * Delivery: approved applications become projects with tranches, milestones and monthly
 * progress reports; acceptance (验收) or supervision (督导评估) inspections with the rectification
 * loop; overdue flags and reminders.
 */
@Injectable()
export class DeliveryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly files: FileStore,
    private readonly notifications: NotificationsService,
  ) {}

  // --- projects

  /**
   * Opens a project for every approved award that has none yet, with its tranches materialised
   * from the competition's plan. Idempotent (unique application_id, ON CONFLICT DO NOTHING): the
   * `delivery.open-projects` job runs it, and reads run it too so a project exists as soon as
   * its award is approved.
   */
  async openProjects(
    actor: Actor = { user: null, requestId: 'job:delivery.open-projects', ip: '127.0.0.1' },
  ): Promise<number[]> {
    const due: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT w.id AS award_id, w.application_id, w.amount_fen, a.competition_id, c.budget_line_id, a.street_id, a.community_id, a.title,
              a.start_date::text AS start_date, a.end_date::text AS end_date, a.plan, c.kind, c.tranche_plan
       FROM award w JOIN application a ON a.id = w.application_id JOIN competition c ON c.id = a.competition_id
       WHERE w.status = 'approved' AND NOT EXISTS (SELECT 1 FROM project p WHERE p.application_id = w.application_id)
       ORDER BY w.id`,
    );
    const opened: number[] = [];
    for (const row of due) {
      const id = await this.dataSource.transaction(async (manager) => {
        const inserted: Array<{ id: number }> = await manager.query(
          `INSERT INTO project (application_id, award_id, competition_id, budget_line_id, street_id, community_id, title, amount_fen,
                                status, final_inspection_kind, start_date, end_date, plan, version, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'in_progress', $9, $10, $11, $12, 1, now())
           ON CONFLICT (application_id) DO NOTHING RETURNING id`,
          [
            row.application_id,
            row.award_id,
            row.competition_id,
            row.budget_line_id,
            row.street_id,
            row.community_id,
            row.title,
            row.amount_fen,
            inspectionKindFor(row.kind as string),
            row.start_date,
            row.end_date,
            row.plan,
          ],
        );
        if (!inserted.length) return null;
        const projectId = inserted[0].id;
        const tranches = materialiseTranches(Number(row.amount_fen), row.tranche_plan as TrancheRule[]);
        const plan = row.tranche_plan as TrancheRule[];
        await manager.insert(
          ProjectTranche,
          tranches.map((tranche) => ({
            projectId,
            index: tranche.index,
            percentBp: plan[tranche.index].percentBp,
            condition: tranche.condition,
            amountFen: tranche.amount,
          })),
        );
        await this.audit.record(manager, actor, {
          action: 'project.open',
          entityType: 'project',
          entityId: projectId,
          after: {
            applicationId: row.application_id,
            awardId: row.award_id,
            amountFen: Number(row.amount_fen),
            tranches,
          },
        });
        return projectId;
      });
      if (id !== null) opened.push(id);
    }
    return opened;
  }

  /** SQL condition: project `p` in the user's unit scope, or the user is one of its inspectors. */
  private scope(user: AuthUser, unitParam: number, userParam: number): string {
    return `(${this.access.unitScopeCondition(user, 'p.community_id', unitParam)}
      OR EXISTS (SELECT 1 FROM inspection si JOIN inspection_inspector sii ON sii.inspection_id = si.id WHERE si.project_id = p.id AND sii.user_id = $${userParam}))`;
  }

  /** Loads a project the user may reach (404 otherwise), optionally row-locked. */
  async reachable(
    user: AuthUser,
    id: number,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<Project> {
    const [row]: Array<{ id: number }> = await manager.query(
      `SELECT p.id FROM project p WHERE p.id = $1 AND ${this.scope(user, 2, 3)}`,
      [id, user.unit.id, user.id],
    );
    if (!row) throw new DomainError('NOT_FOUND');
    const project = await manager.findOne(Project, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!project) throw new DomainError('NOT_FOUND');
    return project;
  }

  async tranchesOf(manager: EntityManager, projectId: number): Promise<ProjectTranche[]> {
    return manager.find(ProjectTranche, { where: { projectId }, order: { index: 'ASC' } });
  }

  /** Released per the tranche conditions; requested counts requested and approved, paid counts paid. */
  async moneyOf(manager: EntityManager, project: Project): Promise<ProjectMoney & { tranches: Tranche[] }> {
    const tranches = (await this.tranchesOf(manager, project.id)).map((t) => ({
      index: t.index,
      amount: t.amountFen,
      condition: t.condition as TrancheCondition,
    }));
    const releasedFen = releasedAmount(tranches, {
      approved: true,
      acceptancePassed: !!project.acceptancePassedAt,
      supervisionPassed: !!project.supervisionPassedAt,
      midtermReported: !!project.midtermReportedAt,
    });
    const [sums]: Array<{ requested: string; paid: string }> = await manager.query(
      `SELECT coalesce(sum(amount_fen) FILTER (WHERE status IN ('requested', 'approved')), 0) AS requested,
              coalesce(sum(amount_fen) FILTER (WHERE status = 'paid'), 0) AS paid
       FROM payment WHERE project_id = $1`,
      [project.id],
    );
    const requestedFen = Number(sums.requested);
    const paidFen = Number(sums.paid);
    return {
      tranches,
      releasedFen,
      requestedFen,
      paidFen,
      availableFen: Math.max(0, releasedFen - requestedFen - paidFen),
    };
  }

  async list(user: AuthUser, query: ProjectListQuery): Promise<ProjectView[]> {
    this.access.requirePermission(user, 'delivery.read');
    await this.openProjects();
    const params: unknown[] = [user.unit.id, user.id];
    let filter = '';
    if (query.status) {
      params.push(query.status);
      filter = `AND p.status = $${params.length}`;
    }
    const rows: Array<{ id: number }> = await this.dataSource.query(
      `SELECT p.id FROM project p WHERE ${this.scope(user, 1, 2)} ${filter} ORDER BY p.id DESC LIMIT 500`,
      params,
    );
    const views = await Promise.all(rows.map((row) => this.view(this.dataSource.manager, row.id)));
    return query.overdue
      ? views.filter((view) => view.overdue.noReportThisMonth || view.overdue.pastEndDate)
      : views;
  }

  async get(user: AuthUser, id: number): Promise<ProjectView> {
    this.access.requirePermission(user, 'delivery.read');
    await this.reachable(user, id);
    return this.view(this.dataSource.manager, id);
  }

  /** The project of an application (opened on demand if its award was just approved). */
  async ofApplication(user: AuthUser, applicationId: number): Promise<ProjectView> {
    this.access.requirePermission(user, 'delivery.read');
    await this.openProjects();
    const [row]: Array<{ id: number }> = await this.dataSource.query(
      `SELECT id FROM project WHERE application_id = $1`,
      [applicationId],
    );
    if (!row) throw new DomainError('NOT_FOUND');
    return this.get(user, row.id);
  }

  async view(manager: EntityManager, id: number, now = new Date()): Promise<ProjectView> {
    const [row]: Array<Record<string, unknown>> = await manager.query(
      `SELECT p.*, p.start_date::text AS start_day, p.end_date::text AS end_day, p.rectification_deadline::text AS rect_day,
              c.title AS competition_title, c.kind AS competition_kind, cat.key AS category_key, cat.name AS category_name,
              s.name AS street_name, cm.name AS community_name,
              (SELECT r.percent_complete FROM progress_report r WHERE r.project_id = p.id ORDER BY r.id DESC LIMIT 1) AS percent_complete,
              (SELECT max(r.period) FROM progress_report r WHERE r.project_id = p.id) AS last_period
       FROM project p JOIN competition c ON c.id = p.competition_id JOIN application a ON a.id = p.application_id
       JOIN competition_category cat ON cat.id = a.category_id JOIN org_unit s ON s.id = p.street_id JOIN org_unit cm ON cm.id = p.community_id
       WHERE p.id = $1`,
      [id],
    );
    if (!row) throw new DomainError('NOT_FOUND');
    const project = await manager.findOneByOrFail(Project, { id });
    const money = await this.moneyOf(manager, project);
    const planRows = await this.tranchesOf(manager, id);
    const milestones = await manager.find(ProjectMilestone, {
      where: { projectId: id },
      order: { position: 'ASC' },
    });
    const today = shanghaiDate(now);
    const open = OPEN_STATUSES.includes(project.status);
    const period = today.slice(0, 7);
    const facts = {
      approved: true,
      acceptancePassed: !!project.acceptancePassedAt,
      supervisionPassed: !!project.supervisionPassedAt,
      midtermReported: !!project.midtermReportedAt,
    };
    // A tranche is released when its condition is met: probe it alone with a non-zero amount.
    const isReleased = (condition: TrancheCondition) =>
      releasedAmount([{ index: 0, amount: 1, condition }], facts) === 1;
    return {
      id,
      applicationId: project.applicationId,
      title: project.title,
      competition: {
        id: project.competitionId,
        title: row.competition_title as string,
        kind: row.competition_kind as string,
      },
      category: { key: row.category_key as string, name: row.category_name as string },
      street: { id: project.streetId, name: row.street_name as string },
      community: { id: project.communityId, name: row.community_name as string },
      status: project.status,
      amountFen: project.amountFen,
      startDate: project.startDate,
      endDate: project.endDate,
      plan: project.plan,
      finalInspectionKind: project.finalInspectionKind,
      acceptancePassedAt: project.acceptancePassedAt?.toISOString() ?? null,
      supervisionPassedAt: project.supervisionPassedAt?.toISOString() ?? null,
      rectificationDeadline: project.rectificationDeadline,
      percentComplete: row.percent_complete === null ? 0 : Number(row.percent_complete),
      lastReportPeriod: (row.last_period as string | null) ?? null,
      overdue: {
        noReportThisMonth: open && (row.last_period as string | null) !== period,
        pastEndDate: open && !!project.endDate && project.endDate < today,
      },
      tranches: planRows.map((tranche) => ({
        index: tranche.index,
        percentBp: tranche.percentBp,
        condition: tranche.condition,
        conditionLabel:
          TRANCHE_CONDITION_LABELS[tranche.condition as TrancheCondition]?.zh ?? tranche.condition,
        amountFen: tranche.amountFen,
        released: isReleased(tranche.condition as TrancheCondition),
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

  async replaceMilestones(
    actor: AuthenticatedActor,
    id: number,
    body: ReplaceMilestonesRequest,
  ): Promise<ProjectView> {
    this.access.requirePermission(actor.user, 'delivery.report');
    await this.dataSource.transaction(async (manager) => {
      const project = await this.reachableForReport(actor.user, id, manager);
      if (!OPEN_STATUSES.includes(project.status)) throw new DomainError('INVALID_TRANSITION');
      const before = await manager.find(ProjectMilestone, {
        where: { projectId: id },
        order: { position: 'ASC' },
      });
      await manager.delete(ProjectMilestone, { projectId: id });
      if (body.milestones.length) {
        await manager.insert(
          ProjectMilestone,
          body.milestones.map((m, position) => ({
            projectId: id,
            position,
            title: m.title,
            dueDate: m.dueDate,
            done: m.done,
          })),
        );
      }
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

  /** Community and street officers act on projects of their unit only (never as inspectors). */
  private async reachableForReport(
    user: AuthUser,
    id: number,
    manager: EntityManager,
    lock = true,
  ): Promise<Project> {
    const [row]: Array<{ id: number }> = await manager.query(
      `SELECT p.id FROM project p WHERE p.id = $1 AND ${this.access.unitScopeCondition(user, 'p.community_id', 2)}`,
      [id, user.unit.id],
    );
    if (!row) throw new DomainError('NOT_FOUND');
    return manager.findOneOrFail(Project, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  // --- progress

  async reports(user: AuthUser, projectId: number) {
    this.access.requirePermission(user, 'delivery.read');
    await this.reachable(user, projectId);
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT r.id, r.period, r.text, r.percent_complete, r.midterm, r.created_at, u.display_name AS author,
              coalesce((SELECT json_agg(json_build_object('id', ph.id, 'name', ph.original_name) ORDER BY ph.id) FROM project_photo ph WHERE ph.progress_report_id = r.id), '[]') AS photos
       FROM progress_report r JOIN app_user u ON u.id = r.created_by_user_id WHERE r.project_id = $1 ORDER BY r.id DESC`,
      [projectId],
    );
    return rows.map((row) => ({
      id: row.id as number,
      period: row.period as string,
      text: row.text as string,
      percentComplete: row.percent_complete as number,
      midterm: row.midterm as boolean,
      author: row.author as string,
      photos: row.photos as Array<{ id: number; name: string }>,
      createdAt: (row.created_at as Date).toISOString(),
    }));
  }

  async report(actor: AuthenticatedActor, projectId: number, body: ProgressReportRequest, now = new Date()) {
    this.access.requirePermission(actor.user, 'delivery.report');
    const id = await this.dataSource.transaction(async (manager) => {
      const project = await this.reachableForReport(actor.user, projectId, manager);
      if (!OPEN_STATUSES.includes(project.status)) throw new DomainError('INVALID_TRANSITION');
      const report = await manager.save(
        manager.create(ProgressReport, {
          projectId,
          period: currentPeriod(now),
          text: body.text,
          percentComplete: body.percentComplete,
          midterm: body.midterm,
          createdByUserId: actor.user.id,
        }),
      );
      if (body.midterm && !project.midtermReportedAt) {
        project.midtermReportedAt = now;
        await manager.save(project);
      }
      await this.audit.record(manager, actor, {
        action: 'project.progress_report',
        entityType: 'project',
        entityId: projectId,
        after: {
          reportId: report.id,
          period: report.period,
          percentComplete: body.percentComplete,
          midterm: body.midterm,
        },
      });
      return report.id;
    });
    return (await this.reports(actor.user, projectId)).find((row) => row.id === id)!;
  }

  // --- photos

  async addPhoto(
    actor: AuthenticatedActor,
    target: { reportId?: number; inspectionId?: number },
    incoming: { filename: string; stream: Readable },
  ) {
    // Access first, before accepting a single byte.
    let projectId: number;
    if (target.reportId) {
      this.access.requirePermission(actor.user, 'delivery.report');
      const report = await this.dataSource.manager.findOneBy(ProgressReport, { id: target.reportId });
      if (!report) {
        incoming.stream.resume();
        throw new DomainError('NOT_FOUND');
      }
      await this.reachableForReport(actor.user, report.projectId, this.dataSource.manager, false).catch(
        (error: unknown) => {
          incoming.stream.resume();
          throw error;
        },
      );
      projectId = report.projectId;
    } else {
      try {
        const inspection = await this.assignedInspection(
          actor.user,
          target.inspectionId!,
          this.dataSource.manager,
        );
        projectId = inspection.projectId;
      } catch (error) {
        incoming.stream.resume();
        throw error;
      }
    }
    const stored = await this.files.store(incoming.stream, PHOTO_MAX_BYTES, PHOTO_CONTENT);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const photo = await manager.save(
          manager.create(ProjectPhoto, {
            projectId,
            progressReportId: target.reportId ?? null,
            inspectionId: target.inspectionId ?? null,
            type: target.reportId ? 'progress_photo' : 'inspection_photo',
            originalName: incoming.filename.slice(0, 200) || 'photo',
            mimeType: stored.mimeType,
            sizeBytes: stored.sizeBytes,
            sha256: stored.sha256,
            storageKey: stored.storageKey,
            uploadedByUserId: actor.user.id,
          }),
        );
        await this.audit.record(manager, actor, {
          action: 'project.photo_added',
          entityType: 'project',
          entityId: projectId,
          after: {
            photoId: photo.id,
            type: photo.type,
            reportId: photo.progressReportId,
            inspectionId: photo.inspectionId,
            sha256: stored.sha256,
          },
        });
        return {
          id: photo.id,
          type: photo.type,
          originalName: photo.originalName,
          mimeType: photo.mimeType,
          sizeBytes: photo.sizeBytes,
          sha256: photo.sha256,
        };
      });
    } catch (error) {
      await this.files.remove(stored.storageKey);
      throw error;
    }
  }

  async openPhoto(user: AuthUser, photoId: number) {
    this.access.requirePermission(user, 'delivery.read');
    const photo = await this.dataSource.manager.findOneBy(ProjectPhoto, { id: photoId });
    if (!photo) throw new DomainError('NOT_FOUND');
    await this.reachable(user, photo.projectId);
    const { stream, sizeBytes } = await this.files.open(photo.storageKey);
    return { photo, stream, sizeBytes };
  }

  // --- acceptance

  async requestAcceptance(
    actor: AuthenticatedActor,
    projectId: number,
    body: RequestAcceptanceRequest,
  ): Promise<ProjectView> {
    this.access.requirePermission(actor.user, 'delivery.report');
    const ids = await this.dataSource.transaction(async (manager) => {
      const project = await this.reachableForReport(actor.user, projectId, manager);
      if (!['in_progress', 'rectification'].includes(project.status))
        throw new DomainError('INVALID_TRANSITION');
      const before = project.status;
      project.status = 'acceptance_requested';
      await manager.save(project);
      await this.audit.record(manager, actor, {
        action: 'project.request_acceptance',
        entityType: 'project',
        entityId: projectId,
        before: { status: before },
        after: { status: project.status, note: body.note ?? null },
      });
      const [{ district }]: Array<{ district: number }> = await manager.query(
        `SELECT l.unit_id AS district FROM budget_line l WHERE l.id = $1`,
        [project.budgetLineId],
      );
      const admins = await this.notifications.usersWithRole(manager, 'district_admin', [district]);
      return this.notifications.notify(manager, admins, {
        kind: 'project.acceptance_requested',
        title: `申请验收：「${project.title}」`,
        body: `「${project.title}」已申请${project.finalInspectionKind === 'supervision' ? '督导评估' : '验收'}，请指派验收人员。`,
        link: `/projects/${projectId}`,
      });
    });
    await this.notifications.deliverLater(ids);
    return this.get(actor.user, projectId);
  }

  async recordConflict(actor: AuthenticatedActor, projectId: number, body: InspectorConflictRequest) {
    this.access.requirePermission(actor.user, 'delivery.manage');
    await this.dataSource.transaction(async (manager) => {
      await this.reachable(actor.user, projectId, manager);
      await manager
        .query(
          `INSERT INTO inspector_conflict (project_id, user_id, reason, created_at) VALUES ($1, $2, $3, now())
         ON CONFLICT (project_id, user_id) DO UPDATE SET reason = EXCLUDED.reason`,
          [projectId, body.userId, body.reason],
        )
        .catch((error: unknown) => {
          if (pgErrorOf(error)?.code === '23503')
            throw new DomainError('VALIDATION_FAILED', {
              userId: fieldMessage('用户不存在', 'No such user'),
            });
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

  /**
   * Assigns inspectors to a new inspection round. Refused: users who are not active inspectors;
   * inspectors whose unit is the project's street or community; inspectors recorded as
   * conflicted with the project.
   */
  async assignInspectors(actor: AuthenticatedActor, projectId: number, body: AssignInspectorsRequest) {
    this.access.requirePermission(actor.user, 'delivery.manage');
    const ids = [...new Set(body.inspectorUserIds)];
    let notificationIds: number[] = [];
    let inspectionId: number;
    try {
      inspectionId = await this.dataSource.transaction(async (manager) => {
        await this.reachable(actor.user, projectId, manager);
        const project = await manager.findOneOrFail(Project, {
          where: { id: projectId },
          lock: { mode: 'pessimistic_write' },
        });
        if (project.status !== 'acceptance_requested') throw new DomainError('INVALID_TRANSITION');
        const users: Array<{
          id: number;
          display_name: string;
          unit_id: number;
          roles: string[];
          active: boolean;
          conflict: string | null;
        }> = await manager.query(
          `SELECT u.id, u.display_name, u.unit_id, u.roles, u.active,
                  (SELECT c.reason FROM inspector_conflict c WHERE c.project_id = $2 AND c.user_id = u.id) AS conflict
           FROM app_user u WHERE u.id = ANY($1::int[])`,
          [ids, projectId],
        );
        const fields: FieldErrors = {};
        for (const userId of ids) {
          const user = users.find((u) => u.id === userId);
          const key = `inspectorUserIds.${ids.indexOf(userId)}`;
          if (!user || !user.active || !user.roles.includes('inspector'))
            fields[key] = fieldMessage('不是有效的验收人员', 'Not an active inspector');
        }
        if (Object.keys(fields).length) throw new DomainError('VALIDATION_FAILED', fields);
        for (const user of users) {
          const key = `inspectorUserIds.${ids.indexOf(user.id)}`;
          if (user.unit_id === project.streetId || user.unit_id === project.communityId) {
            fields[key] = fieldMessage(
              `${user.display_name}与项目所在街道或社区同属一个单位，须回避`,
              `${user.display_name} belongs to the project's street or community`,
            );
          } else if (user.conflict !== null) {
            fields[key] = fieldMessage(
              `${user.display_name}已登记与本项目存在利益冲突：${user.conflict}`,
              `${user.display_name} has a recorded conflict: ${user.conflict}`,
            );
          }
        }
        if (Object.keys(fields).length) throw new DomainError('CONFLICT_OF_INTEREST', fields);
        const kind = body.kind ?? project.finalInspectionKind;
        const [{ round }]: Array<{ round: number }> = await manager.query(
          `SELECT coalesce(max(round), 0)::int + 1 AS round FROM inspection WHERE project_id = $1 AND kind = $2`,
          [projectId, kind],
        );
        const [{ category_key, competition_kind }]: Array<{
          category_key: string;
          competition_kind: string;
        }> = await manager.query(
          `SELECT cat.key AS category_key, c.kind AS competition_kind FROM application a JOIN competition_category cat ON cat.id = a.category_id
           JOIN competition c ON c.id = a.competition_id WHERE a.id = $1`,
          [project.applicationId],
        );
        const checklist = checklistFor(
          kind === 'supervision' ? 'governance' : category_key,
          competition_kind,
        ).map((item) => ({ ...item }));
        const inspection = await manager.save(
          manager.create(Inspection, {
            projectId,
            kind,
            round,
            status: 'assigned',
            checklist,
            assignedByUserId: actor.user.id,
          }),
        );
        await manager.insert(
          InspectionInspector,
          ids.map((userId) => ({ inspectionId: inspection.id, userId })),
        );
        project.status = 'inspecting';
        await manager.save(project);
        await this.audit.record(manager, actor, {
          action: 'inspection.assign',
          entityType: 'project',
          entityId: projectId,
          before: { status: 'acceptance_requested' },
          after: { status: 'inspecting', inspectionId: inspection.id, kind, round, inspectorUserIds: ids },
        });
        notificationIds = await this.notifications.notify(manager, ids, {
          kind: 'inspection.assigned',
          title: `验收任务：「${project.title}」`,
          body: `您被指派为「${project.title}」的${kind === 'supervision' ? '督导评估' : '验收'}人员（第 ${round} 轮）。`,
          link: `/inspections/${inspection.id}`,
        });
        return inspection.id;
      });
    } catch (error) {
      if (pgErrorOf(error)?.code === PG_UNIQUE_VIOLATION) throw new DomainError('CONFLICT');
      throw error;
    }
    await this.notifications.deliverLater(notificationIds);
    return this.inspection(actor.user, inspectionId);
  }

  private async assignedInspection(
    user: AuthUser,
    inspectionId: number,
    manager: EntityManager,
    lock = false,
  ): Promise<Inspection> {
    this.access.requirePermission(user, 'delivery.inspect');
    const inspection = await manager.findOne(Inspection, {
      where: { id: inspectionId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!inspection) throw new DomainError('NOT_FOUND');
    const assigned = await manager.findOneBy(InspectionInspector, { inspectionId, userId: user.id });
    if (!assigned) {
      // Not even visible: 404; visible but not assigned: 403 with its own code.
      await this.reachable(user, inspection.projectId, manager);
      throw new DomainError('INSPECTOR_NOT_ASSIGNED');
    }
    return inspection;
  }

  async inspections(user: AuthUser, projectId: number) {
    this.access.requirePermission(user, 'delivery.read');
    await this.reachable(user, projectId);
    const rows: Array<{ id: number }> = await this.dataSource.query(
      `SELECT id FROM inspection WHERE project_id = $1 ORDER BY id`,
      [projectId],
    );
    return Promise.all(rows.map((row) => this.inspection(user, row.id)));
  }

  async inspection(user: AuthUser, id: number) {
    this.access.requirePermission(user, 'delivery.read');
    const inspection = await this.dataSource.manager.findOneBy(Inspection, { id });
    if (!inspection) throw new DomainError('NOT_FOUND');
    await this.reachable(user, inspection.projectId);
    const inspectors: Array<{ id: number; display_name: string }> = await this.dataSource.query(
      `SELECT u.id, u.display_name FROM inspection_inspector ii JOIN app_user u ON u.id = ii.user_id WHERE ii.inspection_id = $1 ORDER BY u.id`,
      [id],
    );
    const photos: Array<{ id: number; original_name: string }> = await this.dataSource.query(
      `SELECT id, original_name FROM project_photo WHERE inspection_id = $1 ORDER BY id`,
      [id],
    );
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
      inspectors: inspectors.map((u) => ({ id: u.id, name: u.display_name })),
      photos: photos.map((p) => ({ id: p.id, name: p.original_name })),
      recordedAt: inspection.recordedAt?.toISOString() ?? null,
      version: inspection.version,
    };
  }

  /**
   * Records the inspection (assigned inspectors only): passed → the project is accepted (or its
   * supervision evaluation passed), which releases the gated tranche; rectification → the
   * project goes back to the community with a deadline and the loop starts again; failed → final.
   */
  async record(
    actor: AuthenticatedActor,
    inspectionId: number,
    body: RecordInspectionRequest,
    now = new Date(),
  ) {
    const notificationIds = await this.dataSource.transaction(async (manager) => {
      const inspection = await this.assignedInspection(actor.user, inspectionId, manager, true);
      if (inspection.status !== 'assigned') throw new DomainError('INVALID_TRANSITION');
      const violations = checkInspectionRecord({
        checklist: inspection.checklist,
        answers: body.answers,
        outcome: body.outcome,
        findings: body.findings,
        rectificationDeadline: body.rectificationDeadline ?? null,
        inspectedOn: body.inspectedOn,
      });
      if (violations.length)
        throw new DomainError(
          'VALIDATION_FAILED',
          Object.fromEntries(violations.map((v) => [v.field, fieldMessage(v.zh, v.en)])),
        );
      const project = await manager.findOneOrFail(Project, {
        where: { id: inspection.projectId },
        lock: { mode: 'pessimistic_write' },
      });
      if (project.status !== 'inspecting') throw new DomainError('INVALID_TRANSITION');
      inspection.status = 'recorded';
      inspection.answers = body.answers;
      inspection.findings = body.findings;
      inspection.outcome = body.outcome;
      inspection.rectificationDeadline =
        body.outcome === 'rectification' ? body.rectificationDeadline! : null;
      inspection.inspectedOn = body.inspectedOn;
      inspection.recordedByUserId = actor.user.id;
      inspection.recordedAt = now;
      await manager.save(inspection);
      const before = project.status;
      if (body.outcome === 'passed') {
        project.status = 'accepted';
        project.rectificationDeadline = null;
        if (inspection.kind === 'acceptance') project.acceptancePassedAt = now;
        else project.supervisionPassedAt = now;
      } else if (body.outcome === 'rectification') {
        project.status = 'rectification';
        project.rectificationDeadline = body.rectificationDeadline!;
      } else {
        project.status = 'failed';
      }
      await manager.save(project);
      await this.audit.record(manager, actor, {
        action: `inspection.${body.outcome}`,
        entityType: 'project',
        entityId: project.id,
        before: { status: before },
        after: {
          status: project.status,
          inspectionId,
          kind: inspection.kind,
          round: inspection.round,
          outcome: body.outcome,
          findings: body.findings,
          rectificationDeadline: project.rectificationDeadline,
        },
      });
      const officers = [
        ...(await this.notifications.usersWithRole(manager, 'community_officer', [project.communityId])),
        ...(await this.notifications.usersWithRole(manager, 'street_officer', [project.streetId])),
      ];
      const label = {
        passed: '验收合格',
        rectification: `需整改（期限 ${project.rectificationDeadline}）`,
        failed: '验收不合格',
      }[body.outcome];
      return this.notifications.notify(manager, officers, {
        kind: `inspection.${body.outcome}`,
        title: `「${project.title}」${label}`,
        body: body.findings || label,
        link: `/projects/${project.id}`,
      });
    });
    await this.notifications.deliverLater(notificationIds);
    return this.inspection(actor.user, inspectionId);
  }

  // --- overdue reminders

  /** Daily: remind community and street officers of open projects with no report this month or past their end date. */
  async remindOverdue(today: string): Promise<number> {
    const period = today.slice(0, 7);
    const rows: Array<{
      id: number;
      title: string;
      street_id: number;
      community_id: number;
      no_report: boolean;
      past_end: boolean;
    }> = await this.dataSource.query(
      `SELECT p.id, p.title, p.street_id, p.community_id,
              NOT EXISTS (SELECT 1 FROM progress_report r WHERE r.project_id = p.id AND r.period = $1) AS no_report,
              (p.end_date IS NOT NULL AND p.end_date < $2::date) AS past_end
       FROM project p WHERE p.status = ANY($3::varchar[]) ORDER BY p.id`,
      [period, today, OPEN_STATUSES],
    );
    const ids: number[] = [];
    await this.dataSource.transaction(async (manager) => {
      for (const row of rows.filter((r) => r.no_report || r.past_end)) {
        const officers = [
          ...(await this.notifications.usersWithRole(manager, 'community_officer', [row.community_id])),
          ...(await this.notifications.usersWithRole(manager, 'street_officer', [row.street_id])),
        ];
        const reasons = [
          row.no_report ? `${period} 的进度报告尚未提交` : null,
          row.past_end ? '已超过计划完成日期' : null,
        ]
          .filter(Boolean)
          .join('；');
        ids.push(
          ...(await this.notifications.notify(manager, officers, {
            kind: 'project.overdue',
            title: `项目进度提醒：「${row.title}」`,
            body: `${reasons}。`,
            link: `/projects/${row.id}`,
            dedupeKey: `project-overdue:${row.id}:${period}:${row.no_report ? 'r' : ''}${row.past_end ? 'e' : ''}`,
          })),
        );
      }
    });
    await this.notifications.deliverLater(ids);
    return ids.length;
  }
}
