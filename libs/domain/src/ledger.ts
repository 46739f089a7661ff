/**
 * Ledger arithmetic of a budget line (product.md): budget ± adjustments = committed + available;
 * committed = awards + direct expenditures (+ stipend batches); paid ≤ committed. The execution
 * rate (预算执行率) is paid ÷ adjusted budget. Amounts are integer fen; rates are basis points
 * (1% = 100 bp), rounded down so that a line never shows 100% before it is fully paid.
 */

export interface LedgerTotals {
  budgetFen: number;
  adjustmentsFen: number;
  committedFen: number;
  paidFen: number;
}

export interface LedgerFigures extends LedgerTotals {
  /** budget + adjustments */
  adjustedBudgetFen: number;
  /** adjusted budget − committed */
  availableFen: number;
  /** committed − paid: promised but not yet paid out */
  unpaidFen: number;
  /** paid ÷ adjusted budget, basis points; 0 when there is no budget */
  executionRateBp: number;
  /** committed ÷ adjusted budget, basis points; 0 when there is no budget */
  commitmentRateBp: number;
}

/**
 * numerator ÷ denominator in basis points, rounded down; null when the denominator is not
 * positive (no base to compare against). Exact for any safe-integer operands.
 */
export function rateBp(numerator: number, denominator: number): number | null {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator)) {
    throw new RangeError(`rate of non-integer amounts: ${numerator} / ${denominator}`);
  }
  if (denominator <= 0) return null;
  const scaled = numerator * 10_000;
  if (Number.isSafeInteger(scaled)) return Math.floor(scaled / denominator);
  // Beyond 2^53 the product loses digits: divide in bigint, which truncates, then floor.
  const product = BigInt(numerator) * 10_000n;
  const quotient = product / BigInt(denominator);
  return Number(product < 0n && product % BigInt(denominator) !== 0n ? quotient - 1n : quotient);
}

/** 预算执行率 in basis points: paid ÷ adjusted budget, 0 without a budget. */
export function executionRateBp(paidFen: number, adjustedBudgetFen: number): number {
  return rateBp(paidFen, adjustedBudgetFen) ?? 0;
}

/** Everything a dashboard shows about a line (or a sum of lines) from its four running totals. */
export function ledgerFigures(totals: LedgerTotals): LedgerFigures {
  const adjustedBudgetFen = totals.budgetFen + totals.adjustmentsFen;
  return {
    ...totals,
    adjustedBudgetFen,
    availableFen: adjustedBudgetFen - totals.committedFen,
    unpaidFen: totals.committedFen - totals.paidFen,
    executionRateBp: executionRateBp(totals.paidFen, adjustedBudgetFen),
    commitmentRateBp: rateBp(totals.committedFen, adjustedBudgetFen) ?? 0,
  };
}

/** The sum of several lines' totals (a programme, a district). */
export function sumLedgerTotals(lines: readonly LedgerTotals[]): LedgerTotals {
  const total: LedgerTotals = { budgetFen: 0, adjustmentsFen: 0, committedFen: 0, paidFen: 0 };
  for (const line of lines) {
    total.budgetFen += line.budgetFen;
    total.adjustmentsFen += line.adjustmentsFen;
    total.committedFen += line.committedFen;
    total.paidFen += line.paidFen;
  }
  for (const value of Object.values(total)) {
    if (!Number.isSafeInteger(value)) throw new RangeError('ledger total exceeds the safe-integer range');
  }
  return total;
}

export interface MonthAmount {
  /** 'YYYY-MM' */
  month: string;
  amountFen: number;
}

/**
 * The twelve months of `year`, each with its amount and the running total since the start of the
 * year (amounts dated before the year count into January's running total, after it are left out).
 * Months missing from `amounts` are 0.
 */
export function monthlyRunningTotals(
  year: number,
  amounts: readonly MonthAmount[],
): Array<{ month: string; amountFen: number; cumulativeFen: number }> {
  const first = `${year}-01`;
  let running = amounts.filter((row) => row.month < first).reduce((sum, row) => sum + row.amountFen, 0);
  const byMonth = new Map<string, number>();
  for (const row of amounts) byMonth.set(row.month, (byMonth.get(row.month) ?? 0) + row.amountFen);
  return Array.from({ length: 12 }, (_, index) => {
    const month = `${year}-${String(index + 1).padStart(2, '0')}`;
    const amountFen = byMonth.get(month) ?? 0;
    running += amountFen;
    return { month, amountFen, cumulativeFen: running };
  });
}

// ---------------------------------------------------------------------------------------------
// Ledger movements: which running total each kind of entry moves, and in which direction.

export type LedgerKind = 'adjustment' | 'commitment' | 'decommitment' | 'payment' | 'payment_reversal';

/** A line's three running totals (the budget itself never moves; adjustments carry the changes). */
export interface RunningTotals {
  adjustmentsFen: number;
  committedFen: number;
  paidFen: number;
}

const MOVES: Record<LedgerKind, { total: keyof RunningTotals; sign: 1 | -1 }> = {
  adjustment: { total: 'adjustmentsFen', sign: 1 },
  commitment: { total: 'committedFen', sign: 1 },
  decommitment: { total: 'committedFen', sign: -1 },
  payment: { total: 'paidFen', sign: 1 },
  payment_reversal: { total: 'paidFen', sign: -1 },
};

/**
 * A movement on a line: the new running totals and the signed effect (what the ledger entry
 * stores, so that totals are plain sums of entries). Adjustments are signed by nature; every other
 * kind carries a positive amount, anything else is a programming error (RangeError).
 */
export function ledgerMovement(
  totals: RunningTotals,
  kind: LedgerKind,
  amountFen: number,
): { totals: RunningTotals; deltaFen: number } {
  if (!Number.isSafeInteger(amountFen)) throw new RangeError(`ledger ${kind} of a non-integer amount: ${amountFen}`);
  if (kind !== 'adjustment' && amountFen <= 0) throw new RangeError(`ledger ${kind} must be positive, got ${amountFen}`);
  const { total, sign } = MOVES[kind];
  const deltaFen = sign * amountFen;
  return { totals: { ...totals, [total]: totals[total] + deltaFen }, deltaFen };
}

/**
 * The invariants of a line (the database's CHECK constraints say the same): nothing committed
 * beyond the adjusted budget, nothing paid beyond what is committed, nothing negative.
 */
export function ledgerBalanced(budgetFen: number, totals: RunningTotals): boolean {
  const adjusted = budgetFen + totals.adjustmentsFen;
  return adjusted >= 0 && totals.committedFen >= 0 && totals.paidFen >= 0 && totals.committedFen <= adjusted && totals.paidFen <= totals.committedFen;
}
