import fc from 'fast-check';
import { fromDayNumber, formatYmd } from './calendar-date.js';
import {
  DEFAULT_MONTH_RULE,
  DEMO_RETIREE_MONTHLY_RATES_FEN,
  MONTH_RULES,
  type MonthRule,
  type StipendPeriod,
  type StipendPerson,
  batchTotal,
  eligibleMonths,
  quarterAmount,
  quarterMonths,
  quarterOf,
  validateStipendPerson,
} from './proration.js';

const NEXT: MonthRule = 'start_next_month_end_month_inclusive';
const FIRST: MonthRule = 'whole_month_if_active_on_first_day';
const ANY: MonthRule = 'month_counts_if_active_any_day';

describe('quarters', () => {
  it.each([
    ['2026-01-01', 2026, 1],
    ['2026-03-31', 2026, 1],
    ['2026-04-01', 2026, 2],
    ['2026-06-30', 2026, 2],
    ['2026-07-01', 2026, 3],
    ['2026-09-30', 2026, 3],
    ['2026-10-01', 2026, 4],
    ['2026-12-31', 2026, 4],
  ])('quarterOf(%s) → %i Q%i', (date, year, quarter) => {
    expect(quarterOf(date)).toEqual({ year, quarter });
  });

  it('quarterOf rejects invalid dates without throwing', () => {
    expect(quarterOf('2026-02-30')).toBeNull();
    expect(quarterOf('')).toBeNull();
  });

  it.each([
    [1, ['2026-01', '2026-02', '2026-03']],
    [2, ['2026-04', '2026-05', '2026-06']],
    [3, ['2026-07', '2026-08', '2026-09']],
    [4, ['2026-10', '2026-11', '2026-12']],
  ])('quarterMonths(2026, %i)', (quarter, months) => {
    expect(quarterMonths(2026, quarter)).toEqual(months);
  });

  it.each([0, 5, 1.5, NaN])('quarterMonths with quarter %p → []', (quarter) => {
    expect(quarterMonths(2026, quarter)).toEqual([]);
  });

  it('the default rule is start-next-month, end-month-inclusive', () => {
    expect(DEFAULT_MONTH_RULE).toBe(NEXT);
  });
});

