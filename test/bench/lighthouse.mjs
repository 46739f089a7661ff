#!/usr/bin/env node
// `npm run bench:lighthouse`: Lighthouse scores of the built web app (issue 13 §5 "A light first page").
//
//   login              performance ≥ 90, accessibility ≥ 95   (anonymous)
//   application list   accessibility ≥ 95                     (signed in as the district admin)
//   review sheet       accessibility ≥ 95                     (signed in as a reviewer, a scored sheet)
//
// The web app is rebuilt when its sources are newer than apps/web/dist (as npm start does), the API
// runs from apps/api/dist on a database of its own (xiaoshi_lighthouse_<pid>, migrated and seeded
// with the demo year, dropped at the end) and a Redis key prefix of its own, and serves the build
// the way production does (pre-compressed, cache headers). Lighthouse is not a project dependency:
// it runs through `npx --yes lighthouse@<version>` against Debian's Chromium, headless, without
// any network beyond this machine.
//
// Signed-in pages: the script signs in through the API (POST /api/auth/login) and hands the refresh
// cookie to Lighthouse as an extra Cookie header, so the page restores its session the way a reload
// does (refresh cookie → access token → /api/me). One sign-in per page: the refresh token rotates.
//
// Writes bench-results/lighthouse.json (with each page's full Lighthouse report beside it) and
// prints a table: page, category, score, goal, failing audits. Not part of `npm test`.
//
// Env: LIGHTHOUSE_VERSION (12.8.2: the newest release whose engines accept the project's Node 20;
//        13.x wants Node ≥ 22.19)
//      LIGHTHOUSE_THROTTLING (simulate: Lighthouse's default, a mid-range phone on slow 4G, simulated;
//        devtools: the same applied to the real load; provided: no throttling at all)
//      LIGHTHOUSE_ALSO_DESKTOP (1: also score the login page's performance with --preset=desktop, no
//        CPU slowdown and a fast network — informational, the office desktop the portal is used on;
//        0 skips it)
//      LIGHTHOUSE_RUNS (1; the login page's performance is the median of this many runs)
//      LIGHTHOUSE_STRICT=1 (exit 1 when a goal is missed)
//      LIGHTHOUSE_NO_BUILD=1 (use apps/web/dist and apps/api/dist as they are)
//      CHROME_PATH (/usr/bin/chromium)
//      BENCH_DATABASE_URL (else DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres — only
//        the server part is used)  REDIS_URL (redis://127.0.0.1:6379)
import { fork, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { freePort, httpRequest, renderTable, stopChild, waitForHttp } from '../../scripts/lib/runtime.mjs';
import { createBuilder } from '../../scripts/lib/build.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const pg = require('pg');
const { Redis } = require('ioredis');

const LIGHTHOUSE_VERSION = process.env.LIGHTHOUSE_VERSION ?? '12.8.2';
const THROTTLING = process.env.LIGHTHOUSE_THROTTLING ?? 'simulate';
const RUNS = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 1));
const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];
const DEMO_PASSWORD = 'Xiaoshi#2026';
const OUT_DIR = path.join(ROOT, 'bench-results');

const log = (message) => console.log(`[lighthouse] ${message}`);

// ---------------------------------------------------------------------------------------------
// Cleanup: whatever happens, stop the API, drop the database, delete the Redis keys.

const servers = [];
const cleanups = [];
let cleaningUp = null;

function cleanup() {
  cleaningUp ??= (async () => {
    await Promise.all(servers.map((child) => stopChild(child, { graceMs: 8000 })));
    for (const task of cleanups.reverse()) {
      try {
        await task();
      } catch (error) {
        console.error(`[lighthouse] cleanup: ${error.message}`);
      }
    }
  })();
  return cleaningUp;
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, () => {
    console.error(`\n[lighthouse] ${signal}: cleaning up`);
    void cleanup().finally(() => process.exit(130));
  });
}
process.on('exit', () => {
  for (const child of servers)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

// ---------------------------------------------------------------------------------------------
// Helpers

function databaseServerUrl() {
  const base =
    process.env.BENCH_DATABASE_URL ??
    process.env.DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/postgres';
  return (name) => {
    const url = new URL(base);
    url.pathname = `/${name}`;
    return url.toString();
  };
}

async function withClient(url, action) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await action(client);
  } finally {
    await client.end();
  }
}

/** Runs a child process to the end; resolves its output, rejects with it when it fails. */
function run(command, args, { env = process.env, echo = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk) => {
      output += chunk;
      if (echo) process.stdout.write(chunk);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0
        ? resolve(output)
        : reject(new Error(`${command} ${args.join(' ')} failed:\n${output.slice(-4000)}`)),
    );
  });
}

