/**
 * Demo data never enters a non-demo database by accident (issue 11 §9):
 * - never when NODE_ENV=production, unless asked for on purpose (`--demo` or XIAOSHI_DEMO=1);
 * - the base demo data only into an empty database (no org unit yet);
 * - the demo year only on top of the base demo data, before anything else happened there: not
 *   when any row of a table with an `is_demo` column is not demo data (somebody's own work), nor
 *   when the story's tables already hold rows (an earlier demo year, an older demo layout, or use).
 * The markers are audit events of the seed itself: `seed.demo_data` (the base, since the first
 * demo seed), `seed.demo_year.start` and `seed.demo_year`.
 */
import type { DataSource } from 'typeorm';

export const BASE_MARKER = 'seed.demo_data';
export const STORY_STARTED_MARKER = 'seed.demo_year.start';
export const STORY_MARKER = 'seed.demo_year';

/**
 * Tables the demo year fills and the base demo data leaves empty (the base does fill payments,
 * trips, agreements and the building leaders' batches of the annual plan's programmes).
 */
const STORY_TABLES = ['application', 'review_panel', 'award_decision', 'project', 'survey_answer'] as const;

export interface DemoState {
  /** No org unit: nothing was ever seeded or created. */
  empty: boolean;
  base: boolean;
  story: 'absent' | 'started' | 'done';
  /** Tables holding rows that are not demo data (is_demo = false). */
  nonDemo: string[];
  /** Story tables that already hold rows. */
  activity: string[];
}

/** Whether this process may seed demo data at all. */
export function demoAllowed(env: string, flags: ReadonlySet<string>, variables: NodeJS.ProcessEnv): boolean {
  return env !== 'production' || flags.has('--demo') || variables.XIAOSHI_DEMO === '1';
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Every table with an is_demo column. */
export async function demoTables(dataSource: DataSource): Promise<string[]> {
  const rows: Array<{ table_name: string }> = await dataSource.query(
    `SELECT c.table_name FROM information_schema.columns c
     JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
     WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND c.column_name = 'is_demo'
     ORDER BY c.table_name`,
  );
  return rows.map((row) => row.table_name);
}

export async function demoState(dataSource: DataSource): Promise<DemoState> {
  const [{ units }]: [{ units: number }] = await dataSource.query(`SELECT count(*)::int AS units FROM org_unit`);
  const markers: Array<{ action: string }> = await dataSource.query(
    `SELECT DISTINCT action FROM audit_event WHERE action = ANY($1::text[])`,
    [[BASE_MARKER, STORY_STARTED_MARKER, STORY_MARKER]],
  );
  const has = (action: string) => markers.some((row) => row.action === action);
  const nonDemo: string[] = [];
  for (const table of await demoTables(dataSource)) {
    const [row]: Array<{ found: boolean }> = await dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM ${quote(table)} WHERE NOT is_demo) AS found`,
    );
    if (row.found) nonDemo.push(table);
  }
  const activity: string[] = [];
  for (const table of STORY_TABLES) {
    const [row]: Array<{ found: boolean }> = await dataSource.query(`SELECT EXISTS (SELECT 1 FROM ${quote(table)}) AS found`);
    if (row.found) activity.push(table);
  }
  return {
    empty: units === 0,
    base: has(BASE_MARKER),
    story: has(STORY_MARKER) ? 'done' : has(STORY_STARTED_MARKER) ? 'started' : 'absent',
    nonDemo,
    activity,
  };
}

/** Why the demo year may not be added to this database, or null when it may. */
export function storyRefusal(state: DemoState): string | null {
  if (state.story === 'done') return null;
  if (state.story === 'started')
    return 'an earlier demo-year seeding stopped half way: drop the database and run setup again';
  if (!state.base) return 'the database holds no base demo data (呈贡区): the demo year is only added on top of it';
  if (state.nonDemo.length)
    return `the database holds data that is not demo data (${state.nonDemo.join(', ')}): demo data is never mixed into it`;
  if (state.activity.length)
    return `the database already holds activity (${state.activity.join(', ')}) — an older demo layout or somebody's work: drop the database to get the demo year`;
  return null;
}

/** Marks every row of every table with an is_demo column as demo data (a demo database holds nothing else). */
export async function markAllDemo(dataSource: DataSource): Promise<void> {
  for (const table of await demoTables(dataSource)) {
    await dataSource.query(`UPDATE ${quote(table)} SET is_demo = true WHERE NOT is_demo`);
  }
}
