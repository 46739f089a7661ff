/** PostgreSQL SQLSTATE codes the services translate into domain errors. */
export const PG_CHECK_VIOLATION = '23514';
export const PG_UNIQUE_VIOLATION = '23505';
export const PG_FOREIGN_KEY_VIOLATION = '23503';

export function pgErrorOf(error: unknown): { code: string; constraint?: string } | null {
  const candidate = (error as { driverError?: unknown })?.driverError ?? error;
  if (typeof candidate === 'object' && candidate !== null && typeof (candidate as { code?: unknown }).code === 'string') {
    return candidate as { code: string; constraint?: string };
  }
  return null;
}

/**
 * TypeORM answers `query()` with `[rows, affected]` for UPDATE and DELETE (with RETURNING) and with
 * the rows alone for SELECT and INSERT. This returns the rows either way.
 */
export function returnedRows<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as T[];
  }
  return result as T[];
}
