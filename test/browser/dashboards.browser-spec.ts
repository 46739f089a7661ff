import type { Page } from 'playwright-core';
import { createWorker, type RunningWorker } from '../../apps/api/src/queue/worker.factory.js';
import { approvedProjects } from '../support/fixtures.js';
import {
  assignAcceptance,
  payTranche,
  projectOf,
  recordInspection,
  submittedApplication,
} from '../support/pipeline-steps.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { Browsers, TIMEOUT_MS, screenshot, signIn } from './browser-support.js';

/**
 * The 工作台 and the dashboards in a real browser: 待办 cards with counts that link to the filtered
 * page; the dashboards page draws its ECharts charts (a canvas each) with no raw dictionary key on
 * screen, in Chinese, in English and on a 375 px phone. A small pipeline is arranged through the
 * API first. Build the web app first.
 */

/** A dictionary key shown raw ('funnel.stage.paid', 'todos.title') instead of its text. */
const RAW_KEY =
  /(^|[\s(（:：])(kpi|byLine|byMonth|byStreet|funnel|passRate|stipends|indicators|todos|figures|series|links|street|nav|home)\.[a-zA-Z.]+/m;

const CHARTS = ['chart-lines', 'chart-months', 'chart-funnel', 'chart-pass-rate', 'chart-stipends'];

let app: TestApp;
let worker: RunningWorker;
const browsers = new Browsers();

async function expectNoRawKeys(page: Page): Promise<void> {
  const shown = await page.locator('body').innerText();
  expect(shown).not.toMatch(RAW_KEY);
}

/** Every chart has drawn a canvas of some size. */
async function expectCharts(page: Page, ids: readonly string[]): Promise<void> {
  for (const id of ids) {
    const canvas = page.getByTestId(id).locator('canvas').first();
    await canvas.waitFor();
    const box = await canvas.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(100);
    expect(box?.height ?? 0).toBeGreaterThan(100);
  }
}

async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(
    'document.documentElement.scrollWidth - document.documentElement.clientWidth',
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

beforeAll(async () => {
  app = await startTestApp({ listen: true });
  worker = await createWorker(app.config, { schedule: false });
  const approved = await approvedProjects(app, { count: 3 });
  const [first, second] = [await projectOf(app, approved[0]), await projectOf(app, approved[1])];
  await recordInspection(app, await assignAcceptance(app, first), 'passed');
  await recordInspection(app, await assignAcceptance(app, second), 'rectification');
  await payTranche(app, { projectId: first, amountFen: 10_800_00, voucherNo: 'BR-0001' });
  await payTranche(app, { projectId: second, amountFen: 10_800_00, voucherNo: 'BR-0002', approve: false });
  await submittedApplication(app, { street: 'dounan', communityName: '斗南社区' });
  await browsers.start();
}, TIMEOUT_MS);

afterAll(async () => {
  await browsers.close();
  await worker?.close();
  await app?.close();
}, TIMEOUT_MS);

describe('工作台 and dashboards', () => {
  it(
    'shows the admin 待办 with counts and links, and the dashboards drawn in Chinese and English',
    async () => {
      const page = await browsers.page();
      await signIn(page, app.baseUrl, 'admin');
      const todos = page.getByTestId('workbench-todos');
      const screen = todos.locator('[data-kind="applications.to_screen"]');
      await screen.waitFor();
      await expect(screen.getAttribute('data-count')).resolves.toBe('1');
      await todos.getByText('待形式审查的申报').waitFor();
      await page.getByTestId('figure-district.execution_rate').waitFor();
      // Queue and health figures are on the ops page now, not here.
      await expect(page.getByText('后台任务队列').count()).resolves.toBe(0);
      await expectNoRawKeys(page);
      await screenshot(page, 'dashboards-01-workbench-admin');

      await screen.click();
      await page.waitForURL(/\/applications\?status=submitted&competitionId=\d+$/);

      await page.getByRole('menuitem', { name: '数据看板' }).click();
      await page.waitForURL(/\/dashboards$/);
      await expectCharts(page, [...CHARTS, 'chart-streets']);
      await page.getByTestId('kpi-rate').waitFor();
      await expectNoRawKeys(page);
      await screenshot(page, 'dashboards-02-district-zh');

      await page.getByText('English', { exact: true }).click();
      await page.getByRole('heading', { name: 'Dashboards' }).waitFor();
      await page.getByText('Budget execution by line').waitFor();
      await expectCharts(page, CHARTS);
      await expectNoRawKeys(page);
      await screenshot(page, 'dashboards-03-district-en');

      await page.getByRole('menuitem', { name: 'System status' }).click();
      await page.getByText('Background job queue', { exact: true }).waitFor();
      await screenshot(page, 'dashboards-04-ops-en');
    },
    TIMEOUT_MS,
  );

  it(
    'fits a street officer’s phone (375 px): own street, charts resized, 待办 linking to their page',
    async () => {
      const page = await browsers.page(375);
      await signIn(page, app.baseUrl, 'longcheng');
      const todos = page.getByTestId('workbench-todos');
      await todos.locator('[data-kind="applications.below_minimum"]').first().waitFor();
      await todos.locator('[data-kind="stipends.report_to_file"]').first().waitFor();
      await expectNoRawKeys(page);
      await expectNoHorizontalScroll(page);
      await screenshot(page, 'dashboards-05-workbench-street-375');

      await page.goto(`${app.baseUrl}/dashboards`);
      await expectCharts(page, CHARTS);
      // A street sees its own street: no street picker, no chart of all streets.
      await expect(page.getByTestId('street-picker').count()).resolves.toBe(0);
      await expect(page.getByTestId('chart-streets').count()).resolves.toBe(0);
      const canvas = await page.getByTestId('chart-lines').locator('canvas').first().boundingBox();
      expect(canvas!.width).toBeLessThanOrEqual(375);
      await expectNoRawKeys(page);
      await expectNoHorizontalScroll(page);
      await screenshot(page, 'dashboards-06-street-375');
    },
    TIMEOUT_MS,
  );
});
