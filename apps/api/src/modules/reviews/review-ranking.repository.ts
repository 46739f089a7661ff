import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RankingRowView, ReviewProgressView } from '@xiaoshi/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { preparedQuery } from '../../database/prepared-query.js';
import { ApplicationRanking, type AggregationMethod } from './review.entities.js';

const INSERT_SLICE = 1000;

/** One assignment of an application with its sheet (status 'none' before the reviewer starts). */
export interface SheetScores {
  applicationId: number;
  reviewerUserId: number;
  scores: Record<string, number> | null;
  total: number;
  status: 'draft' | 'submitted' | 'none';
}

interface SheetScoresRow {
  application_id: number;
  reviewer_user_id: number;
  scores: Record<string, number> | null;
  total: string | null;
  status: 'draft' | 'submitted' | 'none';
}

/** One computed ranking row, as the ranking job writes it. */
export interface NewRankingRow {
  applicationId: number;
  score: number | null;
  method: AggregationMethod;
  sheetsUsed: number;
  sheetsSubmitted: number;
  sheetsDue: number;
  spread: number | null;
  disagreement: boolean;
  criterionMeans: Record<string, number>;
  rank: number;
  fundable: boolean;
}

interface RankingRow {
  application_id: number;
  rank: number;
  title: string;
  category: string;
  street: string;
  community: string;
  score: string | null;
  method: AggregationMethod;
  sheets_used: number;
  sheets_submitted: number;
  sheets_due: number;
  spread: string | null;
  disagreement: boolean;
  fundable: boolean;
  beneficiaries_count: number;
  requested_subsidy_fen: string;
  criterion_means: Record<string, number>;
}

const RANKING_COLUMNS = `r.application_id, r.rank, r.score, r.method, r.sheets_used, r.sheets_submitted, r.sheets_due,
  r.spread, r.disagreement, r.fundable, r.criterion_means, a.title, a.beneficiaries_count, a.requested_subsidy_fen,
  cat.name AS category, s.name AS street, c.name AS community`;

function toRankingView(row: RankingRow): RankingRowView {
  return {
    rank: row.rank,
    applicationId: row.application_id,
    title: row.title,
    category: row.category,
    street: row.street,
    community: row.community,
    score: row.score === null ? null : Number(row.score),
    method: row.method,
    sheetsUsed: row.sheets_used,
    sheetsSubmitted: row.sheets_submitted,
    sheetsDue: row.sheets_due,
    spread: row.spread === null ? null : Number(row.spread),
    disagreement: row.disagreement,
    fundable: row.fundable,
    beneficiariesCount: row.beneficiaries_count,
    requestedSubsidyFen: Number(row.requested_subsidy_fen),
    criterionMeans: row.criterion_means,
  };
}

