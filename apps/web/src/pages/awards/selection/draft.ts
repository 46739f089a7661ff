import type { SelectionAnswer, SelectionView } from '@xiaoshi/contracts';

export type Candidate = SelectionView['candidates'][number];

export type Source = 'rank_order' | 'optimal';

/** The committee's working copy: who is in, at what amount, and the reasons given so far. */
export interface Draft {
  source: Source | 'manual';
  amounts: Record<number, number>;
  reasons: Record<number, string>;
}

export function fromAnswer(
  answer: SelectionAnswer,
  source: Source,
  reasons: Record<number, string> = {},
): Draft {
  return {
    source,
    amounts: Object.fromEntries(answer.awards.map((award) => [award.applicationId, award.amount])),
    reasons,
  };
}

export function sameAwards(amounts: Record<number, number>, answer: SelectionAnswer): boolean {
  const ids = Object.keys(amounts);
  return (
    ids.length === answer.awards.length &&
    answer.awards.every((award) => amounts[award.applicationId] === award.amount)
  );
}

export type Deviation = 'added' | 'dropped' | 'reduced';

/** Why an entry departs from the rank-order answer, if it does (the server asks the same). */
export function deviationOf(candidate: Candidate, draft: Draft, rankOrder: Set<number>): Deviation | null {
  const amount = draft.amounts[candidate.applicationId];
  const included = amount !== undefined;
  if (included && !rankOrder.has(candidate.applicationId)) return 'added';
  if (!included && rankOrder.has(candidate.applicationId)) return 'dropped';
  if (included && amount < candidate.awardFen) return 'reduced';
  return null;
}
