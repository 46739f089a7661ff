/**
 * Standing stipends paid per quarter at a per-person monthly rate (integer fen): the living
 * subsidy of normally retired community cadres, building leaders' (楼栋长) work funds.
 *
 * A person's period is `eligibleFrom` (the qualifying event: approval of the subsidy, appointment)
 * to `eligibleUntil` (the date of death or the date a removal takes effect), both inclusive
 * calendar dates — the person counts as active on both days. Which months of that period are paid
 * is a configurable rule (`MonthRule`):
 *
 * - `start_next_month_end_month_inclusive` (default; common Chinese payroll practice, 次月起发、
 *   当月照发): the first paid month is the month AFTER the month of `eligibleFrom`, whatever the
 *   day; the month of `eligibleUntil` is still paid in full; the month after is not.
 * - `whole_month_if_active_on_first_day`: a month is paid in full when the person is active on its
 *   1st, otherwise not at all.
 * - `month_counts_if_active_any_day`: a month is paid in full when the person is active on any of
 *   its days.
 *
 * A removal that takes effect "from the 1st" (the person is NOT active that day) is recorded as
 * the previous day, because `eligibleUntil` is inclusive. Suspended months ('YYYY-MM') are never
 * paid. No month is ever paid partially (no daily proration).
 *
 * Invalid input never throws: `validateStipendPerson` reports it, and the computing functions pay
 * nothing for an invalid person.
 */
import {
  formatMonth,
  isIsoDate,
  isIsoMonth,
  lastDayOfMonth,
  monthOf,
  parseIsoDate,
} from './calendar-date.js';
import type { Violation } from './violation.js';

export type MonthRule =
  | 'whole_month_if_active_on_first_day'
  | 'month_counts_if_active_any_day'
  | 'start_next_month_end_month_inclusive';

export const MONTH_RULES: readonly MonthRule[] = [
  'whole_month_if_active_on_first_day',
  'month_counts_if_active_any_day',
  'start_next_month_end_month_inclusive',
];

export const DEFAULT_MONTH_RULE: MonthRule = 'start_next_month_end_month_inclusive';

export const MONTH_RULE_LABELS: Record<MonthRule, { zh: string; en: string }> = {
  whole_month_if_active_on_first_day: {
    zh: '每月1日在册则发放当月',
    en: 'A month is paid when the person is active on its first day',
  },
  month_counts_if_active_any_day: {
    zh: '当月任一天在册即发放当月',
    en: 'A month is paid when the person is active on any day of it',
  },
  start_next_month_end_month_inclusive: {
    zh: '次月起发放，死亡或停发当月照发',
    en: 'Paid from the month after the qualifying event; the month of death or removal is still paid',
  },
};

export type Quarter = 1 | 2 | 3 | 4;

export interface StipendPeriod {
  /** First day of eligibility, 'YYYY-MM-DD'. */
  eligibleFrom: string;
  /** Date of death or of the removal taking effect (inclusive), 'YYYY-MM-DD'; null while ongoing. */
  eligibleUntil: string | null;
  /** Months not paid ('YYYY-MM'), e.g. while the roster status is 暂停. */
  suspendedMonths?: string[];
}

export interface StipendPerson extends StipendPeriod {
  /** Per-person monthly rate in fen. */
  monthlyRate: number;
}

function isQuarter(quarter: number): quarter is Quarter {
  return quarter === 1 || quarter === 2 || quarter === 3 || quarter === 4;
}

/** The calendar quarter of a 'YYYY-MM-DD' date; null when the date is not valid. */
export function quarterOf(date: string): { year: number; quarter: Quarter } | null {
  const ymd = parseIsoDate(date);
  if (!ymd) return null;
  return { year: ymd.year, quarter: (Math.floor((ymd.month - 1) / 3) + 1) as Quarter };
}

/** The three 'YYYY-MM' months of a quarter, e.g. (2026, 1) → ['2026-01', '2026-02', '2026-03']; [] when invalid. */
export function quarterMonths(year: number, quarter: number): string[] {
  if (!Number.isInteger(year) || year < 1000 || year > 9999 || !isQuarter(quarter)) return [];
  const first = (quarter - 1) * 3 + 1;
  return [0, 1, 2].map((i) => formatMonth(year, first + i));
}

