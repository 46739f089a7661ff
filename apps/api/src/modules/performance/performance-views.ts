import type { IndicatorView, TableVersionSummary, TableVersionView } from '@xiaoshi/contracts';
import type { ConfiguredIndicator } from '@xiaoshi/domain';
import type { PerformanceIndicator, PerformanceTableVersion } from './performance.entities.js';
import type { VersionSummaryRow } from './target-tables.repository.js';

export function toVersionSummary(row: VersionSummaryRow): TableVersionSummary {
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    changeNote: row.change_note,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    approvedBy: row.approved_by,
    approvedAt: row.approved_at?.toISOString() ?? null,
  };
}

export function toIndicatorView(indicator: PerformanceIndicator): IndicatorView {
  return {
    id: indicator.id,
    key: indicator.key,
    position: indicator.position,
    level1: indicator.level1,
    level2: indicator.level2,
    name: indicator.name,
    nature: indicator.nature,
    target: indicator.target,
    targetText: indicator.targetText,
    unit: indicator.unit,
    points: indicator.points,
    rule: indicator.rule,
    ruleText: indicator.ruleText,
    deductionPerUnit: indicator.deductionPerUnit,
    attributeCode: indicator.attributeCode,
    content: indicator.content,
    basis: indicator.basis,
    dataSource: indicator.dataSource,
    binding: indicator.binding,
  };
}

export function toVersionView(
  version: PerformanceTableVersion,
  summary: TableVersionSummary,
  indicators: readonly PerformanceIndicator[],
): TableVersionView {
  return {
    ...summary,
    tableId: version.tableId,
    longTermPeriod: version.longTermPeriod,
    longTermGoal: version.longTermGoal,
    annualGoal: version.annualGoal,
    budgetExecutionPoints: version.budgetExecutionPoints,
    indicators: indicators.map(toIndicatorView),
    version: version.version,
  };
}

/** The scoring view of a stored indicator. */
export function configuredOf(
  indicator: Pick<
    PerformanceIndicator,
    'level1' | 'level2' | 'name' | 'nature' | 'target' | 'unit' | 'points' | 'rule' | 'deductionPerUnit'
  >,
): ConfiguredIndicator {
  return {
    level1: indicator.level1,
    level2: indicator.level2,
    name: indicator.name,
    nature: indicator.nature,
    target: indicator.target,
    unit: indicator.unit,
    points: indicator.points,
    rule: indicator.rule,
    deductionPerUnit: indicator.deductionPerUnit,
  };
}

/** What an audit record keeps of a version's content. */
export function auditContent(
  version: Pick<
    PerformanceTableVersion,
    'longTermPeriod' | 'longTermGoal' | 'annualGoal' | 'budgetExecutionPoints'
  >,
  indicators: ReadonlyArray<
    Pick<
      PerformanceIndicator,
      'key' | 'level1' | 'level2' | 'name' | 'nature' | 'target' | 'unit' | 'points' | 'rule' | 'binding'
    >
  >,
) {
  return {
    longTermPeriod: version.longTermPeriod,
    longTermGoal: version.longTermGoal,
    annualGoal: version.annualGoal,
    budgetExecutionPoints: version.budgetExecutionPoints,
    indicators: indicators.map(
      ({ key, level1, level2, name, nature, target, unit, points, rule, binding }) => ({
        key,
        level1,
        level2,
        name,
        nature,
        target,
        unit,
        points,
        rule,
        binding,
      }),
    ),
  };
}
