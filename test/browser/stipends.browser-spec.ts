import { readFileSync } from 'node:fs';
import { ROSTER_COLUMNS, nationalIdCheckCharacter } from '@xiaoshi/domain';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, startTestApp, type TestApp } from '../support/test-app.js';
import { Browsers, SCREENSHOTS, settled } from './browser-support.js';

/**
 * The stipend quarter in a real browser (issue 7): a street officer imports a roster Excel with
 * one bad ID, reads the row-level error, fixes it and imports; the street reports its quarter; the
 * district audits; one finance officer generates the batch and cannot approve it himself; a second
 * one approves it and downloads the bank payroll. Screenshots at 1366 and 820 wide.
 */

/** Jest's per-project testTimeout is not applied to projects, so each hook and test says it. */
const TIMEOUT_MS = 600_000;
const YEAR = 2026;
const QUARTER = 1;

let app: TestApp;
const browsers = new Browsers();
const newPage = (width = 1366) => browsers.page(width, { acceptDownloads: true });

async function screenshot(page: Page, name: string): Promise<void> {
  await settled(page);
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });
}

async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${app.baseUrl}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/**
 * Clicks the OK button of the antd confirm dialog now open and waits until its action is over:
 * the dialog has closed (antd keeps it open while `onOk` runs). When the action failed and says so
 * in an error message, that message fails the test at once instead of a later, unexplained
 * timeout.
 */
async function confirm(page: Page, okText: string | RegExp): Promise<void> {
  const dialog = page.locator('.ant-modal-confirm');
  await settled(page);
  await dialog.getByRole('button', { name: okText }).click();
  const closed = dialog.waitFor({ state: 'detached' }).then(() => null);
  const failed = page
    .locator('.ant-message-error')
    .first()
    .waitFor()
    .then(async () => page.locator('.ant-message-error').first().textContent());
  const error = await Promise.race([closed, failed.catch(() => null)]);
  if (error) throw new Error(`the confirmed action failed: ${error}`);
}

function validId(first17: string): string {
  return first17 + nationalIdCheckCharacter(first17);
}

function badId(first17: string): string {
  return first17 + (nationalIdCheckCharacter(first17) === '1' ? '2' : '1');
}

type Cell = string | number | null;

