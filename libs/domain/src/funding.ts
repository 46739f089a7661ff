import { formatYuan } from './money.js';
import { violation, type Violation } from './violation.js';

/**
 * Funding rules of an application (product.md, "Rules the system enforces"): the principle is
 * 居民凑钱出力出招、政府补助、社会支持 — the government subsidy fills the gap the residents,
 * society, the community and the street leave, never more, and never more than the category cap.
 */

export const FUNDING_SOURCES = [
  'residentMoney',
  'residentLabour',
  'socialSupport',
  'communitySelf',
  'streetSupport',
  'requestedSubsidy',
] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];
/** Amounts in fen, each ≥ 0. */
export type Funding = Record<FundingSource, number>;

export const FUNDING_SOURCE_LABELS: Record<FundingSource, { zh: string; en: string }> = {
  residentMoney: { zh: '居民凑钱', en: 'resident money' },
  residentLabour: { zh: '居民出力（折价）', en: 'resident labour (valued)' },
  socialSupport: { zh: '社会支持', en: 'social support' },
  communitySelf: { zh: '社区自筹', en: 'community self-funding' },
  streetSupport: { zh: '街道支持', en: 'street support' },
  requestedSubsidy: { zh: '申请补助', en: 'requested subsidy' },
};

export interface CostItem {
  item: string;
  /** fen */
  amount: number;
}

export interface FundingRules {
  /** fen */
  categoryCap: number;
  /** Sources that must each be > 0 (e.g. resident money for 民生小实事). */
  requiredSources: FundingSource[];
  /** Basis points of the total cost that must come from sources other than the subsidy. */
  minCoFundingShareBp: number | null;
}

export interface FundingInput {
  totalCost: number;
  costItems: CostItem[];
  funding: Funding;
}

const yuan = (fen: number) => `${formatYuan(fen)} 元`;
const isAmount = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;
const percent = (bp: number) => `${(bp / 100).toFixed(2).replace(/\.?0+$/, '')}%`;

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/**
 * Checks an application's cost items and funding. Each rule reports independently, so one wrong
 * figure may raise two violations on different fields (e.g. a subsidy above the gap is both
 * SUBSIDY_OVER_GAP on the subsidy and FUNDING_NOT_BALANCED on the funding block): the form shows
 * each next to its own field. Comparisons that need well-formed amounts are skipped while the
 * amounts themselves are invalid (their own violation is reported instead).
 */
