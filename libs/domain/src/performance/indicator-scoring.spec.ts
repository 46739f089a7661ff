import fc from 'fast-check';
import {
  DEFAULT_LEVEL1_POINTS,
  type Indicator,
  type Operator,
  type ScoringRule,
  budgetExecutionScore,
  grade,
  isMet,
  parseOperator,
  parseScoringRuleText,
  roundPoints,
  satisfactionPercent,
  satisfactionRate,
  scoreIndicator,
  scoreTable,
  splitPointsEvenly,
  validateIndicator,
} from './indicator-scoring.js';

const ind = (
  operator: Operator,
  target: number,
  rule: ScoringRule = 'proportional',
  points = 20,
  deductionPerUnit: number | null = null,
): Indicator => ({
  level1: '产出指标',
  level2: '数量指标',
  name: 'x',
  operator,
  target,
  unit: '个',
  points,
  rule,
  deductionPerUnit,
});

describe('scoreIndicator: quantitative', () => {
  it.each<
    [string, Indicator, number | null, { points: number; completionRate: number | null; met: boolean }]
  >([
    // >=
    ['≥ met exactly', ind('>=', 100), 100, { points: 20, completionRate: 1, met: true }],
    ['≥ exceeded', ind('>=', 100), 120, { points: 20, completionRate: 1.2, met: true }],
    ['≥ short: w·a/t', ind('>=', 100), 75, { points: 15, completionRate: 0.75, met: false }],
    ['≥ zero actual', ind('>=', 100), 0, { points: 0, completionRate: 0, met: false }],
    ['≥ negative actual', ind('>=', 100), -5, { points: 0, completionRate: -0.05, met: false }],
    // <=
    ['≤ met', ind('<=', 50), 40, { points: 20, completionRate: 0.8, met: true }],
    ['≤ exceeded: w·t/a', ind('<=', 50), 80, { points: 12.5, completionRate: 1.6, met: false }],
    [
      '≤ with a per-unit deduction',
      ind('<=', 50, 'proportional', 20, 2),
      53,
      { points: 14, completionRate: 1.06, met: false },
    ],
    [
      '≤ deduction floored at 0',
      ind('<=', 50, 'deduct', 20, 5),
      60,
      { points: 0, completionRate: 1.2, met: false },
    ],
    ['≤ target 0 exceeded', ind('<=', 0), 3, { points: 0, completionRate: null, met: false }],
    ['≤ target 0 met', ind('<=', 0), 0, { points: 20, completionRate: null, met: true }],
    // =
    ['= met', ind('=', 58), 58, { points: 20, completionRate: 1, met: true }],
    ['= under: w·(1 − |a−t|/t)', ind('=', 200), 150, { points: 15, completionRate: 0.75, met: false }],
    ['= over is penalised too', ind('=', 200), 250, { points: 15, completionRate: 1.25, met: false }],
    ['= far over floors at 0', ind('=', 100), 300, { points: 0, completionRate: 3, met: false }],
    [
      '= float noise still met',
      ind('=', 0.3),
      0.1 + 0.2,
      { points: 20, completionRate: 1.0000000000000002, met: true },
    ],
    // all or nothing
    [
      'all-or-nothing met',
      ind('>=', 96, 'all_or_nothing', 10),
      97.5,
      { points: 10, completionRate: 97.5 / 96, met: true },
    ],
    [
      'all-or-nothing missed by a hair',
      ind('>=', 96, 'all_or_nothing', 10),
      95.99,
      { points: 0, completionRate: 95.99 / 96, met: false },
    ],
    [
      'all-or-nothing =',
      ind('=', 184, 'all_or_nothing'),
      183,
      { points: 0, completionRate: 183 / 184, met: false },
    ],
    ['all-or-nothing ≤', ind('<=', 10, 'all_or_nothing'), 11, { points: 0, completionRate: 1.1, met: false }],
    // deduct
    [
      'deduct without a per-unit value = proportional',
      ind('>=', 100, 'deduct', 25),
      98,
      { points: 24.5, completionRate: 0.98, met: false },
    ],
    [
      'deduct 1 point per unit short (≥)',
      ind('>=', 58, 'deduct', 25, 1),
      55,
      { points: 22, completionRate: 55 / 58, met: false },
    ],
    [
      'deduct per unit (=), either side',
      ind('=', 58, 'deduct', 25, 2),
      60,
      { points: 21, completionRate: 60 / 58, met: false },
    ],
    ['deduct met', ind('>=', 58, 'deduct', 25, 2), 58, { points: 25, completionRate: 1, met: true }],
    // no actual
    ['no actual yet', ind('>=', 100), null, { points: 0, completionRate: null, met: false }],
    ['NaN actual', ind('>=', 100), NaN, { points: 0, completionRate: null, met: false }],
  ])('%s', (_name, indicator, actual, expected) => {
    const result = scoreIndicator(indicator, actual);
    expect(result.met).toBe(expected.met);
    expect(result.points).toBeCloseTo(expected.points, 10);
    if (expected.completionRate === null) expect(result.completionRate).toBeNull();
    else expect(result.completionRate).toBeCloseTo(expected.completionRate, 12);
  });

  it('product.md formulas hold for any actual (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Operator>('>=', '<=', '='),
        fc.double({ min: 0.01, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 2e6, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (operator, t, a, w) => {
          const { points, met } = scoreIndicator(ind(operator, t, 'proportional', w), a);
          expect(points).toBeGreaterThanOrEqual(0);
          expect(points).toBeLessThanOrEqual(w + 1e-9);
          if (met) expect(points).toBe(w);
          else if (operator === '>=') expect(points).toBeCloseTo((w * a) / t, 6);
          else if (operator === '<=') expect(points).toBeCloseTo((w * t) / a, 6);
          else expect(points).toBeCloseTo(w * Math.max(0, 1 - Math.abs(a - t) / t), 6);
          const all = scoreIndicator(ind(operator, t, 'all_or_nothing', w), a);
          expect(all.points).toBe(met ? w : 0);
        },
      ),
    );
  });
});

