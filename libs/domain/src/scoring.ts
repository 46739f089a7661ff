/**
 * Review aggregation and ranking (product.md, "Scoring and selection").
 *
 * Determinism: totals are quantised to hundredths of a point (rubric scores carry at most one
 * decimal, so nothing is lost) and every mean is computed as (integer sum) ÷ (integer count).
 * IEEE division is correctly rounded, so two applications whose means are equal as fractions get
 * bit-identical scores whatever order the sheets arrive in — ties are real ties and fall through
 * to the documented tie-breakers instead of being decided by floating-point noise. `score` keeps
 * full precision (85.333…); round only for display (`display`, formatScore).
 */

export interface ScoreSheet {
  reviewerId: number;
  criteria: Record<string, number>;
  total: number;
}

export type AggregationMethod = 'mean' | 'trimmed_mean';

export interface Aggregate {
  score: number | null;
  /** The method actually used: trimmed_mean falls back to mean below 5 sheets. */
  method: AggregationMethod;
  /** Sheets that count. */
  used: number;
  /** Reviewers whose sheets were dropped by the trimmed mean (lowest first, then highest). */
  dropped: number[];
  /** Highest minus lowest total over all sheets; null without sheets. */
  spread: number | null;
  /** spread > disagreementSpread: the panel should discuss before the score is final. */
  disagreement: boolean;
  /** Mean of each criterion over the sheets that count. */
  criterionMeans: Record<string, number>;
  /** score rounded half-up to two decimals, e.g. '85.33'; null without sheets. */
  display: string | null;
}

/** The trimmed mean needs at least this many sheets (去掉一个最高分和一个最低分). */
export const TRIMMED_MEAN_MIN_SHEETS = 5;

const hundredths = (x: number) => Math.round(x * 100);

/** n / d rounded half-up to two decimals, from integers (n in hundredths, d a count). */
function displayOf(sumHundredths: number, count: number): string {
  const sign = sumHundredths < 0 ? '-' : '';
  const rounded = Math.floor((2 * Math.abs(sumHundredths) + count) / (2 * count));
  return `${sign}${Math.floor(rounded / 100)}.${String(rounded % 100).padStart(2, '0')}`;
}

export function aggregate(
  sheets: readonly ScoreSheet[],
  options: { method: AggregationMethod; disagreementSpread: number },
): Aggregate {
  if (sheets.length === 0) {
    return {
      score: null,
      method: 'mean',
      used: 0,
      dropped: [],
      spread: null,
      disagreement: false,
      criterionMeans: {},
      display: null,
    };
  }
  // Sorted by total, then reviewer id: which of two equal extremes is dropped is fixed, and the
  // choice cannot change the score.
  const sorted = [...sheets].sort(
    (a, b) => hundredths(a.total) - hundredths(b.total) || a.reviewerId - b.reviewerId,
  );
  const spreadHundredths = hundredths(sorted[sorted.length - 1].total) - hundredths(sorted[0].total);
  const spread = spreadHundredths / 100;

  const trim = options.method === 'trimmed_mean' && sorted.length >= TRIMMED_MEAN_MIN_SHEETS;
  const used = trim ? sorted.slice(1, -1) : sorted;
  const dropped = trim ? [sorted[0].reviewerId, sorted[sorted.length - 1].reviewerId] : [];

  const sum = used.reduce((s, sheet) => s + hundredths(sheet.total), 0);
  const score = sum / (100 * used.length);

  const criterionSums = new Map<string, { sum: number; n: number }>();
  for (const sheet of used) {
    for (const [key, value] of Object.entries(sheet.criteria)) {
      const acc = criterionSums.get(key) ?? { sum: 0, n: 0 };
      acc.sum += hundredths(value);
      acc.n += 1;
      criterionSums.set(key, acc);
    }
  }
  const criterionMeans: Record<string, number> = {};
  for (const [key, { sum: s, n }] of [...criterionSums].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    criterionMeans[key] = s / (100 * n);
  }

  return {
    score,
    method: trim ? 'trimmed_mean' : 'mean',
    used: used.length,
    dropped,
    spread,
    disagreement: spread > options.disagreementSpread,
    criterionMeans,
    display: displayOf(sum, used.length),
  };
}

