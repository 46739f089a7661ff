import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { createWorker, type RunningWorker } from '../../apps/api/src/queue/worker.factory.js';
import { approvedProjects } from '../support/fixtures.js';
import { assignAcceptance, payTranche, projectOf } from '../support/pipeline-steps.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { Browsers, SCREENSHOTS, TIMEOUT_MS, networkQuiet, settled, signIn, trackRequests } from './browser-support.js';

/**
 * No raw key, no English where Chinese belongs, on any page (issue 12 §6). Every demo role signs in
 * and walks every route the side menu and the router offer (read from the web app's own
 * navigation.tsx and router.tsx), then the detail pages its lists link to (the first of each), in
 * zh-CN. A page fails on: a dictionary key shown as such ('payment.record', 'approve_award', any
 * key of any namespace), an English word of three letters or more outside a short allow-list
 * (names, units, codes, the demo users' user names), 'undefined' / 'null' / 'NaN', or a console
 * error (i18next logs every missing text as one). The district admin walks the same pages again
 * in English: menus, headings, column headers, form labels, buttons and tabs hold no Chinese there
 * (data — names of units, projects — may be Chinese in either language). A small pipeline is
 * arranged through the API first so that the detail pages have something to show.
 */

const WEB_SRC = fileURLToPath(new URL('../../apps/web/src/', import.meta.url));
/** The roles whose menus together reach every page: district admin, finance, a street, a reviewer, an inspector. */
const ROLES = ['admin', 'finance', 'longcheng', 'reviewer', 'inspector'] as const;

/** Words that may stand in Chinese text: units, file types, codes, names of things. */
const ALLOWED_WORDS = new Set([
  'Excel',
  'xlsx',
  'PDF',
  'pdf',
  'PNG',
  'JPG',
  'ZIP',
  'CSV',
  'URL',
  'SMS',
  'kB',
  'KB',
  'MB',
  'GB',
  'Tab',
  'Enter',
  'Ctrl',
  'English',
  'ECharts',
  // The competition categories' codes, shown as such in the 类别代码 column.
  'works',
  'service',
  'governance',
  'volunteer',
]);

/** Key-shaped words: 'payment.record', 'status.in_progress', 'approve_award'. */
const DOTTED_KEY = /(?<![\w@/.:-])[a-z][a-zA-Z0-9]*(?:\.[a-zA-Z][a-zA-Z0-9_]*)+(?![\w@/-])/g;
const SNAKE_KEY = /(?<![\w@/.:-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w@/-])/g;
const FILE_OR_HOST = /\.(xlsx|xls|pdf|png|jpe?g|zip|docx?|csv|com|cn|org|net|edu|gov)$/i;
const EMAIL_OR_URL = /[\w.+-]+@[\w.-]+|https?:\/\/\S+/g;
const FILE_NAME = /[\w.-]+\.(?:png|jpe?g|pdf|xlsx?|docx?|zip|csv)\b/gi;
const KEBAB_CODE = /(?<![\w-])[a-z0-9]+(?:-[a-z0-9]+)+(?![\w-])/g;
const NOT_A_VALUE = /(?<![\w.])(undefined|null|NaN|Infinity|\[object Object\])(?![\w.])/;
const CJK = /[\u3400-\u9fff]/;
/** Demo data is marked 演示 wherever it has free text: such a label is data, not chrome. */
const DEMO_DATA = /演示/;

/** Where English mode shows labels (not data): no Chinese may remain there. */
const CHROME = [
  '.ant-menu-title-content',
  '.xs-page-header h4',
  'th.ant-table-cell',
  '.ant-form-item-label > label',
  '.ant-tabs-tab-btn',
  '.ant-descriptions-item-label',
  '.ant-statistic-title',
  '.ant-steps-item-title',
  '.ant-segmented-item-label',
  // Buttons, but not the link-style ones that carry data (a project's title, a person's name) nor
  // the account menu (the user's name and unit).
  'button:not(.ant-btn-link):not(.xs-user-button)',
].join(', ');

