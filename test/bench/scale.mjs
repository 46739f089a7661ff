#!/usr/bin/env node
// `npm run bench:scale`: the scale benchmark of issue 13. Generates the data set of a whole
// province's year (default 1,000,000 applications) with the project's own schema into a database
// of its own, starts the built API on it, measures the pages officials use most with autocannon
// against GET /api/health in the same run, prints the EXPLAIN (ANALYZE, BUFFERS) of each list
// query and writes bench-results/scale.json. Not part of `npm test`.
//
//   node test/bench/scale.mjs [--applications 1000000] [--reviews 5] [--audit N] [--keep] [--db NAME]
//     --applications  size of the data set (50000 for a quick run); see scale-data.mjs for the layout
//     --reviews       review assignments (and submitted score sheets) per application, 0 to skip
//     --audit         audit rows inserted through the hash-chain trigger (default 0: skipped)
//     --keep          keep the database afterwards (its name is printed)
//     --db NAME       measure an existing database made by --keep (no generation; the API migrates it)
//
// Env: BENCH_SECONDS (10)  BENCH_WARMUP_SECONDS (2)  BENCH_CONNECTIONS (20)
//      BENCH_API_DIST (apps/api/dist; the API is not rebuilt here — run `npm run build -w @xiaoshi/api`)
//      BENCH_DATABASE_URL / DATABASE_URL (server part only)  REDIS_URL (redis://127.0.0.1:6379)
import { fork, spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import {
  freePort,
  httpRequest,
  processCpuMicros,
  renderTable,
  stopChild,
  waitForHttp,
} from '../../scripts/lib/runtime.mjs';
import { FIRST_STREET, PER_COMPETITION, scaleSteps } from './scale-data.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const autocannon = require('autocannon');
const pg = require('pg');
const argon2 = require('argon2');
const { Redis } = require('ioredis');

const { values: args } = parseArgs({
  options: {
    applications: { type: 'string', default: '1000000' },
    reviews: { type: 'string', default: '5' },
    audit: { type: 'string', default: '0' },
    keep: { type: 'boolean', default: false },
    db: { type: 'string' },
  },
});
const APPLICATIONS = Number(args.applications);
const REVIEWS = Number(args.reviews);
const AUDIT = Number(args.audit);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const GOAL_P99_MS = 100;
const PASSWORD = 'Bench#2026-scale';

const log = (message) => console.log(`[bench:scale] ${message}`);
const cleanups = [];
let api = null;

async function cleanup() {
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

async function measure(target) {
  const url = `${api.base}${target.path}`;
  const connections = target.connections ?? CONNECTIONS;
  if (WARMUP > 0) await cannon({ url, headers: target.headers, duration: WARMUP, connections });
  const cpuBefore = processCpuMicros(api.child.pid);
  const result = await cannon({ url, headers: target.headers, duration: SECONDS, connections, timeout: 30 });
  const cpu = processCpuMicros(api.child.pid) - cpuBefore;
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
    return result;
  });
  log(`rows: ${JSON.stringify(counts)}`);

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
  // The admin's district holds competition 1 (ids 1..10,000): a cursor in the middle of it.
  const midId = Math.floor(Math.min(APPLICATIONS, PER_COMPETITION) / 2);

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
        if (target.id.startsWith('applications') || target.id.startsWith('ranking')) {
          const ids = (await client.query(query.sql, params)).rows
            .slice(0, 50)
            .map((row) => row.id ?? row.application_id)
            .join(',');
          const items = Array.isArray(body) ? body.slice(0, 50) : body.items;
          if (ids !== items.map((item) => item.id ?? item.applicationId).join(','))
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
        t.id === 'health' ? 'floor' : t.result.latencyMs.p99 < GOAL_P99_MS && !t.result.non2xx ? 'met' : 'MISSED',
        t.result.apiCpuMicrosPerRequest ?? '',
      ]),
      { align: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'left', 'right'] },
    ),
  );
  console.log(`\n(health floor of this run: p99 ${health.latencyMs.p99} ms at ${health.requestsPerSecond.toFixed(0)} req/s)`);

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
    apiStartSeconds: api.startSeconds,
    targets: targets.map((t) => ({
      id: t.id,
      label: t.label,
      path: t.path,
      rows: t.rows,
      responseBytes: t.responseBytes,
      goalP99Ms: t.id === 'health' ? null : GOAL_P99_MS,
      met: t.id === 'health' ? null : t.result.latencyMs.p99 < GOAL_P99_MS && !t.result.non2xx,
      ...t.result,
      explain: explains[t.id] ?? null,
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
