import type { DataSource, QueryRunner } from 'typeorm';

/**
 * How a background read's transaction starts: one snapshot (REPEATABLE READ, read-only), and
 * costs that let PostgreSQL stream the rows in the order of the scope's own index.
 *
 * Such a read runs beside people's requests, so its plan must hand rows over a few milliseconds at
 * a time. With PostgreSQL's default `random_page_cost` of 4 (a figure for spinning disks) the
 * planner prices an index walk so high that, for a district's 116,398 applications ordered newest
 * first, it either sorts the whole scope before the first row (hash joins and a sort on disk:
 * 170–305 ms of one core at once, a stall the API's p99 felt) or, asked for a fast start, walks the
 * whole table's primary key (1.2 s of CPU for one district out of a hundred). At 1.1 — the usual
 * figure for SSDs and a working set in memory — it walks the scope's index backwards: 0.5 s of CPU
 * in all, no batch of 200 over 30 ms. The setting holds for this transaction only.
 */
export const STREAMING_READ = 'SET TRANSACTION READ ONLY; SET LOCAL random_page_cost = 1.1';

/**
 * The rows of `sql` (a SELECT with its ORDER BY), `batchSize` at a time, through a database cursor
 * in a transaction of its own started as `STREAMING_READ` says: planned once, one moment's data
 * whatever is written meanwhile. The next batch is fetched only when asked for; leaving the loop
 * early closes the cursor and its transaction, and the connection goes back to the pool.
 */
export async function* cursorBatches<Row>(
  dataSource: DataSource,
  sql: string,
  params: readonly unknown[],
  batchSize: number,
): AsyncGenerator<Row[]> {
  const size = Math.max(1, Math.trunc(batchSize));
  const runner: QueryRunner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction('REPEATABLE READ');
    await runner.query(STREAMING_READ);
    await runner.query(`DECLARE batches NO SCROLL CURSOR FOR ${sql}`, [...params]);
    const fetch = `FETCH ${size} FROM batches`;
    for (;;) {
      const rows: Row[] = await runner.query(fetch);
      if (rows.length > 0) yield rows;
      if (rows.length < size) break;
    }
    await runner.commitTransaction();
  } finally {
    if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
    await runner.release();
  }
}
