import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  DomainError,
  fieldMessage,
  type ApproveTableVersionRequest,
  type CreatePerformanceTableRequest,
  type FieldErrors,
  type IndicatorInput,
  type MetricCatalogueEntry,
  type NewTableVersionRequest,
  type PerformanceTableListQuery,
  type PerformanceTableView,
  type TableVersionView,
  type UpdateTableVersionRequest,
} from '@xiaoshi/contracts';
import {
  approvalProblems,
  validateBinding,
  validateConfiguredIndicator,
  type Violation,
} from '@xiaoshi/domain';
import type { EntityManager } from 'typeorm';
import type { AuthUser, AuthenticatedActor } from '../../common/actor.js';
import { PG_UNIQUE_VIOLATION, pgErrorOf } from '../../database/postgres-errors.js';
import { AuditService } from '../audit/audit.service.js';
import { BudgetsService } from '../budgets/budgets.service.js';
import { MetricCatalogue } from './metric-catalogue.service.js';
import type { PerformanceTableVersion } from './performance.entities.js';
import { auditContent, configuredOf, toVersionSummary, toVersionView } from './performance-views.js';
import { TableAccess } from './table-access.service.js';
import { TargetTablesRepository, type NewIndicator } from './target-tables.repository.js';

const newKey = () => `i${randomBytes(5).toString('hex')}`;

function fieldsOf(violations: readonly Violation[]): FieldErrors {
  return Object.fromEntries(
    violations.map((violation) => [violation.field, fieldMessage(violation.zh, violation.en)]),
  );
}

/**
 * Target tables and their versions: a district makes a table for a programme (all its lines or
 * some), edits the draft, approves it (frozen), and changes it only through a new version.
 */
@Injectable()
export class TargetTablesService {
  constructor(
    private readonly repository: TargetTablesRepository,
    private readonly tables: TableAccess,
    private readonly catalogue: MetricCatalogue,
    private readonly budgets: BudgetsService,
    private readonly audit: AuditService,
  ) {}

  metrics(user: AuthUser): MetricCatalogueEntry[] {
    if (!user.permissions.has('performance.read')) throw new DomainError('FORBIDDEN');
    return this.catalogue.list();
  }

  async list(user: AuthUser, query: PerformanceTableListQuery): Promise<PerformanceTableView[]> {
    return this.views(await this.tables.reachableIds(user, 'performance.read', query.year));
  }

  async get(user: AuthUser, id: number): Promise<PerformanceTableView> {
    await this.tables.reachable(user, id, 'performance.read');
    const [view] = await this.views([id]);
    return view;
  }

  private async views(ids: readonly number[]): Promise<PerformanceTableView[]> {
    const [tables, lines, versions] = await Promise.all([
      this.repository.tables(ids),
      this.repository.lines(ids),
      this.repository.versionSummaries(ids),
    ]);
    return ids.flatMap((id) => {
      const table = tables.find((candidate) => candidate.id === id);
      if (!table) return [];
      const own = versions.filter((row) => row.table_id === id).map(toVersionSummary);
      return [
        {
          id,
          year: table.year,
          name: table.name,
          programme: { id: table.programmeId, name: table.programmeName },
          lines: lines
            .filter((line) => line.tableId === id)
            .map((line) => ({ id: line.budgetLineId, name: line.name })),
          isDemo: table.isDemo,
          current: own.find((version) => version.status === 'approved') ?? null,
          draft: own.find((version) => version.status === 'draft') ?? null,
          versions: own,
        },
      ];
    });
  }

  private async versionInReach(user: AuthUser, versionId: number, manager: EntityManager, lock = false) {
    const version = await this.repository.version(manager, versionId, lock);
    if (!version) throw new DomainError('NOT_FOUND');
    const reach = await this.tables.reachable(user, version.tableId, 'performance.read');
    return { version, ...reach };
  }

  async version(
    user: AuthUser,
    versionId: number,
    manager = this.repository.manager,
  ): Promise<TableVersionView> {
    const { version } = await this.versionInReach(user, versionId, manager);
    const [summary] = await this.repository
      .versionSummaries([version.tableId])
      .then((rows) => rows.filter((row) => row.id === versionId));
    return toVersionView(
      version,
      toVersionSummary(summary),
      await this.repository.indicators(manager, versionId),
    );
  }

