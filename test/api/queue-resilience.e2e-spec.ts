/**
 * Enqueueing with Redis away (issue 10 §5): jobs enqueued inside a database transaction become
 * runnable only once it commits and vanish if it rolls back; with Redis unreachable a request that
 * enqueues answers 503 fast and writes nothing, while reads and sign-in keep working. (The fault
 * suite, `npm run test:faults`, stops and restarts real servers; this runs in every `npm test`.)
 */
import { DataSource } from 'typeorm';
import { QueueService } from '../../apps/api/src/queue/queue.service.js';
import { waitFor } from '../faults/services.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('enqueueing inside transactions, and without Redis', () => {
  let t: TestApp;
  let offline: TestApp;
  beforeAll(async () => {
    [t, offline] = await Promise.all([
      startTestApp(),
      startTestApp({ env: { REDIS_URL: 'redis://127.0.0.1:1', QUEUE_ENQUEUE_TIMEOUT_MS: '1500' } }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([t.close(), offline.close()]);
  });

  it('holds a job back until its transaction commits, and removes it when the transaction rolls back', async () => {
    const queue = t.app.get(QueueService);
    const dataSource = t.app.get(DataSource);
    const states: string[] = [];
    await dataSource.transaction(async (manager) => {
      const job = await queue.enqueue(
        'reviews.rank',
        { competitionId: 1 },
        { jobId: 'held-until-commit', transaction: manager },
      );
      states.push(await job.getState());
    });
    expect(states).toEqual(['delayed']);
    await waitFor(
      'the job to be released after the commit',
      async () => (await queue.queue.getJobState('held-until-commit')) === 'waiting',
    );

    await expect(
      dataSource.transaction(async (manager) => {
        await queue.enqueue(
          'reviews.rank',
          { competitionId: 1 },
          { jobId: 'dropped-on-rollback', transaction: manager },
        );
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await waitFor(
      'the job to be removed after the rollback',
      async () => (await queue.queue.getJob('dropped-on-rollback')) === undefined,
    );
  });

  it('answers an export request with 503 + Retry-After within 2 s when Redis is unreachable, writing nothing', async () => {
    const bearer = await offline.login('admin');
    const count = async () =>
      (await offline.db.query(`SELECT count(*)::int AS n FROM export_job`)).rows[0].n as number;
    const audits = async () =>
      (await offline.db.query(`SELECT count(*)::int AS n FROM audit_event`)).rows[0].n as number;
    const [exportsBefore, auditsBefore] = [await count(), await audits()];
    const started = Date.now();
    const response = await offline
      .http()
      .post('/api/applications/exports')
      .set('authorization', bearer)
      .send({});
    expect(Date.now() - started).toBeLessThan(2000);
    expect(response.status).toBe(503);
    expect(response.body.code).toBe('SERVICE_UNAVAILABLE');
    expect(response.headers['retry-after']).toBe('5');
    expect(await count()).toBe(exportsBefore);
    expect(await audits()).toBe(auditsBefore);
  });

  it('keeps reads and sign-in working when Redis is unreachable, and says so in the health check', async () => {
    const bearer = await offline.login('finance');
    expect(
      (
        await offline
          .http()
          .get('/api/applications?limit=5')
          .set('authorization', await offline.login('admin'))
      ).status,
    ).toBe(200);
    expect(bearer).toMatch(/^Bearer /);
    const health = await offline.http().get('/api/health');
    expect(health.status).toBe(503);
    expect(health.headers['retry-after']).toBe('5');
    expect(health.body.checks).toEqual({ database: 'up', redis: 'down' });
  });
});