/** A score rounded half-up to two decimals for display ('85.33'); '—' for no score. */
export function formatScore(score: number | null): string {
  if (score === null) return '—';
  // The tiny nudge keeps 85.125 (stored as 85.12499…) rounding up as a person expects.
  const rounded = Math.round(score * 100 + Math.sign(score) * 1e-7);
  return (rounded / 100).toFixed(2);
}

export interface ReviewerScore {
  applicationId: number;
  total: number;
}

export interface ZScoreView {
  /** Per reviewer: mean and population standard deviation of their totals. */
  reviewers: Record<number, { mean: number; sd: number; n: number }>;
  /** Every (reviewer, application) total with its z-score within that reviewer's totals. */
  entries: Array<{ reviewerId: number; applicationId: number; total: number; z: number }>;
  /** Per application: mean z-score over its reviewers. */
  byApplication: Record<number, { meanZ: number; n: number }>;
}

/**
 * Per-reviewer z-score normalisation, a view for the panel (a severe and a lenient reviewer
 * become comparable); it never replaces the official score. A reviewer whose totals are all equal
 * (or who scored a single application) carries no information about relative merit, so their
 * z-scores are 0.
 */
export function zScores(sheetsByReviewer: Record<number, readonly ReviewerScore[]>): ZScoreView {
  const reviewers: ZScoreView['reviewers'] = {};
  const entries: ZScoreView['entries'] = [];
  const perApp = new Map<number, { sum: number; n: number }>();
  const reviewerIds = Object.keys(sheetsByReviewer)
    .map(Number)
    .sort((a, b) => a - b);
  for (const reviewerId of reviewerIds) {
    const list = sheetsByReviewer[reviewerId];
    const n = list.length;
    if (n === 0) continue;
    const mean = list.reduce((s, x) => s + hundredths(x.total), 0) / (100 * n);
    const variance = list.reduce((s, x) => s + (x.total - mean) ** 2, 0) / n;
    const sd = Math.sqrt(variance);
    reviewers[reviewerId] = { mean, sd, n };
    for (const x of list) {
      const z = sd > 1e-9 ? (x.total - mean) / sd : 0;
      entries.push({ reviewerId, applicationId: x.applicationId, total: x.total, z });
      const acc = perApp.get(x.applicationId) ?? { sum: 0, n: 0 };
      acc.sum += z;
      acc.n += 1;
      perApp.set(x.applicationId, acc);
    }
  }
  const byApplication: ZScoreView['byApplication'] = {};
  for (const [applicationId, { sum, n }] of [...perApp].sort(([a], [b]) => a - b)) {
    byApplication[applicationId] = { meanZ: sum / n, n };
  }
  return { reviewers, entries, byApplication };
}

export interface RankInput {
  applicationId: number;
  score: number | null;
  beneficiaries: number;
  /** fen */
  requestedSubsidy: number;
  submittedAt: Date;
  category?: string;
}

export type Ranked<T extends RankInput = RankInput> = T & { rank: number; fundable: boolean };

/**
 * Orders applications: score descending (no score last), then the tie-breakers of product.md —
 * more beneficiaries, lower subsidy, earlier submission — and finally the application id, so the
 * order is total and reproducible. Ranks are 1..n with no shared places. `fundable` means scored
 * and at or above the threshold.
 */
export function rank<T extends RankInput>(inputs: readonly T[], threshold: number): Array<Ranked<T>> {
  return [...inputs].sort(compareRankInputs).map((input, i) => ({
    ...input,
    rank: i + 1,
    fundable: input.score !== null && input.score >= threshold,
  }));
}

export function compareRankInputs(a: RankInput, b: RankInput): number {
  if (a.score !== b.score) {
    if (a.score === null) return 1;
    if (b.score === null) return -1;
    return b.score - a.score;
  }
  return (
    b.beneficiaries - a.beneficiaries ||
    a.requestedSubsidy - b.requestedSubsidy ||
    a.submittedAt.getTime() - b.submittedAt.getTime() ||
    a.applicationId - b.applicationId
  );
}
