import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DomainError,
  fieldMessage,
  type DecisionRequest,
  type DecisionView,
  type FieldErrors,
  type ObjectionDecisionRequest,
  type ObjectionRequest,
  type PublicNoticeView,
  type PublishNoticeRequest,
  type SelectionAnswer,
  type SelectionQuery,
  type SelectionView,
} from '@xiaoshi/contracts';
import {
  compareSelections,
  formatYuan,
  maskPhone,
  noticePeriod,
  optimalSelection,
  rankOrderPass,
  shanghaiDate,
  type Candidate,
  type HolidayCalendar,
  type SelectionInput,
  type SelectionResult,
} from '@xiaoshi/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor, AuthUser, AuthenticatedActor } from '../../common/actor.js';
import { returnedRows } from '../../database/postgres-errors.js';
import { AccessService } from '../access/access.service.js';
import { AuditService } from '../audit/audit.service.js';
import { BudgetsService } from '../budgets/budgets.service.js';
import { LedgerService } from '../budgets/ledger.service.js';
import { CompetitionsService } from '../competitions/competitions.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { Award, AwardDecision, Objection, PublicNotice } from './award.entities.js';

/** Bumped whenever the selection rules change, so a stored decision says which rules made it. */
export const ALGORITHM_VERSION = 'selection-v1';

const shanghaiToday = (now = new Date()) => shanghaiDate(now);

interface CandidateRow extends Candidate {
  rank: number;
  title: string;
  categoryName: string;
  street: string;
  community: string;
  awardFen: number;
}

