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
    problems.push(
      violation(
        'envelope',
        'ENVELOPE_INVALID',
        '可用资金须为不小于零的金额',
        'The envelope must be an amount of zero or more',
      ),
    );
  }
  if (!Number.isInteger(minCount) || !Number.isInteger(maxCount) || minCount < 0 || maxCount < minCount) {
    fatal = true;
    problems.push(
      violation(
        'maxCount',
        'COUNT_RANGE_INVALID',
        '入选数量范围无效（须 0 ≤ 下限 ≤ 上限）',
        'Invalid count range (0 ≤ minimum ≤ maximum)',
      ),
    );
  }
  const perStreet = input.maxPerStreet ?? null;
  if (perStreet !== null && (!Number.isInteger(perStreet) || perStreet < 1)) {
    fatal = true;
    problems.push(
      violation(
        'maxPerStreet',
        'MAX_PER_STREET_INVALID',
        '每个街道入选上限须为正整数',
        'The per-street maximum must be a whole number above zero',
      ),
    );
  }

  const items: Item[] = [];
  const seen = new Set<number>();
  input.candidates.forEach((c, rank) => {
    const at = (field: string) => `candidates.${rank}.${field}`; // built only on the error paths
    if (seen.has(c.applicationId)) {
      problems.push(
        violation(
          at('applicationId'),
          'DUPLICATE_CANDIDATE',
          `申请 ${c.applicationId} 重复出现`,
          `Application ${c.applicationId} is listed twice`,
        ),
      );
      return;
    }
    seen.add(c.applicationId);
    if (typeof c.score !== 'number' || !Number.isFinite(c.score) || c.score < 0) {
      problems.push(
        violation(
          at('score'),
          'SCORE_INVALID',
          `申请 ${c.applicationId} 没有有效得分`,
          `Application ${c.applicationId} has no valid score`,
        ),
      );
      return;
    }
    if (!Number.isSafeInteger(c.request) || c.request <= 0) {
      problems.push(
        violation(
          at('request'),
          'REQUEST_INVALID',
          `申请 ${c.applicationId} 的申请金额无效`,
          `Application ${c.applicationId} has an invalid request`,
        ),
      );
      return;
    }
    if (!Number.isSafeInteger(c.cap) || c.cap <= 0) {
      problems.push(
        violation(
          at('cap'),
          'CAP_INVALID',
          `申请 ${c.applicationId} 的补助上限无效`,
          `Application ${c.applicationId} has an invalid cap`,
        ),
      );
      return;
    }
    if (c.request > c.cap) {
      problems.push(
        violation(
          at('request'),
          'REQUEST_OVER_CAP',
          `申请 ${c.applicationId} 申请 ${formatYuan(c.request)} 元，超过上限 ${formatYuan(c.cap)} 元；最多按上限安排`,
          `Application ${c.applicationId} requests ${formatYuan(c.request)} 元, above its cap of ${formatYuan(c.cap)} 元; at most the cap can be awarded`,
        ),
      );
    }
    items.push({
      rank,
      applicationId: c.applicationId,
      score: c.score,
      award: Math.min(c.request, c.cap),
      streetId: c.streetId,
    });
  });
  return { items, problems, fatal, maxPerStreet: perStreet ?? Number.POSITIVE_INFINITY };
}

