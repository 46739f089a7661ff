import { formatYuan } from './money.js';
import { formatScore } from './scoring.js';
import { violation, type Violation } from './violation.js';

/**
 * Choosing awards under the budget envelope (product.md, "Scoring and selection"): two answers
 * side by side — the transparent rank-order pass and the optimal set — and a comparison of both.
 *
 * The award of a candidate is min(request, cap). A request above its cap is an input error: it is
 * reported (REQUEST_OVER_CAP) and the candidate competes for its cap, never more.
 */

export interface Candidate {
  applicationId: number;
  score: number;
  /** fen */
  request: number;
  /** fen */
  cap: number;
  category: string;
  streetId: number;
}

export interface SelectionInput {
  /** Already ranked, best first (see scoring.rank). */
  candidates: Candidate[];
  /** fen available for awards. */
  envelope: number;
  minCount: number;
  maxCount: number;
  maxPerStreet?: number | null;
}

export interface SelectionResult {
  /** Application ids, in rank order. */
  selected: number[];
  /** The award of each selected application (fen), in rank order. */
  awards: Array<{ applicationId: number; amount: number }>;
  /** Sum of the awards (fen). */
  total: number;
  /** Sum of the selected scores. */
  totalScore: number;
  /** The selection satisfies every rule, including the minimum count. */
  feasible: boolean;
  problems: Violation[];
}

interface Item {
  /** Position in the ranked input (0 = best). */
  rank: number;
  applicationId: number;
  score: number;
  award: number;
  streetId: number;
}

interface Prepared {
  items: Item[];
  problems: Violation[];
  fatal: boolean;
  maxPerStreet: number;
}

function prepare(input: SelectionInput): Prepared {
  const problems: Violation[] = [];
  let fatal = false;
  const { envelope, minCount, maxCount } = input;
  if (!Number.isSafeInteger(envelope) || envelope < 0) {
    fatal = true;
    problems.push(violation('envelope', 'ENVELOPE_INVALID', '可用资金须为不小于零的金额', 'The envelope must be an amount of zero or more'));
  }
  if (!Number.isInteger(minCount) || !Number.isInteger(maxCount) || minCount < 0 || maxCount < minCount) {
    fatal = true;
    problems.push(
      violation('maxCount', 'COUNT_RANGE_INVALID', '入选数量范围无效（须 0 ≤ 下限 ≤ 上限）', 'Invalid count range (0 ≤ minimum ≤ maximum)'),
    );
  }
  const perStreet = input.maxPerStreet ?? null;
  if (perStreet !== null && (!Number.isInteger(perStreet) || perStreet < 1)) {
    fatal = true;
    problems.push(
      violation('maxPerStreet', 'MAX_PER_STREET_INVALID', '每个街道入选上限须为正整数', 'The per-street maximum must be a whole number above zero'),
    );
  }

  const items: Item[] = [];
  const seen = new Set<number>();
  input.candidates.forEach((c, rank) => {
    const at = `candidates.${rank}`;
    if (seen.has(c.applicationId)) {
      problems.push(
        violation(`${at}.applicationId`, 'DUPLICATE_CANDIDATE', `申请 ${c.applicationId} 重复出现`, `Application ${c.applicationId} is listed twice`),
      );
      return;
    }
    seen.add(c.applicationId);
    if (typeof c.score !== 'number' || !Number.isFinite(c.score) || c.score < 0) {
      problems.push(violation(`${at}.score`, 'SCORE_INVALID', `申请 ${c.applicationId} 没有有效得分`, `Application ${c.applicationId} has no valid score`));
      return;
    }
    if (!Number.isSafeInteger(c.request) || c.request <= 0) {
      problems.push(
        violation(`${at}.request`, 'REQUEST_INVALID', `申请 ${c.applicationId} 的申请金额无效`, `Application ${c.applicationId} has an invalid request`),
      );
      return;
    }
    if (!Number.isSafeInteger(c.cap) || c.cap <= 0) {
      problems.push(violation(`${at}.cap`, 'CAP_INVALID', `申请 ${c.applicationId} 的补助上限无效`, `Application ${c.applicationId} has an invalid cap`));
      return;
    }
    if (c.request > c.cap) {
      problems.push(
        violation(
          `${at}.request`,
          'REQUEST_OVER_CAP',
          `申请 ${c.applicationId} 申请 ${formatYuan(c.request)} 元，超过上限 ${formatYuan(c.cap)} 元；最多按上限安排`,
          `Application ${c.applicationId} requests ${formatYuan(c.request)} 元, above its cap of ${formatYuan(c.cap)} 元; at most the cap can be awarded`,
        ),
      );
    }
    items.push({ rank, applicationId: c.applicationId, score: c.score, award: Math.min(c.request, c.cap), streetId: c.streetId });
  });
  return { items, problems, fatal, maxPerStreet: perStreet ?? Number.POSITIVE_INFINITY };
}

