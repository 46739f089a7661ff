import { Browsers, TIMEOUT_MS, screenshot, signIn } from './browser-support.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Issue 11 in a real browser: the district reads the live 绩效目标表 of seed 000 (no survey answer
 * yet, so satisfaction has no value); a resident answers the survey on a 375 px phone without
 * signing in; the district refreshes and reads the live satisfaction the answer made. Then the
 * survey page shows the link and QR code, and the A4 print page the official columns.
 */
describe('performance targets and a satisfaction survey answered on a phone', () => {
  let app: TestApp;
  const browsers = new Browsers();
  let surveyCode: string;

  beforeAll(async () => {
    app = await startTestApp({ listen: true });
    await browsers.start();
    surveyCode = (
      await app.db.query(
        `SELECT code FROM survey WHERE title LIKE '2026年民生小实事项目满意度测评%' ORDER BY id LIMIT 1`,
      )
    ).rows[0].code as string;
  }, TIMEOUT_MS);
  afterAll(async () => {
    await browsers.close();
    await app.close();
  }, TIMEOUT_MS);

  it(
    'changes the live satisfaction the district sees when a survey is answered from a 375 px phone',
    async () => {
      const district = await browsers.page();
      await signIn(district, app.baseUrl, 'admin');
      await district.getByRole('menuitem', { name: '绩效目标' }).click();
      await district.getByRole('link', { name: '社会治理工作经费' }).click();
      const satisfaction = district.getByTestId('actual-satisfaction');
      await satisfaction.waitFor();
      await district.getByText('呈贡区全区数据').waitFor();
      expect(await satisfaction.textContent()).toBe('—');
      await screenshot(district, 'performance-actuals-before');

      const phone = await browsers.page(375);
      await phone.goto(`${app.baseUrl}/s/${surveyCode}`);
      await phone.getByRole('heading', { name: /2026年民生小实事项目满意度测评/ }).waitFor();
      expect(await phone.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
      await phone.getByText('满意', { exact: true }).click();
      await phone.getByText('社区居民', { exact: true }).click();
      await phone.getByLabel('意见建议（选填）').fill('路灯修好了，晚上出门安心。');
      await screenshot(phone, 'survey-phone-form');
      await phone.getByRole('button', { name: '提交' }).click();
      await phone.getByRole('status').filter({ hasText: '提交成功' }).waitFor();
      await screenshot(phone, 'survey-phone-thanks');
      // The same phone cannot answer twice: reloading shows it has answered.
      await phone.reload();
      await phone.getByRole('status').filter({ hasText: '您已提交过本次测评' }).waitFor();

      await district.getByRole('button', { name: '刷新' }).click();
      await district.getByTestId('actual-satisfaction').filter({ hasText: /^100%$/ }).waitFor();
      await screenshot(district, 'performance-actuals-after');

      await district.getByRole('menuitem', { name: '满意度测评' }).click();
      await district.getByText('2026年民生小实事项目满意度测评（演示）').click();
      await district.getByRole('img', { name: /答卷二维码/ }).waitFor();
      await district.getByTestId('survey-satisfaction').filter({ hasText: '100%' }).waitFor();
      expect(await district.getByTestId('survey-link').textContent()).toContain(`/s/${surveyCode}`);
      await screenshot(district, 'survey-drawer');
    },
    TIMEOUT_MS,
  );

  it(
    'prints the self-evaluation on an A4 page with the official columns',
    async () => {
      const district = await browsers.page();
      await signIn(district, app.baseUrl, 'admin');
      const tableId = (await app.db.query(`SELECT id FROM performance_table WHERE name = '社会治理工作经费'`))
        .rows[0].id as number;
      await district.goto(`${app.baseUrl}/performance/tables/${tableId}/print`);
      const headers = district.locator('.xs-pf-print thead th');
      await headers.first().waitFor();
      expect(await headers.allTextContents()).toEqual([
        '一级指标',
        '二级指标',
        '三级指标',
        '指标性质',
        '指标值',
        '度量单位',
        '实际完成值',
        '分值',
        '得分',
        '偏差原因分析及改进措施',
      ]);
      await district.emulateMedia({ media: 'print' });
      expect(await district.getByRole('button', { name: '打印' }).isVisible()).toBe(false);
      await screenshot(district, 'performance-print-a4');
    },
    TIMEOUT_MS,
  );
});
