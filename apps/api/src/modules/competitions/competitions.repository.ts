import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CompetitionView, CreateCompetitionRequest } from '@xiaoshi/contracts';
import { isRubricLocked, isWindowOpen } from '@xiaoshi/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { CompetitionCategory } from './competition-category.entity.js';
import { Competition, type CompetitionStatus } from './competition.entity.js';

interface CompetitionRow {
  id: number;
  budget_line_id: number;
  line_name: string;
  programme_year: number;
  unit_id: number;
  kind: CompetitionView['kind'];
  title: string;
  description: string | null;
  status: CompetitionView['status'];
  envelope_fen: string;
  submission_opens_at: Date;
  submission_closes_at: Date;
  review_opens_at: Date;
  review_closes_at: Date;
  implementation_deadline: string;
  min_per_street: number;
  max_per_street: number | null;
  award_min: number;
  award_max: number;
  required_sources: string[];
  min_cofunding_share_bp: number | null;
  required_attachment_types: string[];
  rubric: CompetitionView['rubric'];
  tranche_plan: CompetitionView['tranchePlan'];
  notice_working_days: number;
  reviewers_per_application: number;
  requires_partner: boolean;
  reminder_days_before_close: number;
  version: number;
}

export interface StreetCountRow {
  id: number;
  name: string;
  submitted: number;
  drafts: number;
}

export type CategoryInput = CreateCompetitionRequest['categories'][number];

/** A category as the views need it. */
type CategoryRow = Pick<CompetitionCategory, 'id' | 'competitionId' | 'key' | 'name' | 'capFen'>;

function toView(row: CompetitionRow, categories: readonly CategoryRow[], now: Date): CompetitionView {
  return {
    id: row.id,
    budgetLineId: row.budget_line_id,
    budgetLineName: row.line_name,
    programmeYear: row.programme_year,
    kind: row.kind,
    title: row.title,
    description: row.description,
    status: row.status,
    envelopeFen: Number(row.envelope_fen),
    categories: categories
      .filter((category) => category.competitionId === row.id)
      .map((category) => ({
        id: category.id,
        key: category.key,
        name: category.name,
        capFen: category.capFen,
      })),
    submissionOpensAt: row.submission_opens_at.toISOString(),
    submissionClosesAt: row.submission_closes_at.toISOString(),
    reviewOpensAt: row.review_opens_at.toISOString(),
    reviewClosesAt: row.review_closes_at.toISOString(),
    implementationDeadline: row.implementation_deadline,
    minPerStreet: row.min_per_street,
    maxPerStreet: row.max_per_street,
    awardMin: row.award_min,
    awardMax: row.award_max,
    requiredSources: row.required_sources,
    minCoFundingShareBp: row.min_cofunding_share_bp,
    requiredAttachmentTypes: row.required_attachment_types,
    rubric: row.rubric,
    rubricLocked: isRubricLocked(row.status, row.submission_opens_at, now),
    tranchePlan: row.tranche_plan,
    noticeWorkingDays: row.notice_working_days,
    reviewersPerApplication: row.reviewers_per_application,
    requiresPartner: row.requires_partner,
    reminderDaysBeforeClose: row.reminder_days_before_close,
    windowOpen: isWindowOpen(row.status, row.submission_opens_at, row.submission_closes_at, now),
    version: row.version,
  };
}

