import fc from 'fast-check';
import { z } from 'zod';

/**
 * fast-check arbitraries drawn from the contracts' zod schemas (through their JSON Schema), for
 * fuzzing the API with bodies that are mostly well-formed — so they get past validation and into
 * the services — and sometimes not.
 */

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  pattern?: string;
  format?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
};

export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

const dateText = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

/** Ids of rows that exist in the seeded database are small; reach them often. */
const likelyId = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 6 }) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 2 ** 31 - 1 }) });

function stringArbitrary(schema: JsonSchema): fc.Arbitrary<string> {
  if (schema.format === 'date') return dateText;
  if (schema.format === 'date-time') {
    return fc
      .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
      .map((date) => date.toISOString());
  }
  if (schema.format === 'email') return fc.emailAddress();
  if (schema.pattern) {
    try {
      const matching = fc.stringMatching(new RegExp(schema.pattern));
      // Clipped rather than filtered: a filter that rarely passes would spin forever.
      return schema.maxLength === undefined ? matching : matching.map((text) => text.slice(0, schema.maxLength));
    } catch {
      // A pattern fast-check cannot invert: plain strings, which validation mostly refuses.
    }
  }
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.min(schema.maxLength ?? 40, minLength + 40);
  const words = ['龙街社区', '测试', '小实事', 'x'].filter((text) => text.length >= minLength && text.length <= maxLength);
  const any = fc.string({ minLength, maxLength, unit: 'grapheme' });
  return words.length ? fc.oneof(any, fc.constantFrom(...words)) : any;
}

function numberArbitrary(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const low = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + (integer ? 1 : 0.001) : -1e6);
  const high = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - (integer ? 1 : 0.001) : 1e9);
  if (integer) {
    const min = Math.max(Math.ceil(low), Number.MIN_SAFE_INTEGER);
    const max = Math.min(Math.floor(high), Number.MAX_SAFE_INTEGER);
    if (min === 1 && max >= 6) return likelyId.filter((value) => value <= max);
    return fc.oneof(fc.integer({ min: Math.max(min, -(2 ** 31)), max: Math.min(max, 2 ** 31 - 1) }), fc.constantFrom(min, max));
  }
  return fc.double({ min: low, max: high, noNaN: true, noDefaultInfinity: true });
}

/** An arbitrary for a JSON Schema node, as zod 4 emits them. */
export function arbitraryOf(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  if (depth > 6) return fc.constant(null);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((inner) => arbitraryOf(inner, depth + 1)));
  if (schema.allOf?.length) return arbitraryOf(Object.assign({}, ...schema.allOf) as JsonSchema, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      return stringArbitrary(schema);
    case 'integer':
      return numberArbitrary(schema, true);
    case 'number':
      return numberArbitrary(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const minLength = schema.minItems ?? 0;
      const maxLength = Math.min(schema.maxItems ?? 4, minLength + 4);
      return fc.array(schema.items ? arbitraryOf(schema.items, depth + 1) : fc.jsonValue(), { minLength, maxLength });
    }
    case 'object': {
      const properties = schema.properties ?? {};
      const keys = Object.keys(properties);
      if (keys.length === 0) return fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 });
      const shape = Object.fromEntries(keys.map((key) => [key, arbitraryOf(properties[key], depth + 1)]));
      return fc.record(shape, { requiredKeys: (schema.required ?? []).filter((key) => key in shape) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Well-formed-looking bodies most of the time; sometimes any JSON at all. */
export function bodyArbitrary(schema: z.ZodType | undefined): fc.Arbitrary<unknown> {
  if (!schema) return fc.jsonValue({ maxDepth: 3 });
  return fc.oneof({ weight: 5, arbitrary: arbitraryOf(jsonSchemaOf(schema)) }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) });
}

/** The two kinds of text PostgreSQL refuses. */
export const HOSTILE_STRINGS = ['nul\u0000byte', 'lone\ud800surrogate', '\udfff'] as const;

/**
 * A copy of `value` with one string replaced by hostile text (or, when it holds no string, with a
 * hostile key or value added), and the dotted path that was poisoned.
 */
export function poison(value: unknown, hostile: string, pick: number): { body: unknown; path: string } {
  const paths: string[][] = [];
  const visit = (node: unknown, path: string[]) => {
    if (typeof node === 'string') paths.push(path);
    else if (Array.isArray(node)) node.forEach((inner, index) => visit(inner, [...path, String(index)]));
    else if (node && typeof node === 'object') for (const [key, inner] of Object.entries(node)) visit(inner, [...path, key]);
  };
  visit(value, []);
  if (paths.length === 0 || !value || typeof value !== 'object') {
    const base = value && typeof value === 'object' && !Array.isArray(value) ? value : {};
    return { body: { ...base, note: hostile }, path: 'note' };
  }
  const target = paths[pick % paths.length];
  const body = structuredClone(value) as Record<string, unknown>;
  let node: Record<string, unknown> = body;
  for (const key of target.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[target[target.length - 1]] = hostile;
  return { body, path: target.join('.') };
}
