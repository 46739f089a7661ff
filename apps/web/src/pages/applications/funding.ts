import type { CompetitionView } from '@xiaoshi/contracts';
import {
  FUNDING_SOURCES,
  checkFunding,
  type Funding,
  type FundingSource,
  type Violation,
} from '@xiaoshi/domain';
import { fenOrZero } from '../../lib/money';

/** What the funding part of the form holds: 元 as typed. */
export type FundingText = Partial<Record<FundingSource, string>>;
export type CostItemText = { item?: string; amount?: string };

/** Rules that bind only when the street submits: a draft may still wait for residents' money. */
export const SUBMISSION_ONLY = new Set(['SOURCE_REQUIRED', 'COFUNDING_TOO_LOW']);

export interface LiveFunding {
  totalCost: number;
  costItems: Array<{ item: string; amount: number }>;
  funding: Funding;
  violations: Violation[];
  /** field → the first violation naming it */
  byField: Map<string, Violation>;
}

/** The form's text turned into fen, and the domain's verdict on it (the API applies the same). */
export function liveFunding(
  items: CostItemText[] | undefined,
  funding: FundingText | undefined,
  competition: CompetitionView | undefined,
  categoryId: number | undefined,
): LiveFunding {
  const costItems = (items ?? []).map((row) => ({ item: row?.item ?? '', amount: fenOrZero(row?.amount) }));
  const totalCost = costItems.reduce((sum, row) => sum + row.amount, 0);
  const amounts = Object.fromEntries(
    FUNDING_SOURCES.map((source) => [source, fenOrZero(funding?.[source])]),
  ) as Funding;
  const category = competition?.categories.find((candidate) => candidate.id === categoryId);
  const violations = checkFunding(
    { totalCost, costItems, funding: amounts },
    {
      categoryCap: category?.capFen ?? Number.MAX_SAFE_INTEGER,
      requiredSources: (competition?.requiredSources ?? []) as FundingSource[],
      minCoFundingShareBp: competition?.minCoFundingShareBp ?? null,
    },
  );
  const byField = new Map<string, Violation>();
  for (const violation of violations)
    if (!byField.has(violation.field)) byField.set(violation.field, violation);
  return { totalCost, costItems, funding: amounts, violations, byField };
}

export function isBlocking(violation: Violation): boolean {
  return !SUBMISSION_ONLY.has(violation.code);
}