describe('eligibleMonths', () => {
  type Case = [string, StipendPeriod, number, number, Record<MonthRule, string[]>];
  const cases: Case[] = [
    [
      'active all year',
      { eligibleFrom: '2020-05-10', eligibleUntil: null },
      2026,
      1,
      {
        [NEXT]: ['2026-01', '2026-02', '2026-03'],
        [FIRST]: ['2026-01', '2026-02', '2026-03'],
        [ANY]: ['2026-01', '2026-02', '2026-03'],
      },
    ],
    [
      'starts mid-quarter, mid-month',
      { eligibleFrom: '2026-02-15', eligibleUntil: null },
      2026,
      1,
      { [NEXT]: ['2026-03'], [FIRST]: ['2026-03'], [ANY]: ['2026-02', '2026-03'] },
    ],
    [
      'starts on the first of a month',
      { eligibleFrom: '2026-02-01', eligibleUntil: null },
      2026,
      1,
      { [NEXT]: ['2026-03'], [FIRST]: ['2026-02', '2026-03'], [ANY]: ['2026-02', '2026-03'] },
    ],
    [
      'dies mid-month: the month of death is paid',
      { eligibleFrom: '2019-01-01', eligibleUntil: '2026-05-10' },
      2026,
      2,
      { [NEXT]: ['2026-04', '2026-05'], [FIRST]: ['2026-04', '2026-05'], [ANY]: ['2026-04', '2026-05'] },
    ],
    [
      'removal effective on the 1st (active that day, inclusive end)',
      { eligibleFrom: '2019-01-01', eligibleUntil: '2026-05-01' },
      2026,
      2,
      { [NEXT]: ['2026-04', '2026-05'], [FIRST]: ['2026-04', '2026-05'], [ANY]: ['2026-04', '2026-05'] },
    ],
    [
      'removal "from 1 May" recorded as its last active day, 30 April',
      { eligibleFrom: '2019-01-01', eligibleUntil: '2026-04-30' },
      2026,
      2,
      { [NEXT]: ['2026-04'], [FIRST]: ['2026-04'], [ANY]: ['2026-04'] },
    ],
    [
      'starts 31 March, Q1',
      { eligibleFrom: '2026-03-31', eligibleUntil: null },
      2026,
      1,
      { [NEXT]: [], [FIRST]: [], [ANY]: ['2026-03'] },
    ],
    [
      'starts 31 March, Q2',
      { eligibleFrom: '2026-03-31', eligibleUntil: null },
      2026,
      2,
      {
        [NEXT]: ['2026-04', '2026-05', '2026-06'],
        [FIRST]: ['2026-04', '2026-05', '2026-06'],
        [ANY]: ['2026-04', '2026-05', '2026-06'],
      },
    ],
    [
      'starts 1 April, Q2',
      { eligibleFrom: '2026-04-01', eligibleUntil: null },
      2026,
      2,
      {
        [NEXT]: ['2026-05', '2026-06'],
        [FIRST]: ['2026-04', '2026-05', '2026-06'],
        [ANY]: ['2026-04', '2026-05', '2026-06'],
      },
    ],
    [
      'ends 31 March, Q1 paid in full',
      { eligibleFrom: '2018-07-01', eligibleUntil: '2026-03-31' },
      2026,
      1,
      {
        [NEXT]: ['2026-01', '2026-02', '2026-03'],
        [FIRST]: ['2026-01', '2026-02', '2026-03'],
        [ANY]: ['2026-01', '2026-02', '2026-03'],
      },
    ],
    [
      'ends 31 March, nothing in Q2',
      { eligibleFrom: '2018-07-01', eligibleUntil: '2026-03-31' },
      2026,
      2,
      { [NEXT]: [], [FIRST]: [], [ANY]: [] },
    ],
    [
      'ends 1 April, April paid',
      { eligibleFrom: '2018-07-01', eligibleUntil: '2026-04-01' },
      2026,
      2,
      { [NEXT]: ['2026-04'], [FIRST]: ['2026-04'], [ANY]: ['2026-04'] },
    ],
    [
      'leap year: starts 29 Feb 2024',
      { eligibleFrom: '2024-02-29', eligibleUntil: null },
      2024,
      1,
      { [NEXT]: ['2024-03'], [FIRST]: ['2024-03'], [ANY]: ['2024-02', '2024-03'] },
    ],
    [
      'leap year: dies 29 Feb 2024',
      { eligibleFrom: '2015-01-01', eligibleUntil: '2024-02-29' },
      2024,
      1,
      { [NEXT]: ['2024-01', '2024-02'], [FIRST]: ['2024-01', '2024-02'], [ANY]: ['2024-01', '2024-02'] },
    ],
    [
      'suspended months are skipped',
      { eligibleFrom: '2020-01-01', eligibleUntil: null, suspendedMonths: ['2026-08', '2025-08'] },
      2026,
      3,
      { [NEXT]: ['2026-07', '2026-09'], [FIRST]: ['2026-07', '2026-09'], [ANY]: ['2026-07', '2026-09'] },
    ],
    [
      'period ends before the quarter',
      { eligibleFrom: '2019-01-01', eligibleUntil: '2025-11-20' },
      2026,
      1,
      { [NEXT]: [], [FIRST]: [], [ANY]: [] },
    ],
    [
      'period starts after the quarter',
      { eligibleFrom: '2026-07-01', eligibleUntil: null },
      2026,
      2,
      { [NEXT]: [], [FIRST]: [], [ANY]: [] },
    ],
    [
      'starts and ends in the same month',
      { eligibleFrom: '2026-10-05', eligibleUntil: '2026-10-25' },
      2026,
      4,
      { [NEXT]: [], [FIRST]: [], [ANY]: ['2026-10'] },
    ],
  ];

  describe.each(cases)('%s', (_name, period, year, quarter, expected) => {
    it.each(MONTH_RULES.map((rule) => [rule]))('%s', (rule) => {
      expect(eligibleMonths(period, year, quarter, rule)).toEqual(expected[rule]);
    });
  });

  it('uses the default rule when none is given', () => {
    expect(eligibleMonths({ eligibleFrom: '2026-04-01', eligibleUntil: null }, 2026, 2)).toEqual([
      '2026-05',
      '2026-06',
    ]);
  });
});

describe('validation (never throws)', () => {
  it.each<[string, StipendPeriod & { monthlyRate?: number }, string[]]>([
    ['valid', { eligibleFrom: '2026-01-01', eligibleUntil: null, monthlyRate: 66000 }, []],
    ['bad start', { eligibleFrom: '2026-02-30', eligibleUntil: null }, ['eligibleFrom:invalid_date']],
    ['bad end', { eligibleFrom: '2026-01-01', eligibleUntil: '2026/3/1' }, ['eligibleUntil:invalid_date']],
    [
      'end before start',
      { eligibleFrom: '2026-05-01', eligibleUntil: '2026-04-30' },
      ['eligibleUntil:until_before_from'],
    ],
    [
      'bad suspended month',
      { eligibleFrom: '2026-01-01', eligibleUntil: null, suspendedMonths: ['2026-02', '2026-2'] },
      ['suspendedMonths[1]:invalid_month'],
    ],
    [
      'fractional fen',
      { eligibleFrom: '2026-01-01', eligibleUntil: null, monthlyRate: 660.5 },
      ['monthlyRate:invalid_amount'],
    ],
    [
      'negative rate',
      { eligibleFrom: '2026-01-01', eligibleUntil: null, monthlyRate: -1 },
      ['monthlyRate:invalid_amount'],
    ],
  ])('%s', (_name, person, expected) => {
    const violations = validateStipendPerson(person);
    expect(violations.map((v) => `${v.field}:${v.code}`)).toEqual(expected);
    for (const v of violations) {
      expect(v.zh.length).toBeGreaterThan(0);
      expect(v.en.length).toBeGreaterThan(0);
    }
  });

  it('an invalid person is paid nothing', () => {
    const person = { eligibleFrom: '2026-01-01', eligibleUntil: '2025-01-01', monthlyRate: 66000 };
    expect(eligibleMonths(person, 2026, 1)).toEqual([]);
    expect(quarterAmount(person, 2026, 1)).toEqual({ months: [], amount: 0 });
  });
});

