import { DomainError, fieldText } from '@xiaoshi/contracts';
import { PG_FOREIGN_KEY_VIOLATION, PG_UNIQUE_VIOLATION, pgErrorOf } from './postgres-errors.js';

/**
 * The last line of defence for constraint violations a service did not anticipate: the database
 * refused the write, so nothing was written, and the request — not the server — is at fault. Each
 * becomes the 4xx a service would have thrown, naming the field when PostgreSQL names the column.
 * Services should still check what they can first and say it better; this keeps a missed case from
 * surfacing as a 500.
 */
export function domainErrorFromPostgres(error: unknown): DomainError | null {
  const pg = pgErrorOf(error) as { code: string; detail?: string; column?: string } | null;
  if (!pg) return null;
  if (pg.code === PG_FOREIGN_KEY_VIOLATION) {
    // detail: Key (reviewer_user_id)=(693676381) is not present in table "app_user".
    const column = /^Key \(([a-z0-9_]+)\)=/.exec(pg.detail ?? '')?.[1];
    if (!column || !/is not present in table/.test(pg.detail ?? '')) return new DomainError('CONFLICT');
    return new DomainError('VALIDATION_FAILED', {
      [camelCase(column)]: fieldText('referenceMissing'),
    });
  }
  if (pg.code === PG_UNIQUE_VIOLATION) return new DomainError('CONFLICT');
  // Class 22, data exceptions: a value out of the column's range, an invalid date, too long a text.
  if (pg.code.startsWith('22')) {
    const column = pg.column;
    return new DomainError(
      'VALIDATION_FAILED',
      column ? { [camelCase(column)]: fieldText('outOfRange') } : undefined,
    );
  }
  // Serialization failures and deadlocks: the request may simply be retried.
  if (pg.code === '40001' || pg.code === '40P01') return new DomainError('CONFLICT');
  return null;
}

function camelCase(column: string): string {
  return column.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}
