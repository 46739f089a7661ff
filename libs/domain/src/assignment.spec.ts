import fc from 'fast-check';
import { assignReviewers, type AssignmentInput } from './assignment.js';

/**
 * Reference: min-cost max-flow by successive shortest paths (Bellman–Ford), one unit at a time.
 * source → application (k − kept pairs), application → reviewer (1, if not conflicted and not
 * kept), reviewer → sink as unit edges costing 2t − 1 for its t-th unit of load, so the cost is
 * Σ load² (kept pairs included in t). Returns the loads, or null when the flow cannot reach A·k.
 */
function referenceLoads(input: AssignmentInput): number[] | null {
  const { applicationIds: apps, reviewerIds: revs, k, maxLoad } = input;
  const conflicted = new Set(input.conflicts.map(([a, r]) => `${a}:${r}`));
  const kept = keptPairs(input);
  const A = apps.length;
  const R = revs.length;
  const S = A + R;
  const T = S + 1;
  type Edge = { to: number; cap: number; cost: number; rev: number };
  const graph: Edge[][] = Array.from({ length: T + 1 }, () => []);
  const add = (u: number, v: number, cap: number, cost: number) => {
    graph[u].push({ to: v, cap, cost, rev: graph[v].length });
    graph[v].push({ to: u, cap: 0, cost: -cost, rev: graph[u].length - 1 });
  };
  const fixedLoad = revs.map((r) => kept.filter(([, kr]) => kr === r).length);
  apps.forEach((a, i) => {
    const keptHere = kept.filter(([ka]) => ka === a);
    add(S, i, k - keptHere.length, 0);
    revs.forEach((r, j) => {
      if (!conflicted.has(`${a}:${r}`) && !keptHere.some(([, kr]) => kr === r)) add(i, A + j, 1, 0);
    });
  });
  revs.forEach((_, j) => {
    for (let t = fixedLoad[j] + 1; t <= maxLoad; t++) add(A + j, T, 1, 2 * t - 1);
  });
  let flow = 0;
  const need = apps.length * k - kept.length;
  while (flow < need) {
    const dist = new Array(T + 1).fill(Infinity);
    const prev: Array<[number, number] | null> = new Array(T + 1).fill(null);
    dist[S] = 0;
    for (let changed = true; changed;) {
      changed = false;
      for (let u = 0; u <= T; u++) {
        if (dist[u] === Infinity) continue;
        graph[u].forEach((e, idx) => {
          if (e.cap > 0 && dist[u] + e.cost < dist[e.to]) {
            dist[e.to] = dist[u] + e.cost;
            prev[e.to] = [u, idx];
            changed = true;
          }
        });
      }
    }
    if (dist[T] === Infinity) return null;
    for (let v = T; v !== S;) {
      const [u, idx] = prev[v]!;
      const e = graph[u][idx];
      e.cap -= 1;
      graph[v][e.rev].cap += 1;
      v = u;
    }
    flow++;
  }
  return revs.map((_, j) => fixedLoad[j] + graph[A + j].filter((e) => e.to === T && e.cap === 0).length);
}

/** The kept pairs as documented: known ids, not conflicted, no duplicates, first k per application. */
function keptPairs(input: AssignmentInput): Array<[number, number]> {
  const conflicted = new Set(input.conflicts.map(([a, r]) => `${a}:${r}`));
  const out: Array<[number, number]> = [];
  for (const [a, r] of input.existing ?? []) {
    if (!input.applicationIds.includes(a) || !input.reviewerIds.includes(r)) continue;
    if (conflicted.has(`${a}:${r}`) || out.some(([x, y]) => x === a && y === r)) continue;
    if (out.filter(([x]) => x === a).length >= input.k) continue;
    out.push([a, r]);
  }
  return out;
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => b - a);

function checkValid(input: AssignmentInput, pairs: Array<[number, number]>, loads: Record<number, number>) {
  const conflicted = new Set(input.conflicts.map(([a, r]) => `${a}:${r}`));
  for (const [a, r] of pairs) expect(conflicted.has(`${a}:${r}`)).toBe(false);
  for (const a of input.applicationIds) {
    const mine = pairs.filter(([x]) => x === a).map(([, r]) => r);
    expect(mine).toHaveLength(input.k);
    expect(new Set(mine).size).toBe(input.k);
  }
  for (const r of input.reviewerIds) {
    expect(loads[r]).toBe(pairs.filter(([, y]) => y === r).length);
  }
  for (const [a, r] of keptPairs(input)) expect(pairs).toContainEqual([a, r]);
}

