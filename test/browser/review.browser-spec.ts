import type { Page } from 'playwright-core';
import { createWorker, type RunningWorker } from '../../apps/api/src/queue/worker.factory.js';
import { eligibleApplications, reviewers } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { Browsers, SCREENSHOTS, TIMEOUT_MS, screenshot, signIn } from './browser-support.js';

/**
 * Issue 4's journey: a reviewer scores an application in the workspace (keyboard only), submits
 * the sheet, and the district's ranking shows the new score once the worker has recomputed it.
 * The panel and the assignment are arranged through the API; the ranking job runs in an
 * in-process worker. Build the web app first.
 */

const REVIEWER_PASSWORD = 'Reviewer2026pass';
/** 群众关注度 20, 受益面 20, 居民参与 20, 可行性 15, 预算合理性 15, 可持续性 10: no extremes. */
const SCORES = ['18', '17', '16.5', '13', '12', '8'];
const TOTAL = '84.50';

let app: TestApp;
let worker: RunningWorker;
const browsers = new Browsers();
let competitionId: number;
let applicationIds: number[];
let panel: Array<{ id: number; username: string; bearer: string }>;

/** Refreshes until the ranking cell of `applicationId` reads `expected` (the job is asynchronous). */
async function waitForScore(page: Page, applicationId: number, expected: string): Promise<void> {
  const cell = page.getByTestId(`score-${applicationId}`);
  const deadline = Date.now() + 30_000;
  for (;;) {
    // Each attempt waits on the condition itself; a miss means the job has not finished yet.
    const shown = await cell
      .filter({ hasText: new RegExp(`^\\s*${expected.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`) })
      .waitFor({ timeout: 1_500 })
      .then(() => true, () => false);
    if (shown) return;
    if (Date.now() > deadline) throw new Error(`ranking never showed ${expected} for ${applicationId}`);
    await page.getByRole('button', { name: '刷新' }).click();
  }
}

beforeAll(async () => {
  app = await startTestApp({ listen: true });
  worker = await createWorker(app.config, { schedule: false });
  await browsers.start();
  competitionId = (await app.db.query(`SELECT id FROM competition WHERE kind = 'livelihood'`)).rows[0].id;
  applicationIds = await eligibleApplications(app, {
    count: 2,
    street: 'longcheng',
    communityName: '龙街社区',
  });
  panel = await reviewers(app, ['scorer.a', 'scorer.b']);
  const admin = await app.login('admin');
  const setPanel = await app
    .http()
    .put(`/api/competitions/${competitionId}/panel`)
    .set('authorization', admin)
    .send({
      memberUserIds: panel.map((member) => member.id),
      chairUserId: panel[0].id,
      reviewersPerApplication: 2,
      maxLoad: 10,
      blind: false,
      aggregation: 'trimmed_mean',
      fundableThreshold: 60,
      disagreementSpread: 20,
      commentRequiredAtExtremes: true,
      rankByCategory: false,
    });
  expect(setPanel.status).toBe(200);
  const assigned = await app
    .http()
    .post(`/api/competitions/${competitionId}/assignments/auto`)
    .set('authorization', admin)
    .send({});
  expect(assigned.status).toBe(200);
  expect(assigned.body.pairs).toHaveLength(4);
}, TIMEOUT_MS);

afterAll(async () => {
  await browsers.close();
  await worker?.close();
  await app?.close();
}, TIMEOUT_MS);

