import type { App, FormInstance } from 'antd';
import { isApiError } from '../api/errors';
import { errorMessage } from './errors';

type MessageApi = ReturnType<typeof App.useApp>['message'];
type NamePath = Array<string | number>;

export interface FieldErrorOptions {
  /** API fields that sit under another name on this form ('amountFen' → 'amount'). */
  aliases?: Record<string, string | NamePath>;
}

/** 'costItems.0.amount' → ['costItems', 0, 'amount']. */
function namePathOf(path: string): NamePath {
  return path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function sameName(a: NamePath, b: readonly (string | number)[]): boolean {
  return a.length === b.length && a.every((part, index) => String(part) === String(b[index]));
}

/**
 * Puts an API 400's field messages (`fields: { 'costItems.0.amount': message }`) on the form's
 * fields: on the field of that path when the form has one, else on its nearest registered parent
 * ('costItems.0', then 'costItems'). Returns the messages that fit no field (the caller shows them
 * another way). Kept free of zod so the sign-in page can use it (see zod-form.ts).
 */
export function applyFieldErrors(form: FormInstance, error: unknown, options: FieldErrorOptions = {}): string[] {
  if (!isApiError(error)) return [];
  const registered = form.getFieldsError().map((field) => field.name);
  const placed = new Map<string, { name: NamePath; errors: string[] }>();
  const unplaced: string[] = [];
  for (const [path, text] of Object.entries(error.fields)) {
    const [head, ...rest] = namePathOf(path);
    const alias = options.aliases?.[String(head)];
    const full = alias === undefined ? [head, ...rest] : [...(Array.isArray(alias) ? alias : [alias]), ...rest];
    let target: NamePath | null = null;
    for (let length = full.length; length > 0 && !target; length -= 1) {
      const candidate = full.slice(0, length);
      if (registered.some((name) => sameName(candidate, name))) target = candidate;
    }
    if (!target) {
      unplaced.push(text);
      continue;
    }
    const key = JSON.stringify(target);
    const entry = placed.get(key) ?? { name: target, errors: [] };
    if (!entry.errors.includes(text)) entry.errors.push(text);
    placed.set(key, entry);
  }
  if (placed.size) form.setFields([...placed.values()]);
  return unplaced;
}

/**
 * The standard reaction to a failed form submit: field messages on their fields, anything else
 * (or an error without fields) as a toast.
 */
export function reportFormError(
  form: FormInstance,
  error: unknown,
  message: MessageApi,
  options: FieldErrorOptions = {},
): void {
  const unplaced = applyFieldErrors(form, error, options);
  const placedSome = isApiError(error) && Object.keys(error.fields).length > unplaced.length;
  if (!placedSome || unplaced.length) {
    void message.error([errorMessage(error), ...unplaced].join(' '));
  }
}
