import {
  type ConfiguredIndicator,
  INDICATOR_NATURES,
  type IndicatorNature,
  scoringIndicator,
  unitFamily,
  validateConfiguredIndicator,
} from './indicator-config.js';
import type { ScoringRule } from './indicator-scoring.js';
import {
  bindingProblem,
  combineTerms,
  metricFitsUnit,
  metricValueInUnit,
  validateBinding,
} from './metric-binding.js';
import { emptyCounts, satisfiedAnswers, surveySatisfaction, totalAnswers } from './satisfaction-survey.js';
import { completionPercent, evaluateTable } from './self-evaluation.js';
import { SEED_000_INDICATORS, SEED_002_INDICATORS } from './seed-tables.js';
import { approvalProblems, isVersionEditable } from './table-versions.js';

/** A seed row as a configured indicator (nature = its operator). */
const configured = (seed: (typeof SEED_000_INDICATORS)[number]): ConfiguredIndicator => ({
  level1: seed.level1,
  level2: seed.level2,
  name: seed.name,
  nature: seed.operator,
  target: seed.target,
  unit: seed.unit,
  points: seed.points,
  rule: seed.rule,
  deductionPerUnit: seed.deductionPerUnit ?? null,
});

const indicator = (
  nature: IndicatorNature,
  target: number | null,
  rule: ScoringRule = 'proportional',
  points = 25,
  unit = '个',
): ConfiguredIndicator => ({
  level1: '产出指标',
  level2: '数量指标',
  name: '指标',
  nature,
  target,
  unit,
  points,
  rule,
  deductionPerUnit: null,
});

describe('indicator configuration', () => {
  it('knows the four natures of the official table', () => {
    expect(INDICATOR_NATURES).toEqual(['=', '>=', '<=', 'qualitative']);
  });

  it.each<[string, ConfiguredIndicator, string[]]>([
    ['a valid = indicator', indicator('=', 58, 'deduct'), []],
    ['a valid qualitative indicator', indicator('qualitative', null, 'qualitative', 30, ''), []],
    [
      'qualitative with a numeric rule',
      indicator('qualitative', null, 'proportional'),
      ['rule:rule_mismatch'],
    ],
    ['qualitative with a target', indicator('qualitative', 5, 'qualitative'), ['target:target_not_allowed']],
    ['numeric scored by band', indicator('>=', 5, 'qualitative'), ['rule:rule_mismatch']],
    ['numeric without a target', indicator('>=', null), ['target:invalid_target']],
    ['numeric without a unit', indicator('>=', 5, 'proportional', 10, ' '), ['unit:required']],
    ['an unknown nature', indicator('>' as IndicatorNature, 5), ['nature:invalid_nature']],
    ['no level 2', { ...indicator('>=', 5), level2: '' }, ['level2:required']],
    ['negative points', indicator('>=', 5, 'proportional', -1), ['points:invalid_points']],
  ])('%s', (_name, value, expected) => {
    expect(validateConfiguredIndicator(value).map((v) => `${v.field}:${v.code}`)).toEqual(expected);
  });

  it('scores a qualitative indicator by its band', () => {
    expect(scoringIndicator(indicator('qualitative', null, 'qualitative'))).toMatchObject({
      rule: 'qualitative',
    });
    expect(scoringIndicator(indicator('<=', 3, 'deduct'))).toMatchObject({
      operator: '<=',
      target: 3,
      rule: 'deduct',
    });
  });

  it.each([
    ['元', 'money_yuan'],
    ['万元', 'money_wan'],
    ['%', 'percent'],
    ['％', 'percent'],
    ['人', 'people'],
    ['个', 'count'],
    ['件', 'count'],
  ])('unit %s is %s', (unit, family) => {
    expect(unitFamily(unit)).toBe(family);
  });

  it('the seed indicators are valid configurations', () => {
    for (const seed of [...SEED_000_INDICATORS, ...SEED_002_INDICATORS]) {
      expect(validateConfiguredIndicator(configured(seed))).toEqual([]);
    }
  });
});

