import pg from 'pg';
import type { DataSourceOptions } from 'typeorm';

// Calendar dates (DATE columns) are 'YYYY-MM-DD' strings end to end: the driver's default turns
// them into Date objects at midnight in the server's zone, which shifts them across time zones.
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);
import type { AppConfig } from '../config/app-config.js';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from './migrations/index.js';

export function dataSourceOptions(config: Pick<AppConfig, 'database'>): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.database.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    synchronize: false,
    extra: { max: config.database.poolSize, application_name: 'xiaoshi' },
  };
}
