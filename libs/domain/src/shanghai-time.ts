/**
 * Asia/Shanghai has been UTC+8 all year round since 1991 (no daylight saving), so conversions are
 * a fixed offset — no Intl / tz database needed, and results never depend on the host time zone.
 */
const OFFSET_MS = 8 * 60 * 60 * 1000;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The Asia/Shanghai calendar date of an instant, 'YYYY-MM-DD'. */
export function shanghaiDate(instant: Date): string {
  const d = new Date(instant.getTime() + OFFSET_MS);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** An instant as Asia/Shanghai wall-clock time, 'YYYY-MM-DD HH:mm'. */
export function formatShanghaiMinute(instant: Date): string {
  const d = new Date(instant.getTime() + OFFSET_MS);
  return `${shanghaiDate(instant)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}
