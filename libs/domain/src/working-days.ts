import { violation, type Violation } from './violation.js';

/**
 * Working days for 公示 and deadlines (product.md, "Working days"): Monday–Friday, minus statutory
 * holidays, plus make-up working days (调休上班). The calendar is data an admin maintains per year.
 *
 * Dates are Asia/Shanghai calendar dates written 'YYYY-MM-DD'. Internally each is the Date at UTC
 * midnight of that calendar date, and all arithmetic uses UTC getters/setters, so the host time
 * zone never shifts a day. A malformed date is a programming error here (the API validates input
 * first) and throws a RangeError.
 */
export interface HolidayCalendar {
  /** 'YYYY-MM-DD' days off (放假), including those falling on weekends. */
  holidays: string[];
  /** 调休上班: weekend days that are working days. */
  makeUpWorkdays: string[];
}

const DAY_MS = 86_400_000;
const DATE_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * 2026, from 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04), as tabled in product.md.
 * Seed data: admins maintain later years themselves.
 */
export const CALENDAR_2026_CN: HolidayCalendar = {
  holidays: [
    ...dateRange('2026-01-01', '2026-01-03'), // 元旦
    ...dateRange('2026-02-15', '2026-02-23'), // 春节
    ...dateRange('2026-04-04', '2026-04-06'), // 清明节
    ...dateRange('2026-05-01', '2026-05-05'), // 劳动节
    ...dateRange('2026-06-19', '2026-06-21'), // 端午节
    ...dateRange('2026-09-25', '2026-09-27'), // 中秋节
    ...dateRange('2026-10-01', '2026-10-07'), // 国庆节
  ],
  makeUpWorkdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
};

function parseDate(text: string): Date | null {
  const m = DATE_TEXT.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  date.setUTCFullYear(y); // Date.UTC maps years 0–99 to 1900–1999
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date;
}

function toDate(text: string): Date {
  const date = parseDate(text);
  if (!date) throw new RangeError(`not a calendar date 'YYYY-MM-DD': ${text}`);
  return date;
}

