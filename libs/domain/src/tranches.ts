import { formatYuan } from './money.js';
import { violation, type Violation } from './violation.js';

/**
 * Payment in tranches (product.md: "configurable tranches, e.g. advance 预拨 on approval, final
 * 尾款 after acceptance; the sum paid never exceeds the award; the final tranche never before
 * acceptance passed").
 */
export const TRANCHE_CONDITIONS = [
  'on_approval',
  'on_midterm_report',
  'after_acceptance',
  'after_supervision_evaluation',
] as const;
export type TrancheCondition = (typeof TRANCHE_CONDITIONS)[number];

export const TRANCHE_CONDITION_LABELS: Record<TrancheCondition, { zh: string; en: string }> = {
  on_approval: { zh: '立项后预拨', en: 'advance on approval' },
  on_midterm_report: { zh: '中期报告后拨付', en: 'after the mid-term report' },
  after_acceptance: { zh: '验收合格后拨付尾款', en: 'final payment after acceptance' },
  after_supervision_evaluation: { zh: '督导评估后拨付', en: 'after the supervision evaluation' },
};

export interface TrancheRule {
  /** Share of the award in basis points (1/100 of a percent). */
  percentBp: number;
  condition: TrancheCondition;
}

export interface Tranche {
  index: number;
  /** fen */
  amount: number;
  condition: TrancheCondition;
}

export function checkTranchePlan(plan: readonly TrancheRule[]): Violation[] {
  const out: Violation[] = [];
  if (plan.length === 0) {
    return [violation('tranches', 'TRANCHES_REQUIRED', '请至少设置一笔拨付', 'Set at least one tranche')];
  }
  let sum = 0;
  let ok = true;
  plan.forEach((t, i) => {
    if (!Number.isInteger(t.percentBp) || t.percentBp <= 0 || t.percentBp > 10_000) {
      ok = false;
      out.push(
        violation(
          `tranches.${i}.percentBp`,
          'TRANCHE_PERCENT_INVALID',
          '拨付比例须大于 0 且不超过 100%（以万分之一计）',
          'A tranche is more than 0% and at most 100%, in basis points',
        ),
      );
    } else sum += t.percentBp;
    if (!(TRANCHE_CONDITIONS as readonly string[]).includes(t.condition)) {
      out.push(
        violation(
          `tranches.${i}.condition`,
          'TRANCHE_CONDITION_INVALID',
          '未知的拨付条件',
          'Unknown tranche condition',
        ),
      );
    }
  });
  if (ok && sum !== 10_000) {
    out.push(
      violation(
        'tranches',
        'TRANCHES_NOT_100',
        `各笔拨付比例合计须为 100%（当前 ${sum / 100}%）`,
        `The tranches must add up to 100% (now ${sum / 100}%)`,
      ),
    );
  }
  return out;
}

/**
 * Splits an award into tranche amounts: each tranche gets ⌊award·bp/10000⌋ fen and the last one
 * takes the remainder, so the amounts sum exactly to the award. The plan must pass
 * checkTranchePlan first; an invalid plan or amount here is a programming error and throws.
 */
export function materialiseTranches(award: number, plan: readonly TrancheRule[]): Tranche[] {
  if (!Number.isSafeInteger(award) || award < 0)
    throw new RangeError(`award must be a non-negative integer of fen: ${award}`);
  if (checkTranchePlan(plan).length > 0)
    throw new RangeError('invalid tranche plan; check it with checkTranchePlan first');
  let allocated = 0;
  return plan.map((rule, index) => {
    const amount =
      index === plan.length - 1
        ? award - allocated
        : Number((BigInt(award) * BigInt(rule.percentBp)) / 10_000n); // BigInt: award·bp may pass 2^53
    allocated += amount;
    return { index, amount, condition: rule.condition };
  });
}

export interface TrancheFacts {
  approved: boolean;
  acceptancePassed: boolean;
  supervisionPassed: boolean;
  midtermReported: boolean;
}

/**
 * How much of the award may be paid so far: the sum of tranches whose condition is met. Nothing is
 * released before approval whatever else is recorded. Conditions are independent of each other
 * (a plan's order does not gate a later tranche), so an accepted project with a missing mid-term
 * report still gets its 尾款 but not the mid-term tranche.
 */
export function releasedAmount(tranches: readonly Tranche[], facts: TrancheFacts): number {
  if (!facts.approved) return 0;
  const met: Record<TrancheCondition, boolean> = {
    on_approval: true,
    on_midterm_report: facts.midtermReported,
    after_acceptance: facts.acceptancePassed,
    after_supervision_evaluation: facts.supervisionPassed,
  };
  return tranches.reduce((sum, t) => (met[t.condition] ? sum + t.amount : sum), 0);
}

/** A payment request: more than zero and no more than what is released and not yet paid. */
export function checkPaymentRequest(input: {
  released: number;
  alreadyPaid: number;
  requested: number;
}): Violation[] {
  const { released, alreadyPaid, requested } = input;
  if (!Number.isSafeInteger(requested) || requested <= 0) {
    return [
      violation(
        'requested',
        'PAYMENT_AMOUNT_INVALID',
        '申请拨付金额须大于零',
        'The requested payment must be above zero',
      ),
    ];
  }
  const available = Math.max(0, released - alreadyPaid);
  if (requested > available) {
    return [
      violation(
        'requested',
        'PAYMENT_OVER_RELEASED',
        `申请拨付金额 ${formatYuan(requested)} 元 超过可拨付余额 ${formatYuan(available)} 元`,
        `The requested ${formatYuan(requested)} 元 exceeds the ${formatYuan(available)} 元 released and not yet paid`,
      ),
    ];
  }
  return [];
}
