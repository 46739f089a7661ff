import type { Locator, Page } from 'playwright-core';
import { createWorker, type RunningWorker } from '../../apps/api/src/queue/worker.factory.js';
import { addSecondFinanceOfficer, approvedProjects, pngBytes } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { Browsers, SCREENSHOTS, TIMEOUT_MS, choose, screenshot, settled, signIn } from './browser-support.js';

/**
 * Issue 6's journey after 立项: finance requests the advance tranche and a second finance officer
 * approves and records it; the community reports progress and requests acceptance; the district
 * assigns the inspector, who records a passed inspection from a phone (375 × 812); the final
 * tranche is paid; the ledger dashboard shows the money. The approved project is arranged
 * through the API (approvedProjects needs the in-process worker for the ranking). Build the web
 * app first.
 */

const FINANCE2_PASSWORD = 'Finance2026pass';

let app: TestApp;
let worker: RunningWorker;
const browsers = new Browsers();
let projectId: number;
let lineId: number;
let advanceFen: number;
let finalFen: number;
let amountFen: number;

/** '10,800.00 元' — the UI's money format. */
const yuan = (fen: number) =>
  `${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`;

/**
 * Clicks until `done` shows: a click that lands while an antd modal or dropdown is still
 * animating in is occasionally lost in headless Chromium. Every action retried here is safe to
 * repeat (a payment submit carries the form's idempotency key).
 */
async function clickUntil(target: Locator, done: Locator): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    if (attempt === 0) await target.click();
    else if (await target.isVisible()) await target.click({ timeout: 3_000 }).catch(() => undefined);
    try {
      await done.waitFor({ timeout: 5_000 });
      return;
    } catch {
      // try again
    }
  }
  await done.waitFor();
}

async function photo(name: string) {
  return { name, mimeType: 'image/png', buffer: pngBytes() };
}

/** Requests a payment from the project page and returns its id. */
async function requestPayment(page: Page, expectedFen: number): Promise<number> {
  await page.goto(`${app.baseUrl}/projects/${projectId}`);
  await page.getByRole('button', { name: '申请拨付' }).click();
  const amount = page.getByLabel('金额（元）');
  await amount.waitFor();
  await expect(amount.inputValue()).resolves.toBe((expectedFen / 100).toFixed(2));
  await clickUntil(
    page.locator('#payment-request-submit'),
    page.getByText('拨付申请已提交，等待另一名财务人员审批').first(),
  );
  const rows = await app.db.query(
    `SELECT id FROM payment WHERE project_id = $1 AND amount_fen = $2 ORDER BY id DESC LIMIT 1`,
    [projectId, expectedFen],
  );
  return rows.rows[0].id as number;
}

async function approve(page: Page, paymentId: number): Promise<void> {
  await page.goto(`${app.baseUrl}/payments?tab=requested`);
  await clickUntil(page.getByTestId(`approve-${paymentId}`), page.locator('#payment-approve-confirm'));
  await clickUntil(page.locator('#payment-approve-confirm'), page.getByText('已审批通过').first());
}

async function record(page: Page, paymentId: number, voucher: string): Promise<void> {
  await page.goto(`${app.baseUrl}/payments?tab=approved`);
  await clickUntil(page.getByTestId(`record-${paymentId}`), page.getByLabel('凭证号'));
  await page.getByLabel('凭证号').fill(voucher);
  await page.getByLabel('银行流水号').fill(`BANK-${voucher}`);
  await clickUntil(page.locator('#payment-record-submit'), page.getByText('已登记支付').first());
}

beforeAll(async () => {
  app = await startTestApp({ listen: true });
  worker = await createWorker(app.config, { schedule: false });
  await browsers.start();
  const [applicationId] = await approvedProjects(app, { count: 3 });
  const admin = await app.login('admin');
  const project = await app
    .http()
    .get(`/api/applications/${applicationId}/project`)
    .set('authorization', admin);
  expect(project.status).toBe(200);
  projectId = project.body.id;
  amountFen = project.body.amountFen;
  advanceFen = project.body.tranches[0].amountFen;
  finalFen = project.body.tranches[1].amountFen;
  lineId = (await app.db.query(`SELECT budget_line_id FROM project WHERE id = $1`, [projectId])).rows[0]
    .budget_line_id;
  await addSecondFinanceOfficer(app, admin, FINANCE2_PASSWORD);
}, TIMEOUT_MS);

afterAll(async () => {
  await browsers.close();
  await worker?.close();
  await app?.close();
}, TIMEOUT_MS);

