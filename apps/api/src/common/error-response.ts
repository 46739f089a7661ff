import { HttpException } from '@nestjs/common';
import { DomainError, ERROR_CATALOGUE, type ErrorCode, type ErrorResponse } from '@xiaoshi/contracts';

export type Language = 'zh' | 'en';

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

export interface MappedError {
  status: number;
  body: ErrorResponse;
  /** True when this is our bug (5xx) and must be logged with its stack. */
  unexpected: boolean;
}

/** Maps anything thrown to the single error shape `{ code, message, fields }`. */
export function mapError(error: unknown, language: Language, requestId: string): MappedError {
  let code: ErrorCode = 'INTERNAL';
  let fields: Record<string, string> | undefined;
  if (error instanceof DomainError) {
    code = error.code;
    if (error.fields) {
      fields = Object.fromEntries(Object.entries(error.fields).map(([path, text]) => [path, text[language]]));
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
  }
  const entry = ERROR_CATALOGUE[code];
  return {
    status: entry.status,
    body: { code, message: entry[language], ...(fields ? { fields } : {}), requestId },
    unexpected: entry.status >= 500,
  };
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
