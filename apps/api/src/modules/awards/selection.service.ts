import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DomainError,
  fieldMessage,
  type CommittedAwardsView,
  type CompetitionView,
  type SelectionAnswer,
  type SelectionQuery,
  type SelectionView,
} from '@xiaoshi/contracts';
import {
  compareSelections,
  formatYuan,
  optimalSelection,
  rankOrderPass,
  type SelectionInput,
  type SelectionResult,
} from '@xiaoshi/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/actor.js';
import { AccessService } from '../access/access.service.js';
import { BudgetsService } from '../budgets/budgets.service.js';
import { CompetitionsService } from '../competitions/competitions.service.js';
import { AwardsRepository, type CandidateRow } from './awards.repository.js';

export function answer(method: 'rank_order' | 'optimal', result: SelectionResult): SelectionAnswer {
  return {
    method,
    selected: result.selected,
    awards: result.awards,
    total: result.total,
    totalScore: result.totalScore,
    feasible: result.feasible,
    problems: result.problems.map((problem) => ({
      field: problem.field,
      code: problem.code,
      message: problem.zh,
    })),
  };
}

export interface SelectionContext {
  competition: CompetitionView;
  lineAvailableFen: number;
  candidates: CandidateRow[];
  input: SelectionInput;
  committed: CommittedAwardsView | null;
}

/** 立项工作台: the candidates, the two answers (rank order and exact optimum), and what is committed. */
@Injectable()
export class SelectionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: AwardsRepository,
    private readonly access: AccessService,
    private readonly competitions: CompetitionsService,
    private readonly budgets: BudgetsService,
  ) {}

  candidates(manager: EntityManager, competitionId: number): Promise<CandidateRow[]> {
    return this.repository.candidates(manager, competitionId);
  }

  /**
   * The inputs of a selection. The envelope is the competition's whole pot: it must fit in the
   * line's uncommitted money plus what this competition has already committed on it (its approved
   * awards are part of that same envelope, not a second claim on the line).
   */
  async context(
    manager: EntityManager,
    user: AuthUser,
    competitionId: number,
    query: SelectionQuery,
  ): Promise<SelectionContext> {
    const competition = await this.competitions.get(user, competitionId, manager);
    const line = await this.budgets.getLine(user, competition.budgetLineId, manager);
    const committed = await this.committed(manager, competition);
    const envelope = query.envelopeFen ?? competition.envelopeFen;
    const room = line.ledger.availableFen + (committed?.totalFen ?? 0);
    if (envelope > room) {
      throw new DomainError('BUDGET_EXCEEDED', {
        envelopeFen: committed
          ? fieldMessage(
              `超出可用额度 ${formatYuan(room)} 元（预算线未承诺 ${formatYuan(line.ledger.availableFen)} 元，本活动已立项 ${formatYuan(committed.totalFen)} 元）`,
              `Above the ${formatYuan(room)} yuan available (${formatYuan(line.ledger.availableFen)} uncommitted on the line, ${formatYuan(committed.totalFen)} committed by this competition)`,
            )
          : fieldMessage(
              `超出预算线可用额度 ${formatYuan(line.ledger.availableFen)} 元`,
              `Above the line's available ${formatYuan(line.ledger.availableFen)} yuan`,
            ),
      });
    }
    const candidates = await this.repository.candidates(manager, competitionId);
    const input: SelectionInput = {
      candidates: candidates.map(({ applicationId, score, request, cap, category, streetId }) => ({
        applicationId,
        score,
        request,
        cap,
        category,
        streetId,
      })),
      envelope,
      minCount: competition.awardMin,
      maxCount: competition.awardMax,
      maxPerStreet: query.maxPerStreet ?? competition.maxPerStreet ?? null,
    };
    return { competition, lineAvailableFen: line.ledger.availableFen, candidates, input, committed };
  }

  /** What the approved decision committed on the line, and what its envelope has left. */
  private async committed(
    manager: EntityManager,
    competition: CompetitionView,
  ): Promise<CommittedAwardsView | null> {
    const decision = await this.repository.approvedDecision(manager, competition.id);
    if (!decision) return null;
    const awards = await this.repository.committedAwards(manager, decision.decisionId);
    const totalFen = awards.reduce((sum, award) => sum + award.amountFen, 0);
    const envelopeFen = decision.envelopeFen ?? competition.envelopeFen;
    return {
      decisionId: decision.decisionId,
      noticeId: decision.noticeId,
      status: 'approved',
      envelopeFen,
      totalFen,
      remainingFen: envelopeFen - totalFen,
      awards,
    };
  }

  async selection(user: AuthUser, competitionId: number, query: SelectionQuery): Promise<SelectionView> {
    this.access.requirePermission(user, 'awards.read');
    const { lineAvailableFen, candidates, input, committed } = await this.context(
      this.dataSource.manager,
      user,
      competitionId,
      query,
    );
    const rankOrder = rankOrderPass(input);
    const optimal = optimalSelection(input);
    const comparison = compareSelections(rankOrder, optimal);
    return {
      competitionId,
      envelopeFen: input.envelope,
      lineAvailableFen,
      minCount: input.minCount,
      maxCount: input.maxCount,
      maxPerStreet: input.maxPerStreet ?? null,
      candidates: candidates.map((row) => ({
        applicationId: row.applicationId,
        rank: row.rank,
        title: row.title,
        category: row.categoryName,
        street: row.street,
        community: row.community,
        score: row.score,
        requestFen: row.request,
        capFen: row.cap,
        awardFen: row.awardFen,
      })),
      rankOrder: answer('rank_order', rankOrder),
      optimal: answer('optimal', optimal),
      comparison: {
        onlyInRankOrder: comparison.onlyInA,
        onlyInOptimal: comparison.onlyInB,
        explanation: comparison.explanation.zh,
      },
      committed,
    };
  }
}
