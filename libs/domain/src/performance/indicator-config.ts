/**
 * How an indicator of a 项目绩效目标表 is configured: its nature (指标性质 =, ≥, ≤ or 定性), the
 * default level names of the three-level tree, unit families, and the checks the admin form and
 * the API both run. Scoring itself is in indicator-scoring.ts.
 */
import type { Violation } from '../stipends/violation.js';
import {
  type Indicator,
  type Operator,
  type ScoringRule,
  SCORING_RULES,
  validateIndicator,
} from './indicator-scoring.js';

/** 指标性质: a comparison against a numeric target, or a qualitative judgement (定性). */
export type IndicatorNature = Operator | 'qualitative';
export const INDICATOR_NATURES: readonly IndicatorNature[] = ['=', '>=', '<=', 'qualitative'];

/** How the nature is printed in the official table. */
export const NATURE_SYMBOLS: Record<IndicatorNature, { zh: string; en: string }> = {
  '=': { zh: '=', en: '=' },
  '>=': { zh: '≥', en: '≥' },
  '<=': { zh: '≤', en: '≤' },
  qualitative: { zh: '定性', en: 'Qualitative' },
};

/**
 * The usual names of the tree's first two levels (财政部门 templates). They are suggestions for the
 * form, not a closed list: a district may name its own level-2 groups.
 */
export const LEVEL_NAMES: ReadonlyArray<{ level1: string; level2: readonly string[] }> = [
  { level1: '产出指标', level2: ['数量指标', '质量指标', '时效指标', '成本指标'] },
  { level1: '效益指标', level2: ['经济效益', '社会效益', '生态效益', '可持续影响'] },
  { level1: '满意度指标', level2: ['服务对象满意度'] },
];

export interface ConfiguredIndicator {
  level1: string;
  level2: string;
  name: string;
  nature: IndicatorNature;
  /** Null only for qualitative indicators. */
  target: number | null;
  unit: string;
  points: number;
  rule: ScoringRule;
  deductionPerUnit: number | null;
}

/** The scoring view of a configured indicator (a qualitative one is scored by its band). */
export function scoringIndicator(indicator: ConfiguredIndicator): Indicator {
  const qualitative = indicator.nature === 'qualitative';
  return {
    level1: indicator.level1,
    level2: indicator.level2,
    name: indicator.name,
    operator: qualitative ? '>=' : (indicator.nature as Operator),
    target: qualitative ? 0 : (indicator.target ?? Number.NaN),
    unit: indicator.unit,
    points: indicator.points,
    rule: qualitative ? 'qualitative' : indicator.rule,
    deductionPerUnit: indicator.deductionPerUnit,
  };
}

export type UnitFamily = 'money_yuan' | 'money_wan' | 'percent' | 'people' | 'count';

const PEOPLE_UNITS = new Set(['人', '人次', '名', '位']);

/** What kind of quantity an indicator unit is: 元 / 万元 money, % a percentage, people, or a count. */
export function unitFamily(unit: string): UnitFamily {
  const u = unit.normalize('NFKC').trim();
  if (u === '元') return 'money_yuan';
  if (u === '万元') return 'money_wan';
  if (u === '%' || u === '百分比') return 'percent';
  if (PEOPLE_UNITS.has(u)) return 'people';
  return 'count';
}

/** Configuration problems of one indicator, both the scoring checks and the nature/rule pairing. */
export function validateConfiguredIndicator(indicator: ConfiguredIndicator): Violation[] {
  const violations: Violation[] = [];
  const add = (field: string, code: string, zh: string, en: string) =>
    violations.push({ field, code, zh, en });
  if (!INDICATOR_NATURES.includes(indicator.nature)) {
    add(
      'nature',
      'invalid_nature',
      '指标性质应为 =、≥、≤ 或定性',
      'The nature must be =, >=, <= or qualitative',
    );
    return violations;
  }
  if (indicator.level2.trim() === '')
    add('level2', 'required', '二级指标不能为空', 'The level-2 name is required');
  if (indicator.unit.trim() === '' && indicator.nature !== 'qualitative')
    add('unit', 'required', '度量单位不能为空', 'The unit is required');
  if (indicator.nature === 'qualitative') {
    if (indicator.rule !== 'qualitative')
      add('rule', 'rule_mismatch', '定性指标按评价档次计分', 'A qualitative indicator is scored by band');
    if (indicator.target !== null)
      add(
        'target',
        'target_not_allowed',
        '定性指标没有数值目标',
        'A qualitative indicator has no numeric target',
      );
  } else if (indicator.rule === 'qualitative') {
    add(
      'rule',
      'rule_mismatch',
      '定量指标不能按评价档次计分',
      'A quantitative indicator cannot be scored by band',
    );
  } else if (indicator.target === null) {
    add('target', 'invalid_target', '指标值应为数字', 'The target must be a number');
  }
  if (!SCORING_RULES.includes(indicator.rule)) return violations;
  for (const violation of validateIndicator(scoringIndicator(indicator))) {
    if (!violations.some((v) => v.field === violation.field)) violations.push(violation);
  }
  return violations;
}

/** Points of the indicators of one level-1 group, and of the whole table (2 decimals). */
export function pointsByLevel1(indicators: readonly Pick<ConfiguredIndicator, 'level1' | 'points'>[]) {
  const groups = new Map<string, number>();
  for (const { level1, points } of indicators) {
    groups.set(level1, Math.round(((groups.get(level1) ?? 0) + points) * 100) / 100);
  }
  return groups;
}
