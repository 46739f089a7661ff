/**
 * Exactly once across a worker restart (issue 14, acceptance): the built worker runs as a child
 * process and is killed with SIGKILL at the worst moment — after the message reached the server
 * and before the worker could record it (the local SMTP server kills it before answering 250; the
 * local SMS endpoint kills it before answering SendSms). A new worker takes the stalled jobs up
 * again; the e-mail and the SMS for "window closes tomorrow" have arrived exactly once.
 */
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { QUEUE_NAME } from '../../apps/api/src/queue/jobs.js';
import {
  notificationEnv,
  queueSettled,
  startSmsServer,
  startSmtpServer,
  waitFor,
  type TestSmsServer,
  type TestSmtpServer,
} from '../support/notification-servers.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { WorkerProcess } from './services.js';

describe('notifications across a worker killed mid-send', () => {
  let smtp: TestSmtpServer;
  let sms: TestSmsServer;
  let t: TestApp;
  let client: Redis;
  let queue: Queue;
  let workerEnv: Record<string, string>;
  const workers: WorkerProcess[] = [];
  const officer = { id: 0, bearer: '', email: 'longcheng@street.example.test', phone: '13800138031' };
  let competitionId: number;

  const windowMails = () => smtp.to(officer.email).filter((entry) => /截止/.test(entry.mail.subject ?? ''));
  const windowTexts = () => sms.to(officer.phone).filter((record) => record.templateCode === 'SMS_2001');
  const deliveryOf = async (channel: string, day: string) =>
    (
      await t.db.query<{ id: number; status: string; reason: string | null; provider_message_id: string | null; attempts: number }>(
        `SELECT d.id, d.status, d.reason, d.provider_message_id, d.attempts FROM notification_delivery d
         JOIN notification n ON n.id = d.notification_id
         WHERE d.user_id = $1 AND d.channel = $2 AND n.kind = 'competition.window_closing' AND n.dedupe_key LIKE $3`,
        [officer.id, channel, `%:${day}:%`],
      )
    ).rows[0];

  async function closeWindowOn(lastDay: string) {
    await t.db.query(`UPDATE competition SET submission_closes_at = $2::timestamptz WHERE id = $1`, [
      competitionId,
      `${lastDay}T17:00:00+08:00`,
    ]);
  }

  beforeAll(async () => {
    [smtp, sms] = await Promise.all([startSmtpServer(), startSmsServer()]);
    const env = { ...notificationEnv(smtp, sms, 'competition.window_closing=SMS_2001,phone.verification=SMS_2009'), SMS_RATE_PER_MINUTE: '10' };
    t = await startTestApp({ env });
    workerEnv = {
      ...env,
      NODE_ENV: 'test',
      DATABASE_URL: t.config.database.url,
      REDIS_URL: t.config.redis.url,
      REDIS_PREFIX: t.config.redis.prefix,
      JWT_ACCESS_SECRET: t.config.auth.accessSecret,
      LOG_LEVEL: 'warn',
      // Short timings: a killed worker's jobs are taken up again within seconds.
      WORKER_LOCK_DURATION_MS: '2000',
      WORKER_STALLED_INTERVAL_MS: '1000',
      QUEUE_COMMIT_GRACE_MS: '1000',
    };
    client = new Redis(t.config.redis.url, { maxRetriesPerRequest: null });
    queue = new Queue(QUEUE_NAME, { connection: client, prefix: `${t.config.redis.prefix}:bull` });

    competitionId = (await t.db.query(`SELECT id FROM competition WHERE kind = 'livelihood'`)).rows[0].id;
    await t.db.query(`UPDATE competition SET status = 'closed' WHERE id <> $1`, [competitionId]);
    await t.db.query(`UPDATE competition SET min_per_street = 0, submission_opens_at = '2026-11-01T00:00:00+08:00' WHERE id = $1`, [
      competitionId,
    ]);
    const admin = await t.login('admin');
    const row = (await t.db.query(`SELECT id, version FROM app_user WHERE username = 'longcheng'`)).rows[0];
    await t
      .http()
      .patch(`/api/users/${row.id}`)
      .set('authorization', admin)
      .send({ email: officer.email, phone: officer.phone, version: row.version })
      .expect(200);
    officer.id = row.id;
    officer.bearer = await t.login('longcheng');
    await t.http().post('/api/notification-settings/phone-verification').set('authorization', officer.bearer).expect(201);
    const code = sms.to(officer.phone)[0].params.code;
    await t.http().post('/api/notification-settings/phone-verification/confirm').set('authorization', officer.bearer).send({ code }).expect(200);
  }, 60_000);

  afterAll(async () => {
    for (const worker of workers) await worker.kill('SIGTERM');
    await queue?.close().catch(() => undefined);
    client?.disconnect();
    await t?.close();
    await Promise.all([smtp?.close(), sms?.close()]);
  });

  it('delivers the e-mail once when the worker dies after the SMTP server took it and before it was recorded', async () => {
    await closeWindowOn('2026-12-11');
    const first = await WorkerProcess.start(workerEnv);
    workers.push(first);
    let killed = false;
    smtp.beforeAccept = async (entry) => {
      if (killed || !/截止/.test(entry.mail.subject ?? '')) return;
      killed = true;
      await first.kill('SIGKILL'); // the message is in; the worker never hears the 250
    };
    await queue.add('notifications.remind', { date: '2026-12-10' });
    await waitFor('the worker to be killed mid-send', () => killed && first.child.exitCode === null && first.child.signalCode === 'SIGKILL', 30_000);
    smtp.beforeAccept = null;

    const second = await WorkerProcess.start(workerEnv);
    workers.push(second);
    await waitFor(
      'both deliveries settled by the new worker',
      async () => {
        const [email, text] = await Promise.all([deliveryOf('email', '2026-12-10'), deliveryOf('sms', '2026-12-10')]);
        return email && text && email.status !== 'sending' && text.status === 'sent';
      },
      30_000,
    );
    await queueSettled(queue, 30_000);
    expect(windowMails()).toHaveLength(1);
    expect(windowTexts()).toHaveLength(1);
    // The new worker cannot ask an SMTP server whether the message arrived: it does not send it
    // again, and shows the delivery to admins as unconfirmed (retry sends the same Message-ID).
    expect(await deliveryOf('email', '2026-12-10')).toMatchObject({ status: 'unconfirmed', reason: 'interrupted' });
  }, 90_000);

  it('delivers the SMS once when the worker dies after the provider took it and before it was recorded', async () => {
    // E-mail off for this reminder: this round is about the SMS alone.
    await t
      .http()
      .put('/api/notification-settings')
      .set('authorization', officer.bearer)
      .send({ topics: { 'competition.window_closing': { email: false, sms: true } } })
      .expect(200);
    await closeWindowOn('2026-12-18');
    const running = workers[workers.length - 1];
    let killed = false;
    sms.beforeRespond = async (record) => {
      if (killed || record.templateCode !== 'SMS_2001') return;
      killed = true;
      await running.kill('SIGKILL'); // accepted by the provider; the worker never hears the BizId
    };
    const queriesBefore = sms.queries;
    await queue.add('notifications.remind', { date: '2026-12-15' });
    await waitFor('the worker to be killed mid-send', () => killed && running.child.signalCode === 'SIGKILL', 30_000);
    sms.beforeRespond = null;

    const next = await WorkerProcess.start(workerEnv);
    workers.push(next);
    await waitFor('the SMS delivery recorded by the new worker', async () => (await deliveryOf('sms', '2026-12-15'))?.status === 'sent', 30_000);
    await queueSettled(queue, 30_000);
    expect(windowTexts()).toHaveLength(2); // one on the 10th, one on the 15th
    expect(windowMails()).toHaveLength(1);
    // Found at the provider by its OutId (QuerySendDetails) rather than sent again.
    expect(sms.queries).toBeGreaterThan(queriesBefore);
    const delivery = await deliveryOf('sms', '2026-12-15');
    expect(delivery).toMatchObject({ status: 'sent', provider_message_id: `outid:xs${delivery.id}` });
  }, 90_000);
});
