import fc from 'fast-check';
import {
  checkPaymentRequest,
  checkTranchePlan,
  materialiseTranches,
  releasedAmount,
  type TrancheRule,
} from './tranches.js';

const Y = 100;
const advanceAndFinal: TrancheRule[] = [
  { percentBp: 7000, condition: 'on_approval' },
  { percentBp: 3000, condition: 'after_acceptance' },
];
const codes = (v: { field: string; code: string }[]) => v.map((x) => `${x.field}:${x.code}`);

describe('checkTranchePlan', () => {
  it.each<[string, TrancheRule[], string[]]>([
    ['70/30', advanceAndFinal, []],
    ['100 on acceptance', [{ percentBp: 10000, condition: 'after_acceptance' }], []],
    ['empty', [], ['tranches:TRANCHES_REQUIRED']],
    ['not 100%', [{ percentBp: 7000, condition: 'on_approval' }], ['tranches:TRANCHES_NOT_100']],
    [
      'bad percentages',
      [
        { percentBp: 0, condition: 'on_approval' },
        { percentBp: 33.3, condition: 'on_approval' },
        { percentBp: 10001, condition: 'after_acceptance' },
      ],
      [
        'tranches.0.percentBp:TRANCHE_PERCENT_INVALID',
        'tranches.1.percentBp:TRANCHE_PERCENT_INVALID',
        'tranches.2.percentBp:TRANCHE_PERCENT_INVALID',
      ],
    ],
    [
      'unknown condition',
      [{ percentBp: 10000, condition: 'whenever' as TrancheRule['condition'] }],
      ['tranches.0.condition:TRANCHE_CONDITION_INVALID'],
    ],
  ])('%s', (_name, plan, expected) => {
    expect(codes(checkTranchePlan(plan))).toEqual(expected);
  });
});

describe('materialiseTranches', () => {
  it('splits 50,000 元 70/30', () => {
    expect(materialiseTranches(50_000 * Y, advanceAndFinal)).toEqual([
      { index: 0, amount: 35_000 * Y, condition: 'on_approval' },
      { index: 1, amount: 15_000 * Y, condition: 'after_acceptance' },
    ]);
  });

  it('gives the rounding remainder to the last tranche', () => {
    const thirds: TrancheRule[] = [
      { percentBp: 3333, condition: 'on_approval' },
      { percentBp: 3333, condition: 'on_midterm_report' },
      { percentBp: 3334, condition: 'after_acceptance' },
    ];
    // 1.00 元 = 100 fen: 33, 33, 34. 0.01 元: 0, 0, 1.
    expect(materialiseTranches(100, thirds).map((t) => t.amount)).toEqual([33, 33, 34]);
    expect(materialiseTranches(1, thirds).map((t) => t.amount)).toEqual([0, 0, 1]);
    expect(materialiseTranches(0, thirds).map((t) => t.amount)).toEqual([0, 0, 0]);
  });

  it('property: amounts are non-negative integers summing to the award', () => {
    const plan = fc
      .array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 6 })
      .map((weights) => {
        const total = weights.reduce((a, b) => a + b, 0);
        const bps = weights.map((w) => Math.max(1, Math.floor((w * 10000) / total)));
        bps[bps.length - 1] += 10000 - bps.reduce((a, b) => a + b, 0);
        return bps;
      })
      .filter((bps) => bps.every((b) => b > 0));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), plan, (award, bps) => {
        const tranches = materialiseTranches(
          award,
          bps.map((percentBp) => ({ percentBp, condition: 'on_approval' as const })),
        );
        expect(tranches.reduce((a, t) => a + t.amount, 0)).toBe(award);
        for (const t of tranches) expect(Number.isSafeInteger(t.amount) && t.amount >= 0).toBe(true);
      }),
    );
  });

  it('refuses an invalid plan (a programming error)', () => {
    expect(() => materialiseTranches(100, [{ percentBp: 5000, condition: 'on_approval' }])).toThrow(
      RangeError,
    );
    expect(() => materialiseTranches(-1, advanceAndFinal)).toThrow(RangeError);
  });
});

describe('releasedAmount', () => {
  const tranches = materialiseTranches(20_000 * Y, [
    { percentBp: 5000, condition: 'on_approval' },
    { percentBp: 2000, condition: 'on_midterm_report' },
    { percentBp: 2000, condition: 'after_acceptance' },
    { percentBp: 1000, condition: 'after_supervision_evaluation' },
  ]);
  const none = { approved: false, acceptancePassed: false, supervisionPassed: false, midtermReported: false };

  it.each([
    [none, 0],
    [{ ...none, acceptancePassed: true, midtermReported: true }, 0], // nothing before approval
    [{ ...none, approved: true }, 10_000 * Y],
    [{ ...none, approved: true, midtermReported: true }, 14_000 * Y],
    [{ ...none, approved: true, acceptancePassed: true }, 14_000 * Y],
    [{ ...none, approved: true, midtermReported: true, acceptancePassed: true }, 18_000 * Y],
    [{ approved: true, midtermReported: true, acceptancePassed: true, supervisionPassed: true }, 20_000 * Y],
  ])('%j → %d', (facts, amount) => {
    expect(releasedAmount(tranches, facts)).toBe(amount);
  });
});

describe('checkPaymentRequest', () => {
  it.each([
    [{ released: 35_000 * Y, alreadyPaid: 0, requested: 35_000 * Y }, []],
    [{ released: 35_000 * Y, alreadyPaid: 10_000 * Y, requested: 25_000 * Y }, []],
    [
      { released: 35_000 * Y, alreadyPaid: 10_000 * Y, requested: 25_000 * Y + 1 },
      ['requested:PAYMENT_OVER_RELEASED'],
    ],
    [{ released: 35_000 * Y, alreadyPaid: 0, requested: 0 }, ['requested:PAYMENT_AMOUNT_INVALID']],
    [{ released: 35_000 * Y, alreadyPaid: 0, requested: -5 }, ['requested:PAYMENT_AMOUNT_INVALID']],
    [{ released: 35_000 * Y, alreadyPaid: 0, requested: 1.5 }, ['requested:PAYMENT_AMOUNT_INVALID']],
    [{ released: 0, alreadyPaid: 0, requested: 1 }, ['requested:PAYMENT_OVER_RELEASED']],
  ])('%j → %j', (input, expected) => {
    expect(codes(checkPaymentRequest(input))).toEqual(expected);
  });

  it('names the available amount in 元', () => {
    const [v] = checkPaymentRequest({ released: 35_000 * Y, alreadyPaid: 10_000 * Y, requested: 30_000 * Y });
    expect(v.zh).toBe('申请拨付金额 30,000.00 元 超过可拨付余额 25,000.00 元');
  });
});
