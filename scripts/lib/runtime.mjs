// Small process and network helpers shared by scripts/start.mjs and test/bench/run.mjs.
// Node built-ins only: start.mjs loads this before `npm ci` may have run.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import net from 'node:net';
import http from 'node:http';
import path from 'node:path';
import readline from 'node:readline';

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** True when nothing listens on host:port (we can bind it ourselves). */
export function isPortFree(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** A free TCP port: `preferred` when it is free, else the next free ones after it, else one from the OS. */
export async function freePort(preferred, host = '127.0.0.1') {
  if (preferred) {
    for (let port = preferred; port < preferred + 20 && port <= 65535; port += 1) {
      if (await isPortFree(port, host)) return port;
    }
  }
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ port: 0, host }, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Resolves when a TCP connect to host:port succeeds; rejects after timeoutMs. */
export async function waitForPort(port, host = '127.0.0.1', timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise((resolve) => {
      const socket = net.connect({ port, host });
      socket.setTimeout(1000);
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('timeout', () => {
        socket.destroy();
        resolve(false);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on ${host}:${port} after ${timeoutMs} ms`);
    await sleep(100);
  }
}

/** One HTTP request; resolves { status, body, headers } or rejects on a network error / timeout. */
export function httpRequest(url, { method = 'GET', headers = {}, body, timeoutMs = 5000 } = {}) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    const request = http.request(
      url,
      {
        method,
        headers: {
          ...(payload !== undefined
            ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
            : {}),
          ...headers,
        },
        timeout: timeoutMs,
      },
      (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('timeout', () =>
      request.destroy(new Error(`timeout after ${timeoutMs} ms: ${method} ${url}`)),
    );
    request.on('error', reject);
    if (payload !== undefined) request.write(payload);
    request.end();
  });
}

/**
 * Polls `url` until `accept(response)` is true. Rejects after timeoutMs, or early when
 * `abortIf()` returns a reason (for example: the server process has exited).
 */
export async function waitForHttp(
  url,
  { timeoutMs = 60_000, accept = (r) => r.status === 200, abortIf } = {},
) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    const reason = abortIf?.();
    if (reason) throw new Error(reason);
    try {
      const response = await httpRequest(url, { timeoutMs: 3000 });
      if (accept(response)) return response;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error.code ?? error.message;
    }
    if (Date.now() > deadline)
      throw new Error(`${url} did not become ready in ${timeoutMs} ms (last: ${last ?? 'no answer'})`);
    await sleep(200);
  }
}

/** utime + stime of a process (and its reaped children) in microseconds, from /proc/<pid>/stat. */
export function processCpuMicros(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may contain spaces; fields after the closing parenthesis are fixed.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) * 1_000_000) / clockTicksPerSecond();
}

let ticks;
function clockTicksPerSecond() {
  // CLK_TCK is 100 on every Linux we target; `getconf` is not worth a child process.
  ticks ??= Number(process.env.CLK_TCK) || 100;
  return ticks;
}

export function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** The command name of a live process (Linux), or null. */
export function processName(pid) {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return null;
  }
}

/**
 * Spawns a child whose stdout/stderr lines are written to our stdout/stderr with a prefix.
 * `format(line)` may rewrite or drop (return null) a line. Returns the ChildProcess, with
 * `exited` — a promise of { code, signal }.
 */
export function spawnPrefixed(command, args, { prefix, format = (line) => line, ...options }) {
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  child.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  child.once('error', () => undefined);
  for (const [stream, out] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ]) {
    readline.createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
      const shown = format(line);
      if (shown !== null && shown !== undefined) out.write(`${prefix} ${shown}\n`);
    });
  }
  return child;
}

/** Sends `signal`, waits up to graceMs for the exit, then SIGKILLs. Safe on already-exited children. */
export async function stopChild(child, { signal = 'SIGTERM', graceMs = 10_000 } = {}) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = child.exited ?? new Promise((resolve) => child.once('exit', resolve));
  try {
    child.kill(signal);
  } catch {
    return;
  }
  const timer = sleep(graceMs).then(() => 'timeout');
  if ((await Promise.race([exited, timer])) === 'timeout') {
    try {
      child.kill('SIGKILL');
    } catch {
      /* already gone */
    }
    await Promise.race([exited, sleep(2000)]);
  }
}

/** The newest modification time (ms) of files under the given paths, skipping node_modules and dist. */
export function newestMtime(paths) {
  let newest = 0;
  const visit = (entry) => {
    let stat;
    try {
      stat = statSync(entry);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      const base = path.basename(entry);
      if (base === 'node_modules' || base === 'dist') return;
      for (const name of readdirSafe(entry)) visit(path.join(entry, name));
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  for (const entry of paths) visit(entry);
  return newest;
}

function readdirSafe(dir) {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** mtime (ms) of a file, or 0 when it does not exist. */
export function mtimeOf(file) {
  return existsSync(file) ? statSync(file).mtimeMs : 0;
}

/** Terminal display width: CJK and full-width characters take two columns. */
export function displayWidth(text) {
  let width = 0;
  for (const char of String(text)) {
    const code = char.codePointAt(0);
    width +=
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6)
        ? 2
        : 1;
  }
  return width;
}

/** Renders rows (arrays of cells) as an aligned plain-text table with a header rule. */
export function renderTable(header, rows, { align = [] } = {}) {
  const all = [header, ...rows].map((row) => row.map((cell) => String(cell ?? '')));
  const widths = header.map((_, column) => Math.max(...all.map((row) => displayWidth(row[column]))));
  const pad = (cell, column) => {
    const fill = ' '.repeat(widths[column] - displayWidth(cell));
    return align[column] === 'right' ? fill + cell : cell + fill;
  };
  const line = (row) => row.map(pad).join('  ').trimEnd();
  return [line(all[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...all.slice(1).map(line)].join('\n');
}
