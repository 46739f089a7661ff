import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  OPEN_PROJECT_STATES,
  PENDING_PAYMENT_STATES,
  type ProjectState,
  type TrancheCondition,
  type TrancheRule,
} from '@xiaoshi/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/actor.js';
import { AccessService } from '../access/access.service.js';
import { Project, ProjectMilestone, ProjectTranche } from './delivery.entities.js';

/** An approved award that has no project yet, with what its project is made from. */
export interface AwardToOpen {
  awardId: number;
  applicationId: number;
  competitionId: number;
  competitionKind: string;
  budgetLineId: number;
  streetId: number;
  communityId: number;
  title: string;
  amountFen: number;
  startDate: string | null;
  endDate: string | null;
  plan: string | null;
  tranchePlan: TrancheRule[];
}

interface AwardToOpenRow {
  award_id: number;
  application_id: number;
  competition_id: number;
  kind: string;
  budget_line_id: number;
  street_id: number;
  community_id: number;
  title: string;
  amount_fen: string;
  start_date: string | null;
  end_date: string | null;
  plan: string | null;
  tranche_plan: TrancheRule[];
}

export interface NewTranche {
  index: number;
  percentBp: number;
  condition: TrancheCondition;
  amountFen: number;
}

/** What a project's view shows beyond its own row: names, the category, the latest report. */
export interface ProjectDetails {
  competition: { title: string; kind: string };
  category: { key: string; name: string };
  streetName: string;
  communityName: string;
  percentComplete: number;
  lastReportPeriod: string | null;
}

interface ProjectDetailsRow {
  competition_title: string;
  competition_kind: string;
  category_key: string;
  category_name: string;
  street_name: string;
  community_name: string;
  percent_complete: number | null;
  last_period: string | null;
}

export interface OverdueProject {
  id: number;
  title: string;
  streetId: number;
  communityId: number;
  noReport: boolean;
  pastEnd: boolean;
}

/** Who may reach a project: readers (its unit's scope, or one of its inspectors) or its deliverers. */
export type ProjectReach = 'reader' | 'deliverer';

/**
 * The project, its tranches and milestones (delivery's tables). Reads of the award, application,
 * competition and payments that a project is made from or shows are joined here, read-only.
 */
