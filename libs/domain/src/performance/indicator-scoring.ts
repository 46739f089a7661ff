/**
 * Scoring a performance target table (项目绩效目标表), per product.md "Scoring a performance target".
 *
 * Each indicator has points w. Actual a against target t:
 * - `>=`: full when a ≥ t, else w·a/t;
 * - `<=`: full when a ≤ t, else w·t/a (or w − d·(a − t) with a per-unit deduction d);
 * - `=`: full when a = t, else w·max(0, 1 − |a − t|/t);
 * - 达标得满分，否则不得分 (`all_or_nothing`): full or zero;
 * - 完不成扣分 (`deduct`): w − d·shortfall (floored at 0) when a per-unit deduction d is given,
 *   otherwise scored like `proportional`;
 * - qualitative: the reviewer picks a band — achieved 100–80 %, partly 80–60 %, not achieved 60–0 %
 *   of w — and `bandFraction` (0 = bottom, 1 = top, default 1) picks within it.
 *
 * Values are in the indicator's own unit: percentages in percentage points (98 for 98 %), money in
 * the unit the table states (元 in the seed tables — convert fen with ÷ 100 before scoring).
 * `=` allows a relative float tolerance of 1e-9.
 * Points are NOT rounded per indicator; `scoreTable` rounds each row to 2 decimals (half up) and
 * the total is the sum of the rounded rows, so the printed table adds up. The grade is taken on
 * that 2-decimal total (89.995 → 90.00 → 优; 89.994 → 89.99 → 良).
 */
import type { Violation } from '../stipends/violation.js';

export type Operator = '=' | '>=' | '<=';
export type ScoringRule =
  | 'proportional' /* 达标得满分，否则根据完成比例评分 */
  | 'all_or_nothing' /* 达标得满分，否则不得分 */
  | 'deduct' /* 完不成扣分: treat as proportional unless a per-unit deduction is given */
  | 'qualitative';
export type QualitativeBand = 'achieved' | 'partly' | 'not_achieved';
export type Grade = '优' | '良' | '中' | '差';

export interface Indicator {
  /** 一级指标, e.g. 产出指标 */
  level1: string;
  /** 二级指标, e.g. 数量指标 */
  level2: string;
  /** 三级指标 (the indicator itself) */
  name: string;
  operator: Operator;
  target: number;
  unit: string;
  points: number;
  rule: ScoringRule;
  /** Points deducted per unit of shortfall (评(扣)分标准), for `deduct` (and `<=`) indicators. */
  deductionPerUnit?: number | null;
}

export interface IndicatorScore {
  /** Unrounded points earned. */
  points: number;
  /** actual ÷ target, unrounded and unclamped (1.02 = 102 %); null when qualitative, no actual, or target 0. */
  completionRate: number | null;
  met: boolean;
}

export const OPERATORS: readonly Operator[] = ['=', '>=', '<='];
export const SCORING_RULES: readonly ScoringRule[] = [
  'proportional',
  'all_or_nothing',
  'deduct',
  'qualitative',
];

export const SCORING_RULE_LABELS: Record<ScoringRule, { zh: string; en: string }> = {
  proportional: {
    zh: '达标得满分，否则根据完成比例评分',
    en: 'Full points when met, otherwise in proportion to completion',
  },
  all_or_nothing: { zh: '达标得满分，否则不得分', en: 'Full points when met, otherwise none' },
  deduct: { zh: '完不成扣分', en: 'Points deducted when not met' },
  qualitative: { zh: '定性指标，按评价档次计分', en: 'Qualitative: scored by the band the reviewer chooses' },
};

/** Bands as fractions of w: [low, high]. */
export const QUALITATIVE_BANDS: Record<
  QualitativeBand,
  { low: number; high: number; zh: string; en: string }