function answer(method: 'rank_order' | 'optimal', result: SelectionResult): SelectionAnswer {
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

@Injectable()
export class AwardsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly competitions: CompetitionsService,
    private readonly budgets: BudgetsService,
    private readonly ledger: LedgerService,
    private readonly notifications: NotificationsService,
  ) {}

  async calendar(manager: EntityManager = this.dataSource.manager): Promise<HolidayCalendar> {
    const rows: Array<{ day: string; kind: string }> = await manager.query(
      `SELECT day::text AS day, kind FROM calendar_day ORDER BY day`,
    );
    return {
      holidays: rows.filter((row) => row.kind === 'holiday').map((row) => row.day),
      makeUpWorkdays: rows.filter((row) => row.kind === 'workday').map((row) => row.day),
    };
  }

  /** Scored, fundable applications in rank order with their default award min(request, cap). */
  private async candidates(manager: EntityManager, competitionId: number): Promise<CandidateRow[]> {
    const rows: Array<Record<string, unknown>> = await manager.query(
      `SELECT a.id, a.title, a.street_id, a.requested_subsidy_fen, a.beneficiaries_count, a.submitted_at,
              r.score, cat.key AS category, cat.name AS category_name, cat.cap_fen, s.name AS street, c.name AS community
       FROM application_ranking r JOIN application a ON a.id = r.application_id
       JOIN competition_category cat ON cat.id = a.category_id JOIN org_unit s ON s.id = a.street_id JOIN org_unit c ON c.id = a.community_id
       WHERE r.competition_id = $1 AND r.fundable AND a.status IN ('scored', 'proposed', 'in_notice')
       ORDER BY r.score DESC, a.beneficiaries_count DESC, a.requested_subsidy_fen ASC, a.submitted_at ASC, a.id ASC`,
      [competitionId],
    );
    return rows.map((row, index) => {
      const request = Number(row.requested_subsidy_fen);
      const cap = Number(row.cap_fen);
      return {
        applicationId: row.id as number,
        score: Number(row.score),
        request,
        cap,
        category: row.category as string,
        streetId: row.street_id as number,
        rank: index + 1,
        title: row.title as string,
        categoryName: row.category_name as string,
        street: row.street as string,
        community: row.community as string,
        awardFen: Math.min(request, cap),
      };
    });
  }

  private async selectionInput(
    manager: EntityManager,
    user: AuthUser,
    competitionId: number,
    query: SelectionQuery,
  ) {
    const competition = await this.competitions.get(user, competitionId, manager);
    const line = await this.budgets.getLine(user, competition.budgetLineId, manager);
    // The competition's own envelope is reserved on the line; what is available is the line's
    // uncommitted money, so the envelope may never exceed it.
    const envelope = query.envelopeFen ?? competition.envelopeFen;
    if (envelope > line.ledger.availableFen) {
      throw new DomainError('BUDGET_EXCEEDED', {
        envelopeFen: fieldMessage(
          `超出预算线可用额度 ${formatYuan(line.ledger.availableFen)} 元`,
          `Above the line's available ${formatYuan(line.ledger.availableFen)} yuan`,
        ),
      });
    }
    const candidates = await this.candidates(manager, competitionId);
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
    return { competition, line, candidates, input };
  }

  async selection(user: AuthUser, competitionId: number, query: SelectionQuery): Promise<SelectionView> {
    this.access.requirePermission(user, 'awards.read');
    const { line, candidates, input } = await this.selectionInput(
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
      lineAvailableFen: line.ledger.availableFen,
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
    };
  }

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
      const { competition, candidates, input } = await this.selectionInput(
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
        await this.moveApplications(
          manager,
          actor,
          await this.applicationsOf(
            manager,
            superseded.map((row) => row.id),
          ),
          'proposed',
          'scored',
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
      await this.moveApplications(
        manager,
        actor,
        chosen.map((award) => award.applicationId),
        'scored',
        'proposed',
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

  private async applicationsOf(manager: EntityManager, decisionIds: number[]): Promise<number[]> {
    const rows: Array<{ application_id: number }> = await manager.query(
      `SELECT application_id FROM award WHERE decision_id = ANY($1::int[])`,
      [decisionIds],
    );
    return rows.map((row) => row.application_id);
  }

  /** Moves applications between two statuses with history and audit (set-wise). */
  private async moveApplications(
    manager: EntityManager,
    actor: Actor,
    ids: number[],
    from: string | string[],
    to: string,
    action: string,
    reason: string | null = null,
  ) {
    if (!ids.length) return [];
    const moved = returnedRows<{ id: number; status: string }>(
      await manager.query(
        `UPDATE application a SET status = $3, version = version + 1, updated_at = now(), last_reason = coalesce($4, a.last_reason)
         FROM (SELECT id, status AS old_status FROM application WHERE id = ANY($1::int[]) AND status = ANY($2::text[]) FOR UPDATE) old
         WHERE a.id = old.id RETURNING a.id, old.old_status AS status`,
        [ids, Array.isArray(from) ? from : [from], to, reason],
      ),
    );
    for (const row of moved) {
      await manager.query(
        `INSERT INTO application_status_change (application_id, from_status, to_status, action, reason, actor_user_id) VALUES ($1, $2, $3, $4, $5, $6)`,
        [row.id, row.status, to, action, reason, actor.user?.id ?? null],
      );
      await this.audit.record(manager, actor, {
        action: `application.${action}`,
        entityType: 'application',
        entityId: row.id,
        before: { status: row.status },
        after: { status: to, reason },
      });
    }
    return moved.map((row) => row.id);
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

  // ── 公示 ───────────────────────────────────────────────────────────────────

  async publish(actor: AuthenticatedActor, decisionId: number, body: PublishNoticeRequest, now = new Date()) {
    const noticeId = await this.dataSource.transaction(async (manager) => {
      const decision = await manager.findOne(AwardDecision, {
        where: { id: decisionId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!decision) throw new DomainError('NOT_FOUND');
      const competition = await this.competitions.get(actor.user, decision.competitionId, manager);
      await this.access.requireRows(
        actor.user,
        'awards.decide',
        'budget_line',
        'unit_id',
        [competition.budgetLineId],
        manager,
      );
      if (decision.status !== 'proposed') throw new DomainError('INVALID_TRANSITION');
      const period = noticePeriod(
        body.publishOn ?? shanghaiToday(now),
        competition.noticeWorkingDays,
        await this.calendar(manager),
      );
      const notice = manager.create(PublicNotice, {
        competitionId: competition.id,
        decisionId,
        title: body.title ?? `${competition.title}拟立项项目公示`,
        contact: body.contact,
        publishedAt: now,
        firstDay: period.firstDay,
        lastDay: period.lastDay,
        workingDays: competition.noticeWorkingDays,
        status: 'open',
      });
      await manager.save(notice);
      decision.status = 'in_notice';
      await manager.save(decision);
      await manager.query(
        `UPDATE award SET status = 'in_notice', version = version + 1 WHERE decision_id = $1 AND status = 'proposed'`,
        [decisionId],
      );
      await this.moveApplications(
        manager,
        actor,
        await this.applicationsOf(manager, [decisionId]),
        'proposed',
        'in_notice',
        'publish_notice',
      );
      await this.audit.record(manager, actor, {
        action: 'public_notice.publish',
        entityType: 'public_notice',
        entityId: notice.id,
        after: notice,
      });
      return notice.id;
    });
    return this.notice(noticeId);
  }

  /** The notice as the public sees it: no personal data. */
  async notice(id: number): Promise<PublicNoticeView> {
    const [notice]: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT n.*, c.title AS competition_title FROM public_notice n JOIN competition c ON c.id = n.competition_id WHERE n.id = $1`,
      [id],
    );
    if (!notice) throw new DomainError('NOT_FOUND');
    const items: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT w.id, a.title, c.name AS community, s.name AS street, cat.name AS category, w.amount_fen, w.score, w.status
       FROM award w JOIN application a ON a.id = w.application_id JOIN org_unit c ON c.id = a.community_id JOIN org_unit s ON s.id = a.street_id
       JOIN competition_category cat ON cat.id = a.category_id WHERE w.decision_id = $1 ORDER BY w.rank NULLS LAST, w.id`,
      [notice.decision_id],
    );
    return {
      id: notice.id as number,
      competitionId: notice.competition_id as number,
      decisionId: notice.decision_id as number,
      title: notice.title as string,
      competitionTitle: notice.competition_title as string,
      contact: notice.contact as string,
      firstDay: notice.first_day as string,
      lastDay: notice.last_day as string,
      workingDays: notice.working_days as number,
      status: notice.status as string,
      items: items.map((row) => ({
        awardId: row.id as number,
        title: row.title as string,
        community: row.community as string,
        street: row.street as string,
        category: row.category as string,
        amountFen: Number(row.amount_fen),
        score: row.score === null ? null : Number(row.score),
        status: row.status as string,
      })),
    };
  }

  async publicNotices(): Promise<Array<Omit<PublicNoticeView, 'items'>>> {
    const rows: Array<{ id: number }> = await this.dataSource.query(
      `SELECT id FROM public_notice WHERE status = 'open' OR closed_at > now() - interval '365 days' ORDER BY id DESC LIMIT 50`,
    );
    const views = await Promise.all(rows.map((row) => this.notice(row.id)));
    return views.map(({ items: _items, ...rest }) => rest);
  }

  async fileObjection(
    noticeId: number,
    body: ObjectionRequest,
    actor: Actor,
    now = new Date(),
  ): Promise<{ id: number; status: string }> {
    const id = await this.dataSource.transaction(async (manager) => {
      const notice = await manager.findOneBy(PublicNotice, { id: noticeId });
      if (!notice) throw new DomainError('NOT_FOUND');
      if (notice.status !== 'open' || shanghaiToday(now) > notice.lastDay) {
        throw new DomainError('INVALID_TRANSITION', {
          notice: fieldMessage('公示期已结束，不再受理异议', 'The notice period is over'),
        });
      }
      if (body.awardId) {
        const [award]: Array<{ id: number }> = await manager.query(
          `SELECT id FROM award WHERE id = $1 AND decision_id = $2`,
          [body.awardId, notice.decisionId],
        );
        if (!award)
          throw new DomainError('VALIDATION_FAILED', {
            awardId: fieldMessage('该项目不在本次公示中', 'Not part of this notice'),
          });
      }
      const objection = manager.create(Objection, {
        noticeId,
        awardId: body.awardId ?? null,
        contactName: body.contactName,
        contactPhone: body.contactPhone,
        text: body.text,
      });
      await manager.save(objection);
      await this.audit.record(manager, actor, {
        action: 'objection.file',
        entityType: 'public_notice',
        entityId: noticeId,
        after: { objectionId: objection.id, awardId: objection.awardId },
      });
      const [{ district }]: [{ district: number }] = await manager.query(
        `SELECT l.unit_id AS district FROM competition c JOIN budget_line l ON l.id = c.budget_line_id WHERE c.id = $1`,
        [notice.competitionId],
      );
      const admins = await this.notifications.usersWithRole(manager, 'district_admin', [district]);
      const ids = await this.notifications.notify(manager, admins, {
        kind: 'objection.filed',
        title: `「${notice.title}」收到异议`,
        body: '公众提交了一条异议，请调查处理。',
        link: `/notices/${noticeId}`,
      });
      await this.notifications.deliverLater(ids);
      return objection.id;
    });
    return { id, status: 'pending' };
  }

  async objections(user: AuthUser, noticeId: number) {
    this.access.requirePermission(user, 'awards.read');
    const notice = await this.dataSource.manager.findOneBy(PublicNotice, { id: noticeId });
    if (!notice) throw new DomainError('NOT_FOUND');
    await this.competitions.get(user, notice.competitionId);
    const clear = this.access.seesPersonalData(user);
    const rows = await this.dataSource.manager.find(Objection, { where: { noticeId }, order: { id: 'ASC' } });
    return rows.map((row) => ({
      id: row.id,
      awardId: row.awardId,
      contactName: row.contactName,
      contactPhone: clear ? row.contactPhone : maskPhone(row.contactPhone),
      text: row.text,
      status: row.status,
      investigation: row.investigation,
      decidedAt: row.decidedAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
      version: row.version,
    }));
  }

  /**
   * Records the investigation. Upheld: the award is withdrawn and the next eligible entry that fits
   * the freed money is suggested for a supplementary decision.
   */
  async decideObjection(actor: AuthenticatedActor, objectionId: number, body: ObjectionDecisionRequest) {
    const notificationIds: number[] = [];
    const outcome = await this.dataSource.transaction(async (manager) => {
      const objection = await manager.findOne(Objection, {
        where: { id: objectionId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!objection) throw new DomainError('NOT_FOUND');
      const notice = await manager.findOneByOrFail(PublicNotice, { id: objection.noticeId });
      const competition = await this.competitions.get(actor.user, notice.competitionId, manager);
      await this.access.requireRows(
        actor.user,
        'awards.decide',
        'budget_line',
        'unit_id',
        [competition.budgetLineId],
        manager,
      );
      if (objection.status !== 'pending') throw new DomainError('INVALID_TRANSITION');
      if (body.outcome === 'upheld' && !objection.awardId) {
        throw new DomainError('VALIDATION_FAILED', {
          outcome: fieldMessage(
            '该异议未指向具体项目，不能据此撤销',
            'The objection names no award to withdraw',
          ),
        });
      }
      objection.status = body.outcome;
      objection.investigation = body.investigation;
      objection.decidedByUserId = actor.user.id;
      objection.decidedAt = new Date();
      await manager.save(objection);
      let suggestion: { applicationId: number; title: string; awardFen: number } | null = null;
      if (body.outcome === 'upheld') {
        const award = await manager.findOne(Award, {
          where: { id: objection.awardId! },
          lock: { mode: 'pessimistic_write' },
        });
        if (award && award.status !== 'withdrawn') {
          award.status = 'withdrawn';
          award.withdrawnReason = `异议成立：${body.investigation}`;
          await manager.save(award);
          await this.moveApplications(
            manager,
            actor,
            [award.applicationId],
            ['in_notice', 'proposed'],
            'not_funded',
            'objection_upheld',
            award.withdrawnReason,
          );
          const [app]: Array<{ title: string; street_id: number; created_by_user_id: number }> =
            await manager.query(
              `SELECT title, street_id, created_by_user_id FROM application WHERE id = $1`,
              [award.applicationId],
            );
          const recipients = [
            ...(await this.notifications.usersWithRole(manager, 'street_officer', [app.street_id])),
            app.created_by_user_id,
          ];
          notificationIds.push(
            ...(await this.notifications.notify(manager, recipients, {
              kind: 'award.not_funded',
              title: `项目未获资助：「${app.title}」`,
              body: `公示期间异议经调查成立，「${app.title}」的拟立项已撤销。${award.withdrawnReason}`,
              link: `/applications/${award.applicationId}`,
            })),
          );
          const remaining: Array<{ total: string }> = await manager.query(
            `SELECT coalesce(sum(amount_fen), 0) AS total FROM award WHERE decision_id = $1 AND status <> 'withdrawn'`,
            [notice.decisionId],
          );
          // The freed money is measured against the envelope the decision was made with.
          const decision = await manager.findOneByOrFail(AwardDecision, { id: notice.decisionId });
          const envelope = Number((decision.inputs as { envelope?: number }).envelope ?? competition.envelopeFen);
          const room = envelope - Number(remaining[0].total);
          const awarded: Array<{ application_id: number }> = await manager.query(
            `SELECT application_id FROM award WHERE decision_id = $1`,
            [notice.decisionId],
          );
          const taken = new Set(awarded.map((row) => row.application_id));
          const next = (await this.candidates(manager, competition.id)).find(
            (row) => !taken.has(row.applicationId) && row.awardFen <= room,
          );
          if (next)
            suggestion = { applicationId: next.applicationId, title: next.title, awardFen: next.awardFen };
        }
      }
      await this.audit.record(manager, actor, {
        action: `objection.${body.outcome}`,
        entityType: 'public_notice',
        entityId: notice.id,
        after: { objectionId, investigation: body.investigation, awardId: objection.awardId, suggestion },
      });
      return { id: objection.id, status: objection.status, suggestion };
    });
    await this.notifications.deliverLater(notificationIds);
    return outcome;
  }

  /**
   * 立项: after the last notice day with no pending objection, every award still in notice is
   * approved and committed on the budget line (row-locked, CHECK-constrained), the others of the
   * competition are not funded, and everyone concerned is told.
   */
  async close(actor: Actor, noticeId: number, now = new Date()): Promise<PublicNoticeView> {
    const notificationIds = await this.dataSource.transaction(async (manager) => {
      const notice = await manager.findOne(PublicNotice, {
        where: { id: noticeId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!notice) throw new DomainError('NOT_FOUND');
      if (actor.user) {
        const competition = await this.competitions.get(actor.user, notice.competitionId, manager);
        await this.access.requireRows(
          actor.user,
          'awards.decide',
          'budget_line',
          'unit_id',
          [competition.budgetLineId],
          manager,
        );
      }
      if (notice.status !== 'open') throw new DomainError('INVALID_TRANSITION');
      if (shanghaiToday(now) <= notice.lastDay) throw new DomainError('NOTICE_NOT_ENDED');
      const [{ pending }]: [{ pending: number }] = await manager.query(
        `SELECT count(*)::int AS pending FROM objection WHERE notice_id = $1 AND status = 'pending'`,
        [noticeId],
      );
      if (pending > 0) throw new DomainError('OBJECTIONS_PENDING');
      const competition = await manager
        .query(`SELECT c.budget_line_id, c.title FROM competition c WHERE c.id = $1`, [notice.competitionId])
        .then((rows: Array<{ budget_line_id: number; title: string }>) => rows[0]);
      const awards = await manager.find(Award, {
        where: { decisionId: notice.decisionId, status: 'in_notice' },
        order: { id: 'ASC' },
        lock: { mode: 'pessimistic_write' },
      });
      for (const award of awards) {
        await this.ledger.apply(manager, actor, {
          budgetLineId: competition.budget_line_id,
          kind: 'commitment',
          source: 'award',
          sourceId: award.applicationId,
          amountFen: award.amountFen,
          reason: `立项：${notice.title}`,
        });
        award.status = 'approved';
        await manager.save(award);
      }
      const approvedIds = await this.moveApplications(
        manager,
        actor,
        awards.map((award) => award.applicationId),
        'in_notice',
        'approved',
        'approve_award',
      );
      const losers: Array<{ id: number }> = await manager.query(
        `SELECT id FROM application WHERE competition_id = $1 AND status IN ('eligible', 'in_review', 'scored') AND id <> ALL($2::int[])`,
        [notice.competitionId, approvedIds],
      );
      const notFunded = await this.moveApplications(
        manager,
        actor,
        losers.map((row) => row.id),
        ['eligible', 'in_review', 'scored'],
        'not_funded',
        'not_funded',
        '未入选本次立项',
      );
      await manager.query(
        `UPDATE award_decision SET status = 'approved', version = version + 1 WHERE id = $1`,
        [notice.decisionId],
      );
      notice.status = 'closed';
      notice.closedAt = now;
      await manager.save(notice);
      await this.audit.record(manager, actor, {
        action: 'public_notice.close',
        entityType: 'public_notice',
        entityId: noticeId,
        after: {
          approved: approvedIds,
          notFunded,
          committedFen: awards.reduce((sum, award) => sum + award.amountFen, 0),
        },
      });
      const ids: number[] = [];
      for (const [list, kind, title] of [
        [approvedIds, 'award.approved', '项目已立项'],
        [notFunded, 'award.not_funded', '项目未获资助'],
      ] as const) {
        for (const applicationId of list) {
          const [app]: Array<{ title: string; street_id: number; created_by_user_id: number }> =
            await manager.query(
              `SELECT title, street_id, created_by_user_id FROM application WHERE id = $1`,
              [applicationId],
            );
          const recipients = [
            ...(await this.notifications.usersWithRole(manager, 'street_officer', [app.street_id])),
            app.created_by_user_id,
          ];
          ids.push(
            ...(await this.notifications.notify(manager, recipients, {
              kind,
              title: `${title}：「${app.title}」`,
              body: `${competition.title}：「${app.title}」${title}。`,
              link: `/applications/${applicationId}`,
            })),
          );
        }
      }
      return ids;
    });
    await this.notifications.deliverLater(notificationIds);
    return this.notice(noticeId);
  }

  /** Daily job: close every notice whose period has ended and that has no pending objection. */
  async closeEndedNotices(now = new Date()): Promise<number> {
    const due: Array<{ id: number }> = await this.dataSource.query(
      `SELECT n.id FROM public_notice n WHERE n.status = 'open' AND n.last_day < $1::date
       AND NOT EXISTS (SELECT 1 FROM objection o WHERE o.notice_id = n.id AND o.status = 'pending')`,
      [shanghaiToday(now)],
    );
    let closed = 0;
    for (const row of due) {
      try {
        await this.close({ user: null, requestId: 'job:awards.close-notices', ip: '127.0.0.1' }, row.id, now);
        closed += 1;
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
      }
    }
    return closed;
  }

  /** The public register of funded projects: no personal data. */
  async register(cursor?: number, limit = 50) {
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT a.id, a.title, a.status, s.name AS street, c.name AS community, cat.name AS category, w.amount_fen, comp.title AS competition
       FROM award w JOIN application a ON a.id = w.application_id JOIN org_unit s ON s.id = a.street_id JOIN org_unit c ON c.id = a.community_id
       JOIN competition_category cat ON cat.id = a.category_id JOIN competition comp ON comp.id = a.competition_id
       WHERE w.status = 'approved' AND ($1::int IS NULL OR a.id < $1) ORDER BY a.id DESC LIMIT $2`,
      [cursor ?? null, limit + 1],
    );
    const items = rows.slice(0, limit).map((row) => ({
      id: row.id as number,
      title: row.title as string,
      competition: row.competition as string,
      street: row.street as string,
      community: row.community as string,
      category: row.category as string,
      amountFen: Number(row.amount_fen),
      status: row.status as string,
    }));
    return { items, nextCursor: rows.length > limit ? items[items.length - 1].id : null };
  }
}
