/**
 * One-off departure subsidy (离任一次性补助) for community cadres who leave normally after a 两委
 * re-election (换届) having served at least one full continuous term. The amounts are a rule table
 * (data), tied to the policy document it comes from and versioned by date; the code only applies it.
 *
 * Rules chosen here (the seed is silent on them):
 * - Terms come from dates, never from a typed count. One `PostHeld` row is one term in one post.
 *   Rows that belong to the same election are grouped into one term: a row's `electedAt` (the
 *   date of the election that began its term; defaults to its `termStart`) within `toleranceDays`
 *   of the group's first election. A mid-term post change is entered as a second row with the
 *   same `electedAt`; without it, the row is a term of its own (conservative).
 * - Term length is decided by the election date of the term: `table.termLengthYears` (3 years for
 *   terms elected before 2018-12-29 — the date the NPC Standing Committee amended the 村民委员会组织法
 *   and 城市居民委员会组织法, extending terms to 5 years — and 5 years from then on).
 * - A term is full when served from its election to its scheduled end (election + length) with
 *   no gap, each allowing `toleranceDays` (default 31) for re-election timing. Serving longer
 *   than scheduled (a postponed re-election) is still one term; a row is never split.
 * - Only the last continuous run counts: walking back from the latest term, the run stops at the
 *   first gap of more than `toleranceDays` between one term's end and the next one's start.
 * - A full term counts towards the months only if at least one post held in it is eligible in the
 *   table (non-null rate): with the 2018 table, terms served only as 委员 keep the run continuous
 *   but are not counted.
 * - The rate follows the HIGHEST post ever held during the counted continuous run (rank: 一肩挑 >
 *   正职 书记/主任 > 副职/监委会主任 > 委员; ties by the higher rate). It need not have been held for a
 *   full term.
 * - Row dates after the departure date are cut at the departure date; rows starting after it are
 *   ignored; an open row (termEnd null) runs to the departure date.
 *
 * Note (policy text of 呈组通〔2018〕88号 as quoted in seed 002): deputy party secretaries are
 * eligible only in communities with an approved party committee (党委) or where the secretary and
 * director are one person (一肩挑); that condition is not modelled here — the roster decides whether
 * such a person is entered as `deputy_secretary`.
 */
import { addDays, addYears, daysBetween, isIsoDate } from './calendar-date.js';
import type { Violation } from './violation.js';

export type Post =
  | 'secretary_and_director' /* 一肩挑 */
  | 'secretary' /* 党组织书记 正职 */
  | 'director' /* 居委会主任 正职 */
  | 'deputy_secretary'
  | 'deputy_director' /* 副职 */
  | 'supervisory_director' /* 监委会主任 */
  | 'committee_member'; /* 委员: not eligible unless the rule table says so */

export const POSTS: readonly Post[] = [
  'secretary_and_director',
  'secretary',
  'director',
  'deputy_secretary',
  'deputy_director',
  'supervisory_director',
  'committee_member',
];

export const POST_LABELS: Record<Post, { zh: string; en: string }> = {
  secretary_and_director: {
    zh: '书记、主任“一肩挑”',
    en: 'Party secretary and committee director (one person)',
  },
  secretary: { zh: '社区党组织书记', en: 'Community party organisation secretary' },
  director: { zh: '居委会主任', en: 'Residents’ committee director' },
  deputy_secretary: { zh: '社区党组织副书记', en: 'Deputy party secretary' },
  deputy_director: { zh: '居委会副主任', en: 'Deputy residents’ committee director' },
  supervisory_director: { zh: '监委会主任', en: 'Supervisory committee director' },
  committee_member: { zh: '“两委”委员', en: 'Committee member' },
};

/** Rank for "highest post": 一肩挑 4 > 正职 3 > 副职 = 监委会主任 2 > 委员 1. */
export const POST_RANK: Record<Post, number> = {
  secretary_and_director: 4,
  secretary: 3,
  director: 3,
  deputy_secretary: 2,
  deputy_director: 2,
  supervisory_director: 2,
  committee_member: 1,
};

export interface DepartureRuleTable {
  /** The policy document, e.g. 呈组通〔2018〕88号. */
  documentNumber: string;
  /** First departure date the table applies to, 'YYYY-MM-DD'. */
  effectiveFrom: string;
  /** Monthly rate per post in fen; null = not eligible. */
  monthlyRates: Record<Post, number | null>;
  /** e.g. [{1,1},{2,2}] → 1 full term: 1 month; 2 or more: 2 months. */
  monthsByFullTerms: Array<{ minFullTerms: number; months: number }>;
  /** Term length by election date: the first entry with electedAt < electedBefore applies. */
  termLengthYears: Array<{ electedBefore: string; years: number }>;
  /**
   * How `monthsByFullTerms` is read. 'lump_sum' (default): the months are paid once.
   * 'per_year_of_counted_terms': the months are paid per year of the counted full terms
   * (scheduled years) — an alternative reading of "任期一届每年发放一个月" kept as data.
   */
  monthsBasis?: 'lump_sum' | 'per_year_of_counted_terms';
}

