import { shanghaiDate } from './shanghai-time.js';
import { violation, type Violation } from './violation.js';
import { isWorkingDay, noticePeriod, type HolidayCalendar, type NoticePeriod } from './working-days.js';

/**
 * 公示 scheduling: when a notice may start, and what its period is made of. The period itself is
 * `noticePeriod` (working-days.ts); this file adds the day-by-day account staff see when planning,
 * and the rule that a notice never starts in the past.
 */

/** A day the notice counts: an ordinary weekday, or a weekend day worked in lieu (调休上班). */
export interface CountedDay {
  date: string;
  kind: 'weekday' | 'make_up';
}

/** A day inside the period that does not count: a weekend, or a statutory holiday (放假). */
export interface SkippedDay {
  date: string;
  kind: 'weekend' | 'holiday';
}

export interface NoticeSchedule extends NoticePeriod {
  /** The day asked about: publication day (day 1 when it is a working day). */
  start: string;
  workingDays: number;
  /** The working days counted, day 1 to day N, in order. */
  counted: CountedDay[];
  /** Days from `start` to the last day that are not counted, in order. */
  skipped: SkippedDay[];
}

const DAY_MS = 86_400_000;

/** The UTC midnight of a 'YYYY-MM-DD' date (years 0–99 included, which Date.UTC would shift). */
function utc(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const at = new Date(Date.UTC(2000, m - 1, d));
  at.setUTCFullYear(y, m - 1, d);
  return at;
}

function nextDate(date: string): string {
  const next = new Date(utc(date).getTime() + DAY_MS);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(next.getUTCFullYear(), 4)}-${pad(next.getUTCMonth() + 1)}-${pad(next.getUTCDate())}`;
}

function isWeekend(date: string): boolean {
  const weekday = utc(date).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/**
 * The notice of `workingDays` working days published on `start`, day by day: which days count
 * and which are skipped. Any date is allowed (past ones too): this answers planning questions;
 * whether a notice may actually start then is `noticeStartViolations`.
 */
export function noticeSchedule(start: string, workingDays: number, cal: HolidayCalendar): NoticeSchedule {
  const period = noticePeriod(start, workingDays, cal);
  const holidays = new Set(cal.holidays);
  const counted: CountedDay[] = [];
  const skipped: SkippedDay[] = [];
  for (let date = start; date <= period.lastDay; date = nextDate(date)) {
    if (isWorkingDay(date, cal)) counted.push({ date, kind: isWeekend(date) ? 'make_up' : 'weekday' });
    else skipped.push({ date, kind: holidays.has(date) ? 'holiday' : 'weekend' });
  }
  return { ...period, start, workingDays, counted, skipped };
}

/**
 * A 公示 starts today or later (Asia/Shanghai): a notice dated in the past would be over, or part
 * over, the moment it exists, and its objection window would never have been open.
 */
export function noticeStartViolations(publishOn: string, now: Date): Violation[] {
  const today = shanghaiDate(now);
  if (publishOn >= today) return [];
  return [
    violation(
      'publishOn',
      'NOTICE_START_IN_PAST',
      `公示开始日期不能早于今天（${today}）`,
      `A notice cannot start before today (${today}, Beijing time)`,
    ),
  ];
}
