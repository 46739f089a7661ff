import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The API suites run in four groups: each group is one Jest test file that imports its suites, so
 * the API's module graph is loaded once per group instead of once per suite (~4 s of CPU each
 * under Jest's ESM loader, measured: 36 suites one file each, 517 file-seconds; in one file, 172 s).
 * Each suite keeps its own describe, hooks, database and API instance; only the loaded code is
 * shared. `npm test -- api <pattern>` runs matching suites one file each, as before.
 */
export const GROUPS = {
  hardening: ['hostile-input', 'bad-input', 'log-privacy', 'auth'],
  pipeline: [
    'applications',
    'reviews',
    'awards',
    'workbench',
    'delivery',
    'delivery-lifecycle',
    'payments',
    'budgets',
    'ledger-figures',
    'org-scope',
    'audit',
    'district-isolation',
  ],
  programmes: [
    'demo-year',
    'dashboards',
    'rollups',
    'performance',
    'surveys',
    'trips',
    'social-orgs',
    'stipends',
    'stipends-cycle',
    'building-leaders',
  ],
  platform: [
    'first-page',
    'shutdown',
    'platform',
    'notifications-reminders',
    'notifications-email',
    'notifications-reminder-sources',
    'notifications-sms',
    'queue',
    'queue-resilience',
    'files-s3',
  ],
} as const;

const SUITES = fileURLToPath(new URL('../', import.meta.url));

/** Imports the group's suites in order; refuses to run while any suite is in no group or in two. */
export async function load(group: keyof typeof GROUPS): Promise<void> {
  const listed = Object.values(GROUPS).flat();
  const present = readdirSync(SUITES)
    .filter((file) => file.endsWith('.e2e-spec.ts'))
    .map((file) => file.slice(0, -'.e2e-spec.ts'.length));
  const unlisted = present.filter((suite) => !listed.includes(suite as never));
  const twice = listed.filter((suite, index) => listed.indexOf(suite) !== index);
  const missing = listed.filter((suite) => !present.includes(suite));
  if (unlisted.length || twice.length || missing.length) {
    throw new Error(
      `test/api/groups/groups.ts: suites in no group: [${unlisted.join(', ')}]; in two: [${twice.join(', ')}]; listed but absent: [${missing.join(', ')}]`,
    );
  }
  for (const suite of GROUPS[group]) await import(`../${suite}.e2e-spec.js`);
}
