import { CALENDAR_2026_CN, noticePeriod } from '@xiaoshi/domain';
import type { Page } from 'playwright-core';
import { createWorker, type RunningWorker } from '../../apps/api/src/queue/worker.factory.js';
import { eligibleApplications, projectsOpened, reviewers } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { Browsers, SCREENSHOTS, TIMEOUT_MS, screenshot, signIn } from './browser-support.js';

/**
 * Issue 5's journey: the district admin runs the selection in the workbench, proposes the
 * rank-order answer, publishes the 公示; a member of the public (no account, on a phone) files an
 * objection; the admin dismisses it; once the period is over the admin approves (立项) and the
 * amounts are committed on the budget line. Scores are arranged through the API; the ranking job
 * runs in an in-process worker. Build the web app first.
 */

const YUAN = 100;
const CONTACT = '区社会工作部 0871-00000000（演示）';

let app: TestApp;
let worker: RunningWorker;
const browsers = new Browsers();
let competitionId: number;
let lineId: number;
let apps: number[];

async function until<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await probe();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    value = await probe();
  }
  return value;
}

/** Clicks the primary button of the popconfirm that is open. */
async function confirm(page: Page): Promise<void> {
  await page.locator('.ant-popover:visible').getByRole('button', { name: '确定' }).click();
}

beforeAll(async () => {
  app = await startTestApp({ listen: true });
  worker = await createWorker(app.config, { schedule: false });
  await browsers.start();
  const competition = await app.db.query(
    `SELECT id, budget_line_id FROM competition WHERE kind = 'livelihood'`,
  );
  competitionId = competition.rows[0].id;
  lineId = competition.rows[0].budget_line_id;
  apps = [
    ...(await eligibleApplications(app, { count: 3, street: 'longcheng', communityName: '文华社区' })),
    ...(await eligibleApplications(app, { count: 2, street: 'dounan', communityName: '花园社区' })),
  ];
  const panel = await reviewers(app, ['aw.judge1', 'aw.judge2', 'aw.judge3', 'aw.judge4', 'aw.judge5']);
  const admin = await app.login('admin');
  const setPanel = await app
    .http()
    .put(`/api/competitions/${competitionId}/panel`)
    .set('authorization', admin)
    .send({
      memberUserIds: panel.map((member) => member.id),
      reviewersPerApplication: 5,
      maxLoad: 10,
      blind: false,
      aggregation: 'trimmed_mean',
      fundableThreshold: 60,
      disagreementSpread: 30,
      commentRequiredAtExtremes: false,
      rankByCategory: false,
    });
  expect(setPanel.status).toBe(200);
  const assigned = await app
    .http()
    .post(`/api/competitions/${competitionId}/assignments/auto`)
    .set('authorization', admin)
    .send({});
  expect(assigned.status).toBe(200);
  // Application i scores about 90 − 5i with every judge: a clear ranking 0 > 1 > 2 > 3 > 4.
  for (const [i, applicationId] of apps.entries()) {
    for (const [j, judge] of panel.entries()) {
      const assignment = (
        await app.db.query(
          `SELECT id FROM review_assignment WHERE application_id = $1 AND reviewer_user_id = $2`,
          [applicationId, judge.id],
        )
      ).rows[0].id;
      const base = 18 - i;
      const scores = {
        public_attention: base,
        benefit_breadth: base,
        resident_participation: base,
        feasibility: 12,
        budget_reasonableness: 12,
        sustainability: 6 + (j % 2),
      };
      const saved = await app
        .http()
        .put(`/api/reviews/assignments/${assignment}/sheet`)
        .set('authorization', judge.bearer)
        .send({ scores, comments: {} });
      const submitted = await app
        .http()
        .post(`/api/reviews/assignments/${assignment}/sheet/submit`)
        .set('authorization', judge.bearer)
        .send({ version: saved.body.sheet.version });
      expect(submitted.status).toBe(200);
    }
  }
  const ranked = await until(
    () => app.http().get(`/api/competitions/${competitionId}/ranking`).set('authorization', admin),
    (response) =>
      Array.isArray(response.body) &&
      response.body.length === 5 &&
      response.body.every((row: { sheetsSubmitted: number }) => row.sheetsSubmitted === 5),
  );
  expect(ranked.body).toHaveLength(5);
}, TIMEOUT_MS);

afterAll(async () => {
  await browsers.close();
  await worker?.close();
  await app?.close();
}, TIMEOUT_MS);

