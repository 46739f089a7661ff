import type {
  FunnelStageView,
  LedgerFiguresView,
  LineExecutionView,
  MonthExecutionView,
  PassRateView,
  StreetExecutionView,
} from '@xiaoshi/contracts';
import { ledgerFigures, rateBp, sumLedgerTotals } from '@xiaoshi/domain';
import type { FunnelCounts } from '../applications/applications-figures.service.js';
import type { ApprovedAwards } from '../awards/awards-figures.service.js';
import type { LineFigures, LedgerMonth } from '../budgets/budgets-figures.service.js';
import type { PassRateCounts, StreetProjects } from '../delivery/delivery-figures.service.js';
import type { MonthPaid, PaidByStreetAndLine } from '../payments/payments-figures.service.js';
import type { StipendStreetLine } from '../stipends/stipends-figures.service.js';

/**
 * Pure assembly of the figure services' rows into the dashboard's views: no I/O, so the same
 * rows always give the same dashboard (and the tests of the arithmetic need no database).
 */

/** Money that reached streets, by (street, line): approved awards, payments and stipend batches. */
export interface StreetMoney {
  awards: readonly ApprovedAwards[];
  payments: readonly PaidByStreetAndLine[];
  stipends: readonly StipendStreetLine[];
}

interface Amounts {
  committedFen: number;
  paidFen: number;
}

function add(map: Map<number, Amounts>, key: number, committedFen: number, paidFen: number) {
  const current = map.get(key) ?? { committedFen: 0, paidFen: 0 };
  map.set(key, { committedFen: current.committedFen + committedFen, paidFen: current.paidFen + paidFen });
}

/** Committed and paid per street, or per line, of the money that reached streets. */
export function streetMoneyBy(money: StreetMoney, key: 'streetId' | 'budgetLineId'): Map<number, Amounts> {
  const totals = new Map<number, Amounts>();
  for (const award of money.awards) add(totals, award[key], award.amountFen, 0);
  // Money paid to no street (the district's direct spending) is not street money, by street or by line.
  for (const payment of money.payments) {
    if (payment.streetId !== null) add(totals, payment[key]!, 0, payment.paidFen);
  }
  for (const stipend of money.stipends) add(totals, stipend[key], stipend.committedFen, stipend.paidFen);
  return totals;
}

export function districtTotal(lines: readonly LineFigures[]): LedgerFiguresView {
  const {
    budgetFen,
    adjustmentsFen,
    adjustedBudgetFen,
    committedFen,
    paidFen,
    availableFen,
    executionRateBp,
  } = ledgerFigures(sumLedgerTotals(lines));
  return {
    budgetFen,
    adjustmentsFen,
    adjustedBudgetFen,
    committedFen,
    paidFen,
    availableFen,
    executionRateBp,
  };
}

/** District view: every line with its own ledger. */
export function districtLines(lines: readonly LineFigures[]): LineExecutionView[] {
  return lines.map((line) => {
    const figures = ledgerFigures(line);
    return {
      budgetLineId: line.budgetLineId,
      name: line.name,
      programme: line.programme,
      adjustedBudgetFen: figures.adjustedBudgetFen,
      committedFen: figures.committedFen,
      paidFen: figures.paidFen,
      executionRateBp: figures.executionRateBp,
    };
  });
}

/** Street view: the lines that committed or paid something to the street, without the budget. */
export function streetLines(lines: readonly LineFigures[], money: StreetMoney): LineExecutionView[] {
  const byLine = streetMoneyBy(money, 'budgetLineId');
  return lines
    .filter((line) => byLine.has(line.budgetLineId))
    .map((line) => ({
      budgetLineId: line.budgetLineId,
      name: line.name,
      programme: line.programme,
      adjustedBudgetFen: null,
      committedFen: byLine.get(line.budgetLineId)!.committedFen,
      paidFen: byLine.get(line.budgetLineId)!.paidFen,
      executionRateBp: null,
    }));
}

export function streets(
  units: ReadonlyArray<{ id: number; name: string }>,
  money: StreetMoney,
  projects: readonly StreetProjects[],
): StreetExecutionView[] {
  const byStreet = streetMoneyBy(money, 'streetId');
  return units.map((unit) => {
    const own = projects.find((row) => row.streetId === unit.id);
    return {
      streetId: unit.id,
      name: unit.name,
      committedFen: byStreet.get(unit.id)?.committedFen ?? 0,
      paidFen: byStreet.get(unit.id)?.paidFen ?? 0,
      projects: own?.projects ?? 0,
      projectsAccepted: own?.accepted ?? 0,
    };
  });
}

export function districtMonths(months: readonly LedgerMonth[]): MonthExecutionView[] {
  return months.map((row) => ({ month: row.month, committedFen: row.committedFen, paidFen: row.paidFen }));
}

/** Street view: payments and stipend batches paid to the street, merged by month. */
export function streetMonths(...sources: ReadonlyArray<readonly MonthPaid[]>): MonthExecutionView[] {
  const byMonth = new Map<string, number>();
  for (const rows of sources)
    for (const row of rows) byMonth.set(row.month, (byMonth.get(row.month) ?? 0) + row.paidFen);
  return [...byMonth.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, paidFen]) => ({ month, committedFen: null, paidFen }));
}

export function funnel(
  counts: FunnelCounts,
  awards: readonly ApprovedAwards[],
  projects: readonly StreetProjects[],
  paid: { paidInFull: number; paidFen: number },
): FunnelStageView[] {
  const sum = <T>(rows: readonly T[], pick: (row: T) => number) =>
    rows.reduce((total, row) => total + pick(row), 0);
  return [
    { stage: 'submitted', count: counts.submitted.count, amountFen: counts.submitted.requestedFen },
    { stage: 'screened', count: counts.screened.count, amountFen: counts.screened.requestedFen },
    { stage: 'scored', count: counts.scored.count, amountFen: counts.scored.requestedFen },
    { stage: 'awarded', count: counts.approved.count, amountFen: sum(awards, (row) => row.amountFen) },
    {
      stage: 'accepted',
      count: sum(projects, (row) => row.accepted),
      amountFen: sum(projects, (row) => row.acceptedFen),
    },
    { stage: 'paid', count: paid.paidInFull, amountFen: paid.paidFen },
  ];
}

export function passRate(counts: PassRateCounts): PassRateView {
  return {
    inspected: counts.inspected,
    passed: counts.passed,
    firstPassed: counts.firstPassed,
    rateBp: rateBp(counts.passed, counts.inspected),
    firstRateBp: rateBp(counts.firstPassed, counts.inspected),
  };
}