/** A roster in the template's columns (ROSTER_COLUMNS is what the template is written from). */
async function rosterXlsx(rows: Array<Record<string, Cell>>): Promise<Buffer> {
  const headers = ROSTER_COLUMNS.map((column) => column.header);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('名册');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(headers.map((header) => row[header] ?? null));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function person(name: string, nationalId: string, community: string): Record<string, Cell> {
  return {
    姓名: name,
    身份证号: nationalId,
    所属社区: community,
    曾任职务: '居委会副主任',
    任职起始日期: '2016-03-15',
    任职结束日期: '2021-01-10',
    离任日期: '2021-01-10',
    离任类型: '正常离任',
    '月补助标准（元）': '650',
    开户银行: '中国农业银行昆明呈贡支行',
    银行账号: '6228480010012345678',
    状态: '在册',
  };
}

beforeAll(async () => {
  app = await startTestApp({ listen: true });
  await browsers.start();
}, TIMEOUT_MS);

afterAll(async () => {
  await browsers.close();
  await app?.close();
}, TIMEOUT_MS);

describe('stipends', () => {
  it(
    'runs a quarter: import with a row-level error, street report, district audit, maker–checker batch, payroll',
    async () => {
      const admin = await app.login('admin');
      const programmes = await app.http().get('/api/stipends/programmes').set('authorization', admin);
      const monthly = programmes.body.find((p: { kind: string }) => p.kind === 'monthly_quarterly');
      const periodQuery = `year=${YEAR}&quarter=${QUARTER}`;

      // The demo quarter before anything changes: 84 people, 166,320 元.
      const finance = await newPage(1366);
      await signIn(finance, 'finance');
      await finance.getByRole('menuitem', { name: '补贴发放' }).click();
      await finance.getByRole('tab', { name: '发放批次' }).click();
      await finance.goto(`${app.baseUrl}/stipends?tab=batches&${periodQuery}`);
      await finance.getByText('166,320.00 元').first().waitFor();
      await finance.locator('.ant-statistic').filter({ hasText: '人数' }).getByText('84').waitFor();
      await screenshot(finance, 'stipends-01-preview-demo-quarter');

      // 1. The street officer imports a roster with one bad ID number.
      const street = await newPage(1366);
      await signIn(street, 'longcheng');
      await street.getByRole('menuitem', { name: '补贴发放' }).click();
      await street.getByRole('heading', { name: '补贴发放' }).waitFor();
      await street.getByRole('button', { name: '下载模板' }).waitFor();
      const people = [
        person('浏览器甲', validId('53011419580312011'), '龙街社区'),
        person('浏览器乙', badId('53011419600101012'), '龙街社区'),
      ];
      await street.locator('input[type=file]').setInputFiles({
        name: '龙城街道名册.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: await rosterXlsx(people),
      });
      const problems = street.locator('.xs-import-problems');
      const problemRow = problems.getByRole('row').filter({ hasText: '第 3 行' });
      await problemRow.waitFor();
      await expect(problemRow.textContent()).resolves.toContain('身份证号');
      await expect(problemRow.textContent()).resolves.toContain('校验位');
      await street.getByText('未导入任何数据').first().waitFor();
      expect(
        (await app.db.query(`SELECT count(*)::int AS n FROM stipend_person WHERE name LIKE '浏览器%'`))
          .rows[0].n,
      ).toBe(0);
      await screenshot(street, 'stipends-02-import-row-error');

      // Fixed, it imports.
      people[1] = person('浏览器乙', validId('53011419600101012'), '龙街社区');
      await street.locator('input[type=file]').setInputFiles({
        name: '龙城街道名册（更正）.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: await rosterXlsx(people),
      });
      await street.getByText('导入成功：共 2 行，新增 2 人，更新 0 人').waitFor();
      await street.getByRole('cell', { name: '浏览器乙' }).waitFor();
      // Masked for the street: first 6 and last 4 digits only.
      await street
        .getByText(/^530114\*{8}\d{3}[\dX]$/)
        .first()
        .waitFor();
      await screenshot(street, 'stipends-03-import-done');

      // The person drawer: posts and (empty) payment history.
      await street.getByRole('button', { name: '浏览器乙' }).click();
      const drawer = street.locator('.ant-drawer-open .ant-drawer-section');
      await drawer.getByText('居委会副主任').waitFor();
      await drawer.getByText('暂无发放记录').waitFor();
      await screenshot(street, 'stipends-04-person-drawer');
      await drawer.locator('.ant-drawer-close').click();

      // 2. The street reports its quarter.
      await street.goto(`${app.baseUrl}/stipends?tab=reports&${periodQuery}`);
      const ownRow = street.getByRole('row').filter({ hasText: '龙城街道' });
      await ownRow.getByRole('button', { name: '报送本季度' }).click();
      await street
        .locator('.ant-modal-confirm-title', {
          hasText: `确认报送 龙城街道 ${YEAR}年第${QUARTER}季度 的名册？`,
        })
        .waitFor();
      await confirm(street, '报送本季度');
      await ownRow.getByText('待审核').waitFor();
      await screenshot(street, 'stipends-05-street-report-submitted');

      // The other streets with people report through the API (to save time) and are approved there.
      const statuses = await app
        .http()
        .get(`/api/stipends/programmes/${monthly.id}/reports?${periodQuery}`)
        .set('authorization', admin);
      const others = statuses.body.filter(
        (row: { street: { name: string }; rosterPeople: number }) =>
          row.street.name !== '龙城街道' && row.rosterPeople > 0,
      );
      expect(others.length).toBeGreaterThan(0);
      for (const row of others) {
        const submitted = await app
          .http()
          .post(`/api/stipends/programmes/${monthly.id}/reports`)
          .set('authorization', admin)
          .send({ streetId: row.street.id, year: YEAR, quarter: QUARTER });
        expect(submitted.status).toBe(201);
        const approved = await app
          .http()
          .post(`/api/stipends/reports/${submitted.body.id}/approve`)
          .set('authorization', admin)
          .send({ version: submitted.body.version });
        expect(approved.status).toBe(200);
      }

      // 3. The district audits 龙城街道's report in the UI (tablet width).
      const district = await newPage(820);
      await signIn(district, 'admin');
      await district.goto(`${app.baseUrl}/stipends?tab=reports&${periodQuery}`);
      const auditRow = district.getByRole('row').filter({ hasText: '龙城街道' });
      await auditRow.getByText('待审核').waitFor();
      await screenshot(district, 'stipends-06-district-audit-820');
      await auditRow.getByRole('button', { name: '查看' }).click();
      await district.locator('.ant-drawer-open .ant-drawer-section').getByText('本期变动').waitFor();
      await district.locator('.ant-drawer-open .ant-drawer-section').getByText('浏览器甲').first().waitFor();
      await screenshot(district, 'stipends-07-report-detail-820');
      await district.locator('.ant-drawer-close').click();
      await auditRow.getByRole('button', { name: '审核通过' }).click();
      await confirm(district, '审核通过');
      await auditRow.getByText('已通过').waitFor();
      await district.getByText(/已通过 \d+ 个，待审核 0 个，未报送或退回 0 个/).waitFor();
      await screenshot(district, 'stipends-08-district-approved-820');

      // The one-off departure subsidy calculator (read-only here): rule table, amounts, variance.
      await district.getByRole('tab', { name: '离任一次性补助' }).click();
      await district.getByLabel('换届选举日期').fill('2021-01-10');
      await district.getByRole('button', { name: '测算' }).click();
      await district.getByText('测算参考线').waitFor();
      await district.getByText('2,000,000.00 元').first().waitFor();
      await screenshot(district, 'stipends-08b-departure-calculator-820');

      // 4. Finance generates the batch; approving it himself is refused (maker–checker).
      await finance.goto(`${app.baseUrl}/stipends?tab=batches&${periodQuery}`);
      // 166,320 + 2 people × 650 × 3 months = 170,220 元.
      await finance.getByText('170,220.00 元').first().waitFor();
      await finance.getByRole('button', { name: '生成发放批次' }).click();
      await confirm(finance, '生成发放批次');
      const batchDrawer = finance.locator('.ant-drawer-open .ant-drawer-section');
      await batchDrawer.getByText('2026Q1').first().waitFor();
      await batchDrawer.locator('.xs-stipend-by-street').getByText('龙城街道').waitFor();
      await batchDrawer.getByText('待审批').waitFor();
      await batchDrawer.getByRole('button', { name: '审批通过' }).click();
      await confirm(finance, '审批通过');
      await batchDrawer.locator('.xs-stipend-action-error').getByText('不能审批自己制单的批次').waitFor();
      await batchDrawer.locator('.xs-stipend-action-error').getByText('审批人不能是该批次的制单人').waitFor();
      await screenshot(finance, 'stipends-09-self-approval-refused');
      const batchId = Number(new URL(finance.url()).searchParams.get('batch'));
      expect(batchId).toBeGreaterThan(0);
      const stored = await app.db.query(
        `SELECT status, total_fen::int AS total FROM stipend_batch WHERE id = $1`,
        [batchId],
      );
      expect(stored.rows[0]).toEqual({ status: 'prepared', total: 170_220 * 100 });

      // 5. A second finance officer approves and downloads the bank payroll.
      const districtId = (await app.db.query(`SELECT id FROM org_unit WHERE kind = 'district'`)).rows[0].id;
      const created = await app
        .http()
        .post('/api/users')
        .set('authorization', admin)
        .send({
          username: 'finance2',
          displayName: '复核财务人员（测试）',
          unitId: districtId,
          roles: ['finance'],
          initialPassword: 'Checker2026pw',
        });
      expect(created.status).toBe(201);
      await app.db.query(`UPDATE app_user SET must_change_password = false WHERE username = 'finance2'`);

      const checker = await newPage(820);
      await signIn(checker, 'finance2', 'Checker2026pw');
      // At tablet width the side menu is folded away: go by address.
      await checker.goto(`${app.baseUrl}/stipends?tab=batches`);
      await checker.locator('.xs-stipend-batches').getByRole('button', { name: '2026Q1' }).click();
      const checkerDrawer = checker.locator('.ant-drawer-open .ant-drawer-section');
      await checkerDrawer.getByText('制单人：财务人员（演示）').waitFor();
      await checkerDrawer.getByRole('button', { name: '审批通过' }).click();
      await confirm(checker, '审批通过');
      await checkerDrawer.getByText('已审批', { exact: true }).first().waitFor();
      const [download] = await Promise.all([
        checker.waitForEvent('download'),
        checkerDrawer.getByRole('button', { name: '下载银行发放表' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
      const path = await download.path();
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
      const text = workbook.worksheets
        .flatMap((sheet) => sheet.getSheetValues().flat())
        .map((value) => String(value ?? ''))
        .join('|');
      // The bank's copy carries the full ID number.
      expect(text).toContain(validId('53011419600101012'));
      await screenshot(checker, 'stipends-10-approved-payroll-820');

      await checkerDrawer.getByRole('button', { name: '标记已发放' }).click();
      await checker.locator('.ant-modal').getByLabel('银行凭证号').fill('YH-2026-0001');
      await checker.locator('.ant-modal').getByRole('button', { name: '标记已发放' }).click();
      await checkerDrawer.getByText('凭证号：YH-2026-0001').waitFor();
      const paid = await app.db.query(
        `SELECT status, approved_by_user_id <> prepared_by_user_id AS checked FROM stipend_batch WHERE id = $1`,
        [batchId],
      );
      expect(paid.rows[0]).toEqual({ status: 'paid', checked: true });
      await checkerDrawer.locator('.ant-drawer-close').click();
      await checker.locator('.xs-stipend-batches').getByText('已发放').waitFor();
      await screenshot(checker, 'stipends-11-batch-history-820');

      // The paid quarter shows in the person's payment history.
      await street.goto(`${app.baseUrl}/stipends`);
      await street.getByRole('button', { name: '浏览器甲' }).click();
      await street.locator('.ant-drawer-open .ant-drawer-section').getByText('2026Q1').waitFor();
      await street.locator('.ant-drawer-open .ant-drawer-section').getByText('1,950.00 元').waitFor();
      await screenshot(street, 'stipends-12-payment-history');
    },
    TIMEOUT_MS,
  );
});