> = {
  achieved: { low: 0.8, high: 1, zh: '达成年度指标', en: 'Achieved' },
  partly: { low: 0.6, high: 0.8, zh: '部分达成年度指标并具有一定效果', en: 'Partly achieved' },
  not_achieved: { low: 0, high: 0.6, zh: '未达成年度指标且效果较差', en: 'Not achieved' },
};

/** Level-1 default points (product.md); budget execution is scored by `budgetExecutionScore`. */
export const DEFAULT_LEVEL1_POINTS = {
  产出指标: 50,
  效益指标: 30,
  满意度指标: 10,
  预算执行率: 10,
} as const;

export const GRADE_THRESHOLDS: ReadonlyArray<{ min: number; grade: Grade }> = [
  { min: 90, grade: '优' },
  { min: 80, grade: '良' },
  { min: 60, grade: '中' },
  { min: -Infinity, grade: '差' },
];

/** Operator text from an official table (=, >=, <=, ≥, ≤, ＝, ＞＝ …) → Operator. */
export function parseOperator(text: string): Operator | null {
  const t = text.normalize('NFKC').replace(/\s+/g, '');
  if (t === '=' || t === '==') return '=';
  if (t === '>=' || t === '≥' || t === '=>') return '>=';
  if (t === '<=' || t === '≤' || t === '=<') return '<=';
  return null;
}

/** 评(扣)分标准 text → ScoringRule (punctuation and spaces ignored); null when not recognised. */
export function parseScoringRuleText(text: string): ScoringRule | null {
  const t = text.normalize('NFKC').replace(/[\s,，。.;；、]/g, '');
  if (t === '') return null;
  if (t.includes('不得分')) return 'all_or_nothing';
  if (t.includes('完成比例') || t.includes('按比例')) return 'proportional';
  if (t.includes('扣分')) return 'deduct';
  if (t.includes('定性')) return 'qualitative';
  return null;
}

const usable = (n: number | null | undefined): n is number => typeof n === 'number' && Number.isFinite(n);

/** Whether the actual meets the target under the operator (`=` with a relative tolerance of 1e-9). */
export function isMet(operator: Operator, actual: number, target: number): boolean {
  switch (operator) {
    case '>=':
      return actual >= target;
    case '<=':
      return actual <= target;
    case '=':
      return Math.abs(actual - target) <= 1e-9 * Math.max(1, Math.abs(target));
  }
}

function proportionalFraction(operator: Operator, a: number, t: number): number {
  switch (operator) {
    case '>=':
      return t > 0 ? Math.max(0, a) / t : 0;
    case '<=':
      return t >= 0 && a > 0 ? t / a : 0;
    case '=':
      return t !== 0 ? Math.max(0, 1 - Math.abs(a - t) / Math.abs(t)) : 0;
  }
}

function shortfall(operator: Operator, a: number, t: number): number {
  switch (operator) {
    case '>=':
      return Math.max(0, t - a);
    case '<=':
      return Math.max(0, a - t);
    case '=':
      return Math.abs(a - t);
  }
}

export function scoreIndicator(
  indicator: Indicator,
  actual: number | null,
  qualitativeBand?: QualitativeBand,
  bandFraction?: number,
): IndicatorScore {
  const w = usable(indicator.points) ? Math.max(0, indicator.points) : 0;

  if (indicator.rule === 'qualitative') {
    if (qualitativeBand === undefined || !(qualitativeBand in QUALITATIVE_BANDS)) {
      return { points: 0, completionRate: null, met: false };
    }
    const band = QUALITATIVE_BANDS[qualitativeBand];
    const f = usable(bandFraction) ? Math.min(1, Math.max(0, bandFraction)) : 1;
    return {
      points: w * (band.low + f * (band.high - band.low)),
      completionRate: null,
      met: qualitativeBand === 'achieved',
    };
  }

  if (!usable(actual) || !usable(indicator.target)) return { points: 0, completionRate: null, met: false };
  const t = indicator.target;
  const completionRate = t !== 0 ? actual / t : null;
  const met = isMet(indicator.operator, actual, t);
  if (met) return { points: w, completionRate, met };

  let fraction: number;
  const d = indicator.deductionPerUnit;
  if (indicator.rule === 'all_or_nothing') fraction = 0;
  else if (usable(d) && d > 0 && (indicator.rule === 'deduct' || indicator.operator === '<=')) {
    return { points: Math.max(0, w - d * shortfall(indicator.operator, actual, t)), completionRate, met };
  } else fraction = proportionalFraction(indicator.operator, actual, t);
  return { points: w * Math.min(1, fraction), completionRate, met };
}