describe('scoreIndicator: qualitative bands', () => {
  const q = ind('>=', 0, 'qualitative', 10);
  it.each<[Parameters<typeof scoreIndicator>[2], number | undefined, number, boolean]>([
    ['achieved', undefined, 10, true],
    ['achieved', 1, 10, true],
    ['achieved', 0, 8, true],
    ['achieved', 0.5, 9, true],
    ['partly', undefined, 8, false],
    ['partly', 0, 6, false],
    ['partly', 0.5, 7, false],
    ['not_achieved', undefined, 6, false],
    ['not_achieved', 0, 0, false],
    ['not_achieved', 0.5, 3, false],
    ['achieved', 5, 10, false],
    ['achieved', -1, 8, false],
    [undefined, undefined, 0, false],
  ])('band %s, fraction %p → %p points', (band, fraction, points, metOverride) => {
    const result = scoreIndicator(q, null, band, fraction);
    expect(result.points).toBeCloseTo(points, 10);
    expect(result.completionRate).toBeNull();
    expect(result.met).toBe(band === 'achieved' || metOverride);
  });
});

describe('budgetExecutionScore', () => {
  it.each([
    [100_000, 100_000, 10, 10],
    [150_000, 100_000, 10, 10],
    [85_000, 100_000, 10, 8.5],
    [0, 100_000, 10, 0],
    [50_000, 0, 10, 0],
    [50_000, -1, 10, 0],
    [-5, 100, 10, 0],
    [1, 3, 10, 10 / 3],
    [266_528_000, 266_528_000, 15, 15],
  ])('paid %i of %i with %i points → %p', (paid, budget, points, expected) => {
    expect(budgetExecutionScore(paid, budget, points)).toBeCloseTo(expected, 10);
  });

  it('defaults to 10 points', () => {
    expect(budgetExecutionScore(9, 10)).toBe(9);
  });
});

