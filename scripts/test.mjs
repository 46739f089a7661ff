#!/usr/bin/env node
// `npm test`: installs what is missing, then lint, typecheck/build, unit, API integration and
// browser suites against real PostgreSQL and Redis, and the fault suite against private servers it starts
// itself. Ends with one line: `N passed, N failed`.
// Usage: npm test [-- unit|api|browser|faults ...] [-- <test path pattern> ...] runs only some Jest projects or
// files. XIAOSHI_QUICK=1 skips lint and the type checks that do not build anything (for iterating;
// CI never sets it).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
// faults: starts, restarts and kills its own PostgreSQL, Redis and worker (~20 s); alone with `npm run test:faults`.
const PROJECTS = ['unit', 'api', 'browser', 'faults'];
const requested = process.argv.slice(2).filter((arg) => PROJECTS.includes(arg));
const patterns = process.argv.slice(2).filter((arg) => !PROJECTS.includes(arg));
const quick = process.env.XIAOSHI_QUICK === '1';
const projects = requested.length ? requested : PROJECTS;
const results = [];
let passed = 0;
let failed = 0;

function run(command, args, options = {}) {
  const started = Date.now();
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, ...options.env },
    cwd: root,
  });
  return { ok: result.status === 0, seconds: ((Date.now() - started) / 1000).toFixed(1) };
}

/** `run` without blocking the event loop, so that checks running meanwhile are heard. */
function runAsync(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      stdio: 'inherit',
      env: { ...process.env, ...options.env },
      cwd: root,
    });
    child.on('close', (code) => resolve({ ok: code === 0 }));
  });
}

/**
 * A check that is not a Jest test (install, lint, typecheck, build) counts as one test. Checks run
 * side by side, so output is held back and printed whole when the command ends.
 */
function checkBuffered(name, command, args, options = {}) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { env: { ...process.env, ...options.env }, cwd: root });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('close', (code) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const ok = code === 0;
      console.log(`\n=== ${name} (${seconds} s) ===`);
      process.stdout.write(Buffer.concat(output));
      results.push(`${ok ? 'PASS' : 'FAIL'} ${name} (${seconds} s)`);
      if (ok) passed += 1;
      else failed += 1;
      resolve(ok);
    });
  });
}

function newer(a, b) {
  return existsSync(a) && (!existsSync(b) || statSync(a).mtimeMs > statSync(b).mtimeMs);
}

// 1 and 2. Dependencies (`npm ci`, which installs exactly the lock file and rewrites no tracked
// file) and the browser prerequisites (Debian's Chromium, its old headless shell that the browser
// suites run in, and a CJK font, as root), side by side:
// both mostly wait on the network and the disk.
const wantsBrowser = projects.includes('browser');
const needsNpmCi =
  !existsSync('node_modules/.package-lock.json') ||
  newer('package-lock.json', 'node_modules/.package-lock.json');
const needsChromium =
  wantsBrowser &&
  [
    '/usr/bin/chromium',
    '/usr/bin/chromium-headless-shell',
    '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc',
  ].some((file) => !existsSync(file));
if (needsNpmCi || needsChromium) console.log('\n=== installing what is missing (npm ci, apt) ===');
const [dependenciesOk] = await Promise.all([
  needsNpmCi ? checkBuffered('npm ci', 'npm', ['ci', '--no-audit', '--no-fund']) : true,
  needsChromium
    ? checkBuffered(
        'apt-get install chromium chromium-headless-shell fonts-wqy-zenhei',
        'sh',
        [
          '-c',
          'apt-get update -qq && apt-get install -y -qq chromium chromium-headless-shell fonts-wqy-zenhei',
        ],
        { env: { DEBIAN_FRONTEND: 'noninteractive' } },
      )
    : true,
]);
if (!dependenciesOk) {
  console.log('\n=== summary ===');
  for (const line of results) console.log(line);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(1);
}

// 3 and 4. Static checks, the build and the template database, in two lanes side by side (the
// machine has two cores): lint and the tests' typecheck in one; building the libs and the API with
// tsc (which is also their typecheck), migrating and seeding the template database every test file
// clones, and the web app's typecheck and build in the other.
const runId = `${Date.now().toString(36)}${process.pid}`;
const serverUrl = process.env.XIAOSHI_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const template = `xs_test_${runId}_tpl`;
const templateUrl = new URL(serverUrl);
templateUrl.pathname = `/${template}`;

function psql(sql) {
  return run('node', [
    '-e',
    `const pg=require('pg');const c=new pg.Client(${JSON.stringify(serverUrl)});c.connect().then(()=>c.query(${JSON.stringify(sql)})).then(()=>c.end(),e=>{console.error(e.message);process.exit(1)})`,
  ]).ok;
}

