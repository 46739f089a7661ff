/** Calendar-date steps on 'YYYY-MM-DD' strings (UTC arithmetic, so no zone shifts them). */
export function addDays(date: string, days: number): string {
  const instant = new Date(`${date}T00:00:00Z`);
  instant.setUTCDate(instant.getUTCDate() + days);
  return instant.toISOString().slice(0, 10);
}

/** A removal stores the first day no longer paid; people read the last day served. */
export const previousDay = (date: string) => addDays(date, -1);
export const nextDay = (date: string) => addDays(date, 1);