/** points × min(1, paid ÷ adjusted budget); 0 when the budget is not positive. Unrounded. */
export function budgetExecutionScore(paidFen: number, adjustedBudgetFen: number, points = 10): number {
  if (!usable(paidFen) || !usable(adjustedBudgetFen) || adjustedBudgetFen <= 0 || !usable(points)) return 0;
  return Math.max(0, points) * Math.min(1, Math.max(0, paidFen) / adjustedBudgetFen);
}

/** Points to 2 decimals, half up, robust to binary noise (2.675 → 2.68). */
export function roundPoints(points: number): number {
  if (!usable(points)) return 0;
  return Math.round(Number((points * 100).toPrecision(12))) / 100;
}

/** 优 ≥ 90, 良 80–89.99, 中 60–79.99, 差 < 60, on the total rounded to 2 decimals. */
export function grade(total: number): Grade {
  const t = roundPoints(total);
  return (GRADE_THRESHOLDS.find((g) => t >= g.min) ?? GRADE_THRESHOLDS[GRADE_THRESHOLDS.length - 1]).grade;
}

/**
 * (满意 + 基本满意) ÷ answers as a fraction 0–1 (multiply by 100 for a % indicator).
 * Answers = `total` when given (it may include other answers such as 不了解), else the sum of the three.
 * Null when there are no answers or the counts are not consistent non-negative integers.
 * `includeBasicallySatisfied: false` counts only 满意.
 */
export function satisfactionRate(
  counts: { satisfied: number; basicallySatisfied: number; dissatisfied: number; total?: number },
  options: { includeBasicallySatisfied?: boolean } = {},
): number | null {
  const { satisfied, basicallySatisfied, dissatisfied, total } = counts;
  const values =
    total === undefined
      ? [satisfied, basicallySatisfied, dissatisfied]
      : [satisfied, basicallySatisfied, dissatisfied, total];
  if (!values.every((v) => Number.isSafeInteger(v) && v >= 0)) return null;
  const sum = satisfied + basicallySatisfied + dissatisfied;
  const answers = total ?? sum;
  if (answers === 0 || answers < sum) return null;
  const positive = satisfied + (options.includeBasicallySatisfied === false ? 0 : basicallySatisfied);
  return positive / answers;
}

/** Same as satisfactionRate, in percentage points (for indicators whose unit is %). */
export function satisfactionPercent(
  counts: Parameters<typeof satisfactionRate>[0],
  options: Parameters<typeof satisfactionRate>[1] = {},
): number | null {
  const rate = satisfactionRate(counts, options);
  return rate === null ? null : rate * 100;
}

/** `total` points split over `count` indicators in 2-decimal shares that add up exactly (50/3 → 16.67, 16.67, 16.66). */
export function splitPointsEvenly(total: number, count: number): number[] {
  if (!Number.isInteger(count) || count <= 0 || !usable(total)) return [];
  const hundredths = Math.round(total * 100);
  const base = Math.floor(hundredths / count);
  const extra = hundredths - base * count;
  return Array.from({ length: count }, (_, i) => (base + (i < extra ? 1 : 0)) / 100);
}

export interface TableRowInput {
  indicator: Indicator;
  actual: number | null;
  band?: QualitativeBand;
  bandFraction?: number;
}

export interface TableRowScore extends IndicatorScore {
  indicator: Indicator;
  actual: number | null;
  /** Rounded to 2 decimals. */
  points: number;
  maxPoints: number;
}

