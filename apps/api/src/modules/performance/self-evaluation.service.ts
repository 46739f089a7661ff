import { Injectable } from '@nestjs/common';
import {
  DomainError,
  fieldMessage,
  type DeviationReasonsRequest,
  type EvaluationRowView,
  type EvaluationView,
  type StreetNoteView,
  type StreetReportStatusKey,
  type StreetReportView,
} from '@xiaoshi/contracts';
import { hasText } from '@xiaoshi/domain';
import type { EntityManager } from 'typeorm';
import type { AuthUser, AuthenticatedActor } from '../../common/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { OrgsService } from '../orgs/orgs.service.js';
import { EvaluationsRepository, type NoteRow, type StreetReportRow } from './evaluations.repository.js';
import { MetricCatalogue } from './metric-catalogue.service.js';
import type { PerformanceEvaluation, PerformanceTableVersion } from './performance.entities.js';
import { TableAccess, type ReachableTable, type ViewScope } from './table-access.service.js';
import { TableFigures, type ComputedTable } from './table-figures.service.js';
import { TargetTablesRepository } from './target-tables.repository.js';

/** What a submitted evaluation keeps: the figures, scores and reasons as they were. */
export interface EvaluationSnapshot {
  versionId: number;
  versionNumber: number;
  computedAt: string;
  rows: EvaluationRowView[];
  budgetExecution: EvaluationView['budgetExecution'];
  total: number;
  maxTotal: number;
  grade: EvaluationView['grade'];
}

export function toStreetReportView(row: StreetReportRow): StreetReportView {
  return {
    id: row.id,
    street: { id: row.street_id, name: row.street_name },
    status: row.status,
    submittedBy: row.submitted_by,
    submittedAt: row.submitted_at.toISOString(),
    auditedBy: row.audited_by,
    auditedAt: row.audited_at?.toISOString() ?? null,
    returnReason: row.return_reason,
    figures: row.figures,
  };
}

interface ViewContext {
  reach: ReachableTable;
  scope: ViewScope;
  evaluation: PerformanceEvaluation | null;
  version: PerformanceTableVersion;
  reasons: Map<string, string>;
  notes: NoteRow[];
  base: Pick<
    EvaluationView,
    'tableId' | 'year' | 'status' | 'scope' | 'streetReports' | 'submittedBy' | 'submittedAt'
  >;
}

function toStreetNoteView(note: NoteRow): StreetNoteView {
  return {
    street: { id: note.unit_id, name: note.unit_name },
    indicatorKey: note.indicator_key,
    text: note.text,
    updatedAt: note.updated_at.toISOString(),
  };
}

/** Every indicator below target must carry its 偏差原因分析及改进措施 (one field per indicator). */
function requireExplained(computed: ComputedTable): void {
  const missing = computed.evaluation.missingReasons;
  if (!missing.length) return;
  throw new DomainError(
    'PERFORMANCE_DEVIATION_REASON_REQUIRED',
    Object.fromEntries(
      missing.map((key) => {
        const name = computed.indicators.find((indicator) => indicator.key === key)?.name ?? key;
        return [
          `reasons.${key}`,
          fieldMessage(
            `「${name}」未达到目标值，请填写偏差原因分析及改进措施`,
            `“${name}” is below target: explain why`,
          ),
        ];
      }),
    ),
  );
}

function rowsOf(
  computed: ComputedTable,
  reasons: ReadonlyMap<string, string>,
  needsReason?: ReadonlySet<string>,
) {
  return computed.actuals.map((actual, index): EvaluationRowView => {
    const indicator = computed.indicators[index];
    return {
      ...actual,
      needsReason: needsReason ? needsReason.has(indicator.key) : actual.needsReason,
      level1: indicator.level1,
      level2: indicator.level2,
      name: indicator.name,
      nature: indicator.nature,
      target: indicator.target,
      unit: indicator.unit,
      reason: reasons.get(indicator.key) ?? null,
    };
  });
}

/**
 * The self-evaluation (绩效自评) of a table, the district's side: it sees the live figures, the
 * streets' notes and reports, writes 偏差原因分析及改进措施 for every indicator below target,
 * audits the street reports and submits the table — frozen as a snapshot. A street sees its own
 * subtree's figures and which indicators fall short district-wide (not by how much).
 */
@Injectable()
export class SelfEvaluationService {
  constructor(
    private readonly repository: EvaluationsRepository,
    private readonly tablesRepository: TargetTablesRepository,
    private readonly tables: TableAccess,
    private readonly figures: TableFigures,
    private readonly catalogue: MetricCatalogue,
    private readonly orgs: OrgsService,
    private readonly audit: AuditService,
  ) {}

  async approvedVersion(tableId: number, manager?: EntityManager): Promise<PerformanceTableVersion> {
    const version = await this.tablesRepository.versionWithStatus(
      manager ?? this.tablesRepository.manager,
      tableId,
      'approved',
    );
    if (!version) throw new DomainError('PERFORMANCE_NOT_APPROVED');
    return version;
  }

