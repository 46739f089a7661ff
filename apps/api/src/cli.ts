import 'reflect-metadata';
import { loadConfigFromEnvironment } from './config/app-config.js';
import { runMigrations } from './database/migrate.js';
import { seedDemo } from './seed/demo-seed.js';
import { SeedContext } from './seed/seed-context.js';
import { demoAllowed } from './seed/seed-guard.js';

/**
 * `node dist/cli.js migrate | seed | setup [--base-only] [--demo]` — used by npm start, the tests
 * and operators. `seed` adds the demo data (演示) where it is missing: the base layer into an empty
 * database, then the demo year on top of it (not with --base-only, which the tests' template uses).
 * With NODE_ENV=production nothing is seeded unless asked for with --demo or XIAOSHI_DEMO=1.
 */
const command = process.argv[2] ?? 'setup';
const flags = new Set(process.argv.slice(3));
const config = loadConfigFromEnvironment();

if (!['migrate', 'seed', 'setup'].includes(command)) {
  console.error(`unknown command ${command}; use migrate, seed or setup`);
  process.exit(2);
}
if (command === 'migrate' || command === 'setup') {
  const applied = await runMigrations(config);
  console.log(applied.length ? `migrations applied: ${applied.join(', ')}` : 'migrations: up to date');
}
if (command === 'seed' || command === 'setup') {
  if (!demoAllowed(config.env, flags, process.env)) {
    console.log('demo data: not seeded in production (use --demo or XIAOSHI_DEMO=1 to seed it on purpose)');
  } else {
    const context = await SeedContext.open(config);
    try {
      const outcome = await seedDemo(context, { baseOnly: flags.has('--base-only') });
      for (const message of outcome.messages) console.log(message);
    } finally {
      await context.close();
    }
  }
}