@Injectable()
export class ProjectsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** SQL condition on project `p`: in the user's unit scope (or, for readers, one of its inspectors). */
  private scope(user: AuthUser, reach: ProjectReach, unitParam: number, userParam: number): string {
    const unit = this.access.unitScopeCondition(user, 'p.community_id', unitParam);
    if (reach === 'deliverer') return `(${unit})`;
    return `(${unit}
      OR EXISTS (SELECT 1 FROM inspection si JOIN inspection_inspector sii ON sii.inspection_id = si.id WHERE si.project_id = p.id AND sii.user_id = $${userParam}))`;
  }

  async reaches(manager: EntityManager, user: AuthUser, id: number, reach: ProjectReach): Promise<boolean> {
    const rows: Array<{ id: number }> = await manager.query(
      `SELECT p.id FROM project p WHERE p.id = $1 AND ${this.scope(user, reach, 2, 3)}`,
      reach === 'deliverer' ? [id, user.unit.id] : [id, user.unit.id, user.id],
    );
    return rows.length > 0;
  }

  find(manager: EntityManager, id: number, lock = false): Promise<Project | null> {
    return manager.findOne(Project, { where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  save(manager: EntityManager, project: Project): Promise<Project> {
    return manager.save(project);
  }

  async idsInScope(user: AuthUser, status?: ProjectState): Promise<number[]> {
    const rows: Array<{ id: number }> = await this.dataSource.query(
      `SELECT p.id FROM project p WHERE ${this.scope(user, 'reader', 1, 2)} AND ($3::varchar IS NULL OR p.status = $3)
       ORDER BY p.id DESC LIMIT 500`,
      [user.unit.id, user.id, status ?? null],
    );
    return rows.map((row) => row.id);
  }

  async idOfApplication(applicationId: number): Promise<number | null> {
    const [row]: Array<{ id: number }> = await this.dataSource.query(
      `SELECT id FROM project WHERE application_id = $1`,
      [applicationId],
    );
    return row?.id ?? null;
  }

  async details(manager: EntityManager, id: number): Promise<ProjectDetails | null> {
    const [row]: ProjectDetailsRow[] = await manager.query(
      `SELECT c.title AS competition_title, c.kind AS competition_kind, cat.key AS category_key, cat.name AS category_name,
              s.name AS street_name, cm.name AS community_name,
              (SELECT r.percent_complete FROM progress_report r WHERE r.project_id = p.id ORDER BY r.id DESC LIMIT 1) AS percent_complete,
              (SELECT max(r.period) FROM progress_report r WHERE r.project_id = p.id) AS last_period
       FROM project p JOIN competition c ON c.id = p.competition_id JOIN application a ON a.id = p.application_id
       JOIN competition_category cat ON cat.id = a.category_id JOIN org_unit s ON s.id = p.street_id JOIN org_unit cm ON cm.id = p.community_id
       WHERE p.id = $1`,
      [id],
    );
    if (!row) return null;
    return {
      competition: { title: row.competition_title, kind: row.competition_kind },
      category: { key: row.category_key, name: row.category_name },
      streetName: row.street_name,
      communityName: row.community_name,
      percentComplete: row.percent_complete ?? 0,
      lastReportPeriod: row.last_period,
    };
  }

  tranches(manager: EntityManager, projectId: number): Promise<ProjectTranche[]> {
    return manager.find(ProjectTranche, { where: { projectId }, order: { index: 'ASC' } });
  }

  /** The project's payments: pending (requested or approved) and paid. */
  async paymentSums(manager: EntityManager, projectId: number): Promise<{ requestedFen: number; paidFen: number }> {
    const [sums]: Array<{ requested: string; paid: string }> = await manager.query(
      `SELECT coalesce(sum(amount_fen) FILTER (WHERE status = ANY($2::varchar[])), 0) AS requested,
              coalesce(sum(amount_fen) FILTER (WHERE status = 'paid'), 0) AS paid
       FROM payment WHERE project_id = $1`,
      [projectId, PENDING_PAYMENT_STATES],
    );
    return { requestedFen: Number(sums.requested), paidFen: Number(sums.paid) };
  }

  milestones(manager: EntityManager, projectId: number): Promise<ProjectMilestone[]> {
    return manager.find(ProjectMilestone, { where: { projectId }, order: { position: 'ASC' } });
  }

  async replaceMilestones(
    manager: EntityManager,
    projectId: number,
    milestones: ReadonlyArray<{ title: string; dueDate: string; done: boolean }>,
  ): Promise<void> {
    await manager.delete(ProjectMilestone, { projectId });
    if (!milestones.length) return;
    await manager.insert(
      ProjectMilestone,
      milestones.map((m, position) => ({ projectId, position, title: m.title, dueDate: m.dueDate, done: m.done })),
    );
  }

  /** The district that owns a budget line (its admins assign inspectors). */
  async districtOfLine(manager: EntityManager, budgetLineId: number): Promise<number> {
    const [row]: Array<{ unit_id: number }> = await manager.query(`SELECT unit_id FROM budget_line WHERE id = $1`, [
      budgetLineId,
    ]);
    return row.unit_id;
  }

  // --- opening

  async awardsToOpen(): Promise<AwardToOpen[]> {
    const rows: AwardToOpenRow[] = await this.dataSource.query(
      `SELECT w.id AS award_id, w.application_id, w.amount_fen, a.competition_id, c.budget_line_id, a.street_id, a.community_id, a.title,
              a.start_date::text AS start_date, a.end_date::text AS end_date, a.plan, c.kind, c.tranche_plan
       FROM award w JOIN application a ON a.id = w.application_id JOIN competition c ON c.id = a.competition_id
       WHERE w.status = 'approved' AND NOT EXISTS (SELECT 1 FROM project p WHERE p.application_id = w.application_id)
       ORDER BY w.id`,
    );
    return rows.map((row) => ({
      awardId: row.award_id,
      applicationId: row.application_id,
      competitionId: row.competition_id,
      competitionKind: row.kind,
      budgetLineId: row.budget_line_id,
      streetId: row.street_id,
      communityId: row.community_id,
      title: row.title,
      amountFen: Number(row.amount_fen),
      startDate: row.start_date,
      endDate: row.end_date,
      plan: row.plan,
      tranchePlan: row.tranche_plan,
    }));
  }

  /**
   * Inserts the project of an award with its tranches, unless it exists (unique application_id):
   * returns its id, or null when another run opened it first.
   */
  async insertOpened(
    manager: EntityManager,
    award: AwardToOpen,
    values: { status: ProjectState; finalInspectionKind: 'acceptance' | 'supervision'; tranches: NewTranche[] },
  ): Promise<number | null> {
    const inserted: Array<{ id: number }> = await manager.query(
      `INSERT INTO project (application_id, award_id, competition_id, budget_line_id, street_id, community_id, title, amount_fen,
                            status, final_inspection_kind, start_date, end_date, plan, version, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 1, now())
       ON CONFLICT (application_id) DO NOTHING RETURNING id`,
      [
        award.applicationId,
        award.awardId,
        award.competitionId,
        award.budgetLineId,
        award.streetId,
        award.communityId,
        award.title,
        award.amountFen,
        values.status,
        values.finalInspectionKind,
        award.startDate,
        award.endDate,
        award.plan,
      ],
    );
    if (!inserted.length) return null;
    const projectId = inserted[0].id;
    await manager.insert(
      ProjectTranche,
      values.tranches.map((tranche) => ({ projectId, ...tranche })),
    );
    return projectId;
  }

  /** Open projects with no report for `today`'s month or past their end date. */
  async overdue(today: string): Promise<OverdueProject[]> {
    const rows: Array<{
      id: number;
      title: string;
      street_id: number;
      community_id: number;
      no_report: boolean;
      past_end: boolean;
    }> = await this.dataSource.query(
      `SELECT * FROM (
         SELECT p.id, p.title, p.street_id, p.community_id,
                NOT EXISTS (SELECT 1 FROM progress_report r WHERE r.project_id = p.id AND r.period = $1) AS no_report,
                (p.end_date IS NOT NULL AND p.end_date < $2::date) AS past_end
         FROM project p WHERE p.status = ANY($3::varchar[])
       ) o WHERE o.no_report OR o.past_end ORDER BY o.id`,
      [today.slice(0, 7), today, OPEN_PROJECT_STATES],
    );
    return rows.map((row) => ({
        id: row.id,
        title: row.title,
        streetId: row.street_id,
        communityId: row.community_id,
        noReport: row.no_report,
        pastEnd: row.past_end,
      }));
  }
}
