import {
  APPLICATION_STATUSES,
  SYSTEM_TRANSITIONS,
  findSystemMove,
  movesFrom,
  type ApplicationStatus,
} from './application-workflow.js';

const TERMINAL: ApplicationStatus[] = ['withdrawn', 'ineligible', 'not_funded', 'closed'];

function reachableFrom(start: ApplicationStatus): Set<ApplicationStatus> {
  const seen = new Set<ApplicationStatus>([start]);
  const pending = [start];
  while (pending.length) {
    for (const { to } of movesFrom(pending.pop()!)) {
      if (!seen.has(to)) {
        seen.add(to);
        pending.push(to);
      }
    }
  }
  return seen;
}

describe('the application lifecycle', () => {
  it('reaches every status from a draft, user and system moves together', () => {
    expect([...reachableFrom('draft')].sort()).toEqual([...APPLICATION_STATUSES].sort());
  });

  it('has a way out of every status except the terminal ones, and none out of those', () => {
    for (const status of APPLICATION_STATUSES) {
      expect({ status, hasMoves: movesFrom(status).length > 0 }).toEqual({ status, hasMoves: !TERMINAL.includes(status) });
    }
  });

  it('walks a funded project from submission to closure', () => {
    const path: Array<[ApplicationStatus, string]> = [
      ['eligible', 'assign_reviewers'],
      ['in_review', 'scores_complete'],
      ['scored', 'propose_award'],
      ['proposed', 'publish_notice'],
      ['in_notice', 'approve_award'],
      ['approved', 'start_delivery'],
      ['in_progress', 'request_acceptance'],
      ['acceptance_requested', 'inspection_rectification'],
      ['rectification', 'request_acceptance'],
      ['acceptance_requested', 'inspection_passed'],
      ['accepted', 'close'],
    ];
    let status: ApplicationStatus = 'eligible';
    for (const [from, move] of path) {
      expect(status).toBe(from);
      const lookup = findSystemMove(status, move as never, 'system');
      if (!lookup.ok) throw new Error(`${move} refused from ${status}`);
      status = lookup.transition.to;
    }
    expect(status).toBe('closed');
  });

  it('says who may cause each system move, and refuses everyone else', () => {
    expect(findSystemMove('acceptance_requested', 'inspection_passed', ['inspector']).ok).toBe(true);
    expect(findSystemMove('acceptance_requested', 'inspection_passed', ['street_officer'])).toEqual({ ok: false, code: 'ROLE_NOT_ALLOWED' });
    expect(findSystemMove('draft', 'approve_award', ['district_admin'])).toEqual({
      ok: false,
      code: 'ACTION_NOT_ALLOWED_IN_STATUS',
    });
    for (const transition of SYSTEM_TRANSITIONS) expect(transition.roles.length).toBeGreaterThan(0);
  });

  it('asks for a reason on every backward or refusing move', () => {
    const needing = SYSTEM_TRANSITIONS.filter((t) => t.reasonRequired).map((t) => t.move);
    expect(needing.sort()).toEqual(['inspection_failed', 'inspection_rectification', 'objection_upheld']);
  });
});
