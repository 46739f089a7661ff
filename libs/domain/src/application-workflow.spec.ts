import {
  APPLICATION_ACTIONS,
  APPLICATION_STATUSES,
  APPLICATION_TRANSITIONS,
  availableActions,
  canEditApplication,
  findTransition,
  isEditable,
  STATUS_LABELS,
  type ApplicationAction,
  type ApplicationStatus,
  type Role,
} from './application-workflow.js';

const ROLES: Role[] = [
  'district_admin',
  'finance',
  'street_officer',
  'community_officer',
  'partner',
  'reviewer',
  'inspector',
  'auditor',
];

/**
 * The expected table, written out independently of APPLICATION_TRANSITIONS:
 * "from action role → to (R = reason required)". Every combination not listed must be refused.
 */
const EXPECTED = `
draft submit_to_street community_officer → awaiting_street
returned submit_to_street community_officer → awaiting_street
awaiting_street return_to_community street_officer → draft R
draft submit street_officer → submitted
awaiting_street submit street_officer → submitted
returned submit street_officer → submitted
submitted screen_eligible district_admin → eligible
submitted screen_return district_admin → returned R
submitted screen_ineligible district_admin → ineligible R
draft withdraw community_officer → withdrawn R
awaiting_street withdraw community_officer → withdrawn R
draft withdraw street_officer → withdrawn R
awaiting_street withdraw street_officer → withdrawn R
submitted withdraw street_officer → withdrawn R
returned withdraw street_officer → withdrawn R
eligible withdraw street_officer → withdrawn R
in_review withdraw street_officer → withdrawn R
scored withdraw street_officer → withdrawn R
`;

const expected = new Map<string, { to: ApplicationStatus; reason: boolean }>();
for (const line of EXPECTED.trim().split('\n')) {
  const [from, action, role, , to, r] = line.split(' ');
  expected.set(`${from} ${action} ${role}`, { to: to as ApplicationStatus, reason: r === 'R' });
}

const matrix: Array<[ApplicationStatus, ApplicationAction, Role]> = [];
for (const s of APPLICATION_STATUSES)
  for (const a of APPLICATION_ACTIONS) for (const r of ROLES) matrix.push([s, a, r]);

describe('application workflow', () => {
  it('has the expected size of matrix', () => {
    expect(matrix).toHaveLength(18 * 7 * 8);
  });

  it.each(matrix)('%s × %s × %s matches the table', (status, action, role) => {
    const want = expected.get(`${status} ${action} ${role}`);
    const got = findTransition(status, action, [role]);
    if (want) {
      expect(got).toEqual({
        ok: true,
        transition: expect.objectContaining({ to: want.to, reasonRequired: want.reason }),
      });
    } else {
      const anyRoleCan = ROLES.some((r) => expected.has(`${status} ${action} ${r}`));
      expect(got).toEqual({
        ok: false,
        code: anyRoleCan ? 'ROLE_NOT_ALLOWED' : 'ACTION_NOT_ALLOWED_IN_STATUS',
      });
    }
  });

  it('lets a user with several roles act with any of them', () => {
    expect(findTransition('submitted', 'screen_eligible', ['auditor', 'district_admin'])).toMatchObject({
      ok: true,
    });
    expect(findTransition('submitted', 'withdraw', ['community_officer', 'street_officer'])).toMatchObject({
      ok: true,
    });
    expect(findTransition('draft', 'submit', [])).toEqual({ ok: false, code: 'ROLE_NOT_ALLOWED' });
  });

  it('never has two transitions for one status and action leading to different places', () => {
    for (const s of APPLICATION_STATUSES)
      for (const a of APPLICATION_ACTIONS) {
        const targets = new Set(
          APPLICATION_TRANSITIONS.filter((t) => t.action === a && t.from.includes(s)).map((t) => t.to),
        );
        expect(targets.size).toBeLessThanOrEqual(1);
      }
  });

  it('requires a reason for every backward move and withdrawal', () => {
    for (const t of APPLICATION_TRANSITIONS) {
      const backward = ['return_to_community', 'screen_return', 'screen_ineligible', 'withdraw'].includes(
        t.action,
      );
      expect(t.reasonRequired).toBe(backward);
    }
  });

  it.each<[ApplicationStatus, Role[], ApplicationAction[]]>([
    ['draft', ['community_officer'], ['submit_to_street', 'withdraw']],
    ['draft', ['street_officer'], ['submit', 'withdraw']],
    ['awaiting_street', ['street_officer'], ['return_to_community', 'submit', 'withdraw']],
    ['submitted', ['district_admin'], ['screen_eligible', 'screen_return', 'screen_ineligible']],
    ['submitted', ['community_officer'], []],
    ['returned', ['community_officer'], ['submit_to_street']],
    ['approved', ['district_admin', 'street_officer'], []],
    ['scored', ['auditor'], []],
  ])('availableActions(%s, %j) = %j', (status, roles, actions) => {
    expect(availableActions(status, roles)).toEqual(actions);
  });

  it('lets content be edited only in draft, awaiting_street and returned', () => {
    expect(APPLICATION_STATUSES.filter(isEditable)).toEqual(['draft', 'awaiting_street', 'returned']);
  });

  it('labels every status in both languages', () => {
    for (const s of APPLICATION_STATUSES) {
      expect(STATUS_LABELS[s].zh).toBeTruthy();
      expect(STATUS_LABELS[s].en).toBeTruthy();
    }
  });
});

describe('who edits an application', () => {
  it.each([
    ['draft', ['community_officer'], true],
    ['draft', ['street_officer'], true],
    ['awaiting_street', ['community_officer'], false],
    ['awaiting_street', ['street_officer'], true],
    ['returned', ['community_officer'], true],
    ['submitted', ['street_officer'], false],
    ['draft', ['district_admin'], false],
  ] as const)('%s by %j: %s', (status, roles, expected) => {
    expect(canEditApplication(status, roles)).toBe(expected);
  });
});