function result(chosen: Item[], problems: Violation[], feasible: boolean): SelectionResult {
  const sorted = [...chosen].sort((a, b) => a.rank - b.rank);
  return {
    selected: sorted.map((i) => i.applicationId),
    awards: sorted.map((i) => ({ applicationId: i.applicationId, amount: i.award })),
    total: sorted.reduce((s, i) => s + i.award, 0),
    totalScore: sorted.reduce((s, i) => s + i.score, 0),
    feasible,
    problems,
  };
}

function minCountProblem(reached: number, minCount: number, why: { zh: string; en: string }): Violation {
  return violation(
    'minCount',
    'MIN_COUNT_NOT_REACHED',
    `${why.zh}只能选出 ${reached} 项，达不到最少 ${minCount} 项`,
    `${why.en} selects only ${reached}, short of the minimum of ${minCount}`,
  );
}

/**
 * The transparent pass: walk the ranking and take each candidate whose award still fits in what
 * is left of the envelope (and whose street is not full), until maxCount are taken. A candidate
 * that does not fit is skipped, and the pass goes on to the next one. O(n).
 */
export function rankOrderPass(input: SelectionInput): SelectionResult {
  const { items, problems, fatal, maxPerStreet } = prepare(input);
  if (fatal) return result([], problems, false);
  const chosen: Item[] = [];
  const perStreet = new Map<number, number>();
  let left = input.envelope;
  for (const item of items) {
    if (chosen.length >= input.maxCount) break;
    if (item.award > left) continue;
    const inStreet = perStreet.get(item.streetId) ?? 0;
    if (inStreet >= maxPerStreet) continue;
    chosen.push(item);
    perStreet.set(item.streetId, inStreet + 1);
    left -= item.award;
  }
  if (chosen.length < input.minCount) {
    problems.push(minCountProblem(chosen.length, input.minCount, { zh: '按名次顺序', en: 'The rank-order pass' }));
    return result(chosen, problems, false);
  }
  return result(chosen, problems, true);
}

/**
 * Scores are compared in integer units of 1e-5 points. Scores are means of totals kept to 0.01,
 * so two different means with up to ~70 reviewers each differ by more than 1e-5 and keep their
 * order; sums of these integers are exact, which floats would not be.
 */
const SCORE_UNITS = 100_000;

