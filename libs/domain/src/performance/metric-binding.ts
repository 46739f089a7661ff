/**
 * Binding an indicator to live figures. A binding has one or more terms, each a metric published by
 * a module (see apps/api/src/common/metric-source.ts) computed for one budget line or none, and
 * combines them:
 * - `sum`: counts, people and money add up; percentages are pooled (Σ numerator ÷ Σ denominator),
 *   never averaged, so three lines of 10, 1 and 1 answers weigh 10:1:1;
 * - `union`: the distinct rows of all terms (by their ref, e.g. 'community:40'), so a community
 *   reached by a funded project and by a study trip counts once. Counts and people only.
 * The combined value is then expressed in the indicator's unit (fen → 元 or 万元).
 */
import type { Violation } from '../stipends/violation.js';
import { type UnitFamily, unitFamily } from './indicator-config.js';

export type MetricUnit = 'count' | 'people' | 'fen' | 'percent';
export type BindingCombine = 'sum' | 'union';
export const BINDING_COMBINES: readonly BindingCombine[] = ['sum', 'union'];

export interface TermValue {
  unit: MetricUnit;
  value: number;
  numerator?: number;
  denominator?: number;
  /** Refs of all rows behind the value (needed for `union`). */
  refs?: readonly string[];
  /** Whether `refs` holds every row (a union over a truncated list would undercount). */
  complete?: boolean;
}

export interface CombinedValue {
  unit: MetricUnit;
  /** Null when there is nothing to measure yet (a rate with no denominator) or it cannot be combined. */
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  problem:
    | 'no_terms'
    | 'mixed_units'
    | 'union_not_countable'
    | 'union_incomplete'
    | 'no_denominator'
    | 'metric_unavailable'
    | null;
}

const none = (unit: MetricUnit, problem: CombinedValue['problem']): CombinedValue => ({
  unit,
  value: null,
  numerator: null,
  denominator: null,
  problem,
});

export function combineTerms(terms: readonly TermValue[], combine: BindingCombine): CombinedValue {
  if (terms.length === 0) return none('count', 'no_terms');
  const unit = terms[0].unit;
  if (terms.some((term) => term.unit !== unit)) return none(unit, 'mixed_units');
  if (combine === 'union') {
    if (unit !== 'count' && unit !== 'people') return none(unit, 'union_not_countable');
    if (terms.some((term) => !term.refs || term.complete === false)) return none(unit, 'union_incomplete');
    const distinct = new Set(terms.flatMap((term) => term.refs ?? []));
    return { unit, value: distinct.size, numerator: null, denominator: null, problem: null };
  }
  if (unit === 'percent') {
    if (terms.length === 1 && (terms[0].numerator === undefined || terms[0].denominator === undefined)) {
      return { unit, value: terms[0].value, numerator: null, denominator: null, problem: null };
    }
    if (terms.some((term) => term.numerator === undefined || term.denominator === undefined)) {
      return none(unit, 'no_denominator');
    }
    const numerator = terms.reduce((sum, term) => sum + (term.numerator ?? 0), 0);
    const denominator = terms.reduce((sum, term) => sum + (term.denominator ?? 0), 0);
    if (denominator <= 0) return { unit, value: null, numerator, denominator, problem: 'no_denominator' };
    return { unit, value: (numerator / denominator) * 100, numerator, denominator, problem: null };
  }
  const value = terms.reduce((sum, term) => sum + term.value, 0);
  return { unit, value, numerator: null, denominator: null, problem: null };
}

/** Which indicator units a metric unit can be shown in. */
const COMPATIBLE: Record<MetricUnit, readonly UnitFamily[]> = {
  fen: ['money_yuan', 'money_wan'],
  percent: ['percent'],
  people: ['people', 'count'],
  count: ['count', 'people'],
};

export function metricFitsUnit(metricUnit: MetricUnit, indicatorUnit: string): boolean {
  return COMPATIBLE[metricUnit].includes(unitFamily(indicatorUnit));
}

