#!/usr/bin/env node
// `npm run bench:scale`: the scale benchmark of issue 13. Generates the data set of a whole
// province's year (default 1,000,000 applications) with the project's own schema into a database
// of its own, starts the built API on it, measures the pages officials use most with autocannon
// against GET /api/health in the same run, prints the EXPLAIN (ANALYZE, BUFFERS) of each list
// query and writes bench-results/scale.json. Not part of `npm test`.
//
// Two jobs of issue 13's goal table besides the pages: the quarterly stipend batch of the admin's
// district (100,000 people at the default size), prepared through the API as finance does it, and
// the Excel export of every application the district admin lists (about 116,400), run by the built
// worker — alone, then again while autocannon loads the application list. At a smaller
// --applications both are scaled down (the output says by how much); their goals are for full size.
//
// The audit log at 10,000,000 rows (ten per application): a district admin's page of it, an
// application's history, and the chain checks the worker runs — the weekly full one and the nightly
// incremental one after a day's events.
//
//   node test/bench/scale.mjs [--applications 1000000] [--reviews 5] [--audit N] [--keep] [--db NAME]
//     --applications  size of the data set (50000 for a quick run); see scale-data.mjs for the layout
//     --reviews       review assignments (and submitted score sheets) per application, 0 to skip
//     --audit         audit rows inserted through the hash-chain trigger (default: 10 per application; 0 skips)
//     --keep          keep the database afterwards (its name is printed)
//     --db NAME       measure an existing database made by --keep (no generation; the API migrates it)
//
// Env: BENCH_SECONDS (10)  BENCH_WARMUP_SECONDS (2)  BENCH_CONNECTIONS (20)
//      BENCH_API_DIST (apps/api/dist, API and worker; not rebuilt here — run `npm run build -w @xiaoshi/api`)
//      BENCH_DATABASE_URL / DATABASE_URL (server part only)  REDIS_URL (redis://127.0.0.1:6379)
//      BENCH_EXPORT_RUNS (3: the export under load, each run after one of the load alone; the median counts)
import { fork, spawn } from 'node:child_process';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import {
  freePort,
  httpRequest,
  processCpuMicros,
  renderTable,
  sleep,
  stopChild,
  waitForHttp,
} from '../../scripts/lib/runtime.mjs';
import {
  COMMUNITIES,
  FIRST_OFFICER,
  FIRST_STREET,
  PER_COMPETITION,
  STIPEND_PROGRAMME,
  STIPEND_QUARTER,
  adminCompetitions,
  scaleSteps,
  stipendPeople,
} from './scale-data.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const autocannon = require('autocannon');
const pg = require('pg');
const argon2 = require('argon2');
const { Redis } = require('ioredis');
const ExcelJS = require('exceljs');

const { values: args } = parseArgs({
  options: {
    applications: { type: 'string', default: '1000000' },
    reviews: { type: 'string', default: '5' },
    audit: { type: 'string' },
    keep: { type: 'boolean', default: false },
    db: { type: 'string' },
  },
});
const APPLICATIONS = Number(args.applications);
const REVIEWS = Number(args.reviews);
const AUDIT = args.audit === undefined ? 10 * APPLICATIONS : Number(args.audit);
// The events of a busy day in a province (what the nightly incremental check reads).
const AUDIT_DAY_EVENTS = 20_000;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
// The export beside the API's load is measured this many times, each after a run of the load alone
// (a p99 over 10 s moves by tens of percent from run to run on a 2-core machine); the median run counts.
const EXPORT_RUNS = Math.max(1, Number(process.env.BENCH_EXPORT_RUNS ?? 3));
const GOAL_P99_MS = 100;
// A page of a stipend batch's lines as the portal reads it (the contracts' STIPEND_BATCH_FIRST_LINES,
// also the API's default) and the largest page the API gives a client (STIPEND_BATCH_LINES_MAX).
const LINES_PAGE = 100;
const LINES_MAX = 500;
// Issue 13's goals for the two jobs, at full size (an export of ~100,000 rows, a batch of 100,000 people).
const GOAL_EXPORT_SECONDS = 10;
const GOAL_EXPORT_WORKER_MIB = 300;
const GOAL_EXPORT_P99_RATIO = 1.2;
const GOAL_BATCH_SECONDS = 10;
// The nightly check runs while people work: a day's events in well under a minute.
const GOAL_AUDIT_NIGHTLY_SECONDS = 60;
const FULL_SIZE = 1_000_000;
const PASSWORD = 'Bench#2026-scale';

const log = (message) => console.log(`[bench:scale] ${message}`);
const cleanups = [];
let api = null;
let worker = null;

async function cleanup() {
  if (worker) await stopChild(worker.child, { graceMs: 8000 });
  if (api) await stopChild(api.child, { graceMs: 8000 });
  for (const task of cleanups.reverse()) {
    try {
      await task();
    } catch (error) {
      console.error(`[bench:scale] cleanup: ${error.message}`);
    }
  }
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => void cleanup().finally(() => process.exit(130)));
}

function urlFor(name) {
  const url = new URL(
    process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  );
  url.pathname = `/${name}`;
  return url.toString();
}

async function withClient(url, action) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await action(client);
  } finally {
    await client.end();
  }
}

function run(command, commandArgs, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, commandArgs, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`${commandArgs.join(' ')}:\n${output}`))));
  });
}

