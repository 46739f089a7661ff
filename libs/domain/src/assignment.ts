/**
 * Reviewer assignment (product.md: "reviewers never see or score an application with a conflict
 * of interest; each application gets the configured number of reviewers").
 *
 * Exact goal: every application gets exactly k distinct reviewers, no conflicted pair, no reviewer
 * above maxLoad, and the loads as balanced as possible — the load vector is "decreasingly
 * minimal": its largest load is as small as possible, then the number of reviewers at that load,
 * then the next largest, and so on. Equivalently (below) it minimises Σ load², which is the
 * min-cost flow with convex reviewer→sink costs 1, 3, 5, … for the 1st, 2nd, 3rd … unit of load.
 *
 * Method (exact, and fast on the near-complete bipartite graphs we get: conflicts are sparse, so
 * the 5M non-conflicted application–reviewer edges are never materialised):
 *  1. Greedy: applications, most constrained first (fewest conflict-free reviewers), each take the
 *     k least-loaded eligible reviewers (bucket queue of reviewers by load; O(k + conflicts)).
 *  2. Feasibility: an application left short (every eligible reviewer at maxLoad) gets an
 *     augmenting path: reviewer r (eligible, full) hands one of its applications b to r', which
 *     may hand another to r'', … until a reviewer below maxLoad takes one; then r takes the
 *     application. Repeated until no short application has such a path, at which point no
 *     source→sink augmenting path exists in the flow network (source→application k,
 *     application→reviewer 1 if not conflicted, reviewer→sink maxLoad), so the flow is maximum
 *     (Ford–Fulkerson): a short application then really cannot be served (reason CAPACITY).
 *  3. Balance: the load vectors of all feasible assignments form an M-convex set (the sink-edge
 *     flows of a network's integral flows of fixed value, Murota, "Discrete Convex Analysis",
 *     2003). On an M-convex set a separable convex function such as Σ load² is minimised exactly
 *     where no exchange x − e_i + e_j (one unit of load moved from reviewer i to j) improves it
 *     (Murota's M-optimality criterion), and its minimisers are exactly the decreasingly minimal
 *     elements, which also minimise the maximum load (Frank & Murota, "Discrete decreasing
 *     minimization", 2022). An exchange i → j is feasible iff j is below maxLoad and the residual
 *     graph has a path i → application → reviewer → … → j (reviewer i gives up an application
 *     that the next reviewer does not have and is not conflicted with, and so on). It improves
 *     Σ load² iff load_i ≥ load_j + 2. So: for each level ℓ from the top, search (BFS) from all
 *     reviewers with load ≥ ℓ for a reachable reviewer with load ≤ ℓ − 2; shift along the path;
 *     repeat. Each shift lowers Σ load² by ≥ 2, so this ends, and it ends only at an optimum.
 * One BFS costs O(apps·k + conflicts + reviewers): an application is scanned once, and scanning
 * it walks a list of not-yet-reached reviewers where each step either reaches a reviewer (at most
 * R times in all) or hits one of its ≤ k + c_a excluded reviewers.
 *
 * `existing` pairs are kept as they are (e.g. reviews already under way) and count towards k and
 * the loads; they are never moved. An existing pair that is now conflicted is dropped (a conflict
 * declared after assignment means the reviewer must be replaced), as are pairs naming unknown ids,
 * duplicates, and any beyond the first k of an application.
 */

export interface AssignmentInput {
  applicationIds: number[];
  reviewerIds: number[];
  k: number;
  maxLoad: number;
  conflicts: Array<[applicationId: number, reviewerId: number]>;
  existing?: Array<[applicationId: number, reviewerId: number]>;
}

export interface AssignmentShortfall {
  applicationId: number;
  /** Conflict-free reviewers available to this application. */
  eligibleReviewers: number;
  /** Reviewers each application needs (k). */
  needed: number;
}

export type AssignmentResult =
  | { ok: true; pairs: Array<[applicationId: number, reviewerId: number]>; loads: Record<number, number> }
  | { ok: false; shortfalls: AssignmentShortfall[]; reason: 'NOT_ENOUGH_REVIEWERS' | 'CAPACITY' };

/**
 * `options.skipGreedy` (for tests) leaves every unit to the augmenting paths of step 2, which
 * starts step 3 from a badly balanced flow: the tests use it to exercise steps 2 and 3 hard.
 */