function toText(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function shift(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

function dateRange(first: string, last: string): string[] {
  const out: string[] = [];
  for (let d = toDate(first); d <= toDate(last); d = shift(d, 1)) out.push(toText(d));
  return out;
}

// Calendars are looked up many times per computation: index each one once.
const indexes = new WeakMap<HolidayCalendar, { holidays: Set<string>; makeUp: Set<string> }>();
function indexOf(cal: HolidayCalendar) {
  let index = indexes.get(cal);
  if (!index) {
    index = { holidays: new Set(cal.holidays), makeUp: new Set(cal.makeUpWorkdays) };
    indexes.set(cal, index);
  }
  return index;
}

function working(date: Date, cal: HolidayCalendar): boolean {
  const text = toText(date);
  const { holidays, makeUp } = indexOf(cal);
  if (makeUp.has(text)) return true; // a make-up day is worked even if also (wrongly) listed off
  if (holidays.has(text)) return false;
  const weekday = date.getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

export function isWorkingDay(date: string, cal: HolidayCalendar): boolean {
  return working(toDate(date), cal);
}

/** The date itself when it is a working day, else the next working day. */
export function nextWorkingDayOnOrAfter(date: string, cal: HolidayCalendar): string {
  let d = toDate(date);
  while (!working(d, cal)) d = shift(d, 1);
  return toText(d);
}

/**
 * The date n working days after `start` (start itself not counted); n < 0 counts backwards;
 * n = 0 returns start unchanged, working day or not. Consistent with workingDaysBetween:
 * workingDaysBetween(start, addWorkingDays(start, n)) === n.
 */
export function addWorkingDays(start: string, n: number, cal: HolidayCalendar): string {
  if (!Number.isInteger(n)) throw new RangeError(`working days must be an integer: ${n}`);
  const step = n < 0 ? -1 : 1;
  let d = toDate(start);
  for (let left = Math.abs(n); left > 0;) {
    d = shift(d, step);
    if (working(d, cal)) left--;
  }
  return toText(d);
}

/**
 * The signed number of working days you land on walking from a to b: forward, the working days d
 * with a < d ≤ b (a Friday to the next Monday is 1); backward, minus those with b ≤ d < a. This is
 * the inverse of addWorkingDays: workingDaysBetween(a, addWorkingDays(a, n)) === n.
 */
export function workingDaysBetween(a: string, b: string, cal: HolidayCalendar): number {
  const from = toDate(a);
  const to = toDate(b);
  let count = 0;
  if (to >= from) {
    for (let d = shift(from, 1); d <= to; d = shift(d, 1)) if (working(d, cal)) count++;
    return count;
  }
  for (let d = to; d < from; d = shift(d, 1)) if (working(d, cal)) count++;
  return 0 - count; // never -0
}

export interface NoticePeriod {
  /** Day 1 of the notice. */
  firstDay: string;
  /** The Nth working day; the notice closes at its end. */
  lastDay: string;
  /** The instant the notice closes: 00:00 Asia/Shanghai on the day after lastDay. */
  closesAt: Date;
}

/**
 * A public notice of N working days: the publication day counts as day 1 when it is a working day,
 * else day 1 is the next working day; the notice closes at the end of the Nth working day.
 */
export function noticePeriod(published: string, workingDays: number, cal: HolidayCalendar): NoticePeriod {
  if (!Number.isInteger(workingDays) || workingDays < 1) {
    throw new RangeError(`a notice lasts at least one working day: ${workingDays}`);
  }
  const firstDay = nextWorkingDayOnOrAfter(published, cal);
  const lastDay = addWorkingDays(firstDay, workingDays - 1, cal);
  // Midnight after lastDay in UTC+8 is 16:00 UTC on lastDay.
  const closesAt = new Date(toDate(lastDay).getTime() + DAY_MS - 8 * 3_600_000);
  return { firstDay, lastDay, closesAt };
}

/** Checks a calendar an admin edited: real dates, no duplicates, make-up days on weekends only,
 * no day both off and worked. */
export function checkHolidayCalendar(cal: HolidayCalendar): Violation[] {
  const out: Violation[] = [];
  const check = (list: string[], name: 'holidays' | 'makeUpWorkdays') => {
    const seen = new Set<string>();
    list.forEach((text, i) => {
      const field = `${name}.${i}`;
      const date = parseDate(text);
      if (!date) {
        out.push(
          violation(
            field,
            'DATE_INVALID',
            `日期格式应为 YYYY-MM-DD：${text}`,
            `Not a date 'YYYY-MM-DD': ${text}`,
          ),
        );
        return;
      }
      if (seen.has(text)) {
        out.push(violation(field, 'DATE_DUPLICATE', `日期重复：${text}`, `Duplicate date: ${text}`));
      }
      seen.add(text);
      const weekday = date.getUTCDay();
      if (name === 'makeUpWorkdays' && weekday !== 0 && weekday !== 6) {
        out.push(
          violation(
            field,
            'MAKEUP_NOT_WEEKEND',
            `调休上班日须为周六或周日：${text}`,
            `A make-up working day must be a Saturday or Sunday: ${text}`,
          ),
        );
      }
    });
    return seen;
  };
  const holidays = check(cal.holidays, 'holidays');
  check(cal.makeUpWorkdays, 'makeUpWorkdays').forEach((text) => {
    if (holidays.has(text)) {
      const i = cal.makeUpWorkdays.indexOf(text);
      out.push(
        violation(
          `makeUpWorkdays.${i}`,
          'DATE_BOTH_OFF_AND_WORKED',
          `同一天不能既放假又调休上班：${text}`,
          `A day cannot be both off and a make-up working day: ${text}`,
        ),
      );
    }
  });
  return out;
}