/**
 * The optimal set: maximise the total score subject to Σ award ≤ envelope, minCount ≤ count ≤
 * maxCount and at most maxPerStreet per street — a 0/1 knapsack with a cardinality bound (and
 * partition constraints). Among sets of equal total score, the one whose members have the best
 * (smallest) sum of rank positions wins, so ties follow the published ranking; beyond that the
 * search order decides (deterministically).
 *
 * Method: exact depth-first branch and bound. Each candidate j gets the integer value
 *   v_j = scoreUnits_j · K + (n − rank_j),  K = n · min(U, n) + 1 > any sum of the rank terms,
 * so a larger Σv means a larger total score, or an equal score and a better rank sum; all Σv are
 * exact integers (checked: below 2^53, else the rank tie-break is dropped, K = 1).
 *
 * Why it is exact: the search enumerates include/exclude decisions for every candidate (in the
 * order below), so every feasible set is a leaf of the tree, and a subtree is cut only when one of
 * these proves it holds no feasible set with Σv > the best found (Σv is an integer, so "bound <
 * best + 1" suffices; a relative tolerance of 1e-12 is added to each bound, which only cuts less):
 *  1. Lagrangian bound. For any μ ≥ 0 and any completion x of the free suffix with Σx ≤ j*:
 *     Σ v x = Σ (v − μ) x + μ Σ x ≤ LP(v − μ, C) + μ j*, where LP is the fractional knapsack of
 *     the positive (v − μ) over the suffix with the remaining capacity C (Dantzig: greedy by ratio,
 *     one fractional item). μ is the root's optimal multiplier of the cardinality constraint
 *     (found by ternary search on the convex dual function), so at the root this is the LP
 *     relaxation of the whole problem.
 *  2. Cardinality bound. Any j items of the suffix weigh at least the j lightest ones, so at most
 *     j* = min(U − count, max{ j : lightest j of the suffix fit in C }) more can be taken, and
 *     their values are at most the j* largest values of the suffix.
 *  3. Feasibility. A completion needs ≥ minCount − count more items, which weigh at least the
 *     lightest that many: if those exceed C, no leaf below is feasible.
 * Street caps are enforced when branching and ignored by the bounds (ignoring a constraint only
 * raises a bound, so the bounds stay valid). Suffix tables for 2 and 3 are built once by DP in
 * O(n · U); the bound of a node then costs O(log n).
 * Items are ordered by (v − μ)/award, descending, so the first dive is the Lagrangian greedy.
 *
 * If no set reaches minCount (a min-weight check that is exact: picking the lightest items while
 * respecting street caps is the greedy on a matroid), the result is the best set without the
 * minimum, flagged infeasible with MIN_COUNT_NOT_REACHED.
 */
export function optimalSelection(input: SelectionInput): SelectionResult {
  const { items: all, problems, fatal, maxPerStreet } = prepare(input);
  if (fatal) return result([], problems, false);
  const envelope = input.envelope;
  const items = all.filter((i) => i.award <= envelope);

  const lightest = lightestRespectingStreets(items, input.minCount, maxPerStreet);
  let minCount = input.minCount;
  let feasible = true;
  if (lightest.count < input.minCount || lightest.weight > envelope) {
    feasible = false;
    const reachable = maxCountWithin(items, envelope, maxPerStreet, input.maxCount);
    problems.push(minCountProblem(reachable, input.minCount, { zh: '在可用资金内', en: 'Within the envelope, any selection' }));
    minCount = 0;
  }
  const chosen =
    dynamicProgramme(items, envelope, minCount, input.maxCount, maxPerStreet) ??
    branchAndBound(items, envelope, minCount, input.maxCount, maxPerStreet);
  return result(preferBetterRanked(chosen, items, envelope, maxPerStreet), problems, feasible);
}

/**
 * Tie-break among optimal sets: while some unselected candidate ranked above a selected one has
 * the same score (in score units) and can replace it within the envelope and the street cap,
 * swap them. Score and count are unchanged, so the set stays optimal; each swap lowers the sum of
 * rank positions, so this ends. The result: no chosen project could be exchanged for a
 * better-ranked project of equal score.
 */
function preferBetterRanked(chosen: Item[], items: Item[], envelope: number, maxPerStreet: number): Item[] {
  const units = (i: Item) => Math.round(i.score * SCORE_UNITS);
  const selected = new Set(chosen);
  for (let changed = true; changed; ) {
    changed = false;
    const left = envelope - [...selected].reduce((sum, i) => sum + i.award, 0);
    const perStreet = new Map<number, number>();
    for (const i of selected) perStreet.set(i.streetId, (perStreet.get(i.streetId) ?? 0) + 1);
    const worstFirst = [...selected].sort((a, b) => b.rank - a.rank);
    search: for (const u of items) {
      if (selected.has(u)) continue;
      for (const s of worstFirst) {
        if (s.rank <= u.rank) break;
        if (units(s) !== units(u) || u.award > s.award + left) continue;
        if (u.streetId !== s.streetId && (perStreet.get(u.streetId) ?? 0) >= maxPerStreet) continue;
        selected.delete(s);
        selected.add(u);
        changed = true;
        break search;
      }
    }
  }
  return [...selected];
}