interface RoutePattern {
  path: string;
  /** Matches a concrete pathname of this route. */
  test: RegExp;
  params: boolean;
}

/** Every route the router declares, with its parent's prefix ('/public' + 'projects'). */
function routerRoutes(): RoutePattern[] {
  const source = readFileSync(path.join(WEB_SRC, 'app/router.tsx'), 'utf8');
  const routes: RoutePattern[] = [];
  let parent = '';
  for (const match of source.matchAll(/path: '([^']+)'|guarded\('([^']+)'/g)) {
    const declared = match[1] ?? match[2];
    if (declared.startsWith('/')) {
      parent = declared === '/' ? '' : declared;
      if (declared === '/' || declared.endsWith('*')) continue;
      routes.push(pattern(declared));
    } else if (declared !== '*') routes.push(pattern(`${parent}/${declared}`));
  }
  routes.push(pattern('/'), pattern('/public'));
  return routes;
}

function pattern(route: string): RoutePattern {
  const test = new RegExp(`^${route.replace(/:[a-zA-Z]+/g, '[A-Za-z0-9_-]+')}$`);
  return { path: route, test, params: route.includes(':') };
}

/** The side menu's paths (navigation.tsx), in order. */
function menuPaths(): string[] {
  const source = readFileSync(path.join(WEB_SRC, 'app/navigation.tsx'), 'utf8');
  return [...source.matchAll(/path: '(\/[^']*)'/g)].map((match) => match[1]);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? sourceFiles(full) : /\.tsx?$/.test(entry) ? [full] : [];
  });
}

/**
 * Every key of every dictionary that could pass for a word of text: dotted or snake_case keys of
 * the web's namespaces (their modules call defineNamespace/defineEnum) and the shared ones.
 */
