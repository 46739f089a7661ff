import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../support/test-app.js';

/** Shared by the pipeline journeys: one headless Chromium, pages per user, screenshots, antd pickers. */

export const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
/**
 * Jest's per-project testTimeout is not applied to projects, so each hook and test says it. Generous:
 * a journey takes 20–60 s on an idle machine, but several minutes when the machine is oversubscribed.
 */
export const TIMEOUT_MS = 600_000;

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Debian's old headless shell (chromium-headless-shell: the same Blink and V8 without the browser's
 * UI layer, what Playwright itself runs for headless tests) when installed: the zh-CN walk took
 * 49.7 s and 69 s of CPU in Chromium proper, 40.5 s and 52 s in the shell. Chromium otherwise.
 */
const CHROMIUM_PATH =
  ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'].find((file) => existsSync(file)) ??
  '/usr/bin/chromium';

export class Browsers {
  private browser: Browser | null = null;
  private readonly contexts: BrowserContext[] = [];

  async start(): Promise<void> {
    mkdirSync(SCREENSHOTS, { recursive: true });
    this.browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
    });
  }

  /** A fresh browser profile (own cookies) at a desktop (1366) or tablet (820) width. */
  async page(width = 1366, { acceptDownloads = false } = {}): Promise<Page> {
    if (!this.browser) throw new Error('Browsers.start() first');
    const context = await this.browser.newContext({
      acceptDownloads,
      viewport: { width, height: width > 1000 ? 860 : 1180 },
      locale: 'zh-CN',
      // The portal honours "reduce motion" (antd's slides and zooms off), so no step waits on one.
      reducedMotion: 'reduce',
      // Not Beijing on purpose: the UI must show and take Asia/Shanghai times whatever the zone.
      timezoneId: 'Europe/London',
    });
    this.contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    return page;
  }

  async close(): Promise<void> {
    for (const context of this.contexts) await context.close().catch(() => undefined);
    await this.browser?.close();
  }
}

/** The whole page, or (`fullPage: false`) the viewport: a modal's mask covers only that. */
export async function screenshot(page: Page, name: string, { fullPage = true } = {}): Promise<void> {
  // Full-page shots of a scrolled page repeat the sticky header mid-image; start from the top.
  if (fullPage) await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage });
}

export async function signIn(
  page: Page,
  baseUrl: string,
  username: string,
  password = DEMO_PASSWORD,
): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Opens the antd select labelled `label` and clicks the option containing `option`. */
export async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option })
    .first()
    .click();
}

/**
 * Resolves when every finite CSS animation and transition under `selector` (the whole document when
 * omitted) has finished — a drawer's slide-in, a modal's zoom — so a screenshot or a click lands on
 * the settled UI. A condition, not a sleep: it awaits the animations' own `finished` promises.
 * Evaluated as an expression because the portal's CSP forbids the eval that waitForFunction uses.
 */
export async function settled(page: Page, selector?: string): Promise<void> {
  const scope = selector ? `document.querySelector(${JSON.stringify(selector)})` : 'document';
  await page.evaluate(`(async () => {
    for (let round = 0; round < 5; round += 1) {
      const root = ${scope};
      if (!root) return;
      const running = (root === document ? document.getAnimations() : root.getAnimations({ subtree: true }))
        .filter((a) => a.playState === 'running' && a.effect?.getComputedTiming().endTime !== Infinity);
      if (running.length === 0) return;
      await Promise.all(running.map((a) => a.finished.catch(() => undefined)));
    }
  })()`);
}

/**
 * Resolves once the page has had no request in flight for `quietMs` (a data fetch, a lazy route's
 * chunk): Playwright's 'networkidle' with a 100 ms window instead of its fixed 500 ms. Call
 * trackRequests(page) once, right after the page is made.
 */
const inFlight = new WeakMap<Page, { pending: number; lastChange: number }>();

export function trackRequests(page: Page): void {
  const state = { pending: 0, lastChange: Date.now() };
  inFlight.set(page, state);
  const started = () => {
    state.pending += 1;
    state.lastChange = Date.now();
  };
  const ended = () => {
    state.pending = Math.max(0, state.pending - 1);
    state.lastChange = Date.now();
  };
  page.on('request', started);
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
}

export async function networkQuiet(page: Page, quietMs = 100, timeoutMs = 30_000): Promise<void> {
  const state = inFlight.get(page);
  if (!state) throw new Error('trackRequests(page) first');
  const deadline = Date.now() + timeoutMs;
  while (state.pending > 0 || Date.now() - state.lastChange < quietMs) {
    if (Date.now() > deadline) throw new Error(`requests still in flight after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
