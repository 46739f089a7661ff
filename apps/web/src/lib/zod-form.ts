/**
 * Contracts drive the forms. One adapter from the libs/contracts zod schemas the API validates with
 * to antd form rules, and (re-exported from form-errors.ts) back from an API 400 to the form:
 *
 *   import { CreateUserRequest } from '@xiaoshi/contracts';
 *   const rules = useZodRules(CreateUserRequest);
 *   <Form.Item name="username" rules={rules('username', { message: t('usernameInvalid') })} />
 *   <Form.Item name="phone" rules={rules('phone')} />                       // contracts message 'phone'
 *   <Form.Item name="amount" rules={rules('amountFen', { from: parseYuan })} />  // form value → request value
 *   <Form.Item name={[index, 'name']} rules={rules('categories[].name')} />  // inside arrays
 *   ...
 *   try { await save(values) } catch (error) { reportFormError(form, error, message) }
 *
 * - `field` is a dotted path into the schema; `[]` steps into an array's element. Optional,
 *   nullable and default wrappers are looked through.
 * - Empty (undefined, null, blank text, empty list) is judged by the schema too: a field that does
 *   not accept `undefined` is required, gets antd's asterisk and the `required` message (the
 *   field's own, else a generic one), never zod's "expected string, received undefined".
 * - Anything else is parsed with the field's schema (after `from`, which turns the form's value into
 *   the request's: 元 text into fen, a dayjs into an ISO string). The first issue is shown: the
 *   field's own `message` (or `messages[issue.code]`) when given, else the shared dictionary's text for the contracts' named
 *   messages ('phone', 'letters', 'digits' — the API sends the same), else zod's own zh-CN or
 *   English locale, as the API does. Messages are worked out when validation runs, so they follow
 *   the language shown.
 *
 * Importing a contracts schema loads zod; page chunks do, the sign-in route must not (it uses
 * form-errors.ts only).
 */
import type { FormRule } from 'antd';
import { isFieldMessageKey } from '@xiaoshi/contracts';
import type { z } from 'zod';
import english from 'zod/v4/locales/en.js';
import chinese from 'zod/v4/locales/zh-CN.js';
import { useCallback } from 'react';
import { commonText } from '../i18n/common';
import { currentLang, i18n, useLang } from '../i18n/i18n';
import { parseYuan } from './money';

export { applyFieldErrors, reportFormError, type FieldErrorOptions } from './form-errors';

export interface ZodRuleOptions {
  /** Shown for any invalid value instead of zod's wording (e.g. '用户名格式不正确'). */
  message?: string;
  /** Shown for one kind of zod issue instead of its wording ({ too_small: '新密码至少 10 位' }). */
  messages?: Partial<Record<z.core.$ZodIssue['code'], string>>;
  /** Shown when a required field is empty (default: a generic 'required' text). */
  required?: string;
  /** Overrides whether the field is required (default: whether the schema rejects `undefined`). */
  optional?: boolean;
  /** The form's value → the request's value, before parsing ('12,600' 元 → 1260000 fen). */
  from?: (value: unknown) => unknown;
  /** Accepts a value without parsing it (a stored value the user left unchanged). */
  accept?: (value: unknown) => boolean;
}

type Schema = z.ZodType;
interface Definition {
  type: string;
  shape?: Record<string, Schema>;
  element?: Schema;
  innerType?: Schema;
  in?: Schema;
}

function definitionOf(schema: Schema): Definition {
  return (schema as unknown as { _zod: { def: Definition } })._zod.def;
}

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'nonoptional', 'catch']);

/** Looks through optional/nullable/default wrappers and pipes (transforms) to the shape underneath. */
function unwrap(schema: Schema): Schema {
  let current = schema;
  for (;;) {
    const definition = definitionOf(current);
    if (WRAPPERS.has(definition.type) && definition.innerType) current = definition.innerType;
    else if (definition.type === 'pipe' && definition.in) current = definition.in;
    else return current;
  }
}

/** The schema of `path` ('a.b', 'items[].amount') inside an object schema. */
export function fieldSchema(schema: Schema, path: string): Schema {
  let current = schema;
  for (const segment of path.split('.')) {
    const [name, ...arrays] = segment.split('[]');
    const definition = definitionOf(unwrap(current));
    const next = definition.shape?.[name];
    if (!next) throw new Error(`zod-form: no field '${path}' in the schema`);
    current = next;
    for (let depth = 0; depth < arrays.length; depth += 1) {
      const element = definitionOf(unwrap(current)).element;
      if (!element) throw new Error(`zod-form: '${path}' is not an array`);
      current = element;
    }
  }
  return current;
}

function isEmpty(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

const locales = { zh: chinese().localeError, en: english().localeError };

/** A zod issue in the language shown: the shared dictionary's text for a named message, else zod's. */
export function issueMessage(issue: z.core.$ZodIssue, lang = currentLang()): string {
  if (isFieldMessageKey(issue.message)) return i18n.t(issue.message, { ns: 'fields', lng: lang });
  const result = locales[lang](issue as never);
  if (typeof result === 'string') return result;
  return result?.message ?? issue.message;
}

/** antd rules for one field of a contracts schema (see the top of this file). */
export function zodRule(schema: Schema, field: string, options: ZodRuleOptions = {}): FormRule[] {
  const inner = fieldSchema(schema, field);
  const required = options.optional === undefined ? !inner.safeParse(undefined).success : !options.optional;
  const rules: FormRule[] = [];
  if (required) {
    rules.push({
      required: true,
      validator: (_, value: unknown) =>
        isEmpty(value)
          ? Promise.reject(new Error(options.required ?? commonText.t('required')))
          : Promise.resolve(),
    });
  }
  rules.push({
    validator: (_, value: unknown) => {
      if (isEmpty(value) || options.accept?.(value)) return Promise.resolve();
      const result = inner.safeParse(options.from ? options.from(value) : value);
      if (result.success) return Promise.resolve();
      const issue = result.error.issues[0];
      return Promise.reject(
        new Error(options.message ?? options.messages?.[issue.code] ?? issueMessage(issue)),
      );
    },
  });
  return rules;
}

/**
 * Options for an amount typed in 元 checked against a fen field (contracts `Fen`): the text is
 * parsed to fen first; unreadable text, a zero where at least 1 fen is needed and an empty
 * required amount get the shared money messages.
 */
export function yuanOptions(options: ZodRuleOptions = {}): ZodRuleOptions {
  return {
    from: (value) => parseYuan(typeof value === 'string' ? value : String(value)),
    required: commonText.t('money.required'),
    ...options,
    messages: {
      invalid_type: commonText.t('money.invalid'),
      too_small: commonText.t('money.positive'),
      ...options.messages,
    },
  };
}

/** `zodRule` bound to a schema, for components: re-renders (new messages) when the language changes. */
export function useZodRules<T extends Schema>(
  schema: T,
): (field: string, options?: ZodRuleOptions) => FormRule[] {
  const lang = useLang();
  // The language is a dependency on purpose: the messages a caller passes are in it.
  return useCallback(
    (field: string, options?: ZodRuleOptions) => (lang ? zodRule(schema, field, options) : []),
    [schema, lang],
  );
}