async function dictionaryKeys(): Promise<Set<string>> {
  const modules = sourceFiles(WEB_SRC).filter((file) => /defineNamespace\(|defineEnum(FromTable)?[<(]/.test(readFileSync(file, 'utf8')));
  for (const file of modules) await import(file);
  const { i18n } = (await import(path.join(WEB_SRC, 'i18n/i18n.ts'))) as typeof import('../../apps/web/src/i18n/i18n.js');
  const keys = new Set<string>();
  for (const namespace of Object.values(i18n.store.data.zh ?? {})) {
    for (const key of Object.keys(namespace as object)) if (/[._]/.test(key)) keys.add(key);
  }
  return keys;
}

interface Problem {
  role: string;
  lang: 'zh' | 'en';
  route: string;
  problem: string;
}

let app: TestApp;
let worker: RunningWorker;
const browsers = new Browsers();
let allowedWords: Set<string>;
/** Names and titles of things (data), which stay Chinese in English mode too. */
let dataLabels: Set<string>;
let keys: Set<string>;
const routes = routerRoutes();

beforeAll(async () => {
  app = await startTestApp({ listen: true });
  worker = await createWorker(app.config, { schedule: false });
  // Something for every detail page: awards, a notice, projects with an inspection and a payment.
  const approved = await approvedProjects(app, { count: 3, reviewerPrefix: 'i18n' });
  const project = await projectOf(app, approved[0]);
  await assignAcceptance(app, await projectOf(app, approved[1]));
  const tranche = (await app.db.query(`SELECT amount_fen FROM project_tranche WHERE project_id = $1 ORDER BY index LIMIT 1`, [project])).rows[0];
  if (tranche) await payTranche(app, { projectId: project, amountFen: Number(tranche.amount_fen), voucherNo: 'I18N-1' });
  const usernames = (await app.db.query(`SELECT username FROM app_user`)).rows.map((row: { username: string }) => row.username);
  allowedWords = new Set([...ALLOWED_WORDS, ...usernames]);
  const names = await app.db.query(
    `SELECT title AS label FROM application UNION SELECT title FROM project UNION SELECT title FROM competition
     UNION SELECT name FROM budget_line UNION SELECT name FROM programme UNION SELECT name FROM org_unit
     UNION SELECT title FROM study_trip UNION SELECT name FROM social_org UNION SELECT title FROM social_org_agreement
     UNION SELECT title FROM survey UNION SELECT name FROM performance_table UNION SELECT name FROM stipend_programme
     UNION SELECT title FROM public_notice UNION SELECT display_name FROM app_user`,
  );
  dataLabels = new Set(names.rows.map((row: { label: string }) => row.label));
  keys = await dictionaryKeys();
  await browsers.start();
}, TIMEOUT_MS);

afterAll(async () => {
  await browsers.close();
  await worker?.close();
  await app?.close();
}, TIMEOUT_MS);

/** Waits for the page to settle: requests done, spinners and skeletons gone, animations over. */
async function quiet(page: Page): Promise<void> {
  await networkQuiet(page);
  await page.locator('.ant-spin-spinning, .ant-skeleton-active, [aria-busy="true"]').first().waitFor({ state: 'detached', timeout: 15_000 });
  await settled(page);
}

/** Client-side navigation (no reload): the router follows a popstate. */
async function go(page: Page, route: string): Promise<void> {
  await page.evaluate((target) => {
    window.history.pushState({}, '', target);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, route);
  await quiet(page);
}

/** The visible text of the page, with placeholders; e-mail addresses and links removed. */
async function shownText(page: Page): Promise<string> {
  const text = await page.evaluate(() => {
    const placeholders = [...document.querySelectorAll<HTMLInputElement>('input[placeholder], textarea[placeholder]')]
      .filter((input) => input.offsetParent !== null)
      .map((input) => input.placeholder);
    return [document.body.innerText, ...placeholders].join('\n');
  });
  // Codes (an org unit's 'demo-longcheng') and file names ('现场照片 c.png') are data, not words.
  return text.replace(EMAIL_OR_URL, ' ').replace(FILE_NAME, ' ').replace(KEBAB_CODE, ' ');
}

/**
 * The dictionary keys that stand in `text` as words: not preceded by a word character or a dot,
 * not followed by a word character (so 'payment.record' counts in 'payment.record.' too). Read off
 * the text's runs of word characters and dots — each run's prefixes that end before a dot or at its
 * end — instead of one regular expression per key and page.
 */
function shownKeys(text: string): string[] {
  const candidates = new Set<string>();
  for (const [run] of text.matchAll(/[A-Za-z0-9_.]+/g)) {
    for (let end = run.indexOf('.'); end !== -1; end = run.indexOf('.', end + 1)) candidates.add(run.slice(0, end));
    candidates.add(run);
  }
  const found = [...keys].filter((key) => /^[\w.]+$/.test(key) && candidates.has(key));
  // A key with other characters in it (rare) is looked for as before.
  for (const key of keys) {
    if (!/^[\w.]+$/.test(key) && new RegExp(`(?<![\\w.])${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w])`).test(text)) {
      found.push(key);
    }
  }
  return found;
}

function zhProblems(text: string): string[] {
  const problems: string[] = [];
  for (const match of text.matchAll(DOTTED_KEY)) {
    if (!FILE_OR_HOST.test(match[0])) problems.push(`raw key '${match[0]}'`);
  }
  for (const match of text.matchAll(SNAKE_KEY)) problems.push(`raw key '${match[0]}'`);
  for (const key of shownKeys(text)) problems.push(`dictionary key '${key}'`);
  const value = NOT_A_VALUE.exec(text);
  if (value) problems.push(`'${value[1]}' on screen`);
  for (const match of text.matchAll(/[A-Za-z]{3,}/g)) {
    if (!allowedWords.has(match[0])) problems.push(`English word '${match[0]}' (…${text.slice(Math.max(0, match.index - 20), match.index + 30).replace(/\s+/g, ' ')}…)`);
  }
  return [...new Set(problems)];
}

async function enProblems(page: Page): Promise<string[]> {
  const labels = await page.locator(CHROME).evaluateAll((elements) =>
    elements.filter((element) => (element as HTMLElement).offsetParent !== null).map((element) => (element as HTMLElement).innerText.trim()),
  );
  return [
    ...new Set(
      labels.filter((label) => CJK.test(label) && label !== '中文' && !dataLabels.has(label) && !DEMO_DATA.test(label)).map((label) => `Chinese label '${label}'`),
    ),
  ];
}

/** Signs in as `role` and walks its menu, the router's own routes and the first detail page of each kind. */
async function walk(role: string, lang: 'zh' | 'en', problems: Problem[]): Promise<number> {
  const page = await browsers.page();
  trackRequests(page);
  const errors: string[] = [];
  page.on('console', (message) => {
    // A refused request (403/404 for a page out of the role's scope) is the page's business; a 5xx is not.
    if (message.type() === 'error' && !/status of 4\d\d/.test(message.text())) errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await signIn(page, app.baseUrl, role);
  if (lang === 'en') {
    await page.evaluate("window.localStorage.setItem('xiaoshi.lang', 'en')");
    await page.reload();
  }
  await quiet(page);
  // The signed-in shell (menu included) loads as its own chunk.
  await page.locator('.ant-menu-item').first().waitFor({ timeout: 15_000 }).catch(() => undefined);
  if ((await page.locator('.ant-menu-item').count()) === 0) {
    problems.push({ role, lang, route: page.url(), problem: 'no menu after signing in' });
  }
  const visited = new Set<string>();
  const queue: string[] = [
    ...menuPaths(),
    ...routes.filter((route) => !route.params && !route.path.startsWith('/login')).map((route) => route.path),
  ];
  const found = new Map<string, string>();
  let visits = 0;
  for (;;) {
    const next = queue.shift() ?? [...found.entries()].find(([pathname]) => !visited.has(pathname))?.[0];
    if (!next) break;
    if (visited.has(next)) continue;
    visited.add(next);
    visits += 1;
    errors.length = 0;
    await go(page, next);
    const record = (problem: string) => problems.push({ role, lang, route: next, problem });
    for (const problem of lang === 'zh' ? zhProblems(await shownText(page)) : await enProblems(page)) record(problem);
    for (const error of errors) record(`console error: ${error}`);
    if (problems.some((problem) => problem.role === role && problem.route === next)) {
      await page.screenshot({ path: `${SCREENSHOTS}i18n-${role}-${lang}-${next.replace(/\W+/g, '_')}.png`, fullPage: true });
    }
    // The first link to each kind of detail page (a list's first row), once per route.
    const links = await page.locator('a[href^="/"]').evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href') ?? ''));
    for (const href of links) {
      const pathname = href.split(/[?#]/)[0];
      const route = routes.find((candidate) => candidate.params && candidate.test.test(pathname));
      if (route && ![...found.values()].includes(route.path)) found.set(pathname, route.path);
    }
  }
  await page.close();
  return visits;
}

describe('every page in zh-CN (and English labels)', () => {
  it(
    'shows no raw key, no stray English word, no undefined and logs no console error, for every role',
    async () => {
      const problems: Problem[] = [];
      const started = Date.now();
      // One walk at a time: a 2-core machine runs the other suites meanwhile.
      const visits: number[] = [];
      for (const role of ROLES) visits.push(await walk(role, 'zh', problems));
      visits.push(await walk('admin', 'en', problems));
      const report = problems.map((p) => `${p.role} ${p.lang} ${p.route}: ${p.problem}`);
      console.log(`i18n walk: ${visits.reduce((a, b) => a + b, 0)} page visits in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      expect(report).toEqual([]);
    },
    600_000,
  );
});
