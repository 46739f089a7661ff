import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Set by scripts/test.mjs: the migrated-and-seeded template every test file clones. */
export const TEMPLATE_DATABASE = process.env.XIAOSHI_TEST_TEMPLATE_DB;
export const RUN_ID = process.env.XIAOSHI_TEST_RUN_ID ?? 'adhoc';
export const SERVER_URL = process.env.XIAOSHI_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.XIAOSHI_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const WEB_DIST_DIR = process.env.XIAOSHI_TEST_WEB_DIST;

export function databaseUrl(name: string): string {
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withServer<T>(action: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    return await action(client);
  } finally {
    await client.end();
  }
}

/** A fresh database cloned from the template: migrations and demo seed already in place. */
export async function cloneTemplate(): Promise<string> {
  if (!TEMPLATE_DATABASE) {
    throw new Error('XIAOSHI_TEST_TEMPLATE_DB is not set: run the suites through `npm test`.');
  }
  const name = `${TEMPLATE_DATABASE.replace(/_tpl$/, '')}_${randomBytes(4).toString('hex')}`;
  await withServer((client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DATABASE}"`));
  return name;
}

export async function dropDatabase(name: string): Promise<void> {
  await withServer((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}
