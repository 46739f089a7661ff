import fc from 'fast-check';
import {
  compareSelections,
  optimalSelection,
  rankOrderPass,
  type Candidate,
  type SelectionInput,
} from './selection.js';

const Y = 100;
const cand = (
  applicationId: number,
  score: number,
  request: number,
  streetId = 1,
  cap = 50_000 * Y,
): Candidate => ({
  applicationId,
  score,
  request,
  cap,
  category: 'service',
  streetId,
});
const codes = (r: { problems: { field: string; code: string }[] }) =>
  r.problems.map((p) => `${p.field}:${p.code}`);

/** Exhaustive search: the best Σ round(score·1e5) over all sets meeting every rule, or null. */
function bruteForce(input: SelectionInput): { units: number; count: number } | null {
  const c = input.candidates.map((x) => ({
    ...x,
    award: Math.min(x.request, x.cap),
    units: Math.round(x.score * 1e5),
  }));
  let best: { units: number; count: number } | null = null;
  const perStreet = new Map<number, number>();
  const go = (i: number, left: number, count: number, units: number) => {
    if (i === c.length) {
      if (count >= input.minCount && (best === null || units > best.units)) best = { units, count };
      return;
    }
    go(i + 1, left, count, units);
    const x = c[i];
    const inStreet = perStreet.get(x.streetId) ?? 0;
    if (x.award <= left && count < input.maxCount && inStreet < (input.maxPerStreet ?? Infinity)) {
      perStreet.set(x.streetId, inStreet + 1);
      go(i + 1, left - x.award, count + 1, units + x.units);
      perStreet.set(x.streetId, inStreet);
    }
  };
  go(0, input.envelope, 0, 0);
  return best;
}

function unitsOf(input: SelectionInput, selected: number[]) {
  return selected.reduce(
    (s, id) => s + Math.round(input.candidates.find((c) => c.applicationId === id)!.score * 1e5),
    0,
  );
}

function checkRules(input: SelectionInput, r: ReturnType<typeof optimalSelection>, requireMin: boolean) {
  const chosen = r.selected.map((id) => input.candidates.find((c) => c.applicationId === id)!);
  expect(new Set(r.selected).size).toBe(r.selected.length);
  expect(r.total).toBe(chosen.reduce((s, c) => s + Math.min(c.request, c.cap), 0));
  expect(r.total).toBeLessThanOrEqual(input.envelope);
  expect(chosen.length).toBeLessThanOrEqual(input.maxCount);
  if (requireMin) expect(chosen.length).toBeGreaterThanOrEqual(input.minCount);
  const perStreet = new Map<number, number>();
  for (const c of chosen) perStreet.set(c.streetId, (perStreet.get(c.streetId) ?? 0) + 1);
  for (const n of perStreet.values()) expect(n).toBeLessThanOrEqual(input.maxPerStreet ?? Infinity);
  for (const a of r.awards) {
    const c = input.candidates.find((x) => x.applicationId === a.applicationId)!;
    expect(a.amount).toBe(Math.min(c.request, c.cap));
  }
}

