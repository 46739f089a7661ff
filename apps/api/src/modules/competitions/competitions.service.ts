import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DomainError,
  fieldMessage,
  type CompetitionListQuery,
  type CompetitionView,
  type CreateCompetitionRequest,
  type FieldErrors,
  type StreetProgressRow,
  type UpdateCompetitionRequest,
} from '@xiaoshi/contracts';
import { checkRubric, checkTranchePlan, formatYuan, type Violation } from '@xiaoshi/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthUser, AuthenticatedActor } from '../../common/actor.js';
import { AccessService } from '../access/access.service.js';
import { AuditService } from '../audit/audit.service.js';
import { BudgetsService } from '../budgets/budgets.service.js';
import { LedgerService } from '../budgets/ledger.service.js';
import { CompetitionCategory } from './competition-category.entity.js';
import { Competition } from './competition.entity.js';

export function violationsToFields(violations: Violation[]): FieldErrors {
  const fields: FieldErrors = {};
  for (const violation of violations) fields[violation.field] ??= { zh: violation.zh, en: violation.en };
  return fields;
}

interface CompetitionRow extends Record<string, unknown> {
  id: number;
  budget_line_id: number;
  line_name: string;
  programme_year: number;
  unit_id: number;
}

@Injectable()
export class CompetitionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly budgets: BudgetsService,
    private readonly ledger: LedgerService,
  ) {}

  private toView(row: CompetitionRow, categories: CompetitionCategory[], now: Date): CompetitionView {
    const opensAt = row.submission_opens_at as Date;
    const closesAt = row.submission_closes_at as Date;
    const status = row.status as CompetitionView['status'];
    return {
      id: row.id,
      budgetLineId: row.budget_line_id,
      budgetLineName: row.line_name,
      programmeYear: row.programme_year,
      kind: row.kind as CompetitionView['kind'],
      title: row.title as string,
      description: row.description as string | null,
      status,
      envelopeFen: Number(row.envelope_fen),
      categories: categories
        .filter((category) => category.competitionId === row.id)
        .map((category) => ({
          id: category.id,
          key: category.key,
          name: category.name,
          capFen: category.capFen,
        })),
      submissionOpensAt: opensAt.toISOString(),
      submissionClosesAt: closesAt.toISOString(),
      reviewOpensAt: (row.review_opens_at as Date).toISOString(),
      reviewClosesAt: (row.review_closes_at as Date).toISOString(),
      implementationDeadline: row.implementation_deadline as string,
      minPerStreet: row.min_per_street as number,
      maxPerStreet: row.max_per_street as number | null,
      awardMin: row.award_min as number,
      awardMax: row.award_max as number,
      requiredSources: row.required_sources as string[],
      minCoFundingShareBp: row.min_cofunding_share_bp as number | null,
      requiredAttachmentTypes: row.required_attachment_types as string[],
      rubric: row.rubric as CompetitionView['rubric'],
      rubricLocked: isRubricLocked(status, opensAt, now),
      tranchePlan: row.tranche_plan as CompetitionView['tranchePlan'],
      noticeWorkingDays: row.notice_working_days as number,
      reviewersPerApplication: row.reviewers_per_application as number,
      requiresPartner: row.requires_partner as boolean,
      reminderDaysBeforeClose: row.reminder_days_before_close as number,
      windowOpen: status === 'published' && opensAt <= now && now < closesAt,
      version: row.version as number,
    };
  }

  private async load(where: string, params: unknown[], manager?: EntityManager): Promise<CompetitionView[]> {
    const runner = manager ?? this.dataSource;
    const rows: CompetitionRow[] = await runner.query(
      `SELECT c.*, l.name AS line_name, l.unit_id, p.year AS programme_year
       FROM competition c JOIN budget_line l ON l.id = c.budget_line_id JOIN programme p ON p.id = l.programme_id
       WHERE ${where} ORDER BY p.year DESC, c.id`,
      params,
    );
    if (!rows.length) return [];
    const categories = await runner
      .getRepository(CompetitionCategory)
      .find({ order: { id: 'ASC' }, where: rows.map((row) => ({ competitionId: row.id })) });
    const now = new Date();
    return rows.map((row) => this.toView(row, categories, now));
  }

  /** Calls of the user's district. Drafts are visible only to those who manage competitions. */
  async list(user: AuthUser, query: CompetitionListQuery): Promise<CompetitionView[]> {
    const params: unknown[] = [user.unit.id];
    const conditions = [this.access.ancestorScopeCondition('l.unit_id', 1)];
    if (!user.permissions.has('competitions.manage')) conditions.push(`c.status <> 'draft'`);
    if (query.year) {
      params.push(query.year);
      conditions.push(`p.year = $${params.length}`);
    }
    if (query.status) {
      params.push(query.status);
      conditions.push(`c.status = $${params.length}`);
    }
    return this.load(conditions.join(' AND '), params);
  }

  async get(user: AuthUser, id: number, manager?: EntityManager): Promise<CompetitionView> {
    const conditions = [`c.id = $2`, this.access.ancestorScopeCondition('l.unit_id', 1)];
    if (!user.permissions.has('competitions.manage')) conditions.push(`c.status <> 'draft'`);
    const [view] = await this.load(conditions.join(' AND '), [user.unit.id, id], manager);
    if (!view) throw new DomainError('NOT_FOUND');
    return view;
  }

  private validate(body: Partial<CreateCompetitionRequest>, merged: CompetitionLike): void {
    const violations: Violation[] = [];
    if (body.rubric)
      violations.push(
        ...checkRubric(body.rubric).map((v) => ({ ...v, field: `rubric${v.field ? '.' + v.field : ''}` })),
      );
    if (body.tranchePlan)
      violations.push(
        ...checkTranchePlan(body.tranchePlan).map((v) => ({
          ...v,
          field: `tranchePlan${v.field ? '.' + v.field : ''}`,
        })),
      );
    const fields = violationsToFields(violations);
    const opens = Date.parse(merged.submissionOpensAt);
    const closes = Date.parse(merged.submissionClosesAt);
    const reviewOpens = Date.parse(merged.reviewOpensAt);
    const reviewCloses = Date.parse(merged.reviewClosesAt);
    if (!(opens < closes))
      fields.submissionClosesAt = fieldMessage(
        '截止时间须晚于开始时间',
        'The window must close after it opens',
      );
    if (!(closes <= reviewOpens))
      fields.reviewOpensAt = fieldMessage(
        '评审须在申报截止后开始',
        'Review must start after submissions close',
      );
    if (!(reviewOpens < reviewCloses))
      fields.reviewClosesAt = fieldMessage('评审截止须晚于评审开始', 'Review must close after it opens');
    if (Date.parse(`${merged.implementationDeadline}T23:59:59+08:00`) < reviewCloses) {
      fields.implementationDeadline = fieldMessage(
        '实施截止日期须晚于评审结束',
        'The implementation deadline must follow the review',
      );
    }
    if (merged.awardMin > merged.awardMax)
      fields.awardMax = fieldMessage(
        '最多立项数不能少于最少立项数',
        'The maximum award count is below the minimum',
      );
    if (
      merged.maxPerStreet !== null &&
      merged.maxPerStreet !== undefined &&
      merged.maxPerStreet < merged.minPerStreet
    ) {
      fields.maxPerStreet = fieldMessage(
        '每街道上限不能低于下限',
        'The per-street maximum is below the minimum',
      );
    }
    if (body.categories) {
      const keys = body.categories.map((category) => category.key);
      if (new Set(keys).size !== keys.length)
        fields.categories = fieldMessage('类别编码重复', 'Category keys repeat');
    }
    if (Object.keys(fields).length) throw new DomainError('VALIDATION_FAILED', fields);
  }

  /** The envelope must fit in what the line has not yet committed or reserved. */
  private async requireEnvelopeFits(
    manager: EntityManager,
    user: AuthUser,
    lineId: number,
    envelopeFen: number,
    currentEnvelope = 0,
  ) {
    await this.ledger.lockLine(manager, lineId);
    const line = await this.budgets.getLine(user, lineId, manager);
    const room = line.ledger.unreservedFen + currentEnvelope;
    if (envelopeFen > room) {
      throw new DomainError('BUDGET_EXCEEDED', {
        envelopeFen: fieldMessage(
          `资金盘子超出预算线可用额度 ${formatYuan(room)} 元`,
          `The envelope exceeds the line's available ${formatYuan(room)} yuan`,
        ),
      });
    }
  }

  async create(actor: AuthenticatedActor, body: CreateCompetitionRequest): Promise<CompetitionView> {
    this.validate(body, body);
    const id = await this.dataSource.transaction(async (manager) => {
      await this.access.requireRows(
        actor.user,
        'competitions.manage',
        'budget_line',
        'unit_id',
        [body.budgetLineId],
        manager,
      );
      await this.requireEnvelopeFits(manager, actor.user, body.budgetLineId, body.envelopeFen);
      const competition = manager.create(Competition, {
        ...body,
        description: body.description ?? null,
        maxPerStreet: body.maxPerStreet ?? null,
        minCoFundingShareBp: body.minCoFundingShareBp ?? null,
        submissionOpensAt: new Date(body.submissionOpensAt),
        submissionClosesAt: new Date(body.submissionClosesAt),
        reviewOpensAt: new Date(body.reviewOpensAt),
        reviewClosesAt: new Date(body.reviewClosesAt),
        status: 'draft',
      });
      await manager.save(competition);
      await manager.save(
        body.categories.map((category) =>
          manager.create(CompetitionCategory, { ...category, competitionId: competition.id }),
        ),
      );
      await this.audit.record(manager, actor, {
        action: 'competition.create',
        entityType: 'competition',
        entityId: competition.id,
        after: { ...competition, categories: body.categories },
      });
      return competition.id;
    });
    return this.get(actor.user, id);
  }

  async update(
    actor: AuthenticatedActor,
    id: number,
    body: UpdateCompetitionRequest,
  ): Promise<CompetitionView> {
    await this.dataSource.transaction(async (manager) => {
      const current = await this.get(actor.user, id, manager);
      await this.access.requireRows(
        actor.user,
        'competitions.manage',
        'budget_line',
        'unit_id',
        [current.budgetLineId],
        manager,
      );
      const competition = await manager.findOne(Competition, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!competition) throw new DomainError('NOT_FOUND');
      if (competition.version !== body.version) throw new DomainError('CONFLICT');
      if (body.rubric && current.rubricLocked)
        throw new DomainError('RUBRIC_LOCKED', {
          rubric: fieldMessage('评分标准已锁定', 'The rubric is locked'),
        });
      const { version: _version, categories, ...changes } = body;
      const merged = { ...current, ...changes };
      this.validate(body, merged);
      if (changes.envelopeFen !== undefined && changes.envelopeFen !== current.envelopeFen) {
        await this.requireEnvelopeFits(
          manager,
          actor.user,
          current.budgetLineId,
          changes.envelopeFen,
          current.envelopeFen,
        );
      }
      if (categories) {
        const [{ count }]: [{ count: number }] = await manager.query(
          `SELECT count(*)::int AS count FROM application WHERE competition_id = $1`,
          [id],
        );
        if (count > 0) {
          throw new DomainError('CONFLICT', {
            categories: fieldMessage(
              '已有申报，不能修改类别',
              'Applications exist; categories cannot change',
            ),
          });
        }
        await manager.delete(CompetitionCategory, { competitionId: id });
        await manager.save(
          categories.map((category) =>
            manager.create(CompetitionCategory, { ...category, competitionId: id }),
          ),
        );
      }
      const before = { ...competition };
      Object.assign(competition, {
        ...changes,
        ...(changes.submissionOpensAt ? { submissionOpensAt: new Date(changes.submissionOpensAt) } : {}),
        ...(changes.submissionClosesAt ? { submissionClosesAt: new Date(changes.submissionClosesAt) } : {}),
        ...(changes.reviewOpensAt ? { reviewOpensAt: new Date(changes.reviewOpensAt) } : {}),
        ...(changes.reviewClosesAt ? { reviewClosesAt: new Date(changes.reviewClosesAt) } : {}),
      });
      await manager.save(competition);
      await this.audit.record(manager, actor, {
        action: 'competition.update',
        entityType: 'competition',
        entityId: id,
        before,
        after: { ...competition, ...(categories ? { categories } : {}) },
      });
    });
    return this.get(actor.user, id);
  }

  async setStatus(
    actor: AuthenticatedActor,
    id: number,
    to: 'published' | 'closed' | 'cancelled',
  ): Promise<CompetitionView> {
    const allowedFrom: Record<typeof to, string[]> = {
      published: ['draft'],
      closed: ['published'],
      cancelled: ['draft', 'published'],
    };
    await this.dataSource.transaction(async (manager) => {
      const current = await this.get(actor.user, id, manager);
      await this.access.requireRows(
        actor.user,
        'competitions.manage',
        'budget_line',
        'unit_id',
        [current.budgetLineId],
        manager,
      );
      const competition = await manager.findOne(Competition, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!competition || !allowedFrom[to].includes(competition.status))
        throw new DomainError('INVALID_TRANSITION');
      const from = competition.status;
      competition.status = to;
      await manager.save(competition);
      await this.audit.record(manager, actor, {
        action: `competition.${to}`,
        entityType: 'competition',
        entityId: id,
        before: { status: from },
        after: { status: to },
      });
    });
    return this.get(actor.user, id);
  }

  /**
   * Each street's count against its minimum, live. A street officer sees their own street's row;
   * district staff see all streets of the district.
   */
  async streetProgress(user: AuthUser, id: number): Promise<StreetProgressRow[]> {
    const competition = await this.get(user, id);
    const [{ unit_id: districtId }]: [{ unit_id: number }] = await this.dataSource.query(
      `SELECT unit_id FROM budget_line WHERE id = $1`,
      [competition.budgetLineId],
    );
    const rows: Array<{ id: number; name: string; submitted: number; drafts: number }> =
      await this.dataSource.query(
        `SELECT s.id, s.name,
         count(a.id) FILTER (WHERE a.status NOT IN ('draft', 'awaiting_street', 'withdrawn'))::int AS submitted,
         count(a.id) FILTER (WHERE a.status IN ('draft', 'awaiting_street'))::int AS drafts
       FROM org_unit s
       LEFT JOIN application a ON a.street_id = s.id AND a.competition_id = $1
       WHERE s.kind = 'street' AND s.parent_id = $2 AND ${this.access.unitScopeCondition(user, 's.id', 3)}
       GROUP BY s.id, s.name ORDER BY s.id`,
        [id, districtId, user.unit.id],
      );
    return rows.map((row) => ({
      streetId: row.id,
      streetName: row.name,
      submitted: row.submitted,
      drafts: row.drafts,
      minimum: competition.minPerStreet,
      maximum: competition.maxPerStreet,
      met: row.submitted >= competition.minPerStreet,
    }));
  }
}

type CompetitionLike = Pick<
  CreateCompetitionRequest,
  | 'submissionOpensAt'
  | 'submissionClosesAt'
  | 'reviewOpensAt'
  | 'reviewClosesAt'
  | 'implementationDeadline'
  | 'awardMin'
  | 'awardMax'
  | 'minPerStreet'
> & { maxPerStreet?: number | null };

export function isRubricLocked(status: string, opensAt: Date, now: Date): boolean {
  return status !== 'draft' && now >= opensAt;
}
