import type { Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { Browsers, TIMEOUT_MS, screenshot, settled, signIn } from './browser-support.js';

/**
 * Contracts drive the web forms (issue 12 §7): the application form checks its fields with the
 * same zod schema the API validates with (apps/web/src/lib/zod-form.ts), in the language shown,
 * before any request is sent. Required texts, the contracts' named 'phone' message (the shared
 * `fields` dictionary the API answers with) and an amount typed in 元 against a fen field.
 */

let app: TestApp;
const browsers = new Browsers();

beforeAll(async () => {
  app = await startTestApp({ listen: true });
  await browsers.start();
}, TIMEOUT_MS);

afterAll(async () => {
  await browsers.close();
  await app?.close();
}, TIMEOUT_MS);

/** Counts the writes the page sends to the applications API. */
function countWrites(page: Page): () => number {
  let writes = 0;
  page.on('request', (request) => {
    if (request.method() !== 'GET' && new URL(request.url()).pathname.startsWith('/api/applications'))
      writes += 1;
  });
  return () => writes;
}

/** A field's error message (not the same words elsewhere on the page). */
function fieldError(page: Page, text: string) {
  return page.locator('.ant-form-item-explain-error').getByText(text, { exact: true }).first();
}

async function fillInvalid(page: Page, labels: { phone: string; amount: string }): Promise<void> {
  await page.getByLabel(labels.phone, { exact: true }).fill('123');
  await page.getByLabel(labels.amount, { exact: true }).first().fill('12.345');
}

describe('form validation from the contracts', () => {
  it(
    'shows field messages in zh-CN and in English without sending the application',
    async () => {
      const page = await browsers.page(375);
      const writes = countWrites(page);
      await signIn(page, app.baseUrl, 'longcheng');
      await page.goto(`${app.baseUrl}/applications/new`);
      await page.getByTestId('application-form').waitFor();

      // ── zh-CN ──────────────────────────────────────────────────────────────────────────
      await fillInvalid(page, { phone: '联系电话', amount: '金额' });
      await page.getByRole('button', { name: '保存草稿' }).first().click();
      await fieldError(page, '请填写项目名称').waitFor();
      await fieldError(page, '请输入有效的手机号或固定电话').waitFor();
      await fieldError(page, '请输入金额（元），最多两位小数，如 12600 或 12,600.50').waitFor();
      await fieldError(page, '请填写支出项目').waitFor();

      // A valid value clears its message as it is typed.
      await page.getByLabel('联系电话', { exact: true }).fill('13912345678');
      await fieldError(page, '请输入有效的手机号或固定电话').waitFor({ state: 'hidden' });

      // ── English ────────────────────────────────────────────────────────────────────────
      await page.evaluate("window.localStorage.setItem('xiaoshi.lang', 'en')");
      await page.reload();
      await page.getByTestId('application-form').waitFor();
      await fillInvalid(page, { phone: 'Contact phone', amount: 'Amount' });
      await page.getByRole('button', { name: 'Save draft' }).first().click();
      await fieldError(page, 'Enter a title').waitFor();
      await fieldError(page, 'Enter a valid mobile or landline number').waitFor();
      await fieldError(
        page,
        'Enter an amount in yuan with at most two decimals, e.g. 12600 or 12,600.50',
      ).waitFor();
      await fieldError(page, 'Name the item').waitFor();
      expect(await page.getByText('请填写项目名称').count()).toBe(0);
      await settled(page);
      await screenshot(page, 'forms-validation-en-375');

      expect(writes()).toBe(0);
    },
    TIMEOUT_MS,
  );

  it(
    'lays out a split page (competition detail) at 375 px in English',
    async () => {
      const { rows } = await app.db.query(
        `SELECT id, title FROM competition WHERE kind = 'livelihood' LIMIT 1`,
      );
      const page = await browsers.page(375);
      await signIn(page, app.baseUrl, 'admin');
      await page.evaluate("window.localStorage.setItem('xiaoshi.lang', 'en')");
      await page.goto(`${app.baseUrl}/competitions/${rows[0].id as number}`);
      await page
        .getByText(rows[0].title as string)
        .first()
        .waitFor();
      await settled(page);
      await screenshot(page, 'competition-detail-en-375');
      // Nothing wider than the phone: no element reaches past the right edge.
      const outside = await page.evaluate(`[...document.querySelectorAll('body *')]
        .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 1)
        .filter((element) => element.getBoundingClientRect().width > 0)
        .map((element) => element.tagName.toLowerCase() + '.' + String(element.className).split(' ').join('.'))
        .slice(0, 8)`);
      expect(outside).toEqual([]);
    },
    TIMEOUT_MS,
  );
});