export function assignReviewers(
  input: AssignmentInput,
  options: { skipGreedy?: boolean } = {},
): AssignmentResult {
  const { applicationIds, reviewerIds, k, maxLoad } = input;
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`k must be a non-negative integer: ${k}`);
  if (!Number.isInteger(maxLoad) || maxLoad < 0)
    throw new RangeError(`maxLoad must be a non-negative integer: ${maxLoad}`);
  const A = applicationIds.length;
  const R = reviewerIds.length;
  const appIndex = indexIds(applicationIds, 'application');
  const revIndex = indexIds(reviewerIds, 'reviewer');

  // Conflicts as CSR: conflictStart[a] .. conflictStart[a+1] in conflictList (distinct reviewers).
  const conflictSets: Array<Set<number> | undefined> = new Array(A);
  for (const [appId, revId] of input.conflicts) {
    const a = appIndex.get(appId);
    const r = revIndex.get(revId);
    if (a === undefined || r === undefined) continue;
    (conflictSets[a] ??= new Set()).add(r);
  }
  const conflictStart = new Int32Array(A + 1);
  for (let a = 0; a < A; a++) conflictStart[a + 1] = conflictStart[a] + (conflictSets[a]?.size ?? 0);
  const conflictList = new Int32Array(conflictStart[A]);
  for (let a = 0; a < A; a++) {
    let p = conflictStart[a];
    for (const r of conflictSets[a] ?? []) conflictList[p++] = r;
  }
  const eligible = (a: number) => R - (conflictStart[a + 1] - conflictStart[a]);

  const notEnough: AssignmentShortfall[] = [];
  for (let a = 0; a < A; a++) {
    if (eligible(a) < k)
      notEnough.push({ applicationId: applicationIds[a], eligibleReviewers: eligible(a), needed: k });
  }
  if (notEnough.length > 0) return { ok: false, shortfalls: notEnough, reason: 'NOT_ENOUGH_REVIEWERS' };

  const state = new AssignmentState(A, R, k, conflictStart, conflictList);
  for (const [appId, revId] of input.existing ?? []) {
    const a = appIndex.get(appId);
    const r = revIndex.get(revId);
    if (a === undefined || r === undefined) continue;
    if (state.count[a] >= k || state.holds(a, r) || state.isConflicted(a, r)) continue;
    state.assign(a, r, true);
  }

  // 1. Greedy, most constrained applications first.
  const order = Array.from({ length: A }, (_, a) => a).sort((x, y) => eligible(x) - eligible(y) || x - y);
  const buckets = new LoadBuckets(R, maxLoad, state.load);
  const short: number[] = [];
  for (const a of order) {
    if (state.count[a] < k && !options.skipGreedy) buckets.pickLeastLoaded(a, k - state.count[a], state);
    if (state.count[a] < k) short.push(a);
  }

  // 2. Augmenting paths for applications left short, until none succeeds.
  const search = new ResidualSearch(state, maxLoad);
  let pending = short;
  for (let progress = true; progress && pending.length > 0;) {
    progress = false;
    const still: number[] = [];
    for (const a of pending) {
      while (state.count[a] < k && search.augment(a)) progress = true;
      if (state.count[a] < k) still.push(a);
    }
    pending = still;
  }
  if (pending.length > 0) {
    pending.sort((x, y) => x - y);
    return {
      ok: false,
      reason: 'CAPACITY',
      shortfalls: pending.map((a) => ({
        applicationId: applicationIds[a],
        eligibleReviewers: eligible(a),
        needed: k,
      })),
    };
  }

  // 3. Balance.
  search.balance();

  const pairs: Array<[number, number]> = [];
  for (let a = 0; a < A; a++) {
    const revs = state.reviewersOf(a).sort((x, y) => reviewerIds[x] - reviewerIds[y]);
    for (const r of revs) pairs.push([applicationIds[a], reviewerIds[r]]);
  }
  const loads: Record<number, number> = {};
  for (let r = 0; r < R; r++) loads[reviewerIds[r]] = state.load[r];
  return { ok: true, pairs, loads };
}

function indexIds(ids: number[], what: string): Map<number, number> {
  const index = new Map<number, number>();
  ids.forEach((id, i) => {
    if (index.has(id)) throw new RangeError(`duplicate ${what} id ${id}`);
    index.set(id, i);
  });
  return index;
}

/**
 * Application a has k slots, a·k … a·k + k − 1; a filled slot holds a reviewer. Each reviewer
 * keeps the list of slots it holds (swap-remove via slotPos), so a move is O(1).
 */
class AssignmentState {
  readonly slotReviewer: Int32Array;
  readonly fixed: Uint8Array;
  readonly count: Int32Array;
  readonly load: Int32Array;
  readonly held: number[][];
  private readonly slotPos: Int32Array;
  private readonly conflictMark: Int32Array;
  private markEpoch = 0;

  constructor(
    readonly A: number,
    readonly R: number,
    readonly k: number,
    private readonly conflictStart: Int32Array,
    private readonly conflictList: Int32Array,
  ) {
    this.slotReviewer = new Int32Array(A * k).fill(-1);
    this.fixed = new Uint8Array(A * k);
    this.count = new Int32Array(A);
    this.load = new Int32Array(R);
    this.held = Array.from({ length: R }, () => []);
    this.slotPos = new Int32Array(A * k);
    this.conflictMark = new Int32Array(R);
  }

