import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Redis } from 'ioredis';
import pg from 'pg';
import request from 'supertest';
import { createApiApp } from '../../apps/api/src/app.factory.js';
import { parseConfig, randomSecret, type AppConfig } from '../../apps/api/src/config/app-config.js';
import { DEMO_PASSWORD } from '../../apps/api/src/seed/demo-org-units.js';
import { REDIS_URL, RUN_ID, WEB_DIST_DIR, cloneTemplate, databaseUrl, dropDatabase } from './test-env.js';

export { DEMO_PASSWORD };

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  /** supertest against the in-process server. */
  http: () => ReturnType<typeof request>;
  /** Direct SQL on this test's own database, for arranging and asserting. */
  db: pg.Pool;
  redis: Redis;
  /** Base URL when started with `listen: true` (browser tests). */
  baseUrl: string;
  /** Signs in as a demo user and returns the bearer header value. */
  login(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  listen?: boolean;
  env?: Record<string, string>;
}

/**
 * Boots the real API against a database cloned from the migrated template and a Redis prefix of
 * its own. Nothing is mocked: PostgreSQL, Redis, argon2 and JWT are the real ones.
 */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = await cloneTemplate();
  const prefix = `xs_test_${RUN_ID}_${randomBytes(4).toString('hex')}`;
  const config = parseConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl(database),
    DATABASE_POOL_SIZE: '5',
    // The concurrency suites queue 100+ requests for these 5 connections behind one row lock; on a
    // loaded machine that wait can pass the 5 s default (a 503 by design, see test/faults), which is
    // not what they test — the money invariants under contention are.
    DATABASE_CONNECT_TIMEOUT_MS: '30000',
    // Likewise a loaded machine can keep a healthy local Redis from answering an enqueue in 1.5 s;
    // the suites that test Redis going away set their own bound (queue-resilience, test/faults).
    QUEUE_ENQUEUE_TIMEOUT_MS: '10000',
    // ...and from answering any single command (an enqueue is several) within the 1 s default.
    REDIS_COMMAND_TIMEOUT_MS: '5000',
    REDIS_URL,
    REDIS_PREFIX: prefix,
    JWT_ACCESS_SECRET: randomSecret(),
    LOG_LEVEL: 'warn',
    // Building the OpenAPI document costs ~0.3–1 s of CPU per boot; the suites that read
    // /api/docs-json switch it on.
    SWAGGER_ENABLED: 'false',
    PORT: '0',
    ...(WEB_DIST_DIR ? { WEB_DIST_DIR } : {}),
    ...options.env,
  });
  const app = await createApiApp(config);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  let baseUrl = '';
  if (options.listen) {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.getHttpServer().address();
    baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  }
  const db = new pg.Pool({ connectionString: config.database.url, max: 3 });
  // Dropping the database at the end terminates idle clients; that is expected, not an error.
  db.on('error', () => undefined);
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  const tokens = new Map<string, string>();
  const http = () => request(app.getHttpServer());
  return {
    app,
    config,
    http,
    db,
    redis,
    baseUrl,
    async login(username, password = DEMO_PASSWORD) {
      const key = `${username}\u0000${password}`;
      const cached = tokens.get(key);
      if (cached) return cached;
      const response = await http().post('/api/auth/login').send({ username, password });
      if (response.status !== 200) {
        throw new Error(`login ${username} failed: ${response.status} ${JSON.stringify(response.body)}`);
      }
      const bearer = `Bearer ${response.body.accessToken}`;
      tokens.set(key, bearer);
      return bearer;
    },
    async close() {
      await app.close();
      await db.end();
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
      await dropDatabase(database);
    },
  };
}
