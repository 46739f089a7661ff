import type { ErrorCode } from '@xiaoshi/contracts';

/** Codes the client itself produces when no API answer could be read. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'BAD_RESPONSE';

/**
 * Every failed call ends in one of these. `message` is already in the UI language: the API
 * localises by Accept-Language, and the client's own codes are localised by the caller.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | ClientErrorCode,
    message: string,
    readonly fields: Record<string, string> = {},
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get isClientError(): boolean {
    return this.status >= 400 && this.status < 500;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export function hasCode(error: unknown, ...codes: Array<ApiError['code']>): boolean {
  return isApiError(error) && codes.includes(error.code);
}