/** Budget for the dynamic programme: table cells × candidates (≈ 1 s and ≤ 25 MB of choice bits). */
const DP_MAX_WORK = 150_000_000;

const gcd = (a: number, b: number): number => {
  while (b) [a, b] = [b, a % b];
  return a;
};

/**
 * Exact DP when it is cheap: awards and envelope in units of g = gcd(all awards), so the budget
 * has ⌊envelope / g⌋ + 1 states (Σ w ≤ E ⇔ Σ w/g ≤ ⌊E/g⌋ for integers). best[c][x] is the largest
 * Σ score units of exactly c candidates weighing ≤ x units; the count dimension is kept only when
 * the count range can bind (a minimum, or a maximum below what could fit). Street caps are not
 * modelled: the DP solves the relaxation without them, and its answer is used only if it happens
 * to respect them (then it is optimal for the real problem too); otherwise null, and the branch
 * and bound decides. Returns null as well when the table would be too large. Handles the inputs
 * branch and bound finds hardest — scores strongly tied to the amounts, round amounts.
 */
function dynamicProgramme(items: Item[], capacity: number, minCount: number, maxCount: number, maxPerStreet: number): Item[] | null {
  const n = items.length;
  if (n === 0) return [];
  const g = items.reduce((acc, i) => gcd(acc, i.award), 0);
  const cap = Math.floor(capacity / g);
  const w = items.map((i) => i.award / g);
  // How many could fit at all: the lightest ones.
  const sortedW = [...w].sort((a, b) => a - b);
  let fit = 0;
  for (let total = 0; fit < n && total + sortedW[fit] <= cap; fit++) total += sortedW[fit];
  const U = Math.min(maxCount, fit);
  const countMatters = minCount > 0 || maxCount < fit;
  const counts = countMatters ? U + 1 : 1;
  const width = cap + 1;
  if (n * counts * width > DP_MAX_WORK) return null;

  const v = items.map((i) => Math.round(i.score * SCORE_UNITS));
  const best = new Float64Array(counts * width).fill(Number.NEGATIVE_INFINITY);
  for (let x = 0; x < width; x++) best[x] = 0; // zero candidates weigh nothing
  const bits = new Uint8Array(Math.ceil((n * counts * width) / 8));
  for (let i = 0; i < n; i++) {
    const wi = w[i];
    const vi = v[i];
    const base = i * counts * width;
    if (countMatters) {
      for (let c = Math.min(i + 1, U); c >= 1; c--) {
        const row = c * width;
        const prev = (c - 1) * width;
        for (let x = cap; x >= wi; x--) {
          const candidate = best[prev + x - wi] + vi;
          if (candidate > best[row + x]) {
            best[row + x] = candidate;
            const bit = base + row + x;
            bits[bit >> 3] |= 1 << (bit & 7);
          }
        }
      }
    } else {
      for (let x = cap; x >= wi; x--) {
        const candidate = best[x - wi] + vi;
        if (candidate > best[x]) {
          best[x] = candidate;
          const bit = base + x;
          bits[bit >> 3] |= 1 << (bit & 7);
        }
      }
    }
  }
  let c = 0;
  if (countMatters) {
    let top = Number.NEGATIVE_INFINITY;
    for (let k = Math.min(minCount, U + 1); k <= U; k++) {
      if (best[k * width + cap] > top) {
        top = best[k * width + cap];
        c = k;
      }
    }
    if (top === Number.NEGATIVE_INFINITY) return [];
  }
  const chosen: Item[] = [];
  let x = cap;
  for (let i = n - 1; i >= 0; i--) {
    const bit = i * counts * width + (countMatters ? c * width : 0) + x;
    if (bits[bit >> 3] & (1 << (bit & 7))) {
      chosen.push(items[i]);
      x -= w[i];
      if (countMatters) c--;
    }
  }
  if (Number.isFinite(maxPerStreet)) {
    const perStreet = new Map<number, number>();
    for (const item of chosen) perStreet.set(item.streetId, (perStreet.get(item.streetId) ?? 0) + 1);
    if ([...perStreet.values()].some((k) => k > maxPerStreet)) return null;
  }
  return chosen;
}