describe('delivery and payments', () => {
  it(
    'pays the advance, reports progress, passes the inspection on a phone, pays the rest, and the ledger shows it',
    async () => {
      // ── finance requests the advance tranche (30%) from the project page ─────────────────
      const finance = await browsers.page(1366);
      await signIn(finance, app.baseUrl, 'finance');
      await finance.getByRole('menuitem', { name: '项目实施' }).click();
      await finance.getByTestId(`project-${projectId}`).click();
      await finance.waitForURL(`**/projects/${projectId}`);
      await finance.getByTestId('tranche-0').locator('[data-tranche-state="released"]').waitFor();
      await finance.getByTestId('tranche-1').locator('[data-tranche-state="locked"]').waitFor();
      await screenshot(finance, 'delivery-01-project-before');
      const advanceId = await requestPayment(finance, advanceFen);

      // The requester cannot approve: the button is disabled with the reason.
      await finance.goto(`${app.baseUrl}/payments`);
      const ownApprove = finance.getByTestId(`approve-${advanceId}`);
      await expect(ownApprove.isDisabled()).resolves.toBe(true);
      await screenshot(finance, 'delivery-02-finance-queue-requester');
      await expect(finance.getByRole('columnheader', { name: '操作' }).count()).resolves.toBeGreaterThan(0);

      // Someone who cannot approve (the district admin) reads the same queue without an empty
      // action column pinned over the status.
      const districtAdmin = await browsers.page(1366);
      await signIn(districtAdmin, app.baseUrl, 'admin');
      await districtAdmin.goto(`${app.baseUrl}/payments?tab=requested`);
      const status = districtAdmin
        .getByTestId(`payment-${advanceId}`)
        .locator('[data-payment-status="requested"]');
      await status.waitFor();
      await expect(districtAdmin.getByRole('columnheader', { name: '操作' }).count()).resolves.toBe(0);
      // The table fits: the status is whole, not cut off at the table's edge.
      const [tag, table] = await Promise.all([
        status.boundingBox(),
        districtAdmin.locator('.ant-table-container').boundingBox(),
      ]);
      expect(tag!.x + tag!.width).toBeLessThanOrEqual(table!.x + table!.width);

      // ── a second finance officer approves and records it paid ────────────────────────────
      const finance2 = await browsers.page(1366);
      await signIn(finance2, app.baseUrl, 'finance2', FINANCE2_PASSWORD);
      await approve(finance2, advanceId);
      await record(finance2, advanceId, 'PZ-2026-0001');
      await finance2.goto(`${app.baseUrl}/payments?tab=paid`);
      await finance2.getByTestId(`payment-${advanceId}`).locator('[data-payment-status="paid"]').waitFor();
      await screenshot(finance2, 'delivery-03-finance-paid');
      // The printable voucher opens in a new tab, with the amount in 大写.
      const [voucher] = await Promise.all([
        finance2.waitForEvent('popup'),
        finance2.getByTestId(`payment-${advanceId}`).getByRole('button', { name: '打印凭证' }).click(),
      ]);
      await voucher.getByText('付 款 凭 证').waitFor();
      await voucher.getByText('壹万零捌佰元整').waitFor();
      await voucher.close();
      const advance = await app.db.query(
        `SELECT status, voucher_no, approved_by_user_id, requested_by_user_id FROM payment WHERE id = $1`,
        [advanceId],
      );
      expect(advance.rows[0]).toMatchObject({ status: 'paid', voucher_no: 'PZ-2026-0001' });
      expect(advance.rows[0].approved_by_user_id).not.toBe(advance.rows[0].requested_by_user_id);

      // ── the community officer reports progress (tablet) and requests acceptance ──────────
      const community = await browsers.page(820);
      await signIn(community, app.baseUrl, 'community');
      await community.goto(`${app.baseUrl}/projects/${projectId}`);
      await community.getByTestId('tranche-0').locator('[data-tranche-state="paid"]').waitFor();
      await community.getByRole('button', { name: '报告进度' }).click();
      await community
        .getByLabel('本期进展')
        .fill('完成步道铺装和扶手安装，居民志愿者 12 人参与清运；下月完成绿化补植。');
      await community.getByLabel('完成进度').fill('100');
      await community.getByTestId('report-photos').setInputFiles(await photo('步道完工.png'));
      await community.getByText('步道完工.png').waitFor();
      await settled(community, '.ant-drawer'); // the drawer's slide-in
      await community.screenshot({ path: `${SCREENSHOTS}delivery-04-progress-form-820.png` });
      await clickUntil(community.locator('#report-submit'), community.getByText('进度报告已提交').first());
      await community.locator('[data-testid^="report-"] [data-testid^="photo-"]').first().waitFor();
      await clickUntil(
        community.getByRole('button', { name: '申请验收' }),
        community.locator('#acceptance-submit'),
      );
      await clickUntil(
        community.locator('#acceptance-submit'),
        community.getByText('已申请，等待区里指派验收人员').first(),
      );
      await community.locator('.ant-modal').waitFor({ state: 'detached' });
      await community.locator('[data-project-status="acceptance_requested"]').first().waitFor();
      await screenshot(community, 'delivery-05-progress-reported-820');

      // ── the district assigns the inspector ───────────────────────────────────────────────
      const admin = await browsers.page(1366);
      await signIn(admin, app.baseUrl, 'admin');
      await admin.goto(`${app.baseUrl}/projects/${projectId}`);
      await admin.getByRole('button', { name: '指派验收人员' }).click();
      await settled(admin, '.ant-modal'); // the modal's zoom-in
      const chosen = admin.locator('.ant-modal .ant-select-selection-item', { hasText: '验收人员（演示）' });
      for (let attempt = 0; attempt < 3 && !(await chosen.count()); attempt++) {
        await choose(admin, '验收人员', '验收人员（演示）');
        await chosen.waitFor({ timeout: 3_000 }).catch(() => undefined);
      }
      await admin.locator('.ant-modal-title').click();
      await clickUntil(admin.locator('#assign-submit'), admin.getByText('已指派验收人员').first());
      await admin.locator('[data-project-status="inspecting"]').first().waitFor();

      // ── the inspector records a passed inspection on a phone (375 × 812) ─────────────────
      const phone = await browsers.page(375);
      await phone.setViewportSize({ width: 375, height: 812 });
      await signIn(phone, app.baseUrl, 'inspector');
      await phone.goto(`${app.baseUrl}/projects`);
      await phone.locator('[data-testid^="my-inspection-"]').first().click();
      await phone.waitForURL(/\/inspections\/\d+$/);
      await phone.getByTestId('inspection-form').waitFor();
      // One column: nothing wider than the screen.
      await expect(phone.evaluate('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(375);
      const items = phone.locator('[data-testid^="check-"]');
      const count = await items.count();
      expect(count).toBeGreaterThanOrEqual(5);
      await phone.screenshot({ path: `${SCREENSHOTS}delivery-06-inspection-form-375.png` });
      // Submitting with nothing answered says what is missing, on the items themselves.
      await phone.locator('#inspection-submit').click();
      await phone.locator('.xs-insp-item-missing').first().waitFor();
      for (let i = 0; i < count; i++) await items.nth(i).locator('[data-answer="met"]').click();
      await phone.getByTestId('checklist-count').getByText(`已检查 ${count} / ${count} 项`).waitFor();
      await items.first().getByRole('textbox').fill('步道平整，扶手牢固');
      await phone.getByTestId('inspection-camera').setInputFiles(await photo('验收现场.png'));
      await phone.getByText('已上传 1 张').waitFor();
      await phone.getByRole('radio', { name: '合格', exact: true }).click();
      await phone.getByLabel('发现的问题').fill('无');
      await phone.mouse.move(0, 0);
      await phone.getByRole('radiogroup', { name: '验收结论' }).scrollIntoViewIfNeeded();
      await settled(phone);
      await phone.screenshot({ path: `${SCREENSHOTS}delivery-07-inspection-filled-375.png` });
      await clickUntil(phone.locator('#inspection-submit'), phone.locator('#inspection-submit-confirm'));
      await clickUntil(
        phone.locator('#inspection-submit-confirm'),
        phone.getByText('验收记录已提交').first(),
      );
      await phone.locator('#certificate-link').waitFor();
      await phone.locator('.ant-modal').waitFor({ state: 'detached' });
      await phone.evaluate('window.scrollTo(0, 0)');
      await phone.screenshot({ path: `${SCREENSHOTS}delivery-08-inspection-passed-375.png` });

      // ── the final tranche is released and paid ───────────────────────────────────────────
      const finalId = await requestPayment(finance, finalFen);
      await approve(finance2, finalId);
      await record(finance, finalId, 'PZ-2026-0002');
      await finance.goto(`${app.baseUrl}/projects/${projectId}`);
      await finance.getByTestId('tranche-1').locator('[data-tranche-state="paid"]').waitFor();
      await finance.locator('[data-project-status="accepted"]').first().waitFor();
      await finance.getByTestId('project-timeline').getByText('PZ-2026-0002').waitFor();
      await screenshot(finance, 'delivery-09-project-paid');

      // ── the ledger dashboard shows what was paid ─────────────────────────────────────────
      const line = await app.db.query(`SELECT paid_fen FROM budget_line WHERE id = $1`, [lineId]);
      const paidOnLine = Number(line.rows[0].paid_fen);
      expect(paidOnLine).toBeGreaterThanOrEqual(amountFen);
      await admin.goto(`${app.baseUrl}/ledger`);
      await admin.getByTestId(`line-paid-${lineId}`).getByText(yuan(paidOnLine)).waitFor();
      await admin
        .getByTestId('chart-lines')
        .locator(`[data-group="${lineId}"] [data-series="paid"][data-value="${paidOnLine}"]`)
        .waitFor();
      const paidKpi = Number(await admin.getByTestId('kpi-paid').getAttribute('data-fen'));
      expect(paidKpi).toBeGreaterThanOrEqual(amountFen);
      await screenshot(admin, 'delivery-10-ledger-dashboard');
    },
    TIMEOUT_MS,
  );
});