  /** Keys of metric-bound indicators below target district-wide: a street explains its part of them. */
  async shortfallsDistrictWide(
    reach: ReachableTable,
    version: PerformanceTableVersion,
  ): Promise<Set<string>> {
    const district: ViewScope = { unitId: reach.table.unitId, unitName: '', kind: 'district' };
    const computed = await this.figures.compute(reach, district, version);
    return new Set(computed.actuals.filter((a) => a.source === 'metric' && a.needsReason).map((a) => a.key));
  }

  private async notesOf(
    evaluation: PerformanceEvaluation | null,
    unitId: number,
  ): Promise<Map<string, string>> {
    if (!evaluation) return new Map();
    const notes = await this.repository.notes(evaluation.id, [unitId]);
    return new Map(notes.map((note) => [note.indicator_key, note.text]));
  }

  /**
   * Streets of the district that took part in the year's work (any metric of the table has rows
   * in their subtree) or that reported: each must have an approved report before submission.
   */
  async streetsRequired(
    user: AuthUser,
    reach: ReachableTable,
    version: PerformanceTableVersion,
    reports: StreetReportRow[],
  ) {
    const streets = (await this.orgs.list(user, { parentId: reach.table.unitId, kind: 'street', limit: 200 }))
      .items;
    const indicators = await this.tablesRepository.indicators(this.tablesRepository.manager, version.id);
    const required = await Promise.all(
      streets.map(async (street) => {
        if (reports.some((report) => report.street_id === street.id)) return true;
        const context = this.tables.context(reach.table, reach.lines, street.id);
        for (const indicator of indicators) {
          if (indicator.binding.kind !== 'metric') continue;
          const result = await this.catalogue.evaluate(indicator.binding, context, indicator.unit);
          if (result.terms.some((term) => term.rowCount > 0)) return true;
        }
        return false;
      }),
    );
    return streets
      .filter((_street, index) => required[index])
      .map((street) => ({
        id: street.id,
        name: street.name,
        reportStatus: (reports.find((report) => report.street_id === street.id)?.status ??
          null) as StreetReportStatusKey | null,
      }));
  }

  async view(user: AuthUser, tableId: number): Promise<EvaluationView> {
    const reach = await this.tables.reachable(user, tableId, 'performance.read');
    const scope = this.tables.viewScope(user, reach.table);
    const evaluation = await this.repository.evaluation(this.tablesRepository.manager, tableId);
    const version = await this.approvedVersion(tableId);
    const reports = evaluation
      ? await this.repository.streetReports(evaluation.id, scope.kind === 'street' ? scope.unitId : undefined)
      : [];
    const context: ViewContext = {
      reach,
      scope,
      evaluation,
      version,
      reasons: await this.notesOf(evaluation, scope.unitId),
      notes: evaluation
        ? (await this.repository.notes(evaluation.id)).filter((note) =>
            scope.kind === 'street' ? note.unit_id === scope.unitId : note.unit_id !== scope.unitId,
          )
        : [],
      base: {
        tableId,
        year: reach.table.year,
        status: evaluation?.status ?? 'open',
        scope,
        streetReports: reports.map(toStreetReportView),
        submittedBy: null,
        submittedAt: evaluation?.submittedAt?.toISOString() ?? null,
      },
    };
    if (scope.kind === 'street') return this.streetView(context);
    return this.districtView(user, context, reports);
  }

  /** A street: its subtree's figures, which indicators fall short district-wide, its own notes. */
  private async streetView(context: ViewContext): Promise<EvaluationView> {
    const { reach, scope, version, reasons } = context;
    const computed = await this.figures.compute(reach, scope, version, { reasons });
    const rows = rowsOf(computed, reasons, await this.shortfallsDistrictWide(reach, version));
    return {
      ...context.base,
      versionId: version.id,
      rows,
      budgetExecution: null,
      total: computed.evaluation.total,
      maxTotal: computed.evaluation.maxTotal,
      grade: computed.evaluation.grade,
      missingReasons: rows.filter((row) => row.needsReason && !hasText(row.reason)).map((row) => row.key),
      streetNotes: context.notes.map(toStreetNoteView),
      streetsRequired: [],
    };
  }