function lightestRespectingStreets(items: Item[], count: number, maxPerStreet: number): { count: number; weight: number } {
  const byWeight = [...items].sort((a, b) => a.award - b.award || a.rank - b.rank);
  const perStreet = new Map<number, number>();
  let taken = 0;
  let weight = 0;
  for (const item of byWeight) {
    if (taken >= count) break;
    const inStreet = perStreet.get(item.streetId) ?? 0;
    if (inStreet >= maxPerStreet) continue;
    perStreet.set(item.streetId, inStreet + 1);
    taken++;
    weight += item.award;
  }
  return { count: taken, weight };
}

/** The most items that fit in the envelope (greedy by weight on the street matroid is exact). */
function maxCountWithin(items: Item[], envelope: number, maxPerStreet: number, maxCount: number): number {
  let best = 0;
  for (let c = 1; c <= Math.min(maxCount, items.length); c++) {
    const l = lightestRespectingStreets(items, c, maxPerStreet);
    if (l.count < c || l.weight > envelope) break;
    best = c;
  }
  return best;
}

function branchAndBound(items: Item[], capacity: number, minCount: number, maxCount: number, maxPerStreet: number): Item[] {
  const n = items.length;
  const U = Math.min(maxCount, n);
  if (n === 0 || U === 0) return [];

  // Integer values in score units: sums are exact.
  const value = items.map((i) => Math.round(i.score * SCORE_UNITS));
  const weight = items.map((i) => i.award);
  const streetIds = new Map<number, number>();
  const streetOf = items.map((item) => {
    if (!streetIds.has(item.streetId)) streetIds.set(item.streetId, streetIds.size);
    return streetIds.get(item.streetId)!;
  });
  const streets = streetIds.size;

  const mu = cardinalityMultiplier(value, weight, capacity, U);
  const lambda = Number.isFinite(maxPerStreet) ? budgetMultiplier(value, weight, streetOf, streets, capacity, U, maxPerStreet) : 0;


  // The λ bound costs a scan per node; it is worth it only when the street caps cut into the LP
  // relaxation, i.e. when at the root it is below the μ bound (both relax the same LP otherwise).
  // Then branching follows the λ order, else the ratio order of the μ bound (whose Dantzig bound
  // is then O(log n)).
  const streetsBind =
    Number.isFinite(maxPerStreet) &&
    rootLambdaBound(value, weight, streetOf, streets, capacity, U, maxPerStreet, lambda) <
      rootMuBound(value, weight, capacity, U, mu) * (1 - 1e-9);
  const ratio = (j: number) => (value[j] - mu) / weight[j];
  const reduced = (j: number) => value[j] - lambda * weight[j];
  const branchKey = streetsBind ? reduced : ratio;
  const order = items.map((_, j) => j).sort((a, b) => branchKey(b) - branchKey(a) || items[a].rank - items[b].rank);
  const v = new Float64Array(n);
  const w = new Float64Array(n);
  const street = new Int32Array(n);
  order.forEach((j, p) => {
    v[p] = value[j];
    w[p] = weight[j];
    street[p] = streetOf[j];
  });
  // Positions (in branching order) sorted for each bound, positive terms only.
  const positions = Array.from({ length: n }, (_, p) => p);
  const byRatio = new Int32Array(
    positions.filter((p) => v[p] - mu > 0).sort((a, b) => (v[b] - mu) / w[b] - (v[a] - mu) / w[a] || a - b),
  );
  const useLambda = streetsBind;
  const byReduced = new Int32Array(
    useLambda ? positions.filter((p) => v[p] - lambda * w[p] > 0).sort((a, b) => v[b] - lambda * w[b] - (v[a] - lambda * w[a]) || a - b) : [],
  );

  // Bound 1 (μ): μ·j* + fractional knapsack of (v − μ) over the free items, capacity C.
  // When branching in ratio order the free items are a suffix of byRatio: prefix sums + bisection.
  const PW = new Float64Array(byRatio.length + 1);
  const PV = new Float64Array(byRatio.length + 1);
  byRatio.forEach((p, q) => {
    PW[q + 1] = PW[q] + w[p];
    PV[q + 1] = PV[q] + (v[p] - mu);
  });
  const muBound = (i: number, C: number, jStar: number): number => {
    let total = mu * jStar;
    if (!streetsBind) {
      // byRatio is positions 0 .. byRatio.length − 1 here, so the free ones start at i.
      if (i >= byRatio.length) return total;
      let lo = i;
      let hi = byRatio.length;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (PW[mid] - PW[i] <= C) lo = mid;
        else hi = mid - 1;
      }
      total += PV[lo] - PV[i];
      if (lo < byRatio.length) total += ((C - (PW[lo] - PW[i])) * (v[byRatio[lo]] - mu)) / w[byRatio[lo]];
      return total;
    }
    for (let q = 0; q < byRatio.length; q++) {
      const p = byRatio[q];
      if (p < i) continue;
      if (w[p] <= C) {
        C -= w[p];
        total += v[p] - mu;
      } else {
        return total + ((v[p] - mu) * C) / w[p];
      }
    }
    return total;
  };

  // Bound 2 (λ): λ·C + the best set of ≤ j* free items within the street caps by v − λ·w — a
  // matroid, so greedy in byReduced order is exact.
  const taken = new Int32Array(streets);
  const touched: number[] = [];
  const lambdaBound = (i: number, C: number, jStar: number): number => {
    let total = lambda * C;
    let count = 0;
    for (let q = 0; q < byReduced.length && count < jStar; q++) {
      const p = byReduced[q];
      if (p < i) continue;
      const g = street[p];
      if (streetCount[g] + taken[g] >= maxPerStreet) continue;
      if (taken[g] === 0) touched.push(g);
      taken[g]++;
      count++;
      total += v[p] - lambda * w[p];
    }
    for (const g of touched) taken[g] = 0;
    touched.length = 0;
    return total;
  };

  // Bound 3 (cardinality) and the minimum-count check use suffix tables (any order works):
  // minW[i][j] = weight of the lightest j items from position i on, topV[i][j] = the j largest values.
  const cols = U + 1;
  const minW = new Float64Array((n + 1) * cols).fill(Number.POSITIVE_INFINITY);
  const topV = new Float64Array((n + 1) * cols).fill(Number.NEGATIVE_INFINITY);
  minW[n * cols] = 0;
  topV[n * cols] = 0;
  for (let i = n - 1; i >= 0; i--) {
    const row = i * cols;
    const next = (i + 1) * cols;
    minW[row] = 0;
    topV[row] = 0;
    for (let j = 1; j <= U; j++) {
      minW[row + j] = Math.min(minW[next + j], w[i] + minW[next + j - 1]);
      topV[row + j] = Math.max(topV[next + j], v[i] + topV[next + j - 1]);
    }
  }
  const maxFit = (i: number, C: number, limit: number): number => {
    const row = i * cols;
    let lo = 0;
    let hi = limit;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (minW[row + mid] <= C) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };

  const streetCount = new Int32Array(streets);
  const stack = new Int32Array(U);
  let depth = 0;
  let best = -1;
  let bestSet: number[] = [];

  const search = (i: number, C: number, count: number, V: number): void => {
    if (count >= minCount && V > best) {
      best = V;
      bestSet = Array.from(stack.subarray(0, depth));
    }
    if (i >= n || count >= U) return;
    const jStar = maxFit(i, C, U - count);
    const need = minCount - count;
    if (need > 0 && (need > jStar || minW[i * cols + need] > C)) return;
    // Σv is an integer: a subtree is worth exploring only if it may reach best + 1. The slack
    // (relative 1e-12) covers floating-point rounding in the bounds and only ever cuts less.
    const threshold = best + 1;
    const slack = (x: number) => x * (1 + 1e-12) + 1e-6;
    if (slack(V + topV[i * cols + jStar]) < threshold) return;
    if (slack(V + muBound(i, C, jStar)) < threshold) return;
    if (useLambda && slack(V + lambdaBound(i, C, jStar)) < threshold) return;
    if (w[i] <= C && streetCount[street[i]] < maxPerStreet) {
      streetCount[street[i]]++;
      stack[depth++] = i;
      search(i + 1, C - w[i], count + 1, V + v[i]);
      depth--;
      streetCount[street[i]]--;
    }
    search(i + 1, C, count, V);
  };
  search(0, capacity, 0, 0);
  return bestSet.map((p) => items[order[p]]);
}

