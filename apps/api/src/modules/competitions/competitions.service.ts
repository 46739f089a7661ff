import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DomainError,
  fieldMessage,
  type CompetitionListQuery,
  type CompetitionView,
  type CreateCompetitionRequest,
  type StreetProgressRow,
  type UpdateCompetitionRequest,
} from '@xiaoshi/contracts';
import {
  COMPETITION_MOVES,
  checkCompetitionSchedule,
  checkRubric,
  checkTranchePlan,
  competitionActionTo,
  formatYuan,
  type Violation,
} from '@xiaoshi/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthUser, AuthenticatedActor } from '../../common/actor.js';
import { requireMove } from '../../common/state-moves.js';
import { violationsToFields } from '../../common/violations.js';
import { AccessService } from '../access/access.service.js';
import { AuditService } from '../audit/audit.service.js';
import { BudgetsService } from '../budgets/budgets.service.js';
import { LedgerService } from '../budgets/ledger.service.js';
import type { Competition } from './competition.entity.js';
import { CompetitionsRepository } from './competitions.repository.js';

// Kept here for the modules that imported it from this file (reviews).
export { violationsToFields } from '../../common/violations.js';
export { isRubricLocked } from '@xiaoshi/domain';

/** A rule's violations under a prefix ('rubric', 'tranchePlan'). */
const under = (prefix: string, violations: Violation[]) =>
  violations.map((v) => ({ ...v, field: `${prefix}${v.field ? '.' + v.field : ''}` }));