describe('rankOrderPass', () => {
  // Envelope 100,000 元; the 民生小实事 style: 3–5 projects of ≤ 50,000 元.
  const ranked = [
    cand(1, 92, 50_000 * Y),
    cand(2, 90, 40_000 * Y),
    cand(3, 88, 30_000 * Y),
    cand(4, 85, 10_000 * Y),
    cand(5, 80, 5_000 * Y),
  ];
  const base: SelectionInput = { candidates: ranked, envelope: 100_000 * Y, minCount: 3, maxCount: 5 };

  it('takes each next entry that still fits, skipping the ones that do not', () => {
    // 1 (50k) + 2 (40k) = 90k; 3 (30k) does not fit; 4 (10k) → 100k; 5 does not fit.
    const r = rankOrderPass(base);
    expect(r.selected).toEqual([1, 2, 4]);
    expect(r.total).toBe(100_000 * Y);
    expect(r.totalScore).toBe(92 + 90 + 85);
    expect(r.feasible).toBe(true);
    expect(r.awards).toEqual([
      { applicationId: 1, amount: 50_000 * Y },
      { applicationId: 2, amount: 40_000 * Y },
      { applicationId: 4, amount: 10_000 * Y },
    ]);
  });

  it.each<[string, Partial<SelectionInput>, number[], boolean, string[]]>([
    ['stops at maxCount', { minCount: 0, maxCount: 2 }, [1, 2], true, []],
    // Streets 7, 7, 7, 8, 8: the third of street 7 is skipped; 5 then no longer fits the envelope.
    [
      'respects the per-street maximum',
      { candidates: ranked.map((c, i) => ({ ...c, streetId: i < 3 ? 7 : 8 })), maxPerStreet: 2 },
      [1, 2, 4],
      true,
      [],
    ],
    [
      'reports a minimum it cannot reach',
      { envelope: 60_000 * Y, minCount: 3 },
      [1, 4],
      false,
      ['minCount:MIN_COUNT_NOT_REACHED'],
    ],
    ['an empty envelope', { envelope: 0, minCount: 0 }, [], true, []],
    ['an invalid envelope', { envelope: -1 }, [], false, ['envelope:ENVELOPE_INVALID']],
    ['an invalid count range', { minCount: 4, maxCount: 3 }, [], false, ['maxCount:COUNT_RANGE_INVALID']],
    [
      'an invalid per-street maximum',
      { maxPerStreet: 0 },
      [],
      false,
      ['maxPerStreet:MAX_PER_STREET_INVALID'],
    ],
  ])('%s', (_name, patch, selected, feasible, problems) => {
    const r = rankOrderPass({ ...base, ...patch });
    expect(r.selected).toEqual(selected);
    expect(r.feasible).toBe(feasible);
    expect(codes(r)).toEqual(problems);
  });

  it('awards at most the cap and reports a request above it', () => {
    const r = rankOrderPass({ ...base, candidates: [cand(1, 92, 60_000 * Y), ...ranked.slice(1)] });
    expect(r.awards[0]).toEqual({ applicationId: 1, amount: 50_000 * Y });
    expect(codes(r)).toEqual(['candidates.0.request:REQUEST_OVER_CAP']);
    expect(r.problems[0].zh).toContain('60,000.00 元');
  });

  it('excludes and reports broken candidates', () => {
    const r = rankOrderPass({
      ...base,
      minCount: 0,
      candidates: [
        cand(1, Number.NaN, 1000),
        cand(2, 90, 0),
        cand(3, 88, 100, 1, 0),
        cand(4, 85, 100),
        cand(4, 84, 100),
        cand(5, -1, 100),
      ],
    });
    expect(r.selected).toEqual([4]);
    expect(codes(r)).toEqual([
      'candidates.0.score:SCORE_INVALID',
      'candidates.1.request:REQUEST_INVALID',
      'candidates.2.cap:CAP_INVALID',
      'candidates.4.applicationId:DUPLICATE_CANDIDATE',
      'candidates.5.score:SCORE_INVALID',
    ]);
  });
});