/** The day the 2018 amendments of the village / residents' committee organisation laws took effect. */
export const TERM_LENGTH_CHANGE_2018 = '2018-12-29';

export const DEFAULT_TERM_TOLERANCE_DAYS = 31;

/**
 * Chenggong's table (seed 002, 呈组通〔2018〕88号): 一肩挑 2,400 元/month; 正职 2,200; 副职 and
 * 监委会主任 2,100; 委员 not eligible; one full term → 1 month, two or more → 2 months.
 * `effectiveFrom` is a placeholder (the document's date is not in the seed): confirm it against
 * the paper document before relying on it for departures in 2018.
 */
export const DEPARTURE_RULES_CHENGGONG_2018: DepartureRuleTable = {
  documentNumber: '呈组通〔2018〕88号',
  effectiveFrom: '2018-01-01',
  monthlyRates: {
    secretary_and_director: 240_000,
    secretary: 220_000,
    director: 220_000,
    deputy_secretary: 210_000,
    deputy_director: 210_000,
    supervisory_director: 210_000,
    committee_member: null,
  },
  monthsByFullTerms: [
    { minFullTerms: 1, months: 1 },
    { minFullTerms: 2, months: 2 },
  ],
  termLengthYears: [
    { electedBefore: TERM_LENGTH_CHANGE_2018, years: 3 },
    { electedBefore: '9999-12-31', years: 5 },
  ],
  monthsBasis: 'lump_sum',
};

export interface PostHeld {
  post: Post;
  termStart: string;
  /** null = still in post at the departure date. */
  termEnd: string | null;
  /** Date of the election that began this term when the row starts mid-term; defaults to termStart. */
  electedAt?: string;
}

export interface TermOptions {
  /** Re-election timing slack in days, for both "full" and "continuous". Default 31. */
  toleranceDays?: number;
}

export interface TermAnalysis {
  electedAt: string;
  years: number;
  scheduledEnd: string;
  servedFrom: string;
  servedUntil: string;
  posts: Post[];
  full: boolean;
  /** Full and with at least one eligible post: counts towards the months. */
  counted: boolean;
  /** Days from the previous term's end to this term's start; null for the first term. */
  gapBeforeDays: number | null;
}

export interface TermsResult {
  terms: TermAnalysis[];
  /** The last continuous run (a suffix of `terms`). */
  countedRun: TermAnalysis[];
  fullTerms: number;
  violations: Violation[];
}

/** The term length in years for a term elected on `electedAt`. */
export function termLengthFor(electedAt: string, table: DepartureRuleTable): number {
  const entries = [...table.termLengthYears].sort((a, b) => (a.electedBefore < b.electedBefore ? -1 : 1));
  const entry = entries.find((e) => electedAt < e.electedBefore) ?? entries[entries.length - 1];
  return entry?.years ?? 0;
}

function validatePosts(
  posts: readonly PostHeld[],
  departureDate: string,
  table: DepartureRuleTable,
): Violation[] {
  const violations: Violation[] = [];
  if (!isIsoDate(departureDate)) {
    violations.push({
      field: 'departureDate',
      code: 'invalid_date',
      zh: '离任日期无效，应为 YYYY-MM-DD 格式的有效日期',
      en: 'The departure date is not a valid YYYY-MM-DD date',
    });
  }
  posts.forEach((row, i) => {
    const at = (field: string) => `posts[${i}].${field}`;
    if (!(row.post in table.monthlyRates)) {
      violations.push({ field: at('post'), code: 'unknown_post', zh: '职务无法识别', en: 'Unknown post' });
    }
    if (!isIsoDate(row.termStart)) {
      violations.push({
        field: at('termStart'),
        code: 'invalid_date',
        zh: '任职起始日期无效',
        en: 'The term start date is not a valid date',
      });
    }
    if (row.termEnd !== null && !isIsoDate(row.termEnd)) {
      violations.push({
        field: at('termEnd'),
        code: 'invalid_date',
        zh: '任职结束日期无效',
        en: 'The term end date is not a valid date',
      });
    } else if (row.termEnd !== null && isIsoDate(row.termStart) && row.termEnd < row.termStart) {
      violations.push({
        field: at('termEnd'),
        code: 'end_before_start',
        zh: '任职结束日期早于起始日期',
        en: 'The term ends before it starts',
      });
    }
    if (row.electedAt !== undefined) {
      if (!isIsoDate(row.electedAt)) {
        violations.push({
          field: at('electedAt'),
          code: 'invalid_date',
          zh: '当届选举日期无效',
          en: 'The election date is not a valid date',
        });
      } else if (isIsoDate(row.termStart) && row.electedAt > row.termStart) {
        violations.push({
          field: at('electedAt'),
          code: 'elected_after_start',
          zh: '当届选举日期晚于任职起始日期',
          en: 'The election date is after the term start',
        });
      }
    }
  });
  return violations;
}

