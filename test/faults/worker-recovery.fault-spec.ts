/**
 * The worker when Redis loses its data and when the worker itself dies mid-job (issue 10 §5),
 * against private PostgreSQL and Redis servers, with the built worker (apps/api/dist/worker.js)
 * run as child processes.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import pg from 'pg';
import { QUEUE_NAME } from '../../apps/api/src/queue/jobs.js';
import { SCHEDULES } from '../../apps/api/src/queue/schedules.js';
import {
  PrivatePostgres,
  PrivateRedis,
  WorkerProcess,
  createSeededDatabase,
  startApi,
  waitFor,
  type FaultApi,
} from './services.js';

const PREFIX = 'xs_faults_worker';

describe('the worker when Redis loses its data or the worker dies', () => {
  let postgres: PrivatePostgres;
  let redis: PrivateRedis;
  let databaseUrl: string;
  let dataDir: string;
  let env: Record<string, string>;
  let client: Redis;
  let queue: Queue;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    [postgres, redis] = await Promise.all([PrivatePostgres.start(), PrivateRedis.start()]);
    databaseUrl = await createSeededDatabase(postgres, 'xiaoshi');
    dataDir = mkdtempSync(path.join(tmpdir(), 'xs-faults-data-'));
    env = {
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      REDIS_URL: redis.url,
      REDIS_PREFIX: PREFIX,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      DATABASE_CONNECT_TIMEOUT_MS: '2000',
      // Short timings so that recovery takes seconds, not minutes.
      SCHEDULE_CHECK_INTERVAL_MS: '500',
      WORKER_LOCK_DURATION_MS: '2000',
      WORKER_STALLED_INTERVAL_MS: '1000',
    };
    client = new Redis(redis.url, { maxRetriesPerRequest: null });
    client.on('error', () => undefined);
    queue = new Queue(QUEUE_NAME, { connection: client, prefix: `${PREFIX}:bull` });
    queue.on('error', () => undefined);
  }, 120_000);

  afterAll(async () => {
    for (const worker of workers) await worker.kill('SIGTERM');
    await queue?.close().catch(() => undefined);
    client?.disconnect();
    await Promise.all([postgres?.destroy(), redis?.destroy()]);
    rmSync(dataDir, { recursive: true, force: true });
  });

  const expected = SCHEDULES.map((entry) => entry.id).sort();
  const schedulerIds = async () => (await queue.getJobSchedulers(0, -1)).map((entry) => entry.key).sort();
  /** Every scheduler exists and has its next run waiting as a delayed job. */
  const allScheduled = async () =>
    JSON.stringify(await schedulerIds()) === JSON.stringify(expected) &&
    (await queue.getDelayedCount()) === expected.length;

  it('registers every scheduled job at boot and restores them after FLUSHALL and after a Redis restart', async () => {
    workers.push(await WorkerProcess.start(env));
    await waitFor('every scheduled job registered at boot', allScheduled);
    // audit (nightly incremental, weekly full), reminders, notices, delivery (opening, overdue)
    expect(expected).toHaveLength(6);

    // The worker logs each restore: counting them proves the schedulers were gone and came back.
    const restores = () => workers[0].output.split('restored scheduled jobs missing from Redis').length - 1;
    await client.flushall();
    await waitFor(
      'the scheduled jobs restored after FLUSHALL',
      async () => restores() === 1 && (await allScheduled()),
      15_000,
    );

    await redis.stop();
    await redis.start(); // no persistence: every key is gone
    await waitFor(
      'the scheduled jobs restored after a Redis restart',
      async () => restores() === 2 && (await allScheduled()),
      15_000,
    );

    // And the worker still processes jobs on the restarted Redis.
    const job = await queue.add('audit.verify-chain', { requestedByUserId: null });
    await waitFor(
      'a job processed after the restart',
      async () => (await job.getState()) === 'completed',
      15_000,
    );
  }, 180_000);

  it('puts a job back while PostgreSQL is down, without spending its attempts, and runs it once it is back', async () => {
    const worker = workers[workers.length - 1];
    const deferrals = () => worker.output.split('job deferred: a service is unavailable').length - 1;
    const before = deferrals();
    await postgres.stop();
    const job = await queue.add('audit.verify-chain', { requestedByUserId: null });
    try {
      await waitFor('the job to be deferred', () => deferrals() > before, 15_000);
    } finally {
      await postgres.start();
    }
    await waitFor('the deferred job to complete', async () => (await job.getState()) === 'completed', 20_000);
    const finished = (await queue.getJob(job.id!))!;
    expect(finished.attemptsMade).toBe(1); // the outage cost none of its three attempts
  }, 180_000);

  it('takes up an export again after its worker is killed mid-run, and completes it once', async () => {
    let api: FaultApi | undefined;
    const locker = new pg.Client({ connectionString: databaseUrl });
    try {
      api = await startApi({
        DATABASE_URL: databaseUrl,
        REDIS_URL: redis.url,
        REDIS_PREFIX: PREFIX,
        DATA_DIR: dataDir,
      });
      const bearer = await api.login('admin');
      // Hold the export mid-run: it blocks on the application table until the lock goes.
      await locker.connect();
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE application IN ACCESS EXCLUSIVE MODE');
      const requested = await api
        .http()
        .post('/api/applications/exports')
        .set('authorization', bearer)
        .send({});
      expect(requested.status).toBe(201);
      const id = requested.body.id as number;
      const rowOf = async () =>
        (
          await postgres.query<{ status: string; row_count: number | null; storage_key: string | null }>(
            'xiaoshi',
            'SELECT status, row_count, storage_key FROM export_job WHERE id = $1',
            [id],
          )
        )[0];
      await waitFor('the export to be running and blocked', async () => {
        const waiting = await postgres.query<{ n: number }>(
          'xiaoshi',
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = 'xiaoshi' AND wait_event_type = 'Lock'`,
        );
        return (await rowOf()).status === 'running' && waiting[0].n > 0;
      });

      await workers[workers.length - 1].kill('SIGKILL');
      await locker.query('ROLLBACK');
      workers.push(await WorkerProcess.start(env));

      await waitFor(
        'the export to complete in the new worker',
        async () => (await rowOf()).status === 'done',
        30_000,
      );
      const job = (await queue.getJob(`export-${id}`))!;
      await waitFor('BullMQ to record the job completed', async () => (await job.getState()) === 'completed');
      const finished = (await queue.getJob(`export-${id}`))!;
      expect(finished.stalledCounter).toBe(1); // taken back from the dead worker once
      expect(finished.attemptsMade).toBe(1); // and completed by one run, not retried after a failure
      const row = await rowOf();
      // Every application the district admin sees (drafts and those still at the street are not theirs).
      const [{ n }] = await postgres.query<{ n: number }>(
        'xiaoshi',
        `SELECT count(*)::int AS n FROM application WHERE status NOT IN ('draft', 'awaiting_street')`,
      );
      expect(row.row_count).toBe(n);
      expect(statSync(path.join(dataDir, row.storage_key!)).size).toBeGreaterThan(0);
      expect(await postgres.query('xiaoshi', `SELECT id FROM export_job WHERE status <> 'done'`)).toEqual([]);
    } finally {
      await locker.end().catch(() => undefined);
      await api?.close();
    }
  }, 180_000);
});
