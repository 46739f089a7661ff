import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { pdfBytes, pngBytes } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { Browsers, TIMEOUT_MS, choose, screenshot, signIn } from './browser-support.js';

/**
 * Issue 3's journey in a real browser against the real API: a street officer fills in an
 * application (with live funding feedback and uploads) and submits it; the district returns it
 * with a reason; the officer sees the reason and submits again. Build the web app first.
 */

let app: TestApp;
const browsers = new Browsers();
let uploads: string;

const TITLE = '龙街社区老旧楼道照明改造';
const REASON = '预算表缺少灯具单价，请补充后重新送审。';

/** YYYY-MM-DD `days` after `date` (UTC arithmetic on a calendar date). */
function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

async function statusOf(page: Page): Promise<string | null> {
  return page.locator('[data-status]').first().getAttribute('data-status');
}

beforeAll(async () => {
  app = await startTestApp({ listen: true });
  await browsers.start();
  uploads = mkdtempSync(path.join(tmpdir(), 'xs-uploads-'));
  writeFileSync(path.join(uploads, '居民议事会决议.pdf'), pdfBytes('council resolution'));
  writeFileSync(path.join(uploads, '项目预算表.pdf'), pdfBytes('budget sheet'));
  writeFileSync(path.join(uploads, '现场照片.png'), pngBytes());
}, TIMEOUT_MS);

afterAll(async () => {
  await browsers.close();
  await app?.close();
  if (uploads) rmSync(uploads, { recursive: true, force: true });
}, TIMEOUT_MS);