describe('awards: selection, 公示 with an objection, approval', () => {
  it(
    'runs from the workbench to the committed ledger, with the public side on a phone',
    async () => {
      const bearer = await app.login('admin');
      const before = (await app.http().get(`/api/budget-lines/${lineId}`).set('authorization', bearer)).body;

      // ── the selection workbench ────────────────────────────────────────────────────────
      const admin = await browsers.page(1366);
      await signIn(admin, app.baseUrl, 'admin');
      await admin.getByRole('menuitem', { name: '立项公示' }).click();
      await admin.waitForURL(/\/awards\?competition=\d+/);
      await admin.getByTestId('answer-rank_order').waitFor();
      // 126,300 元 holds three requests of 36,000 元: both answers take the top three.
      await expect(admin.getByTestId('budget-rank_order').getAttribute('data-total')).resolves.toBe(
        String(108_000 * YUAN),
      );
      await expect(admin.getByTestId('budget-optimal').getAttribute('data-total')).resolves.toBe(
        String(108_000 * YUAN),
      );
      await admin.getByText('两种方案入选项目相同').waitFor();
      await screenshot(admin, 'awards-01-workbench');

      // What if the envelope were 100,000 元: two fit, below the minimum count of three.
      const envelope = admin
        .getByLabel('资金盘子', { exact: true })
        .and(admin.locator('input.ant-input-number-input'));
      await envelope.fill('100000');
      await envelope.press('Enter');
      await until(
        () => admin.getByTestId('budget-rank_order').getAttribute('data-total'),
        (total) => total === String(72_000 * YUAN),
      );
      await admin.getByTestId('answer-rank_order').getByText('不可行').waitFor();
      await screenshot(admin, 'awards-02-what-if-envelope');
      await admin.getByRole('button', { name: '恢复默认' }).click();
      await until(
        () => admin.getByTestId('budget-rank_order').getAttribute('data-total'),
        (total) => total === String(108_000 * YUAN),
      );

      // A hand edit that skips the best entry: the server asks for a reason on both rows.
      await admin.getByTestId(`include-${apps[0]}`).click();
      await admin.getByTestId(`include-${apps[3]}`).click();
      await admin.getByTestId(`reason-${apps[0]}`).waitFor();
      await admin.getByText('方式：人工调整').waitFor();
      await admin.getByRole('button', { name: '提交拟立项决定' }).click();
      await confirm(admin);
      await admin.getByText('按排名应入选却未入选，请说明理由').waitFor();
      await admin.getByText('不在按排名顺序的方案中却入选，请说明理由').waitFor();
      await screenshot(admin, 'awards-03-deviation-reasons-required');

      // Back to the rank-order answer, and propose it.
      await admin.getByTestId('answer-rank_order').getByRole('button', { name: '采用此方案' }).click();
      await admin.getByText('方式：按排名顺序').waitFor();
      await expect(admin.getByTestId(`reason-${apps[0]}`).count()).resolves.toBe(0);
      const tablet = await browsers.page(820);
      await signIn(tablet, app.baseUrl, 'admin');
      await tablet.goto(`${app.baseUrl}/awards?competition=${competitionId}`);
      await tablet.getByTestId('answer-optimal').waitFor();
      await screenshot(tablet, 'awards-04-workbench-820');

      await admin.getByRole('button', { name: '提交拟立项决定' }).click();
      await confirm(admin);
      await admin.waitForURL(/\/decisions\/\d+$/);
      await admin.getByTestId('decision-status').getByText('拟立项').waitFor();
      await admin.getByRole('button', { name: '验证可复现' }).click();
      await admin.getByText('已复现：用保存的输入重新计算').waitFor();

      // ── 公示 ──────────────────────────────────────────────────────────────────────────
      // The form starts the notice today (Beijing) at the earliest, for at least the competition's
      // five working days, and says from the server's calendar when it would end.
      const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
      const yesterday = new Date(Date.now() - 86_400_000).toLocaleDateString('sv-SE', {
        timeZone: 'Asia/Shanghai',
      });
      const preview = admin.getByTestId('notice-preview');
      const lastDayShown = () => preview.getAttribute('data-last-day');
      await until(lastDayShown, (day) => day === noticePeriod(today, 5, CALENDAR_2026_CN).lastDay);
      await preview.getByText(/至 \d{4}-\d{2}-\d{2}，共 5 个工作日/).waitFor();
      const days = admin.getByLabel('公示期（工作日）');
      await days.fill('8');
      await until(lastDayShown, (day) => day === noticePeriod(today, 8, CALENDAR_2026_CN).lastDay);
      await screenshot(admin, 'awards-05a-publish-form-preview');
      await admin.getByText('English', { exact: true }).click();
      await preview.getByText(/, 8 working days$/).waitFor();
      await admin.setViewportSize({ width: 375, height: 812 });
      await screenshot(admin, 'awards-05b-publish-form-preview-en-375');
      await admin.setViewportSize({ width: 1366, height: 860 });
      await admin.getByText('中文', { exact: true }).click();
      await days.fill('5');
      await until(lastDayShown, (day) => day === noticePeriod(today, 5, CALENDAR_2026_CN).lastDay);
      // The date picker refuses past days.
      await admin.getByLabel('公示开始日期').click();
      const picker = admin.locator('.ant-picker-dropdown:visible');
      await picker.waitFor();
      if ((await picker.locator(`td[title="${yesterday}"]`).count()) === 0) {
        await picker.locator('.ant-picker-header-prev-btn').click();
      }
      await expect(picker.locator(`td[title="${yesterday}"]`).getAttribute('class')).resolves.toContain(
        'ant-picker-cell-disabled',
      );
      await admin.keyboard.press('Escape');

      await admin.getByLabel('异议受理联系方式').fill(CONTACT);
      await admin.getByRole('button', { name: '发布公示' }).click();
      await confirm(admin);
      const published = admin.getByTestId('publish-result');
      await published.waitFor();
      await expect(published.textContent()).resolves.toMatch(
        /公示已发布：\d{4}-\d{2}-\d{2} 至 \d{4}-\d{2}-\d{2}（5 个工作日）/,
      );
      await screenshot(admin, 'awards-05-decision-published');
      await published.getByRole('button', { name: '管理公示' }).click();
      await admin.waitForURL(/\/notices\/\d+$/);
      const noticeId = Number(/\/notices\/(\d+)$/.exec(admin.url())![1]);
      await admin.getByTestId('notice-status').getByText('公示中').waitFor();

      // A signed-in official reading the public page sends no token there.
      const authorised: string[] = [];
      admin.on('request', (request) => {
        if (request.url().includes('/api/public/') && request.headers().authorization)
          authorised.push(request.url());
      });
      await admin.goto(`${app.baseUrl}/public/notices/${noticeId}`);
      await admin.getByTestId('public-notice-title').waitFor();
      expect(authorised).toEqual([]);

      // ── the public, on a phone, without an account ────────────────────────────────────
      const phone = await browsers.page(375);
      await phone.setViewportSize({ width: 375, height: 812 });
      await phone.goto(`${app.baseUrl}/public`);
      await phone.getByTestId(`public-notice-${noticeId}`).waitFor();
      expect(new URL(phone.url()).pathname).toBe('/public');
      await screenshot(phone, 'awards-06-public-list-375');
      await phone.getByTestId(`public-notice-${noticeId}`).click();
      await phone.waitForURL(/\/public\/notices\/\d+$/);
      await phone.getByText('拟立项项目（3 个）').waitFor();
      await screenshot(phone, 'awards-07-public-notice-375');

      // The form says what is missing before anything is sent.
      await phone.getByRole('button', { name: '提交异议' }).click();
      await phone.getByText('请填写姓名').waitFor();
      await phone.getByText('请写明异议的事实和理由').waitFor();
      await phone.getByLabel('联系电话').fill('123');
      await phone.getByText('请填写 11 位手机号或带区号的固定电话').waitFor();
      await phone.getByLabel('异议项目').click();
      await phone
        .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '文华社区项目3' })
        .click();
      await phone.getByLabel('您的姓名').fill('王先生');
      await phone.getByLabel('联系电话').fill('13700001111');
      await phone.getByLabel('异议内容').fill('该项目场地已由开发商承诺改造，存在重复申报。');
      await phone.getByRole('button', { name: '提交异议' }).click();
      await phone.getByTestId('objection-done').getByText('异议已提交').waitFor();
      await screenshot(phone, 'awards-08-public-objection-filed-375');

      // Throttled (the API answers 429 with Retry-After): said kindly, with the time to wait.
      await phone.route('**/api/public/notices/*/objections', (route) =>
        route.fulfill({
          status: 429,
          headers: { 'content-type': 'application/json', 'retry-after': '1800' },
          body: JSON.stringify({ code: 'TOO_MANY_REQUESTS', message: '请求过于频繁', requestId: 'test' }),
        }),
      );
      await phone.getByRole('button', { name: '再提一条' }).click();
      await phone.getByLabel('您的姓名').fill('王先生');
      await phone.getByLabel('联系电话').fill('13700001111');
      await phone.getByLabel('异议内容').fill('补充材料。');
      await phone.getByRole('button', { name: '提交异议' }).click();
      await phone.getByText('提交太频繁了，请 30 分钟后再试').waitFor();
      await phone.screenshot({ path: `${SCREENSHOTS}awards-09-public-throttled-375.png` });
      await phone.unroute('**/api/public/notices/*/objections');

      // ── the objections inbox ─────────────────────────────────────────────────────────
      await admin.goto(`${app.baseUrl}/notices/${noticeId}`);
      const inbox = admin.getByTestId('objections-inbox');
      await inbox.getByText('针对：文华社区项目3').waitFor();
      await inbox.getByText('13700001111').waitFor(); // the district admin sees the number
      await inbox.getByRole('button', { name: '调查处理' }).click();
      const modal = admin.locator('.ant-modal:visible');
      await modal.getByLabel('异议不成立').check();
      await modal.getByLabel('调查情况').fill('经核实，改造承诺未落实，不存在重复申报。');
      await screenshot(admin, 'awards-10-decide-objection', { fullPage: false });
      await modal.getByRole('button', { name: '提交' }).click();
      await inbox.locator('[data-status="dismissed"]').waitFor();

      // Too early to approve: said plainly.
      await admin.getByRole('button', { name: '公示期满，立项' }).click();
      await confirm(admin);
      await admin
        .getByTestId('close-error')
        .getByText(/公示期尚未届满（至 \d{4}-\d{2}-\d{2}），期满后方可立项/)
        .waitFor();
      await screenshot(admin, 'awards-11-notice-not-ended');

      // The period ends (moved into the past); approval commits the awards.
      await app.db.query(
        `UPDATE public_notice SET first_day = current_date - 8, last_day = current_date - 2 WHERE id = $1`,
        [noticeId],
      );
      await admin.goto(`${app.baseUrl}/notices/${noticeId}`);
      await admin.getByTestId('notice-status').getByText('公示中').waitFor();
      await admin.getByRole('button', { name: '公示期满，立项' }).click();
      await confirm(admin);
      await admin.getByText('已立项，资金已记入预算线').waitFor();
      await admin.getByTestId('notice-status').getByText('已结束').waitFor();
      await screenshot(admin, 'awards-12-notice-approved');

      const after = (await app.http().get(`/api/budget-lines/${lineId}`).set('authorization', bearer)).body;
      expect(after.ledger.committedFen - before.ledger.committedFen).toBe(108_000 * YUAN);
      expect(after.ledger.committedBySource.award).toBe(108_000 * YUAN);
      // The approval opens the three projects (the worker's delivery.open-projects job), which
      // starts their delivery: approved (立项) applications go on to 'in_progress'.
      await projectsOpened(app, apps.slice(0, 3));
      const statuses = await app.db.query(
        `SELECT status FROM application WHERE id = ANY($1::int[]) ORDER BY id`,
        [apps],
      );
      expect(statuses.rows.map((row) => row.status)).toEqual([
        'in_progress',
        'in_progress',
        'in_progress',
        'not_funded',
        'not_funded',
      ]);
      const history = await app.db.query(
        `SELECT count(*)::int AS n FROM application_status_change WHERE application_id = ANY($1::int[]) AND to_status = 'approved'`,
        [apps.slice(0, 3)],
      );
      expect(history.rows[0].n).toBe(3);

      // Issue 10 §7: after approval the workbench shows what was committed, not a budget error.
      await admin.goto(`${app.baseUrl}/awards?competition=${competitionId}`);
      const committed = admin.getByTestId('committed-awards');
      await committed.waitFor();
      await expect(admin.getByTestId('committed-total').textContent()).resolves.toContain('108,000.00');
      await expect(admin.getByTestId('committed-remaining').textContent()).resolves.toContain('18,300.00');
      for (const n of [1, 2, 3]) await committed.getByRole('link', { name: `文华社区项目${n}` }).waitFor();
      await expect(admin.getByText('超出预算').count()).resolves.toBe(0);
      await screenshot(admin, 'awards-12a-workbench-approved');
      await admin.getByText('English', { exact: true }).click();
      await committed.getByText('Left in the envelope').waitFor();
      await screenshot(admin, 'awards-12b-workbench-approved-en');
      await admin.getByText('中文', { exact: true }).click();
      const narrow = await browsers.page(820);
      await narrow.setViewportSize({ width: 375, height: 812 });
      await signIn(narrow, app.baseUrl, 'admin');
      await narrow.goto(`${app.baseUrl}/awards?competition=${competitionId}`);
      await narrow.getByTestId('committed-awards').waitFor();
      await screenshot(narrow, 'awards-12c-workbench-approved-375');

      // The register of funded projects, on the phone.
      await phone.goto(`${app.baseUrl}/public/projects`);
      for (const id of apps.slice(0, 3)) await phone.getByTestId(`project-${id}`).waitFor();
      await screenshot(phone, 'awards-13-public-register-375');
    },
    TIMEOUT_MS,
  );
});
