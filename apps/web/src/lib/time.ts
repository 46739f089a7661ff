import type { Lang } from '../i18n/i18n';

const ZONE = 'Asia/Shanghai';
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: Lang, withSeconds: boolean): Intl.DateTimeFormat {
  const key = `${lang}:${withSeconds}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-CN', {
      timeZone: ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      ...(withSeconds ? { second: '2-digit' } : {}),
      hourCycle: 'h23',
    });
    formatters.set(key, found);
  }
  return found;
}

/** Shows an instant in Beijing time as YYYY-MM-DD HH:mm[:ss], whatever the browser's zone. */
export function formatDateTime(iso: string | null | undefined, lang: Lang, withSeconds = true): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = Object.fromEntries(
    formatter(lang, withSeconds)
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  const time = `${parts.hour}:${parts.minute}${withSeconds ? `:${parts.second}` : ''}`;
  return `${parts.year}-${parts.month}-${parts.day} ${time}`;
}

/** The hour of day in Beijing, for greetings. */
export function beijingHour(now = new Date()): number {
  return Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hour: '2-digit', hourCycle: 'h23' }).format(now),
  );
}

/** Today's date in Beijing as YYYY-MM-DD (the calendar officials work by). */
export function beijingDate(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

export function beijingYear(now = new Date()): number {
  return Number(beijingDate(now).slice(0, 4));
}

/**
 * The Beijing wall-clock of an instant as 'YYYY-MM-DDTHH:mm:ss', for date pickers: the picker
 * shows it as typed, whatever the browser's own zone.
 */
export function beijingWallClock(iso: string): string {
  const date = new Date(iso);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
}

/** A wall-clock 'YYYY-MM-DDTHH:mm[:ss]' read as Beijing time, as an ISO instant with its offset. */
export function beijingIso(wallClock: string): string {
  const withSeconds = wallClock.length === 16 ? `${wallClock}:00` : wallClock.slice(0, 19);
  return `${withSeconds}+08:00`;
}

/** Whole days from now until an instant (negative when past). */
export function daysUntil(iso: string, now = Date.now()): number {
  return Math.ceil((new Date(iso).getTime() - now) / 86_400_000);
}