export function checkFunding(input: FundingInput, rules: FundingRules): Violation[] {
  const out: Violation[] = [];
  const { totalCost, costItems, funding } = input;

  const totalOk = isAmount(totalCost) && totalCost > 0;
  if (!totalOk) {
    out.push(
      violation(
        'totalCost',
        'TOTAL_COST_INVALID',
        '总成本须为大于零的金额',
        'Total cost must be an amount above zero',
      ),
    );
  }

  let itemsOk = true;
  if (costItems.length === 0) {
    itemsOk = false;
    out.push(
      violation('costItems', 'COST_ITEMS_REQUIRED', '请至少填写一项支出明细', 'Add at least one cost item'),
    );
  }
  costItems.forEach((ci, i) => {
    if (typeof ci.item !== 'string' || ci.item.trim() === '') {
      out.push(
        violation(
          `costItems.${i}.item`,
          'COST_ITEM_NAME_REQUIRED',
          '请填写支出项目名称',
          'Name the cost item',
        ),
      );
    }
    if (!isAmount(ci.amount) || ci.amount === 0) {
      itemsOk = false;
      out.push(
        violation(
          `costItems.${i}.amount`,
          'COST_ITEM_AMOUNT_INVALID',
          '支出金额须大于零',
          'The amount must be above zero',
        ),
      );
    }
  });

  let fundingOk = true;
  for (const source of FUNDING_SOURCES) {
    if (!isAmount(funding[source])) {
      fundingOk = false;
      const label = FUNDING_SOURCE_LABELS[source];
      out.push(
        violation(
          `funding.${source}`,
          'AMOUNT_INVALID',
          `${label.zh}须为不小于零的金额`,
          `The ${label.en} must be an amount of zero or more`,
        ),
      );
    }
  }

  if (totalOk && itemsOk) {
    const itemsTotal = sum(costItems.map((ci) => ci.amount));
    if (itemsTotal !== totalCost) {
      out.push(
        violation(
          'totalCost',
          'COST_ITEMS_MISMATCH',
          `支出明细合计 ${yuan(itemsTotal)} 与总成本 ${yuan(totalCost)} 不一致`,
          `The cost items add up to ${yuan(itemsTotal)}, not the total cost of ${yuan(totalCost)}`,
        ),
      );
    }
  }

  if (!fundingOk) return out;
  const subsidy = funding.requestedSubsidy;

  if (subsidy > rules.categoryCap) {
    out.push(
      violation(
        'funding.requestedSubsidy',
        'SUBSIDY_OVER_CAP',
        `申请补助不得超过类别上限 ${yuan(rules.categoryCap)}`,
        `The requested subsidy may not exceed the category cap of ${yuan(rules.categoryCap)}`,
      ),
    );
  }

  for (const source of rules.requiredSources) {
    if (funding[source] <= 0) {
      const label = FUNDING_SOURCE_LABELS[source];
      out.push(
        violation(
          `funding.${source}`,
          'SOURCE_REQUIRED',
          `本次比选要求填写${label.zh}（须大于零）`,
          `This competition requires ${label.en} above zero`,
        ),
      );
    }
  }

  if (!totalOk) return out;
  const { otherSources, gap } = fundingSummary(input);

  // The gap rule only blames the subsidy when there is one; other sources alone exceeding the cost
  // are reported by the balance rule below.
  if (subsidy > 0 && subsidy > gap) {
    out.push(
      violation(
        'funding.requestedSubsidy',
        'SUBSIDY_OVER_GAP',
        `申请补助不得超过总成本减去其他资金来源后的差额 ${yuan(Math.max(gap, 0))}`,
        `The requested subsidy may not exceed the total cost less the other sources, ${yuan(Math.max(gap, 0))}`,
      ),
    );
  }

  const allSources = otherSources + subsidy;
  if (allSources !== totalCost) {
    out.push(
      violation(
        'funding',
        'FUNDING_NOT_BALANCED',
        `各项资金来源合计 ${yuan(allSources)} 须等于总成本 ${yuan(totalCost)}`,
        `The funding sources add up to ${yuan(allSources)}; they must equal the total cost of ${yuan(totalCost)}`,
      ),
    );
  }

  if (rules.minCoFundingShareBp !== null && rules.minCoFundingShareBp > 0) {
    // Exact integer comparison: (cost − subsidy)·10000 ≥ minBp·cost. BigInt because cost·10000
    // can leave the safe-integer range for large (if unrealistic) costs.
    const ok = BigInt(totalCost - subsidy) * 10000n >= BigInt(rules.minCoFundingShareBp) * BigInt(totalCost);
    if (!ok) {
      const { coFundingShareBp } = fundingSummary(input);
      out.push(
        violation(
          'funding',
          'COFUNDING_TOO_LOW',
          `补助以外的资金须占总成本的 ${percent(rules.minCoFundingShareBp)} 以上（当前 ${percent(coFundingShareBp ?? 0)}）`,
          `Sources other than the subsidy must cover at least ${percent(rules.minCoFundingShareBp)} of the total cost (now ${percent(coFundingShareBp ?? 0)})`,
        ),
      );
    }
  }
  return out;
}

export interface FundingSummary {
  /** Sum of every source except the subsidy (fen). */
  otherSources: number;
  /** Subsidy ÷ total cost in basis points, rounded up; null when the total cost is not positive. */
  subsidyShareBp: number | null;
  /** (Total cost − subsidy) ÷ total cost in basis points, rounded down (so it never shows a pass
   * the co-funding rule would refuse); subsidyShareBp + coFundingShareBp = 10000. */
  coFundingShareBp: number | null;
  /** Total cost − other sources: the most the subsidy may be (can be negative). */
  gap: number;
  /** Total cost − all sources including the subsidy: > 0 still uncovered, < 0 over-funded. */
  remaining: number;
}

/** Live figures for the web form; tolerates half-filled input (missing amounts count as 0). */
export function fundingSummary(input: { totalCost: number; funding: Partial<Funding> }): FundingSummary {
  const amount = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : 0);
  const totalCost = amount(input.totalCost);
  const subsidy = amount(input.funding.requestedSubsidy);
  const otherSources = sum(
    FUNDING_SOURCES.filter((s) => s !== 'requestedSubsidy').map((s) => amount(input.funding[s])),
  );
  let coFundingShareBp: number | null = null;
  if (totalCost > 0 && Number.isSafeInteger(totalCost) && Number.isSafeInteger(subsidy)) {
    const bp = (BigInt(totalCost - subsidy) * 10000n) / BigInt(totalCost); // truncates toward zero
    let floor = Number(bp);
    if (BigInt(floor) * BigInt(totalCost) > BigInt(totalCost - subsidy) * 10000n) floor -= 1; // floor for negatives
    coFundingShareBp = floor;
  }
  return {
    otherSources,
    subsidyShareBp: coFundingShareBp === null ? null : 10000 - coFundingShareBp,
    coFundingShareBp,
    gap: totalCost - otherSources,
    remaining: totalCost - otherSources - subsidy,
  };
}