function cannon(options) {
  return new Promise((resolve, reject) =>
    autocannon({ connections: CONNECTIONS, pipelining: 1, ...options }, (error, result) =>
      error ? reject(error) : resolve(result),
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// The SQL of each list route as its repository issues it (kept in step by the id check below),
// for EXPLAIN (ANALYZE, BUFFERS). $1 is the user's unit.

const SUMMARY = `SELECT a.id, a.competition_id, a.title, a.status, a.requested_subsidy_fen, a.total_cost_fen,
  a.beneficiaries_count, a.submitted_at, a.updated_at,
  cat.id AS category_id, cat.key AS category_key, cat.name AS category_name,
  s.id AS street_id, s.name AS street_name, c.id AS community_id, c.name AS community_name
  FROM application a JOIN competition_category cat ON cat.id = a.category_id
  JOIN org_unit s ON s.id = a.street_id JOIN org_unit c ON c.id = a.community_id`;
const unitScope = (column) =>
  `${column} IN (SELECT scope.id FROM org_unit scope WHERE scope.id = $1 OR scope.ancestor_ids @> ARRAY[$1::int])`;
// Mirrors ApplicationsService.scopeCondition: a street officer's scope is the street column.
const applicationScope = (district) =>
  district
    ? `(a.district_id = $1 AND a.status NOT IN ('draft', 'awaiting_street'))`
    : 'a.street_id = $1';

function applicationListSql({ district, streetId, status, cursor, limit = 50 }) {
  const params = [];
  const conditions = [applicationScope(district)];
  const add = (sql, value) => {
    params.push(value);
    conditions.push(sql.replace('?', `$${params.length + 1}`));
  };
  if (cursor) add('a.id < ?', cursor);
  if (streetId) add('a.street_id = ?', streetId);
  if (status && !status.includes(',')) add('a.status = ?', status);
  else if (status) add('a.status = ANY(?::text[])', status.split(','));
  params.push(limit + 1);
  return {
    sql: `${SUMMARY} WHERE ${conditions.join(' AND ')} ORDER BY a.id DESC LIMIT $${params.length + 1}`,
    params,
  };
}

const RANKING_ALL = `SELECT r.application_id, r.rank, r.score, r.method, r.sheets_used, r.sheets_submitted, r.sheets_due, r.spread,
  r.disagreement, r.fundable, r.criterion_means, a.title, a.beneficiaries_count, a.requested_subsidy_fen,
  cat.name AS category, s.name AS street, c.name AS community
  FROM application_ranking r JOIN application a ON a.id = r.application_id
  JOIN competition_category cat ON cat.id = a.category_id JOIN org_unit s ON s.id = a.street_id JOIN org_unit c ON c.id = a.community_id
  WHERE r.competition_id = $1 ORDER BY cat.name, r.rank`;

const RANKING_COLUMNS = `r.application_id, r.rank, r.score, r.method, r.sheets_used, r.sheets_submitted, r.sheets_due,
  r.spread, r.disagreement, r.fundable, r.criterion_means, a.title, a.beneficiaries_count, a.requested_subsidy_fen,
  cat.name AS category, s.name AS street, c.name AS community`;
const RANKING_PAGE = `SELECT page.* FROM (
    SELECT DISTINCT cc.name,
           CASE WHEN cc.name = k.name THEN k.rank ELSE 0 END AS from_rank,
           CASE WHEN cc.name = k.name THEN k.application_id ELSE 0 END AS from_id
    FROM competition_category cc LEFT JOIN (
      SELECT cat.name, r.rank, r.application_id FROM application_ranking r
      JOIN application a ON a.id = r.application_id JOIN competition_category cat ON cat.id = a.category_id
      WHERE r.competition_id = $1 AND r.application_id = $2
    ) k ON true
    WHERE cc.competition_id = $1 AND ($2::int IS NULL OR cc.name >= k.name)
  ) names CROSS JOIN LATERAL (
    SELECT ${RANKING_COLUMNS}
    FROM application_ranking r JOIN application a ON a.id = r.application_id
    JOIN competition_category cat ON cat.id = a.category_id JOIN org_unit s ON s.id = a.street_id JOIN org_unit c ON c.id = a.community_id
    WHERE r.competition_id = $1 AND cat.name = names.name
      AND (r.rank, r.application_id) > (names.from_rank, names.from_id)
    ORDER BY r.rank, r.application_id LIMIT $3
  ) page
  ORDER BY page.category, page.rank, page.application_id LIMIT $3`;

const LEDGER_LINES = `SELECT l.id, l.name, pr.year, pr.name AS programme, l.amount_fen, l.adjusted_fen, l.committed_fen, l.paid_fen
  FROM budget_line l JOIN programme pr ON pr.id = l.programme_id
  WHERE ${unitScope('l.unit_id')} AND ($2::int IS NULL OR pr.year = $2) ORDER BY l.id`;
const LEDGER_STREETS = `WITH streets AS (
    SELECT s.id, s.name FROM org_unit s WHERE s.kind = 'street' AND ${unitScope('s.id')}
  ), money AS (
    SELECT f.street_id, sum(f.awarded_fen) AS awarded, sum(f.paid_fen) AS paid
    FROM ledger_street_figure f WHERE f.street_id IN (SELECT id FROM streets) GROUP BY f.street_id
  ), projects AS (
    SELECT f.street_id, sum(f.projects)::int AS projects,
           coalesce(sum(f.projects) FILTER (WHERE f.status = ANY($2::varchar[])), 0)::int AS accepted
    FROM project_figure f WHERE f.street_id IN (SELECT id FROM streets) GROUP BY f.street_id
  )
  SELECT s.id, s.name, coalesce(money.awarded, 0) AS awarded, coalesce(money.paid, 0) AS paid,
         coalesce(projects.projects, 0) AS projects, coalesce(projects.accepted, 0) AS accepted
  FROM streets s LEFT JOIN money ON money.street_id = s.id LEFT JOIN projects ON projects.street_id = s.id
  ORDER BY s.id`;

// StipendBatchesRepository.linesPage as finance of the unit that runs the programme reads it (its
// lineScope: every line of the batch, `$1::int IS NOT NULL`): $2 the batch, $3 the line after which the
// page starts, $4 limit + 1.
const BATCH_LINES_PAGE = `SELECT l.id, l.person_id, l.street_id, l.community_id, l.name, l.national_id, l.bank_name, l.bank_account,
  l.months, l.monthly_rate_fen, l.amount_fen, l.detail, s.name AS street_name, c.name AS community_name
  FROM stipend_batch_line l JOIN org_unit s ON s.id = l.street_id JOIN org_unit c ON c.id = l.community_id
  WHERE l.batch_id = $2 AND l.id > $3 AND $1::int IS NOT NULL
  ORDER BY l.id LIMIT $4`;

// ---------------------------------------------------------------------------------------------

async function generate(databaseUrl, apiDist, apiEnv) {
  const timings = [];
  let started = Date.now();
  await run(process.execPath, [path.join(apiDist, 'cli.js'), 'migrate'], { ...process.env, ...apiEnv });
  timings.push({ step: 'migrations', seconds: (Date.now() - started) / 1000 });
  log(`migrations: ${timings[0].seconds.toFixed(1)} s`);
  const passwordHash = await argon2.hash(PASSWORD, { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 });
  await withClient(databaseUrl, async (client) => {
    await client.query(`SET maintenance_work_mem = '256MB'`);
    for (const { label, sql, triggers } of scaleSteps({
      applications: APPLICATIONS,
      reviewsPerApplication: REVIEWS,
      audit: AUDIT,
      passwordHash,
    })) {
      started = Date.now();
      await client.query(`SET session_replication_role = ${triggers ? 'DEFAULT' : 'replica'}`);
      await client.query(sql);
      const seconds = (Date.now() - started) / 1000;
      timings.push({ step: label, seconds });
      log(`${label}: ${seconds.toFixed(1)} s`);
    }
  });
  return timings;
}

async function startApi(apiDist, env) {
  const port = await freePort();
  const child = fork(path.join(apiDist, 'main.js'), [], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    execArgv: [],
  });
  let output = '';
  const keep = (chunk) => (output = (output + chunk).slice(-8000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const base = `http://127.0.0.1:${port}`;
  const started = Date.now();
  try {
    // The API migrates on start: new indexes on a kept database are built here.
    await waitForHttp(`${base}/api/health`, {
      timeoutMs: 20 * 60_000,
      abortIf: () => (child.exitCode !== null ? 'the API exited' : null),
    });
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`the API did not start: ${error.message}\n${output}`, { cause: error });
  }
  return { child, base, startSeconds: (Date.now() - started) / 1000 };
}

/** A process's resident set now and at its peak (VmRSS, VmHWM), in MiB. */
function memoryMiB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
}

/** The built worker with the API's environment (its database, Redis key prefix and DATA_DIR). */
async function startWorker(apiDist, env) {
  const child = spawn(process.execPath, [path.join(apiDist, 'worker.js')], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk) => (output = (output + chunk).slice(-8000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const started = Date.now();
  while (!output.includes('Xiaoshi worker running')) {
    if (child.exitCode !== null || Date.now() - started > 5 * 60_000) {
      child.kill('SIGKILL');
      throw new Error(`the worker did not start:\n${output}`);
    }
    await sleep(200);
  }
  return { child, startSeconds: (Date.now() - started) / 1000 };
}

async function measure(target) {
  const url = `${api.base}${target.path}`;
  const connections = target.connections ?? CONNECTIONS;
  if (WARMUP > 0) await cannon({ url, headers: target.headers, duration: WARMUP, connections });
  const cpuBefore = processCpuMicros(api.child.pid);
  const result = await cannon({ url, headers: target.headers, duration: SECONDS, connections, timeout: 30 });
  const cpu = processCpuMicros(api.child.pid) - cpuBefore;
  return summary(result, connections, cpu);
}

/** What a measurement keeps of an autocannon result (`cpu`: the API's CPU time meanwhile, µs). */
function summary(result, connections, cpu) {
  const completed = result['2xx'] + result.non2xx;
  return {
    connections,
    requests: completed,
    requestsPerSecond: completed / result.duration,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
    },
    apiCpuMicrosPerRequest: completed ? Math.round(cpu / completed) : null,
  };
}

/**
 * Prepares STIPEND_QUARTER's batch of the stipend programme as the web app does (POST
 * /api/stipends/programmes/:id/batches with { year, quarter }), as finance, whose role prepares
 * batches. On a kept database (--db) the batch of an earlier run is rejected first, through the
 * API: that frees the quarter.
 */
async function prepareStipendBatch(finance, expectedPeople) {
  const { year, quarter } = STIPEND_QUARTER;
  const batches = `${api.base}/api/stipends/batches?programmeId=${STIPEND_PROGRAMME}&limit=200`;
  const listed = await httpRequest(batches, { headers: finance.headers });
  if (listed.status !== 200)
    throw new Error(`stipend batches: HTTP ${listed.status} ${listed.body.slice(0, 300)}`);
  for (const earlier of JSON.parse(listed.body).items) {
    if (earlier.kind !== 'quarterly' || earlier.year !== year || earlier.quarter !== quarter) continue;
    if (earlier.status === 'rejected') continue;
    const rejected = await httpRequest(`${api.base}/api/stipends/batches/${earlier.id}/reject`, {
      method: 'POST',
      headers: finance.headers,
      body: { version: earlier.version, reason: '压测重跑：重新生成本季度批次' },
      timeoutMs: 60_000,
    });
    if (rejected.status !== 200)
      throw new Error(`rejecting batch #${earlier.id}: HTTP ${rejected.status} ${rejected.body}`);
    log(`rejected stipend batch #${earlier.id} of an earlier run (frees ${year}Q${quarter})`);
  }
  const before = memoryMiB(api.child.pid);
  const started = Date.now();
  const response = await httpRequest(`${api.base}/api/stipends/programmes/${STIPEND_PROGRAMME}/batches`, {
    method: 'POST',
    headers: finance.headers,
    body: { year, quarter },
    timeoutMs: 15 * 60_000,
  });
  const seconds = (Date.now() - started) / 1000;
  const after = memoryMiB(api.child.pid);
  if (response.status !== 201)
    throw new Error(`stipend batch: HTTP ${response.status} ${response.body.slice(0, 500)}`);
  const view = JSON.parse(response.body);
  if (view.peopleCount !== expectedPeople || view.lineCount !== expectedPeople)
    throw new Error(
      `stipend batch: ${view.peopleCount} people, ${view.lineCount} lines; the programme has ${expectedPeople}`,
    );
  return {
    id: view.id,
    period: view.period,
    peopleCount: view.peopleCount,
    totalFen: view.totalFen,
    firstLines: view.lines.length,
    // Paginated: the response carries a first page of lines and the cursor of the next.
    paginated: view.lines.length < view.peopleCount ? view.linesNextCursor !== null : true,
    seconds,
    responseBytes: Buffer.byteLength(response.body),
    apiRssBeforeMiB: before.rss,
    apiRssAfterMiB: after.rss,
    apiPeakMiB: after.peak,
  };
}

/** autocannon until stop() (which resolves with its result), for a load of unknown length. */
function startCannon(options) {
  let instance;
  const done = new Promise((resolve, reject) => {
    instance = autocannon({ connections: CONNECTIONS, pipelining: 1, ...options }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });
  return {
    stop() {
      instance.stop();
      return done;
    },
  };
}

/**
 * One Excel export of everything the district admin lists (no filter), as the web app asks for it:
 * POST /api/applications/exports, then GET /api/exports/:id until done. With `load`, autocannon
 * reads that list target from the request until the export is done.
 */
async function runExport(admin, load) {
  let workerRssMaxMiB = 0;
  const sample = () => {
    if (worker.child.exitCode === null)
      workerRssMaxMiB = Math.max(workerRssMaxMiB, memoryMiB(worker.child.pid).rss);
  };
  const sampler = setInterval(sample, 100);
  const cpuBefore = processCpuMicros(worker.child.pid);
  const apiCpuBefore = processCpuMicros(api.child.pid);
  const started = Date.now();
  try {
    const requested = await httpRequest(`${api.base}/api/applications/exports`, {
      method: 'POST',
      headers: admin.headers,
      body: {},
      timeoutMs: 60_000,
    });
    if (requested.status !== 201)
      throw new Error(`export: HTTP ${requested.status} ${requested.body.slice(0, 300)}`);
    let job = JSON.parse(requested.body);
    const cannon = load
      ? startCannon({ url: `${api.base}${load.path}`, headers: load.headers, duration: 3600, timeout: 30 })
      : null;
    while (job.status === 'queued' || job.status === 'running') {
      if (Date.now() - started > 30 * 60_000) throw new Error(`export ${job.id}: not done after 30 minutes`);
      await sleep(200);
      const polled = await httpRequest(`${api.base}/api/exports/${job.id}`, {
        headers: admin.headers,
        timeoutMs: 60_000,
      });
      if (polled.status !== 200)
        throw new Error(`export ${job.id}: HTTP ${polled.status} ${polled.body.slice(0, 300)}`);
      job = JSON.parse(polled.body);
    }
    const seconds = (Date.now() - started) / 1000;
    const loaded = cannon ? await cannon.stop() : null;
    sample();
    if (job.status !== 'done') throw new Error(`export ${job.id} ${job.status}: ${job.error}`);
    return {
      jobId: job.id,
      rowCount: job.rowCount,
      seconds,
      serverSeconds: (Date.parse(job.finishedAt) - Date.parse(job.createdAt)) / 1000,
      workerCpuSeconds: (processCpuMicros(worker.child.pid) - cpuBefore) / 1e6,
      workerRssMaxMiB,
      workerPeakMiB: memoryMiB(worker.child.pid).peak,
      load: loaded && summary(loaded, CONNECTIONS, processCpuMicros(api.child.pid) - apiCpuBefore),
    };
  } finally {
    clearInterval(sampler);
  }
}

/** Downloads an export as its requester does and counts the rows of its sheet (exceljs streaming reader). */
async function downloadExport(admin, jobId, file) {
  const response = await fetch(`${api.base}/api/exports/${jobId}/download`, { headers: admin.headers });
  if (!response.ok) throw new Error(`export ${jobId} download: HTTP ${response.status}`);
  await pipeline(Readable.fromWeb(response.body), createWriteStream(file));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });
  let sheets = 0;
  let rows = 0;
  for await (const sheet of reader) {
    sheets += 1;
    for await (const row of sheet) if (row.hasValues) rows += 1;
  }
  return { bytes: statSync(file).size, sheets, rows };
}

/**
 * The export row: the worker started beside the API (same database, Redis key prefix and DATA_DIR),
 * the list target measured with the worker idle, one export alone (time, rows, the worker's peak
 * RSS — VmHWM since its start — and the file checked), then BENCH_EXPORT_RUNS times the list target
 * alone and an export while autocannon reads the same target. The worker is stopped again
 * afterwards, so it takes no part in the other rows.
 */
async function measureExport(apiDist, env, admin, target, expectedRows) {
  worker = await startWorker(apiDist, env);
  const workerStartMiB = memoryMiB(worker.child.pid).rss;
  log(`worker up in ${worker.startSeconds.toFixed(1)} s (RSS ${workerStartMiB.toFixed(0)} MiB)`);
  try {
    const loadTarget = { ...target, headers: admin.headers };
    const alone = await runExport(admin, null);
    const file = `${env.DATA_DIR}-export.xlsx`;
    cleanups.push(() => rmSync(file, { force: true }));
    const download = await downloadExport(admin, alone.jobId, file);
    if (alone.rowCount !== expectedRows || download.rows !== alone.rowCount + 1 || download.sheets !== 1)
      throw new Error(
        `export ${alone.jobId}: rowCount ${alone.rowCount} (the admin lists ${expectedRows}), ` +
          `${download.rows} rows in ${download.sheets} sheet(s) of the file (expected rowCount + 1 with the header)`,
      );
    log(
      `export alone: ${alone.rowCount.toLocaleString('en')} rows in ${alone.seconds.toFixed(1)} s, worker peak ${alone.workerPeakMiB.toFixed(0)} MiB, ` +
        `file ${(download.bytes / 1048576).toFixed(1)} MiB with ${download.rows.toLocaleString('en')} rows (header included)`,
    );
    // Load alone, then the same load with an export running, EXPORT_RUNS times; the run with the
    // median ratio of the two p99s is the one reported.
    const runs = [];
    for (let run = 1; run <= EXPORT_RUNS; run += 1) {
      const idle = await measure(loadTarget);
      const loaded = await runExport(admin, loadTarget);
      const ratio = loaded.load.latencyMs.p99 / idle.latencyMs.p99;
      runs.push({ idle, loaded, ratio });
      log(
        `export under load ${run}/${EXPORT_RUNS}: ${loaded.seconds.toFixed(1)} s; ${target.label}: ` +
          `p99 ${idle.latencyMs.p99} ms (${idle.requestsPerSecond.toFixed(0)} req/s) alone → ${loaded.load.latencyMs.p99} ms ` +
          `(${loaded.load.requestsPerSecond.toFixed(0)} req/s) with the export, × ${ratio.toFixed(2)}`,
      );
    }
    const { idle, loaded } = [...runs].sort((a, b) => a.ratio - b.ratio)[Math.floor((runs.length - 1) / 2)];
    const ratios = runs.map((run) => Number(run.ratio.toFixed(2)));
    const workerStartSeconds = worker.startSeconds;
    return { workerStartSeconds, workerStartMiB, target: target.id, idle, alone, download, loaded, ratios };
  } finally {
    await stopChild(worker.child, { graceMs: 8000 });
    worker = null;
  }
}

/**
 * The audit chain checks as the worker runs them (job `audit.verify-chain`): the weekly full check
 * of the whole log, then a day's events appended through the hash-chain trigger and the nightly
 * incremental check, which reads only the events after the last good check. Each check's result is
 * the row it records in audit_chain_check.
 */
async function measureAuditChecks(apiDist, env, databaseUrl) {
  const { Queue } = require('bullmq');
  worker = await startWorker(apiDist, env);
  const connection = new Redis(env.REDIS_URL, { maxRetriesPerRequest: null });
  const queue = new Queue('xiaoshi', { connection, prefix: `${env.REDIS_PREFIX}:bull` });
  try {
    const check = async (mode) => {
      const latest = async () =>
        withClient(databaseUrl, async (client) => {
          const { rows } = await client.query(
            `SELECT id, ok, checked_events, from_seq, last_seq FROM audit_chain_check ORDER BY id DESC LIMIT 1`,
          );
          return rows[0] ?? { id: 0 };
        });
      const before = (await latest()).id;
      const cpuBefore = processCpuMicros(worker.child.pid);
      const started = Date.now();
      await queue.add('audit.verify-chain', { requestedByUserId: null, mode }, { removeOnComplete: true });
      for (;;) {
        if (Date.now() - started > 30 * 60_000) throw new Error(`audit check (${mode}): not done after 30 minutes`);
        await sleep(250);
        const row = await latest();
        if (row.id > before) {
          const seconds = (Date.now() - started) / 1000;
          const result = {
            mode,
            seconds,
            ok: row.ok,
            checkedEvents: Number(row.checked_events),
            fromSeq: row.from_seq === null ? null : Number(row.from_seq),
            lastSeq: Number(row.last_seq),
            workerCpuSeconds: (processCpuMicros(worker.child.pid) - cpuBefore) / 1e6,
          };
          if (!result.ok) throw new Error(`audit check (${mode}) found the chain broken: ${JSON.stringify(row)}`);
          log(
            `audit chain check, ${mode}: ${result.checkedEvents.toLocaleString('en')} events in ${seconds.toFixed(1)} s` +
              (result.fromSeq === null ? '' : ` (from seq ${result.fromSeq.toLocaleString('en')})`),
          );
          return result;
        }
      }
    };
    const full = await check('full');
    const appended = Date.now();
    await withClient(databaseUrl, (client) =>
      client.query(
        `INSERT INTO audit_event (actor_user_id, actor_username, action, entity_type, entity_id, after)
         SELECT ${FIRST_OFFICER} + g % ${COMMUNITIES}, 'c' || (g % ${COMMUNITIES}), 'application.update', 'application', (1 + g)::text, jsonb_build_object('day', g)
         FROM generate_series(1, $1::int) g`,
        [AUDIT_DAY_EVENTS],
      ),
    );
    log(`a day's events: ${AUDIT_DAY_EVENTS.toLocaleString('en')} appended in ${((Date.now() - appended) / 1000).toFixed(1)} s`);
    const nightly = await check('incremental');
    if (nightly.fromSeq === null || nightly.checkedEvents < AUDIT_DAY_EVENTS)
      throw new Error(`the nightly check read ${nightly.checkedEvents} events from ${nightly.fromSeq}: not incremental`);
    return { full, nightly };
  } finally {
    await queue.close();
    connection.disconnect();
    await stopChild(worker.child, { graceMs: 8000 });
    worker = null;
  }
}

async function main() {
  const apiDist = path.resolve(ROOT, process.env.BENCH_API_DIST ?? 'apps/api/dist');
  if (!existsSync(path.join(apiDist, 'main.js'))) throw new Error(`the API is not built (${apiDist})`);
  const tag = `${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const databaseName = args.db ?? `xiaoshi_scale_${APPLICATIONS}_${process.pid}`;
  const databaseUrl = urlFor(databaseName);
  const adminUrl = urlFor('postgres');
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const apiEnv = {
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: `xsscale_${tag}`,
    JWT_ACCESS_SECRET: `scale-${tag}-${'x'.repeat(40)}`,
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    DATA_DIR: path.join(os.tmpdir(), `xiaoshi-scale-${tag}`),
  };
  cleanups.push(() => rmSync(apiEnv.DATA_DIR, { recursive: true, force: true }));
  cleanups.push(async () => {
    const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${apiEnv.REDIS_PREFIX}*`, 'COUNT', 500);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
    redis.disconnect();
  });

  let timings = [];
  const generationStarted = Date.now();
  if (!args.db) {
    await withClient(adminUrl, async (client) => {
      await client.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
      await client.query(`CREATE DATABASE "${databaseName}"`);
    });
    if (!args.keep) {
      cleanups.push(() =>
        withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`)).then(() =>
          log(`dropped database ${databaseName}`),
        ),
      );
    }
    log(
      `generating ${APPLICATIONS.toLocaleString('en')} applications (${REVIEWS} reviews each, ${AUDIT.toLocaleString('en')} audit rows) into ${databaseName}`,
    );
    timings = await generate(databaseUrl, apiDist, apiEnv);
  }
  const generationSeconds = (Date.now() - generationStarted) / 1000;
  if (!args.db) log(`generated in ${generationSeconds.toFixed(0)} s`);

  const counts = await withClient(databaseUrl, async (client) => {
    const tables = ['application', 'application_ranking', 'review_assignment', 'score_sheet', 'award', 'project', 'payment', 'ledger_entry', 'audit_event', 'org_unit'];
    const result = {};
    for (const table of tables) result[table] = Number((await client.query(`SELECT count(*) FROM ${table}`)).rows[0].count);
    for (const table of ['stipend_person', 'stipend_report_entry', 'stipend_batch_line'])
      result[table] = Number((await client.query(`SELECT count(*) FROM ${table}`)).rows[0].count);
    return result;
  });
  log(`rows: ${JSON.stringify(counts)}`);
  // What the admin's district holds (user 1 is `admin`): the applications its admin lists (and
  // exports) — every one of the district's but drafts —, the id in the middle of them, and the
  // people of its stipend programme.
  const district = await withClient(databaseUrl, async (client) => {
    const { rows } = await client.query(
      `SELECT count(*)::int AS applications,
              (count(*) FILTER (WHERE a.status NOT IN ('draft', 'awaiting_street')))::int AS listed,
              (SELECT count(*)::int FROM stipend_person p WHERE p.programme_id = $1) AS people
       FROM application a WHERE a.district_id = (SELECT unit_id FROM app_user WHERE id = 1)`,
      [STIPEND_PROGRAMME],
    );
    const middle = await client.query(
      `SELECT id AS "middleId" FROM application WHERE district_id = (SELECT unit_id FROM app_user WHERE id = 1)
       ORDER BY id OFFSET $1 LIMIT 1`,
      [Math.floor(rows[0].applications / 2)],
    );
    return { ...rows[0], ...middle.rows[0] };
  });
  const scaled = counts.application < FULL_SIZE;
  const fullListed = Math.round(adminCompetitions(FULL_SIZE) * PER_COMPETITION * 0.97);
  log(
    `the admin's district: ${district.applications.toLocaleString('en')} applications, ${district.listed.toLocaleString('en')} listed by its admin (exported); ` +
      `its stipend programme: ${district.people.toLocaleString('en')} people` +
      (scaled
        ? ` — scaled down with the data set (1:${(FULL_SIZE / counts.application).toFixed(0)}); at ${FULL_SIZE.toLocaleString('en')} applications: ` +
          `about ${fullListed.toLocaleString('en')} listed and ${stipendPeople(FULL_SIZE).toLocaleString('en')} people, which the goals of the export and the batch are for`
        : ''),
  );

  // An auditor of street1's street: the audit page below a district (its district's events, each
  // tested against the street's subtree). Added here, so that a database kept by an earlier run has it too.
  await withClient(databaseUrl, (client) =>
    client.query(
      `INSERT INTO app_user (username, display_name, password_hash, unit_id, roles, version)
       SELECT 'streetaudit', '压测街道审计', password_hash, unit_id, ARRAY['auditor']::varchar[], 1 FROM app_user WHERE username = 'street1'
       ON CONFLICT (username) DO NOTHING`,
    ),
  );

  api = await startApi(apiDist, apiEnv);
  log(`API up in ${api.startSeconds.toFixed(1)} s (migrations on start included)`);
  const login = async (username) => {
    const response = await httpRequest(`${api.base}/api/auth/login`, {
      method: 'POST',
      body: { username, password: PASSWORD },
    });
    if (response.status !== 200) throw new Error(`login ${username}: HTTP ${response.status} ${response.body}`);
    const session = JSON.parse(response.body);
    return { headers: { authorization: `Bearer ${session.accessToken}` }, unitId: session.user.unit.id };
  };
  const admin = await login('admin');
  const street = await login('street1');
  const city = await login('city');
  const cityAuditor = await login('cityaudit');
  const streetAuditor = await login('streetaudit');
  const finance = await login('finance');

  // The quarterly stipend batch first (the API just started, as after a deploy), as finance prepares it.
  const batch = await prepareStipendBatch(finance, district.people);
  log(
    `stipend batch ${batch.period}: ${batch.peopleCount.toLocaleString('en')} people in ${batch.seconds.toFixed(1)} s, ` +
      `response ${(batch.responseBytes / 1024).toFixed(0)} KiB; API RSS ${batch.apiRssBeforeMiB.toFixed(0)} → ${batch.apiRssAfterMiB.toFixed(0)} MiB (peak ${batch.apiPeakMiB.toFixed(0)} MiB)`,
  );
  // The lines page from the middle of the batch, planned as the API left the table: preparing a
  // batch that is a large part of its table refreshes the planner's statistics on it
  // (refreshStatisticsAfterWrite). Without them the page read and sorted the rest of the batch
  // (131.5 ms instead of 0.2 ms at 100,000 lines), and the bench used to run ANALYZE itself.
  const middleLine = await withClient(databaseUrl, async (client) => {
    const { rows } = await client.query(
      `SELECT id FROM stipend_batch_line WHERE batch_id = $1 ORDER BY id OFFSET $2 LIMIT 1`,
      [batch.id, Math.floor(batch.peopleCount / 2)],
    );
    const params = [finance.unitId, batch.id, rows[0].id, LINES_PAGE + 1];
    const { rows: plan } = await client.query(`EXPLAIN (ANALYZE) ${BATCH_LINES_PAGE}`, params);
    const text = plan.map((row) => row['QUERY PLAN']).join('\n');
    batch.linesPageQueryMs = Number(/Execution Time: ([\d.]+) ms/.exec(text)?.[1]);
    log(
      `lines page query (${LINES_PAGE} from the middle), as the API left the table's statistics: ` +
        `${batch.linesPageQueryMs.toFixed(1)} ms`,
    );
    return rows[0].id;
  });

  const STREET = FIRST_STREET + 1; // the middle one of the admin's district's three streets
  const rankingPage = await httpRequest(`${api.base}/api/competitions/1/ranking?limit=50`, { headers: admin.headers, timeoutMs: 60_000 });
  const rankingPaged = rankingPage.status === 200 && !Array.isArray(JSON.parse(rankingPage.body));
  const middleCursor = rankingPaged ? await (async () => {
    // Follow the cursor 100 pages deep (5,000 rows): the cursor of a page in the middle.
    let cursor = null;
    for (let i = 0; i < 100; i += 1) {
      const page = JSON.parse(
        (await httpRequest(`${api.base}/api/competitions/1/ranking?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { headers: admin.headers })).body,
      );
      cursor = page.nextCursor;
    }
    return cursor;
  })() : null;
  // The admin's district holds competitions 1, 10, 19, …: a cursor in the middle of its applications.
  const midId = district.middleId;

  const targets = [
    { id: 'health', label: 'GET /api/health (floor)', path: '/api/health' },
    {
      id: 'applications-street-status',
      label: `applications, street + status (admin)`,
      path: `/api/applications?streetId=${STREET}&status=scored`,
      headers: admin.headers,
      explain: applicationListSql({ district: true, streetId: STREET, status: 'scored' }),
      unit: admin.unitId,
    },
    {
      id: 'applications-street-status-page2',
      label: `applications, street + status, cursor in the middle (admin)`,
      path: `/api/applications?streetId=${STREET}&status=scored&cursor=${midId}`,
      headers: admin.headers,
      explain: applicationListSql({ district: true, streetId: STREET, status: 'scored', cursor: midId }),
      unit: admin.unitId,
    },
    {
      id: 'applications-status',
      label: 'applications, rare status, whole district (admin)',
      path: `/api/applications?status=rectification`,
      headers: admin.headers,
      explain: applicationListSql({ district: true, status: 'rectification' }),
      unit: admin.unitId,
    },
    {
      id: 'applications-district',
      label: 'applications, whole district, newest first (admin)',
      path: `/api/applications`,
      headers: admin.headers,
      explain: applicationListSql({ district: true }),
      unit: admin.unitId,
    },
    {
      id: 'applications-street-officer',
      label: 'applications, status (street officer)',
      path: `/api/applications?status=in_review`,
      headers: street.headers,
      explain: applicationListSql({ district: false, status: 'in_review' }),
      unit: street.unitId,
    },
    {
      id: 'ranking-all',
      label: 'ranking of a 10k competition, unpaginated, 1 connection',
      path: `/api/competitions/1/ranking`,
      headers: admin.headers,
      connections: 1,
      explain: { sql: RANKING_ALL, params: [1] },
      noGoal: 'no goal (old clients; pages below)',
    },
    ...(rankingPaged
      ? [
          {
            id: 'ranking-page',
            label: 'ranking of a 10k competition, first page of 50',
            path: `/api/competitions/1/ranking?limit=50`,
            headers: admin.headers,
            explain: { sql: RANKING_PAGE, params: [1, null, 51] },
          },
          {
            id: 'ranking-page-middle',
            label: 'ranking of a 10k competition, page 101 of 50 (cursor)',
            path: `/api/competitions/1/ranking?limit=50&cursor=${encodeURIComponent(middleCursor)}`,
            headers: admin.headers,
            explain: { sql: RANKING_PAGE, params: [1, middleCursor, 51] },
          },
        ]
      : []),
    {
      id: 'stipend-lines',
      label: `stipend batch of ${batch.peopleCount.toLocaleString('en')}, page of ${LINES_PAGE} lines in the middle (finance)`,
      path: `/api/stipends/batches/${batch.id}/lines?cursor=${middleLine}&limit=${LINES_PAGE}`,
      headers: finance.headers,
      explain: { sql: BATCH_LINES_PAGE, params: [batch.id, middleLine, LINES_PAGE + 1] },
      unit: finance.unitId,
      rowKey: (row) => row.person_id,
      itemKey: (item) => item.personId,
    },
    {
      id: 'stipend-lines-max',
      label: `the same, largest page a client may ask (${LINES_MAX} lines)`,
      path: `/api/stipends/batches/${batch.id}/lines?cursor=${middleLine}&limit=${LINES_MAX}`,
      headers: finance.headers,
      unit: finance.unitId,
      noGoal: 'no goal (API CPU per line)',
    },
    {
      id: 'ledger-dashboard',
      label: 'ledger dashboard by line and street (admin)',
      path: `/api/ledger/dashboard`,
      headers: admin.headers,
      explainMany: [
        { name: 'lines', sql: LEDGER_LINES, params: [null] },
        { name: 'streets', sql: LEDGER_STREETS, params: [['accepted']] },
      ],
      unit: admin.unitId,
    },
    {
      id: 'rollups',
      label: 'roll-ups across the 100 districts (city officer)',
      path: `/api/rollups?year=2026`,
      headers: city.headers,
    },
    {
      id: 'audit-page',
      label: `audit log, newest page of 50 of the district (admin; ${counts.audit_event.toLocaleString('en')} events)`,
      path: `/api/audit/events?limit=50`,
      headers: admin.headers,
    },
    {
      id: 'audit-page-city',
      label: `audit log, newest page of 50 of the city's 100 districts (auditor above districts)`,
      path: `/api/audit/events?limit=50`,
      headers: cityAuditor.headers,
    },
    {
      id: 'audit-page-street',
      label: `audit log, newest page of 50 of a street (auditor below the district)`,
      path: `/api/audit/events?limit=50`,
      headers: streetAuditor.headers,
    },
    {
      id: 'audit-entity',
      label: `audit log, one application's history (admin)`,
      path: `/api/audit/events?entityType=application&entityId=${midId}&limit=50`,
      headers: admin.headers,
    },
  ];

  // Sanity: every route answers 200; the application lists return the rows of the mirrored SQL.
  const explains = {};
  await withClient(databaseUrl, async (client) => {
    for (const target of targets) {
      const response = await httpRequest(`${api.base}${target.path}`, { headers: target.headers, timeoutMs: 60_000 });
      if (response.status !== 200) throw new Error(`${target.label}: HTTP ${response.status} ${response.body.slice(0, 300)}`);
      target.responseBytes = Buffer.byteLength(response.body);
      const body = JSON.parse(response.body);
      target.rows = Array.isArray(body) ? body.length : body.items?.length ?? null;
      const queries = target.explain ? [{ name: 'query', ...target.explain }] : (target.explainMany ?? []);
      for (const query of queries) {
        const params = target.unit === undefined ? query.params : [target.unit, ...query.params];
        if (target.id.startsWith('applications') || target.id.startsWith('ranking') || target.rowKey) {
          const ids = (await client.query(query.sql, params)).rows
            .slice(0, 50)
            .map(target.rowKey ?? ((row) => row.id ?? row.application_id))
            .join(',');
          const items = (Array.isArray(body) ? body : body.items).slice(0, 50);
          if (ids !== items.map(target.itemKey ?? ((item) => item.id ?? item.applicationId)).join(','))
            throw new Error(`${target.label}: the mirrored SQL returns other rows than the API — update scale.mjs`);
        }
        const plan = (await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${query.sql}`, params)).rows
          .map((row) => row['QUERY PLAN'])
          .join('\n');
        (explains[target.id] ??= {})[query.name] = plan;
        console.log(`\n--- EXPLAIN (ANALYZE, BUFFERS): ${target.label}${queries.length > 1 ? ` — ${query.name}` : ''}\n${plan}`);
      }
    }
  });

  console.log('');
  log(`measuring: ${CONNECTIONS} connections (unless noted), ${WARMUP} s warm-up, ${SECONDS} s each`);
  for (const target of targets) {
    target.result = await measure(target);
    const r = target.result;
    log(
      `${target.label}: ${r.requestsPerSecond.toFixed(0)} req/s, p50 ${r.latencyMs.p50} ms, p99 ${r.latencyMs.p99} ms` +
        (r.non2xx || r.errors ? ` — ${r.non2xx} non-2xx, ${r.errors} errors` : ''),
    );
  }

  // The export row: the worker started for it (a fresh token: the measurements above can outlast one).
  const listTarget = targets.find((t) => t.id === 'applications-status');
  const exported = await measureExport(apiDist, apiEnv, await login('admin'), listTarget, district.listed);
  const audit = await measureAuditChecks(apiDist, apiEnv, databaseUrl);
  const { idle, alone, loaded } = exported;
  const p99Ratio = loaded.load.latencyMs.p99 / idle.latencyMs.p99;
  const linesPage = targets.find((t) => t.id === 'stipend-lines').result;
  const jobs = [
    {
      id: 'export',
      label: `Excel export of the district's applications (worker)`,
      rows: alone.rowCount,
      bytes: exported.download.bytes,
      seconds: alone.seconds,
      memory: `worker peak ${alone.workerPeakMiB.toFixed(0)}`,
      apiP99: '',
      goal: { seconds: GOAL_EXPORT_SECONDS, workerPeakMiB: GOAL_EXPORT_WORKER_MIB },
      goalText: `≤ ${GOAL_EXPORT_SECONDS} s, ≤ ${GOAL_EXPORT_WORKER_MIB} MiB`,
      met: alone.seconds <= GOAL_EXPORT_SECONDS && alone.workerPeakMiB <= GOAL_EXPORT_WORKER_MIB,
      details: {
        ...alone,
        file: exported.download,
        workerStartSeconds: exported.workerStartSeconds,
        workerStartMiB: exported.workerStartMiB,
      },
    },
    {
      id: 'export-under-load',
      label: `the same export, ${CONNECTIONS} connections on ${listTarget.path}`,
      rows: loaded.rowCount,
      bytes: '',
      seconds: loaded.seconds,
      memory: `worker ${loaded.workerRssMaxMiB.toFixed(0)}`,
      apiP99: `${idle.latencyMs.p99} → ${loaded.load.latencyMs.p99} (${p99Ratio >= 1 ? '+' : ''}${((p99Ratio - 1) * 100).toFixed(0)} %${exported.ratios.length > 1 ? `, median of ${exported.ratios.length}` : ''})`,
      goal: { apiP99Ratio: GOAL_EXPORT_P99_RATIO },
      goalText: `API p99 ≤ +${((GOAL_EXPORT_P99_RATIO - 1) * 100).toFixed(0)} %`,
      met: p99Ratio <= GOAL_EXPORT_P99_RATIO && !loaded.load.non2xx,
      details: { ...loaded, apiP99Ratio: p99Ratio, idle, runs: exported.ratios },
    },
    {
      id: 'stipend-batch',
      label: `quarterly stipend batch ${batch.period} (finance)`,
      rows: batch.peopleCount,
      bytes: batch.responseBytes,
      seconds: batch.seconds,
      memory: `API ${batch.apiRssAfterMiB.toFixed(0)} after`,
      apiP99: `lines page ${linesPage.latencyMs.p99}`,
      goal: { seconds: GOAL_BATCH_SECONDS, paginatedLines: true },
      goalText: `< ${GOAL_BATCH_SECONDS} s, paginated lines`,
      met: batch.seconds < GOAL_BATCH_SECONDS && batch.paginated,
      details: { ...batch, batchId: batch.id, linesPage },
    },
    {
      id: 'audit-full',
      label: 'audit chain check, full (weekly; worker)',
      rows: audit.full.checkedEvents,
      bytes: '',
      seconds: audit.full.seconds,
      memory: '',
      apiP99: '',
      goal: null,
      goalText: 'chain intact',
      met: audit.full.ok,
      details: audit.full,
    },
    {
      id: 'audit-nightly',
      label: `audit chain check, nightly after ${AUDIT_DAY_EVENTS.toLocaleString('en')} new events (incremental)`,
      rows: audit.nightly.checkedEvents,
      bytes: '',
      seconds: audit.nightly.seconds,
      memory: '',
      apiP99: '',
      goal: { seconds: GOAL_AUDIT_NIGHTLY_SECONDS, incremental: true },
      goalText: `reads only the new events, < ${GOAL_AUDIT_NIGHTLY_SECONDS} s`,
      met: audit.nightly.ok && audit.nightly.fromSeq !== null && audit.nightly.seconds < GOAL_AUDIT_NIGHTLY_SECONDS,
      details: audit.nightly,
    },
  ];

  const health = targets[0].result;
  console.log('');
  console.log(
    renderTable(
      ['route', 'conn', 'rows', 'bytes', 'req/s', 'p50 ms', 'p99 ms', `goal p99 < ${GOAL_P99_MS} ms`, 'API CPU µs/req'],
      targets.map((t) => [
        t.label,
        t.result.connections,
        t.rows ?? '',
        t.responseBytes,
        t.result.requestsPerSecond.toFixed(0),
        t.result.latencyMs.p50,
        t.result.latencyMs.p99,
        t.id === 'health' ? 'floor' : t.noGoal ?? (t.result.latencyMs.p99 < GOAL_P99_MS && !t.result.non2xx ? 'met' : 'MISSED'),
        t.result.apiCpuMicrosPerRequest ?? '',
      ]),
      { align: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'left', 'right'] },
    ),
  );
  console.log(`\n(health floor of this run: p99 ${health.latencyMs.p99} ms at ${health.requestsPerSecond.toFixed(0)} req/s)`);
  console.log('');
  console.log(
    renderTable(
      ['job', 'rows', 'bytes', 'seconds', 'MiB', 'API p99 ms', 'goal', ''],
      jobs.map((job) => [
        job.label,
        job.rows.toLocaleString('en'),
        job.bytes,
        job.seconds.toFixed(1),
        job.memory,
        job.apiP99,
        job.goalText,
        `${job.met ? 'met' : 'MISSED'}${scaled ? '*' : ''}`,
      ]),
      { align: ['left', 'right', 'right', 'right', 'left', 'left', 'left', 'left'] },
    ),
  );
  if (scaled)
    console.log(
      `\n* scaled down with the data set: ${alone.rowCount.toLocaleString('en')} rows and ${batch.peopleCount.toLocaleString('en')} people here; ` +
        `the goals are for about ${fullListed.toLocaleString('en')} rows and ${stipendPeople(FULL_SIZE).toLocaleString('en')} people (--applications ${FULL_SIZE})`,
    );

  const report = {
    at: new Date().toISOString(),
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, loadavg: os.loadavg() },
    settings: {
      applications: APPLICATIONS,
      reviewsPerApplication: REVIEWS,
      audit: AUDIT,
      connections: CONNECTIONS,
      seconds: SECONDS,
      warmupSeconds: WARMUP,
      database: databaseName,
      apiDist: path.relative(ROOT, apiDist),
      reusedDatabase: !!args.db,
    },
    generation: { seconds: args.db ? null : generationSeconds, steps: timings },
    rows: counts,
    adminDistrict: {
      ...district,
      scaled,
      atFullSize: scaled ? { listed: fullListed, people: stipendPeople(FULL_SIZE) } : null,
    },
    apiStartSeconds: api.startSeconds,
    targets: targets.map((t) => ({
      id: t.id,
      label: t.label,
      path: t.path,
      rows: t.rows,
      responseBytes: t.responseBytes,
      goalP99Ms: t.id === 'health' ? null : GOAL_P99_MS,
      met: t.id === 'health' || t.noGoal ? null : t.result.latencyMs.p99 < GOAL_P99_MS && !t.result.non2xx,
      ...t.result,
      explain: explains[t.id] ?? null,
    })),
    jobs: jobs.map((job) => ({
      ...job.details,
      id: job.id,
      label: job.label,
      rows: job.rows,
      bytes: job.bytes || null,
      seconds: job.seconds,
      goal: job.goal,
      met: job.met,
      scaled,
    })),
  };
  mkdirSync(path.join(ROOT, 'bench-results'), { recursive: true });
  writeFileSync(path.join(ROOT, 'bench-results/scale.json'), `${JSON.stringify(report, null, 2)}\n`);
  log(`results written to bench-results/scale.json${args.keep || args.db ? ` (database ${databaseName} kept)` : ''}`);
}

try {
  await main();
} catch (error) {
  console.error(`[bench:scale] failed: ${error.stack ?? error.message}`);
  process.exitCode = 1;
} finally {
  await cleanup();
}
