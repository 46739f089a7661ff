import type { ErrorCode } from '@xiaoshi/contracts';
import { isApiError } from '../api/errors';
import { commonText } from '../i18n/common';
import { i18n } from '../i18n/i18n';

/**
 * A sentence for any error, in the language shown. An API error is told by its code through the
 * API's own dictionary (libs/contracts i18n/errors.ts), so it follows a later language switch too;
 * the client's own codes (no answer, unreadable answer) have their texts in the common dictionary.
 */
export function errorMessage(error: unknown): string {
  if (isApiError(error)) {
    if (error.code === 'NETWORK_ERROR') return commonText.t('error.network');
    if (error.code === 'BAD_RESPONSE') return commonText.t('error.badResponse');
    return apiErrorText(error.code) ?? error.message;
  }
  return commonText.t('error.loadFailed');
}

/** The dictionary text of an API error code (null for a code this build does not know). */
export function apiErrorText(code: ErrorCode): string | null {
  return i18n.exists(code, { ns: 'errors' }) ? i18n.t(code, { ns: 'errors' }) : null;
}
