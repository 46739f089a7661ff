import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import path from 'node:path';
import { cloneTemplate, databaseUrl, dropDatabase } from '../support/test-env.js';

const root = path.resolve(import.meta.dirname, '../..');

/** Starts a built entry point, waits for `ready` in its output, sends SIGTERM, times the exit. */
async function stopAfterStart(entry: string, env: Record<string, string>, ready: RegExp) {
  const child = spawn(process.execPath, [path.join(root, 'apps/api/dist', entry)], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready in 20 s: ${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`exited early (${code}): ${output}`)));
  });
  child.removeAllListeners('exit');
  // The CPU priority (nice: field 19 of /proc/<pid>/task/<thread>/stat) of each of its threads once
  // it is ready — the garbage collector's and libuv's as well as the main one.
  const niceOf = (thread: string) =>
    Number(readFileSync(`/proc/${child.pid}/task/${thread}/stat`, 'utf8').split(') ')[1].split(' ')[16]);
  const threads = readdirSync(`/proc/${child.pid}/task`);
  const nice = niceOf(String(child.pid));
  const otherThreads = [...new Set(threads.map(niceOf))];
  const started = Date.now();
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  const code = await Promise.race([exited, new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 12_000))]);
  if (code === 'hung') child.kill('SIGKILL');
  return { code, seconds: (Date.now() - started) / 1000, nice, threads: threads.length, otherThreads, output };
}

describe('shutdown on SIGTERM with Redis unreachable', () => {
  let database: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    database = await cloneTemplate();
    env = {
      DATABASE_URL: databaseUrl(database),
      REDIS_URL: 'redis://127.0.0.1:1', // nothing listens there
      PORT: '0',
      LOG_LEVEL: 'info',
      NODE_ENV: 'test',
    };
  });
  afterAll(() => dropDatabase(database));

  it('stops the API within 10 s', async () => {
    const result = await stopAfterStart('main.js', env, /listening on/);
    expect(result.code).not.toBe('hung');
    expect(result.seconds).toBeLessThan(10);
  });

  it('stops the worker within 10 s, even while it is still waiting for Redis', async () => {
    const result = await stopAfterStart('worker.js', env, /Nest application successfully started|worker starting/);
    expect(result.code).not.toBe('hung');
    expect(result.seconds).toBeLessThan(10);
    // Background jobs yield the CPU to the API (WORKER_NICE, 19 unless set); the API does not.
    expect(result.nice).toBe(19);
    expect(result.threads).toBeGreaterThan(1);
    expect(result.otherThreads).toEqual([19]);
  });

  it('runs the worker at the CPU priority WORKER_NICE sets, and the API at the one it was started with', async () => {
    // A value no lower than this process's own: lowering a nice value needs a privilege.
    const wanted = Math.max(getPriority(), 7);
    const worker = await stopAfterStart('worker.js', { ...env, WORKER_NICE: String(wanted) }, /worker starting/);
    expect(worker.nice).toBe(wanted);
    // The heap's growth is bounded too (WORKER_HEAP_GROWING_PERCENT, 100 unless set).
    expect(worker.output).toContain(`worker starting (nice ${wanted}, heap growth 100 %)`);
    expect(worker.otherThreads).toEqual([wanted]);
    const api = await stopAfterStart('main.js', env, /listening on/);
    expect(api.nice).toBe(getPriority());
  });

  it("grows the worker's heap by the factor WORKER_HEAP_GROWING_PERCENT sets, or V8's own with 0", async () => {
    const half = await stopAfterStart('worker.js', { ...env, WORKER_HEAP_GROWING_PERCENT: '50' }, /worker starting/);
    expect(half.output).toContain('heap growth 50 %)');
    const own = await stopAfterStart('worker.js', { ...env, WORKER_HEAP_GROWING_PERCENT: '0' }, /worker starting/);
    expect(own.output).toContain("heap growth V8's own)");
  });
});