/**
 * The μ ≥ 0 minimising g(μ) = μ·U + LP(v − μ, C), the Lagrangian dual of the cardinality
 * constraint (g is convex, so a ternary search converges). Any μ ≥ 0 gives a valid bound; a good
 * one only makes the search faster.
 */
function rootMuBound(value: number[], weight: number[], capacity: number, U: number, mu: number): number {
  const idx = value.map((_, j) => j);
  const pos = idx.filter((j) => value[j] - mu > 0).sort((a, b) => (value[b] - mu) / weight[b] - (value[a] - mu) / weight[a]);
  let C = capacity;
  let total = mu * U;
  for (const j of pos) {
    if (weight[j] <= C) {
      C -= weight[j];
      total += value[j] - mu;
    } else {
      total += ((value[j] - mu) * C) / weight[j];
      break;
    }
  }
  return total;
}

function cardinalityMultiplier(value: number[], weight: number[], capacity: number, U: number): number {
  const idx = value.map((_, j) => j);
  const g = (mu: number): number => {
    const pos = idx.filter((j) => value[j] - mu > 0).sort((a, b) => (value[b] - mu) / weight[b] - (value[a] - mu) / weight[a]);
    let C = capacity;
    let total = mu * U;
    for (const j of pos) {
      if (weight[j] <= C) {
        C -= weight[j];
        total += value[j] - mu;
      } else {
        total += ((value[j] - mu) * C) / weight[j];
        break;
      }
    }
    return total;
  };
  let lo = 0;
  let hi = Math.max(0, ...value);
  for (let iter = 0; iter < 100 && hi - lo > 1e-9 * (hi + 1); iter++) {
    const m1 = lo + (hi - lo) / 3;
    const m2 = hi - (hi - lo) / 3;
    if (g(m1) <= g(m2)) hi = m2;
    else lo = m1;
  }
  const mid = (lo + hi) / 2;
  return g(0) <= g(mid) ? 0 : mid;
}