describe('review workspace', () => {
  it(
    'lets a reviewer score an application from the keyboard, and the ranking updates',
    async () => {
      // The district's ranking before any sheet: both applications, no score yet.
      const admin = await browsers.page(1366);
      await signIn(admin, app.baseUrl, 'admin');
      await admin.goto(`${app.baseUrl}/review-admin?competition=${competitionId}&tab=ranking`);
      for (const id of applicationIds) await waitForScore(admin, id, '—');

      // ── the reviewer's workspace ─────────────────────────────────────────────────────────
      const reviewer = await browsers.page(1366);
      await signIn(reviewer, app.baseUrl, panel[0].username, REVIEWER_PASSWORD);
      // A reviewer's menu is the workspace alone.
      await reviewer.getByRole('menuitem', { name: '评审工作台' }).click();
      await expect(reviewer.getByRole('menuitem', { name: '项目申报' }).count()).resolves.toBe(0);
      await reviewer.getByText('已完成 0 / 2 份评分表').waitFor();
      await screenshot(reviewer, '20-review-queue');

      const task = reviewer.locator('[data-testid^="task-"]').first();
      const applicationId = Number((await task.getAttribute('data-testid'))!.replace('task-', ''));
      expect(applicationIds).toContain(applicationId);
      await task.click();
      await reviewer.waitForURL(/\/reviews\/\d+$/);
      await reviewer.getByTestId('score-sheet').waitFor();

      // Keyboard only: type a score, Enter to the next criterion; Ctrl+Enter saves the draft.
      await reviewer.locator('[data-criterion]').first().focus();
      for (const score of SCORES) {
        await reviewer.keyboard.type(score);
        await reviewer.keyboard.press('Enter');
      }
      await expect(reviewer.getByTestId('sheet-total').getAttribute('data-total')).resolves.toBe('84.5');
      await reviewer.keyboard.press('Control+Enter');
      await reviewer.getByText('草稿已保存').waitFor();
      await reviewer.locator('[data-sheet-status="draft"]').first().waitFor();
      await screenshot(reviewer, '21-score-sheet-draft');

      await reviewer.getByRole('button', { name: '提交评分' }).first().click();
      await reviewer.getByText('总分 84.5 分。提交后评分表将锁定，不能再修改。').waitFor();
      await reviewer.locator('#sheet-submit-confirm').click();
      await reviewer.getByText('评分表已提交').first().waitFor();
      await reviewer.locator('[data-sheet-status="submitted"]').first().waitFor();
      // Locked: the inputs no longer take a score.
      await expect(reviewer.locator('[data-criterion]').first().isDisabled()).resolves.toBe(true);

      // ── the ranking, recomputed by the worker ───────────────────────────────────────────
      await waitForScore(admin, applicationId, TOTAL);
      const other = applicationIds.find((id) => id !== applicationId)!;
      await waitForScore(admin, other, '—');
      const row = admin.getByRole('row').filter({ has: admin.getByTestId(`score-${applicationId}`) });
      await expect(row.textContent()).resolves.toContain('1/2');
      await admin.getByTestId('score-histogram').waitFor();
      await screenshot(admin, '22-ranking-updated');

      const ranking = await app.db.query(
        `SELECT score::float AS score, sheets_submitted FROM application_ranking WHERE application_id = $1`,
        [applicationId],
      );
      expect(ranking.rows).toEqual([{ score: 84.5, sheets_submitted: 1 }]);

      // The second reviewer's sheet on a tablet (820 px): material first, the buttons at hand.
      const tablet = await browsers.page(820);
      await signIn(tablet, app.baseUrl, panel[1].username, REVIEWER_PASSWORD);
      await tablet.goto(`${app.baseUrl}/reviews`);
      await tablet.locator('[data-testid^="task-"]').first().click();
      await tablet.getByTestId('score-sheet').waitFor();
      await tablet.locator('[data-criterion]').first().focus();
      await tablet.keyboard.type('20');
      await tablet.keyboard.press('Enter');
      // Full marks need a comment: said before the reviewer even tries to submit.
      await tablet.getByText('“群众关注度”给出满分时须填写评语').waitFor();
      // The viewport, not the full page: the bottom bar is fixed to the screen.
      await tablet.screenshot({ path: `${SCREENSHOTS}23-score-sheet-820.png` });
    },
    TIMEOUT_MS,
  );
});
