/**
 * Reminders on the working-day calendar (issue 14 §4): the daily job asks every module what is
 * due; a window closing tomorrow reaches the local SMTP server and the local SMS endpoint once,
 * however often the job runs that day; nothing goes out on a non-working day.
 */
import { Queue } from 'bullmq';
import { addWorkingDays, isWorkingDay, CALENDAR_2026_CN } from '@xiaoshi/domain';
import { StreetReminderHandler } from '../../apps/api/src/modules/competitions/street-reminder.handler.js';
import { ReminderRunner } from '../../apps/api/src/modules/notifications/reminder-runner.service.js';
import { QueueService } from '../../apps/api/src/queue/queue.service.js';
import { createWorker, type RunningWorker } from '../../apps/api/src/queue/worker.factory.js';
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

describe('reminders on the working-day calendar, by e-mail and SMS', () => {
  let smtp: TestSmtpServer;
  let sms: TestSmsServer;
  let t: TestApp;
  let worker: RunningWorker;
  let queue: Queue;
  let competitionId: number;
  const officer = { id: 0, bearer: '', email: 'longcheng@street.example.test', phone: '13800138021' };

  beforeAll(async () => {
    [smtp, sms] = await Promise.all([startSmtpServer(), startSmsServer()]);
    t = await startTestApp({
      env: { ...notificationEnv(smtp, sms, 'competition.window_closing=SMS_1001,phone.verification=SMS_1009'), SMS_RATE_PER_MINUTE: '10' },
    });
    worker = await createWorker(t.config, { schedule: false });
    queue = t.app.get(QueueService).queue;
    competitionId = (await t.db.query(`SELECT id FROM competition WHERE kind = 'livelihood'`)).rows[0].id;
    const admin = await t.login('admin');
    const row = (await t.db.query(`SELECT id, version FROM app_user WHERE username = 'longcheng'`)).rows[0];
    const patched = await t
      .http()
      .patch(`/api/users/${row.id}`)
      .set('authorization', admin)
      .send({ email: officer.email, phone: officer.phone, version: row.version });
    expect(patched.status).toBe(200);
    officer.id = row.id;
    officer.bearer = await t.login('longcheng');
    // The officer proves the number (the code arrives at the local SMS endpoint).
    await t.http().post('/api/notification-settings/phone-verification').set('authorization', officer.bearer).expect(201);
    const code = sms.to(officer.phone)[0].params.code;
    await t.http().post('/api/notification-settings/phone-verification/confirm').set('authorization', officer.bearer).send({ code }).expect(200);
  });

  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await Promise.all([smtp?.close(), sms?.close()]);
  });

  const windowMails = () => smtp.to(officer.email).filter((entry) => /截止/.test(entry.mail.subject ?? ''));
  const windowTexts = () => sms.to(officer.phone).filter((record) => record.templateCode === 'SMS_1001');

  it('reminds streets short of their minimum once per day, however often the job runs', async () => {
    // Moved here from applications.e2e-spec.ts when the reminder joined the working-day calendar:
    // three days before the seeded window closes, or the working day before that when it is not one.
    const closes = await t.db.query(
      `SELECT ((submission_closes_at AT TIME ZONE 'Asia/Shanghai')::date - 3)::text AS day FROM competition WHERE id = $1`,
      [competitionId],
    );
    let day = closes.rows[0].day as string;
    if (!isWorkingDay(day, CALENDAR_2026_CN)) day = addWorkingDays(day, -1, CALENDAR_2026_CN);
    const handler = t.app.get(StreetReminderHandler);
    const first = await handler.handle({ date: day });
    const second = await handler.handle({ date: day });
    // Demo officers exist for two streets, each short in both calls with minimums (5 and 2).
    expect(first.reminded).toBe(4);
    expect(second.reminded).toBe(0);
    const dounan = await t.http().get('/api/notifications').set('authorization', await t.login('dounan'));
    expect(dounan.body.items.some((n: { kind: string }) => n.kind === 'competition.street_short')).toBe(true);
    await queueSettled(queue);
  });

  it('sends "window closes tomorrow" as one e-mail and one SMS, still one after a second run, none on a non-working day', async () => {
    await t.db.query(`UPDATE competition SET status = 'closed' WHERE id <> $1`, [competitionId]);
    await t.db.query(
      `UPDATE competition SET min_per_street = 0, submission_opens_at = '2026-11-01T00:00:00+08:00',
         submission_closes_at = '2026-12-11T17:00:00+08:00' WHERE id = $1`,
      [competitionId],
    );
    const runner = t.app.get(ReminderRunner);
    // Saturday 5 Dec is no working day: nothing, although the window closes within the week.
    expect(await runner.run('2026-12-05')).toMatchObject({ workingDay: false, reminded: 0 });
    // Friday 4 Dec is 5 working days before: nothing due yet.
    expect((await runner.run('2026-12-04')).byKind['competition.window_closing']).toBeUndefined();
    // Thursday 10 Dec: the window closes tomorrow.
    const first = await runner.run('2026-12-10');
    expect(first.byKind['competition.window_closing']).toBeGreaterThanOrEqual(1);
    await waitFor('the e-mail and the SMS', () => windowMails().length === 1 && windowTexts().length === 1);
    expect(windowMails()[0].mail.subject).toBe('「2026年度呈贡区民生小实事项目申报」申报下一个工作日截止');
    expect(windowTexts()[0].params).toMatchObject({ closesAt: '2026-12-11 17:00', days: '1' });

    const second = await runner.run('2026-12-10');
    expect(second.reminded).toBe(0);
    await queueSettled(queue);
    expect(windowMails()).toHaveLength(1);
    expect(windowTexts()).toHaveLength(1);
    const delivered = await t.db.query(
      `SELECT d.channel, d.status FROM notification_delivery d JOIN notification n ON n.id = d.notification_id
       WHERE d.user_id = $1 AND n.kind = 'competition.window_closing' ORDER BY d.channel`,
      [officer.id],
    );
    expect(delivered.rows).toEqual([
      { channel: 'email', status: 'sent' },
      { channel: 'sms', status: 'sent' },
    ]);
  });

  it('reminds each street of its quarterly roster report once per quarter', async () => {
    const runner = t.app.get(ReminderRunner);
    const first = await runner.run('2026-12-22');
    expect(first.byKind['stipend_report.due']).toBe(4);
    const next = await runner.run('2026-12-23');
    expect(next.byKind['stipend_report.due'] ?? 0).toBe(0);
    const inbox = await t.http().get('/api/notifications?topic=stipend_report.due').set('authorization', officer.bearer);
    expect(inbox.body.items.map((n: { title: string }) => n.title).sort()).toEqual([
      '请报送2026年第4季度楼栋长季度工作经费（演示）名册',
      '请报送2026年第4季度正常离任社区干部生活补贴名册',
    ]);
    await queueSettled(queue);
  });
});