/** application_ranking (written by the ranking job only) and the figures read beside it. */
@Injectable()
export class ReviewRankingRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One ranking computation per competition at a time (until the transaction ends). */
  async lockCompetition(manager: EntityManager, competitionId: number): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('ranking'), $1)`, [competitionId]);
  }

  /** Every assignment of these applications with its sheet, submitted or not. */
  async sheetsOf(manager: EntityManager, applicationIds: readonly number[]): Promise<SheetScores[]> {
    const rows: SheetScoresRow[] = await manager.query(
      `SELECT ra.application_id, ra.reviewer_user_id, sh.scores, sh.total, coalesce(sh.status, 'none') AS status
       FROM review_assignment ra LEFT JOIN score_sheet sh ON sh.assignment_id = ra.id
       WHERE ra.application_id = ANY($1::int[])`,
      [applicationIds],
    );
    return rows.map((row) => ({
      applicationId: row.application_id,
      reviewerUserId: row.reviewer_user_id,
      scores: row.scores,
      total: Number(row.total),
      status: row.status,
    }));
  }

  /** Replaces the competition's ranking with these rows. */
  async replace(
    manager: EntityManager,
    competitionId: number,
    rows: readonly NewRankingRow[],
    computedAt: Date,
  ): Promise<void> {
    await manager.delete(ApplicationRanking, { competitionId });
    // In slices, well under PostgreSQL's 65,535 parameters per statement.
    for (let start = 0; start < rows.length; start += INSERT_SLICE) {
      await manager.insert(
        ApplicationRanking,
        rows.slice(start, start + INSERT_SLICE).map((row) => ({
          ...row,
          competitionId,
          score: row.score === null ? null : String(row.score),
          spread: row.spread === null ? null : String(row.spread),
          computedAt,
        })),
      );
    }
  }

  /**
   * The ranking of a competition as shown and exported: by category name, then rank (sorted here,
   * in SQL). The one read path of the ranking.
   */
  async ranking(competitionId: number): Promise<RankingRowView[]> {
    const rows: RankingRow[] = await this.dataSource.query(
      `SELECT ${RANKING_COLUMNS}
       FROM application_ranking r JOIN application a ON a.id = r.application_id
       JOIN competition_category cat ON cat.id = a.category_id JOIN org_unit s ON s.id = a.street_id JOIN org_unit c ON c.id = a.community_id
       WHERE r.competition_id = $1 ORDER BY cat.name, r.rank, r.application_id`,
      [competitionId],
    );
    return rows.map(toRankingView);
  }

  /**
   * One keyset page of the ranking in the same order: after the row of application `cursor` (the
   * previous page's last), up to `limit + 1` rows (the extra one says another page follows). Each
   * category name from the cursor's on is walked in rank order on (competition_id, rank,
   * application_id), starting right after the cursor's row (an index seek), so a page reads about
   * a page of rows per category whatever the competition's size.
   */
  async rankingPage(competitionId: number, cursor: number | null, limit: number): Promise<RankingRowView[]> {
    // Planned once per connection (planning took as long as running it: ~1 ms each).
    const rows = await preparedQuery<RankingRow>(
      this.dataSource,
      'reviews.ranking-page',
      `SELECT page.* FROM (
         SELECT DISTINCT cc.name,
                CASE WHEN cc.name = k.name THEN k.rank ELSE 0 END AS from_rank,
                CASE WHEN cc.name = k.name THEN k.application_id ELSE 0 END AS from_id
         FROM competition_category cc LEFT JOIN (
           SELECT cat.name, r.rank, r.application_id FROM application_ranking r
           JOIN application a ON a.id = r.application_id JOIN competition_category cat ON cat.id = a.category_id
           WHERE r.competition_id = $1 AND r.application_id = $2
         ) k ON true
         WHERE cc.competition_id = $1 AND ($2::int IS NULL OR cc.name >= k.name)
       ) names CROSS JOIN LATERAL (
         SELECT ${RANKING_COLUMNS}
         FROM application_ranking r JOIN application a ON a.id = r.application_id
         JOIN competition_category cat ON cat.id = a.category_id JOIN org_unit s ON s.id = a.street_id JOIN org_unit c ON c.id = a.community_id
         WHERE r.competition_id = $1 AND cat.name = names.name
           AND (r.rank, r.application_id) > (names.from_rank, names.from_id)
         ORDER BY r.rank, r.application_id LIMIT $3
       ) page
       ORDER BY page.category, page.rank, page.application_id LIMIT $3`,
      [competitionId, cursor, limit + 1],
    );
    return rows.map(toRankingView);
  }

  /** Submitted totals of a competition, reviewer by reviewer. */
  async submittedTotals(
    competitionId: number,
  ): Promise<Array<{ reviewerUserId: number; applicationId: number; total: number }>> {
    const rows: Array<{ reviewer_user_id: number; application_id: number; total: string }> = await this.dataSource.query(
      `SELECT ra.reviewer_user_id, ra.application_id, sh.total FROM review_assignment ra
       JOIN score_sheet sh ON sh.assignment_id = ra.id AND sh.status = 'submitted'
       JOIN application a ON a.id = ra.application_id WHERE a.competition_id = $1`,
      [competitionId],
    );
    return rows.map((row) => ({
      reviewerUserId: row.reviewer_user_id,
      applicationId: row.application_id,
      total: Number(row.total),
    }));
  }

  /** Sheets due and submitted per reviewer, and per application in these statuses. */
  async progress(competitionId: number, statuses: readonly string[]): Promise<ReviewProgressView> {
    const reviewers: Array<{ id: number; display_name: string; done: number; due: number }> = await this.dataSource.query(
      `SELECT u.id, u.display_name, count(ra.id)::int AS due, count(sh.id) FILTER (WHERE sh.status = 'submitted')::int AS done
       FROM review_assignment ra JOIN application a ON a.id = ra.application_id JOIN app_user u ON u.id = ra.reviewer_user_id
       LEFT JOIN score_sheet sh ON sh.assignment_id = ra.id WHERE a.competition_id = $1 GROUP BY u.id, u.display_name ORDER BY u.id`,
      [competitionId],
    );
    const applications: Array<{ id: number; title: string; done: number; due: number }> = await this.dataSource.query(
      `SELECT a.id, a.title, count(ra.id)::int AS due, count(sh.id) FILTER (WHERE sh.status = 'submitted')::int AS done
       FROM application a LEFT JOIN review_assignment ra ON ra.application_id = a.id LEFT JOIN score_sheet sh ON sh.assignment_id = ra.id
       WHERE a.competition_id = $1 AND a.status = ANY($2::text[]) GROUP BY a.id, a.title ORDER BY a.id`,
      [competitionId, statuses],
    );
    return {
      reviewers: reviewers.map((row) => ({
        reviewerUserId: row.id,
        displayName: row.display_name,
        done: row.done,
        due: row.due,
      })),
      applications: applications.map((row) => ({
        applicationId: row.id,
        title: row.title,
        done: row.done,
        due: row.due,
      })),
    };
  }
}