/** A metric value in the indicator's unit (fen → 元 ÷ 100, → 万元 ÷ 1,000,000); null if they do not fit. */
export function metricValueInUnit(
  metricUnit: MetricUnit,
  value: number | null,
  indicatorUnit: string,
): number | null {
  if (value === null || !Number.isFinite(value) || !metricFitsUnit(metricUnit, indicatorUnit)) return null;
  if (metricUnit !== 'fen') return value;
  return unitFamily(indicatorUnit) === 'money_wan' ? value / 1_000_000 : value / 100;
}

/** Whether these metric units may be combined this way (checked when a binding is saved). */
export function bindingProblem(
  units: readonly MetricUnit[],
  combine: BindingCombine,
): CombinedValue['problem'] {
  if (units.length === 0) return 'no_terms';
  if (units.some((unit) => unit !== units[0])) return 'mixed_units';
  if (combine === 'union' && units[0] !== 'count' && units[0] !== 'people') return 'union_not_countable';
  return null;
}

/** What the binding rules need to know of a published metric. */
export interface CatalogueEntry {
  key: string;
  unit: MetricUnit;
  perBudgetLine: boolean;
}

export type BindingInput =
  | { kind: 'manual' }
  | {
      kind: 'metric';
      combine: BindingCombine;
      terms: ReadonlyArray<{ metric: string; budgetLineId: number | 'table' | null }>;
    };

const BINDING_PROBLEM_TEXT: Record<NonNullable<CombinedValue['problem']>, { zh: string; en: string }> = {
  no_terms: { zh: '请至少选择一项数据指标', en: 'Choose at least one metric' },
  mixed_units: { zh: '合并的数据指标单位必须一致', en: 'Combined metrics must share a unit' },
  union_not_countable: { zh: '只有计数类指标可以按去重合并', en: 'Only counts can be combined as a union' },
  union_incomplete: { zh: '去重合并需要全部明细', en: 'A union needs every row' },
  no_denominator: {
    zh: '比率类指标缺少分子分母，无法合并',
    en: 'Rates without numerator and denominator cannot be pooled',
  },
  metric_unavailable: { zh: '数据指标不可用', en: 'The metric is not available' },
};

/**
 * Whether a binding fits its indicator and the table: known metrics, a budget line wherever a
 * metric needs one (one of the table's lines), units that combine and fit the indicator's unit.
 * Qualitative indicators are judged by hand.
 */
export function validateBinding(
  binding: BindingInput,
  indicator: { nature: string; unit: string },
  catalogue: readonly CatalogueEntry[],
  tableLineIds: readonly number[],
): Violation[] {
  const violations: Violation[] = [];
  const add = (field: string, code: string, zh: string, en: string) =>
    violations.push({ field, code, zh, en });
  if (binding.kind === 'manual') return violations;
  if (indicator.nature === 'qualitative') {
    add(
      'binding.kind',
      'qualitative_manual',
      '定性指标由评价人员填报',
      'A qualitative indicator is judged by hand',
    );
    return violations;
  }
  const units: MetricUnit[] = [];
  binding.terms.forEach((term, index) => {
    const entry = catalogue.find((candidate) => candidate.key === term.metric);
    if (!entry) {
      add(`binding.terms.${index}.metric`, 'unknown_metric', '没有这项数据指标', 'No such metric');
      return;
    }
    units.push(entry.unit);
    if (entry.perBudgetLine && term.budgetLineId === null)
      add(
        `binding.terms.${index}.budgetLineId`,
        'line_required',
        '该数据指标需要选择预算线',
        'This metric needs a budget line',
      );
    if (typeof term.budgetLineId === 'number' && !tableLineIds.includes(term.budgetLineId))
      add(
        `binding.terms.${index}.budgetLineId`,
        'line_not_in_table',
        '所选预算线不属于本目标表',
        'The budget line is not one of this table’s',
      );
  });
  if (violations.length) return violations;
  const problem = bindingProblem(units, binding.combine);
  if (problem) {
    add('binding.combine', problem, BINDING_PROBLEM_TEXT[problem].zh, BINDING_PROBLEM_TEXT[problem].en);
    return violations;
  }
  if (!metricFitsUnit(units[0], indicator.unit))
    add('unit', 'unit_mismatch', '度量单位与数据指标不匹配', 'The unit does not fit the metric');
  return violations;
}