/**
 * Terms of a career, the last continuous run, and how many full terms it counts.
 * With any violation, nothing is counted (fullTerms 0).
 */
export function analyseTerms(
  posts: readonly PostHeld[],
  departureDate: string,
  table: DepartureRuleTable,
  options: TermOptions = {},
): TermsResult {
  const tolerance = Math.max(0, options.toleranceDays ?? DEFAULT_TERM_TOLERANCE_DAYS);
  const violations = validatePosts(posts, departureDate, table);
  if (violations.length > 0) return { terms: [], countedRun: [], fullTerms: 0, violations };

  const rows = posts
    .filter((row) => row.termStart <= departureDate)
    .map((row) => ({
      post: row.post,
      electedAt: row.electedAt ?? row.termStart,
      from: row.termStart,
      until: row.termEnd === null || row.termEnd > departureDate ? departureDate : row.termEnd,
    }))
    .sort((a, b) =>
      a.electedAt < b.electedAt ? -1 : a.electedAt > b.electedAt ? 1 : a.from < b.from ? -1 : 1,
    );

  // Group rows of the same election into terms.
  const groups: Array<typeof rows> = [];
  for (const row of rows) {
    const current = groups[groups.length - 1];
    if (current && daysBetween(current[0].electedAt, row.electedAt) <= tolerance) current.push(row);
    else groups.push([row]);
  }

  const terms: TermAnalysis[] = [];
  for (const group of groups) {
    const electedAt = group[0].electedAt;
    const years = termLengthFor(electedAt, table);
    const scheduledEnd = addYears(electedAt, years);
    const spans = [...group].sort((a, b) => (a.from < b.from ? -1 : 1));
    let servedUntil = spans[0].until;
    let gapInside = false;
    for (const span of spans.slice(1)) {
      if (daysBetween(servedUntil, span.from) > tolerance) gapInside = true;
      if (span.until > servedUntil) servedUntil = span.until;
    }
    const servedFrom = spans[0].from;
    const full =
      !gapInside &&
      daysBetween(electedAt, servedFrom) <= tolerance &&
      servedUntil >= addDays(scheduledEnd, -tolerance);
    const postsHeld = [...new Set(group.map((r) => r.post))];
    const previous = terms[terms.length - 1];
    terms.push({
      electedAt,
      years,
      scheduledEnd,
      servedFrom,
      servedUntil,
      posts: postsHeld,
      full,
      counted: full && postsHeld.some((p) => table.monthlyRates[p] !== null),
      gapBeforeDays: previous ? daysBetween(previous.servedUntil, servedFrom) : null,
    });
  }

  // Walk back from the latest term while the terms are continuous. The previous end used for the
  // gap is the latest end of all earlier terms (overlaps allowed).
  let runStart = terms.length - 1;
  while (runStart > 0) {
    const latestEarlierEnd = terms
      .slice(0, runStart)
      .reduce((max, t) => (t.servedUntil > max ? t.servedUntil : max), terms[0].servedUntil);
    if (daysBetween(latestEarlierEnd, terms[runStart].servedFrom) > tolerance) break;
    runStart -= 1;
  }
  const countedRun = runStart >= 0 ? terms.slice(runStart) : [];
  return { terms, countedRun, fullTerms: countedRun.filter((t) => t.counted).length, violations };
}

/** Number of full terms in the last continuous run (0 when the input has violations). */
export function fullContinuousTerms(
  posts: readonly PostHeld[],
  departureDate: string,
  table: DepartureRuleTable,
  options: TermOptions = {},
): number {
  return analyseTerms(posts, departureDate, table, options).fullTerms;
}

/** The highest-ranked post in a list (ties: the higher rate in the table, then list order). */
export function highestPost(posts: readonly Post[], table: DepartureRuleTable): Post | null {
  let best: Post | null = null;
  for (const post of posts) {
    if (best === null || POST_RANK[post] > POST_RANK[best]) best = post;
    else if (
      POST_RANK[post] === POST_RANK[best] &&
      (table.monthlyRates[post] ?? -1) > (table.monthlyRates[best] ?? -1)
    ) {
      best = post;
    }
  }
  return best;
}

