import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { dataSourceOptions } from './data-source.js';

const MIGRATION_LOCK = 74_201_126; // any constant; shared by every process of this app

/**
 * Runs pending migrations under an advisory lock, so API and worker replicas starting together
 * migrate once. Returns the names of the migrations it applied.
 */
export async function runMigrations(config: Pick<AppConfig, 'database'>): Promise<string[]> {
  const options = dataSourceOptions(config);
  const dataSource = new DataSource({ ...options, extra: { ...options.extra, max: 2 } } as typeof options);
  await dataSource.initialize();
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
    await dataSource.destroy();
  }
}
