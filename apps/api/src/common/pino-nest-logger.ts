import type { LoggerService } from '@nestjs/common';

/** The pino methods this logger writes through (Fastify's logger in the API, pino in the worker). */
export interface PinoLike {
  info(object: object, message?: string): void;
  warn(object: object, message?: string): void;
  error(object: object, message?: string): void;
  debug(object: object, message?: string): void;
  trace(object: object, message?: string): void;
}

/**
 * Routes Nest's own log lines into the same JSON (pino) stream as the request logs, with personal
 * data taken out: every object logged through Nest's Logger passes through `redactForLog`.
 */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: PinoLike) {}

  private write(level: 'info' | 'warn' | 'error' | 'debug' | 'trace', message: unknown, rest: unknown[]) {
    const context = typeof rest[rest.length - 1] === 'string' ? (rest[rest.length - 1] as string) : undefined;
    if (message instanceof Error) {
      this.logger[level]({ context, error: safeError(message) }, scrubText(message.message));
    } else if (typeof message === 'object' && message !== null) {
      const text = typeof rest[0] === 'string' && rest.length > 1 ? scrubText(rest[0] as string) : undefined;
      this.logger[level]({ context, ...(redactForLog(message) as object) }, text);
    } else {
      this.logger[level]({ context }, scrubText(String(message)));
    }
  }

  log(message: unknown, ...rest: unknown[]) {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]) {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]) {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]) {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]) {
    this.write('trace', message, rest);
  }
}

// ── personal data out of logs ───────────────────────────────────────────────

const REDACTED = '[redacted]';

/**
 * Keys whose values never reach a log: contact details, identity and bank numbers, secrets, and
 * the carriers of user input (SQL parameters, request bodies, PostgreSQL's `detail`, which quotes
 * the offending values).
 */
const PERSONAL_KEY =
  /^(to|cc|bcc|parameters|params|body|payload|detail|where|address)$|phone|mobile|e-?mail|id_?(card|number|no)|bank|account_?(no|number)|password|passwd|secret|token|cookie|authorization/i;

/** Keys whose string values are ours (ids, names of things), logged as they are. */
const OWN_KEY = /^(context|requestId|reqId|jobId|route|method|level|hostname|type|code)$/;

/** Numbers of 7+ digits (phone numbers, 身份证号 with a trailing X, bank accounts) and e-mail addresses. */
const LONG_NUMBER = /\d{7,}[Xx]?/g;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
/** Quoted text in driver messages (`invalid input syntax for type integer: "…"`), unless it is an identifier. */
const QUOTED = /"([^"\n]*)"|'([^'\n]*)'/g;
const IDENTIFIER = /^[A-Za-z_][\w.$]*$/;

/** Takes numbers, e-mail addresses and quoted values out of free text (messages, stacks, SQL). */
export function scrubText(text: string): string {
  return text
    .replace(QUOTED, (match: string, double?: string, single?: string) => {
      const inner = double ?? single ?? '';
      return IDENTIFIER.test(inner) ? match : match[0] + '…' + match[0];
    })
    .replace(EMAIL, REDACTED)
    .replace(LONG_NUMBER, REDACTED);
}

interface SafeError {
  type: string;
  message: string;
  /** SQLSTATE or errno code. */
  code?: string;
  /** The SQL text of a failed query: placeholders only, never its parameters. */
  query?: string;
  table?: string;
  column?: string;
  constraint?: string;
  stack?: string;
  cause?: SafeError;
}

/**
 * What may be logged of an error: its type, code, scrubbed message and stack frames, and for a
 * failed query the SQL text (never TypeORM's `parameters`, PostgreSQL's `detail`, or any other
 * property that could carry the values a user sent).
 */
export function safeError(error: unknown, depth = 0): SafeError {
  if (typeof error !== 'object' || error === null)
    return { type: typeof error, message: scrubText(String(error)) };
  const source = error as Record<string, unknown>;
  const name = typeof source.name === 'string' ? source.name : (error.constructor?.name ?? 'Error');
  const message = typeof source.message === 'string' ? scrubText(source.message) : '';
  const result: SafeError = { type: name, message };
  const driver = (
    typeof source.driverError === 'object' && source.driverError !== null ? source.driverError : source
  ) as Record<string, unknown>;
  const code =
    typeof driver.code === 'string' ? driver.code : typeof source.code === 'string' ? source.code : undefined;
  if (code) result.code = code;
  if (typeof source.query === 'string') result.query = scrubText(source.query.slice(0, 2000));
  for (const key of ['table', 'column', 'constraint'] as const) {
    if (typeof driver[key] === 'string') result[key] = driver[key] as string;
  }
  if (typeof source.stack === 'string') {
    const frames = source.stack.split('\n').filter((line) => /^\s+at /.test(line));
    if (frames.length) result.stack = scrubText(frames.slice(0, 15).join('\n'));
  }
  if (source.cause !== undefined && depth < 3) result.cause = safeError(source.cause, depth + 1);
  return result;
}

/**
 * A copy of a log object without personal data: Error values become `safeError` (a top-level
 * `err` is renamed `error`), personal keys are redacted, strings scrubbed.
 */
export function redactForLog(value: unknown, depth = 0): unknown {
  if (value instanceof Error) return safeError(value);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return scrubText(value);
  if (typeof value !== 'object' || value === null) return value;
  if (depth > 4) return REDACTED;
  if (Array.isArray(value)) return value.slice(0, 50).map((item) => redactForLog(item, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    // Logged as `error`: pino's `err` serializer would rebuild the reduced error from scratch.
    if (key === 'err' && depth === 0) copy.error = redactForLog(inner, depth + 1);
    else if (PERSONAL_KEY.test(key)) copy[key] = REDACTED;
    else if (OWN_KEY.test(key) && typeof inner === 'string') copy[key] = inner;
    else copy[key] = redactForLog(inner, depth + 1);
  }
  return copy;
}

/** The request as Fastify's default `req` serializer sees it. */
interface LoggedRequest {
  method: string;
  url: string;
  hostname?: string;
  ip?: string;
  socket?: { remotePort?: number };
}

/**
 * Fastify's request-log serializer without personal data: query strings carry search text (a name,
 * a phone number), so only their parameter names are kept. For the Fastify logger options in
 * app.factory.ts (`serializers: requestLogSerializers`).
 */
/** 203.0.113.57 → 203.0.113.0/24; IPv6 keeps its /48 prefix. */
export function maskAddress(ip: string | undefined): string | undefined {
  if (!ip) return ip;
  const v4 = /^(?:::ffff:)?(\d+\.\d+\.\d+)\.\d+$/.exec(ip);
  if (v4) return `${v4[1]}.0/24`;
  if (ip.includes(':')) return `${ip.split(':').slice(0, 3).join(':')}::/48`;
  return '[address]';
}

export const requestLogSerializers = {
  req(request: LoggedRequest) {
    const [pathname, query] = request.url.split('?', 2);
    const names = query ? query.split('&').map((pair) => `${pair.split('=')[0]}=…`) : [];
    return {
      method: request.method,
      url: names.length ? `${pathname}?${names.join('&')}` : pathname,
      hostname: request.hostname,
      // An address is personal data: enough of it to tell networks apart, not a person.
      remoteAddress: maskAddress(request.ip),
    };
  },
};
