import {
  districtLines,
  districtTotal,
  funnel,
  passRate,
  streetLines,
  streetMonths,
  streets,
} from './dashboard-assembly.js';

const YUAN = 100;

const lines = [
  {
    budgetLineId: 1,
    name: '民生小实事',
    programme: '社会治理工作经费',
    budgetFen: 126_300 * YUAN,
    adjustmentsFen: 3_700 * YUAN,
    committedFen: 108_000 * YUAN,
    paidFen: 46_800 * YUAN,
  },
  {
    budgetLineId: 4,
    name: '生活补贴',
    programme: '离任村干部生活补助',
    budgetFen: 665_280 * YUAN,
    adjustmentsFen: 0,
    committedFen: 0,
    paidFen: 0,
  },
];

const money = {
  awards: [
    { streetId: 10, budgetLineId: 1, awards: 3, amountFen: 108_000 * YUAN },
    { streetId: 20, budgetLineId: 1, awards: 0, amountFen: 0 },
  ],
  payments: [
    { streetId: 10, budgetLineId: 1, paidFen: 46_800 * YUAN },
    // The district's own spending reaches no street.
    { streetId: null, budgetLineId: 1, paidFen: 15_000 * YUAN },
  ],
  stipends: [{ streetId: 20, budgetLineId: 4, committedFen: 1_980 * YUAN, paidFen: 1_980 * YUAN }],
};

describe('dashboard assembly', () => {
  it('gives the district each line’s ledger and their sum', () => {
    expect(districtLines(lines)[0]).toEqual({
      budgetLineId: 1,
      name: '民生小实事',
      programme: '社会治理工作经费',
      adjustedBudgetFen: 130_000 * YUAN,
      committedFen: 108_000 * YUAN,
      paidFen: 46_800 * YUAN,
      executionRateBp: 3600,
    });
    expect(districtTotal(lines)).toEqual({
      budgetFen: 791_580 * YUAN,
      adjustmentsFen: 3_700 * YUAN,
      adjustedBudgetFen: 795_280 * YUAN,
      committedFen: 108_000 * YUAN,
      paidFen: 46_800 * YUAN,
      availableFen: 687_280 * YUAN,
      executionRateBp: 588, // 46,800 ÷ 795,280 = 5.88…%
    });
    expect(districtTotal([])).toMatchObject({ adjustedBudgetFen: 0, executionRateBp: 0 });
  });

  it('gives a street only the lines that reached it, without the district’s budget', () => {
    const street10 = { ...money, stipends: [] };
    expect(streetLines(lines, street10)).toEqual([
      {
        budgetLineId: 1,
        name: '民生小实事',
        programme: '社会治理工作经费',
        adjustedBudgetFen: null,
        committedFen: 108_000 * YUAN,
        paidFen: 46_800 * YUAN,
        executionRateBp: null,
      },
    ]);
  });

  it('adds awards, payments and stipends per street, leaving out money of no street', () => {
    const rows = streets(
      [
        { id: 10, name: '龙城街道' },
        { id: 20, name: '斗南街道' },
        { id: 30, name: '七甸街道' },
      ],
      money,
      [{ streetId: 10, projects: 3, inDelivery: 1, accepted: 2, acceptedFen: 72_000 * YUAN }],
    );
    expect(rows).toEqual([
      {
        streetId: 10,
        name: '龙城街道',
        committedFen: 108_000 * YUAN,
        paidFen: 46_800 * YUAN,
        projects: 3,
        projectsAccepted: 2,
      },
      {
        streetId: 20,
        name: '斗南街道',
        committedFen: 1_980 * YUAN,
        paidFen: 1_980 * YUAN,
        projects: 0,
        projectsAccepted: 0,
      },
      { streetId: 30, name: '七甸街道', committedFen: 0, paidFen: 0, projects: 0, projectsAccepted: 0 },
    ]);
  });

  it('merges a street’s payments and stipends by month, in order', () => {
    expect(
      streetMonths(
        [
          { month: '2026-11', paidFen: 300 },
          { month: '2026-03', paidFen: 100 },
        ],
        [{ month: '2026-11', paidFen: 50 }],
      ),
    ).toEqual([
      { month: '2026-03', committedFen: null, paidFen: 100 },
      { month: '2026-11', committedFen: null, paidFen: 350 },
    ]);
  });

  it('builds the funnel stages with their money, and the pass rate in basis points', () => {
    const stages = funnel(
      {
        submitted: { count: 4, requestedFen: 144_000 * YUAN },
        screened: { count: 3, requestedFen: 108_000 * YUAN },
        scored: { count: 3, requestedFen: 108_000 * YUAN },
        approved: { count: 3 },
      },
      money.awards,
      [{ streetId: 10, projects: 3, inDelivery: 1, accepted: 2, acceptedFen: 72_000 * YUAN }],
      { paidInFull: 1, paidFen: 46_800 * YUAN },
    );
    expect(stages.map((stage) => [stage.stage, stage.count, stage.amountFen / YUAN])).toEqual([
      ['submitted', 4, 144_000],
      ['screened', 3, 108_000],
      ['scored', 3, 108_000],
      ['awarded', 3, 108_000],
      ['accepted', 2, 72_000],
      ['paid', 1, 46_800],
    ]);
    expect(passRate({ inspected: 3, passed: 2, firstPassed: 1 })).toEqual({
      inspected: 3,
      passed: 2,
      firstPassed: 1,
      rateBp: 6666,
      firstRateBp: 3333,
    });
    expect(passRate({ inspected: 0, passed: 0, firstPassed: 0 })).toMatchObject({
      rateBp: null,
      firstRateBp: null,
    });
  });
});
