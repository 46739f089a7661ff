import fc from 'fast-check';
import {
  executionRateBp,
  ledgerBalanced,
  ledgerFigures,
  ledgerMovement,
  monthlyRunningTotals,
  rateBp,
  sumLedgerTotals,
} from './ledger.js';

describe('rateBp', () => {
  it.each([
    [0, 100, 0],
    [1, 3, 3333],
    [2, 3, 6666],
    [126_300_00, 126_300_00, 10_000],
    [5, 0, null],
    [5, -1, null],
    [-1, 3, -3334],
  ])('%d / %d → %s bp', (numerator, denominator, expected) => {
    expect(rateBp(numerator, denominator)).toBe(expected);
  });

  it('is exact beyond the safe-integer product (bigint path)', () => {
    const big = Number.MAX_SAFE_INTEGER - 1;
    expect(rateBp(big, big)).toBe(10_000);
    expect(rateBp(big, 3)).toBe(Number((BigInt(big) * 10_000n) / 3n));
  });

  it('never rounds up: rate × denominator ≤ numerator × 10000', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 1, max: 1e12 }), (n, d) => {
        // Checked in bigint: the products pass 2^53.
        const rate = BigInt(rateBp(n, d)!);
        expect(rate * BigInt(d) <= BigInt(n) * 10_000n).toBe(true);
        expect((rate + 1n) * BigInt(d) > BigInt(n) * 10_000n).toBe(true);
      }),
    );
  });

  it('refuses fractional amounts', () => {
    expect(() => rateBp(1.5, 3)).toThrow(RangeError);
  });
});

describe('ledgerFigures', () => {
  it('derives the adjusted budget, available, unpaid and the rates (seed 000 livelihood line)', () => {
    const figures = ledgerFigures({
      budgetFen: 12_630_000,
      adjustmentsFen: -630_000,
      committedFen: 9_000_000,
      paidFen: 3_000_000,
    });
    expect(figures).toEqual({
      budgetFen: 12_630_000,
      adjustmentsFen: -630_000,
      committedFen: 9_000_000,
      paidFen: 3_000_000,
      adjustedBudgetFen: 12_000_000,
      availableFen: 3_000_000,
      unpaidFen: 6_000_000,
      executionRateBp: 2500,
      commitmentRateBp: 7500,
    });
  });

  it('shows 0% for a line without a budget', () => {
    expect(executionRateBp(0, 0)).toBe(0);
    expect(
      ledgerFigures({ budgetFen: 0, adjustmentsFen: 0, committedFen: 0, paidFen: 0 }).executionRateBp,
    ).toBe(0);
  });

  it('sums lines', () => {
    const lines = [
      { budgetFen: 100, adjustmentsFen: 10, committedFen: 50, paidFen: 20 },
      { budgetFen: 200, adjustmentsFen: -10, committedFen: 150, paidFen: 150 },
    ];
    expect(sumLedgerTotals(lines)).toEqual({
      budgetFen: 300,
      adjustmentsFen: 0,
      committedFen: 200,
      paidFen: 170,
    });
    expect(sumLedgerTotals([])).toEqual({ budgetFen: 0, adjustmentsFen: 0, committedFen: 0, paidFen: 0 });
  });
});

describe('monthlyRunningTotals', () => {
  it('fills the twelve months and carries the running total', () => {
    const months = monthlyRunningTotals(2026, [
      { month: '2025-12', amountFen: 5 },
      { month: '2026-03', amountFen: 100 },
      { month: '2026-03', amountFen: 1 },
      { month: '2026-10', amountFen: 50 },
      { month: '2027-01', amountFen: 999 },
    ]);
    expect(months).toHaveLength(12);
    expect(months[0]).toEqual({ month: '2026-01', amountFen: 0, cumulativeFen: 5 });
    expect(months[2]).toEqual({ month: '2026-03', amountFen: 101, cumulativeFen: 106 });
    expect(months[11]).toEqual({ month: '2026-12', amountFen: 0, cumulativeFen: 156 });
  });
});

describe('ledgerMovement', () => {
  const totals = { adjustmentsFen: 0, committedFen: 500, paidFen: 200 };
  it.each([
    ['adjustment', -300, { adjustmentsFen: -300, committedFen: 500, paidFen: 200 }, -300],
    ['commitment', 100, { adjustmentsFen: 0, committedFen: 600, paidFen: 200 }, 100],
    ['decommitment', 100, { adjustmentsFen: 0, committedFen: 400, paidFen: 200 }, -100],
    ['payment', 50, { adjustmentsFen: 0, committedFen: 500, paidFen: 250 }, 50],
    ['payment_reversal', 50, { adjustmentsFen: 0, committedFen: 500, paidFen: 150 }, -50],
  ] as const)('%s of %d', (kind, amount, expected, delta) => {
    expect(ledgerMovement(totals, kind, amount)).toEqual({ totals: expected, deltaFen: delta });
  });

  it('refuses a non-positive amount except for an adjustment, and fractions of a fen', () => {
    expect(() => ledgerMovement(totals, 'payment', 0)).toThrow(RangeError);
    expect(() => ledgerMovement(totals, 'commitment', -1)).toThrow(RangeError);
    expect(() => ledgerMovement(totals, 'adjustment', 0.5)).toThrow(RangeError);
  });

  it('keeps a line balanced: committed within the adjusted budget, paid within committed', () => {
    expect(ledgerBalanced(1000, totals)).toBe(true);
    expect(ledgerBalanced(1000, ledgerMovement(totals, 'commitment', 501).totals)).toBe(false);
    expect(ledgerBalanced(1000, ledgerMovement(totals, 'payment', 301).totals)).toBe(false);
    expect(ledgerBalanced(1000, ledgerMovement(totals, 'adjustment', -501).totals)).toBe(false);
    expect(ledgerBalanced(1000, ledgerMovement(totals, 'decommitment', 301).totals)).toBe(false);
  });
});