  /** The district: the snapshot once submitted, else the live figures and the streets still due. */
  private async districtView(
    user: AuthUser,
    context: ViewContext,
    reports: StreetReportRow[],
  ): Promise<EvaluationView> {
    const { reach, scope, evaluation, version, reasons } = context;
    const streetNotes = context.notes.map(toStreetNoteView);
    if (evaluation?.status === 'submitted' && evaluation.snapshot) {
      const snapshot = evaluation.snapshot as unknown as EvaluationSnapshot & { submittedBy?: string };
      return {
        ...context.base,
        versionId: snapshot.versionId,
        rows: snapshot.rows,
        budgetExecution: snapshot.budgetExecution,
        total: snapshot.total,
        maxTotal: snapshot.maxTotal,
        grade: snapshot.grade,
        missingReasons: [],
        streetNotes,
        streetsRequired: [],
        submittedBy: snapshot.submittedBy ?? null,
      };
    }
    const computed = await this.figures.compute(reach, scope, version, { reasons });
    return {
      ...context.base,
      versionId: version.id,
      rows: rowsOf(computed, reasons),
      budgetExecution: computed.budgetExecution,
      total: computed.evaluation.total,
      maxTotal: computed.evaluation.maxTotal,
      grade: computed.evaluation.grade,
      missingReasons: computed.evaluation.missingReasons,
      streetNotes,
      streetsRequired: await this.streetsRequired(user, reach, version, reports),
    };
  }

  /** The district's 偏差原因分析及改进措施 for the table (an empty text removes one). */
  async saveReasons(
    actor: AuthenticatedActor,
    tableId: number,
    body: DeviationReasonsRequest,
  ): Promise<EvaluationView> {
    const reach = await this.tables.reachable(actor.user, tableId, 'performance.manage');
    this.tables.requireDistrict(actor.user, reach.table);
    await this.repository.transaction(async (manager) => {
      const evaluation = await this.repository.openEvaluation(manager, tableId);
      if (evaluation.status === 'submitted') throw new DomainError('PERFORMANCE_EVALUATION_SUBMITTED');
      const version = await this.approvedVersion(tableId, manager);
      const keys = new Set((await this.tablesRepository.indicators(manager, version.id)).map((i) => i.key));
      body.reasons.forEach((reason, index) => {
        if (!keys.has(reason.indicatorKey)) {
          throw new DomainError('VALIDATION_FAILED', {
            [`reasons.${index}.indicatorKey`]: fieldMessage(
              '本表没有这项指标',
              'No such indicator in this table',
            ),
          });
        }
      });
      for (const reason of body.reasons) {
        await this.repository.setNote(manager, {
          evaluationId: evaluation.id,
          unitId: reach.table.unitId,
          indicatorKey: reason.indicatorKey,
          text: reason.text.trim(),
          userId: actor.user.id,
        });
      }
      await this.audit.record(manager, actor, {
        action: 'performance.deviation_reasons_saved',
        entityType: 'performance_table',
        entityId: tableId,
        after: { unitId: reach.table.unitId, reasons: body.reasons },
      });
    });
    return this.view(actor.user, tableId);
  }

  /** Submits the table's self-evaluation: every shortfall explained, every street that took part approved. */
  async submit(actor: AuthenticatedActor, tableId: number): Promise<EvaluationView> {
    const reach = await this.tables.reachable(actor.user, tableId, 'performance.manage');
    this.tables.requireDistrict(actor.user, reach.table);
    const scope = this.tables.viewScope(actor.user, reach.table);
    await this.repository.transaction(async (manager) => {
      const evaluation = await this.repository.openEvaluation(manager, tableId);
      if (evaluation.status === 'submitted') throw new DomainError('PERFORMANCE_EVALUATION_SUBMITTED');
      const version = await this.approvedVersion(tableId, manager);
      const reasons = await this.notesOf(evaluation, scope.unitId);
      const computed = await this.figures.compute(reach, scope, version, { reasons });
      requireExplained(computed);
      const reports = await this.repository.streetReports(evaluation.id);
      const pending = (await this.streetsRequired(actor.user, reach, version, reports)).filter(
        (street) => street.reportStatus !== 'approved',
      );
      if (pending.length) {
        throw new DomainError('PERFORMANCE_STREET_REPORTS_PENDING', {
          streets: fieldMessage(
            `待报送或待审核：${pending.map((street) => street.name).join('、')}`,
            `Not reported or not approved: ${pending.map((street) => street.name).join(', ')}`,
          ),
        });
      }
      const snapshot: EvaluationSnapshot & { submittedBy: string } = {
        versionId: version.id,
        versionNumber: version.number,
        computedAt: new Date().toISOString(),
        rows: rowsOf(computed, reasons),
        budgetExecution: computed.budgetExecution,
        total: computed.evaluation.total,
        maxTotal: computed.evaluation.maxTotal,
        grade: computed.evaluation.grade,
        submittedBy: actor.user.displayName,
      };
      Object.assign(evaluation, {
        status: 'submitted',
        submittedVersionId: version.id,
        snapshot,
        submittedByUserId: actor.user.id,
        submittedAt: new Date(),
      });
      await this.repository.saveEvaluation(manager, evaluation);
      await this.audit.record(manager, actor, {
        action: 'performance.evaluation_submitted',
        entityType: 'performance_table',
        entityId: tableId,
        after: { versionId: version.id, total: snapshot.total, grade: snapshot.grade },
      });
    });
    return this.view(actor.user, tableId);
  }
}
