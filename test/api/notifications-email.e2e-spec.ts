/**
 * E-mail over SMTP (issue 14 §1): a real SMTP server started here receives what the worker sends;
 * we assert what arrives — subject and text in the recipient's language, HTML, the stable
 * Message-ID, List-Unsubscribe — that the unsubscribe link works without login, and that failures
 * are retried or shown to admins with their reason.
 */
import { Queue } from 'bullmq';
import { ReminderRunner } from '../../apps/api/src/modules/notifications/reminder-runner.service.js';
import { QueueService } from '../../apps/api/src/queue/queue.service.js';
import { createWorker, type RunningWorker } from '../../apps/api/src/queue/worker.factory.js';
import { serviceApplication } from '../support/fixtures.js';
import { notificationEnv, queueSettled, startSmtpServer, waitFor, type TestSmtpServer } from '../support/notification-servers.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('e-mail notifications over SMTP', () => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  let worker: RunningWorker;
  let queue: Queue;
  let admin: string;
  const users: Record<string, { id: number; bearer: string; email: string }> = {};
  let competitionId: number;

  /** The window reminders that reached an address (other reminders of the day, e.g. stipends, aside). */
  const windowMails = (address: string) => smtp.to(address).filter((entry) => /截止|closes/.test(entry.mail.subject ?? ''));

  /** A published call whose window is open and whose last day is `lastDay` (17:00 Beijing time). */
  async function closeWindowOn(lastDay: string) {
    await t.db.query(
      `UPDATE competition SET submission_opens_at = '2026-11-01T00:00:00+08:00', submission_closes_at = $2::timestamptz WHERE id = $1`,
      [competitionId, `${lastDay}T17:00:00+08:00`],
    );
  }

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp({ env: notificationEnv(smtp, null, '') });
    worker = await createWorker(t.config, { schedule: false });
    queue = t.app.get(QueueService).queue;
    admin = await t.login('admin');
    for (const username of ['longcheng', 'dounan', 'community']) {
      const bearer = await t.login(username);
      const row = (await t.db.query(`SELECT id, version FROM app_user WHERE username = $1`, [username])).rows[0];
      const email = `${username}@street.example.test`;
      const patched = await t.http().patch(`/api/users/${row.id}`).set('authorization', admin).send({ email, version: row.version });
      expect(patched.status).toBe(200);
      users[username] = { id: row.id, bearer, email };
    }
    // Only the livelihood call stays open, without a street minimum: the window reminder alone.
    competitionId = (await t.db.query(`SELECT id FROM competition WHERE kind = 'livelihood'`)).rows[0].id;
    await t.db.query(`UPDATE competition SET status = 'closed' WHERE id <> $1`, [competitionId]);
    await t.db.query(`UPDATE competition SET min_per_street = 0 WHERE id = $1`, [competitionId]);
    // 斗南's officer reads English.
    const english = await t.http().put('/api/notification-settings').set('authorization', users.dounan.bearer).send({ language: 'en' });
    expect(english.status).toBe(200);
    expect(english.body.language).toBe('en');
  });

  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await smtp?.close();
  });

  it('sends "window closes on the next working day" once per recipient, in each one\'s language, with a working unsubscribe link', async () => {
    // Thursday 10 Dec 2026; the window's last day is Friday 11 Dec.
    await closeWindowOn('2026-12-11');
    const runner = t.app.get(ReminderRunner);
    const first = await runner.run('2026-12-10');
    expect(first).toMatchObject({ workingDay: true });
    expect(first.byKind['competition.window_closing']).toBeGreaterThanOrEqual(2);
    await waitFor('both officers\' e-mails', () => windowMails(users.longcheng.email).length === 1 && windowMails(users.dounan.email).length === 1);

    const zh = windowMails(users.longcheng.email)[0].mail;
    expect(zh.subject).toBe('「2026年度呈贡区民生小实事项目申报」申报下一个工作日截止');
    expect(zh.text).toContain('申报将于 2026-12-11 17:00 截止');
    expect(zh.text).toContain('在小实事中查看: https://xiaoshi.example.test/competitions/');
    expect(zh.html).toContain('<html lang="zh-CN">');
    expect(zh.html).toContain('申报将于 2026-12-11 17:00 截止');
    expect(zh.from?.text).toContain('noreply@xiaoshi.example.test');
    expect(zh.messageId).toMatch(/^<xiaoshi\.delivery\.\d+@xiaoshi\.example\.test>$/);
    expect(String(zh.headers.get('list-unsubscribe') ?? JSON.stringify(zh.headers.get('list')))).toContain(
      'https://xiaoshi.example.test/public/unsubscribe?token=',
    );

    const en = windowMails(users.dounan.email)[0].mail;
    expect(en.subject).toBe('"2026年度呈贡区民生小实事项目申报" closes on the next working day');
    expect(en.text).toContain('Submissions close at 2026-12-11 17:00 (Beijing time).');
    expect(en.text).toContain('Dear ');
    expect(en.html).toContain('<html lang="en">');

    // The same day again: nothing more is sent (one reminder per recipient per day).
    const again = await runner.run('2026-12-10');
    expect(again.reminded).toBe(0);
    await queueSettled(queue);
    expect(windowMails(users.longcheng.email)).toHaveLength(1);
    expect(windowMails(users.dounan.email)).toHaveLength(1);

    // The link in the text unsubscribes with one request and no login.
    const token = decodeURIComponent(/unsubscribe\?token=([^\s]+)/.exec(zh.text ?? '')![1]);
    const unsubscribed = await t.http().post('/api/public/notifications/unsubscribe').send({ token });
    expect(unsubscribed.status).toBe(200);
    expect(unsubscribed.body).toEqual({ topic: 'competition.window_closing', channel: 'email' });
    const settings = await t.http().get('/api/notification-settings').set('authorization', users.longcheng.bearer);
    expect(settings.body.topics.find((row: { topic: string }) => row.topic === 'competition.window_closing')).toMatchObject({
      email: false,
      source: 'user',
    });
    const forged = await t.http().post('/api/public/notifications/unsubscribe').send({ token: `${token.slice(0, -2)}xx` });
    expect(forged.status).toBe(400);
    expect(forged.body.code).toBe('UNSUBSCRIBE_LINK_INVALID');

    // Three working days before the next close: 龙城 no longer gets the e-mail, 斗南 still does,
    // and both still get the in-app notification.
    await closeWindowOn('2026-12-18');
    await runner.run('2026-12-15');
    await waitFor('斗南\'s second e-mail', () => windowMails(users.dounan.email).length === 2);
    await queueSettled(queue);
    expect(windowMails(users.longcheng.email)).toHaveLength(1);
    expect(windowMails(users.dounan.email)[1].mail.subject).toBe('"2026年度呈贡区民生小实事项目申报" closes in 3 working days');
    const inbox = await t.http().get('/api/notifications?topic=competition.window_closing').set('authorization', users.longcheng.bearer);
    expect(inbox.body.items.map((item: { title: string }) => item.title)).toEqual([
      '「2026年度呈贡区民生小实事项目申报」申报还剩 3 个工作日截止',
      '「2026年度呈贡区民生小实事项目申报」申报下一个工作日截止',
    ]);
    // Reminders follow the language the portal is used in.
    const inboxEn = await t
      .http()
      .get('/api/notifications?topic=competition.window_closing')
      .set('authorization', users.longcheng.bearer)
      .set('accept-language', 'en');
    expect(inboxEn.body.items[0].title).toBe('"2026年度呈贡区民生小实事项目申报" closes in 3 working days');
  });

  it('sends nothing on a non-working day', async () => {
    const before = smtp.received.length;
    await closeWindowOn('2026-12-14');
    const saturday = await t.app.get(ReminderRunner).run('2026-12-12');
    expect(saturday).toEqual({ date: '2026-12-12', workingDay: false, reminded: 0, byKind: {} });
    await queueSettled(queue);
    expect(smtp.received.length).toBe(before);
  });

  it('retries a temporary refusal with backoff, and shows a permanent one to admins with its reason', async () => {
    // The window reminder itself is refused once, not whichever mail of the day reaches 斗南 first.
    smtp.tempFail.set(users.dounan.email, 1);
    smtp.tempFailSubject = /截止|closes/;
    smtp.rejectRecipients.add(users.community.email);
    // The community officer drafts for this call, so the window reminder reaches them too.
    const category = await t.db.query(`SELECT id FROM competition_category WHERE competition_id = $1 AND key = 'service'`, [competitionId]);
    const community = await t.db.query(`SELECT id FROM org_unit WHERE name = '龙街社区'`);
    const draft = await t
      .http()
      .post('/api/applications')
      .set('authorization', users.community.bearer)
      .send(serviceApplication(competitionId, community.rows[0].id, category.rows[0].id));
    expect(draft.status).toBe(201);
    await closeWindowOn('2026-12-22');
    await t.app.get(ReminderRunner).run('2026-12-21');
    await waitFor('斗南\'s e-mail after one temporary refusal', () => windowMails(users.dounan.email).length === 3);
    await queueSettled(queue);

    const deliveries = await t.http().get('/api/notification-deliveries?channel=email').set('authorization', admin);
    expect(deliveries.status).toBe(200);
    const latest = (username: string) =>
      deliveries.body.items.find(
        (row: { recipient: { id: number }; kind: string }) => row.recipient.id === users[username].id && row.kind === 'competition.window_closing',
      );
    expect(latest('dounan')).toMatchObject({ status: 'sent', attempts: 2, reason: null });
    expect(latest('community')).toMatchObject({ status: 'failed', attempts: 1, reason: 'smtp_rejected', detail: 'smtp 550' });
    expect(latest('community').address).toBe('c********@street.example.test');
    expect(JSON.stringify(deliveries.body)).not.toContain('community@street.example.test');
    const summary = await t.http().get('/api/notification-deliveries/summary').set('authorization', admin);
    expect(summary.body.channels).toEqual({ email: true, sms: false });
    expect(summary.body.counts.failed).toBe(1);

    // Once the mailbox works again, the admin retries and it arrives (with the same Message-ID).
    smtp.rejectRecipients.delete(users.community.email);
    const failedId = latest('community').id as number;
    const retried = await t.http().post(`/api/notification-deliveries/${failedId}/retry`).set('authorization', admin);
    expect(retried.status).toBe(204);
    await waitFor('the retried e-mail', () => smtp.to(users.community.email).length === 1);
    expect(smtp.to(users.community.email)[0].mail.messageId).toBe(`<xiaoshi.delivery.${failedId}@xiaoshi.example.test>`);
    const again = await t.http().post(`/api/notification-deliveries/${failedId}/retry`).set('authorization', admin);
    expect(again.status).toBe(409);
    // Street officers may not see or retry deliveries.
    expect((await t.http().get('/api/notification-deliveries').set('authorization', users.dounan.bearer)).status).toBe(403);
  });
});
