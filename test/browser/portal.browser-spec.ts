import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, startTestApp, type TestApp } from '../support/test-app.js';
import { Browsers, SCREENSHOTS } from './browser-support.js';

/**
 * The portal in a real browser against the real API (which serves apps/web/dist): sign-in, the
 * permission-driven shell, user admin, street isolation in the org browser, the language switch,
 * session restore on reload, and the forced password change. Build the web app first.
 */

/** Jest's per-project testTimeout is not applied to projects, so each hook and test says it. */
const TIMEOUT_MS = 600_000;

let app: TestApp;
const browsers = new Browsers();
const newPage = () => browsers.page();

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });
}

async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

/** The Nth antd select on the page, opened; then the option with this exact label is clicked. */
async function pickOption(page: Page, label: string): Promise<void> {
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label })
    .first()
    .click();
}

beforeAll(async () => {
  app = await startTestApp({ listen: true });
  await browsers.start();
}, TIMEOUT_MS);

afterAll(async () => {
  await browsers.close();
  await app?.close();
}, TIMEOUT_MS);

describe('portal', () => {
  it(
    'lets the district admin sign in in Chinese and create a user with a unit and a role',
    async () => {
      const page = await newPage();
      await page.goto(`${app.baseUrl}/users`);
      // Not signed in: sent to the login page, which remembers where the user was going.
      await page.waitForURL(/\/login\?next=%2Fusers$/);
      expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
      await expect(page.title()).resolves.toBe('小实事 · 社区微实事管理平台');

      // The API's own message, localised through Accept-Language.
      await signIn(page, 'admin', 'not-the-password');
      await page.getByRole('alert').filter({ hasText: '用户名或密码错误' }).waitFor();
      await screenshot(page, '01-login-error');

      await signIn(page, 'admin');
      await page.waitForURL(`${app.baseUrl}/users`);
      for (const item of ['工作台', '组织机构', '用户管理', '审计日志']) {
        await page.getByRole('menuitem', { name: item }).waitFor();
      }
      await page.getByText('区社会工作部管理员（演示）').first().waitFor();
      await page.getByRole('cell', { name: 'longcheng', exact: true }).waitFor();

      const username = `web${randomBytes(3).toString('hex')}`;
      await page.getByRole('button', { name: '新建用户' }).click();
      const drawer = page.getByRole('dialog');
      await drawer.getByLabel('用户名').fill(username);
      await drawer.getByLabel('姓名').fill('浏览器测试用户');

      await drawer.getByLabel('所属单位').click();
      await page.keyboard.type('龙城街道');
      await page.locator('.ant-select-tree-node-content-wrapper[title="龙城街道"]').click();

      // A role that does not fit a street: the API's field message lands on the roles item.
      await drawer.getByLabel('角色').click();
      await pickOption(page, '社区工作人员');
      await drawer.locator('.ant-drawer-title').click();
      await drawer.getByRole('button', { name: '提交' }).click();
      await drawer.locator('.ant-form-item-explain-error', { hasText: '角色与所属单位类型不符' }).waitFor();
      await screenshot(page, '02-user-role-mismatch');

      // Swap it for the right one.
      await drawer.locator('.ant-select-selection-item-remove').first().click();
      await drawer.getByLabel('角色').click();
      await pickOption(page, '街道工作人员');
      await drawer.locator('.ant-drawer-title').click();
      await drawer.getByRole('button', { name: '提交' }).click();

      await page.getByText(`已创建用户 浏览器测试用户`).waitFor();
      const row = page.getByRole('row').filter({ hasText: username });
      await row.waitFor();
      await expect(row.textContent()).resolves.toContain('龙城街道');
      await expect(row.textContent()).resolves.toContain('街道工作人员');
      await screenshot(page, '03-user-created');

      const { rows } = await app.db.query(
        `SELECT u.roles, o.name AS unit, u.must_change_password FROM app_user u JOIN org_unit o ON o.id = u.unit_id
       WHERE u.username = $1`,
        [username],
      );
      expect(rows).toEqual([{ roles: ['street_officer'], unit: '龙城街道', must_change_password: true }]);
    },
    TIMEOUT_MS,
  );

  it(
    'shows a street officer their own street only, in both languages, and keeps the session on reload',
    async () => {
      const page = await newPage();
      await page.goto(`${app.baseUrl}/`);
      await signIn(page, 'longcheng');
      await page.getByRole('menuitem', { name: '组织机构' }).click();

      const tree = page.locator('.xs-org-tree');
      await tree.getByText('龙城街道', { exact: true }).waitFor();
      // Its communities are listed below it...
      await tree.getByText('龙街社区', { exact: true }).waitFor();
      // ...and nothing of another street, nor the district above.
      await expect(tree.getByText('斗南街道').count()).resolves.toBe(0);
      await expect(tree.getByText('呈贡区').count()).resolves.toBe(0);
      // No audit.read for a street officer: no menu item for it.
      await expect(page.getByRole('menuitem', { name: '审计日志' }).count()).resolves.toBe(0);
      await screenshot(page, '04-street-officer-orgs');

      // Searching the whole scope cannot reach another street either.
      await page.getByPlaceholder('按名称搜索单位').fill('斗南');
      await page.getByPlaceholder('按名称搜索单位').press('Enter');
      // 斗南湖 is a community of 龙城; 斗南街道 itself is out of scope.
      await page.getByText('斗南湖').waitFor();
      await expect(page.getByText('斗南街道').count()).resolves.toBe(0);
      await page.getByPlaceholder('按名称搜索单位').fill('');
      await page.getByPlaceholder('按名称搜索单位').press('Enter');

      await page.getByText('English', { exact: true }).click();
      await page.getByRole('menuitem', { name: 'Organisations' }).waitFor();
      await page.getByText('Unit tree', { exact: true }).waitFor();
      await page.getByText('Unit details', { exact: true }).waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      await screenshot(page, '05-street-officer-orgs-en');

      // A reload keeps both the session (refresh cookie → new access token) and the language.
      await page.reload();
      await page.getByRole('menuitem', { name: 'Organisations' }).waitFor();
      await page.locator('.xs-org-tree').getByText('龙城街道', { exact: true }).waitFor();
      expect(page.url()).toBe(`${app.baseUrl}/orgs`);
    },
    TIMEOUT_MS,
  );

  it(
    'makes a user on a temporary password change it, then sign in again',
    async () => {
      const bearer = await app.login('admin');
      const { rows } = await app.db.query(`SELECT id FROM org_unit WHERE code = 'demo-dounan'`);
      const username = `temp${randomBytes(3).toString('hex')}`;
      const temporary = 'Temporary2026x';
      const created = await app
        .http()
        .post('/api/users')
        .set('Authorization', bearer)
        .send({
          username,
          displayName: '临时密码用户',
          unitId: rows[0].id,
          roles: ['street_officer'],
          initialPassword: temporary,
        });
      expect(created.status).toBe(201);

      const page = await newPage();
      await page.goto(`${app.baseUrl}/orgs`);
      await signIn(page, username, temporary);
      await page.getByText('请先修改初始密码').first().waitFor();
      expect(new URL(page.url()).pathname).toBe('/account/password');
      // Confined: no side menu while the password is temporary.
      await expect(page.getByRole('menuitem').count()).resolves.toBe(0);
      await screenshot(page, '06-forced-password-change');

      const fresh = 'BrandNew2026pass';
      await page.getByLabel('当前密码').fill(temporary);
      await page.getByLabel('新密码', { exact: true }).fill(fresh);
      await page.getByLabel('确认新密码').fill(fresh);
      await page.getByRole('button', { name: '修改密码' }).click();

      await page.getByText('密码已修改，请使用新密码重新登录').waitFor();
      await signIn(page, username, fresh);
      await page.getByRole('menuitem', { name: '组织机构' }).waitFor();
      await page.getByText('斗南街道').first().waitFor();
    },
    TIMEOUT_MS,
  );
});