export interface TableScore {
  rows: TableRowScore[];
  budgetExecution: {
    paidFen: number;
    adjustedBudgetFen: number;
    /** paid ÷ adjusted budget, unrounded; null when the budget is not positive. */
    rate: number | null;
    points: number;
    maxPoints: number;
  } | null;
  /** Sum of the rounded rows (and budget execution), 2 decimals. */
  total: number;
  maxTotal: number;
  grade: Grade;
}

const toHundredths = (points: number) => Math.round(roundPoints(points) * 100);

export function scoreTable(
  indicators: readonly TableRowInput[],
  options: { budgetExecution?: { paidFen: number; adjustedBudgetFen: number; points?: number } } = {},
): TableScore {
  let total = 0;
  let max = 0;
  const rows = indicators.map(({ indicator, actual, band, bandFraction }): TableRowScore => {
    const score = scoreIndicator(indicator, actual, band, bandFraction);
    const maxPoints = roundPoints(usable(indicator.points) ? Math.max(0, indicator.points) : 0);
    total += toHundredths(score.points);
    max += Math.round(maxPoints * 100);
    return { ...score, indicator, actual, points: roundPoints(score.points), maxPoints };
  });

  let budgetExecution: TableScore['budgetExecution'] = null;
  if (options.budgetExecution) {
    const { paidFen, adjustedBudgetFen } = options.budgetExecution;
    const weight = options.budgetExecution.points ?? DEFAULT_LEVEL1_POINTS.预算执行率;
    const points = roundPoints(budgetExecutionScore(paidFen, adjustedBudgetFen, weight));
    const maxPoints = roundPoints(usable(weight) ? Math.max(0, weight) : 0);
    budgetExecution = {
      paidFen,
      adjustedBudgetFen,
      rate:
        usable(adjustedBudgetFen) && adjustedBudgetFen > 0 && usable(paidFen)
          ? paidFen / adjustedBudgetFen
          : null,
      points,
      maxPoints,
    };
    total += Math.round(points * 100);
    max += Math.round(maxPoints * 100);
  }

  return { rows, budgetExecution, total: total / 100, maxTotal: max / 100, grade: grade(total / 100) };
}

/** Configuration problems of one indicator (for the admin form); empty when valid. */
export function validateIndicator(indicator: Indicator): Violation[] {
  const violations: Violation[] = [];
  const add = (field: string, code: string, zh: string, en: string) =>
    violations.push({ field, code, zh, en });
  if (indicator.name.trim() === '')
    add('name', 'required', '三级指标名称不能为空', 'The indicator name is required');
  if (indicator.level1.trim() === '')
    add('level1', 'required', '一级指标不能为空', 'The level-1 name is required');
  if (!OPERATORS.includes(indicator.operator))
    add('operator', 'invalid_operator', '指标性质应为 =、≥ 或 ≤', 'The operator must be =, >= or <=');
  if (!SCORING_RULES.includes(indicator.rule))
    add('rule', 'invalid_rule', '评分规则无效', 'Unknown scoring rule');
  if (!usable(indicator.points) || indicator.points < 0)
    add('points', 'invalid_points', '分值应为非负数', 'Points must be a non-negative number');
  if (indicator.rule !== 'qualitative') {
    if (!usable(indicator.target))
      add('target', 'invalid_target', '指标值应为数字', 'The target must be a number');
    else if (indicator.target <= 0 && indicator.rule !== 'all_or_nothing' && indicator.operator !== '<=')
      add(
        'target',
        'target_not_positive',
        '按比例评分的指标值应大于0',
        'A proportionally scored target must be positive',
      );
  }
  const d = indicator.deductionPerUnit;
  if (d !== undefined && d !== null && (!usable(d) || d <= 0))
    add(
      'deductionPerUnit',
      'invalid_deduction',
      '每单位扣分应为正数',
      'The deduction per unit must be positive',
    );
  return violations;
}