describe('application pipeline', () => {
  it(
    'lets a street officer submit, the district return with a reason, and the officer resubmit',
    async () => {
      const { rows } = await app.db.query(
        `SELECT implementation_deadline::text AS deadline FROM competition WHERE kind = 'livelihood'`,
      );
      const deadline: string = rows[0].deadline;
      const today = new Date().toISOString().slice(0, 10);
      const start = addDays(today, 14);
      const end = addDays(deadline, -30) > start ? addDays(deadline, -30) : deadline;

      // ── the street officer fills the form ───────────────────────────────────────────────
      const officer = await browsers.page(1366);
      await signIn(officer, app.baseUrl, 'longcheng');
      await officer.getByRole('menuitem', { name: '项目申报' }).click();
      // Street officers get the 待送审 / 已送审 tabs.
      await officer.getByRole('tab', { name: /待送审/ }).waitFor();
      await officer.getByRole('button', { name: '新建申报' }).click();
      await officer.waitForURL(/\/applications\/new/);

      await choose(officer, '比选活动', '民生小实事');
      await choose(officer, '项目类别', '服务类');
      await choose(officer, '申报社区', '龙街社区');
      await officer.getByLabel('项目名称').fill(TITLE);
      await officer.getByLabel('实施地点').fill('龙街社区 3 号小区');
      await officer.getByLabel('实施时间').click();
      await officer.getByPlaceholder('开始日期').fill(start);
      await officer.getByPlaceholder('结束日期').fill(end);
      await officer.getByPlaceholder('结束日期').press('Enter');
      await officer.getByLabel('项目概要').fill('为小区 12 个单元楼道更换感应灯，居民凑钱、出力安装。');
      await officer
        .getByLabel('实施方案')
        .fill('第一阶段入户征求意见；第二阶段采购；第三阶段居民志愿者协助安装。');
      await officer.getByLabel('受益人数').fill('420');
      await officer.getByLabel('受益群体').fill('小区全体居民，其中老年人 130 人');
      await officer.getByLabel('联系人').fill('李梅');
      await officer.getByLabel('联系电话').fill('13912345678');

      const items = officer.getByTestId('cost-items');
      await items.getByRole('textbox', { name: '支出项目' }).first().fill('感应灯具');
      await items.getByRole('textbox', { name: '金额' }).first().fill('30,000');
      await officer.getByRole('button', { name: '添加支出' }).click();
      await items.getByRole('textbox', { name: '支出项目' }).nth(1).fill('线路与安装辅材');
      await items.getByRole('textbox', { name: '金额' }).nth(1).fill('18000.00');
      await officer.getByTestId('cost-total').getByText('48,000.00 元').waitFor();

      // Live rule feedback before saving: a subsidy over the 50,000 cap, and no resident money.
      await officer.getByRole('textbox', { name: '申请补助' }).fill('60000');
      const feedback = officer.getByTestId('funding-feedback');
      await feedback.getByText('申请补助不得超过类别上限 50,000.00 元').waitFor();
      await feedback.getByText('本次比选要求填写居民凑钱（须大于零）').waitFor();
      await feedback.getByText('资金来源超出总投入 12,000.00 元').waitFor();
      await screenshot(officer, '10-application-form-live-feedback');

      // Fixed: the sources now balance, with residents' money and labour.
      await officer.getByRole('textbox', { name: '居民凑钱' }).fill('6000');
      await officer.getByRole('textbox', { name: '居民出力（折价）' }).fill('2000');
      await officer.getByRole('textbox', { name: '社区自筹' }).fill('4000');
      await officer.getByRole('textbox', { name: '申请补助' }).fill('36000');
      await feedback.getByText('资金来源合计与总投入相等').waitFor();
      await feedback.getByText('资金填写符合本比选的规则').waitFor();
      await officer.getByRole('button', { name: '保存草稿' }).first().click();

      // Saved as a draft: the same form now takes the attachments, one per required type.
      await officer.waitForURL(/\/applications\/\d+\/edit\?created=1$/);
      const id = Number(/\/applications\/(\d+)\//.exec(officer.url())![1]);
      for (const [type, file] of [
        ['council_resolution', '居民议事会决议.pdf'],
        ['budget_sheet', '项目预算表.pdf'],
        ['site_photos', '现场照片.png'],
      ] as const) {
        await officer
          .locator(`[data-testid="upload-${type}"] input[type=file]`)
          .setInputFiles(path.join(uploads, file));
        await officer.locator(`[data-testid="attachment-row-${type}"][data-present="true"]`).waitFor();
      }
      await officer.getByTestId('submission-checklist').and(officer.locator('[data-ready="true"]')).waitFor();
      await screenshot(officer, '11-application-uploaded');

      // 送审 from the detail page.
      await officer.getByRole('button', { name: '返回详情' }).click();
      await officer.waitForURL(`${app.baseUrl}/applications/${id}`);
      await officer.getByRole('button', { name: '送审' }).click();
      await officer.getByRole('dialog').getByText('将以街道名义报送区社会工作部进行形式审查').waitFor();
      await officer.locator('#action-confirm').click();
      await officer.getByText('已送审').first().waitFor();
      await officer.locator('[data-status="submitted"]').first().waitFor();

      // ── the district returns it with a reason ───────────────────────────────────────────
      const admin = await browsers.page(1366);
      await signIn(admin, app.baseUrl, 'admin');
      await admin.getByRole('menuitem', { name: '项目申报' }).click();
      // 待审核 holds what streets submitted; the new entry is there.
      await admin.getByRole('tab', { name: /待审核/ }).waitFor();
      const row = admin.getByRole('row').filter({ hasText: TITLE });
      await row.waitFor();
      await expect(row.textContent()).resolves.toContain('36,000.00 元');
      await row.getByRole('button', { name: '审核' }).click();
      await admin.waitForURL(`${app.baseUrl}/applications/${id}`);
      await admin.getByRole('button', { name: '退回修改' }).click();
      // A return needs a reason: the confirm without one is refused on the spot.
      await admin.locator('#action-confirm').click();
      await admin.getByText('请填写原因').waitFor();
      await admin.getByRole('dialog').getByLabel('原因').fill(REASON);
      await admin.getByText('请填写原因').waitFor({ state: 'hidden' });
      await screenshot(admin, '12-district-return-with-reason', { fullPage: false });
      await admin.locator('#action-confirm').click();
      await admin.getByText('已退回修改').first().waitFor();
      expect(await statusOf(admin)).toBe('returned');
      // It has left 待审核 for 已审核.
      await admin.getByRole('menuitem', { name: '项目申报' }).click();
      await admin.getByRole('tab', { name: /已审核/ }).click();
      await admin.getByRole('row').filter({ hasText: TITLE }).getByText('退回修改').waitFor();

      // ── the officer sees the reason (bell → notice → detail) and submits again ───────────
      await officer.goto(`${app.baseUrl}/`);
      await officer.getByTestId('notification-bell').click();
      await officer.getByTestId('notification-item').filter({ hasText: TITLE }).first().click();
      await officer.waitForURL(`${app.baseUrl}/applications/${id}`);
      await officer.getByTestId('last-reason').getByText(REASON).waitFor();
      await officer.getByTestId('history').getByText(REASON).waitFor();

      // The same page on a tablet, as a street officer often has it.
      const tablet = await browsers.page(820);
      await signIn(tablet, app.baseUrl, 'longcheng');
      await tablet.goto(`${app.baseUrl}/applications/${id}`);
      await tablet.getByTestId('last-reason').getByText(REASON).waitFor();
      await screenshot(tablet, '13-returned-reason-820');

      await officer.getByRole('button', { name: '送审' }).click();
      await officer.locator('#action-confirm').click();
      await officer.getByText('已送审').first().waitFor();
      await officer.locator('[data-status="submitted"]').first().waitFor();
      await screenshot(officer, '14-resubmitted');

      const state = await app.db.query(`SELECT status, last_reason FROM application WHERE id = $1`, [id]);
      expect(state.rows[0].status).toBe('submitted');
      const history = await app.db.query(
        `SELECT action, reason FROM application_status_change WHERE application_id = $1 ORDER BY id`,
        [id],
      );
      expect(history.rows).toEqual([
        { action: 'create', reason: null },
        { action: 'submit', reason: null },
        { action: 'screen_return', reason: REASON },
        { action: 'submit', reason: null },
      ]);
      const files = await app.db.query(
        `SELECT type FROM attachment WHERE application_id = $1 ORDER BY type`,
        [id],
      );
      expect(files.rows.map((file: { type: string }) => file.type)).toEqual([
        'budget_sheet',
        'council_resolution',
        'site_photos',
      ]);
    },
    TIMEOUT_MS,
  );
});