describe('assignReviewers', () => {
  it('balances a simple panel', () => {
    const input = {
      applicationIds: [1, 2, 3, 4],
      reviewerIds: [10, 11, 12, 13],
      k: 2,
      maxLoad: 4,
      conflicts: [] as Array<[number, number]>,
    };
    const result = assignReviewers(input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    checkValid(input, result.pairs, result.loads);
    expect(result.loads).toEqual({ 10: 2, 11: 2, 12: 2, 13: 2 });
  });

  it('never pairs a conflicted reviewer, and balances around conflicts', () => {
    // Reviewer 10 is conflicted with everything but application 4.
    const input: AssignmentInput = {
      applicationIds: [1, 2, 3, 4],
      reviewerIds: [10, 11, 12],
      k: 2,
      maxLoad: 4,
      conflicts: [
        [1, 10],
        [2, 10],
        [3, 10],
      ],
    };
    const result = assignReviewers(input);
    if (!result.ok) throw new Error('expected a solution');
    checkValid(input, result.pairs, result.loads);
    // Applications 1–3 need both 11 and 12 (3 each); 4 takes two of three. Taking 11 and 12 gives
    // loads 0/4/4; taking 10 and one other gives 1/4/3 — decreasingly smaller, so that one.
    expect(result.loads[10]).toBe(1);
    expect(sorted(Object.values(result.loads))).toEqual([4, 3, 1]);
  });

  it('names applications without enough conflict-free reviewers', () => {
    const result = assignReviewers({
      applicationIds: [1, 2, 3],
      reviewerIds: [10, 11, 12],
      k: 2,
      maxLoad: 10,
      conflicts: [
        [2, 10],
        [2, 11],
        [3, 12],
      ],
    });
    expect(result).toEqual({
      ok: false,
      reason: 'NOT_ENOUGH_REVIEWERS',
      shortfalls: [{ applicationId: 2, eligibleReviewers: 1, needed: 2 }],
    });
  });

  it('reports CAPACITY when the loads cannot fit', () => {
    // 3 applications × 2 = 6 reviews, 2 reviewers × 2 = 4 slots.
    const result = assignReviewers({
      applicationIds: [1, 2, 3],
      reviewerIds: [10, 11],
      k: 2,
      maxLoad: 2,
      conflicts: [],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe('CAPACITY');
    expect(result.shortfalls.length).toBeGreaterThan(0);
    expect(result.shortfalls[0]).toMatchObject({ eligibleReviewers: 2, needed: 2 });
  });

  it('needs an augmenting path where greedy gets stuck', () => {
    // Application 3 can only use reviewer 10; greedy (most constrained first) handles it, but
    // with 10 pre-filled by kept pairs the kept load leaves no room → a path must move 1 away.
    const input: AssignmentInput = {
      applicationIds: [1, 2, 3],
      reviewerIds: [10, 11],
      k: 1,
      maxLoad: 2,
      conflicts: [[3, 11]],
      existing: [
        [1, 10],
        [2, 10],
      ],
    };
    // Kept pairs are never moved, so application 3 cannot be served: reviewer 10 is full.
    expect(assignReviewers(input)).toMatchObject({
      ok: false,
      reason: 'CAPACITY',
      shortfalls: [{ applicationId: 3 }],
    });
    // Without the kept pairs an augmenting path moves application 1 or 2 to reviewer 11.
    const free = assignReviewers({ ...input, existing: [] });
    if (!free.ok) throw new Error('expected a solution');
    expect(free.pairs).toContainEqual([3, 10]);
  });

  it('keeps existing pairs, drops conflicted or surplus ones', () => {
    const input: AssignmentInput = {
      applicationIds: [1, 2],
      reviewerIds: [10, 11, 12],
      k: 1,
      maxLoad: 2,
      conflicts: [[2, 11]],
      existing: [
        [1, 12],
        [1, 10], // surplus: k = 1
        [2, 11], // now conflicted: replaced
        [9, 10], // unknown application
      ],
    };
    const result = assignReviewers(input);
    if (!result.ok) throw new Error('expected a solution');
    expect(result.pairs).toContainEqual([1, 12]);
    expect(result.pairs).not.toContainEqual([2, 11]);
    checkValid(input, result.pairs, result.loads);
  });

  it('handles k = 0 and no applications', () => {
    expect(
      assignReviewers({ applicationIds: [1], reviewerIds: [], k: 0, maxLoad: 0, conflicts: [] }),
    ).toEqual({ ok: true, pairs: [], loads: {} });
    expect(
      assignReviewers({ applicationIds: [], reviewerIds: [5], k: 3, maxLoad: 1, conflicts: [] }),
    ).toEqual({ ok: true, pairs: [], loads: { 5: 0 } });
  });

  it('treats duplicate ids and bad parameters as programming errors', () => {
    expect(() =>
      assignReviewers({ applicationIds: [1, 1], reviewerIds: [2], k: 1, maxLoad: 2, conflicts: [] }),
    ).toThrow(RangeError);
    expect(() =>
      assignReviewers({ applicationIds: [1], reviewerIds: [2], k: -1, maxLoad: 2, conflicts: [] }),
    ).toThrow(RangeError);
  });

  const instance = (maxApps: number, maxRevs: number) =>
    fc
      .record({
        A: fc.integer({ min: 0, max: maxApps }),
        R: fc.integer({ min: 0, max: maxRevs }),
        k: fc.integer({ min: 0, max: 3 }),
        maxLoad: fc.integer({ min: 0, max: 7 }),
        conflictBits: fc.array(fc.boolean(), { minLength: maxApps * maxRevs, maxLength: maxApps * maxRevs }),
        density: fc.integer({ min: 0, max: 3 }),
        existingBits: fc.array(fc.integer({ min: 0, max: 9 }), {
          minLength: maxApps * maxRevs,
          maxLength: maxApps * maxRevs,
        }),
      })
      .map(({ A, R, k, maxLoad, conflictBits, density, existingBits }): AssignmentInput => {
        const applicationIds = Array.from({ length: A }, (_, i) => 100 + i * 7);
        const reviewerIds = Array.from({ length: R }, (_, j) => 5 + j * 3);
        const conflicts: Array<[number, number]> = [];
        const existing: Array<[number, number]> = [];
        applicationIds.forEach((a, i) =>
          reviewerIds.forEach((r, j) => {
            // density 0: none; otherwise roughly 1 in (5 − density) pairs.
            if (density > 0 && conflictBits[i * maxRevs + j] && (i + j) % (5 - density) === 0)
              conflicts.push([a, r]);
            if (existingBits[i * maxRevs + j] === 0) existing.push([a, r]);
          }),
        );
        return { applicationIds, reviewerIds, k, maxLoad, conflicts, existing };
      });

  it.each([
    ['greedy start', false],
    ['augmenting paths only (unbalanced start)', true],
  ])('property: matches the min-cost flow on small cases, %s', (_name, skipGreedy) => {
    fc.assert(
      fc.property(instance(7, 6), (input) => {
        const result = assignReviewers(input, { skipGreedy });
        const reference = referenceLoads(input);
        const conflicted = new Set(input.conflicts.map(([a, r]) => `${a}:${r}`));
        const someoneLacks = input.applicationIds.some(
          (a) => input.reviewerIds.filter((r) => !conflicted.has(`${a}:${r}`)).length < input.k,
        );
        if (!result.ok) {
          expect(reference === null || someoneLacks).toBe(true);
          expect(result.reason).toBe(someoneLacks ? 'NOT_ENOUGH_REVIEWERS' : 'CAPACITY');
          return;
        }
        expect(reference).not.toBeNull();
        checkValid(input, result.pairs, result.loads);
        for (const r of input.reviewerIds) {
          const kept = keptPairs(input).filter(([, y]) => y === r).length;
          expect(result.loads[r]).toBeLessThanOrEqual(Math.max(input.maxLoad, kept));
        }
        // Decreasingly minimal loads are unique as a multiset: same max, same Σ load².
        expect(sorted(Object.values(result.loads))).toEqual(sorted(reference!));
      }),
      { numRuns: 400 },
    );
  });

  it('property: the max load is what brute force finds on tiny cases', () => {
    fc.assert(
      fc.property(instance(4, 4), (input) => {
        const input2 = { ...input, existing: [] };
        const result = assignReviewers(input2);
        const brute = bruteForceMinMax(input2);
        if (brute === null) {
          expect(result.ok).toBe(false);
          return;
        }
        if (!result.ok) throw new Error('expected a solution');
        expect(Math.max(0, ...Object.values(result.loads))).toBe(brute);
      }),
      { numRuns: 300 },
    );
  });
});

/** Tries every choice of k reviewers per application; the smallest possible max load, or null. */
function bruteForceMinMax(input: AssignmentInput): number | null {
  const { applicationIds: apps, reviewerIds: revs, k, maxLoad } = input;
  const conflicted = new Set(input.conflicts.map(([a, r]) => `${a}:${r}`));
  const subsets = (items: number[], size: number): number[][] =>
    size === 0
      ? [[]]
      : items.flatMap((x, i) => subsets(items.slice(i + 1), size - 1).map((rest) => [x, ...rest]));
  const options = apps.map((a) =>
    subsets(
      revs.map((_, j) => j).filter((j) => !conflicted.has(`${a}:${revs[j]}`)),
      k,
    ),
  );
  let best: number | null = null;
  const load = new Array(revs.length).fill(0);
  const go = (i: number) => {
    if (i === apps.length) {
      const max = Math.max(0, ...load);
      if (max <= maxLoad && (best === null || max < best)) best = max;
      return;
    }
    for (const choice of options[i]) {
      for (const j of choice) load[j]++;
      go(i + 1);
      for (const j of choice) load[j]--;
    }
  };
  go(0);
  return best;
}
