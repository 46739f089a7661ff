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
