/**
 * No personal data in logs (issue 10 §6): the built API runs as a child process at log level
 * `info`, a database error is provoked whose SQL parameters, message and detail all carry a phone
 * number, and everything the process printed is searched for it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { DEMO_PASSWORD } from '../../apps/api/src/seed/demo-org-units.js';
import { freePort, waitFor } from '../faults/services.js';
import { cloneTemplate, databaseUrl, dropDatabase, REDIS_URL } from '../support/test-env.js';

const root = path.resolve(import.meta.dirname, '../..');
const PHONE = '13912345678';
const PASSWORD = 'Secret-pass-2026';

describe('logs carry no personal data', () => {
  let database: string;
  let child: ChildProcess;
  let output = '';
  let base: string;
  let prefix: string;

  beforeAll(async () => {
    database = await cloneTemplate();
    const port = await freePort();
    prefix = `xs_test_logs_${port}`;
    base = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, [path.join(root, 'apps/api/dist/main.js')], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        DATABASE_URL: databaseUrl(database),
        REDIS_URL,
        REDIS_PREFIX: prefix,
        PORT: String(port),
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await waitFor('the API to listen', () => {
      if (child.exitCode !== null) throw new Error(`API exited: ${output}`);
      return output.includes('listening on');
    });
  });

  afterAll(async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await dropDatabase(database);
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  it('logs a failed query by its code, SQL text, request id and route, without the phone number in its parameters', async () => {
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    // The database refuses the new user, quoting the phone number in its message and detail.
    const db = new pg.Client({ connectionString: databaseUrl(database) });
    await db.connect();
    const [unit] = (await db.query(`SELECT unit_id FROM app_user WHERE username = 'admin'`)).rows as Array<{
      unit_id: number;
    }>;
    await db.query(`
      CREATE FUNCTION refuse_user() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'refused user with phone %', NEW.phone USING DETAIL = 'phone ' || NEW.phone; END $$;
      CREATE TRIGGER refuse_user BEFORE INSERT ON app_user FOR EACH ROW EXECUTE FUNCTION refuse_user();`);
    await db.end();

    const created = await fetch(`${base}/api/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({
        username: 'logcheck',
        displayName: '日志检查',
        unitId: unit.unit_id,
        roles: ['district_admin'],
        phone: PHONE,
        initialPassword: PASSWORD,
      }),
    });
    expect(created.status).toBe(500);
    const { requestId } = (await created.json()) as { requestId: string };
    const errorLine = await waitFor('the error to be logged', () =>
      output.split('\n').find((line) => line.includes('Unhandled error') && line.includes(requestId)),
    );

    const logged = JSON.parse(errorLine) as { route: string; error: { code: string; query: string } };
    expect(logged.route).toBe('/api/users');
    expect(logged.error.code).toBe('P0001');
    expect(logged.error.query).toMatch(/INSERT INTO "app_user"/);
    expect(output).not.toContain(PHONE);
    expect(output).not.toContain(PASSWORD);
  });
});
