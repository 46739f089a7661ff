import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';

interface NamedQueryClient {
  query<Row>(config: { name: string; text: string; values: readonly unknown[] }): Promise<{ rows: Row[] }>;
  query(text: string): Promise<unknown>;
}

interface NamedQueryPool extends NamedQueryClient {
  connect(): Promise<NamedQueryClient & { release(destroy?: boolean | Error): void }>;
}

/**
 * A read run as a named prepared statement: each pooled connection parses and plans it once, and
 * PostgreSQL may keep a generic plan after five runs, instead of planning on every request. For
 * hot reads with a fixed text whose planning costs as much as running them — the ranking page:
 * ~1.0 ms planning for ~1.0 ms execution on the scale data set. A statement of another text must
 * have another name (pg refuses a name reused with a different text). Rows come back typed as
 * through `DataSource.query` (same driver, same type parsers); errors are the driver's own, which
 * the error filter reads as it reads TypeORM's (503 for a database that is away).
 *
 * With `genericPlan`, the read runs on the generic plan from its first run, in a read-only
 * transaction of its own that sets plan_cache_mode for itself alone (two more round trips).
 * PostgreSQL plans each run anew while the generic plan's estimate is above the custom plans',
 * however little the parameters change the plan: the audit page of a unit below a district spent
 * 2.5–5 ms planning fifty monthly partitions for 2–4 ms of execution, and its generic plan runs in
 * 1.7–2.8 ms.
 */
export async function preparedQuery<Row>(
  dataSource: DataSource,
  name: string,
  text: string,
  values: readonly unknown[],
  options: { genericPlan?: boolean } = {},
): Promise<Row[]> {
  const pool = (dataSource.driver as PostgresDriver).master as NamedQueryPool;
  if (!options.genericPlan) return (await pool.query<Row>({ name, text, values })).rows;
  const client = await pool.connect();
  try {
    await client.query('BEGIN READ ONLY; SET LOCAL plan_cache_mode = force_generic_plan');
    const { rows } = await client.query<Row>({ name, text, values });
    await client.query('COMMIT');
    client.release();
    return rows;
  } catch (error) {
    // As pg's own pool.query does: a connection that failed is closed, not handed to the next
    // request (its transaction, if any, ends with it).
    client.release(error instanceof Error ? error : new Error(String(error)));
    throw error;
  }
}