describe('rounding and grades', () => {
  it.each([
    [2.675, 2.68],
    [1.005, 1.01],
    [89.995, 90],
    [89.994, 89.99],
    [10 / 3, 3.33],
    [20 / 3, 6.67],
    [NaN, 0],
  ])('roundPoints(%p) → %p', (value, expected) => {
    expect(roundPoints(value)).toBe(expected);
  });

  it.each<[number, string]>([
    [100, '优'],
    [90, '优'],
    [89.999, '优'], // rounds to 90.00
    [89.995, '优'],
    [89.994, '良'],
    [89.99, '良'],
    [80, '良'],
    [79.999, '良'],
    [79.99, '中'],
    [60, '中'],
    [59.995, '中'],
    [59.99, '差'],
    [0, '差'],
    [-3, '差'],
  ])('grade(%p) → %s', (total, expected) => {
    expect(grade(total)).toBe(expected);
  });
});

describe('satisfactionRate', () => {
  it.each<[Parameters<typeof satisfactionRate>[0], number | null]>([
    [{ satisfied: 80, basicallySatisfied: 16, dissatisfied: 4 }, 0.96],
    [{ satisfied: 1, basicallySatisfied: 0, dissatisfied: 0 }, 1],
    [{ satisfied: 0, basicallySatisfied: 0, dissatisfied: 7 }, 0],
    [{ satisfied: 0, basicallySatisfied: 0, dissatisfied: 0 }, null],
    [{ satisfied: 0, basicallySatisfied: 0, dissatisfied: 0, total: 0 }, null],
    [{ satisfied: 45, basicallySatisfied: 3, dissatisfied: 0, total: 50 }, 0.96],
    [{ satisfied: 45, basicallySatisfied: 3, dissatisfied: 2, total: 40 }, null],
    [{ satisfied: -1, basicallySatisfied: 3, dissatisfied: 2 }, null],
    [{ satisfied: 1.5, basicallySatisfied: 3, dissatisfied: 2 }, null],
  ])('%p → %p', (counts, expected) => {
    const rate = satisfactionRate(counts);
    if (expected === null) expect(rate).toBeNull();
    else expect(rate).toBeCloseTo(expected, 12);
  });

  it('can count only 满意 when configured', () => {
    expect(
      satisfactionRate(
        { satisfied: 80, basicallySatisfied: 16, dissatisfied: 4 },
        { includeBasicallySatisfied: false },
      ),
    ).toBe(0.8);
  });

  it('gives percentage points for % indicators', () => {
    expect(satisfactionPercent({ satisfied: 24, basicallySatisfied: 0, dissatisfied: 1 })).toBe(96);
    expect(satisfactionPercent({ satisfied: 0, basicallySatisfied: 0, dissatisfied: 0 })).toBeNull();
  });
});

