import pg from 'pg';
import type { DataSourceOptions } from 'typeorm';

// Calendar dates (DATE columns) are 'YYYY-MM-DD' strings end to end: the driver's default turns
// them into Date objects at midnight in the server's zone, which shifts them across time zones.
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);
import type { AppConfig } from '../config/app-config.js';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from './migrations/index.js';
import { TransactionHooks } from '../queue/transaction-hooks.js';

/**
 * A pooled client that never leaves an 'error' event unheard. pg-pool listens on idle clients
 * only, and TypeORM 1.x no longer listens on the ones it has checked out: a server restart that
 * ends a checked-out connection between two queries (a transaction awaiting Redis, say) would
 * otherwise emit an unhandled 'error' and bring the whole process down. The broken client answers
 * its next query with an error (a 503 to the request) and the pool discards it on release.
 */
class ListenedClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    this.on('error', () => undefined);
  }
}

export function dataSourceOptions(config: Pick<AppConfig, 'database'>): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.database.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    subscribers: [TransactionHooks],
    synchronize: false,
    // A request never waits for a connection longer than connectTimeoutMs (PostgreSQL down or
    // restarting, or the pool exhausted): it answers 503 instead, and the pool reconnects by itself
    // once the server is back.
    extra: {
      max: config.database.poolSize,
      connectionTimeoutMillis: config.database.connectTimeoutMs,
      application_name: 'xiaoshi',
      // No JIT compilation: PostgreSQL compiles any query whose estimate passes jit_above_cost, and
      // a page of the audit log (fifty monthly partitions, each with the reader's scope filter) was
      // estimated high enough to spend 12.5 s compiling 2,006 functions for 0.27 s of execution.
      // The portal's queries are short; none of them gains from JIT.
      options: '-c jit=off',
      Client: ListenedClient,
    },
    // Idle pooled connections that the server closes (restart, admin shutdown) raise an error on
    // the pool; the pool drops them and opens new ones on demand. Nothing to log: requests that hit
    // the outage are logged by the error filter.
    poolErrorHandler: () => undefined,
  };
}