function result(chosen: Item[], problems: Violation[], feasible: boolean): SelectionResult {
  const inOrder = chosen.every((item, i) => i === 0 || chosen[i - 1].rank < item.rank);
  const sorted = inOrder ? chosen : [...chosen].sort((a, b) => a.rank - b.rank);
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
    problems.push(
      minCountProblem(chosen.length, input.minCount, { zh: '按名次顺序', en: 'The rank-order pass' }),
    );
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
 * per-street caps). Scores enter as integers v_j = round(score · 1e5), so sums are exact and ties
 * are real ties; among optimal sets, ties are then broken towards the ranking (preferBetterRanked).
 *
 * Money cannot be a DP dimension (10^8 fen), so two exact methods that never enumerate fen are
 * combined (solveExactly); each is proved exact in its own comment:
 *  1. a short depth-first branch and bound with LP-relaxation bounds (branchAndBound) — proves the
 *     optimum outright on most inputs, and otherwise supplies a good incumbent;
 *  2. a dynamic programme over Pareto states (paretoProgramme) seeded with that incumbent — robust
 *     where branch and bound is weak (scores that track the amounts: many subsets of nearly equal
 *     worth, which dominance collapses);
 *  3. only if the programme gives up, the branch and bound again with the full work limit.
 * Work is counted deterministically (no clock). Measured on 700 generated instances of 500
 * candidates and a 1,000,000 元 envelope (uncorrelated, weakly and strongly score–amount
 * correlated, equal scores, fen-level amounts, with and without street caps and count ranges):
 * all proven optimal, typically in tens of milliseconds, at most ~2 s on a loaded 2-core machine.
 * If the limit is ever reached, the best set found is returned with OPTIMUM_NOT_PROVEN rather
 * than blocking the server.
 *
 * If no set reaches minCount (checked exactly: the lightest items within the street caps are a
 * min-weight basis of a matroid, found greedily), the result is the best set without the minimum,
 * flagged infeasible with MIN_COUNT_NOT_REACHED.
 */
export function optimalSelection(
  input: SelectionInput,
  /** workLimit: see DEFAULT_WORK_LIMIT. method: force one exact method (for tests). */
  options: { workLimit?: number; method?: 'auto' | 'pareto' | 'branch-and-bound' } = {},
): SelectionResult {
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
    problems.push(
      minCountProblem(reachable, input.minCount, {
        zh: '在可用资金内',
        en: 'Within the envelope, any selection',
      }),
    );
    minCount = 0;
  }
  const workLimit = options.workLimit ?? DEFAULT_WORK_LIMIT;
  const { chosen, proven } = solveExactly(
    items,
    envelope,
    minCount,
    input.maxCount,
    maxPerStreet,
    workLimit,
    options.method ?? 'auto',
  );
  if (!proven) {
    problems.push(
      violation(
        'candidates',
        'OPTIMUM_NOT_PROVEN',
        '计算量达到上限，未能证明最优；这是已找到的最好组合（通常因得分与金额高度相关）',
        'The search limit was reached before optimality was proven; this is the best selection found (usually because scores track the amounts closely)',
      ),
    );
  }
  return result(preferBetterRanked(chosen, items, envelope, maxPerStreet), problems, feasible);
}

/**
 * The three stages: a short branch and bound (often enough to prove the optimum, and otherwise a
 * good incumbent), the Pareto programme seeded with that incumbent, and — only if the programme
 * gives up — the branch and bound with the full work limit.
 */