  async create(
    actor: AuthenticatedActor,
    body: CreatePerformanceTableRequest,
  ): Promise<PerformanceTableView> {
    if (!actor.user.permissions.has('performance.manage')) throw new DomainError('FORBIDDEN');
    if (actor.user.unit.kind !== 'district') throw new DomainError('FORBIDDEN');
    const programme = (await this.budgets.listProgrammes(actor.user, {})).find(
      (p) => p.id === body.programmeId,
    );
    if (!programme) throw new DomainError('NOT_FOUND');
    const lines = body.budgetLineIds
      ? programme.lines.filter((line) => body.budgetLineIds!.includes(line.id))
      : programme.lines;
    if (!lines.length || (body.budgetLineIds && lines.length !== new Set(body.budgetLineIds).size)) {
      throw new DomainError('VALIDATION_FAILED', {
        budgetLineIds: fieldMessage('请选择该项目下的预算线', 'Choose budget lines of this programme'),
      });
    }
    try {
      const tableId = await this.repository.transaction(async (manager) => {
        const table = await this.repository.insertTable(manager, {
          unitId: actor.user.unit.id,
          programmeId: programme.id,
          programmeName: programme.name,
          year: programme.year,
          name: body.name ?? programme.name,
          isDemo: false,
        });
        await this.repository.insertLines(
          manager,
          lines.map((line, position) => ({
            tableId: table.id,
            budgetLineId: line.id,
            name: line.name,
            position,
          })),
        );
        const version = await this.repository.insertVersion(manager, {
          tableId: table.id,
          number: 1,
          status: 'draft',
          longTermPeriod: `${programme.year}年-${programme.year + 2}年`,
          longTermGoal: '',
          annualGoal: '',
          budgetExecutionPoints: 10,
          changeNote: null,
          createdByUserId: actor.user.id,
          approvedByUserId: null,
          approvedAt: null,
        });
        await this.audit.record(manager, actor, {
          action: 'performance.table_created',
          entityType: 'performance_table',
          entityId: table.id,
          after: {
            programmeId: programme.id,
            year: programme.year,
            lines: lines.map((l) => l.id),
            versionId: version.id,
          },
        });
        return table.id;
      });
      return this.get(actor.user, tableId);
    } catch (error) {
      if (pgErrorOf(error)?.code === PG_UNIQUE_VIOLATION) throw new DomainError('PERFORMANCE_TABLE_EXISTS');
      throw error;
    }
  }

  /** Every problem of a list of indicators, keyed by `indicators.<index>.<field>`. */
  private indicatorProblems(indicators: readonly IndicatorInput[], lineIds: readonly number[]): Violation[] {
    const catalogue = this.catalogue.list();
    const problems: Violation[] = [];
    const keys = new Set<string>();
    indicators.forEach((input, index) => {
      const scoped = (violation: Violation) => ({
        ...violation,
        field: `indicators.${index}.${violation.field}`,
      });
      if (input.key !== undefined) {
        if (keys.has(input.key))
          problems.push(
            scoped({ field: 'key', code: 'duplicate', zh: '指标键重复', en: 'Duplicate indicator key' }),
          );
        keys.add(input.key);
      }
      problems.push(...validateConfiguredIndicator(configuredOf(input)).map(scoped));
      problems.push(...validateBinding(input.binding, input, catalogue, lineIds).map(scoped));
    });
    return problems;
  }

  private async lockedDraft(
    actor: AuthenticatedActor,
    versionId: number,
    rowVersion: number,
    manager: EntityManager,
  ) {
    const reach = await this.versionInReach(actor.user, versionId, manager, true);
    if (!actor.user.permissions.has('performance.manage')) throw new DomainError('FORBIDDEN');
    this.tables.requireDistrict(actor.user, reach.table);
    if (reach.version.status !== 'draft') throw new DomainError('PERFORMANCE_VERSION_FROZEN');
    if (reach.version.version !== rowVersion) throw new DomainError('CONFLICT');
    return reach;
  }

