import { HttpException } from '@nestjs/common';
import { domainErrorFromPostgres } from '../database/postgres-error-mapping.js';
import {
  DomainError,
  ERROR_CATALOGUE,
  type ErrorCode,
  type ErrorResponse,
  type FieldErrors,
  type Language,
} from '@xiaoshi/contracts';
import { errorText, fieldMessageText } from './translations.js';

export type { Language };

/** zh-CN unless the client prefers English. */
export function languageOf(acceptLanguage: string | string[] | undefined): Language {
  const header = Array.isArray(acceptLanguage) ? acceptLanguage[0] : acceptLanguage;
  if (!header) return 'zh';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh';
}

const STATUS_TO_CODE: Record<number, ErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE',
};

/** Fastify's own errors raised before a handler runs (body parsing, limits). */
const FASTIFY_CODE_TO_CODE: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
  FST_REQ_FILE_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_FILES_LIMIT: 'PAYLOAD_TOO_LARGE',
  FST_PARTS_LIMIT: 'PAYLOAD_TOO_LARGE',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
};

/** What a 503 tells clients to wait before trying again (a PostgreSQL restart takes ~5 s). */
export const RETRY_AFTER_SECONDS = 5;

export interface MappedError {
  status: number;
  body: ErrorResponse;
  /** True when this is our bug (5xx other than 503) and must be logged with its stack. */
  unexpected: boolean;
  /** Set on 503: the `Retry-After` header to send, in seconds. */
  retryAfterSeconds?: number;
}

/**
 * SQLSTATEs of a database that is unreachable, restarting or refusing connections for now:
 * class 08 (connection exception), 57P01/57P02/57P03 (admin or crash shutdown, cannot connect
 * now) and 53300 (too many connections).
 */
const UNAVAILABLE_SQLSTATE = /^(08[0-9A-Z]{3}|57P0[123]|53300)$/;
/** Socket-level failures reaching PostgreSQL or Redis. */
const UNAVAILABLE_ERRNO = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ENOTFOUND',
]);
/** Driver messages without a code: pg, pg-pool, ioredis and BullMQ on a lost or missing server. */
const UNAVAILABLE_MESSAGE = new RegExp(
  [
    '^Connection terminated',
    'timeout exceeded when trying to connect',
    'Client has encountered a connection error and is not queryable',
    'Client was closed and is not queryable',
    '^Connection is closed',
    "^Stream isn't writeable",
    '^Command timed out',
    'max retries per request limit',
  ].join('|'),
);
/** TypeORM's own errors for a data source without a usable connection. */
const UNAVAILABLE_NAMES = new Set(['ConnectionIsNotSetError', 'CannotExecuteNotConnectedError', 'MaxRetriesPerRequestError']);

/**
 * True when an error means a backing service (PostgreSQL, Redis) is away or restarting rather
 * than a bug: TypeORM's QueryFailedError and other wrappers are looked through (driverError,
 * cause, AggregateError's errors).
 */
export function isServiceUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 4) return false;
  const candidate = error as {
    code?: unknown;
    name?: unknown;
    message?: unknown;
    driverError?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (typeof candidate.code === 'string' && (UNAVAILABLE_SQLSTATE.test(candidate.code) || UNAVAILABLE_ERRNO.has(candidate.code))) {
    return true;
  }
  if (typeof candidate.name === 'string' && UNAVAILABLE_NAMES.has(candidate.name)) return true;
  if (typeof candidate.message === 'string' && UNAVAILABLE_MESSAGE.test(candidate.message)) return true;
  const inner = [candidate.driverError, candidate.cause, ...(Array.isArray(candidate.errors) ? candidate.errors : [])];
  return inner.some((next) => next !== error && isServiceUnavailable(next, depth + 1));
}

/** Maps anything thrown to the single error shape `{ code, message, fields }`. */
export function mapError(error: unknown, language: Language, requestId: string): MappedError {
  let code: ErrorCode = 'INTERNAL';
  let fields: Record<string, string> | undefined;
  if (error instanceof DomainError) {
    code = error.code;
    if (error.fields) {
      fields = translateFields(error.fields, language);
    }
  } else if (error instanceof HttpException) {
    // Nest wraps Fastify's own errors (body parsing, limits) and keeps the original as the cause.
    const cause = isFastifyError(error.cause) ? FASTIFY_CODE_TO_CODE[error.cause.code] : undefined;
    code = cause ?? STATUS_TO_CODE[error.getStatus()] ?? (error.getStatus() < 500 ? 'BAD_REQUEST' : 'INTERNAL');
  } else if (isFastifyError(error)) {
    code =
      FASTIFY_CODE_TO_CODE[error.code] ??
      STATUS_TO_CODE[error.statusCode ?? 500] ??
      ((error.statusCode ?? 500) < 500 ? 'BAD_REQUEST' : 'INTERNAL');
  } else if (isServiceUnavailable(error)) {
    code = 'SERVICE_UNAVAILABLE';
  } else {
    // A constraint the service did not check first: the database refused the write, nothing was
    // written, and the request is at fault (see postgres-error-mapping.ts).
    const refused = domainErrorFromPostgres(error);
    if (refused) {
      code = refused.code;
      if (refused.fields) {
        fields = translateFields(refused.fields, language);
      }
    }
  }
  const entry = ERROR_CATALOGUE[code];
  const unavailable = entry.status === 503;
  return {
    status: entry.status,
    body: { code, message: errorText(code, language), ...(fields ? { fields } : {}), requestId },
    unexpected: entry.status >= 500 && !unavailable,
    ...(unavailable ? { retryAfterSeconds: RETRY_AFTER_SECONDS } : {}),
  };
}

function translateFields(fields: FieldErrors, language: Language): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([path, text]) => [path, fieldMessageText(text, language)]));
}

function isFastifyError(error: unknown): error is { code: string; statusCode?: number } {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    ((error as { code: string }).code.startsWith('FST_') ||
      typeof (error as { statusCode?: unknown }).statusCode === 'number')
  );
}