describe('scoreTable', () => {
  it('rounds each row to 2 decimals, totals the rounded rows, grades the total', () => {
    const table = scoreTable(
      [
        { indicator: ind('>=', 3, 'proportional', 50), actual: 2 }, // 33.333… → 33.33
        { indicator: ind('>=', 98, 'deduct', 30), actual: 97 }, // 29.6938… → 29.69
        { indicator: ind('>=', 96, 'all_or_nothing', 10), actual: 96 }, // 10
      ],
      { budgetExecution: { paidFen: 2, adjustedBudgetFen: 3 } }, // 6.666… → 6.67
    );
    expect(table.rows.map((r) => r.points)).toEqual([33.33, 29.69, 10]);
    expect(table.rows.map((r) => r.maxPoints)).toEqual([50, 30, 10]);
    expect(table.budgetExecution).toMatchObject({ points: 6.67, maxPoints: 10 });
    expect(table.budgetExecution?.rate).toBeCloseTo(2 / 3, 12);
    expect(table.total).toBe(79.69);
    expect(table.maxTotal).toBe(100);
    expect(table.grade).toBe('中');
  });

  it('a full table scores 100 and 优', () => {
    const table = scoreTable(
      [
        { indicator: ind('=', 58, 'deduct', 25), actual: 58 },
        { indicator: ind('>=', 100, 'deduct', 25), actual: 100 },
        { indicator: ind('>=', 98, 'deduct', 30), actual: 99 },
        { indicator: ind('>=', 100, 'deduct', 10), actual: 100 },
      ],
      { budgetExecution: { paidFen: 41_130_000, adjustedBudgetFen: 41_130_000 } },
    );
    expect(table.total).toBe(100);
    expect(table.grade).toBe('优');
  });

  it('without budget execution the table has no budget row', () => {
    const table = scoreTable([
      { indicator: ind('>=', 10, 'qualitative', 10), actual: null, band: 'partly', bandFraction: 0.5 },
    ]);
    // Grades are on absolute points (a full table is out of 100), not on total ÷ maxTotal.
    expect(table).toMatchObject({ budgetExecution: null, total: 7, maxTotal: 10, grade: '差' });
  });

  it('the total is always the sum of the printed rows (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom<Operator>('>=', '<=', '='),
            fc.integer({ min: 1, max: 1000 }),
            fc.integer({ min: 0, max: 2000 }),
            fc.integer({ min: 0, max: 5000 }).map((n) => n / 100),
          ),
          { maxLength: 12 },
        ),
        (rows) => {
          const table = scoreTable(
            rows.map(([op, t, a, w]) => ({ indicator: ind(op, t, 'proportional', w), actual: a })),
          );
          const cents = table.rows.reduce((sum, r) => sum + Math.round(r.points * 100), 0);
          expect(Math.round(table.total * 100)).toBe(cents);
          for (const r of table.rows) expect(roundPoints(r.points)).toBe(r.points);
        },
      ),
    );
  });
});

describe('helpers', () => {
  it('splits level-1 points evenly in 2-decimal shares that add up', () => {
    expect(splitPointsEvenly(50, 2)).toEqual([25, 25]);
    expect(splitPointsEvenly(50, 3)).toEqual([16.67, 16.67, 16.66]);
    expect(splitPointsEvenly(30, 1)).toEqual([30]);
    expect(splitPointsEvenly(10, 0)).toEqual([]);
    expect(DEFAULT_LEVEL1_POINTS).toEqual({ 产出指标: 50, 效益指标: 30, 满意度指标: 10, 预算执行率: 10 });
  });

  it.each([
    ['=', '='],
    ['>=', '>='],
    ['≥', '>='],
    ['＞＝', '>='],
    ['<=', '<='],
    ['≤', '<='],
    ['>', null],
  ])('parseOperator(%s) → %p', (text, expected) => {
    expect(parseOperator(text)).toBe(expected);
  });

  it.each([
    ['完不成扣分', 'deduct'],
    ['达标得满分，否则根据完成比例评分', 'proportional'],
    ['达标得满分，否则根据完成比例评分。', 'proportional'],
    ['达标得满分，否则不得分。', 'all_or_nothing'],
    ['定性评价', 'qualitative'],
    ['', null],
    ['看情况', null],
  ])('parseScoringRuleText(%s) → %p', (text, expected) => {
    expect(parseScoringRuleText(text)).toBe(expected);
  });

  it('isMet', () => {
    expect(isMet('>=', 96, 96)).toBe(true);
    expect(isMet('<=', 96.0001, 96)).toBe(false);
    expect(isMet('=', 184, 184)).toBe(true);
  });

  it.each<[string, Partial<Indicator>, string[]]>([
    ['valid', {}, []],
    ['empty name', { name: ' ' }, ['name:required']],
    ['negative points', { points: -1 }, ['points:invalid_points']],
    ['zero proportional target', { target: 0 }, ['target:target_not_positive']],
    ['NaN target', { target: NaN }, ['target:invalid_target']],
    ['bad deduction', { deductionPerUnit: 0 }, ['deductionPerUnit:invalid_deduction']],
    ['bad operator', { operator: '>' as Operator }, ['operator:invalid_operator']],
  ])('validateIndicator: %s', (_name, overrides, expected) => {
    expect(validateIndicator({ ...ind('>=', 10), ...overrides }).map((v) => `${v.field}:${v.code}`)).toEqual(
      expected,
    );
  });
});
