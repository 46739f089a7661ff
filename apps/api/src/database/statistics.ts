import type { DataSource } from 'typeorm';

/**
 * Rows written at once beyond which the planner's statistics on a table are refreshed right away:
 * autovacuum's own rule (autovacuum_analyze_threshold 50 + autovacuum_analyze_scale_factor 0.1 of
 * the table), applied as soon as the writing transaction has committed instead of at the next
 * autovacuum round, up to a minute later.
 */
const ANALYZE_BASE_ROWS = 50;
const ANALYZE_SCALE = 0.1;

/** How long the refresh waits for a table another session is analysing (it then has fresh statistics). */
const ANALYZE_LOCK_TIMEOUT = '2s';

/**
 * Refreshes the planner's statistics on `table` after `written` rows were committed to it in one
 * go, when they are a large part of it. Until then PostgreSQL plans queries on those rows with the
 * statistics of the table before they existed: a stipend batch of 100,000 lines was estimated at
 * 54 rows, and its page of 100 lines read and sorted the rest of the batch (123 ms instead of
 * 0.2 ms). ANALYZE samples at most 30,000 rows (default statistics target), 0.2–0.3 s at 100,000.
 *
 * Best effort: the rows are committed already, so a refusal (the lock held by another ANALYZE, a
 * role that does not own the table) only leaves the refresh to autovacuum. Returns whether the
 * table was analysed.
 */
export async function refreshStatisticsAfterWrite(
  dataSource: DataSource,
  table: string,
  written: number,
): Promise<boolean> {
  if (written <= ANALYZE_BASE_ROWS) return false;
  try {
    return await dataSource.transaction(async (manager) => {
      const [row]: Array<{ reltuples: number }> = await manager.query(
        `SELECT reltuples::float8 AS reltuples FROM pg_class WHERE oid = to_regclass($1)`,
        [table],
      );
      if (!row) return false;
      // reltuples: the table's size at its last analysis, which the planner goes by (-1: never).
      if (row.reltuples >= 0 && written <= ANALYZE_BASE_ROWS + ANALYZE_SCALE * row.reltuples) return false;
      await manager.query(`SET LOCAL lock_timeout = '${ANALYZE_LOCK_TIMEOUT}'`);
      await manager.query(`ANALYZE ${quoteIdentifier(table)}`);
      return true;
    });
  } catch {
    return false;
  }
}

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