/** The competition and competition_category tables: written here and nowhere else. */
@Injectable()
export class CompetitionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Competitions matching `where` (SQL over c = competition, l = budget_line, p = programme; built
   * by the service from code, never from a request) as views, newest programme year first.
   */
  async views(
    where: string,
    params: unknown[],
    manager?: EntityManager,
    now = new Date(),
  ): Promise<CompetitionView[]> {
    const runner = manager ?? this.dataSource.manager;
    const rows: CompetitionRow[] = await runner.query(
      `SELECT c.*, l.name AS line_name, l.unit_id, p.year AS programme_year
       FROM competition c JOIN budget_line l ON l.id = c.budget_line_id JOIN programme p ON p.id = l.programme_id
       WHERE ${where} ORDER BY p.year DESC, c.id`,
      params,
    );
    if (!rows.length) return [];
    // One plain query: every competition read (a ranking page, an application's rules) passes here,
    // and TypeORM's find() cost more CPU per call than the rows themselves.
    const categoryRows: Array<{
      id: number;
      competition_id: number;
      key: string;
      name: string;
      cap_fen: string;
    }> = await runner.query(
      `SELECT id, competition_id, key, name, cap_fen FROM competition_category
         WHERE competition_id = ANY($1::int[]) ORDER BY id`,
      [rows.map((row) => row.id)],
    );
    const categories = categoryRows.map((category) => ({
      id: category.id,
      competitionId: category.competition_id,
      key: category.key,
      name: category.name,
      capFen: Number(category.cap_fen),
    }));
    return rows.map((row) => toView(row, categories, now));
  }

  /** Whether a competition matches `where` (the same aliases and parameters as `views`). */
  async anyVisible(where: string, params: unknown[], manager?: EntityManager): Promise<boolean> {
    const rows: unknown[] = await (manager ?? this.dataSource.manager).query(
      `SELECT 1 FROM competition c JOIN budget_line l ON l.id = c.budget_line_id WHERE ${where} LIMIT 1`,
      params,
    );
    return rows.length > 0;
  }

  lock(manager: EntityManager, id: number): Promise<Competition | null> {
    return manager.findOne(Competition, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Locks the competition row only (its decisions are serialised on it). */
  async lockRow(manager: EntityManager, id: number): Promise<boolean> {
    const rows: Array<{ id: number }> = await manager.query(
      `SELECT id FROM competition WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows.length > 0;
  }

  async insert(
    manager: EntityManager,
    fields: Partial<Competition>,
    categories: readonly CategoryInput[],
  ): Promise<Competition> {
    const competition = await manager.save(manager.create(Competition, fields));
    await manager.save(
      categories.map((category) =>
        manager.create(CompetitionCategory, { ...category, competitionId: competition.id }),
      ),
    );
    return competition;
  }

  async save(manager: EntityManager, competition: Competition): Promise<void> {
    await manager.save(competition);
  }

  async setStatus(
    manager: EntityManager,
    competition: Competition,
    status: CompetitionStatus,
  ): Promise<void> {
    competition.status = status;
    await manager.save(competition);
  }

  async replaceCategories(
    manager: EntityManager,
    competitionId: number,
    categories: readonly CategoryInput[],
  ): Promise<void> {
    await manager.delete(CompetitionCategory, { competitionId });
    await manager.save(
      categories.map((category) => manager.create(CompetitionCategory, { ...category, competitionId })),
    );
  }

  /**
   * How many applications a competition has. A read across the dependency line (applications
   * depend on competitions): the categories of a call with entries must not change under them.
   */
  async applicationCount(manager: EntityManager, competitionId: number): Promise<number> {
    const [{ count }]: Array<{ count: number }> = await manager.query(
      `SELECT count(*)::int AS count FROM application WHERE competition_id = $1`,
      [competitionId],
    );
    return count;
  }

  /**
   * Each street of the district in scope (`scope` over s.id, parameter $3) with its submitted and
   * draft entries in the competition: the live count behind the per-street minimum.
   */
  streetCounts(
    competitionId: number,
    districtId: number,
    scope: string,
    unitId: number,
  ): Promise<StreetCountRow[]> {
    return this.dataSource.query(
      `SELECT s.id, s.name,
         count(a.id) FILTER (WHERE a.status NOT IN ('draft', 'awaiting_street', 'withdrawn'))::int AS submitted,
         count(a.id) FILTER (WHERE a.status IN ('draft', 'awaiting_street'))::int AS drafts
       FROM org_unit s
       LEFT JOIN application a ON a.street_id = s.id AND a.competition_id = $1
       WHERE s.kind = 'street' AND s.parent_id = $2 AND ${scope}
       GROUP BY s.id, s.name ORDER BY s.id`,
      [competitionId, districtId, unitId],
    );
  }
}