/**
 * The λ ≥ 0 minimising L(λ) = λ·C + max over sets of ≤ U items with ≤ maxPerStreet per street of
 * Σ (v − λ·w): the Lagrangian dual of the budget constraint, convex in λ; at its minimum it equals
 * the LP relaxation of the whole problem (the count-and-street constraints form a matroid, whose
 * polytope is integral).
 */
function rootLambdaBound(
  value: number[],
  weight: number[],
  streetOf: readonly number[],
  streets: number,
  capacity: number,
  U: number,
  maxPerStreet: number,
  lambda: number,
): number {
  const sorted = value
    .map((_, j) => j)
    .filter((j) => value[j] - lambda * weight[j] > 0)
    .sort((a, b) => value[b] - lambda * weight[b] - (value[a] - lambda * weight[a]));
  const perStreet = new Int32Array(streets);
  let total = lambda * capacity;
  let count = 0;
  for (const j of sorted) {
    if (count >= U) break;
    if (perStreet[streetOf[j]] >= maxPerStreet) continue;
    perStreet[streetOf[j]]++;
    count++;
    total += value[j] - lambda * weight[j];
  }
  return total;
}

function budgetMultiplier(
  value: number[],
  weight: number[],
  streetOf: readonly number[],
  streets: number,
  capacity: number,
  U: number,
  maxPerStreet: number,
): number {
  const idx = value.map((_, j) => j);
  const L = (lambda: number): number => {
    const sorted = idx.filter((j) => value[j] - lambda * weight[j] > 0).sort((a, b) => value[b] - lambda * weight[b] - (value[a] - lambda * weight[a]));
    const perStreet = new Int32Array(streets);
    let total = lambda * capacity;
    let count = 0;
    for (const j of sorted) {
      if (count >= U) break;
      if (perStreet[streetOf[j]] >= maxPerStreet) continue;
      perStreet[streetOf[j]]++;
      count++;
      total += value[j] - lambda * weight[j];
    }
    return total;
  };
  let lo = 0;
  let hi = Math.max(0, ...value.map((x, j) => x / weight[j]));
  for (let iter = 0; iter < 100 && hi - lo > 1e-12 * (hi + 1e-12); iter++) {
    const m1 = lo + (hi - lo) / 3;
    const m2 = hi - (hi - lo) / 3;
    if (L(m1) <= L(m2)) hi = m2;
    else lo = m1;
  }
  const mid = (lo + hi) / 2;
  return L(0) <= L(mid) ? 0 : mid;
}

