import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/**
 * Read-only figures of funded projects for the performance module (see delivery.metrics.ts).
 * "Funded in the year" means the project's budget line belongs to that year's programme.
 * Every query keeps projects whose community lies in the scope unit's subtree; `$3` is an
 * optional budget line.
 */
const PROJECT_JOINS = `
  FROM project p
  JOIN budget_line l ON l.id = p.budget_line_id
  JOIN programme g ON g.id = l.programme_id
  JOIN org_unit c ON c.id = p.community_id
  JOIN org_unit s ON s.id = p.street_id`;
const IN_SCOPE = `g.year = $1 AND (c.id = $2 OR c.ancestor_ids @> ARRAY[$2::int])
  AND ($3::int IS NULL OR p.budget_line_id = $3)`;
const PROJECTS_IN_SCOPE = `${PROJECT_JOINS} WHERE ${IN_SCOPE}`;

export interface CommunityReachedRow {
  community_id: number;
  community: string;
  street: string;
  projects: number;
  total: number;
}

export interface ProjectRow {
  id: number;
  title: string;
  community: string;
  status: string;
  total: number;
}

export interface InspectedProjectRow {
  id: number;
  title: string;
  community: string;
  /** Some recorded acceptance inspection passed. */
  passed: boolean;
  /** The first recorded acceptance inspection passed. */
  first_passed: boolean;
  /** The outcome of the latest recorded acceptance inspection. */
  latest_outcome: 'passed' | 'rectification' | 'failed';
  total: number;
  passed_total: number;
  first_passed_total: number;
}

export interface ProjectScope {
  year: number;
  unitId: number;
  budgetLineId: number | null;
}

@Injectable()
export class DeliveryMetricsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private params(scope: ProjectScope, limit: number): unknown[] {
    return [scope.year, scope.unitId, scope.budgetLineId, limit];
  }

  /** Communities with at least one funded project, with the count of their projects. */
  communitiesReached(scope: ProjectScope, limit: number): Promise<CommunityReachedRow[]> {
    return this.dataSource.query(
      `SELECT c.id AS community_id, c.name AS community, s.name AS street, count(*)::int AS projects,
              count(*) OVER ()::int AS total
       ${PROJECTS_IN_SCOPE}
       GROUP BY c.id, c.name, s.name, s.id ORDER BY s.id, c.id LIMIT $4`,
      this.params(scope, limit),
    );
  }

  projects(scope: ProjectScope, limit: number, acceptedOnly: boolean): Promise<ProjectRow[]> {
    return this.dataSource.query(
      `SELECT p.id, p.title, c.name AS community, p.status, count(*) OVER ()::int AS total
       ${PROJECTS_IN_SCOPE} ${acceptedOnly ? 'AND p.acceptance_passed_at IS NOT NULL' : ''}
       ORDER BY p.id LIMIT $4`,
      this.params(scope, limit),
    );
  }

  /** Projects with at least one recorded acceptance inspection (验收), and how they fared. */
  inspectedProjects(scope: ProjectScope, limit: number): Promise<InspectedProjectRow[]> {
    return this.dataSource.query(
      `WITH inspected AS (
         SELECT p.id, p.title, c.name AS community, a.passed, a.first_passed, a.latest_outcome
         ${PROJECT_JOINS}
         JOIN LATERAL (
           SELECT count(*) AS inspections,
                  bool_or(i.outcome = 'passed') AS passed,
                  (array_agg(i.outcome ORDER BY i.round))[1] = 'passed' AS first_passed,
                  (array_agg(i.outcome ORDER BY i.round DESC))[1] AS latest_outcome
           FROM inspection i WHERE i.project_id = p.id AND i.kind = 'acceptance' AND i.status = 'recorded'
         ) a ON a.inspections > 0
         WHERE ${IN_SCOPE}
       )
       SELECT *, count(*) OVER ()::int AS total,
              (count(*) FILTER (WHERE passed) OVER ())::int AS passed_total,
              (count(*) FILTER (WHERE first_passed) OVER ())::int AS first_passed_total
       FROM inspected ORDER BY id LIMIT $4`,
      this.params(scope, limit),
    );
  }
}
