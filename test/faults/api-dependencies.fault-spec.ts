/**
 * The API while PostgreSQL restarts and while Redis is away (issue 10 §5), against private
 * servers that this file starts, stops and removes.
 */
import { DEMO_PASSWORD } from '../../apps/api/src/seed/demo-org-units.js';
import {
  PrivatePostgres,
  PrivateRedis,
  createSeededDatabase,
  startApi,
  waitFor,
  type FaultApi,
} from './services.js';

interface Outcome {
  status: number;
  retryAfter: string | undefined;
  code: string | undefined;
  ms: number;
  phase: 'before' | 'down' | 'starting' | 'up';
}

describe('the API while its services go away', () => {
  let postgres: PrivatePostgres;
  let redis: PrivateRedis;
  let api: FaultApi;
  let databaseUrl: string;

  beforeAll(async () => {
    [postgres, redis] = await Promise.all([PrivatePostgres.start(), PrivateRedis.start()]);
    databaseUrl = await createSeededDatabase(postgres, 'xiaoshi');
    api = await startApi({ DATABASE_URL: databaseUrl, REDIS_URL: redis.url, REDIS_PREFIX: 'xs_faults_api' });
  }, 120_000);

  afterAll(async () => {
    await api?.close();
    await Promise.all([postgres?.destroy(), redis?.destroy()]);
  });

  it('answers reads during a PostgreSQL restart with 200 or 503 + Retry-After, never 500, then recovers by itself', async () => {
    const bearer = await api.login('admin');
    const outcomes: Outcome[] = [];
    let phase: Outcome['phase'] = 'before';
    let running = true;
    const readLoop = async () => {
      while (running) {
        const started = Date.now();
        const response = await api.http().get('/api/applications?limit=10').set('authorization', bearer);
        outcomes.push({
          status: response.status,
          retryAfter: response.headers['retry-after'],
          code: response.body?.code,
          ms: Date.now() - started,
          phase,
        });
      }
    };
    const loops = Array.from({ length: 4 }, readLoop);
    await waitFor('a successful read', () => outcomes.some((outcome) => outcome.status === 200));

    await postgres.stop(); // fast shutdown: in-flight queries are terminated (57P01)
    phase = 'down';
    await waitFor('a read answered while PostgreSQL is down', () =>
      outcomes.some((outcome) => outcome.phase === 'down' && outcome.status !== 200),
    );
    // Health probes are cached for a second: wait for one taken while PostgreSQL is down.
    const health = await waitFor('the health check to report the database down', async () => {
      const response = await api.http().get('/api/health');
      return response.body.checks?.database === 'down' ? response : null;
    });
    expect(health.status).toBe(503);
    expect(health.headers['retry-after']).toBeDefined();
    expect(health.body.checks).toEqual({ database: 'down', redis: 'up' });

    phase = 'starting';
    await postgres.start();
    phase = 'up';
    await waitFor(
      'reads to succeed again without restarting the API',
      () => outcomes.filter((outcome) => outcome.phase === 'up' && outcome.status === 200).length >= 5,
    );
    running = false;
    await Promise.all(loops);

    const failures = outcomes.filter((outcome) => outcome.status !== 200);
    // Never a 500: every failure is a 503 SERVICE_UNAVAILABLE that says when to retry.
    expect(
      failures.filter((outcome) => outcome.status !== 503 || outcome.code !== 'SERVICE_UNAVAILABLE'),
    ).toEqual([]);
    expect(failures.filter((outcome) => outcome.retryAfter === undefined)).toEqual([]);
    expect(failures.length).toBeGreaterThan(0);
    // None waited on the dead server for longer than the connection timeout (2 s here).
    expect(Math.max(...failures.map((outcome) => outcome.ms))).toBeLessThan(3000);
    expect(outcomes[outcomes.length - 1].status).toBe(200);
    await waitFor(
      'the health check to recover',
      async () => (await api.http().get('/api/health')).status === 200,
    );
    console.log(
      `reads during the PostgreSQL restart: ${outcomes.length} in all, ${failures.length} answered 503, ` +
        `the slowest 503 in ${Math.max(...failures.map((outcome) => outcome.ms))} ms`,
    );
  }, 60_000);

  it('with Redis stopped: an export request fails fast with 503 and writes nothing; reads and sign-in still work', async () => {
    const bearer = await api.login('admin');
    const counts = async () =>
      (
        await postgres.query<{ exports: number; audits: number }>(
          'xiaoshi',
          `SELECT (SELECT count(*)::int FROM export_job) AS exports, (SELECT count(*)::int FROM audit_event) AS audits`,
        )
      )[0];
    const before = await counts();

    await redis.stop();
    const started = Date.now();
    const requested = await api
      .http()
      .post('/api/applications/exports')
      .set('authorization', bearer)
      .send({});
    const elapsed = Date.now() - started;
    expect(requested.status).toBe(503);
    expect(requested.body.code).toBe('SERVICE_UNAVAILABLE');
    expect(requested.headers['retry-after']).toBeDefined();
    expect(elapsed).toBeLessThan(2000);
    // Nothing half-written: neither the export row nor its audit entry was committed.
    expect(await counts()).toEqual(before);

    expect((await api.http().get('/api/applications?limit=10').set('authorization', bearer)).status).toBe(
      200,
    );
    const signIn = await api
      .http()
      .post('/api/auth/login')
      .send({ username: 'finance', password: DEMO_PASSWORD });
    expect(signIn.status).toBe(200);
    const health = await waitFor('the health check to report Redis down', async () => {
      const response = await api.http().get('/api/health');
      return response.body.checks?.redis === 'down' ? response : null;
    });
    expect(health.status).toBe(503);
    expect(health.body.checks).toEqual({ database: 'up', redis: 'down' });

    await redis.start();
    const retried = await waitFor('the export request to succeed once Redis is back', async () => {
      const response = await api
        .http()
        .post('/api/applications/exports')
        .set('authorization', bearer)
        .send({});
      return response.status === 201 ? response : null;
    });
    expect(retried.body.status).toBe('queued');
    expect((await counts()).exports).toBe(before.exports + 1);
    console.log(`export request with Redis stopped answered 503 in ${elapsed} ms`);
  }, 60_000);
});