/** Violations in a person's period (and rate, when present). Empty when valid. */
export function validateStipendPerson(person: StipendPeriod & { monthlyRate?: number }): Violation[] {
  const violations: Violation[] = [];
  if (!isIsoDate(person.eligibleFrom)) {
    violations.push({
      field: 'eligibleFrom',
      code: 'invalid_date',
      zh: '享受起始日期无效，应为 YYYY-MM-DD 格式的有效日期',
      en: 'The eligibility start date is not a valid YYYY-MM-DD date',
    });
  }
  if (person.eligibleUntil !== null && !isIsoDate(person.eligibleUntil)) {
    violations.push({
      field: 'eligibleUntil',
      code: 'invalid_date',
      zh: '停发日期（死亡或取消资格日期）无效，应为 YYYY-MM-DD 格式的有效日期',
      en: 'The end date (death or removal) is not a valid YYYY-MM-DD date',
    });
  }
  if (
    violations.length === 0 &&
    person.eligibleUntil !== null &&
    person.eligibleUntil < person.eligibleFrom
  ) {
    violations.push({
      field: 'eligibleUntil',
      code: 'until_before_from',
      zh: '停发日期早于享受起始日期',
      en: 'The end date is before the eligibility start date',
    });
  }
  (person.suspendedMonths ?? []).forEach((month, index) => {
    if (!isIsoMonth(month)) {
      violations.push({
        field: `suspendedMonths[${index}]`,
        code: 'invalid_month',
        zh: '暂停月份无效，应为 YYYY-MM 格式',
        en: 'A suspended month is not a valid YYYY-MM month',
      });
    }
  });
  if (person.monthlyRate !== undefined) {
    if (!Number.isSafeInteger(person.monthlyRate) || person.monthlyRate < 0) {
      violations.push({
        field: 'monthlyRate',
        code: 'invalid_amount',
        zh: '月补助标准应为非负整数（单位：分）',
        en: 'The monthly rate must be a non-negative integer number of fen',
      });
    }
  }
  return violations;
}

/** Whether one month ('YYYY-MM') is paid for a valid period under the rule (suspensions aside). */
function monthPaid(period: StipendPeriod, month: string, rule: MonthRule): boolean {
  const { eligibleFrom: from, eligibleUntil: until } = period;
  const firstDay = `${month}-01`;
  switch (rule) {
    case 'whole_month_if_active_on_first_day':
      return from <= firstDay && (until === null || until >= firstDay);
    case 'month_counts_if_active_any_day':
      return from <= lastDayOfMonth(month) && (until === null || until >= firstDay);
    case 'start_next_month_end_month_inclusive':
      return monthOf(from) < month && (until === null || monthOf(until) >= month);
  }
}

/** The paid months ('YYYY-MM') of a quarter for one person; [] when the period is invalid. */
export function eligibleMonths(
  person: StipendPeriod,
  year: number,
  quarter: number,
  rule: MonthRule = DEFAULT_MONTH_RULE,
): string[] {
  if (validateStipendPerson(person).length > 0) return [];
  const suspended = new Set(person.suspendedMonths ?? []);
  return quarterMonths(year, quarter).filter(
    (month) => !suspended.has(month) && monthPaid(person, month, rule),
  );
}

/** The quarter's paid months and amount (fen) for one person; nothing when the input is invalid. */
export function quarterAmount(
  person: StipendPerson,
  year: number,
  quarter: number,
  rule: MonthRule = DEFAULT_MONTH_RULE,
): { months: string[]; amount: number } {
  if (validateStipendPerson(person).length > 0) return { months: [], amount: 0 };
  const months = eligibleMonths(person, year, quarter, rule);
  return { months, amount: months.length * person.monthlyRate };
}

export interface BatchLine {
  /** Index of the person in the input array. */
  index: number;
  months: string[];
  amount: number;
}

export interface BatchTotal {
  /** Sum of all valid people's amounts, fen. */
  total: number;
  /** Number of person-months paid. */
  personMonths: number;
  /** One line per valid person (including those with nothing to pay this quarter). */
  lines: BatchLine[];
  /** People left out of the total because their data is invalid. */
  invalid: Array<{ index: number; violations: Violation[] }>;
}

/** A quarter's batch: per-person lines and the total in fen (invalid people are listed, not paid). */
export function batchTotal(
  people: readonly StipendPerson[],
  year: number,
  quarter: number,
  rule: MonthRule = DEFAULT_MONTH_RULE,
): BatchTotal {
  const result: BatchTotal = { total: 0, personMonths: 0, lines: [], invalid: [] };
  people.forEach((person, index) => {
    const violations = validateStipendPerson(person);
    if (violations.length > 0) {
      result.invalid.push({ index, violations });
      return;
    }
    const { months, amount } = quarterAmount(person, year, quarter, rule);
    result.lines.push({ index, months, amount });
    result.total += amount;
    result.personMonths += months.length;
  });
  return result;
}

/**
 * DEMO DATA ONLY (seed 002): 84 normally retired community cadres' monthly rates, in fen.
 * Integer yuan, mixed 600 / 650 / 700 / 720 (20 / 32 / 20 / 12 people) so that the average is
 * exactly 660 元: 55,440 元 a month, 166,320 元 a quarter, 665,280 元 a year — the seed's
 * 84 人 × 660 元/月 × 12 月 = 66.528 万元. Real rates come from the streets' rosters.
 */
const DEMO_RATE_BLOCK_YUAN = [
  650, 600, 700, 650, 720, 600, 650, 700, 650, 600, 720, 650, 700, 600, 650, 700, 650, 720, 600, 650, 700,
];
export const DEMO_RETIREE_MONTHLY_RATES_FEN: readonly number[] = Object.freeze(
  [0, 1, 2, 3].flatMap(() => DEMO_RATE_BLOCK_YUAN.map((yuan) => yuan * 100)),
);
