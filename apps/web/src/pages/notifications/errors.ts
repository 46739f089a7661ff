import { isApiError } from '../../api/errors';

/** The API's message is already in the UI language; anything else is shown as it is. */
export function errorMessage(error: unknown): string {
  if (isApiError(error)) return error.message;
  return error instanceof Error ? error.message : String(error);
}
