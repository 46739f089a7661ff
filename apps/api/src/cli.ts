import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfigFromEnvironment } from './config/app-config.js';
import { dataSourceOptions } from './database/data-source.js';
import { runMigrations } from './database/migrate.js';
import { seedDemoData } from './seed/demo-seed.js';

/** `node dist/cli.js migrate | seed | setup` — used by npm start, the tests and operators. */
const command = process.argv[2] ?? 'setup';
const config = loadConfigFromEnvironment();

if (command === 'migrate' || command === 'setup') {
  const applied = await runMigrations(config);
  console.log(applied.length ? `migrations applied: ${applied.join(', ')}` : 'migrations: up to date');
}
if (command === 'seed' || command === 'setup') {
  const dataSource = new DataSource({ ...dataSourceOptions(config), extra: { ...dataSourceOptions(config).extra, max: 2 } });
  await dataSource.initialize();
  try {
    console.log((await seedDemoData(dataSource)) ? 'demo data seeded' : 'demo data: database not empty, left as is');
  } finally {
    await dataSource.destroy();
  }
}
if (!['migrate', 'seed', 'setup'].includes(command)) {
  console.error(`unknown command ${command}; use migrate, seed or setup`);
  process.exit(2);
}
