import type { Page } from 'playwright-core';
import { createSecondDistrict } from '../support/second-district.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { Browsers, TIMEOUT_MS, screenshot, signIn } from './browser-support.js';

/**
 * The city officer's roll-ups in a real browser (issue 13 §6): after sign-in the officer lands on
 * 各区汇总, one row per district below and the totals row, in Chinese and English, on a 375 px phone
 * without the page scrolling sideways. Build the web app first.
 */

const RAW_KEY = /(^|[\s(（:：])(nav|link|rollups)\.[a-zA-Z.]+/m;

let app: TestApp;
const browsers = new Browsers();

async function expectNoRawKeys(page: Page): Promise<void> {
  expect(await page.locator('body').innerText()).not.toMatch(RAW_KEY);
}

beforeAll(async () => {
  app = await startTestApp({ listen: true });
  await createSecondDistrict(app);
  await browsers.start();
}, TIMEOUT_MS);

afterAll(async () => {
  await browsers.close();
  await app?.close();
}, TIMEOUT_MS);

describe('roll-ups for the city officer', () => {
  it(
    'lands the officer on 各区汇总 with a row per district and the totals, also on a 375 px phone',
    async () => {
      const page = await browsers.page(375);
      await signIn(page, app.baseUrl, 'city');
      await page.waitForURL(/\/rollups$/);
      await page.getByRole('heading', { name: '各区汇总' }).waitFor();
      const table = page.locator('.ant-table');
      await table.getByText('呈贡区', { exact: true }).waitFor();
      await table.getByText('测试甲区', { exact: true }).waitFor();
      await table.getByText('合计', { exact: true }).waitFor();
      await page.getByText('昆明市（演示）下辖各区', { exact: false }).waitFor();
      await expectNoRawKeys(page);
      const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(page, 'rollups-01-city-375');

      const desktop = await browsers.page();
      await signIn(desktop, app.baseUrl, 'city');
      await desktop.waitForURL(/\/rollups$/);
      await desktop.locator('.ant-table').getByText('合计', { exact: true }).waitFor();
      await screenshot(desktop, 'rollups-02-city-zh');
      await desktop.getByText('English', { exact: true }).click();
      await desktop.getByRole('heading', { name: 'Roll-ups by district' }).waitFor();
      await desktop.locator('.ant-table').getByText('Total', { exact: true }).waitFor();
      await expectNoRawKeys(desktop);
      await screenshot(desktop, 'rollups-03-city-en');
    },
    TIMEOUT_MS,
  );
});
