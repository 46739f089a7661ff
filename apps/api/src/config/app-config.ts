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
    /** How long a request waits for a database connection (new or from the pool) before a 503. */
    DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
    REDIS_URL: z.string().default('redis://127.0.0.1:6379'),
    /** Key prefix for every Redis key (queues, rate limits): tests use one per run. */
    REDIS_PREFIX: z.string().regex(/^[A-Za-z0-9:_-]+$/).default('xiaoshi'),
    /** A Redis command (enqueue, rate limit, health) unanswered by then fails (503), so requests never hang on Redis. */
    REDIS_COMMAND_TIMEOUT_MS: z.coerce.number().int().min(100).max(10_000).default(1000),
    /** An enqueue that Redis has not acknowledged by then fails with 503 (and rolls its transaction back). */
    QUEUE_ENQUEUE_TIMEOUT_MS: z.coerce.number().int().min(100).max(10_000).default(1500),
    /**
     * A job enqueued inside a database transaction is held back (delayed) until the commit releases
     * it; if that release is lost, it still runs after this long.
     */
    QUEUE_COMMIT_GRACE_MS: z.coerce.number().int().min(1000).max(3_600_000).default(30_000),
    /** BullMQ job lock: a job whose worker died is taken up again once its lock has lapsed. */
    WORKER_LOCK_DURATION_MS: z.coerce.number().int().min(500).max(600_000).default(30_000),
    /** How often the worker looks for jobs whose worker died (stalled jobs). */
    WORKER_STALLED_INTERVAL_MS: z.coerce.number().int().min(200).max(600_000).default(30_000),
    /** How often a job may stall (its worker die) before it is failed instead of retried. */
    WORKER_MAX_STALLED_COUNT: z.coerce.number().int().min(0).max(10).default(1),
    /**
     * The worker's CPU priority (nice, 0–19): background jobs yield the CPU to the API's requests
     * when both share a machine. On a worker's own machine it changes nothing.
     */
    WORKER_NICE: z.coerce.number().int().min(0).max(19).default(19),
    /**
     * How far the worker's JavaScript heap may grow past what survived the last full collection
     * before the next one, in percent (V8's heap growing factor = 1 + percent/100; 0 leaves V8's
     * own, which grows the heap up to 4× on a machine with memory to spare). A 116,000-row Excel
     * export keeps ~65 MiB alive: with V8's own factor the worker's RSS peaked at 324–336 MiB from
     * the second export on, with 100 at 243–253 MiB for the same time and CPU (50: 214–218 MiB,
     * 15 % more CPU).
     */
    WORKER_HEAP_GROWING_PERCENT: z.coerce.number().int().min(0).max(1000).default(100),
    /** How often the worker checks that every scheduled job still exists in Redis (restoring lost ones). */
    SCHEDULE_CHECK_INTERVAL_MS: z.coerce.number().int().min(200).max(3_600_000).default(60_000),
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
    /** Failed sign-ins for one account from one address before that pair is refused (429). */
    LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
    /** How long an (account, address) pair is refused once it reached LOGIN_MAX_FAILURES; also its counting window. */
    LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
    LOGIN_IP_MAX_FAILURES: z.coerce.number().int().min(1).default(30),
    LOGIN_IP_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
    /** Failures of one account, from any address, before its progressive delay starts. */
    LOGIN_ACCOUNT_FREE_FAILURES: z.coerce.number().int().min(0).default(3),
    /** The first delay; each further failure doubles it. */
    LOGIN_DELAY_BASE_SECONDS: z.coerce.number().int().min(1).default(5),
    /** The longest delay. */
    LOGIN_DELAY_MAX_SECONDS: z.coerce.number().int().min(1).default(900),
    /** How long an account's failures are counted (from the first one). */
    LOGIN_ACCOUNT_WINDOW_HOURS: z.coerce.number().int().min(1).default(24),
    /** An address the account had a session from in this many days is its usual address: the delay does not apply there. */
    LOGIN_KNOWN_ADDRESS_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    /**
     * Origins (scheme://host[:port], comma-separated) besides the request's own that may call the
     * cookie-authenticated routes (refresh, logout, login): the public URL behind a reverse proxy.
     */
    ALLOWED_ORIGINS: z
      .string()
      .default('')
      .transform((list, context) => {
        const origins: string[] = [];
        for (const entry of list.split(',').map((item) => item.trim()).filter(Boolean)) {
          const parsed = URL.canParse(entry) ? new URL(entry) : null;
          const bare = parsed && parsed.pathname === '/' && !parsed.search && !parsed.hash && !parsed.username;
          if (!parsed || !bare || !/^https?:$/.test(parsed.protocol)) {
            context.addIssue({ code: 'custom', message: `not an origin (scheme://host[:port]): ${entry}` });
          } else origins.push(parsed.origin);
        }
        return origins;
      }),
    /**
     * Bearer token for GET /metrics (Prometheus `authorization: { credentials: ... }`). Unset:
     * /metrics answers 404 on the public port.
     */
    METRICS_TOKEN: z.preprocess((value) => (value === '' ? undefined : value), z.string().min(16).optional()),
    SWAGGER_ENABLED: Boolish.default(true),
    /** S3-compatible object storage for files; local disk under DATA_DIR when unset. */
    S3_ENDPOINT: z.url().optional(),
    S3_BUCKET: z.string().min(3).max(63).optional(),
    S3_REGION: z.string().default('us-east-1'),
    S3_ACCESS_KEY_ID: z.string().optional(),
    S3_SECRET_ACCESS_KEY: z.string().optional(),
    S3_FORCE_PATH_STYLE: Boolish.default(true),
    // --- notifications (issue 14). E-mail is on when SMTP_HOST and MAIL_FROM are set; SMS when
    // the provider's key, secret and sign name are. Unset: the channel is off (nothing pretends to send).
    /** The portal's address as users reach it: links in e-mails (unsubscribe, the notification's page). */
    PUBLIC_BASE_URL: z.url().default('http://127.0.0.1:3000'),
    SMTP_HOST: z.preprocess((value) => (value === '' ? undefined : value), z.string().optional()),
    SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
    /** Implicit TLS from the first byte (port 465). Otherwise STARTTLS is used when the server offers it. */
    SMTP_SECURE: Boolish.default(false),
    /** Refuse to send unless the connection is upgraded with STARTTLS. */
    SMTP_REQUIRE_TLS: Boolish.default(false),
    /** Accept a self-signed server certificate (test servers only). */
    SMTP_TLS_VERIFY: Boolish.default(true),
    SMTP_USER: z.string().optional(),
    SMTP_PASSWORD: z.string().optional(),
    /** Sender, e.g. `"小实事" <noreply@example.gov.cn>`. */
    MAIL_FROM: z.preprocess((value) => (value === '' ? undefined : value), z.string().optional()),
    /** Alibaba Cloud SMS (dysmsapi SendSms, signature v1). */
    SMS_ENDPOINT: z.url().default('https://dysmsapi.aliyuncs.com'),
    SMS_REGION_ID: z.string().default('cn-hangzhou'),
    SMS_ACCESS_KEY_ID: z.preprocess((value) => (value === '' ? undefined : value), z.string().optional()),
    SMS_ACCESS_KEY_SECRET: z.preprocess((value) => (value === '' ? undefined : value), z.string().optional()),
    /** The approved signature (短信签名) shown as 【…】. */
    SMS_SIGN_NAME: z.preprocess((value) => (value === '' ? undefined : value), z.string().optional()),
    /** Approved template codes per notification topic: `competition.window_closing=SMS_1,phone.verification=SMS_2`. */
    SMS_TEMPLATES: z
      .string()
      .default('')
      .transform((list, context) => {
        const templates: Record<string, string> = {};
        for (const entry of list.split(',').map((item) => item.trim()).filter(Boolean)) {
          const match = /^([a-z_.]+)=([A-Za-z0-9_]+)$/.exec(entry);
          if (!match) context.addIssue({ code: 'custom', message: `not topic=TEMPLATE_CODE: ${entry}` });
          else templates[match[1]] = match[2];
        }
        return templates;
      }),
    SMS_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
    /** Text messages to one phone number: at most this many a minute and a day (codes included). */
    SMS_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(100).default(1),
    SMS_RATE_PER_DAY: z.coerce.number().int().min(1).max(1000).default(10),
    /** Tries for one e-mail or SMS before it is marked failed, and the first retry delay (doubling). */
    NOTIFICATION_SEND_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
    NOTIFICATION_RETRY_DELAY_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
  })
  .transform((env) => ({
    env: env.NODE_ENV,
    host: env.HOST,
    port: env.PORT,
    database: { url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE, connectTimeoutMs: env.DATABASE_CONNECT_TIMEOUT_MS },
    redis: { url: env.REDIS_URL, prefix: env.REDIS_PREFIX, commandTimeoutMs: env.REDIS_COMMAND_TIMEOUT_MS },
    queue: {
      enqueueTimeoutMs: env.QUEUE_ENQUEUE_TIMEOUT_MS,
      commitGraceMs: env.QUEUE_COMMIT_GRACE_MS,
      lockDurationMs: env.WORKER_LOCK_DURATION_MS,
      stalledIntervalMs: env.WORKER_STALLED_INTERVAL_MS,
      maxStalledCount: env.WORKER_MAX_STALLED_COUNT,
      workerNice: env.WORKER_NICE,
      workerHeapGrowingPercent: env.WORKER_HEAP_GROWING_PERCENT,
      scheduleCheckIntervalMs: env.SCHEDULE_CHECK_INTERVAL_MS,
    },
    auth: {
      accessSecret: env.JWT_ACCESS_SECRET,
      accessTtlSeconds: env.JWT_ACCESS_TTL_SECONDS,
      refreshTtlDays: env.REFRESH_TOKEN_TTL_DAYS,
      cookieSecure: env.COOKIE_SECURE ?? env.NODE_ENV === 'production',
      loginMaxFailures: env.LOGIN_MAX_FAILURES,
      loginLockMinutes: env.LOGIN_LOCK_MINUTES,
      loginIpMaxFailures: env.LOGIN_IP_MAX_FAILURES,
      loginIpWindowMinutes: env.LOGIN_IP_WINDOW_MINUTES,
      loginAccountFreeFailures: env.LOGIN_ACCOUNT_FREE_FAILURES,
      loginDelayBaseSeconds: env.LOGIN_DELAY_BASE_SECONDS,
      loginDelayMaxSeconds: env.LOGIN_DELAY_MAX_SECONDS,
      loginAccountWindowHours: env.LOGIN_ACCOUNT_WINDOW_HOURS,
      loginKnownAddressDays: env.LOGIN_KNOWN_ADDRESS_DAYS,
      allowedOrigins: env.ALLOWED_ORIGINS,
    },
    metrics: { token: env.METRICS_TOKEN ?? null },
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
    notifications: {
      publicBaseUrl: env.PUBLIC_BASE_URL.replace(/\/+$/, ''),
      sendAttempts: env.NOTIFICATION_SEND_ATTEMPTS,
      retryDelayMs: env.NOTIFICATION_RETRY_DELAY_MS,
      smtp:
        env.SMTP_HOST && env.MAIL_FROM
          ? {
              host: env.SMTP_HOST,
              port: env.SMTP_PORT,
              secure: env.SMTP_SECURE,
              requireTls: env.SMTP_REQUIRE_TLS,
              rejectUnauthorized: env.SMTP_TLS_VERIFY,
              user: env.SMTP_USER || null,
              password: env.SMTP_PASSWORD || null,
              from: env.MAIL_FROM,
            }
          : null,
      sms:
        env.SMS_ACCESS_KEY_ID && env.SMS_ACCESS_KEY_SECRET && env.SMS_SIGN_NAME
          ? {
              endpoint: env.SMS_ENDPOINT,
              regionId: env.SMS_REGION_ID,
              accessKeyId: env.SMS_ACCESS_KEY_ID,
              accessKeySecret: env.SMS_ACCESS_KEY_SECRET,
              signName: env.SMS_SIGN_NAME,
              templates: env.SMS_TEMPLATES,
              timeoutMs: env.SMS_TIMEOUT_MS,
            }
          : null,
      smsRate: { perMinute: env.SMS_RATE_PER_MINUTE, perDay: env.SMS_RATE_PER_DAY },
    },
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
