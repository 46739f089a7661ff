import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../../common/actor.js';
import type { FigureScope } from '../../common/figure-scope.js';
import { AccessService } from '../access/access.service.js';

export interface FunnelCountsRow {
  submitted: number;
  submitted_fen: string;
  screened: number;
  screened_fen: string;
  scored: number;
  scored_fen: string;
  approved: number;
}

export interface WaitingByStatusRow {
  status: string;
  count: number;
  /** The only competition of the rows, or null when they span several. */
  competition_id: number | null;
  first_close: Date;
  first_review: Date;
}

export interface StreetMinimumRow {
  competition_id: number;
  title: string;
  minimum: number;
  submitted: number;
  closes_at: Date;
}

export interface DistrictStatusRow {
  district_id: number;
  status: string;
  count: number;
}

/**
 * Read-only figures of applications for the dashboards and the 工作台: the funnel (from the status
 * history, so a stage counts every application that ever reached it) and what waits by status.
 * Competitions are joined only to place an application in its year, district and window.
 */
@Injectable()
export class ApplicationsFiguresRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  async funnel(scope: FigureScope): Promise<FunnelCountsRow> {
    const [row]: FunnelCountsRow[] = await this.dataSource.query(
      `WITH apps AS (
         SELECT a.id, a.requested_subsidy_fen
         FROM programme g
         JOIN budget_line l ON l.programme_id = g.id
         JOIN competition c ON c.budget_line_id = l.id
         JOIN application a ON a.competition_id = c.id
         WHERE g.unit_id = $2 AND g.year = $1
           AND ($3::int IS NULL OR a.street_id = $3) AND ($4::int IS NULL OR c.id = $4)
       ), reached AS (
         SELECT apps.id, apps.requested_subsidy_fen,
                bool_or(h.to_status = 'submitted') AS submitted,
                bool_or(h.to_status = 'eligible') AS screened,
                bool_or(h.to_status = 'scored') AS scored,
                bool_or(h.to_status = 'approved') AS approved
         FROM apps JOIN application_status_change h ON h.application_id = apps.id
         WHERE h.to_status IN ('submitted', 'eligible', 'scored', 'approved')
         GROUP BY apps.id, apps.requested_subsidy_fen
       )
       SELECT count(*) FILTER (WHERE submitted)::int AS submitted,
              coalesce(sum(requested_subsidy_fen) FILTER (WHERE submitted), 0) AS submitted_fen,
              count(*) FILTER (WHERE screened)::int AS screened,
              coalesce(sum(requested_subsidy_fen) FILTER (WHERE screened), 0) AS screened_fen,
              count(*) FILTER (WHERE scored)::int AS scored,
              coalesce(sum(requested_subsidy_fen) FILTER (WHERE scored), 0) AS scored_fen,
              count(*) FILTER (WHERE approved)::int AS approved
       FROM reached`,
      [scope.year, scope.districtId, scope.streetId, scope.competitionId],
    );
    return row;
  }

  /** Applications in the user's scope in these statuses, per status, with their earliest deadlines. */
  waitingByStatus(user: AuthUser, statuses: readonly string[]): Promise<WaitingByStatusRow[]> {
    return this.dataSource.query(
      `SELECT a.status, count(*)::int AS count,
              CASE WHEN min(a.competition_id) = max(a.competition_id) THEN min(a.competition_id) END AS competition_id,
              min(c.submission_closes_at) AS first_close, min(c.review_opens_at) AS first_review
       FROM application a JOIN competition c ON c.id = a.competition_id
       WHERE a.status = ANY($2::varchar[]) AND ${this.access.unitScopeCondition(user, 'a.community_id', 1)}
       GROUP BY a.status`,
      [user.unit.id, statuses],
    );
  }

  /**
   * The street's count against its minimum in every published call of its district whose window
   * has not closed (the rule of CompetitionsService.streetProgress: everything the street has
   * submitted and not withdrawn counts).
   */
  streetMinimums(user: AuthUser, now: Date): Promise<StreetMinimumRow[]> {
    return this.dataSource.query(
      `SELECT c.id AS competition_id, c.title, c.min_per_street AS minimum, c.submission_closes_at AS closes_at,
              count(a.id) FILTER (WHERE a.status NOT IN ('draft', 'awaiting_street', 'withdrawn'))::int AS submitted
       FROM competition c JOIN budget_line l ON l.id = c.budget_line_id
       LEFT JOIN application a ON a.competition_id = c.id AND a.street_id = $1
       WHERE c.status = 'published' AND c.min_per_street > 0 AND c.submission_closes_at > $2
         AND ${this.access.ancestorScopeCondition('l.unit_id', 1)}
       GROUP BY c.id ORDER BY c.submission_closes_at, c.id`,
      [user.unit.id, now],
    );
  }

  /** Roll-ups (issue 13 §6): the year's applications by district and current status, one grouped read. */
  byDistrictAndStatus(year: number, districtIds: readonly number[]): Promise<DistrictStatusRow[]> {
    return this.dataSource.query(
      // Read from application_figure (kept by triggers with each write, migration
      // RollupFigures1764000001000): a few rows per competition, however many applications.
      `SELECT g.unit_id AS district_id, f.status, sum(f.applications)::int AS count
       FROM programme g
       JOIN budget_line l ON l.programme_id = g.id
       JOIN competition c ON c.budget_line_id = l.id
       JOIN application_figure f ON f.competition_id = c.id
       WHERE g.unit_id = ANY($2::int[]) AND g.year = $1
       GROUP BY g.unit_id, f.status HAVING sum(f.applications) <> 0`,
      [year, [...districtIds]],
    );
  }
}