let built = false;
let templateReady = false;
let webBuilt = false;
const staticLane = async () => {
  if (quick) return;
  await checkBuffered('lint (eslint)', 'npx', ['eslint', '.', '--max-warnings=0']);
  await checkBuffered('typecheck tests and specs', 'npx', ['tsc', '-p', 'test/tsconfig.json', '--noEmit']);
};
const buildLane = async () => {
  built =
    (await checkBuffered('typecheck+build libs/domain', 'npx', [
      'tsc',
      '-p',
      'libs/domain/tsconfig.build.json',
    ])) &&
    (await checkBuffered('typecheck+build libs/contracts', 'npx', [
      'tsc',
      '-p',
      'libs/contracts/tsconfig.build.json',
    ])) &&
    (await checkBuffered('typecheck+build apps/api', 'npx', ['tsc', '-p', 'apps/api/tsconfig.build.json']));
  if (built) {
    templateReady =
      psql(`CREATE DATABASE "${template}"`) &&
      (await checkBuffered(
        'migrate + seed template database',
        'node',
        ['apps/api/dist/cli.js', 'setup', '--base-only'],
        {
          env: { DATABASE_URL: templateUrl.toString(), LOG_LEVEL: 'warn' },
        },
      ));
  }
  webBuilt =
    (quick ||
      (await checkBuffered('typecheck apps/web', 'npx', [
        'tsc',
        '-p',
        'apps/web/tsconfig.json',
        '--noEmit',
      ]))) &&
    (!wantsBrowser ||
      (await checkBuffered('build apps/web (vite)', 'npm', ['run', 'build', '-w', '@xiaoshi/web'])));
};
// Jest starts as soon as the build lane is done: lint and the tests' typecheck (the longer lane,
// on one core) go on beside it instead of leaving the other core idle (~60 s on a 2-core machine).
const staticDone = staticLane();
await buildLane();

// 5. Jest: unit, api and browser projects in one run, results read from its JSON report.
const selected = projects.filter((project) => project !== 'browser' || webBuilt);
if (templateReady && selected.length) {
  mkdirSync('.test-results', { recursive: true });
  const report = path.join('.test-results', `jest-${runId}.json`);
  console.log(`\n=== jest: ${selected.join(', ')} ===`);
  await runAsync(
    'npx',
    [
      'jest',
      '--json',
      `--outputFile=${report}`,
      // One worker per core: a third one was measured on the idle 2-core machine and gained
      // nothing (Jest 630 s with three, 636 s with two), the run being CPU-bound.
      `--maxWorkers=${process.env.XIAOSHI_TEST_WORKERS ?? 2}`,
      '--forceExit',
      '--selectProjects',
      ...selected,
      ...(patterns.length ? ['--testPathPatterns', ...patterns] : []),
    ],
    {
      env: {
        NODE_OPTIONS: '--experimental-vm-modules --disable-warning=ExperimentalWarning',
        XIAOSHI_TEST_TEMPLATE_DB: template,
        XIAOSHI_TEST_RUN_ID: runId,
        XIAOSHI_TEST_PG_URL: serverUrl,
        XIAOSHI_TEST_WEB_DIST: path.join(root, 'apps/web/dist'),
        // A pattern picks API suites one file each; a whole run takes them in their groups.
        ...(patterns.length ? { XIAOSHI_API_SUITES: 'each' } : {}),
      },
    },
  );
  if (existsSync(report)) {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    passed += json.numPassedTests;
    failed += json.numFailedTests;
    // A suite that failed to load has no tests but is a failure all the same.
    const broken = json.testResults.filter(
      (suite) => suite.status === 'failed' && suite.assertionResults.length === 0,
    );
    failed += broken.length;
    results.push(
      `jest: ${json.numPassedTests} passed, ${json.numFailedTests} failed, ${broken.length} suites failed to run`,
    );
    for (const suite of broken)
      results.push(`  FAIL ${path.relative(root, suite.name)}: ${suite.message.split('\n')[0]}`);
    // Where the time goes: the slowest files, to keep the run within its 10 minutes.
    const timed = json.testResults
      .map((suite) => ({
        name: path.relative(root, suite.name).split(path.sep).join('/'),
        seconds: (suite.endTime - suite.startTime) / 1000,
      }))
      .sort((a, b) => b.seconds - a.seconds);
    const busy = timed.reduce((sum, suite) => sum + suite.seconds, 0);
    const wall = (Math.max(...json.testResults.map((suite) => suite.endTime)) - json.startTime) / 1000;
    console.log('\n=== slowest test files ===');
    for (const suite of timed.slice(0, 10))
      console.log(`${suite.seconds.toFixed(1).padStart(7)} s  ${suite.name}`);
    console.log(`jest: ${busy.toFixed(0)} s of test files in ${wall.toFixed(0)} s of wall time`);
    // After a full run, the durations the sequencer orders by (test/support/sequencer.mjs); copy
    // the file to test/durations.json when the times have moved.
    if (!patterns.length && !requested.length)
      writeFileSync(
        path.join('.test-results', 'durations.json'),
        `${JSON.stringify(Object.fromEntries(timed.map((suite) => [suite.name, Math.round(suite.seconds * 10) / 10])), null, 2)}\n`,
      );
    rmSync(report);
  } else {
    failed += 1;
    results.push('FAIL jest produced no report');
  }
} else if (!templateReady) {
  failed += 1;
  results.push('FAIL tests not run: the template database could not be prepared');
}

await staticDone;
if (templateReady || built) psql(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);

console.log('\n=== summary ===');
for (const line of results) console.log(line);
if (passed === 0) failed = Math.max(failed, 1); // a run that executed no test is a failure
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