export interface SelectionComparison {
  onlyInA: number[];
  onlyInB: number[];
  explanation: { zh: string; en: string };
}

/**
 * What differs between two selections, in words for the decision record. By default A is the
 * rank-order pass and B the optimal set; pass labels for other pairs.
 */
export function compareSelections(
  a: SelectionResult,
  b: SelectionResult,
  labels: { a: { zh: string; en: string }; b: { zh: string; en: string } } = {
    a: { zh: '按名次顺序', en: 'The rank-order pass' },
    b: { zh: '最优组合', en: 'The optimal set' },
  },
): SelectionComparison {
  const inB = new Set(b.selected);
  const inA = new Set(a.selected);
  const onlyInA = a.selected.filter((id) => !inB.has(id));
  const onlyInB = b.selected.filter((id) => !inA.has(id));
  const describe = (s: SelectionResult) => ({
    zh: `${s.selected.length} 项，总分 ${formatScore(s.totalScore)}，补助合计 ${formatYuan(s.total)} 元`,
    en: `${s.selected.length} projects, total score ${formatScore(s.totalScore)}, awards ${formatYuan(s.total)} 元`,
  });
  const da = describe(a);
  const db = describe(b);
  if (onlyInA.length === 0 && onlyInB.length === 0) {
    return {
      onlyInA,
      onlyInB,
      explanation: {
        zh: `${labels.a.zh}与${labels.b.zh}选出的项目相同：${da.zh}。`,
        en: `${labels.a.en} and ${labels.b.en.toLowerCase()} select the same projects: ${da.en}.`,
      },
    };
  }
  const ids = (list: number[]) => (list.length ? list.join('、') : '无');
  const idsEn = (list: number[]) => (list.length ? list.join(', ') : 'none');
  const diff = b.totalScore - a.totalScore;
  const spend = b.total - a.total;
  return {
    onlyInA,
    onlyInB,
    explanation: {
      zh:
        `${labels.a.zh}：${da.zh}；${labels.b.zh}：${db.zh}。` +
        `仅${labels.a.zh}选入：${ids(onlyInA)}；仅${labels.b.zh}选入：${ids(onlyInB)}。` +
        `${labels.b.zh}总分${diff >= 0 ? '高' : '低'} ${formatScore(Math.abs(diff))} 分，补助${spend >= 0 ? '多' : '少'} ${formatYuan(Math.abs(spend))} 元。`,
      en:
        `${labels.a.en}: ${da.en}; ${labels.b.en.toLowerCase()}: ${db.en}. ` +
        `Only in the first: ${idsEn(onlyInA)}; only in the second: ${idsEn(onlyInB)}. ` +
        `The second scores ${formatScore(Math.abs(diff))} points ${diff >= 0 ? 'more' : 'less'} and awards ${formatYuan(Math.abs(spend))} 元 ${spend >= 0 ? 'more' : 'less'}.`,
    },
  };
}
