import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DomainError,
  fieldMessage,
  type DecisionRequest,
  type DecisionView,
  type SelectionAnswer,
} from '@xiaoshi/contracts';
import {
  DECISION_MOVES,
  LIVE_DECISION_STATUSES,
  checkAwardDecision,
  optimalSelection,
  rankOrderPass,
  type SelectionInput,
} from '@xiaoshi/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthUser, AuthenticatedActor } from '../../common/actor.js';
import { requireMove } from '../../common/state-moves.js';
import { violationsToFields } from '../../common/violations.js';
import { AccessService } from '../access/access.service.js';
import { AuditService } from '../audit/audit.service.js';
import { CompetitionsService } from '../competitions/competitions.service.js';
import { AwardDecisionsRepository } from './award-decisions.repository.js';
import { AwardTransitionsService } from './award-transitions.service.js';
import type { CandidateRow } from './awards.repository.js';
import { SelectionService, answer } from './selection.service.js';

/** Bumped whenever the selection rules change, so a stored decision says which rules made it. */
export const ALGORITHM_VERSION = 'selection-v1';

/** 立项决定: the committee's decision, its record, and the proof that it can be reproduced. */
@Injectable()
export class DecisionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly competitions: CompetitionsService,
    private readonly selections: SelectionService,
    private readonly transitions: AwardTransitionsService,
    private readonly repository: AwardDecisionsRepository,
  ) {}

  /**
   * Records the committee's decision. The checks are libs/domain's checkAwardDecision (the
   * selection workbench runs the same): amounts never above request or cap, the total within the
   * envelope, the count in range, a written reason for every deviation from rank order.
   */
  async decide(actor: AuthenticatedActor, competitionId: number, body: DecisionRequest): Promise<DecisionView> {
    const id = await this.dataSource.transaction(async (manager) => {
      await this.competitions.lock(manager, competitionId);
      const { competition, candidates, input } = await this.selections.context(manager, actor.user, competitionId, {
        envelopeFen: body.envelopeFen,
        maxPerStreet: body.maxPerStreet ?? undefined,
      });
      await this.access.requireRows(actor.user, 'awards.decide', 'budget_line', 'unit_id', [competition.budgetLineId], manager);
      if ((await this.repository.decisionsIn(manager, competitionId, LIVE_DECISION_STATUSES)).length)
        throw new DomainError('INVALID_TRANSITION', {
          decision: fieldMessage('已有公示或立项的决定', 'A decision is already in notice or approved'),
        });
      const check = checkAwardDecision({
        candidates: candidates.map(({ applicationId, title, streetId, awardFen }) => ({ applicationId, title, streetId, awardFen })),
        rankOrder: rankOrderPass(input).selected,
        rules: { envelopeFen: input.envelope, minCount: input.minCount, maxCount: input.maxCount, maxPerStreet: input.maxPerStreet },
        awards: body.awards,
        reasons: body.reasons,
      });
      if (check.violations.length) throw new DomainError('VALIDATION_FAILED', violationsToFields(check.violations));
      if (check.missingReasons.length)
        throw new DomainError('DEVIATION_REASON_REQUIRED', violationsToFields(check.missingReasons));
      await this.supersedeProposals(manager, actor, competitionId);
      return this.record(manager, actor, competitionId, body, input, candidates, check);
    });
    return this.decision(actor.user, id);
  }

  /** A new proposal replaces an earlier one that was never published: its awards are withdrawn. */
  private async supersedeProposals(manager: EntityManager, actor: AuthenticatedActor, competitionId: number) {
    const proposed = await this.repository.decisionsIn(manager, competitionId, ['proposed']);
    if (!proposed.length) return;
    const ids = proposed.map((decision) => decision.id);
    for (const decision of proposed) requireMove(DECISION_MOVES, decision.status, 'supersede');
    await this.repository.setDecisionStatus(manager, ids, 'superseded');
    const awards = await this.repository.lockAwards(manager, ids, ['proposed']);
    await this.repository.setAwardStatus(manager, awards.map((award) => award.id), 'withdrawn', '被新的拟立项决定取代');
    await this.transitions.moveApplications(
      manager,
      actor,
      await this.repository.applicationsOf(manager, ids),
      'decision_superseded',
    );
  }

  /** Writes the decision with both answers and its awards, proposes the applications, audits it. */
  private async record(
    manager: EntityManager,
    actor: AuthenticatedActor,
    competitionId: number,
    body: DecisionRequest,
    input: SelectionInput,
    candidates: readonly CandidateRow[],
    check: ReturnType<typeof checkAwardDecision>,
  ): Promise<number> {
    const chosen = check.awards;
    const byId = new Map(candidates.map((row) => [row.applicationId, row]));
    const decision = await this.repository.insertDecision(manager, {
      competitionId,
      method: body.method,
      algorithmVersion: ALGORITHM_VERSION,
      inputs: { ...input },
      result: {
        rankOrder: answer('rank_order', rankOrderPass(input)),
        optimal: answer('optimal', optimalSelection(input)),
        chosen,
      },
      reasons: body.reasons,
      status: 'proposed',
      totalFen: check.totalFen,
      decidedByUserId: actor.user.id,
    });
    await this.repository.insertAwards(
      manager,
      chosen.map((award) => ({
        decisionId: decision.id,
        applicationId: award.applicationId,
        amountFen: award.amountFen,
        status: 'proposed' as const,
        score: String(byId.get(award.applicationId)!.score),
        rank: byId.get(award.applicationId)!.rank,
      })),
    );
    await this.transitions.moveApplications(manager, actor, chosen.map((award) => award.applicationId), 'propose_award');
    await this.audit.record(manager, actor, {
      action: 'award_decision.propose',
      entityType: 'competition',
      entityId: competitionId,
      after: {
        decisionId: decision.id,
        method: body.method,
        total: check.totalFen,
        awards: chosen,
        reasons: body.reasons,
        algorithmVersion: ALGORITHM_VERSION,
      },
    });
    return decision.id;
  }

  async decision(user: AuthUser, id: number): Promise<DecisionView> {
    this.access.requirePermission(user, 'awards.read');
    const decision = await this.repository.decision(id);
    if (!decision) throw new DomainError('NOT_FOUND');
    await this.competitions.get(user, decision.competitionId);
    return {
      id: decision.id,
      competitionId: decision.competitionId,
      method: decision.method,
      algorithmVersion: decision.algorithmVersion,
      status: decision.status,
      totalFen: decision.totalFen,
      reasons: decision.reasons,
      awards: await this.repository.awardViews(id),
      createdAt: decision.createdAt.toISOString(),
      noticeId: await this.repository.noticeIdOf(id),
    };
  }

  async decisions(user: AuthUser, competitionId: number): Promise<DecisionView[]> {
    this.access.requirePermission(user, 'awards.read');
    await this.competitions.get(user, competitionId);
    return Promise.all((await this.repository.decisionIds(competitionId)).map((id) => this.decision(user, id)));
  }

  /** Re-runs both algorithms on the stored inputs: the stored answers must come out again. */
  async verify(user: AuthUser, id: number): Promise<DecisionView> {
    const view = await this.decision(user, id);
    const decision = (await this.repository.decision(id))!;
    const input = decision.inputs as unknown as SelectionInput;
    const stored = decision.result as { rankOrder: SelectionAnswer; optimal: SelectionAnswer };
    const again = {
      rankOrder: answer('rank_order', rankOrderPass(input)),
      optimal: answer('optimal', optimalSelection(input)),
    };
    // Compared field by field: jsonb does not keep the key order of the stored objects.
    const same = (a: SelectionAnswer, b: SelectionAnswer) =>
      a.total === b.total &&
      a.feasible === b.feasible &&
      a.selected.join() === b.selected.join() &&
      a.awards.map((x) => `${x.applicationId}:${x.amount}`).join() ===
        b.awards.map((x) => `${x.applicationId}:${x.amount}`).join();
    return { ...view, reproducible: same(again.rankOrder, stored.rankOrder) && same(again.optimal, stored.optimal) };
  }
}