  holds(a: number, r: number): boolean {
    for (let s = a * this.k, end = s + this.count[a]; s < end; s++)
      if (this.slotReviewer[s] === r) return true;
    return false;
  }

  isConflicted(a: number, r: number): boolean {
    for (let p = this.conflictStart[a]; p < this.conflictStart[a + 1]; p++)
      if (this.conflictList[p] === r) return true;
    return false;
  }

  /** Marks a's conflicted and current reviewers; `excluded(r)` is then O(1) until the next mark. */
  markExcluded(a: number): void {
    this.markEpoch++;
    for (let p = this.conflictStart[a]; p < this.conflictStart[a + 1]; p++)
      this.conflictMark[this.conflictList[p]] = this.markEpoch;
    for (let s = a * this.k, end = s + this.count[a]; s < end; s++)
      this.conflictMark[this.slotReviewer[s]] = this.markEpoch;
  }

  excluded(r: number): boolean {
    return this.conflictMark[r] === this.markEpoch;
  }

  /** Also excludes r until the next markExcluded (used while picking several for one app). */
  exclude(r: number): void {
    this.conflictMark[r] = this.markEpoch;
  }

  assign(a: number, r: number, fixed = false): void {
    const slot = a * this.k + this.count[a]++;
    this.slotReviewer[slot] = r;
    this.fixed[slot] = fixed ? 1 : 0;
    this.slotPos[slot] = this.held[r].length;
    this.held[r].push(slot);
    this.load[r]++;
  }

  /** Moves a filled slot to reviewer `to`. */
  move(slot: number, to: number): void {
    const from = this.slotReviewer[slot];
    const list = this.held[from];
    const pos = this.slotPos[slot];
    const last = list.pop()!;
    if (last !== slot) {
      list[pos] = last;
      this.slotPos[last] = pos;
    }
    this.load[from]--;
    this.slotReviewer[slot] = to;
    this.slotPos[slot] = this.held[to].length;
    this.held[to].push(slot);
    this.load[to]++;
  }

  reviewersOf(a: number): number[] {
    return Array.from(this.slotReviewer.subarray(a * this.k, a * this.k + this.count[a]));
  }
}

/** Reviewers below maxLoad in doubly linked lists per load; a reviewer moves to the tail of the
 * next list when picked, which rotates ties. */
class LoadBuckets {
  private readonly head: Int32Array;
  private readonly tail: Int32Array;
  private readonly next: Int32Array;
  private readonly prev: Int32Array;
  private minLevel = 0;

  constructor(
    R: number,
    private readonly maxLoad: number,
    load: Int32Array,
  ) {
    this.head = new Int32Array(maxLoad + 1).fill(-1);
    this.tail = new Int32Array(maxLoad + 1).fill(-1);
    this.next = new Int32Array(R).fill(-1);
    this.prev = new Int32Array(R).fill(-1);
    for (let r = 0; r < R; r++) if (load[r] < maxLoad) this.append(load[r], r);
  }

  private append(level: number, r: number): void {
    this.prev[r] = this.tail[level];
    this.next[r] = -1;
    if (this.tail[level] >= 0) this.next[this.tail[level]] = r;
    else this.head[level] = r;
    this.tail[level] = r;
  }

  private remove(level: number, r: number): void {
    if (this.prev[r] >= 0) this.next[this.prev[r]] = this.next[r];
    else this.head[level] = this.next[r];
    if (this.next[r] >= 0) this.prev[this.next[r]] = this.prev[r];
    else this.tail[level] = this.prev[r];
  }

  /** Gives application a up to `needed` of the least-loaded eligible reviewers. */
  pickLeastLoaded(a: number, needed: number, state: AssignmentState): void {
    while (this.minLevel < this.maxLoad && this.head[this.minLevel] < 0) this.minLevel++;
    state.markExcluded(a);
    let left = needed;
    for (let level = this.minLevel; level < this.maxLoad && left > 0; level++) {
      for (let r = this.head[level]; r >= 0 && left > 0;) {
        const following = this.next[r];
        if (!state.excluded(r)) {
          state.exclude(r);
          state.assign(a, r);
          this.remove(level, r);
          if (level + 1 < this.maxLoad) this.append(level + 1, r);
          left--;
        }
        r = following;
      }
    }
  }
}

/** Breadth-first searches in the residual graph, over reviewers (see the module comment). */
class ResidualSearch {
  private readonly visited: Int32Array;
  private readonly parentSlot: Int32Array;
  private readonly root: Int32Array;
  private readonly scanned: Int32Array;
  private readonly queue: Int32Array;
  private readonly unvisitedNext: Int32Array;
  private readonly unvisitedPrev: Int32Array;
  private unvisitedHead = -1;
  private epoch = 0;

