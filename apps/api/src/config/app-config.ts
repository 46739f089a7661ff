import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { z } from 'zod';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

const DEVELOPMENT_JWT_SECRET = 'xiaoshi-development-secret-change-me-in-production';

const Boolish = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0'])])
  .transform((value) => value === true || value === 'true' || value === '1');

/**
 * The one configuration schema, read once at boot. Everything else receives the parsed object:
 * no other file reads process.env.
 */
export const AppConfigSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    HOST: z.string().default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    DATABASE_URL: z.string().default('postgres://postgres@127.0.0.1:5432/xiaoshi'),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    REDIS_URL: z.string().default('redis://127.0.0.1:6379'),
    /** Key prefix for every Redis key (queues, rate limits): tests use one per run. */
    REDIS_PREFIX: z.string().regex(/^[A-Za-z0-9:_-]+$/).default('xiaoshi'),
    JWT_ACCESS_SECRET: z.string().min(32).default(DEVELOPMENT_JWT_SECRET),
    JWT_ACCESS_TTL_SECONDS: z.coerce.number().int().min(60).max(3600).default(900),
    REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(14),
    COOKIE_SECURE: Boolish.optional(),
    TRUST_PROXY: Boolish.default(false),
    DATA_DIR: z.string().default(path.join(repoRoot, '.data', 'files')),
    WEB_DIST_DIR: z.string().default(path.join(repoRoot, 'apps', 'web', 'dist')),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
    ATTACHMENT_MAX_BYTES: z.coerce.number().int().min(1024).default(20 * 1024 * 1024),
    LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
    LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
    LOGIN_IP_MAX_FAILURES: z.coerce.number().int().min(1).default(30),
    LOGIN_IP_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
    SWAGGER_ENABLED: Boolish.default(true),
    /** S3-compatible object storage for files; local disk under DATA_DIR when unset. */
    S3_ENDPOINT: z.url().optional(),
    S3_BUCKET: z.string().min(3).max(63).optional(),
    S3_REGION: z.string().default('us-east-1'),
    S3_ACCESS_KEY_ID: z.string().optional(),
    S3_SECRET_ACCESS_KEY: z.string().optional(),
    S3_FORCE_PATH_STYLE: Boolish.default(true),
  })
  .transform((env) => ({
    env: env.NODE_ENV,
    host: env.HOST,
    port: env.PORT,
    database: { url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE },
    redis: { url: env.REDIS_URL, prefix: env.REDIS_PREFIX },
    auth: {
      accessSecret: env.JWT_ACCESS_SECRET,
      accessTtlSeconds: env.JWT_ACCESS_TTL_SECONDS,
      refreshTtlDays: env.REFRESH_TOKEN_TTL_DAYS,
      cookieSecure: env.COOKIE_SECURE ?? env.NODE_ENV === 'production',
      loginMaxFailures: env.LOGIN_MAX_FAILURES,
      loginLockMinutes: env.LOGIN_LOCK_MINUTES,
      loginIpMaxFailures: env.LOGIN_IP_MAX_FAILURES,
      loginIpWindowMinutes: env.LOGIN_IP_WINDOW_MINUTES,
    },
    trustProxy: env.TRUST_PROXY,
    dataDir: env.DATA_DIR,
    webDistDir: env.WEB_DIST_DIR,
    logLevel: env.LOG_LEVEL,
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    attachmentMaxBytes: env.ATTACHMENT_MAX_BYTES,
    swaggerEnabled: env.SWAGGER_ENABLED,
    s3: env.S3_BUCKET
      ? {
          endpoint: env.S3_ENDPOINT,
          bucket: env.S3_BUCKET,
          region: env.S3_REGION,
          accessKeyId: env.S3_ACCESS_KEY_ID,
          secretAccessKey: env.S3_SECRET_ACCESS_KEY,
          forcePathStyle: env.S3_FORCE_PATH_STYLE,
        }
      : null,
  }))
  .superRefine((config, context) => {
    if (config.env === 'production' && config.auth.accessSecret === DEVELOPMENT_JWT_SECRET) {
      context.addIssue({ code: 'custom', path: ['JWT_ACCESS_SECRET'], message: 'must be set in production' });
    }
  });

export type AppConfig = z.output<typeof AppConfigSchema>;

/** Parses an environment-shaped record; throws a readable error naming every bad variable. */
export function parseConfig(source: Record<string, string | undefined>): AppConfig {
  const result = AppConfigSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}

/** The single place that reads the process environment. */
export function loadConfigFromEnvironment(overrides: Record<string, string> = {}): AppConfig {
  return parseConfig({ ...process.env, ...overrides });
}

/** A throw-away secret for tools that need one (tests, bench). */
export function randomSecret(): string {
  return randomBytes(32).toString('hex');
}

export const APP_CONFIG = Symbol('APP_CONFIG');
