import { Injectable } from '@nestjs/common';
import {
  DomainError,
  fieldMessage,
  type DeviationReasonsRequest,
  type EvaluationView,
  type ReturnStreetReportRequest,
  type StreetReportView,
} from '@xiaoshi/contracts';
import { STREET_REPORT_MOVES, hasText } from '@xiaoshi/domain';
import type { AuthUser, AuthenticatedActor } from '../../common/actor.js';
import { requireMove } from '../../common/state-moves.js';
import { AuditService } from '../audit/audit.service.js';
import { EvaluationsRepository } from './evaluations.repository.js';
import { SelfEvaluationService, toStreetReportView } from './self-evaluation.service.js';
import { TableAccess } from './table-access.service.js';
import { TableFigures } from './table-figures.service.js';
import { TargetTablesRepository } from './target-tables.repository.js';

/**
 * The streets' side of the self-evaluation, like their quarterly stipend reports: a street writes
 * its notes on the indicators that fall short district-wide and submits its part — its subtree's
 * figures, confirmed; the district approves the report or returns it with a reason, and a returned
 * report is submitted again.
 */
@Injectable()
export class StreetReportsService {
  constructor(
    private readonly repository: EvaluationsRepository,
    private readonly tablesRepository: TargetTablesRepository,
    private readonly tables: TableAccess,
    private readonly figures: TableFigures,
    private readonly evaluations: SelfEvaluationService,
    private readonly audit: AuditService,
  ) {}

  private async streetReach(user: AuthUser, tableId: number) {
    const reach = await this.tables.reachable(user, tableId, 'performance.report');
    const scope = this.tables.viewScope(user, reach.table);
    if (scope.kind !== 'street' || user.unit.kind !== 'street') throw new DomainError('FORBIDDEN');
    return { reach, scope };
  }

  async saveNotes(
    actor: AuthenticatedActor,
    tableId: number,
    body: DeviationReasonsRequest,
  ): Promise<EvaluationView> {
    const { scope } = await this.streetReach(actor.user, tableId);
    await this.repository.transaction(async (manager) => {
      const evaluation = await this.repository.openEvaluation(manager, tableId);
      if (evaluation.status === 'submitted') throw new DomainError('PERFORMANCE_EVALUATION_SUBMITTED');
      const report = await this.repository.streetReportOf(manager, evaluation.id, scope.unitId);
      requireMove(STREET_REPORT_MOVES, report?.status ?? 'none', 'write_notes');
      const version = await this.evaluations.approvedVersion(tableId, manager);
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
          unitId: scope.unitId,
          indicatorKey: reason.indicatorKey,
          text: reason.text.trim(),
          userId: actor.user.id,
        });
      }
      await this.audit.record(manager, actor, {
        action: 'performance.street_notes_saved',
        entityType: 'performance_table',
        entityId: tableId,
        after: { streetId: scope.unitId, reasons: body.reasons },
      });
    });
    return this.evaluations.view(actor.user, tableId);
  }

  /** The street confirms its figures; every district-wide shortfall needs the street's note. */
  async submit(actor: AuthenticatedActor, tableId: number): Promise<EvaluationView> {
    const { reach, scope } = await this.streetReach(actor.user, tableId);
    await this.repository.transaction(async (manager) => {
      const evaluation = await this.repository.openEvaluation(manager, tableId);
      if (evaluation.status === 'submitted') throw new DomainError('PERFORMANCE_EVALUATION_SUBMITTED');
      const existing = await this.repository.streetReportOf(manager, evaluation.id, scope.unitId);
      requireMove(STREET_REPORT_MOVES, existing?.status ?? 'none', 'submit');
      const version = await this.evaluations.approvedVersion(tableId, manager);
      const notes = new Map(
        (await this.repository.notes(evaluation.id, [scope.unitId])).map((note) => [
          note.indicator_key,
          note.text,
        ]),
      );
      const shortfalls = await this.evaluations.shortfallsDistrictWide(reach, version);
      const computed = await this.figures.compute(reach, scope, version);
      const missing = computed.indicators.filter((i) => shortfalls.has(i.key) && !hasText(notes.get(i.key)));
      if (missing.length) {
        throw new DomainError(
          'PERFORMANCE_DEVIATION_REASON_REQUIRED',
          Object.fromEntries(
            missing.map((indicator) => [
              `reasons.${indicator.key}`,
              fieldMessage(
                `「${indicator.name}」全区未达到目标值，请说明本街道的情况`,
                `“${indicator.name}” is below target district-wide: explain your street’s part`,
              ),
            ]),
          ),
        );
      }
      const figures = computed.actuals.map((actual, index) => ({
        indicatorKey: actual.key,
        actual: actual.actual,
        rowCount: computed.bindings[index]?.terms.reduce((sum, term) => sum + term.rowCount, 0) ?? 0,
      }));
      const saved = await this.repository.saveStreetReport(manager, {
        ...(existing ? { id: existing.id, version: existing.version } : {}),
        evaluationId: evaluation.id,
        streetId: scope.unitId,
        status: 'submitted',
        figures,
        submittedByUserId: actor.user.id,
        submittedAt: new Date(),
        auditedByUserId: null,
        auditedAt: null,
        returnReason: null,
      });
      await this.audit.record(manager, actor, {
        action: 'performance.street_report_submitted',
        entityType: 'performance_street_report',
        entityId: saved.id,
        before: existing ? { status: existing.status, returnReason: existing.returnReason } : undefined,
        after: { tableId, streetId: scope.unitId, figures },
      });
    });
    return this.evaluations.view(actor.user, tableId);
  }

  /** The district approves a submitted street report, or returns it with a reason. */
  async auditReport(
    actor: AuthenticatedActor,
    reportId: number,
    outcome: { approve: true } | ReturnStreetReportRequest,
  ): Promise<StreetReportView> {
    const report = await this.repository.transaction(async (manager) => {
      const locked = await this.repository.streetReport(manager, reportId);
      const evaluation = locked ? await this.repository.evaluationById(manager, locked.evaluationId) : null;
      if (!locked || !evaluation) throw new DomainError('NOT_FOUND');
      const reach = await this.tables.reachable(actor.user, evaluation.tableId, 'performance.manage');
      this.tables.requireDistrict(actor.user, reach.table);
      if (evaluation.status === 'submitted') throw new DomainError('PERFORMANCE_EVALUATION_SUBMITTED');
      const approve = 'approve' in outcome;
      const move = requireMove(STREET_REPORT_MOVES, locked.status, approve ? 'approve' : 'return');
      Object.assign(locked, {
        status: move.to,
        auditedByUserId: actor.user.id,
        auditedAt: new Date(),
        returnReason: approve ? null : outcome.reason,
      });
      await this.repository.updateStreetReport(manager, locked);
      await this.audit.record(manager, actor, {
        action: approve ? 'performance.street_report_approved' : 'performance.street_report_returned',
        entityType: 'performance_street_report',
        entityId: reportId,
        before: { status: 'submitted' },
        after: { status: locked.status, returnReason: locked.returnReason },
      });
      return locked;
    });
    const [row] = await this.repository.streetReports(report.evaluationId, report.streetId);
    return toStreetReportView(row);
  }
}