describe('quarterAmount and batchTotal', () => {
  it('pays whole months at the monthly rate, in fen', () => {
    expect(
      quarterAmount({ eligibleFrom: '2026-02-15', eligibleUntil: null, monthlyRate: 72_000 }, 2026, 1),
    ).toEqual({ months: ['2026-03'], amount: 72_000 });
  });

  it('sums a batch and lists invalid people separately', () => {
    const people: StipendPerson[] = [
      { eligibleFrom: '2020-01-01', eligibleUntil: null, monthlyRate: 66_000 },
      { eligibleFrom: '2020-01-01', eligibleUntil: '2026-02-10', monthlyRate: 70_000 },
      { eligibleFrom: 'bad', eligibleUntil: null, monthlyRate: 60_000 },
      { eligibleFrom: '2027-01-01', eligibleUntil: null, monthlyRate: 60_000 },
    ];
    const batch = batchTotal(people, 2026, 1);
    expect(batch.total).toBe(3 * 66_000 + 2 * 70_000);
    expect(batch.personMonths).toBe(5);
    expect(batch.lines.map((l) => [l.index, l.amount])).toEqual([
      [0, 198_000],
      [1, 140_000],
      [3, 0],
    ]);
    expect(batch.invalid.map((i) => i.index)).toEqual([2]);
  });

  it('seed 002: 84 people averaging 660 元/month → 166,320 元 a quarter, 665,280 元 a year', () => {
    const rates = DEMO_RETIREE_MONTHLY_RATES_FEN;
    expect(rates).toHaveLength(84);
    expect(rates.every((r) => Number.isSafeInteger(r) && r % 100 === 0)).toBe(true);
    expect(new Set(rates)).toEqual(new Set([60_000, 65_000, 70_000, 72_000]));
    const monthly = rates.reduce((sum, r) => sum + r, 0);
    expect(monthly).toBe(84 * 66_000);
    expect(monthly / 84).toBe(66_000);

    const people = rates.map((monthlyRate) => ({
      eligibleFrom: '2018-06-30',
      eligibleUntil: null,
      monthlyRate,
    }));
    const quarters = [1, 2, 3, 4].map((q) => batchTotal(people, 2026, q).total);
    expect(quarters).toEqual([16_632_000, 16_632_000, 16_632_000, 16_632_000]); // 166,320 元
    expect(quarters.reduce((a, b) => a + b, 0)).toBe(66_528_000); // 665,280 元
  });
});

describe('properties', () => {
  const date = fc.integer({ min: 17_000, max: 21_500 }).map((n) => formatYmd(fromDayNumber(n)));
  const period = fc.tuple(date, fc.option(date, { nil: null })).map(([a, b]): StipendPeriod => {
    if (b === null) return { eligibleFrom: a, eligibleUntil: null };
    return a <= b ? { eligibleFrom: a, eligibleUntil: b } : { eligibleFrom: b, eligibleUntil: a };
  });
  const yearQuarter = fc.tuple(fc.integer({ min: 2016, max: 2028 }), fc.integer({ min: 1, max: 4 }));

  it('start-next-month ⊆ active-on-first-day ⊆ active-any-day', () => {
    fc.assert(
      fc.property(period, yearQuarter, (p, [year, quarter]) => {
        const next = eligibleMonths(p, year, quarter, NEXT);
        const first = eligibleMonths(p, year, quarter, FIRST);
        const any = eligibleMonths(p, year, quarter, ANY);
        expect(next.every((m) => first.includes(m))).toBe(true);
        expect(first.every((m) => any.includes(m))).toBe(true);
      }),
    );
  });

  it('amount = paid months × rate, and a batch total is the sum of its lines', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(period, fc.integer({ min: 0, max: 500_000 })), { maxLength: 20 }),
        yearQuarter,
        fc.constantFrom(...MONTH_RULES),
        (rows, [year, quarter], rule) => {
          const people = rows.map(([p, monthlyRate]) => ({ ...p, monthlyRate }));
          const batch = batchTotal(people, year, quarter, rule);
          let sum = 0;
          people.forEach((person, i) => {
            const { months, amount } = quarterAmount(person, year, quarter, rule);
            expect(amount).toBe(months.length * person.monthlyRate);
            expect(batch.lines[i].amount).toBe(amount);
            sum += amount;
          });
          expect(batch.total).toBe(sum);
          expect(Number.isSafeInteger(batch.total)).toBe(true);
        },
      ),
    );
  });

  it('a year paid in full under every rule is 12 months when active throughout', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2030 }), fc.constantFrom(...MONTH_RULES), (year, rule) => {
        const p = { eligibleFrom: `${year - 1}-01-01`, eligibleUntil: `${year + 1}-01-01` };
        const months = [1, 2, 3, 4].flatMap((q) => eligibleMonths(p, year, q, rule));
        expect(months).toHaveLength(12);
      }),
    );
  });
});
