import { QueueService } from '../../apps/api/src/queue/queue.service.js';
import { createWorker, type RunningWorker } from '../../apps/api/src/queue/worker.factory.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('background jobs through BullMQ and Redis', () => {
  let t: TestApp;
  let worker: RunningWorker;
  beforeAll(async () => {
    t = await startTestApp();
    worker = await createWorker(t.config, { schedule: false });
  });
  afterAll(async () => {
    await worker.close();
    await t.close();
  });

  it('runs the audit-chain verification job in the worker and stores the verdict', async () => {
    const queue = t.app.get(QueueService);
    const job = await queue.enqueue('audit.verify-chain', { requestedByUserId: null });
    const deadline = Date.now() + 20_000;
    let stored: Array<{ ok: boolean }> = [];
    while (Date.now() < deadline) {
      stored = (await t.db.query(`SELECT ok FROM audit_chain_check`)).rows;
      if (stored.length) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(stored).toEqual([{ ok: true }]);
    // The handler's row is visible a moment before BullMQ records the job as completed.
    let completed = await job.isCompleted();
    while (!completed && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      completed = await job.isCompleted();
    }
    expect(completed).toBe(true);
    const checks = await t.http().get('/api/audit/checks').set('authorization', await t.login('auditor'));
    expect(checks.body[0]).toMatchObject({ ok: true });
  });

  it('shows queue counts to admins only', async () => {
    const admin = await t.http().get('/api/queues').set('authorization', await t.login('admin'));
    expect(admin.status).toBe(200);
    expect(admin.body).toHaveProperty('completed');
    expect((await t.http().get('/api/queues').set('authorization', await t.login('finance'))).status).toBe(403);
  });
});
