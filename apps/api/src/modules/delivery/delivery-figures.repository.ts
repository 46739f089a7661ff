import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OPEN_PROJECT_STATES } from '@xiaoshi/domain';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../../common/actor.js';
import type { FigureScope } from '../../common/figure-scope.js';
import { AccessService } from '../access/access.service.js';

/** Projects still being delivered (libs/domain project-workflow.ts). */
const OPEN_PROJECT_STATUSES = OPEN_PROJECT_STATES;

/** Funded projects of the scope: `p` is a project of the year's programmes of the district. */
const PROJECT_JOINS = `
  FROM programme g
  JOIN budget_line l ON l.programme_id = g.id
  JOIN project p ON p.budget_line_id = l.id`;
const IN_SCOPE = `WHERE g.unit_id = $2 AND g.year = $1
    AND ($3::int IS NULL OR p.street_id = $3) AND ($4::int IS NULL OR p.competition_id = $4)`;

const ACCEPTED = `(p.acceptance_passed_at IS NOT NULL OR p.supervision_passed_at IS NOT NULL)`;

export interface ProjectsByStreetRow {
  street_id: number;
  projects: number;
  in_delivery: number;
  accepted: number;
  accepted_fen: string;
}

export interface PassRateRow {
  inspected: number;
  passed: number;
  first_passed: number;
}

export interface WaitingRow {
  count: number;
  /** The only record concerned (an inspection or a project), or null when there are several. */
  only_id: number | null;
  first_due: string | null;
}

/** Read-only figures of funded projects (delivery) for the dashboards and the 工作台. */
export interface DistrictProjectsRow {
  district_id: number;
  projects: number;
  accepted: number;
}

@Injectable()
export class DeliveryFiguresRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  private params(scope: FigureScope): unknown[] {
    return [scope.year, scope.districtId, scope.streetId, scope.competitionId];
  }

  projectsByStreet(scope: FigureScope): Promise<ProjectsByStreetRow[]> {
    return this.dataSource.query(
      `SELECT p.street_id, count(*)::int AS projects,
              count(*) FILTER (WHERE p.status = ANY($5::varchar[]))::int AS in_delivery,
              count(*) FILTER (WHERE ${ACCEPTED})::int AS accepted,
              coalesce(sum(p.amount_fen) FILTER (WHERE ${ACCEPTED}), 0) AS accepted_fen
       ${PROJECT_JOINS} ${IN_SCOPE}
       GROUP BY p.street_id`,
      [...this.params(scope), OPEN_PROJECT_STATUSES],
    );
  }

  /** Projects with a recorded acceptance inspection (验收): passed at some round, at the first. */
  async passRate(scope: FigureScope): Promise<PassRateRow> {
    const [row]: PassRateRow[] = await this.dataSource.query(
      `WITH inspected AS (
         SELECT i.project_id, bool_or(i.outcome = 'passed') AS passed,
                (array_agg(i.outcome ORDER BY i.round))[1] = 'passed' AS first_passed
         ${PROJECT_JOINS}
         JOIN inspection i ON i.project_id = p.id AND i.kind = 'acceptance' AND i.status = 'recorded'
         ${IN_SCOPE}
         GROUP BY i.project_id
       )
       SELECT count(*)::int AS inspected, count(*) FILTER (WHERE passed)::int AS passed,
              count(*) FILTER (WHERE first_passed)::int AS first_passed
       FROM inspected`,
      this.params(scope),
    );
    return row;
  }

  /** Open inspection rounds this user is one of the inspectors of. */
  async inspectionsAssigned(userId: number): Promise<WaitingRow> {
    const [row]: WaitingRow[] = await this.dataSource.query(
      `SELECT count(*)::int AS count, CASE WHEN count(*) = 1 THEN min(i.id) END AS only_id,
              to_char(min(p.end_date), 'YYYY-MM-DD') AS first_due
       FROM inspection_inspector ii
       JOIN inspection i ON i.id = ii.inspection_id AND i.status = 'assigned'
       JOIN project p ON p.id = i.project_id
       WHERE ii.user_id = $1`,
      [userId],
    );
    return row;
  }

  /** Projects in the user's scope in one status. */
  async projectsInStatus(user: AuthUser, status: string): Promise<WaitingRow> {
    const [row]: WaitingRow[] = await this.dataSource.query(
      `SELECT count(*)::int AS count, CASE WHEN count(*) = 1 THEN min(p.id) END AS only_id,
              to_char(min(p.end_date), 'YYYY-MM-DD') AS first_due
       FROM project p
       WHERE p.status = $2 AND ${this.access.unitScopeCondition(user, 'p.community_id', 1)}`,
      [user.unit.id, status],
    );
    return row;
  }

  /** Open projects in the user's scope with no progress report for `period` ('YYYY-MM'). */
  async progressReportsDue(user: AuthUser, period: string): Promise<WaitingRow> {
    const [row]: WaitingRow[] = await this.dataSource.query(
      `SELECT count(*)::int AS count, CASE WHEN count(*) = 1 THEN min(p.id) END AS only_id, NULL AS first_due
       FROM project p
       WHERE p.status = ANY($3::varchar[]) AND ${this.access.unitScopeCondition(user, 'p.community_id', 1)}
         AND NOT EXISTS (SELECT 1 FROM progress_report r WHERE r.project_id = p.id AND r.period = $2)`,
      [user.unit.id, period, OPEN_PROJECT_STATUSES],
    );
    return row;
  }

  /** Projects of the district (or the street) still being delivered, whatever their year. */
  async inDelivery(user: AuthUser): Promise<number> {
    const [row]: Array<{ count: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM project p
       WHERE p.status = ANY($2::varchar[]) AND ${this.access.unitScopeCondition(user, 'p.community_id', 1)}`,
      [user.unit.id, OPEN_PROJECT_STATUSES],
    );
    return row.count;
  }

  /** Roll-ups (issue 13 §6): the year's projects per district, and how many passed acceptance. */
  projectsByDistrict(year: number, districtIds: readonly number[]): Promise<DistrictProjectsRow[]> {
    return this.dataSource.query(
      // From project_line_figure (kept by triggers with each write, migration RollupFigures1764000001000).
      `SELECT g.unit_id AS district_id, sum(f.projects)::int AS projects, sum(f.accepted)::int AS accepted
       FROM programme g
       JOIN budget_line l ON l.programme_id = g.id
       JOIN project_line_figure f ON f.budget_line_id = l.id
       WHERE g.unit_id = ANY($2::int[]) AND g.year = $1
       GROUP BY g.unit_id HAVING sum(f.projects) <> 0`,
      [year, [...districtIds]],
    );
  }
}
