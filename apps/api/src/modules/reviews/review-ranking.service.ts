import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Page, RankingQuery, RankingRowView, ReviewProgressView, ReviewerZScoresView } from '@xiaoshi/contracts';
import { aggregate, rank, zScores, type ApplicationStatus } from '@xiaoshi/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/actor.js';
import { QueueService } from '../../queue/queue.service.js';
import { ApplicationFactsService, type ApplicationFact } from '../applications/application-facts.service.js';
import { ReviewAccessService } from './review-access.service.js';
import { ReviewPanelsRepository } from './review-panels.repository.js';
import { ReviewRankingRepository, type NewRankingRow, type SheetScores } from './review-ranking.repository.js';
import type { ReviewPanel } from './review.entities.js';
import { REVIEWABLE } from './reviewable.js';

/** Applications that keep a place in the ranking once their review has started. */
const RANKED: readonly ApplicationStatus[] = ['in_review', 'scored', 'proposed', 'in_notice', 'approved', 'not_funded'];

/** Aggregation of submitted sheets into scores and the ranking; the figures read beside it. */
@Injectable()
export class ReviewRankingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reviewAccess: ReviewAccessService,
    private readonly queue: QueueService,
    private readonly facts: ApplicationFactsService,
    private readonly panels: ReviewPanelsRepository,
    private readonly repository: ReviewRankingRepository,
  ) {}

  /** In the caller's transaction: with Redis away the change fails (503) rather than leave a stale ranking. */
  async requestRanking(manager: EntityManager, competitionId: number): Promise<void> {
    await this.queue.enqueue('reviews.rank', { competitionId }, { transaction: manager });
  }

  /**
   * Recomputes the ranking from submitted sheets (the job calls this). Deterministic: the same
   * sheets always give the same order.
   */
  async recomputeRanking(competitionId: number): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      await this.repository.lockCompetition(manager, competitionId);
      const panel = await this.panels.ofCompetition(manager, competitionId);
      const applications = await this.facts.inCompetition(competitionId, RANKED, manager);
      const sheets = await this.repository.sheetsOf(
        manager,
        applications.map((application) => application.id),
      );
      await this.repository.replace(manager, competitionId, this.rankAll(panel, applications, sheets), new Date());
      return applications.length;
    });
  }

  /** Aggregates each application's submitted sheets and ranks them (per category if the panel says so). */
  private rankAll(
    panel: ReviewPanel | null,
    applications: readonly ApplicationFact[],
    sheets: readonly SheetScores[],
  ): NewRankingRow[] {
    const method = panel?.aggregation ?? 'trimmed_mean';
    const spread = panel?.disagreementSpread ?? 20;
    const threshold = Number(panel?.fundableThreshold ?? 60);
    const byApplication = new Map<number, SheetScores[]>();
    for (const sheet of sheets) {
      const own = byApplication.get(sheet.applicationId);
      if (own) own.push(sheet);
      else byApplication.set(sheet.applicationId, [sheet]);
    }
    const inputs = applications.map((application) => {
      const own = byApplication.get(application.id) ?? [];
      const submitted = own.filter((sheet) => sheet.status === 'submitted');
      const result = aggregate(
        submitted.map((sheet) => ({ reviewerId: sheet.reviewerUserId, criteria: sheet.scores ?? {}, total: sheet.total })),
        { method, disagreementSpread: spread },
      );
      return {
        applicationId: application.id,
        score: result.score,
        beneficiaries: application.beneficiariesCount,
        requestedSubsidy: application.requestedSubsidyFen,
        submittedAt: application.submittedAt ?? new Date(0),
        category: application.categoryKey,
        result,
        due: own.length,
        done: submitted.length,
      };
    });
    const groups = panel?.rankByCategory ? [...new Set(inputs.map((input) => input.category))] : [null];
    return groups.flatMap((group) =>
      rank(
        inputs.filter((input) => group === null || input.category === group),
        threshold,
      ).map((row) => ({
        applicationId: row.applicationId,
        score: row.score,
        method: row.result.method,
        sheetsUsed: row.result.used,
        sheetsSubmitted: row.done,
        sheetsDue: row.due,
        spread: row.result.spread,
        disagreement: row.result.disagreement,
        criterionMeans: row.result.criterionMeans,
        rank: row.rank,
        fundable: row.fundable,
      })),
    );
  }

  async ranking(user: AuthUser, competitionId: number): Promise<RankingRowView[]> {
    await this.reviewAccess.requireReadable(user, competitionId);
    return this.repository.ranking(competitionId);
  }

  /** The ranking as it is paged when the route is asked for a page (`limit` or `cursor`). */
  async rankingPage(user: AuthUser, competitionId: number, query: RankingQuery): Promise<Page<RankingRowView>> {
    await this.reviewAccess.requireReadable(user, competitionId);
    const limit = query.limit ?? 50;
    const rows = await this.repository.rankingPage(competitionId, query.cursor ?? null, limit);
    const items = rows.slice(0, limit);
    return { items, nextCursor: rows.length > limit ? items[items.length - 1].applicationId : null };
  }

  /** Per-reviewer z-scores of submitted totals: a view to spot harsh or lenient reviewers (the domain's ZScoreView). */
  async zScoreView(user: AuthUser, competitionId: number): Promise<ReviewerZScoresView> {
    await this.reviewAccess.requireReadable(user, competitionId);
    const byReviewer: Record<number, Array<{ applicationId: number; total: number }>> = {};
    for (const row of await this.repository.submittedTotals(competitionId))
      (byReviewer[row.reviewerUserId] ??= []).push({ applicationId: row.applicationId, total: row.total });
    return zScores(byReviewer);
  }

  async progress(user: AuthUser, competitionId: number): Promise<ReviewProgressView> {
    await this.reviewAccess.requireReadable(user, competitionId);
    return this.repository.progress(competitionId, REVIEWABLE);
  }
}