  async updateDraft(actor: AuthenticatedActor, versionId: number, body: UpdateTableVersionRequest) {
    await this.repository.transaction(async (manager) => {
      const { version, lines } = await this.lockedDraft(actor, versionId, body.version, manager);
      const problems = this.indicatorProblems(
        body.indicators,
        lines.map((line) => line.budgetLineId),
      );
      if (problems.length) throw new DomainError('VALIDATION_FAILED', fieldsOf(problems));
      const before = auditContent(version, await this.repository.indicators(manager, versionId));
      const indicators: NewIndicator[] = body.indicators.map((input, position) => ({
        versionId,
        key: input.key ?? newKey(),
        position,
        level1: input.level1,
        level2: input.level2,
        name: input.name,
        nature: input.nature,
        target: input.nature === 'qualitative' ? null : input.target,
        targetText: input.targetText,
        unit: input.unit,
        points: input.points,
        rule: input.rule,
        ruleText: input.ruleText,
        deductionPerUnit: input.deductionPerUnit,
        attributeCode: input.attributeCode,
        content: input.content,
        basis: input.basis,
        dataSource: input.dataSource,
        binding: input.binding,
      }));
      await this.repository.replaceIndicators(manager, versionId, indicators);
      Object.assign(version, {
        longTermPeriod: body.longTermPeriod,
        longTermGoal: body.longTermGoal,
        annualGoal: body.annualGoal,
        budgetExecutionPoints: body.budgetExecutionPoints,
      });
      await this.repository.saveVersion(manager, version);
      await this.audit.record(manager, actor, {
        action: 'performance.version_updated',
        entityType: 'performance_table_version',
        entityId: versionId,
        before,
        after: auditContent(version, indicators),
      });
    });
    return this.version(actor.user, versionId);
  }

  async approve(actor: AuthenticatedActor, versionId: number, body: ApproveTableVersionRequest) {
    await this.repository.transaction(async (manager) => {
      const { version, lines } = await this.lockedDraft(actor, versionId, body.version, manager);
      const indicators = await this.repository.indicators(manager, versionId);
      const problems = [
        ...approvalProblems(indicators.map(configuredOf), version.budgetExecutionPoints),
        ...this.indicatorProblems(
          indicators,
          lines.map((line) => line.budgetLineId),
        ),
      ];
      if (problems.length) throw new DomainError('VALIDATION_FAILED', fieldsOf(problems));
      await this.repository.supersedeApproved(manager, version.tableId);
      Object.assign(version, { status: 'approved', approvedByUserId: actor.user.id, approvedAt: new Date() });
      await this.repository.saveVersion(manager, version);
      await this.audit.record(manager, actor, {
        action: 'performance.version_approved',
        entityType: 'performance_table_version',
        entityId: versionId,
        before: { status: 'draft' },
        after: { status: 'approved', tableId: version.tableId, number: version.number },
      });
    });
    return this.version(actor.user, versionId);
  }

  /** Version n+1: a draft copy of the approved version, for a change the note explains. */
  async newVersion(actor: AuthenticatedActor, tableId: number, body: NewTableVersionRequest) {
    const { table } = await this.tables.reachable(actor.user, tableId, 'performance.manage');
    this.tables.requireDistrict(actor.user, table);
    try {
      const versionId = await this.repository.transaction(async (manager) => {
        await this.repository.table(manager, tableId, true);
        if (await this.repository.versionWithStatus(manager, tableId, 'draft')) {
          throw new DomainError('PERFORMANCE_DRAFT_EXISTS');
        }
        const current = await this.repository.versionWithStatus(manager, tableId, 'approved');
        if (!current) throw new DomainError('PERFORMANCE_NOT_APPROVED');
        const copy: PerformanceTableVersion = await this.repository.insertVersion(manager, {
          tableId,
          number: await this.repository.nextNumber(manager, tableId),
          status: 'draft',
          longTermPeriod: current.longTermPeriod,
          longTermGoal: current.longTermGoal,
          annualGoal: current.annualGoal,
          budgetExecutionPoints: current.budgetExecutionPoints,
          changeNote: body.changeNote,
          createdByUserId: actor.user.id,
          approvedByUserId: null,
          approvedAt: null,
        });
        const indicators = await this.repository.indicators(manager, current.id);
        await this.repository.replaceIndicators(
          manager,
          copy.id,
          indicators.map(({ id: _id, tableVersion: _version, ...indicator }) => ({
            ...indicator,
            versionId: copy.id,
          })),
        );
        await this.audit.record(manager, actor, {
          action: 'performance.version_created',
          entityType: 'performance_table_version',
          entityId: copy.id,
          after: { tableId, number: copy.number, copiedFrom: current.id, changeNote: body.changeNote },
        });
        return copy.id;
      });
      return this.version(actor.user, versionId);
    } catch (error) {
      if (pgErrorOf(error)?.code === PG_UNIQUE_VIOLATION) throw new DomainError('PERFORMANCE_DRAFT_EXISTS');
      throw error;
    }
  }
}
