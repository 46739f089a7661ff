import fc from 'fast-check';
import { aggregate, formatScore, rank, zScores, type RankInput, type ScoreSheet } from './scoring.js';

const sheet = (reviewerId: number, total: number, criteria: Record<string, number> = {}): ScoreSheet => ({
  reviewerId,
  total,
  criteria,
});
type Options = Parameters<typeof aggregate>[1];
const mean: Options = { method: 'mean', disagreementSpread: 20 };
const trimmed: Options = { method: 'trimmed_mean', disagreementSpread: 20 };

describe('aggregate', () => {
  it('gives no score without sheets', () => {
    expect(aggregate([], trimmed)).toEqual({
      score: null,
      method: 'mean',
      used: 0,
      dropped: [],
      spread: null,
      disagreement: false,
      criterionMeans: {},
      display: null,
    });
  });

  it.each<
    [
      string,
      number[],
      typeof mean,
      { score: number; method: string; used: number; dropped: number[]; spread: number; display: string },
    ]
  >([
    [
      'one sheet',
      [80],
      trimmed,
      { score: 80, method: 'mean', used: 1, dropped: [], spread: 0, display: '80.00' },
    ],
    // 4 sheets (one reviewer missing): trimmed mean falls back to the mean.
    [
      '4 sheets, trimmed requested',
      [70, 80, 85, 90],
      trimmed,
      { score: 81.25, method: 'mean', used: 4, dropped: [], spread: 20, display: '81.25' },
    ],
    // Exactly 5: drop 60 (reviewer 1) and 95 (reviewer 5): (80 + 85 + 90) / 3 = 85.
    [
      'exactly 5, trimmed',
      [60, 80, 85, 90, 95],
      trimmed,
      { score: 85, method: 'trimmed_mean', used: 3, dropped: [1, 5], spread: 35, display: '85.00' },
    ],
    [
      'exactly 5, mean',
      [60, 80, 85, 90, 95],
      mean,
      { score: 82, method: 'mean', used: 5, dropped: [], spread: 35, display: '82.00' },
    ],
    // 7 sheets: drop 70 (reviewer 4) and 99 (reviewer 1): (80 + 81 + 82 + 83 + 84) / 5 = 82.
    [
      '7 sheets, trimmed',
      [99, 80, 81, 70, 82, 83, 84],
      trimmed,
      { score: 82, method: 'trimmed_mean', used: 5, dropped: [4, 1], spread: 29, display: '82.00' },
    ],
    [
      'thirds keep full precision',
      [85, 85, 86],
      mean,
      { score: 256 / 3, method: 'mean', used: 3, dropped: [], spread: 1, display: '85.33' },
    ],
    [
      'half-up display',
      [85.5, 85.6, 85.6, 85.6, 85.6, 85.6, 85.6, 85.6],
      mean,
      { score: 85.5875, method: 'mean', used: 8, dropped: [], spread: 0.1, display: '85.59' },
    ],
  ])('%s', (_name, totals, options, expected) => {
    const result = aggregate(
      totals.map((t, i) => sheet(i + 1, t)),
      options,
    );
    expect(result).toMatchObject(expected);
  });

  it('drops one of several equal extremes, deterministically by reviewer id', () => {
    const r = aggregate([sheet(9, 90), sheet(3, 90), sheet(4, 70), sheet(8, 70), sheet(5, 80)], trimmed);
    expect(r.dropped).toEqual([4, 9]);
    expect(r.score).toBe((70 + 80 + 90) / 3);
  });

  it('flags disagreement above the spread', () => {
    expect(aggregate([sheet(1, 60), sheet(2, 80)], mean).disagreement).toBe(false); // spread 20 = limit
    expect(aggregate([sheet(1, 60), sheet(2, 80.5)], mean).disagreement).toBe(true);
  });

  it('averages criteria over the sheets that count', () => {
    const sheets = [
      sheet(1, 50, { a: 30, b: 20 }),
      sheet(2, 60, { a: 35, b: 25 }),
      sheet(3, 70, { a: 40, b: 30 }),
      sheet(4, 80, { a: 45, b: 35 }),
      sheet(5, 90, { a: 50, b: 40 }),
    ];
    expect(aggregate(sheets, trimmed).criterionMeans).toEqual({ a: 40, b: 30 });
    expect(aggregate(sheets, mean).criterionMeans).toEqual({ a: 40, b: 30 });
    expect(aggregate([sheet(1, 10, { a: 10 }), sheet(2, 20, { a: 15, b: 5 })], mean).criterionMeans).toEqual({
      a: 12.5,
      b: 5,
    });
  });

  it('property: the score does not depend on the order of sheets, and equal fractions tie exactly', () => {
    const total = fc.integer({ min: 0, max: 1000 }).map((t) => t / 10);
    fc.assert(
      fc.property(fc.array(total, { minLength: 1, maxLength: 9 }), fc.boolean(), (totals, useTrim) => {
        const opts = useTrim ? trimmed : mean;
        const a = aggregate(
          totals.map((t, i) => sheet(i + 1, t)),
          opts,
        );
        const reversed = aggregate(
          [...totals].reverse().map((t, i) => sheet(totals.length - i, t)),
          opts,
        );
        expect(reversed.score).toBe(a.score);
        // Scaling the multiset (each total twice) keeps the mean as a fraction → identical bits.
        if (!useTrim)
          expect(
            aggregate(
              [...totals, ...totals].map((t, i) => sheet(i + 1, t)),
              mean,
            ).score,
          ).toBe(a.score);
      }),
    );
  });

  it('makes 0.1 + 0.2 ties exact', () => {
    // As floats, (80.1 + 89.9) / 2 and (85.1 + 84.9) / 2 might differ in the last bit; here both are 85.
    const a = aggregate([sheet(1, 80.1), sheet(2, 89.9)], mean).score;
    const b = aggregate([sheet(1, 85.1), sheet(2, 84.9)], mean).score;
    expect(a).toBe(85);
    expect(b).toBe(a);
  });
});