function solveExactly(
  items: Item[],
  capacity: number,
  minCount: number,
  maxCount: number,
  maxPerStreet: number,
  workLimit: number,
  method: 'auto' | 'pareto' | 'branch-and-bound',
): { chosen: Item[]; proven: boolean } {
  if (method === 'branch-and-bound')
    return branchAndBound(items, capacity, minCount, maxCount, maxPerStreet, workLimit);
  if (method === 'pareto') {
    const dp = paretoProgramme(items, capacity, minCount, maxCount, maxPerStreet, workLimit, null);
    if (dp) return { chosen: dp, proven: true };
  }
  const quick = branchAndBound(
    items,
    capacity,
    minCount,
    maxCount,
    maxPerStreet,
    Math.min(workLimit, QUICK_WORK_LIMIT),
  );
  if (quick.proven) return quick;
  const units = (set: Item[]) => set.reduce((sum, i) => sum + Math.round(i.score * SCORE_UNITS), 0);
  const incumbent =
    quick.chosen.length >= minCount ? { value: units(quick.chosen), chosen: quick.chosen } : null;
  const dp = paretoProgramme(items, capacity, minCount, maxCount, maxPerStreet, workLimit, incumbent);
  if (dp) return { chosen: dp, proven: true };
  return branchAndBound(items, capacity, minCount, maxCount, maxPerStreet, workLimit);
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
  for (let changed = true; changed;) {
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

/**
 * Work limit of the Pareto programme and of the long branch and bound, each: nodes, bound-scan
 * steps and state operations (deterministic, no clock) — roughly 0.2–1 s of CPU each.
 */
const DEFAULT_WORK_LIMIT = 20_000_000;
/** Work of the first, short branch and bound. */
const QUICK_WORK_LIMIT = 500_000;

/** Largest bound tables the dynamic programme builds (cells per table). */
const DP_MAX_TABLE = 4_000_000;

/**
 * Exact dynamic programme over Pareto states (Nemhauser–Ullmann with bounds). Candidates are processed in blocks, one per street when the street cap can bind (else a
 * single block), each block in the order of (v − μ)/award (μ as in bound 2 of the branch and
 * bound). After candidate i, a state is a selection among candidates 0..i, kept as (weight W,
 * value V, count c, number u taken in the current block). A state is dropped when
 *  - it is dominated: another state has W' ≤ W, V' ≥ V, u' ≤ u and either c' = c or
 *    minCount ≤ c' < c — it has at least as much room under the budget, the street cap and the
 *    maximum count, and meets the minimum whenever the dropped one would, so any completion of
 *    the dropped state completes it to at least the same value; or
 *  - its bound is below best + 1 (Σv is an integer), best being the largest V of a state meeting
 *    minCount (each state is itself a feasible selection) or of the incumbent, or it cannot
 *    reach minCount.
 * Hence a state equal to, or dominating, the optimum's prefix survives every step, and the best
 * state at the end is optimal. Bounds, for the free candidates p.. with capacity C, r more allowed
 * in the current block and at most m more in all (tables over (p, r, j), built once backwards):
 *  - j* = min(m, max{ j : the lightest j within the street caps fit in C });
 *  - the j* largest values within the street caps;
 *  - μ·j* + the fractional knapsack of the positive (v − μ) (street caps ignored: still valid);
 *  - with street caps, λ·C + the best Σ (v − λ·w) of ≤ j* candidates within the caps, for seven
 *    multipliers λ spread around the root's optimal one (bound 3 of the branch and bound), each
 *    tabulated since it does not depend on C — their minimum adapts to the state's capacity;
 *  - minCount: the lightest (minCount − c) within the caps must fit in C.
 * Dominance is what makes this robust where branch and bound is not: the many subsets of equal
 * weight, typical when scores track the amounts, collapse into one state. Returns null when the
 * tables would be too large or the work limit is reached (the branch and bound then decides).
 * Solutions are rebuilt from a pool of (candidate, parent) links.
 */
function paretoProgramme(
  items: Item[],
  capacity: number,
  minCount: number,
  maxCount: number,
  maxPerStreet: number,
  workLimit: number,
  incumbent: { value: number; chosen: Item[] } | null,
): Item[] | null {
  const n = items.length;
  if (n === 0) return [];
  const value = items.map((i) => Math.round(i.score * SCORE_UNITS));
  const weight = items.map((i) => i.award);
  const sortedW = [...weight].sort((a, b) => a - b);
  let fit = 0;
  for (let total = 0; fit < n && total + sortedW[fit] <= capacity; fit++) total += sortedW[fit];
  const U = Math.min(maxCount, fit);
  const countMatters = minCount > 0 || maxCount < fit;

  const perStreetTotal = new Map<number, number>();
  for (const item of items) perStreetTotal.set(item.streetId, (perStreetTotal.get(item.streetId) ?? 0) + 1);
  const streetMode =
    Number.isFinite(maxPerStreet) &&
    maxPerStreet < U &&
    [...perStreetTotal.values()].some((k) => k > maxPerStreet);
  const P = streetMode ? maxPerStreet : U; // the most taken from one block
  const R = streetMode ? P : 0; // residual index range 0..R (0..0: no street limit)
  if ((n + 1) * (R + 1) * (U + 1) > DP_MAX_TABLE) return null;

  const mu = countMatters ? cardinalityMultiplier(value, weight, capacity, U) : 0;
  const streetIndex = new Map<number, number>();
  items.forEach((item) => {
    if (!streetIndex.has(item.streetId)) streetIndex.set(item.streetId, streetIndex.size);
  });
  const streetOf = items.map((item) => streetIndex.get(item.streetId)!);
  const lambda = streetMode ? budgetMultiplier(value, weight, streetOf, streetIndex.size, capacity, U, P) : 0;

  // Order: blocks (streets in order of their best-ranked candidate, or one block), ratio inside.
  const ratio = (j: number) => (value[j] - mu) / weight[j];
  const order = items
    .map((_, j) => j)
    .sort(
      (a, b) =>
        (streetMode ? streetOf[a] - streetOf[b] : 0) || ratio(b) - ratio(a) || items[a].rank - items[b].rank,
    );
  const v = order.map((j) => value[j]);
  const w = order.map((j) => weight[j]);
  const newBlock = order.map((j, p) => p === 0 || (streetMode && streetOf[j] !== streetOf[order[p - 1]]));
  // λ-bounds for a spread of multipliers around the root's λ: each is valid, and the smallest at
  // a state's own capacity approximates the street-aware LP bound for that capacity.
  const lambdas = streetMode ? [0.5, 0.71, 0.84, 1, 1.19, 1.41, 2].map((f) => f * lambda) : [];
  const bounds = new BlockBounds(v, w, newBlock, U, R, mu, lambdas, !streetMode);

  // State lists per (c, u): c the count (0 only, when counts cannot bind), u taken in the block.
  const C_LISTS = countMatters ? U + 1 : 1;
  const U_LISTS = R + 1;
  const at = (c: number, u: number) => c * U_LISTS + u;
  type List = { W: number[]; V: number[]; N: number[] };
  const empty = (): List => ({ W: [], V: [], N: [] });
  let lists: List[] = Array.from({ length: C_LISTS * U_LISTS }, empty);
  lists[at(0, 0)] = { W: [0], V: [0], N: [-1] };
  const poolItem: number[] = [];
  const poolParent: number[] = [];
  // A known selection (the incumbent) lets the bounds cut from the start; if no state beats it,
  // it is the optimum.
  let best = Math.max(minCount === 0 ? 0 : -1, incumbent?.value ?? -1);
  let bestNode = -1;
  let work = 0;

  /** Merges two W-sorted lists, the second shifted by (dw, dv) and linked to `item`, dropping
   * dominated and over-capacity states and recording new bests. */
  const merge = (a: List, b: List, dw: number, dv: number, item: number, eligible: boolean): List => {
    const out = empty();
    let x = 0;
    let y = 0;
    while (x < a.W.length || y < b.W.length) {
      const wa = x < a.W.length ? a.W[x] : Number.POSITIVE_INFINITY;
      const wb = y < b.W.length ? b.W[y] + dw : Number.POSITIVE_INFINITY;
      const takeA = wa < wb || (wa === wb && a.V[x] >= b.V[y] + dv);
      const sw = takeA ? wa : wb;
      const sv = takeA ? a.V[x] : b.V[y] + dv;
      work++;
      if (sw > capacity) break; // both inputs are sorted: the rest is heavier
      if (takeA) x++;
      else y++;
      if (out.V.length > 0 && sv <= out.V[out.V.length - 1]) continue; // dominated
      let sn: number;
      if (takeA) sn = a.N[x - 1];
      else if (item < 0) sn = b.N[y - 1];
      else {
        poolItem.push(item);
        poolParent.push(b.N[y - 1]);
        sn = poolItem.length - 1;
      }
      if (eligible && sv > best) {
        best = sv;
        bestNode = sn;
      }
      out.W.push(sw);
      out.V.push(sv);
      out.N.push(sn);
    }
    return out;
  };

  /**
   * Dominance across lists: a state is also dropped when a state with no larger W, no smaller V,
   * no more taken in the block (u' ≤ u) and either the same count or a count c' < c that already
   * meets minCount exists — it has at least as much room left under every limit.
   */
  type Front = { W: number[]; V: number[] };
  const union = (a: Front, b: Front): Front => {
    const out: Front = { W: [], V: [] };
    let x = 0;
    let y = 0;
    while (x < a.W.length || y < b.W.length) {
      const takeA =
        y >= b.W.length || (x < a.W.length && (a.W[x] < b.W[y] || (a.W[x] === b.W[y] && a.V[x] >= b.V[y])));
      const sw = takeA ? a.W[x] : b.W[y];
      const sv = takeA ? a.V[x++] : b.V[y++];
      if (out.V.length > 0 && sv <= out.V[out.V.length - 1]) continue;
      out.W.push(sw);
      out.V.push(sv);
    }
    return out;
  };
  const undominated = (list: List, front: Front): List => {
    if (front.W.length === 0) return list;
    const out = empty();
    let k = 0;
    let bestV = Number.NEGATIVE_INFINITY;
    for (let q = 0; q < list.W.length; q++) {
      while (k < front.W.length && front.W[k] <= list.W[q]) bestV = front.V[k++];
      work++;
      if (bestV >= list.V[q]) continue;
      out.W.push(list.W[q]);
      out.V.push(list.V[q]);
      out.N.push(list.N[q]);
    }
    return out;
  };
  const dominateAcross = (next: List[]) => {
    const minC = countMatters ? minCount : 0;
    let cross: Front[] = Array.from({ length: U_LISTS }, () => ({ W: [], V: [] }));
    for (let c = 0; c < C_LISTS; c++) {
      let same: Front = { W: [], V: [] };
      const snapshots: Front[] = [];
      for (let u = 0; u < U_LISTS; u++) {
        let list = undominated(next[at(c, u)], same);
        if (c > minC) list = undominated(list, cross[u]);
        next[at(c, u)] = list;
        same = union(same, list);
        snapshots.push(same);
      }
      if (c >= minC) cross = cross.map((front, u) => union(front, snapshots[u]));
    }
  };

  for (let p = 0; p < n; p++) {
    const next: List[] = Array.from({ length: C_LISTS * U_LISTS }, empty);
    for (let c = 0; c < C_LISTS; c++) {
      for (let u = 0; u < U_LISTS; u++) {
        const without = lists[at(c, u)];
        const fromC = countMatters ? c - 1 : c;
        const fromU = streetMode ? u - 1 : u;
        const withFrom = fromC >= 0 && fromU >= 0 ? lists[at(fromC, fromU)] : empty();
        next[at(c, u)] = merge(without, withFrom, w[p], v[p], p, !countMatters || c >= minCount);
      }
    }
    if (work > workLimit) return null;
    // Leaving a block: u starts again from 0.
    if (streetMode && (p + 1 === n || newBlock[p + 1])) {
      for (let c = 0; c < C_LISTS; c++) {
        let merged = next[at(c, 0)];
        for (let u = 1; u < U_LISTS; u++) {
          merged = merge(merged, next[at(c, u)], 0, 0, -1, false);
          next[at(c, u)] = empty();
        }
        next[at(c, 0)] = merged;
      }
    }
    if (C_LISTS * U_LISTS > 1) dominateAcross(next);
    const leaving = p + 1 === n || newBlock[p + 1];
    for (let c = 0; c < C_LISTS; c++) {
      for (let u = 0; u < U_LISTS; u++) {
        const list = next[at(c, u)];
        if (list.W.length === 0) continue;
        if (countMatters && c >= U) {
          next[at(c, u)] = empty(); // nothing more fits under maxCount; already recorded
          continue;
        }
        const r = streetMode ? (leaving ? R : R - u) : 0;
        const m = countMatters ? U - c : U;
        const kept = empty();
        for (let q = 0; q < list.W.length; q++) {
          if (
            !bounds.mayImprove(
              p + 1,
              capacity - list.W[q],
              r,
              m,
              countMatters ? minCount - c : 0,
              list.V[q],
              best,
            )
          )
            continue;
          kept.W.push(list.W[q]);
          kept.V.push(list.V[q]);
          kept.N.push(list.N[q]);
        }
        work += list.W.length;
        next[at(c, u)] = kept;
      }
    }
    lists = next;
  }
  if (best < 0) return null;
  if (bestNode < 0 && incumbent && best === incumbent.value) return incumbent.chosen;
  const chosen: Item[] = [];
  for (let k = bestNode; k >= 0; k = poolParent[k]) chosen.push(items[order[poolItem[k]]]);
  return chosen;
}

/**
 * Bound tables over the free candidates p..n−1 (in the programme's order) with r more allowed in
 * the current block (later blocks allow R each; R = 0 means no street limit) and j more in all:
 * lightest[p][r][j] (exactly j), largest[p][r][j] and lambdaBest[p][r][j] (at most j), built
 * backwards in O(n·R·U); plus the fractional knapsack of the positive (v − μ) over each suffix.
 */
class BlockBounds {
  private readonly stride: number;
  private readonly lightest: Float64Array;
  private readonly largest: Float64Array;
  /** One table per λ: the best Σ (v − λ·w) of at most j candidates within the caps. */
  private readonly lambdaBest: Float64Array[];
  /** Suffix knapsack: per p, positions ≥ p with v − μ > 0 by ratio, with prefix sums. */
  private readonly suffixStart: Int32Array;
  private readonly suffixPos: Int32Array;
  private readonly suffixW: Float64Array;
  private readonly suffixV: Float64Array;

  constructor(
    private readonly v: readonly number[],
    private readonly w: readonly number[],
    newBlock: readonly boolean[],
    private readonly U: number,
    R: number,
    private readonly mu: number,
    private readonly lambdas: readonly number[],
    private readonly sortedByRatio: boolean,
  ) {
    const n = v.length;
    const cols = U + 1;
    this.stride = (R + 1) * cols;
    const size = (n + 1) * this.stride;
    this.lightest = new Float64Array(size).fill(Number.POSITIVE_INFINITY);
    this.largest = new Float64Array(size);
    this.lambdaBest = lambdas.map(() => new Float64Array(size));
    const idx = (p: number, r: number, j: number) => p * this.stride + r * cols + j;
    for (let r = 0; r <= R; r++) this.lightest[idx(n, r, 0)] = 0;
    for (let p = n - 1; p >= 0; p--) {
      const fresh = p + 1 === n || newBlock[p + 1];
      for (let r = 0; r <= R; r++) {
        // After p: the same block with r (or r − 1 if p is taken), or a new block with R.
        const skipR = fresh ? R : r;
        const takeR = fresh ? R : r - 1;
        const canTake = R === 0 || r >= 1;
        for (let j = 0; j <= U; j++) {
          let light = this.lightest[idx(p + 1, skipR, j)];
          let large = this.largest[idx(p + 1, skipR, j)];
          if (canTake && j >= 1) {
            light = Math.min(light, w[p] + this.lightest[idx(p + 1, takeR, j - 1)]);
            large = Math.max(large, v[p] + this.largest[idx(p + 1, takeR, j - 1)]);
          }
          this.lightest[idx(p, r, j)] = light;
          this.largest[idx(p, r, j)] = large;
          lambdas.forEach((lambda, k) => {
            const table = this.lambdaBest[k];
            const reduced = v[p] - lambda * w[p];
            let lam = table[idx(p + 1, skipR, j)];
            if (canTake && j >= 1 && reduced > 0)
              lam = Math.max(lam, reduced + table[idx(p + 1, takeR, j - 1)]);
            table[idx(p, r, j)] = lam;
          });
        }
      }
    }
    // Suffix knapsacks. In ratio order (one block) every suffix is already sorted: share one list.
    const ratio = (p: number) => (v[p] - mu) / w[p];
    const positive = (p: number) => v[p] - mu > 0;
    this.suffixStart = new Int32Array(n + 2);
    const flat: number[] = [];
    if (sortedByRatio) {
      const all = Array.from({ length: n }, (_, p) => p).filter(positive);
      // positive() holds for a prefix of a ratio-sorted order: suffix p is all[p..].
      for (const q of all) flat.push(q);
      for (let p = 0; p <= n; p++) this.suffixStart[p] = Math.min(p, all.length);
      this.suffixStart[n + 1] = all.length;
    } else {
      let current: number[] = [];
      const perSuffix: number[][] = new Array(n + 1);
      perSuffix[n] = [];
      for (let p = n - 1; p >= 0; p--) {
        if (positive(p)) {
          const k = current.findIndex((q) => ratio(q) < ratio(p));
          current = k < 0 ? [...current, p] : [...current.slice(0, k), p, ...current.slice(k)];
        }
        perSuffix[p] = current;
      }
      for (let p = 0; p <= n; p++) {
        this.suffixStart[p] = flat.length;
        flat.push(...perSuffix[p]);
      }
      this.suffixStart[n + 1] = flat.length;
    }
    this.suffixPos = new Int32Array(flat);
    // Prefix sums restart at each suffix's start (shared list: one running sum).
    this.suffixW = new Float64Array(flat.length + n + 2);
    this.suffixV = new Float64Array(flat.length + n + 2);
    if (sortedByRatio) {
      for (let q = 0; q < flat.length; q++) {
        this.suffixW[q + 1] = this.suffixW[q] + w[flat[q]];
        this.suffixV[q + 1] = this.suffixV[q] + (v[flat[q]] - mu);
      }
    }
  }

  /** μ·j* + the fractional knapsack of positive (v − μ) over positions p.., capacity C. */
  private muBound(p: number, C: number, jStar: number): number {
    let total = this.mu * jStar;
    if (this.sortedByRatio) {
      const from = this.suffixStart[p];
      const end = this.suffixStart[this.suffixStart.length - 1];
      if (from >= end) return total;
      let lo = from;
      let hi = end;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (this.suffixW[mid] - this.suffixW[from] <= C) lo = mid;
        else hi = mid - 1;
      }
      total += this.suffixV[lo] - this.suffixV[from];
      if (lo < end) {
        const q = this.suffixPos[lo];
        total += ((C - (this.suffixW[lo] - this.suffixW[from])) * (this.v[q] - this.mu)) / this.w[q];
      }
      return total;
    }
    for (let k = this.suffixStart[p], end = this.suffixStart[p + 1]; k < end; k++) {
      const q = this.suffixPos[k];
      if (this.w[q] <= C) {
        C -= this.w[q];
        total += this.v[q] - this.mu;
      } else return total + ((this.v[q] - this.mu) * C) / this.w[q];
    }
    return total;
  }

  /**
   * Whether a state (value V, capacity C left, r more allowed in its block, m more in all, `need`
   * more required) may still lead to a selection worth best + 1 (the relative slack of 1e-12
   * covers rounding and only keeps more).
   */
  mayImprove(p: number, C: number, r: number, m: number, need: number, V: number, best: number): boolean {
    const base = p * this.stride + r * (this.U + 1);
    let lo = 0;
    let hi = Math.min(m, this.U);
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lightest[base + mid] <= C) lo = mid;
      else hi = mid - 1;
    }
    const jStar = lo;
    if (need > 0 && (need > jStar || this.lightest[base + need] > C)) return false;
    const threshold = best + 1;
    const slack = (x: number) => x * (1 + 1e-12) + 1e-6;
    if (slack(V + this.largest[base + jStar]) < threshold) return false;
    for (let k = 0; k < this.lambdas.length; k++) {
      if (slack(V + this.lambdas[k] * C + this.lambdaBest[k][base + jStar]) < threshold) return false;
    }
    return slack(V + this.muBound(p, C, jStar)) >= threshold;
  }
}

