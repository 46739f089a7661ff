import type { App, FormInstance } from 'antd';
import { isApiError } from '../api/errors';
import type { Translate } from '../i18n/I18nProvider';

type MessageApi = ReturnType<typeof App.useApp>['message'];

/** A sentence for any error, in the UI language (the API already localised its own). */
export function errorMessage(error: unknown, t: Translate): string {
  if (isApiError(error)) {
    if (error.code === 'NETWORK_ERROR') return t('error.network');
    if (error.code === 'BAD_RESPONSE') return t('error.badResponse');
    return error.message;
  }
  return t('error.loadFailed');
}

/**
 * Puts the API's field messages (`fields: {path: message}`) on the matching form items.
 * Returns the messages that fit no item on this form (the caller shows those another way).
 */
export function applyFieldErrors(form: FormInstance, error: unknown, known: readonly string[]): string[] {
  if (!isApiError(error)) return [];
  const placed: Array<{ name: string; errors: string[] }> = [];
  const unplaced: string[] = [];
  for (const [path, text] of Object.entries(error.fields)) {
    const name = path.split('.')[0];
    if (known.includes(name)) placed.push({ name, errors: [text] });
    else unplaced.push(text);
  }
  if (placed.length) form.setFields(placed);
  return unplaced;
}

/**
 * The standard reaction to a failed form submit: field messages on their fields, anything else
 * (or an error without fields) as a toast.
 */
export function reportFormError(
  form: FormInstance,
  error: unknown,
  known: readonly string[],
  message: MessageApi,
  t: Translate,
): void {
  const unplaced = applyFieldErrors(form, error, known);
  const placedSome = isApiError(error) && Object.keys(error.fields).length > unplaced.length;
  if (!placedSome || unplaced.length) {
    void message.error([errorMessage(error, t), ...unplaced].join(' '));
  }
}
