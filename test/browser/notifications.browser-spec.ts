import type { Page } from 'playwright-core';
import { ReminderRunner } from '../../apps/api/src/modules/notifications/reminder-runner.service.js';
import { createWorker, type RunningWorker } from '../../apps/api/src/queue/worker.factory.js';
import {
  notificationEnv,
  startSmsServer,
  startSmtpServer,
  waitFor,
  type TestSmsServer,
  type TestSmtpServer,
} from '../support/notification-servers.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { Browsers, TIMEOUT_MS, screenshot, settled, signIn } from './browser-support.js';

/**
 * Issue 14's screens: a street officer verifies their phone with the code the (local) SMS
 * endpoint received, chooses channels, reads the reminders in the notification centre (filtered
 * by type, all marked read); the admin sees the delivery status; the e-mail's unsubscribe link
 * works without signing in. In zh-CN, English and at 375 px. Build the web app first.
 */

let app: TestApp;
let worker: RunningWorker;
let smtp: TestSmtpServer;
let sms: TestSmsServer;
const browsers = new Browsers();
const EMAIL = 'longcheng@street.example.test';
const PHONE = '13800138051';

/** The portal in English from the next page load on (the header's language switch stores the same key). */
async function english(page: Page) {
  await page.addInitScript({ content: "window.localStorage.setItem('xiaoshi.lang', 'en')" });
}

beforeAll(async () => {
  [smtp, sms] = await Promise.all([startSmtpServer(), startSmsServer()]);
  app = await startTestApp({
    listen: true,
    env: { ...notificationEnv(smtp, sms, 'competition.window_closing=SMS_3001,phone.verification=SMS_3009'), SMS_RATE_PER_MINUTE: '10' },
  });
  worker = await createWorker(app.config, { schedule: false });
  const admin = await app.login('admin');
  const row = (await app.db.query(`SELECT id, version FROM app_user WHERE username = 'longcheng'`)).rows[0];
  const patched = await app.http().patch(`/api/users/${row.id}`).set('authorization', admin).send({ email: EMAIL, phone: PHONE, version: row.version });
  expect(patched.status).toBe(200);
  const competitionId = (await app.db.query(`SELECT id FROM competition WHERE kind = 'livelihood'`)).rows[0].id;
  await app.db.query(
    `UPDATE competition SET submission_opens_at = '2026-11-01T00:00:00+08:00', submission_closes_at = '2026-12-11T17:00:00+08:00' WHERE id = $1`,
    [competitionId],
  );
  await browsers.start();
}, TIMEOUT_MS);

afterAll(async () => {
  await browsers.close();
  await worker?.close();
  await app?.close();
  await Promise.all([smtp?.close(), sms?.close()]);
});

test(
  'an officer verifies the phone, reads reminders by type and marks them read; the admin sees deliveries',
  async () => {
    const page = await browsers.page();
    await signIn(page, app.baseUrl, 'longcheng');
    await page.goto(`${app.baseUrl}/notifications/preferences`);
    await page.getByText('未验证，验证后才会收到短信').waitFor();
    await page.getByTestId('send-code').click();
    await waitFor('the code at the SMS endpoint', () => sms.to(PHONE).length === 1);
    await page.getByLabel('6 位验证码').fill(sms.to(PHONE)[0].params.code);
    await page.getByRole('button', { name: /^验\s*证$/ }).click();
    await page.getByText('已验证', { exact: true }).waitFor();
    await settled(page);
    await screenshot(page, 'notifications-preferences-zh');

    // The reminders of Thursday 10 Dec: the window closes tomorrow (and streets are short).
    await app.app.get(ReminderRunner).run('2026-12-10');
    await waitFor('the e-mail and the SMS', () => smtp.to(EMAIL).length >= 1 && sms.to(PHONE).length === 2);

    await page.goto(`${app.baseUrl}/notifications`);
    await page.getByText('「2026年度呈贡区民生小实事项目申报」申报下一个工作日截止').waitFor();
    await page.getByLabel('消息类型').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '申报截止提醒' }).click();
    await page.getByText('申报数量未达要求').first().waitFor({ state: 'hidden' });
    await settled(page);
    await screenshot(page, 'notifications-centre-zh');
    await page.getByRole('button', { name: '全部标为已读' }).click();
    await page.getByText('消息已全部读完').waitFor();

    const phone = await browsers.page(375);
    await signIn(phone, app.baseUrl, 'longcheng');
    await english(phone);
    await phone.goto(`${app.baseUrl}/notifications`);
    await phone.getByText('All caught up').waitFor();
    await settled(phone);
    await screenshot(phone, 'notifications-centre-en-375');
    await phone.goto(`${app.baseUrl}/notifications/preferences`);
    await phone.getByText('Notification settings').first().waitFor();
    await settled(phone);
    await screenshot(phone, 'notifications-preferences-en-375');

    const admin = await browsers.page();
    await signIn(admin, app.baseUrl, 'admin');
    await admin.goto(`${app.baseUrl}/notification-deliveries`);
    await admin.getByTestId('delivery-table').getByText('已发送').first().waitFor();
    await admin.getByText('手机号未验证').or(admin.getByText('未登记邮箱')).first().waitFor();
    await settled(admin);
    await screenshot(admin, 'notifications-deliveries-zh');
    const adminEn = await browsers.page(375);
    await signIn(adminEn, app.baseUrl, 'admin');
    await english(adminEn);
    await adminEn.goto(`${app.baseUrl}/notification-deliveries`);
    await adminEn.getByTestId('delivery-table').getByText('Sent').first().waitFor();
    await settled(adminEn);
    await screenshot(adminEn, 'notifications-deliveries-en-375');

    // The e-mail's unsubscribe link, opened by someone who is not signed in.
    const mail = smtp.to(EMAIL).find((entry) => /截止/.test(entry.mail.subject ?? ''))!;
    const link = /(https:\/\/xiaoshi\.example\.test\/public\/unsubscribe\?token=\S+)/.exec(mail.mail.text ?? '')![1];
    const visitor = await browsers.page(375);
    await visitor.goto(link.replace('https://xiaoshi.example.test', app.baseUrl));
    await visitor.getByText('已退订「申报截止提醒」的邮件。').waitFor();
    await settled(visitor);
    await screenshot(visitor, 'notifications-unsubscribe-zh-375');
  },
  TIMEOUT_MS,
);
