import { Injectable } from '@nestjs/common';
import {
  DomainError,
  type BudgetExecutionActual,
  type IndicatorActual,
  type ManualValueView,
} from '@xiaoshi/contracts';
import { evaluateTable, type Evaluation } from '@xiaoshi/domain';
import type { EntityManager } from 'typeorm';
import { ActualValuesRepository, type ManualValueRow } from './actual-values.repository.js';
import { MetricCatalogue, type BindingResult } from './metric-catalogue.service.js';
import type { PerformanceIndicator, PerformanceTableVersion } from './performance.entities.js';
import { configuredOf } from './performance-views.js';
import { TableAccess, type ReachableTable, type ViewScope } from './table-access.service.js';
import { TargetTablesRepository } from './target-tables.repository.js';

/** The metric behind the budget execution score: paid ÷ budget after adjustments, pooled over the lines. */
export const BUDGET_EXECUTION_METRIC = 'budgets.execution_rate';

export interface ComputedTable {
  version: PerformanceTableVersion;
  indicators: PerformanceIndicator[];
  actuals: IndicatorActual[];
  bindings: Array<BindingResult | null>;
  evaluation: Evaluation;
  budgetExecution: BudgetExecutionActual | null;
}

export function toManualView(row: ManualValueRow): ManualValueView {
  return {
    id: row.id,
    indicatorKey: row.indicator_key,
    value: row.value === null ? null : Number(row.value),
    band: row.band,
    bandFraction: row.band_fraction === null ? null : Number(row.band_fraction),
    note: row.note,
    evidence: { id: row.evidence_id, name: row.evidence_name, sizeBytes: row.evidence_size },
    enteredBy: { id: row.entered_by_user_id, name: row.entered_by },
    enteredAt: row.created_at.toISOString(),
  };
}

/** One indicator's figure as the API shows it: its value, where it came from, its score. */
function toActual(
  indicator: PerformanceIndicator,
  row: Evaluation['rows'][number],
  binding: BindingResult | null,
  entry: ManualValueRow | null,
): IndicatorActual {
  return {
    indicatorId: indicator.id,
    key: indicator.key,
    actual: row.actual,
    source: binding ? 'metric' : 'manual',
    metric: binding
      ? {
          combine: indicator.binding.kind === 'metric' ? indicator.binding.combine : 'sum',
          unit: binding.combined.unit,
          numerator: binding.combined.numerator,
          denominator: binding.combined.denominator,
          problem: binding.combined.problem,
          terms: binding.terms.map(({ rows: _rows, ...term }) => term),
        }
      : null,
    manual: entry ? toManualView(entry) : null,
    band: row.band,
    points: row.points,
    maxPoints: row.maxPoints,
    completionRate: row.completionRate,
    met: row.met,
    needsReason: row.needsReason,
  };
}

/**
 * A table's figures at a scope: each indicator's actual value (from its metrics, or the latest
 * hand-entered value at district scope), scored, plus budget execution at district scope.
 */
@Injectable()
export class TableFigures {
  constructor(
    private readonly tablesRepository: TargetTablesRepository,
    private readonly values: ActualValuesRepository,
    private readonly tables: TableAccess,
    private readonly catalogue: MetricCatalogue,
  ) {}

  /** The given version of the table, else the approved one, else the draft. */
  async versionOf(
    tableId: number,
    versionId?: number,
    manager?: EntityManager,
  ): Promise<PerformanceTableVersion> {
    const m = manager ?? this.tablesRepository.manager;
    const version = versionId
      ? await this.tablesRepository.version(m, versionId)
      : ((await this.tablesRepository.versionWithStatus(m, tableId, 'approved')) ??
        (await this.tablesRepository.versionWithStatus(m, tableId, 'draft')));
    if (!version || version.tableId !== tableId) throw new DomainError('NOT_FOUND');
    return version;
  }

  async compute(
    reach: ReachableTable,
    scope: ViewScope,
    version: PerformanceTableVersion,
    options: { rowsLimit?: number; reasons?: ReadonlyMap<string, string> } = {},
  ): Promise<ComputedTable> {
    const indicators = await this.tablesRepository.indicators(this.tablesRepository.manager, version.id);
    const context = this.tables.context(reach.table, reach.lines, scope.unitId);
    const district = scope.kind === 'district';
    const manual = district ? await this.values.latestManualValues(reach.table.id) : [];
    const bindings = await Promise.all(
      indicators.map((indicator) =>
        indicator.binding.kind === 'metric'
          ? this.catalogue.evaluate(indicator.binding, context, indicator.unit, options.rowsLimit ?? 0)
          : Promise.resolve(null),
      ),
    );
    const budget = district
      ? await this.catalogue.evaluate(
          {
            kind: 'metric',
            combine: 'sum',
            terms: [{ metric: BUDGET_EXECUTION_METRIC, budgetLineId: 'table' }],
          },
          context,
          '%',
        )
      : null;
    const manualOf = (key: string) => manual.find((row) => row.indicator_key === key) ?? null;
    const evaluation = evaluateTable(
      indicators.map((indicator, index) => {
        const entry = manualOf(indicator.key);
        return {
          key: indicator.key,
          indicator: configuredOf(indicator),
          actual: bindings[index]?.actual ?? (entry?.value === null || !entry ? null : Number(entry.value)),
          band: entry?.band ?? null,
          bandFraction: entry?.band_fraction === null || !entry ? null : Number(entry.band_fraction),
          reason: options.reasons?.get(indicator.key) ?? null,
        };
      }),
      budget
        ? {
            paidFen: budget.combined.numerator ?? 0,
            adjustedBudgetFen: budget.combined.denominator ?? 0,
            points: version.budgetExecutionPoints,
          }
        : null,
    );
    const actuals = indicators.map((indicator, index) =>
      toActual(indicator, evaluation.rows[index], bindings[index], manualOf(indicator.key)),
    );
    return {
      version,
      indicators,
      actuals,
      bindings,
      evaluation,
      budgetExecution: evaluation.budgetExecution,
    };
  }
}