/** Calls for proposals (比选/竞赛): their windows, categories and caps, envelope and rules. */
@Injectable()
export class CompetitionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly budgets: BudgetsService,
    private readonly ledger: LedgerService,
    private readonly repository: CompetitionsRepository,
  ) {}

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
    return this.repository.views(conditions.join(' AND '), params);
  }

  async get(user: AuthUser, id: number, manager?: EntityManager): Promise<CompetitionView> {
    const conditions = [`c.id = $2`, this.access.ancestorScopeCondition('l.unit_id', 1)];
    if (!user.permissions.has('competitions.manage')) conditions.push(`c.status <> 'draft'`);
    const [view] = await this.repository.views(conditions.join(' AND '), [user.unit.id, id], manager);
    if (!view) throw new DomainError('NOT_FOUND');
    return view;
  }

  /**
   * Refuses (404) a competition the user may not see, as `get` would, reading one indexed row
   * instead of the whole view: for reads that only need the permission (a ranking page).
   */
  async requireVisible(user: AuthUser, id: number, manager?: EntityManager): Promise<void> {
    const conditions = [`c.id = $2`, this.access.ancestorScopeCondition('l.unit_id', 1)];
    if (!user.permissions.has('competitions.manage')) conditions.push(`c.status <> 'draft'`);
    if (!(await this.repository.anyVisible(conditions.join(' AND '), [user.unit.id, id], manager))) {
      throw new DomainError('NOT_FOUND');
    }
  }

  /**
   * A competition by id, without a user's scope: for modules acting on rows that already belong to
   * it (an application's rules, a decision's envelope), after they have checked their own scope.
   */
  async byId(id: number, manager?: EntityManager): Promise<CompetitionView> {
    const [view] = await this.repository.views('c.id = $1', [id], manager);
    if (!view) throw new DomainError('NOT_FOUND');
    return view;
  }

  /** Locks the competition row: decisions on one competition take turns. */
  async lock(manager: EntityManager, id: number): Promise<void> {
    if (!(await this.repository.lockRow(manager, id))) throw new DomainError('NOT_FOUND');
  }

  /** The district (the budget line's unit) a competition belongs to. */
  async districtOf(id: number, manager?: EntityManager): Promise<number> {
    const competition = await this.byId(id, manager);
    return this.budgets.lineUnit(competition.budgetLineId, manager);
  }

  private validate(body: Partial<CreateCompetitionRequest>, merged: Parameters<typeof checkCompetitionSchedule>[0]): void {
    const violations = [
      ...(body.rubric ? under('rubric', checkRubric(body.rubric)) : []),
      ...(body.tranchePlan ? under('tranchePlan', checkTranchePlan(body.tranchePlan)) : []),
      ...checkCompetitionSchedule({ ...merged, categoryKeys: body.categories?.map((category) => category.key) }),
    ];
    if (violations.length) throw new DomainError('VALIDATION_FAILED', violationsToFields(violations));
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

  private requireManage(user: AuthUser, budgetLineId: number, manager: EntityManager) {
    return this.access.requireRows(user, 'competitions.manage', 'budget_line', 'unit_id', [budgetLineId], manager);
  }

  async create(actor: AuthenticatedActor, body: CreateCompetitionRequest): Promise<CompetitionView> {
    this.validate(body, body);
    const id = await this.dataSource.transaction(async (manager) => {
      await this.requireManage(actor.user, body.budgetLineId, manager);
      await this.requireEnvelopeFits(manager, actor.user, body.budgetLineId, body.envelopeFen);
      const { categories, ...fields } = body;
      const competition = await this.repository.insert(
        manager,
        {
          ...fields,
          description: body.description ?? null,
          maxPerStreet: body.maxPerStreet ?? null,
          minCoFundingShareBp: body.minCoFundingShareBp ?? null,
          submissionOpensAt: new Date(body.submissionOpensAt),
          submissionClosesAt: new Date(body.submissionClosesAt),
          reviewOpensAt: new Date(body.reviewOpensAt),
          reviewClosesAt: new Date(body.reviewClosesAt),
          status: 'draft',
        },
        categories,
      );
      await this.audit.record(manager, actor, {
        action: 'competition.create',
        entityType: 'competition',
        entityId: competition.id,
        after: { ...competition, categories },
      });
      return competition.id;
    });
    return this.get(actor.user, id);
  }

  async update(actor: AuthenticatedActor, id: number, body: UpdateCompetitionRequest): Promise<CompetitionView> {
    await this.dataSource.transaction(async (manager) => {
      const current = await this.get(actor.user, id, manager);
      await this.requireManage(actor.user, current.budgetLineId, manager);
      const competition = await this.repository.lock(manager, id);
      if (!competition) throw new DomainError('NOT_FOUND');
      if (competition.version !== body.version) throw new DomainError('CONFLICT');
      if (body.rubric && current.rubricLocked)
        throw new DomainError('RUBRIC_LOCKED', { rubric: fieldMessage('评分标准已锁定', 'The rubric is locked') });
      const { version: _version, categories, ...changes } = body;
      this.validate(body, { ...current, ...changes });
      if (changes.envelopeFen !== undefined && changes.envelopeFen !== current.envelopeFen) {
        await this.requireEnvelopeFits(manager, actor.user, current.budgetLineId, changes.envelopeFen, current.envelopeFen);
      }
      if (categories) await this.replaceCategories(manager, id, categories);
      const before = { ...competition };
      applyChanges(competition, changes);
      await this.repository.save(manager, competition);
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

  private async replaceCategories(
    manager: EntityManager,
    id: number,
    categories: NonNullable<UpdateCompetitionRequest['categories']>,
  ): Promise<void> {
    if ((await this.repository.applicationCount(manager, id)) > 0) {
      throw new DomainError('CONFLICT', {
        categories: fieldMessage('已有申报，不能修改类别', 'Applications exist; categories cannot change'),
      });
    }
    await this.repository.replaceCategories(manager, id, categories);
  }

  /** Publish, close or cancel, as COMPETITION_MOVES allows. */
  async setStatus(actor: AuthenticatedActor, id: number, to: 'published' | 'closed' | 'cancelled'): Promise<CompetitionView> {
    await this.dataSource.transaction(async (manager) => {
      const current = await this.get(actor.user, id, manager);
      await this.requireManage(actor.user, current.budgetLineId, manager);
      const competition = await this.repository.lock(manager, id);
      if (!competition) throw new DomainError('NOT_FOUND');
      const move = requireMove(COMPETITION_MOVES, competition.status, competitionActionTo(to));
      const from = competition.status;
      await this.repository.setStatus(manager, competition, move.to);
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
    const districtId = await this.budgets.lineUnit(competition.budgetLineId);
    const rows = await this.repository.streetCounts(
      id,
      districtId,
      this.access.unitScopeCondition(user, 's.id', 3),
      user.unit.id,
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

/** A request's changes onto the entity (instants as Dates). */
function applyChanges(competition: Competition, changes: Omit<UpdateCompetitionRequest, 'version' | 'categories'>) {
  const instant = (value: string | undefined) => (value ? new Date(value) : undefined);
  Object.assign(competition, {
    ...changes,
    ...(changes.submissionOpensAt ? { submissionOpensAt: instant(changes.submissionOpensAt) } : {}),
    ...(changes.submissionClosesAt ? { submissionClosesAt: instant(changes.submissionClosesAt) } : {}),
    ...(changes.reviewOpensAt ? { reviewOpensAt: instant(changes.reviewOpensAt) } : {}),
    ...(changes.reviewClosesAt ? { reviewClosesAt: instant(changes.reviewClosesAt) } : {}),
  });
}
