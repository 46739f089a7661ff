/**
 * SMS through Alibaba Cloud's SMS API (issue 14 §2): a local HTTP server speaks SendSms and
 * QuerySendDetails and refuses any request whose signature it cannot recompute. Phone numbers are
 * verified by a code before any SMS goes to them; sending is rate-limited per phone; preferences
 * are respected.
 */
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { SmsRateLimiter } from '../../apps/api/src/modules/notifications/sms-rate-limiter.js';
import { AliyunSmsProvider } from '../../apps/api/src/modules/notifications/sms/aliyun-sms.provider.js';
import { SmsRejectedError } from '../../apps/api/src/modules/notifications/sms/sms-provider.js';
import { ReminderRunner } from '../../apps/api/src/modules/notifications/reminder-runner.service.js';
import { QueueService } from '../../apps/api/src/queue/queue.service.js';
import { createWorker, type RunningWorker } from '../../apps/api/src/queue/worker.factory.js';
import { notificationEnv, queueSettled, startSmsServer, waitFor, type TestSmsServer } from '../support/notification-servers.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const TEMPLATES = 'competition.window_closing=SMS_470001,phone.verification=SMS_470900';

describe('SMS notifications through the provider', () => {
  let sms: TestSmsServer;
  let t: TestApp;
  let worker: RunningWorker;
  let queue: Queue;
  let admin: string;
  let competitionId: number;
  const users: Record<string, { id: number; bearer: string; phone: string }> = {};

  async function closeWindowOn(lastDay: string) {
    await t.db.query(
      `UPDATE competition SET submission_opens_at = '2026-11-01T00:00:00+08:00', submission_closes_at = $2::timestamptz WHERE id = $1`,
      [competitionId, `${lastDay}T17:00:00+08:00`],
    );
  }

  const windowSms = (phone: string) => sms.to(phone).filter((record) => record.templateCode === 'SMS_470001');
  const codes = (phone: string) => sms.to(phone).filter((record) => record.templateCode === 'SMS_470900');

  beforeAll(async () => {
    sms = await startSmsServer();
    t = await startTestApp({ env: { ...notificationEnv(null, sms, TEMPLATES), SMS_RATE_PER_MINUTE: '10', SMS_RATE_PER_DAY: '3' } });
    worker = await createWorker(t.config, { schedule: false });
    queue = t.app.get(QueueService).queue;
    admin = await t.login('admin');
    let phone = 13800138001;
    for (const username of ['longcheng', 'dounan']) {
      const row = (await t.db.query(`SELECT id, version FROM app_user WHERE username = $1`, [username])).rows[0];
      const number = String(phone++);
      const patched = await t.http().patch(`/api/users/${row.id}`).set('authorization', admin).send({ phone: number, version: row.version });
      expect(patched.status).toBe(200);
      users[username] = { id: row.id, bearer: await t.login(username), phone: number };
    }
    competitionId = (await t.db.query(`SELECT id FROM competition WHERE kind = 'livelihood'`)).rows[0].id;
    await t.db.query(`UPDATE competition SET status = 'closed' WHERE id <> $1`, [competitionId]);
    await t.db.query(`UPDATE competition SET min_per_street = 0 WHERE id = $1`, [competitionId]);
  });

  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await sms?.close();
  });

  it('verifies a phone number with a code sent by SMS (hashed, a wrong code counts)', async () => {
    const before = await t.http().get('/api/notification-settings').set('authorization', users.longcheng.bearer);
    expect(before.body).toMatchObject({ phone: '138****8001', phoneVerified: false, channels: { email: false, sms: true } });

    const started = await t.http().post('/api/notification-settings/phone-verification').set('authorization', users.longcheng.bearer);
    expect(started.status).toBe(201);
    expect(started.body.phone).toBe('138****8001');
    expect(codes(users.longcheng.phone)).toHaveLength(1);
    const sent = codes(users.longcheng.phone)[0];
    expect(sent).toMatchObject({ signName: '小实事', templateCode: 'SMS_470900' });
    expect(sent.params.code).toMatch(/^\d{6}$/);
    const stored = await t.db.query(`SELECT code_hash FROM phone_verification WHERE user_id = $1`, [users.longcheng.id]);
    expect(stored.rows[0].code_hash).not.toContain(sent.params.code);

    const wrongCode = sent.params.code === '000000' ? '111111' : '000000';
    const wrong = await t
      .http()
      .post('/api/notification-settings/phone-verification/confirm')
      .set('authorization', users.longcheng.bearer)
      .send({ code: wrongCode });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('VERIFICATION_CODE_INVALID');
    expect((await t.db.query(`SELECT attempts FROM phone_verification WHERE user_id = $1`, [users.longcheng.id])).rows[0].attempts).toBe(1);

    const right = await t
      .http()
      .post('/api/notification-settings/phone-verification/confirm')
      .set('authorization', users.longcheng.bearer)
      .send({ code: sent.params.code });
    expect(right.status).toBe(200);
    const after = await t.http().get('/api/notification-settings').set('authorization', users.longcheng.bearer);
    expect(after.body.phoneVerified).toBe(true);
    // A code works once.
    const reused = await t
      .http()
      .post('/api/notification-settings/phone-verification/confirm')
      .set('authorization', users.longcheng.bearer)
      .send({ code: sent.params.code });
    expect(reused.status).toBe(400);
  });

  it('texts the verified number only; an unverified number gets no SMS, and the admin sees why', async () => {
    await closeWindowOn('2026-12-11');
    await t.app.get(ReminderRunner).run('2026-12-10');
    await waitFor('the window SMS', () => windowSms(users.longcheng.phone).length === 1);
    await queueSettled(queue);
    const text = windowSms(users.longcheng.phone)[0];
    expect(text).toMatchObject({ signName: '小实事', templateCode: 'SMS_470001' });
    expect(text.params).toEqual({ competition: '2026年度呈贡区民生小实事项目申报', closesAt: '2026-12-11 17:00', days: '1' });
    expect(text.outId).toMatch(/^xs\d+$/);
    expect(sms.to(users.dounan.phone)).toHaveLength(0);

    const deliveries = await t.http().get('/api/notification-deliveries?channel=sms').set('authorization', admin);
    const of = (userId: number) => deliveries.body.items.find((row: { recipient: { id: number } }) => row.recipient.id === userId);
    expect(of(users.longcheng.id)).toMatchObject({ status: 'sent', providerMessageId: text.bizId, address: '138****8001' });
    expect(of(users.dounan.id)).toMatchObject({ status: 'skipped', reason: 'phone_unverified' });

    // Running the job again the same day texts nobody again.
    expect((await t.app.get(ReminderRunner).run('2026-12-10')).reminded).toBe(0);
    await queueSettled(queue);
    expect(windowSms(users.longcheng.phone)).toHaveLength(1);
  });

  it('respects the user\'s channel choice', async () => {
    const off = await t
      .http()
      .put('/api/notification-settings')
      .set('authorization', users.longcheng.bearer)
      .send({ topics: { 'competition.window_closing': { email: true, sms: false } } });
    expect(off.status).toBe(200);
    await closeWindowOn('2026-12-18');
    const run = await t.app.get(ReminderRunner).run('2026-12-15');
    expect(run.byKind['competition.window_closing']).toBeGreaterThan(0);
    await queueSettled(queue);
    expect(windowSms(users.longcheng.phone)).toHaveLength(1);
    // Back to the defaults (SMS on for this reminder).
    await t.http().put('/api/notification-settings').set('authorization', users.longcheng.bearer).send({ topics: { 'competition.window_closing': null } });
  });

  it('limits texts per phone and day: over the limit, codes are refused and deliveries skipped with the reason', async () => {
    // Two texts so far today to this number (the code and one reminder); the day's limit is 3.
    const third = await t.http().post('/api/notification-settings/phone-verification').set('authorization', users.longcheng.bearer);
    expect(third.status).toBe(201);
    const fourth = await t.http().post('/api/notification-settings/phone-verification').set('authorization', users.longcheng.bearer);
    expect(fourth.status).toBe(429);
    expect(codes(users.longcheng.phone)).toHaveLength(2);

    await closeWindowOn('2026-12-22');
    await t.app.get(ReminderRunner).run('2026-12-21');
    await queueSettled(queue);
    expect(windowSms(users.longcheng.phone)).toHaveLength(1);
    const skipped = await t.http().get('/api/notification-deliveries?channel=sms&status=skipped').set('authorization', admin);
    expect(
      skipped.body.items.some(
        (row: { recipient: { id: number }; reason: string }) => row.recipient.id === users.longcheng.id && row.reason === 'rate_limited_day',
      ),
    ).toBe(true);
  });

  it('counts per minute as well, in Redis shared by every process', async () => {
    const redis = new Redis(t.config.redis.url);
    try {
      const limiter = new SmsRateLimiter(redis, {
        ...t.config,
        notifications: { ...t.config.notifications, smsRate: { perMinute: 1, perDay: 5 } },
      });
      const phone = '13900000009';
      expect(await limiter.take(phone)).toEqual({ allowed: 'ok', retryAfterMs: 0 });
      const second = await limiter.take(phone);
      expect(second.allowed).toBe('minute');
      expect(second.retryAfterMs).toBeGreaterThan(0);
      expect(second.retryAfterMs).toBeLessThanOrEqual(60_000);
    } finally {
      redis.disconnect();
    }
  });

  it('is refused by the provider when the signature is wrong (the server recomputes it)', async () => {
    const config = t.config.notifications.sms!;
    const forged = new AliyunSmsProvider({ ...config, accessKeySecret: 'not-the-secret' });
    await expect(
      forged.send({ phone: users.dounan.phone, templateCode: 'SMS_470001', params: {}, outId: 'xs-forged' }),
    ).rejects.toEqual(new SmsRejectedError('SignatureDoesNotMatch'));
    expect(sms.refused).toContain('SignatureDoesNotMatch');
    expect(sms.to(users.dounan.phone)).toHaveLength(0);
  });
});
