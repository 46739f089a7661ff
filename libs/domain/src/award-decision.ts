import { formatYuan } from './money.js';
import { violation, type Violation } from './violation.js';

/**
 * The checks on a committee's award decision (立项决定, product.md "Scoring and selection"), used
 * by the API when it records the decision and by the selection workbench for instant feedback:
 * - every award goes to a fundable candidate and is at most its request and its category cap;
 * - the total fits the envelope (the money available to the competition);
 * - the number of awards lies in the competition's range, and no street exceeds its maximum;
 * - every departure from the transparent rank-order answer — an entry added to it, one dropped
 *   from it, an amount reduced below the default award — carries a written reason.
 */

export interface DecisionCandidate {
  applicationId: number;
  title: string;
  streetId: number;
  /** The default award: min(request, cap), fen. */
  awardFen: number;
}

export interface ProposedAward {
  applicationId: number;
  amountFen: number;
}

export interface DecisionRules {
  /** fen the competition may award (the envelope). */
  envelopeFen: number;
  minCount: number;
  maxCount: number;
  maxPerStreet?: number | null;
}

export type DecisionDeviation = 'added' | 'dropped' | 'reduced';

export interface AwardDecisionInput {
  candidates: readonly DecisionCandidate[];
  /** The rank-order answer's selected application ids. */
  rankOrder: readonly number[];
  rules: DecisionRules;
  awards: readonly ProposedAward[];
  /** Written reasons by application id. */
  reasons: Readonly<Record<string, string | undefined>>;
}

export interface AwardDecisionCheck {
  /** The awards, one per application (a repeated id keeps its last amount, first position). */
  awards: ProposedAward[];
  totalFen: number;
  /** Rule breaches (the API answers VALIDATION_FAILED with these fields). */
  violations: Violation[];
  /** Departures from rank order, by application id, in candidate order. */
  deviations: Map<number, DecisionDeviation>;
  /** Departures without a written reason (DEVIATION_REASON_REQUIRED), one per application. */
  missingReasons: Violation[];
}

/** Why one candidate departs from the rank-order answer under these amounts, if it does. */
export function decisionDeviation(
  candidate: Pick<DecisionCandidate, 'applicationId' | 'awardFen'>,
  amountFen: number | undefined,
  rankOrder: ReadonlySet<number>,
): DecisionDeviation | null {
  const included = amountFen !== undefined;
  if (included && !rankOrder.has(candidate.applicationId)) return 'added';
  if (!included && rankOrder.has(candidate.applicationId)) return 'dropped';
  if (included && amountFen < candidate.awardFen) return 'reduced';
  return null;
}

function ruleViolations(
  awards: readonly ProposedAward[],
  byId: ReadonlyMap<number, DecisionCandidate>,
  rules: DecisionRules,
  totalFen: number,
): Violation[] {
  const out: Violation[] = [];
  for (const award of awards) {
    const candidate = byId.get(award.applicationId);
    if (!candidate) {
      out.push(
        violation(`awards.${award.applicationId}`, 'NOT_A_CANDIDATE', '该项目不在可资助名单中', 'This application is not a fundable candidate'),
      );
    } else if (award.amountFen > candidate.awardFen) {
      out.push(
        violation(
          `awards.${award.applicationId}.amountFen`,
          'AWARD_OVER_LIMIT',
          `补助不得超过申请额和类别上限（${formatYuan(candidate.awardFen)} 元）`,
          `The award may not exceed the request and the cap (${formatYuan(candidate.awardFen)} yuan)`,
        ),
      );
    }
  }
  if (totalFen > rules.envelopeFen) {
    out.push(
      violation(
        'awards',
        'OVER_ENVELOPE',
        `合计 ${formatYuan(totalFen)} 元超过资金盘子 ${formatYuan(rules.envelopeFen)} 元`,
        `Total ${formatYuan(totalFen)} exceeds the envelope ${formatYuan(rules.envelopeFen)}`,
      ),
    );
  }
  if (awards.length < rules.minCount || awards.length > rules.maxCount) {
    out.push(
      violation(
        'count',
        'COUNT_OUT_OF_RANGE',
        `立项数须在 ${rules.minCount}–${rules.maxCount} 个之间`,
        `The number of awards must be ${rules.minCount}–${rules.maxCount}`,
      ),
    );
  }
  if (rules.maxPerStreet) {
    const perStreet = new Map<number, number>();
    for (const award of awards) {
      const street = byId.get(award.applicationId)?.streetId;
      if (street !== undefined) perStreet.set(street, (perStreet.get(street) ?? 0) + 1);
    }
    if ([...perStreet.values()].some((count) => count > rules.maxPerStreet!)) {
      out.push(
        violation(
          'maxPerStreet',
          'STREET_OVER_MAXIMUM',
          `每个街道最多 ${rules.maxPerStreet} 个`,
          `At most ${rules.maxPerStreet} per street`,
        ),
      );
    }
  }
  return out;
}

/** The reason each departure needs, keyed by application id (a reduction's wording wins). */
function reasonsNeeded(
  candidates: readonly DecisionCandidate[],
  byId: ReadonlyMap<number, DecisionCandidate>,
  amounts: ReadonlyMap<number, number>,
  rankOrder: ReadonlySet<number>,
): Map<number, Violation> {
  const needed = new Map<number, Violation>();
  const need = (applicationId: number, zh: string, en: string) =>
    needed.set(applicationId, violation(`reasons.${applicationId}`, 'DEVIATION_REASON_REQUIRED', zh, en));
  for (const { applicationId, title } of candidates) {
    const chosen = amounts.has(applicationId);
    if (chosen && !rankOrder.has(applicationId)) {
      need(applicationId, `「${title}」不在按排名顺序的方案中却入选，请说明理由`, `"${title}" is added to the rank-order answer: give a reason`);
    } else if (!chosen && rankOrder.has(applicationId)) {
      need(applicationId, `「${title}」按排名应入选却未入选，请说明理由`, `"${title}" is dropped from the rank-order answer: give a reason`);
    }
  }
  for (const [applicationId, amount] of amounts) {
    const candidate = byId.get(applicationId);
    if (candidate && amount < candidate.awardFen) {
      need(applicationId, `「${candidate.title}」核减补助，请说明理由`, `"${candidate.title}" is reduced: give a reason`);
    }
  }
  return needed;
}

export function checkAwardDecision(input: AwardDecisionInput): AwardDecisionCheck {
  const awards = [...new Map(input.awards.map((award) => [award.applicationId, award])).values()];
  const amounts = new Map(awards.map((award) => [award.applicationId, award.amountFen]));
  const byId = new Map(input.candidates.map((candidate) => [candidate.applicationId, candidate]));
  const rankOrder = new Set(input.rankOrder);
  const totalFen = awards.reduce((sum, award) => sum + award.amountFen, 0);
  const deviations = new Map<number, DecisionDeviation>();
  for (const candidate of input.candidates) {
    const kind = decisionDeviation(candidate, amounts.get(candidate.applicationId), rankOrder);
    if (kind) deviations.set(candidate.applicationId, kind);
  }
  const missingReasons = [...reasonsNeeded(input.candidates, byId, amounts, rankOrder)]
    .filter(([applicationId]) => !input.reasons[String(applicationId)]?.trim())
    .map(([, missing]) => missing);
  return {
    awards,
    totalFen,
    violations: ruleViolations(awards, byId, input.rules, totalFen),
    deviations,
    missingReasons,
  };
}
