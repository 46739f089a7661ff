import { actionsFrom, canMove, findMove, statusesFor, type StateMove } from './state-machine.js';

type Status = 'draft' | 'open' | 'closed' | 'cancelled';
type Action = 'open' | 'close' | 'cancel' | 'reopen';

const TABLE: ReadonlyArray<StateMove<Status, Action, 'admin' | 'clerk'>> = [
  { from: ['draft'], action: 'open', to: 'open' },
  { from: ['open'], action: 'close', to: 'closed', roles: ['clerk', 'admin'] },
  { from: ['draft', 'open'], action: 'cancel', to: 'cancelled', roles: ['admin'] },
  { from: ['closed'], action: 'reopen', to: 'open', roles: ['admin'] },
  // A second row for the same action: clerks may cancel a draft, not an open one.
  { from: ['draft'], action: 'cancel', to: 'cancelled', roles: ['clerk'] },
];

describe('findMove', () => {
  it.each<[Status, Action, string[] | 'system', Status | 'ACTION_NOT_ALLOWED_IN_STATUS' | 'ROLE_NOT_ALLOWED']>([
    ['draft', 'open', ['clerk'], 'open'],
    ['draft', 'open', 'system', 'open'],
    ['open', 'open', ['admin'], 'ACTION_NOT_ALLOWED_IN_STATUS'],
    ['open', 'close', ['clerk'], 'closed'],
    ['open', 'close', [], 'ROLE_NOT_ALLOWED'],
    ['closed', 'close', ['admin'], 'ACTION_NOT_ALLOWED_IN_STATUS'],
    ['open', 'cancel', ['clerk'], 'ROLE_NOT_ALLOWED'],
    ['draft', 'cancel', ['clerk'], 'cancelled'],
    ['open', 'cancel', ['admin'], 'cancelled'],
    ['cancelled', 'reopen', ['admin'], 'ACTION_NOT_ALLOWED_IN_STATUS'],
    ['closed', 'reopen', 'system', 'open'],
  ])('%s --%s--> by %j: %s', (status, action, roles, expected) => {
    const lookup = findMove(TABLE, status, action, roles);
    expect(lookup.ok ? lookup.move.to : lookup.code).toBe(expected);
  });

  it('answers the status refusal before the role refusal (409 before 403)', () => {
    expect(findMove(TABLE, 'cancelled', 'cancel', [])).toEqual({ ok: false, code: 'ACTION_NOT_ALLOWED_IN_STATUS' });
  });

  it('treats omitted roles as the system', () => {
    expect(findMove(TABLE, 'closed', 'reopen')).toMatchObject({ ok: true, move: { to: 'open' } });
  });
});

describe('the table read other ways', () => {
  it('lists the actions a role may take from a status, once each, in table order', () => {
    expect(actionsFrom(TABLE, 'draft', ['clerk'])).toEqual(['open', 'cancel']);
    expect(actionsFrom(TABLE, 'open', ['clerk'])).toEqual(['close']);
    expect(actionsFrom(TABLE, 'open', ['admin'])).toEqual(['close', 'cancel']);
    expect(actionsFrom(TABLE, 'cancelled', 'system')).toEqual([]);
  });

  it('says whether an action exists from a status, whoever asks', () => {
    expect(canMove(TABLE, 'open', 'cancel')).toBe(true);
    expect(canMove(TABLE, 'closed', 'cancel')).toBe(false);
  });

  it('lists the statuses an action starts from', () => {
    expect(statusesFor(TABLE, 'cancel')).toEqual(['draft', 'open']);
    expect(statusesFor(TABLE, 'reopen')).toEqual(['closed']);
  });
});