describe('optimalSelection', () => {
  it('beats the rank-order pass when a big top entry crowds out two good ones', () => {
    // Envelope 100k: rank order takes 1 (90k) and nothing else fits but 4; optimal takes 2 + 3 + 4.
    const input: SelectionInput = {
      candidates: [
        cand(1, 95, 90_000 * Y, 1, 500_000 * Y),
        cand(2, 90, 45_000 * Y),
        cand(3, 89, 45_000 * Y),
        cand(4, 70, 10_000 * Y),
      ],
      envelope: 100_000 * Y,
      minCount: 1,
      maxCount: 5,
    };
    expect(rankOrderPass(input).selected).toEqual([1, 4]);
    const best = optimalSelection(input);
    expect(best.selected).toEqual([2, 3, 4]);
    expect(best.totalScore).toBe(249);
    expect(best.feasible).toBe(true);
    const cmp = compareSelections(rankOrderPass(input), best);
    expect(cmp).toMatchObject({ onlyInA: [1], onlyInB: [2, 3] });
    expect(cmp.explanation.zh).toBe(
      '按名次顺序：2 项，总分 165.00，补助合计 100,000.00 元；最优组合：3 项，总分 249.00，补助合计 100,000.00 元。' +
        '仅按名次顺序选入：1；仅最优组合选入：2、3。最优组合总分高 84.00 分，补助多 0.00 元。',
    );
    expect(cmp.explanation.en).toContain('Only in the first: 1; only in the second: 2, 3.');
  });

  it('says so when both answers agree', () => {
    const input: SelectionInput = {
      candidates: [cand(1, 90, 100), cand(2, 80, 100)],
      envelope: 1000,
      minCount: 0,
      maxCount: 5,
    };
    const cmp = compareSelections(rankOrderPass(input), optimalSelection(input));
    expect(cmp.onlyInA).toEqual([]);
    expect(cmp.explanation.zh).toBe(
      '按名次顺序与最优组合选出的项目相同：2 项，总分 170.00，补助合计 2.00 元。',
    );
  });

  it('meets the minimum count even at a lower score', () => {
    // Max score alone is {1} (95); at least two: {2, 3}.
    const input: SelectionInput = {
      candidates: [cand(1, 95, 900), cand(2, 40, 500), cand(3, 30, 500)],
      envelope: 1000,
      minCount: 2,
      maxCount: 3,
    };
    expect(optimalSelection({ ...input, minCount: 1 }).selected).toEqual([1]);
    expect(optimalSelection(input).selected).toEqual([2, 3]);
  });

  it('flags an unreachable minimum and returns the best set without it', () => {
    const input: SelectionInput = {
      candidates: [cand(1, 95, 900), cand(2, 40, 500, 2), cand(3, 30, 500, 2)],
      envelope: 1000,
      minCount: 2,
      maxCount: 3,
      maxPerStreet: 1,
    };
    const r = optimalSelection(input);
    expect(r.feasible).toBe(false);
    expect(codes(r)).toEqual(['minCount:MIN_COUNT_NOT_REACHED']);
    expect(r.selected).toEqual([1]);
  });

  it('breaks ties in favour of the better-ranked candidate', () => {
    // Two 80s with the same award: either gives the same total; rank 2 (id 20) beats rank 3 (id 30).
    const input: SelectionInput = {
      candidates: [cand(10, 90, 600), cand(20, 80, 400), cand(30, 80, 300), cand(40, 80, 400)],
      envelope: 1000,
      minCount: 0,
      maxCount: 2,
    };
    expect(optimalSelection(input).selected).toEqual([10, 20]);
    // Odd amounts (no common divisor) go through branch and bound: same answer.
    const odd = {
      ...input,
      candidates: input.candidates.map((c) => ({ ...c, request: c.request + 1 })),
      envelope: 1002,
    };
    expect(optimalSelection(odd).selected).toEqual([10, 20]);
  });

  it('reports OPTIMUM_NOT_PROVEN when the work limit stops the search, with a valid set', () => {
    // Odd fen amounts over a large envelope: too many budget states for the DP.
    const candidates = Array.from({ length: 40 }, (_, i) =>
      cand(i + 1, 90 - i, 1_000_000 + ((i * 7919) % 99_991), i % 4, 2_000_000),
    );
    const input: SelectionInput = {
      candidates,
      envelope: 12_345_678,
      minCount: 2,
      maxCount: 15,
      maxPerStreet: 4,
    };
    const r = optimalSelection(input, { workLimit: 5 });
    expect(codes(r)).toContain('candidates:OPTIMUM_NOT_PROVEN');
    checkRules(input, r, true);
  });

  const instance = (maxN: number) =>
    fc
      .record({
        scores: fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 0, maxLength: maxN }),
        round: fc.boolean(),
        seedAmounts: fc.array(fc.integer({ min: 1, max: 60 }), { minLength: maxN, maxLength: maxN }),
        streets: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: maxN, maxLength: maxN }),
        envelopeShare: fc.double({ min: 0, max: 0.8, noNaN: true }),
        minCount: fc.integer({ min: 0, max: 4 }),
        extra: fc.integer({ min: 0, max: 8 }),
        perStreet: fc.option(fc.integer({ min: 1, max: 3 })),
        overCap: fc.boolean(),
      })
      .map((g): SelectionInput => {
        const candidates = g.scores
          .map((s, i) => {
            // round: whole 1,000 元 (the DP path); else odd fen (branch and bound).
            const request = g.round
              ? g.seedAmounts[i] * 1000 * Y
              : g.seedAmounts[i] * 1000 * Y + ((i * 7919) % 9973);
            const cap = g.overCap && i === 0 ? request - 1 : 60_000 * Y;
            return cand(100 + i, s / 100, request, g.streets[i], cap);
          })
          .sort((a, b) => b.score - a.score);
        const sum = candidates.reduce((s, c) => s + Math.min(c.request, c.cap), 0);
        return {
          candidates,
          envelope: Math.floor(sum * g.envelopeShare),
          minCount: g.minCount,
          maxCount: g.minCount + g.extra,
          maxPerStreet: g.perStreet,
        };
      });

  it.each(['auto', 'pareto', 'branch-and-bound'] as const)(
    'property: matches brute force on up to 12 candidates (%s)',
    (method) => {
      fc.assert(
        fc.property(instance(12), (input) => {
          const r = optimalSelection(input, { method });
          const brute = bruteForce(input);
          if (brute === null) {
            expect(r.feasible).toBe(false);
            const relaxed = bruteForce({ ...input, minCount: 0 })!;
            expect(unitsOf(input, r.selected)).toBe(relaxed.units);
            checkRules(input, r, false);
            return;
          }
          expect(r.feasible).toBe(true);
          expect(unitsOf(input, r.selected)).toBe(brute.units);
          checkRules(input, r, true);
          // A feasible rank-order pass never beats the optimum, and it obeys the same rules.
          const pass = rankOrderPass(input);
          if (pass.feasible) expect(unitsOf(input, pass.selected)).toBeLessThanOrEqual(brute.units);
          checkRules(input, pass, pass.feasible);
        }),
        { numRuns: 300 },
      );
    },
  );

  // 20 candidates, 4 streets, about a third of the total fits: 2^20 subsets for the brute force.
  it.each<[number, number, number, number | null, boolean]>([
    [1, 0, 20, null, false],
    [2, 3, 6, null, false],
    [3, 2, 8, 2, false],
    [4, 5, 20, 3, true],
    [5, 0, 7, 2, true],
    [6, 4, 10, 1, true],
  ])(
    'matches brute force on 20 candidates (seed %d, count %d–%d, per street %p, scores track amounts %p)',
    (seed, minCount, maxCount, maxPerStreet, tracking) => {
      let x = seed;
      const rnd = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
      const candidates = Array.from({ length: 20 }, (_, i) => {
        const request = Math.round(5_000 + 45_000 * rnd()) * Y + Math.floor(rnd() * 100);
        const score = tracking ? 50 + request / (1000 * Y) + 2 * rnd() : 60 + 35 * rnd();
        return cand(i + 1, Math.round(score * 100) / 100, request, 1 + Math.floor(rnd() * 4));
      }).sort((a, b) => b.score - a.score);
      const total = candidates.reduce((sum, c) => sum + c.request, 0);
      const input: SelectionInput = {
        candidates,
        envelope: Math.floor(total / 3),
        minCount,
        maxCount,
        maxPerStreet,
      };
      const brute = bruteForce(input);
      for (const method of ['auto', 'pareto', 'branch-and-bound'] as const) {
        const r = optimalSelection(input, { method });
        if (brute === null) expect(r.feasible).toBe(false);
        else {
          expect(unitsOf(input, r.selected)).toBe(brute.units);
          checkRules(input, r, true);
        }
      }
    },
  );
});
