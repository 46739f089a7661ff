/**
 * Status rules as data. Every workflow that is not an application (competitions, decisions,
 * notices, objections, expenditures, surveys, trips, agreements, reports, …) writes its moves as a
 * table of {from[], action, to, roles?} and asks `findMove` whether a move exists; nothing checks a
 * status by hand. The application lifecycle (application-workflow.ts) keeps its own richer table
 * but answers with the same two refusal codes.
 */

export interface StateMove<S extends string = string, A extends string = string, R extends string = string> {
  from: readonly S[];
  action: A;
  to: S;
  /** Who may make the move; absent means the route's permission is the whole check. */
  roles?: readonly R[];
}

export type MoveRefusal = 'ACTION_NOT_ALLOWED_IN_STATUS' | 'ROLE_NOT_ALLOWED';

export type MoveLookup<M> = { ok: true; move: M } | { ok: false; code: MoveRefusal };

/**
 * The move `action` makes from `status` for someone holding `roles` (or for the system itself —
 * a scheduled job — when `roles` is 'system' or omitted). ACTION_NOT_ALLOWED_IN_STATUS when no one
 * could make it from this status (a 409 for the API), ROLE_NOT_ALLOWED when someone could, but not
 * these roles (a 403). Several rows may share an action; the first that matches status and role wins.
 */
export function findMove<M extends StateMove>(
  table: readonly M[],
  status: M['from'][number],
  action: M['action'],
  roles: readonly string[] | 'system' = 'system',
): MoveLookup<M> {
  const candidates = table.filter((move) => move.action === action && move.from.includes(status));
  if (candidates.length === 0) return { ok: false, code: 'ACTION_NOT_ALLOWED_IN_STATUS' };
  const allowed = candidates.find(
    (move) => roles === 'system' || !move.roles || move.roles.some((role) => roles.includes(role)),
  );
  return allowed ? { ok: true, move: allowed } : { ok: false, code: 'ROLE_NOT_ALLOWED' };
}

/** Whether `action` can be taken from `status` (ignoring roles). */
export function canMove<M extends StateMove>(table: readonly M[], status: M['from'][number], action: M['action']): boolean {
  return findMove(table, status, action).ok;
}

/** The actions someone holding `roles` may take from `status`, in table order, without repeats. */
export function actionsFrom<M extends StateMove>(
  table: readonly M[],
  status: M['from'][number],
  roles: readonly string[] | 'system' = 'system',
): Array<M['action']> {
  const actions: Array<M['action']> = [];
  for (const move of table) {
    if (!actions.includes(move.action) && findMove(table, status, move.action, roles).ok) actions.push(move.action);
  }
  return actions;
}

/** The statuses an action starts from (for a set-wise query: "every row this action could move"). */
export function statusesFor<M extends StateMove>(table: readonly M[], action: M['action']): Array<M['from'][number]> {
  return [...new Set(table.filter((move) => move.action === action).flatMap((move) => move.from))];
}
