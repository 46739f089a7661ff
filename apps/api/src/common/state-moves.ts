import { DomainError, type FieldErrors } from '@xiaoshi/contracts';
import { findMove, type StateMove } from '@xiaoshi/domain';

/**
 * The API side of libs/domain's status tables: the move `action` makes from `status`, or the
 * refusal as a DomainError — INVALID_TRANSITION (409) when the status does not allow it, FORBIDDEN
 * (403) when it does but not for these roles. Services call this instead of comparing statuses.
 */
export function requireMove<M extends StateMove>(
  table: readonly M[],
  status: string,
  action: M['action'],
  roles: readonly string[] | 'system' = 'system',
  fields?: FieldErrors,
): M {
  const lookup = findMove(table, status as M['from'][number], action, roles);
  if (lookup.ok) return lookup.move;
  throw new DomainError(lookup.code === 'ROLE_NOT_ALLOWED' ? 'FORBIDDEN' : 'INVALID_TRANSITION', fields);
}
