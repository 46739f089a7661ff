import { DomainError, fieldText, type FieldErrors } from '@xiaoshi/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { languageOf, mapError } from './error-response.js';

/**
 * Text PostgreSQL cannot store, refused at the door. A NUL (U+0000) is not allowed in a `text`
 * value, and neither NUL nor a lone UTF-16 surrogate (e.g. "\ud800", which JSON can carry) in a
 * `jsonb` one; left alone they surface as a 500 from deep inside a transaction. Every JSON body,
 * query string, path parameter and multipart upload (file name and fields) passes through here
 * before any guard or handler runs, so the whole API answers them with one 400 and a field path.
 */

const NOT_ALLOWED = fieldText('unstorableText');

type WellFormed = string & { isWellFormed(): boolean };

export function isStorableText(text: string): boolean {
  return !text.includes('\u0000') && (text as WellFormed).isWellFormed();
}

/** The dotted path of the first string (key or value) that PostgreSQL could not store, or null. */
export function findUnstorableText(value: unknown, rootPath = ''): string | null {
  // The common cases without allocating: nothing, a plain value, a flat object of plain values
  // (route parameters, a query string).
  if (value === null || value === undefined || typeof value === 'number' || typeof value === 'boolean')
    return null;
  if (typeof value === 'string') return isStorableText(value) ? null : rootPath || '_';
  if (!Array.isArray(value) && typeof value === 'object') {
    let flat = true;
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      if (!isStorableText(key)) return join(rootPath, key);
      const inner = (value as Record<string, unknown>)[key];
      if (typeof inner === 'string') {
        if (!isStorableText(inner)) return join(rootPath, key);
      } else if (inner !== null && typeof inner === 'object') {
        flat = false;
        break;
      }
    }
    if (flat) return null;
  }
  // Iterative: a deeply nested body must not overflow the stack.
  const pending: Array<[unknown, string]> = [[value, rootPath]];
  while (pending.length > 0) {
    const [current, path] = pending.pop()!;
    if (typeof current === 'string') {
      if (!isStorableText(current)) return path || '_';
    } else if (Array.isArray(current)) {
      for (let index = current.length - 1; index >= 0; index -= 1) {
        pending.push([current[index], join(path, String(index))]);
      }
    } else if (current !== null && typeof current === 'object') {
      for (const [key, inner] of Object.entries(current as Record<string, unknown>)) {
        const innerPath = join(path, key);
        if (!isStorableText(key)) return innerPath;
        pending.push([inner, innerPath]);
      }
    }
  }
  return null;
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

export function unstorableTextError(path: string): DomainError {
  const fields: FieldErrors = { [path]: NOT_ALLOWED };
  return new DomainError('VALIDATION_FAILED', fields);
}

function refuse(request: FastifyRequest, reply: FastifyReply, path: string) {
  const mapped = mapError(
    unstorableTextError(path),
    languageOf(request.headers['accept-language']),
    String(request.id),
  );
  return reply.status(mapped.status).send(mapped.body);
}

interface MultipartFile {
  filename: string;
  fieldname: string;
  fields: Record<string, unknown>;
}
type FileReader = (...args: unknown[]) => Promise<MultipartFile | undefined>;

/** Installs the check on every route (call after the multipart plugin is registered). */
export function refuseUnstorableText(fastify: FastifyInstance): void {
  // A synchronous hook: it runs on every request, and an async one costs a promise and a microtask.
  fastify.addHook('preValidation', (request, reply, done) => {
    const path =
      findUnstorableText(request.params) ??
      findUnstorableText(request.query) ??
      findUnstorableText(request.body);
    if (path !== null) {
      void refuse(request, reply, path);
      return;
    }
    if (request.headers['content-type'] !== undefined && request.isMultipart()) guardUploads(request);
    done();
  });
}

/** Multipart bodies are read by the handler: check each part's file name and fields as it arrives. */
function guardUploads(request: FastifyRequest): void {
  const target = request as unknown as { file: FileReader };
  const readFile = target.file.bind(request);
  target.file = async (...args: unknown[]) => {
    const file = await readFile(...args);
    if (file) {
      if (!isStorableText(file.filename)) throw unstorableTextError(file.fieldname || 'file');
      for (const [name, field] of Object.entries(file.fields)) {
        const parts = (Array.isArray(field) ? field : [field]) as Array<{ value?: unknown } | undefined>;
        if (
          !isStorableText(name) ||
          parts.some((part) => typeof part?.value === 'string' && !isStorableText(part.value))
        ) {
          throw unstorableTextError(name);
        }
      }
    }
    return file;
  };
}