describe('formatScore', () => {
  it.each([
    [null, '—'],
    [85, '85.00'],
    [256 / 3, '85.33'],
    [85.125, '85.13'],
    [85.005, '85.01'],
  ])('%p → %s', (score, text) => {
    expect(formatScore(score)).toBe(text);
  });
});

describe('zScores', () => {
  it('normalises each reviewer separately', () => {
    const view = zScores({
      1: [
        { applicationId: 10, total: 60 },
        { applicationId: 11, total: 80 },
      ],
      2: [
        { applicationId: 10, total: 85 },
        { applicationId: 11, total: 95 },
      ],
      3: [{ applicationId: 10, total: 70 }],
      4: [],
    });
    // Reviewer 1: mean 70, sd 10 → −1, +1. Reviewer 2: mean 90, sd 5 → −1, +1. Reviewer 3: one sheet → 0.
    expect(view.reviewers).toEqual({
      1: { mean: 70, sd: 10, n: 2 },
      2: { mean: 90, sd: 5, n: 2 },
      3: { mean: 70, sd: 0, n: 1 },
    });
    expect(view.entries.map((e) => [e.reviewerId, e.applicationId, e.z])).toEqual([
      [1, 10, -1],
      [1, 11, 1],
      [2, 10, -1],
      [2, 11, 1],
      [3, 10, 0],
    ]);
    expect(view.byApplication).toEqual({ 10: { meanZ: -2 / 3, n: 3 }, 11: { meanZ: 1, n: 2 } });
  });
});

describe('rank', () => {
  const t = (iso: string) => new Date(iso);
  const base = { beneficiaries: 100, requestedSubsidy: 5_000_000, submittedAt: t('2026-03-10T00:00:00Z') };
  const inputs: RankInput[] = [
    { applicationId: 1, score: 80, ...base },
    { applicationId: 2, score: 90, ...base },
    { applicationId: 3, score: null, ...base }, // no sheets yet
    { applicationId: 4, score: 85, ...base, beneficiaries: 200 }, // tie on score with 5, more beneficiaries
    { applicationId: 5, score: 85, ...base },
    { applicationId: 6, score: 80, ...base, requestedSubsidy: 4_000_000 }, // tie with 1: lower subsidy first
    { applicationId: 7, score: 80, ...base, submittedAt: t('2026-03-09T00:00:00Z') }, // tie with 1: earlier
    { applicationId: 8, score: 80, ...base }, // full tie with 1: id decides
    { applicationId: 9, score: 59.99, ...base },
    { applicationId: 0, score: null, ...base },
  ];

  it('orders by score, beneficiaries, subsidy, submission time, id', () => {
    const ranked = rank(inputs, 60);
    expect(ranked.map((r) => r.applicationId)).toEqual([2, 4, 5, 6, 7, 1, 8, 9, 0, 3]);
    expect(ranked.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(ranked.filter((r) => r.fundable).map((r) => r.applicationId)).toEqual([2, 4, 5, 6, 7, 1, 8]);
  });

  it('keeps extra fields and counts the threshold as fundable', () => {
    const [r] = rank([{ applicationId: 1, score: 60, ...base, category: 'service' }], 60);
    expect(r).toMatchObject({ category: 'service', fundable: true, rank: 1 });
  });

  it('property: the order is independent of the input order', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(inputs, { minLength: inputs.length }), (shuffled) => {
        expect(rank(shuffled, 60).map((r) => r.applicationId)).toEqual(
          rank(inputs, 60).map((r) => r.applicationId),
        );
      }),
    );
  });
});
