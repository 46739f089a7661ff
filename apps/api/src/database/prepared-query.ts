import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';

interface NamedQueryPool {
  query<Row>(config: { name: string; text: string; values: readonly unknown[] }): Promise<{ rows: Row[] }>;
}

/**
 * A read run as a named prepared statement: each pooled connection parses and plans it once, and
 * PostgreSQL may keep a generic plan after five runs, instead of planning on every request. For
 * hot reads with a fixed text whose planning costs as much as running them — the ranking page:
 * ~1.0 ms planning for ~1.0 ms execution on the scale data set. A statement of another text must
 * have another name (pg refuses a name reused with a different text). Rows come back typed as
 * through `DataSource.query` (same driver, same type parsers); errors are the driver's own, which
 * the error filter reads as it reads TypeORM's (503 for a database that is away).
 */
export async function preparedQuery<Row>(
  dataSource: DataSource,
  name: string,
  text: string,
  values: readonly unknown[],
): Promise<Row[]> {
  const pool = (dataSource.driver as PostgresDriver).master as NamedQueryPool;
  return (await pool.query<Row>({ name, text, values })).rows;
}