describe('metric bindings', () => {
  it('adds counts, people and money', () => {
    expect(
      combineTerms(
        [
          { unit: 'people', value: 84 },
          { unit: 'people', value: 100 },
        ],
        'sum',
      ),
    ).toMatchObject({ value: 184, problem: null });
  });

  it('pools percentages by numerator and denominator instead of averaging them', () => {
    const pooled = combineTerms(
      [
        { unit: 'percent', value: 100, numerator: 10, denominator: 10 },
        { unit: 'percent', value: 0, numerator: 0, denominator: 2 },
      ],
      'sum',
    );
    expect(pooled.value).toBeCloseTo((10 / 12) * 100, 10);
    expect(pooled).toMatchObject({ numerator: 10, denominator: 12 });
    expect(combineTerms([{ unit: 'percent', value: 0, numerator: 0, denominator: 0 }], 'sum')).toMatchObject({
      value: null,
      problem: 'no_denominator',
    });
    expect(combineTerms([{ unit: 'percent', value: 97 }], 'sum').value).toBe(97);
    expect(
      combineTerms(
        [
          { unit: 'percent', value: 97 },
          { unit: 'percent', value: 50, numerator: 1, denominator: 2 },
        ],
        'sum',
      ).problem,
    ).toBe('no_denominator');
  });

  it('unites communities reached in several ways, counting each once', () => {
    const united = combineTerms(
      [
        { unit: 'count', value: 3, refs: ['community:1', 'community:2', 'community:3'] },
        { unit: 'count', value: 2, refs: ['community:3', 'community:9'] },
      ],
      'union',
    );
    expect(united).toMatchObject({ value: 4, problem: null });
    expect(combineTerms([{ unit: 'count', value: 2, refs: ['a'], complete: false }], 'union').problem).toBe(
      'union_incomplete',
    );
    expect(combineTerms([{ unit: 'fen', value: 2, refs: ['a'] }], 'union').problem).toBe(
      'union_not_countable',
    );
  });

  it('refuses to mix units', () => {
    expect(
      combineTerms(
        [
          { unit: 'fen', value: 1 },
          { unit: 'count', value: 1 },
        ],
        'sum',
      ).problem,
    ).toBe('mixed_units');
    expect(bindingProblem(['fen', 'count'], 'sum')).toBe('mixed_units');
    expect(bindingProblem(['percent'], 'union')).toBe('union_not_countable');
    expect(bindingProblem([], 'sum')).toBe('no_terms');
    expect(bindingProblem(['people', 'people'], 'union')).toBeNull();
  });

  it('expresses fen in the indicator unit', () => {
    expect(metricValueInUnit('fen', 266_528_000, '元')).toBe(2_665_280);
    expect(metricValueInUnit('fen', 266_528_000, '万元')).toBeCloseTo(266.528, 10);
    expect(metricValueInUnit('percent', 96.5, '%')).toBe(96.5);
    expect(metricValueInUnit('percent', 96.5, '个')).toBeNull();
    expect(metricValueInUnit('count', 58, '个')).toBe(58);
    expect(metricValueInUnit('count', null, '个')).toBeNull();
    expect(metricFitsUnit('fen', '%')).toBe(false);
    expect(metricFitsUnit('people', '人')).toBe(true);
  });
});

describe('self-evaluation', () => {
  it('requires a deviation reason for every indicator below target, and only for those', () => {
    const evaluation = evaluateTable(
      [
        { key: 'a', indicator: indicator('=', 58, 'deduct'), actual: 58 },
        { key: 'b', indicator: indicator('>=', 100, 'deduct', 25, '%'), actual: 95 },
        { key: 'c', indicator: indicator('>=', 96, 'all_or_nothing', 10, '%'), actual: null, reason: '  ' },
        {
          key: 'd',
          indicator: indicator('qualitative', null, 'qualitative', 30, ''),
          actual: null,
          band: 'partly',
          reason: '部分达成',
        },
      ],
      { paidFen: 90, adjustedBudgetFen: 100 },
    );
    expect(evaluation.rows.map((row) => [row.key, row.points, row.needsReason])).toEqual([
      ['a', 25, false],
      ['b', 23.75, true],
      ['c', 0, true],
      ['d', 24, true],
    ]);
    expect(evaluation.missingReasons).toEqual(['b', 'c']);
    expect(evaluation.budgetExecution).toMatchObject({ points: 9, maxPoints: 10 });
    expect(evaluation.total).toBe(81.75);
    expect(evaluation.grade).toBe('良');
    expect(evaluation.rows[3].reason).toBe('部分达成');
  });

  it('grades each band of totals', () => {
    const one = (actual: number) =>
      evaluateTable([{ key: 'x', indicator: indicator('>=', 100, 'proportional', 100), actual }]).grade;
    expect([one(100), one(90), one(89.99), one(80), one(79), one(60), one(59.99)]).toEqual([
      '优',
      '优',
      '良',
      '良',
      '中',
      '中',
      '差',
    ]);
  });

  it('shows completion as a percentage', () => {
    expect(completionPercent(0.98765)).toBe(98.77);
    expect(completionPercent(null)).toBeNull();
  });
});

describe('table versions', () => {
  it('only a draft is editable', () => {
    expect([
      isVersionEditable('draft'),
      isVersionEditable('approved'),
      isVersionEditable('superseded'),
    ]).toEqual([true, false, false]);
  });

  it('approves a table whose points total 100 with budget execution', () => {
    const rows = SEED_000_INDICATORS.map(configured);
    expect(approvalProblems(rows, 10)).toEqual([]);
    expect(approvalProblems(rows, 5).map((p) => p.code)).toEqual(['total_not_100']);
    expect(approvalProblems([], 100).map((p) => p.code)).toEqual(['empty']);
    expect(
      approvalProblems([{ ...rows[0], target: null }, ...rows.slice(1)], 10).map((p) => p.field),
    ).toEqual(['indicators.0.target']);
  });
});

