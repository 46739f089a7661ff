import type { IndicatorBinding, IndicatorInput } from '@xiaoshi/contracts';

export type LineChoice = number | 'table' | 'none';

export interface TermValue {
  metric?: string;
  line: LineChoice;
}

export type BindingValue =
  { kind: 'manual' } | { kind: 'metric'; combine: 'sum' | 'union'; terms: TermValue[] };

export type IndicatorValue = Omit<IndicatorInput, 'binding'> & { binding: BindingValue };

export interface EditorValues {
  longTermPeriod: string;
  longTermGoal: string;
  annualGoal: string;
  budgetExecutionPoints: number;
  indicators: IndicatorValue[];
}

export function toValue(binding: IndicatorBinding): BindingValue {
  if (binding.kind === 'manual') return binding;
  return {
    kind: 'metric',
    combine: binding.combine,
    terms: binding.terms.map((term) => ({
      metric: term.metric,
      line: term.budgetLineId === null ? 'none' : term.budgetLineId,
    })),
  };
}

export function toBinding(value: BindingValue | undefined): IndicatorBinding {
  if (!value || value.kind === 'manual') return { kind: 'manual' };
  return {
    kind: 'metric',
    combine: value.combine ?? 'sum',
    terms: (value.terms ?? []).map((term) => ({
      metric: term.metric ?? '',
      budgetLineId: term.line === 'none' ? null : term.line,
    })),
  };
}

export const BLANK: IndicatorValue = {
  level1: '产出指标',
  level2: '数量指标',
  name: '',
  nature: '>=',
  target: null,
  targetText: '',
  unit: '',
  points: 0,
  rule: 'proportional',
  ruleText: '',
  deductionPerUnit: null,
  attributeCode: '',
  content: '',
  basis: '',
  dataSource: '',
  binding: { kind: 'manual' },
};