  constructor(
    private readonly s: AssignmentState,
    private readonly maxLoad: number,
  ) {
    this.visited = new Int32Array(s.R);
    this.parentSlot = new Int32Array(s.R);
    this.root = new Int32Array(s.R);
    this.scanned = new Int32Array(s.A);
    this.queue = new Int32Array(s.R);
    this.unvisitedNext = new Int32Array(s.R);
    this.unvisitedPrev = new Int32Array(s.R);
  }

  /** After a bfs, queue[0 .. reachedCount) holds the reviewers reached, in BFS order. */
  private reachedCount = 0;

  /**
   * BFS from `sources`; returns the first reviewer reached that satisfies `stopAt`, or −1.
   * parentSlot[r] is the slot that would move to r; its current holder is r's BFS parent.
   */
  private bfs(sources: number[], stopAt: (r: number) => boolean): number {
    const s = this.s;
    this.epoch++;
    const epoch = this.epoch;
    // The list of reviewers not yet reached.
    this.unvisitedHead = -1;
    let last = -1;
    for (let r = 0; r < s.R; r++) {
      this.unvisitedPrev[r] = last;
      this.unvisitedNext[r] = -1;
      if (last >= 0) this.unvisitedNext[last] = r;
      else this.unvisitedHead = r;
      last = r;
    }
    let qHead = 0;
    let qTail = 0;
    const reach = (r: number, parentSlot: number, root: number) => {
      this.visited[r] = epoch;
      this.parentSlot[r] = parentSlot;
      this.root[r] = root;
      const p = this.unvisitedPrev[r];
      const n = this.unvisitedNext[r];
      if (p >= 0) this.unvisitedNext[p] = n;
      else this.unvisitedHead = n;
      if (n >= 0) this.unvisitedPrev[n] = p;
      this.queue[qTail++] = r;
    };
    for (const r of sources) if (this.visited[r] !== epoch) reach(r, -1, r);
    this.reachedCount = qTail;
    for (let q = 0; q < qTail; q++) if (stopAt(this.queue[q])) return this.queue[q];
    while (qHead < qTail) {
      const i = this.queue[qHead++];
      for (const slot of s.held[i]) {
        if (s.fixed[slot]) continue;
        const b = (slot / s.k) | 0;
        if (this.scanned[b] === epoch) continue;
        this.scanned[b] = epoch;
        s.markExcluded(b);
        for (let r = this.unvisitedHead; r >= 0;) {
          const following = this.unvisitedNext[r];
          if (!s.excluded(r)) {
            reach(r, slot, this.root[i]);
            this.reachedCount = qTail;
            if (stopAt(r)) return r;
          }
          r = following;
        }
      }
    }
    this.reachedCount = qTail;
    return -1;
  }

  /** Moves load along the BFS path root(j) ⇝ j: the root loses one, j gains one. */
  private shiftTo(j: number): void {
    for (let r = j; this.parentSlot[r] >= 0;) {
      const slot = this.parentSlot[r];
      const from = this.s.slotReviewer[slot];
      this.s.move(slot, r);
      r = from;
    }
  }

  /** One more reviewer for application a, through an augmenting path; false when none exists. */
  augment(a: number): boolean {
    const s = this.s;
    s.markExcluded(a);
    const sources: number[] = [];
    for (let r = 0; r < s.R; r++) if (!s.excluded(r)) sources.push(r);
    const target = this.bfs(sources, (r) => s.load[r] < this.maxLoad);
    if (target < 0) return false;
    const root = this.root[target];
    this.shiftTo(target);
    s.assign(a, root);
    return true;
  }

  /** Improving exchanges until none is left: then the loads are decreasingly minimal. */
  balance(): void {
    const s = this.s;
    for (;;) {
      let hi = 0;
      let lo = Number.POSITIVE_INFINITY;
      for (let r = 0; r < s.R; r++) {
        hi = Math.max(hi, s.load[r]);
        lo = Math.min(lo, s.load[r]);
      }
      let improved = false;
      for (let level = hi; level >= lo + 2 && !improved; level--) {
        const sources: number[] = [];
        for (let r = 0; r < s.R; r++) if (s.load[r] >= level) sources.push(r);
        const isTarget = (r: number) => s.load[r] <= level - 2 && s.load[r] < this.maxLoad;
        this.bfs(sources, () => false);
        let best = -1;
        for (let q = 0; q < this.reachedCount; q++) {
          const r = this.queue[q];
          if (isTarget(r) && (best < 0 || s.load[r] < s.load[best])) best = r;
        }
        if (best >= 0) {
          this.shiftTo(best);
          improved = true;
        }
      }
      if (!improved) return;
    }
  }
}
