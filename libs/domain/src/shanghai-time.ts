/**
 * Asia/Shanghai has been UTC+8 all year round since 1991 (no daylight saving), so conversions are
 * a fixed offset — no Intl / tz database needed, and results never depend on the host time zone.
 * Every "which day is it in Beijing" and "that day at 09:00 Beijing time" in the API and the web
 * goes through here.
 */
const OFFSET_MS = 8 * 60 * 60 * 1000;
const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The instant shifted so that its UTC fields read as Beijing wall-clock time. */
const wall = (instant: Date) => new Date(instant.getTime() + OFFSET_MS);

/** The Asia/Shanghai calendar date of an instant, 'YYYY-MM-DD'. */
export function shanghaiDate(instant: Date): string {
  const d = wall(instant);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** The Asia/Shanghai calendar month of an instant, 'YYYY-MM'. */
export function shanghaiMonth(instant: Date): string {
  return shanghaiDate(instant).slice(0, 7);
}

/** The Asia/Shanghai calendar year of an instant. */
export function shanghaiYear(instant: Date): number {
  return wall(instant).getUTCFullYear();
}

/** The hour of day (0–23) in Beijing. */
export function shanghaiHour(instant: Date): number {
  return wall(instant).getUTCHours();
}

/** An instant as Asia/Shanghai wall-clock time, 'YYYY-MM-DD HH:mm'. */
export function formatShanghaiMinute(instant: Date): string {
  const d = wall(instant);
  return `${shanghaiDate(instant)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** An instant as Asia/Shanghai wall-clock time, 'YYYY-MM-DD HH:mm:ss'. */
export function formatShanghaiSecond(instant: Date): string {
  return `${formatShanghaiMinute(instant)}:${pad(wall(instant).getUTCSeconds())}`;
}

/** An instant as Beijing wall-clock 'YYYY-MM-DDTHH:mm:ss' (what a date picker shows). */
export function shanghaiWallClock(instant: Date): string {
  return formatShanghaiSecond(instant).replace(' ', 'T');
}

/**
 * The instant of a Beijing wall-clock time: 'YYYY-MM-DD' (midnight), or with 'THH:mm[:ss]'; or a
 * date and a separate time ('2026-05-01', '09:00'). A malformed text is a programming error here
 * (inputs are validated first) and throws a RangeError.
 */
export function shanghaiInstant(date: string, time?: string): Date {
  const text = time === undefined ? date : `${date}T${time}`;
  const m = WALL_CLOCK.exec(text);
  if (!m) throw new RangeError(`not a Beijing wall-clock time 'YYYY-MM-DD[THH:mm[:ss]]': ${text}`);
  const [year, month, day, hour, minute, second] = m.slice(1).map((part) => Number(part ?? 0));
  const utc = Date.UTC(year, month - 1, day, hour, minute, second);
  const instant = new Date(utc - OFFSET_MS);
  const check = wall(instant);
  const real = check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day;
  if (!real || hour > 23 || minute > 59 || second > 59) {
    throw new RangeError(`not a Beijing wall-clock time: ${text}`);
  }
  return instant;
}

/** The last second of a Beijing calendar day (a deadline given as a date ends then). */
export function endOfShanghaiDay(date: string): Date {
  return shanghaiInstant(date, '23:59:59');
}

/** 00:00 Beijing time on the first day of the month of `instant`. */
export function startOfShanghaiMonth(instant: Date): Date {
  return shanghaiInstant(`${shanghaiMonth(instant)}-01`);
}
