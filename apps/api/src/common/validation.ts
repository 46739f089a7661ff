import { Body, Query, type PipeTransform } from '@nestjs/common';
import { ApiBody, ApiQuery } from '@nestjs/swagger';
import { DomainError, fieldText, isFieldMessageKey, type FieldErrors } from '@xiaoshi/contracts';
import { z } from 'zod';

const zhLocale = z.locales.zhCN().localeError;
const enLocale = z.locales.en().localeError;

function localised(locale: typeof zhLocale, issue: z.core.$ZodIssue): string {
  const result = locale(issue as never);
  if (typeof result === 'string') return result;
  return result?.message ?? issue.message;
}

/** Turns zod issues into field-level messages keyed by the dotted path of the field. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const paths =
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => [...issue.path, key].join('.'))
        : [issue.path.join('.') || '_'];
    // A contracts schema's own message (`message: 'phone'`) names an entry of the shared dictionary.
    const custom = isFieldMessageKey(issue.message) ? fieldText(issue.message) : null;
    for (const path of paths) {
      if (fields[path]) continue;
      fields[path] = custom ?? { zh: localised(zhLocale, issue), en: localised(enLocale, issue) };
    }
  }
  return fields;
}

export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw new DomainError('VALIDATION_FAILED', fieldErrorsOf(result.error));
  return result.data;
}

class ZodPipe implements PipeTransform {
  constructor(private readonly schema: z.ZodType) {}
  transform(value: unknown): unknown {
    return parseOrThrow(this.schema, value ?? {});
  }
}

function openApiSchema(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
}

/**
 * Contracts export a zod schema and its type under one name. tsc records such a parameter's
 * design type as Object, but swc (the test transform) records the schema object itself, which
 * confuses Nest's and Swagger's explorers. The schema is the source of truth, so reset it here.
 */
function forgetDesignType(target: object, propertyKey: string | symbol, index: number): void {
  const types = Reflect.getMetadata('design:paramtypes', target, propertyKey) as unknown[] | undefined;
  if (types && typeof types[index] !== 'function') {
    const copy = [...types];
    copy[index] = Object;
    Reflect.defineMetadata('design:paramtypes', copy, target, propertyKey);
  }
}

/** Metadata on a route handler: the contracts schema of its body / query (read by the fuzz test). */
export const BODY_SCHEMA = 'xiaoshi:body-schema';
export const QUERY_SCHEMA = 'xiaoshi:query-schema';

/** Validates the body with a contracts schema and documents it in OpenAPI. */
export function ZodBody(schema: z.ZodType): ParameterDecorator {
  return (target, propertyKey, index) => {
    if (propertyKey !== undefined) forgetDesignType(target, propertyKey, index);
    Body(new ZodPipe(schema))(target, propertyKey, index);
    if (propertyKey !== undefined) {
      const descriptor = Object.getOwnPropertyDescriptor(target, propertyKey)!;
      Reflect.defineMetadata(BODY_SCHEMA, schema, descriptor.value as object);
      ApiBody({ schema: openApiSchema(schema) as never })(target, propertyKey, descriptor);
    }
  };
}

/** Validates the query string with a contracts schema and documents each parameter. */
export function ZodQuery(schema: z.ZodObject): ParameterDecorator {
  return (target, propertyKey, index) => {
    if (propertyKey !== undefined) forgetDesignType(target, propertyKey, index);
    Query(new ZodPipe(schema))(target, propertyKey, index);
    if (propertyKey !== undefined) {
      const descriptor = Object.getOwnPropertyDescriptor(target, propertyKey)!;
      Reflect.defineMetadata(QUERY_SCHEMA, schema, descriptor.value as object);
      for (const [name, field] of Object.entries(schema.shape)) {
        ApiQuery({
          name,
          required: !(field as z.ZodType).safeParse(undefined).success,
          schema: openApiSchema(field as z.ZodType) as never,
        })(target, propertyKey, descriptor);
      }
    }
  };
}

/** Parses a numeric path id; anything else is a 400 naming the parameter. */
export class IdPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    const id = Number(value);
    if (!/^\d{1,15}$/.test(value) || !Number.isSafeInteger(id) || id <= 0) {
      throw new DomainError('VALIDATION_FAILED', { id: fieldText('id') });
    }
    return id;
  }
}