async function startApi(apiEnv) {
  const port = await freePort();
  const child = fork(path.join(ROOT, 'apps/api/dist/main.js'), [], {
    cwd: ROOT,
    env: { ...process.env, ...apiEnv, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    execArgv: [],
  });
  servers.push(child);
  let output = '';
  const keep = (chunk) => {
    output = (output + chunk).slice(-8000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  child.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${base}/api/health`, {
      timeoutMs: 90_000,
      abortIf: () => (child.exitCode !== null || child.signalCode !== null ? 'the API exited' : null),
    });
  } catch (error) {
    throw new Error(`the API did not start: ${error.message}\n${output}`, { cause: error });
  }
  return base;
}

/** Signs in through the API; returns the access token and the `name=value` of the refresh cookie. */
async function signIn(base, username) {
  const response = await httpRequest(`${base}/api/auth/login`, {
    method: 'POST',
    body: { username, password: DEMO_PASSWORD },
    timeoutMs: 15_000,
  });
  if (response.status !== 200)
    throw new Error(`sign-in as ${username}: HTTP ${response.status} ${response.body}`);
  const setCookie = [response.headers['set-cookie'] ?? []].flat();
  const refresh = setCookie.map((line) => line.split(';')[0]).find((pair) => pair.startsWith('xs_refresh='));
  if (!refresh) throw new Error(`sign-in as ${username}: no refresh cookie in ${JSON.stringify(setCookie)}`);
  return { accessToken: JSON.parse(response.body).accessToken, cookie: refresh };
}

async function getJson(base, pathname, accessToken) {
  const response = await httpRequest(`${base}${pathname}`, {
    headers: { authorization: `Bearer ${accessToken}` },
    timeoutMs: 15_000,
  });
  if (response.status !== 200) throw new Error(`GET ${pathname}: HTTP ${response.status} ${response.body}`);
  return JSON.parse(response.body);
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Runs Lighthouse once; returns its JSON report (also kept under bench-results/lighthouse/). */
async function lighthouse(url, { name, categories, cookie, preset, throttling = THROTTLING }) {
  const reportPath = path.join(OUT_DIR, 'lighthouse', `${name}.report.json`);
  const args = [
    '--yes',
    `lighthouse@${LIGHTHOUSE_VERSION}`,
    url,
    `--only-categories=${categories.join(',')}`,
    `--throttling-method=${throttling}`,
    `--chrome-flags=${CHROME_FLAGS.join(' ')}`,
    '--output=json',
    `--output-path=${reportPath}`,
    '--quiet',
    // The machine has no internet: nothing may be fetched from elsewhere.
    '--no-enable-error-reporting',
  ];
  if (preset) args.push(`--preset=${preset}`);
  if (cookie) args.push(`--extra-headers=${JSON.stringify({ Cookie: cookie })}`);
  await run('npx', args, { env: { ...process.env, CHROME_PATH } });
  return JSON.parse(readFileSync(reportPath, 'utf8'));
}

/** The audits of a category that do not pass (weight > 0, or any failing binary audit), worst first. */
function failingAudits(report, category) {
  const refs = report.categories[category]?.auditRefs ?? [];
  return refs
    .map((ref) => ({ ref, audit: report.audits[ref.id] }))
    .filter(
      ({ ref, audit }) =>
        audit &&
        audit.score !== null &&
        audit.score < (audit.scoreDisplayMode === 'binary' ? 1 : 0.9) &&
        (ref.weight > 0 || audit.scoreDisplayMode === 'binary') &&
        !['manual', 'notApplicable', 'informative'].includes(audit.scoreDisplayMode),
    )
    .sort((a, b) => b.ref.weight * (1 - b.audit.score) - a.ref.weight * (1 - a.audit.score))
    .map(({ ref, audit }) => ({
      id: ref.id,
      title: audit.title,
      score: audit.score,
      weight: ref.weight,
      displayValue: audit.displayValue,
      items: (audit.details?.items ?? []).slice(0, 8).map((item) => ({
        selector: item.node?.selector,
        snippet: item.node?.snippet,
        explanation: item.node?.explanation,
        url: item.url,
        wastedBytes: item.wastedBytes,
      })),
    }));
}

const METRICS = [
  ['first-contentful-paint', 'FCP'],
  ['largest-contentful-paint', 'LCP'],
  ['total-blocking-time', 'TBT'],
  ['cumulative-layout-shift', 'CLS'],
  ['speed-index', 'SI'],
];

function metricsOf(report) {
  return Object.fromEntries(
    METRICS.map(([id, short]) => [short, report.audits[id]?.displayValue ?? null]).filter(([, v]) => v),
  );
}

function scriptBytes(report) {
  const items = report.audits['resource-summary']?.details?.items ?? [];
  const script = items.find((item) => item.resourceType === 'script');
  return script ? { requests: script.requestCount, transferBytes: script.transferSize } : null;
}

// ---------------------------------------------------------------------------------------------

async function main() {
  if (!existsSync(CHROME_PATH))
    throw new Error(`no Chromium at ${CHROME_PATH}: apt-get install chromium (or set CHROME_PATH)`);
  if (process.env.LIGHTHOUSE_NO_BUILD !== '1') {
    // Score what the sources say: rebuild the libs, the API and the web app when they changed.
    const builder = createBuilder({
      root: ROOT,
      run: (command, args) => run(command, args, { env: { ...process.env, NODE_ENV: 'production' } }),
      say: log,
      warn: log,
    });
    await builder.buildLibs();
    await builder.buildApi();
    if (!(await builder.buildWeb())) throw new Error('the web app did not build');
  }
  for (const file of ['apps/api/dist/main.js', 'apps/api/dist/cli.js', 'apps/web/dist/index.html'])
    if (!existsSync(path.join(ROOT, file))) throw new Error(`${file} is missing: build first`);

  const tag = `${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const databaseName = `xiaoshi_lighthouse_${process.pid}`;
  const urlFor = databaseServerUrl();
  const adminUrl = urlFor('postgres');
  await withClient(adminUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${databaseName}"`);
  });
  cleanups.push(() =>
    withClient(adminUrl, (client) =>
      client.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`),
    ).then(() => log(`dropped database ${databaseName}`)),
  );
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const redisPrefix = `xslh_${tag}`;
  cleanups.push(async () => {
    const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect();
    let cursor = '0';
    let deleted = 0;
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${redisPrefix}*`, 'COUNT', 500);
      cursor = next;
      if (keys.length) deleted += await redis.del(...keys);
    } while (cursor !== '0');
    redis.disconnect();
    log(`deleted ${deleted} Redis keys under ${redisPrefix}`);
  });

  const apiEnv = {
    NODE_ENV: 'production',
    DATABASE_URL: urlFor(databaseName),
    REDIS_URL: redisUrl,
    REDIS_PREFIX: redisPrefix,
    JWT_ACCESS_SECRET: `lighthouse-${tag}-${'x'.repeat(40)}`,
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    // Plain http on 127.0.0.1: the refresh cookie is handed over as a header anyway.
    COOKIE_SECURE: 'false',
    DATA_DIR: path.join(os.tmpdir(), `xiaoshi-lighthouse-${tag}`),
  };
  cleanups.push(() => rmSync(apiEnv.DATA_DIR, { recursive: true, force: true }));
  log(`database ${databaseName}: migrating and seeding the demo year (a minute or two)`);
  let started = Date.now();
  await run(process.execPath, [path.join(ROOT, 'apps/api/dist/cli.js'), 'setup', '--demo'], {
    env: { ...process.env, ...apiEnv },
  });
  log(`seeded in ${((Date.now() - started) / 1000).toFixed(0)} s; starting the API`);
  const base = await startApi(apiEnv);

  // The review sheet: the demo reviewer's first task (a sheet of the demo year, scored and submitted).
  const reviewer = await signIn(base, 'reviewer');
  const tasks = await getJson(base, '/api/reviews/my', reviewer.accessToken);
  const task = tasks[0];
  if (!task) throw new Error('the demo reviewer has no review task');
  const { assignmentId } = task;

  const pages = [
    {
      name: 'login',
      label: 'login /login',
      path: '/login',
      categories: ['performance', 'accessibility'],
    },
    {
      name: 'applications',
      label: 'application list /applications',
      path: '/applications',
      categories: ['accessibility'],
      user: 'admin',
    },
    {
      name: 'review-sheet',
      label: `review sheet /reviews/${assignmentId}`,
      path: `/reviews/${assignmentId}`,
      categories: ['accessibility'],
      user: 'reviewer',
    },
  ];
  const GOALS = { performance: 90, accessibility: 95 };

  mkdirSync(path.join(OUT_DIR, 'lighthouse'), { recursive: true });
  log(`Lighthouse ${LIGHTHOUSE_VERSION} (npx), ${CHROME_PATH}, throttling: ${THROTTLING}`);
  const results = [];
  for (const page of pages) {
    started = Date.now();
    const reports = [];
    const runs = page.categories.includes('performance') ? RUNS : 1;
    for (let i = 0; i < runs; i += 1) {
      const cookie = page.user ? (await signIn(base, page.user)).cookie : undefined;
      reports.push(
        await lighthouse(`${base}${page.path}`, {
          name: runs > 1 ? `${page.name}-${i + 1}` : page.name,
          categories: page.categories,
          cookie,
        }),
      );
    }
    // The median run by the first category's score stands for the page.
    const byScore = [...reports].sort(
      (a, b) => a.categories[page.categories[0]].score - b.categories[page.categories[0]].score,
    );
    const report = byScore[Math.floor((byScore.length - 1) / 2)];
    if (report.runtimeError) throw new Error(`${page.label}: ${JSON.stringify(report.runtimeError)}`);
    const finalUrl = report.finalDisplayedUrl ?? report.finalUrl;
    if (new URL(finalUrl).pathname !== page.path)
      throw new Error(`${page.label}: Lighthouse ended on ${finalUrl} (not signed in?)`);
    for (const category of page.categories) {
      const score = Math.round(report.categories[category].score * 100);
      results.push({
        page: page.label,
        url: page.path,
        category,
        throttling: THROTTLING,
        score,
        scores: runs > 1 ? reports.map((r) => Math.round(r.categories[category].score * 100)) : undefined,
        median: runs > 1 ? median(reports.map((r) => r.categories[category].score * 100)) : undefined,
        goal: GOALS[category],
        met: score >= GOALS[category],
        metrics: category === 'performance' ? metricsOf(report) : undefined,
        // Lighthouse's CPU benchmark of this machine during the run: its simulated throttling
        // multiplies the CPU time it saw by 4, so a busy machine (a low index) scores lower.
        benchmarkIndex: report.environment?.benchmarkIndex,
        scripts: category === 'performance' ? scriptBytes(report) : undefined,
        failing: failingAudits(report, category),
      });
    }
    log(`${page.label}: done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }

  // Informational: the same login page scored as a desktop (no CPU slowdown, fast network).
  const extra = [];
  if (process.env.LIGHTHOUSE_ALSO_DESKTOP !== '0') {
    const report = await lighthouse(`${base}/login`, {
      name: 'login-desktop',
      categories: ['performance'],
      preset: 'desktop',
    });
    extra.push({
      page: 'login /login (desktop preset)',
      category: 'performance',
      score: Math.round(report.categories.performance.score * 100),
      benchmarkIndex: report.environment?.benchmarkIndex,
      metrics: metricsOf(report),
    });
  }

  const summary = {
    at: new Date().toISOString(),
    lighthouse: LIGHTHOUSE_VERSION,
    chromium: (await run(CHROME_PATH, ['--version']).catch(() => '')).trim(),
    node: process.version,
    throttling: THROTTLING,
    machine: { cores: os.cpus().length, load: os.loadavg() },
    results,
    informational: extra,
  };
  writeFileSync(path.join(OUT_DIR, 'lighthouse.json'), `${JSON.stringify(summary, null, 2)}\n`);

  console.log(
    `\n${renderTable(
      ['page', 'category', 'score', 'goal', 'failing audits'],
      [
        ...results.map((r) => [
          r.page,
          r.category,
          String(r.score) + (r.scores ? ` (runs ${r.scores.join('/')})` : ''),
          `≥ ${r.goal}${r.met ? '' : '  MISSED'}`,
          r.failing.map((a) => a.id + (a.displayValue ? ` (${a.displayValue})` : '')).join(', ') || '—',
        ]),
        ...extra.map((r) => [r.page, r.category, String(r.score), 'info', '—']),
      ],
    )}\n`,
  );
  log(
    `machine: ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)}; Lighthouse benchmark index ` +
      `${results.find((r) => r.benchmarkIndex)?.benchmarkIndex ?? '?'} (lower when the machine is busy)`,
  );
  for (const r of [...results, ...extra].filter((entry) => entry.metrics))
    log(
      `${r.page} metrics: ${Object.entries(r.metrics)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    );
  const missed = results.filter((r) => !r.met);
  log(
    `results written to bench-results/lighthouse.json — ${missed.length === 0 ? 'all goals met' : `${missed.length} goal(s) missed`}`,
  );
  return missed.length;
}

main()
  .then(async (missed) => {
    await cleanup();
    process.exit(missed && process.env.LIGHTHOUSE_STRICT === '1' ? 1 : 0);
  })
  .catch(async (error) => {
    console.error(`[lighthouse] failed: ${error.stack ?? error.message}`);
    await cleanup();
    process.exit(1);
  });
