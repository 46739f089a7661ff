import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import {
  DomainError,
  fieldMessage,
  type ActualValuesView,
  type ActualsQuery,
  type IndicatorBreakdownView,
  type ManualValueRequest,
  type ManualValueView,
  type PerformanceEvidenceUploadView,
} from '@xiaoshi/contracts';
import type { AuthUser, AuthenticatedActor } from '../../common/actor.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { AuditService } from '../audit/audit.service.js';
import { FileStore } from '../files/file-store.js';
import { ActualValuesRepository } from './actual-values.repository.js';
import { EvaluationsRepository } from './evaluations.repository.js';
import { MetricCatalogue } from './metric-catalogue.service.js';
import { TableAccess } from './table-access.service.js';
import { TableFigures, toManualView } from './table-figures.service.js';
import { TargetTablesRepository } from './target-tables.repository.js';

/** Rows per term in the drill-down drawer. */
const BREAKDOWN_ROWS = 500;

/**
 * Live actual values of a table (computed on every read from the modules' metrics), their
 * drill-down, and the values entered by hand with an evidence file.
 */
@Injectable()
export class ActualValuesService {
  constructor(
    private readonly repository: ActualValuesRepository,
    private readonly tablesRepository: TargetTablesRepository,
    private readonly evaluations: EvaluationsRepository,
    private readonly tables: TableAccess,
    private readonly figures: TableFigures,
    private readonly catalogue: MetricCatalogue,
    private readonly files: FileStore,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async actuals(user: AuthUser, tableId: number, query: ActualsQuery = {}): Promise<ActualValuesView> {
    const reach = await this.tables.reachable(user, tableId, 'performance.read');
    const scope = this.tables.viewScope(user, reach.table);
    const computed = await this.figures.compute(
      reach,
      scope,
      await this.figures.versionOf(tableId, query.versionId),
    );
    return {
      tableId,
      versionId: computed.version.id,
      scope,
      computedAt: new Date().toISOString(),
      indicators: computed.actuals,
      budgetExecution: computed.budgetExecution,
      total: computed.evaluation.total,
      maxTotal: computed.evaluation.maxTotal,
      grade: computed.evaluation.grade,
    };
  }

  /** Every table in reach for the year, with its live figures (for dashboards). */
  async summary(user: AuthUser, year?: number): Promise<ActualValuesView[]> {
    const ids = await this.tables.reachableIds(user, 'performance.read', year);
    return Promise.all(ids.map((id) => this.actuals(user, id)));
  }

  async breakdown(user: AuthUser, tableId: number, indicatorId: number): Promise<IndicatorBreakdownView> {
    const reach = await this.tables.reachable(user, tableId, 'performance.read');
    const scope = this.tables.viewScope(user, reach.table);
    const indicator = await this.tablesRepository.indicator(indicatorId);
    if (!indicator) throw new DomainError('NOT_FOUND');
    const version = await this.tablesRepository.version(this.tablesRepository.manager, indicator.versionId);
    if (version?.tableId !== tableId) throw new DomainError('NOT_FOUND');
    if (indicator.binding.kind !== 'metric')
      return { indicatorId, key: indicator.key, unit: indicator.unit, terms: [] };
    const result = await this.catalogue.evaluate(
      indicator.binding,
      this.tables.context(reach.table, reach.lines, scope.unitId),
      indicator.unit,
      BREAKDOWN_ROWS,
    );
    return { indicatorId, key: indicator.key, unit: indicator.unit, terms: result.terms };
  }

  async uploadEvidence(
    actor: AuthenticatedActor,
    tableId: number,
    file: { filename: string; stream: Readable },
  ): Promise<PerformanceEvidenceUploadView> {
    let reach;
    try {
      reach = await this.tables.reachable(actor.user, tableId, 'performance.manage');
      this.tables.requireDistrict(actor.user, reach.table);
    } catch (error) {
      file.stream.resume();
      throw error;
    }
    const stored = await this.files.store(file.stream, this.config.attachmentMaxBytes);
    try {
      const evidence = await this.repository.transaction(async (manager) => {
        const saved = await this.repository.insertEvidence(manager, {
          tableId,
          originalName: file.filename.slice(0, 200) || 'evidence',
          mimeType: stored.mimeType,
          sizeBytes: stored.sizeBytes,
          sha256: stored.sha256,
          storageKey: stored.storageKey,
          uploadedByUserId: actor.user.id,
        });
        await this.audit.record(manager, actor, {
          action: 'performance.evidence_uploaded',
          entityType: 'performance_table',
          entityId: tableId,
          after: {
            evidenceId: saved.id,
            name: saved.originalName,
            sha256: saved.sha256,
            sizeBytes: saved.sizeBytes,
          },
        });
        return saved;
      });
      return {
        id: evidence.id,
        name: evidence.originalName,
        sizeBytes: evidence.sizeBytes,
        mimeType: evidence.mimeType,
      };
    } catch (error) {
      await this.files.remove(stored.storageKey);
      throw error;
    }
  }

  async openEvidence(user: AuthUser, evidenceId: number) {
    const evidence = await this.repository.evidence(evidenceId);
    if (!evidence) throw new DomainError('NOT_FOUND');
    const reach = await this.tables.reachable(user, evidence.tableId, 'performance.read');
    // Evidence backs the district's own figures: not a street's to read.
    if (this.tables.viewScope(user, reach.table).kind !== 'district') throw new DomainError('NOT_FOUND');
    const { stream, sizeBytes } = await this.files.open(evidence.storageKey);
    return { evidence, stream, sizeBytes };
  }

  async enterManualValue(
    actor: AuthenticatedActor,
    tableId: number,
    body: ManualValueRequest,
  ): Promise<ManualValueView> {
    const reach = await this.tables.reachable(actor.user, tableId, 'performance.manage');
    this.tables.requireDistrict(actor.user, reach.table);
    const version = await this.figures.versionOf(tableId);
    const indicator = (
      await this.tablesRepository.indicators(this.tablesRepository.manager, version.id)
    ).find((row) => row.key === body.indicatorKey);
    const invalid = (field: string, zh: string, en: string) =>
      new DomainError('VALIDATION_FAILED', { [field]: fieldMessage(zh, en) });
    if (!indicator) throw invalid('indicatorKey', '本表没有这项指标', 'No such indicator in this table');
    if (indicator.binding.kind !== 'manual')
      throw invalid(
        'indicatorKey',
        '该指标由系统自动计算，不能手工填报',
        'This indicator is computed, not entered',
      );
    if (indicator.nature === 'qualitative' ? body.band === null : body.value === null)
      throw indicator.nature === 'qualitative'
        ? invalid('band', '请选择评价档次', 'Choose a band')
        : invalid('value', '请填写实际完成值', 'Enter the actual value');
    const id = await this.repository.transaction(async (manager) => {
      const evaluation = await this.evaluations.evaluation(manager, tableId);
      if (evaluation?.status === 'submitted') throw new DomainError('PERFORMANCE_EVALUATION_SUBMITTED');
      const evidence = await this.repository.evidence(body.evidenceId, manager);
      if (!evidence || evidence.tableId !== tableId)
        throw invalid('evidenceId', '请上传佐证材料', 'Upload an evidence file');
      const qualitative = indicator.nature === 'qualitative';
      const saved = await this.repository.insertManualValue(manager, {
        tableId,
        indicatorKey: indicator.key,
        value: qualitative ? null : body.value,
        band: qualitative ? body.band : null,
        bandFraction: qualitative ? body.bandFraction : null,
        note: body.note,
        evidenceId: evidence.id,
        enteredByUserId: actor.user.id,
      });
      await this.audit.record(manager, actor, {
        action: 'performance.manual_value_entered',
        entityType: 'performance_table',
        entityId: tableId,
        after: {
          indicatorKey: indicator.key,
          value: saved.value,
          band: saved.band,
          bandFraction: saved.bandFraction,
          evidenceId: evidence.id,
          note: saved.note,
        },
      });
      return saved.id;
    });
    const [row] = (await this.repository.manualValueHistory(tableId, indicator.key)).filter(
      (entry) => entry.id === id,
    );
    return toManualView(row);
  }

  async manualHistory(user: AuthUser, tableId: number, indicatorKey: string): Promise<ManualValueView[]> {
    const reach = await this.tables.reachable(user, tableId, 'performance.read');
    if (this.tables.viewScope(user, reach.table).kind !== 'district') return [];
    return (await this.repository.manualValueHistory(tableId, indicatorKey)).map(toManualView);
  }
}