describe('satisfaction surveys', () => {
  it('counts 满意 and 基本满意 as satisfied unless configured otherwise', () => {
    const counts = { ...emptyCounts(), satisfied: 20, basically_satisfied: 4, dissatisfied: 1 };
    expect(surveySatisfaction(counts)).toBe(96);
    expect(surveySatisfaction(counts, false)).toBe(80);
    expect(satisfiedAnswers(counts)).toBe(24);
    expect(satisfiedAnswers(counts, false)).toBe(20);
    expect(totalAnswers(counts)).toBe(25);
    expect(surveySatisfaction(emptyCounts())).toBeNull();
  });
});

describe('validateBinding', () => {
  const catalogue = [
    { key: 'delivery.communities_funded', unit: 'count' as const, perBudgetLine: false },
    { key: 'stipends.people_paid', unit: 'people' as const, perBudgetLine: true },
    { key: 'stipends.amount_paid', unit: 'fen' as const, perBudgetLine: true },
    { key: 'surveys.satisfaction', unit: 'percent' as const, perBudgetLine: true },
  ];
  const codes = (binding: Parameters<typeof validateBinding>[0], indicator = { nature: '>=', unit: '人' }) =>
    validateBinding(binding, indicator, catalogue, [7, 8]).map((v) => `${v.field}:${v.code}`);

  it('accepts the seed bindings', () => {
    expect(
      codes({
        kind: 'metric',
        combine: 'sum',
        terms: [
          { metric: 'stipends.people_paid', budgetLineId: 7 },
          { metric: 'stipends.people_paid', budgetLineId: 8 },
        ],
      }),
    ).toEqual([]);
    expect(
      codes(
        {
          kind: 'metric',
          combine: 'union',
          terms: [{ metric: 'delivery.communities_funded', budgetLineId: null }],
        },
        { nature: '=', unit: '个' },
      ),
    ).toEqual([]);
    expect(
      codes(
        {
          kind: 'metric',
          combine: 'sum',
          terms: [{ metric: 'stipends.amount_paid', budgetLineId: 'table' }],
        },
        { nature: '>=', unit: '元' },
      ),
    ).toEqual([]);
    expect(codes({ kind: 'manual' }, { nature: 'qualitative', unit: '' })).toEqual([]);
  });

  it.each<[string, Parameters<typeof validateBinding>[0], { nature: string; unit: string }, string[]]>([
    [
      'unknown metric',
      { kind: 'metric', combine: 'sum', terms: [{ metric: 'x.y', budgetLineId: null }] },
      { nature: '>=', unit: '人' },
      ['binding.terms.0.metric:unknown_metric'],
    ],
    [
      'line required',
      { kind: 'metric', combine: 'sum', terms: [{ metric: 'stipends.people_paid', budgetLineId: null }] },
      { nature: '>=', unit: '人' },
      ['binding.terms.0.budgetLineId:line_required'],
    ],
    [
      'line outside the table',
      { kind: 'metric', combine: 'sum', terms: [{ metric: 'stipends.people_paid', budgetLineId: 99 }] },
      { nature: '>=', unit: '人' },
      ['binding.terms.0.budgetLineId:line_not_in_table'],
    ],
    [
      'mixed units',
      {
        kind: 'metric',
        combine: 'sum',
        terms: [
          { metric: 'stipends.people_paid', budgetLineId: 7 },
          { metric: 'stipends.amount_paid', budgetLineId: 7 },
        ],
      },
      { nature: '>=', unit: '人' },
      ['binding.combine:mixed_units'],
    ],
    [
      'union of money',
      { kind: 'metric', combine: 'union', terms: [{ metric: 'stipends.amount_paid', budgetLineId: 7 }] },
      { nature: '>=', unit: '元' },
      ['binding.combine:union_not_countable'],
    ],
    [
      'unit mismatch',
      { kind: 'metric', combine: 'sum', terms: [{ metric: 'surveys.satisfaction', budgetLineId: 'table' }] },
      { nature: '>=', unit: '元' },
      ['unit:unit_mismatch'],
    ],
    [
      'qualitative bound to a metric',
      { kind: 'metric', combine: 'sum', terms: [{ metric: 'surveys.satisfaction', budgetLineId: 7 }] },
      { nature: 'qualitative', unit: '' },
      ['binding.kind:qualitative_manual'],
    ],
  ])('refuses %s', (_name, binding, indicatorShape, expected) => {
    expect(codes(binding, indicatorShape)).toEqual(expected);
  });
});