/** The table in force for a departure date: the latest with effectiveFrom ≤ date, or null. */
export function departureRulesFor(
  tables: readonly DepartureRuleTable[],
  departureDate: string,
): DepartureRuleTable | null {
  return (
    [...tables]
      .filter((t) => t.effectiveFrom <= departureDate)
      .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0] ?? null
  );
}

function yuan(fen: number): string {
  const whole = Math.floor(fen / 100);
  const cents = fen % 100;
  const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return cents === 0 ? grouped : `${grouped}.${String(cents).padStart(2, '0')}`;
}

export interface DepartureSubsidyResult {
  eligible: boolean;
  highestPost: Post | null;
  /** The highest post's rate in fen (0 when that post is not eligible or there is none). */
  monthlyRate: number;
  fullTerms: number;
  /** Months paid (0 when not eligible). */
  months: number;
  /** Amount in fen (0 when not eligible). */
  amount: number;
  reasons: { zh: string; en: string }[];
  /** Input problems; when present the person is not eligible until they are fixed. */
  violations: Violation[];
  /** The term-by-term working, for display. */
  terms: TermAnalysis[];
}

export function departureSubsidy(
  input: { posts: PostHeld[]; departureDate: string; normalDeparture: boolean },
  table: DepartureRuleTable,
  options: TermOptions = {},
): DepartureSubsidyResult {
  const analysis = analyseTerms(input.posts, input.departureDate, table, options);
  const reasons: { zh: string; en: string }[] = [];
  const base = { terms: analysis.terms, violations: analysis.violations };

  if (analysis.violations.length > 0) {
    reasons.push({
      zh: '任职记录或离任日期有误，请更正后重新计算',
      en: 'The posts or the departure date are invalid; fix them and recompute',
    });
    return {
      eligible: false,
      highestPost: null,
      monthlyRate: 0,
      fullTerms: 0,
      months: 0,
      amount: 0,
      reasons,
      ...base,
    };
  }

  const top = highestPost(
    analysis.countedRun.flatMap((t) => t.posts),
    table,
  );
  const rate = top === null ? null : table.monthlyRates[top];
  const monthlyRate = rate ?? 0;
  const fullTerms = analysis.fullTerms;
  let eligible = true;

  if (input.departureDate < table.effectiveFrom) {
    eligible = false;
    reasons.push({
      zh: `离任日期早于${table.documentNumber}的施行日期（${table.effectiveFrom}）`,
      en: `The departure date is before ${table.documentNumber} took effect (${table.effectiveFrom})`,
    });
  }
  if (!input.normalDeparture) {
    eligible = false;
    reasons.push({ zh: '非正常离任，不享受一次性补助', en: 'Not a normal departure: no one-off subsidy' });
  }
  if (top === null) {
    eligible = false;
    reasons.push({ zh: '离任日期前无任职记录', en: 'No post held before the departure date' });
  } else if (rate === null) {
    eligible = false;
    reasons.push({
      zh: `最高职务为${POST_LABELS[top].zh}，不在补助范围内`,
      en: `The highest post held (${POST_LABELS[top].en}) is not eligible`,
    });
  }
  if (top !== null && fullTerms < 1) {
    eligible = false;
    reasons.push({ zh: '连续任职不满一届', en: 'Less than one full continuous term served' });
  }

  const steps = [...table.monthsByFullTerms].sort((a, b) => b.minFullTerms - a.minFullTerms);
  const perTerm = steps.find((s) => fullTerms >= s.minFullTerms)?.months ?? 0;
  const countedYears = analysis.countedRun.filter((t) => t.counted).reduce((sum, t) => sum + t.years, 0);
  const months = eligible
    ? table.monthsBasis === 'per_year_of_counted_terms'
      ? perTerm * countedYears
      : perTerm
    : 0;
  if (eligible && months === 0) {
    eligible = false;
    reasons.push({
      zh: '规则表未规定该任期数的补助月数',
      en: 'The rule table grants no months for this number of terms',
    });
  }
  const amount = eligible ? monthlyRate * months : 0;

  if (eligible && top !== null) {
    reasons.push({
      zh: `按${table.documentNumber}：最高职务${POST_LABELS[top].zh}，每月${yuan(monthlyRate)}元；连续任满${fullTerms}届，发放${months}个月，共${yuan(amount)}元`,
      en: `Under ${table.documentNumber}: highest post ${POST_LABELS[top].en}, ${yuan(monthlyRate)} yuan a month; ${fullTerms} full continuous term(s), ${months} month(s), ${yuan(amount)} yuan in total`,
    });
  }

  return {
    eligible,
    highestPost: top,
    monthlyRate,
    fullTerms,
    months: eligible ? months : 0,
    amount,
    reasons,
    ...base,
  };
}
