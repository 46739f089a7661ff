/**
 * Calendar-date arithmetic on 'YYYY-MM-DD' strings (Asia/Shanghai calendar dates, no time, no clock).
 * Pure integer arithmetic (proleptic Gregorian day numbers), never `Date`, so results do not
 * depend on the host time zone.
 */

export interface Ymd {
  year: number;
  month: number;
  day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** A real calendar date between 1000-01-01 and 9999-12-31, else null. */
export function toYmd(year: number, month: number, day: number): Ymd | null {
  if (![year, month, day].every(Number.isInteger)) return null;
  if (year < 1000 || year > 9999 || month < 1 || month > 12) return null;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** Strict 'YYYY-MM-DD' that names a real date. */
export function parseIsoDate(value: string): Ymd | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  return toYmd(Number(match[1]), Number(match[2]), Number(match[3]));
}

export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && parseIsoDate(value) !== null;
}

/** Strict 'YYYY-MM'. */
export function isIsoMonth(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_MONTH.exec(value);
  return match !== null && toYmd(Number(match[1]), Number(match[2]), 1) !== null;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export function formatYmd({ year, month, day }: Ymd): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

export function formatMonth(year: number, month: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}`;
}

/** 'YYYY-MM' of a 'YYYY-MM-DD'. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** Days since 1970-01-01 (Howard Hinnant's days_from_civil). */
export function dayNumber({ year, month, day }: Ymd): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of dayNumber. */
export function fromDayNumber(days: number): Ymd {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** `to − from` in days, both valid ISO dates (caller validates). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(parseIsoDate(to) as Ymd) - dayNumber(parseIsoDate(from) as Ymd);
}

export function addDays(date: string, days: number): string {
  return formatYmd(fromDayNumber(dayNumber(parseIsoDate(date) as Ymd) + days));
}

/** Same month and day `years` later; 29 Feb becomes 28 Feb in a common year. */
export function addYears(date: string, years: number): string {
  const ymd = parseIsoDate(date) as Ymd;
  const year = ymd.year + years;
  return formatYmd({ year, month: ymd.month, day: Math.min(ymd.day, daysInMonth(year, ymd.month)) });
}

export function lastDayOfMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return `${month}-${pad(daysInMonth(year, m), 2)}`;
}