function lightestRespectingStreets(
  items: Item[],
  count: number,
  maxPerStreet: number,
): { count: number; weight: number } {
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

/**
 * Exact depth-first branch and bound. Every include/exclude decision is enumerated, so every
 * feasible set is a leaf; a subtree is cut only when a bound proves it holds no feasible set with
 * Σv ≥ best + 1 (Σv is an integer; each bound gets a relative slack of 1e-12, which only cuts
 * less). For the free items F below a node, remaining capacity C and remaining count m:
 *  0. j* = min(m, max{ j : the j lightest of F fit in C }) bounds how many more can be taken
 *     (any j items weigh at least the j lightest);
 *  1. cardinality: Σv of the completion ≤ the j* largest values in F;
 *  2. μ-Lagrangian: for any μ ≥ 0 and completion x with Σx ≤ j*,
 *     Σ v x = Σ (v − μ) x + μ Σ x ≤ LP(v − μ, C) + μ j*, LP the fractional knapsack of the
 *     positive (v − μ) in F (Dantzig: greedy by ratio, one fractional item);
 *  3. λ-Lagrangian (when street caps bind): for any λ ≥ 0, Σ v x = Σ (v − λw) x + λ Σ w x
 *     ≤ λ C + max{ Σ (v − λw) over ≤ j* items of F within the street caps }; the count and street
 *     constraints form a matroid, so greedy by v − λw computes that max exactly;
 *  4. feasibility: the completion needs ≥ minCount − count items, which weigh at least the
 *     lightest that many; if they exceed C, no leaf below is feasible.
 * μ and λ are the root's optimal multipliers (ternary search on the convex dual functions), so at
 * the root bounds 2 and 3 equal the LP relaxation without / with the street caps. Street caps are
 * otherwise enforced when branching. Branching follows the λ order when the street caps cut into
 * the LP, else the μ ratio order (then bound 2 costs O(log n) by prefix sums). `proven` is false
 * when the work limit stopped the search; `chosen` is then the best set found.
 */
function branchAndBound(
  items: Item[],
  capacity: number,
  minCount: number,
  maxCount: number,
  maxPerStreet: number,
  workLimit: number,
): { chosen: Item[]; proven: boolean } {
  const n = items.length;
  const U = Math.min(maxCount, n);
  if (n === 0 || U === 0) return { chosen: [], proven: true };
  let work = 0;

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
  const lambda = Number.isFinite(maxPerStreet)
    ? budgetMultiplier(value, weight, streetOf, streets, capacity, U, maxPerStreet)
    : 0;

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
  const order = items
    .map((_, j) => j)
    .sort((a, b) => branchKey(b) - branchKey(a) || items[a].rank - items[b].rank);
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
    useLambda
      ? positions
          .filter((p) => v[p] - lambda * w[p] > 0)
          .sort((a, b) => v[b] - lambda * w[b] - (v[a] - lambda * w[a]) || a - b)
      : [],
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
      work++;
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
      work++;
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
    if (++work > workLimit) return;
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
  return { chosen: bestSet.map((p) => items[order[p]]), proven: work <= workLimit };
}

/**
 * The μ ≥ 0 minimising g(μ) = μ·U + LP(v − μ, C), the Lagrangian dual of the cardinality
 * constraint (g is convex, so a ternary search converges). Any μ ≥ 0 gives a valid bound; a good
 * one only makes the search faster.
 */
function rootMuBound(value: number[], weight: number[], capacity: number, U: number, mu: number): number {
  const idx = value.map((_, j) => j);
  const pos = idx
    .filter((j) => value[j] - mu > 0)
    .sort((a, b) => (value[b] - mu) / weight[b] - (value[a] - mu) / weight[a]);
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
    const pos = idx
      .filter((j) => value[j] - mu > 0)
      .sort((a, b) => (value[b] - mu) / weight[b] - (value[a] - mu) / weight[a]);
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
    const sorted = idx
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
