import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DomainError,
  fieldMessage,
  type DecisionRequest,
  type DecisionView,
  type FieldErrors,
  type SelectionAnswer,
} from '@xiaoshi/contracts';
import { formatYuan, optimalSelection, rankOrderPass, type SelectionInput } from '@xiaoshi/domain';
import type { DataSource } from 'typeorm';
import type { AuthUser, AuthenticatedActor } from '../../common/actor.js';
import { returnedRows } from '../../database/postgres-errors.js';
import { AccessService } from '../access/access.service.js';
import { AuditService } from '../audit/audit.service.js';
import { CompetitionsService } from '../competitions/competitions.service.js';
import { Award, AwardDecision, PublicNotice } from './award.entities.js';
import { AwardTransitionsService } from './award-transitions.service.js';
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
  ) {}

  /**
   * Records the committee's decision. Amounts never exceed request or cap; the total never the
   * envelope; the count stays in range; every entry that passes over a higher-ranked one, and
   * every reduced amount, carries a written reason.
   */
  async decide(
    actor: AuthenticatedActor,
    competitionId: number,
    body: DecisionRequest,
  ): Promise<DecisionView> {
    const id = await this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT id FROM competition WHERE id = $1 FOR UPDATE`, [competitionId]);
      const { competition, candidates, input } = await this.selections.context(
        manager,
        actor.user,
        competitionId,
        {
          envelopeFen: body.envelopeFen,
          maxPerStreet: body.maxPerStreet ?? undefined,
        },
      );
      await this.access.requireRows(
        actor.user,
        'awards.decide',
        'budget_line',
        'unit_id',
        [competition.budgetLineId],
        manager,
      );
      const live: Array<{ id: number; status: string }> = await manager.query(
        `SELECT id, status FROM award_decision WHERE competition_id = $1 AND status IN ('in_notice', 'approved')`,
        [competitionId],
      );
      if (live.length)
        throw new DomainError('INVALID_TRANSITION', {
          decision: fieldMessage('已有公示或立项的决定', 'A decision is already in notice or approved'),
        });

      const byId = new Map(candidates.map((row) => [row.applicationId, row]));
      const fields: FieldErrors = {};
      const chosen = [...new Map(body.awards.map((award) => [award.applicationId, award])).values()];
      for (const award of chosen) {
        const candidate = byId.get(award.applicationId);
        if (!candidate) {
          fields[`awards.${award.applicationId}`] = fieldMessage(
            '该项目不在可资助名单中',
            'This application is not a fundable candidate',
          );
        } else if (award.amountFen > candidate.awardFen) {
          fields[`awards.${award.applicationId}.amountFen`] = fieldMessage(
            `补助不得超过申请额和类别上限（${formatYuan(candidate.awardFen)} 元）`,
            `The award may not exceed the request and the cap (${formatYuan(candidate.awardFen)} yuan)`,
          );
        }
      }
      const total = chosen.reduce((sum, award) => sum + award.amountFen, 0);
      if (total > input.envelope) {
        fields.awards = fieldMessage(
          `合计 ${formatYuan(total)} 元超过资金盘子 ${formatYuan(input.envelope)} 元`,
          `Total ${formatYuan(total)} exceeds the envelope ${formatYuan(input.envelope)}`,
        );
      }
      if (chosen.length < input.minCount || chosen.length > input.maxCount) {
        fields.count = fieldMessage(
          `立项数须在 ${input.minCount}–${input.maxCount} 个之间`,
          `The number of awards must be ${input.minCount}–${input.maxCount}`,
        );
      }
      if (input.maxPerStreet) {
        const perStreet = new Map<number, number>();
        for (const award of chosen) {
          const street = byId.get(award.applicationId)?.streetId;
          if (street !== undefined) perStreet.set(street, (perStreet.get(street) ?? 0) + 1);
        }
        if ([...perStreet.values()].some((count) => count > input.maxPerStreet!)) {
          fields.maxPerStreet = fieldMessage(
            `每个街道最多 ${input.maxPerStreet} 个`,
            `At most ${input.maxPerStreet} per street`,
          );
        }
      }
      if (Object.keys(fields).length) throw new DomainError('VALIDATION_FAILED', fields);

      // Deviations from the transparent rank-order answer: every entry added to it or dropped from
      // it, and every amount reduced below the default award, needs its own written reason.
      const chosenIds = new Set(chosen.map((award) => award.applicationId));
      const rankOrderIds = new Set(rankOrderPass(input).selected);
      const missing: FieldErrors = {};
      const requireReason = (applicationId: number, zh: string, en: string) => {
        if (!body.reasons[String(applicationId)]?.trim())
          missing[`reasons.${applicationId}`] = fieldMessage(zh, en);
      };
      for (const candidate of candidates) {
        const title = candidate.title;
        if (chosenIds.has(candidate.applicationId) && !rankOrderIds.has(candidate.applicationId)) {
          requireReason(
            candidate.applicationId,
            `「${title}」不在按排名顺序的方案中却入选，请说明理由`,
            `"${title}" is added to the rank-order answer: give a reason`,
          );
        } else if (!chosenIds.has(candidate.applicationId) && rankOrderIds.has(candidate.applicationId)) {
          requireReason(
            candidate.applicationId,
            `「${title}」按排名应入选却未入选，请说明理由`,
            `"${title}" is dropped from the rank-order answer: give a reason`,
          );
        }
      }
      for (const award of chosen) {
        const candidate = byId.get(award.applicationId)!;
        if (award.amountFen < candidate.awardFen) {
          requireReason(
            award.applicationId,
            `「${candidate.title}」核减补助，请说明理由`,
            `"${candidate.title}" is reduced: give a reason`,
          );
        }
      }
      if (Object.keys(missing).length) throw new DomainError('DEVIATION_REASON_REQUIRED', missing);

      // A new proposal replaces an earlier one that was never published.
      const superseded = returnedRows<{ id: number }>(
        await manager.query(
          `UPDATE award_decision SET status = 'superseded', version = version + 1 WHERE competition_id = $1 AND status = 'proposed' RETURNING id`,
          [competitionId],
        ),
      );
      if (superseded.length) {
        await manager.query(
          `UPDATE award SET status = 'withdrawn', withdrawn_reason = '被新的拟立项决定取代', version = version + 1 WHERE decision_id = ANY($1::int[]) AND status = 'proposed'`,
          [superseded.map((row) => row.id)],
        );
        await this.transitions.moveApplications(
          manager,
          actor,
          await this.transitions.applicationsOf(
            manager,
            superseded.map((row) => row.id),
          ),
          'decision_superseded',
        );
      }
      const rankOrder = rankOrderPass(input);
      const optimal = optimalSelection(input);
      const decision = manager.create(AwardDecision, {
        competitionId,
        method: body.method,
        algorithmVersion: ALGORITHM_VERSION,
        inputs: { ...input },
        result: { rankOrder: answer('rank_order', rankOrder), optimal: answer('optimal', optimal), chosen },
        reasons: body.reasons,
        status: 'proposed',
        totalFen: total,
        decidedByUserId: actor.user.id,
      });
      await manager.save(decision);
      await manager.insert(
        Award,
        chosen.map((award) => ({
          decisionId: decision.id,
          applicationId: award.applicationId,
          amountFen: award.amountFen,
          status: 'proposed' as const,
          score: String(byId.get(award.applicationId)!.score),
          rank: byId.get(award.applicationId)!.rank,
        })),
      );
      await this.transitions.moveApplications(
        manager,
        actor,
        chosen.map((award) => award.applicationId),
        'propose_award',
      );
      await this.audit.record(manager, actor, {
        action: 'award_decision.propose',
        entityType: 'competition',
        entityId: competitionId,
        after: {
          decisionId: decision.id,
          method: body.method,
          total,
          awards: chosen,
          reasons: body.reasons,
          algorithmVersion: ALGORITHM_VERSION,
        },
      });
      return decision.id;
    });
    return this.decision(actor.user, id);
  }

  async decision(user: AuthUser, id: number): Promise<DecisionView> {
    this.access.requirePermission(user, 'awards.read');
    const decision = await this.dataSource.manager.findOneBy(AwardDecision, { id });
    if (!decision) throw new DomainError('NOT_FOUND');
    await this.competitions.get(user, decision.competitionId);
    const awards: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT w.id, w.application_id, a.title, s.name AS street, c.name AS community, w.amount_fen, w.score, w.rank, w.status
       FROM award w JOIN application a ON a.id = w.application_id JOIN org_unit s ON s.id = a.street_id JOIN org_unit c ON c.id = a.community_id
       WHERE w.decision_id = $1 ORDER BY w.rank NULLS LAST, w.id`,
      [id],
    );
    return {
      id: decision.id,
      competitionId: decision.competitionId,
      method: decision.method,
      algorithmVersion: decision.algorithmVersion,
      status: decision.status,
      totalFen: decision.totalFen,
      reasons: decision.reasons,
      awards: awards.map((row) => ({
        id: row.id as number,
        applicationId: row.application_id as number,
        title: row.title as string,
        street: row.street as string,
        community: row.community as string,
        amountFen: Number(row.amount_fen),
        score: row.score === null ? null : Number(row.score),
        rank: row.rank as number | null,
        status: row.status as string,
      })),
      createdAt: decision.createdAt.toISOString(),
      noticeId: (await this.dataSource.manager.findOneBy(PublicNotice, { decisionId: id }))?.id ?? null,
    };
  }

  async decisions(user: AuthUser, competitionId: number): Promise<DecisionView[]> {
    this.access.requirePermission(user, 'awards.read');
    await this.competitions.get(user, competitionId);
    const rows: Array<{ id: number }> = await this.dataSource.query(
      `SELECT id FROM award_decision WHERE competition_id = $1 ORDER BY id DESC`,
      [competitionId],
    );
    return Promise.all(rows.map((row) => this.decision(user, row.id)));
  }

  /** Re-runs both algorithms on the stored inputs: the stored answers must come out again. */
  async verify(user: AuthUser, id: number): Promise<DecisionView> {
    const view = await this.decision(user, id);
    const decision = await this.dataSource.manager.findOneByOrFail(AwardDecision, { id });
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
    return {
      ...view,
      reproducible: same(again.rankOrder, stored.rankOrder) && same(again.optimal, stored.optimal),
    };
  }
}
