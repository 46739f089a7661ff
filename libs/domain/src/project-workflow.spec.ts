import { SYSTEM_TRANSITIONS, findSystemMove, type ApplicationStatus } from './application-workflow.js';
import type { MoveLookup } from './state-machine.js';
import {
  INSPECTION_MOVES,
  OPEN_PROJECT_STATES,
  PROJECT_MOVES,
  PROJECT_OPENING,
  PROJECT_SETTLEMENT,
  PROJECT_STATES,
  inspectionMove,
  isSettled,
  projectMoney,
  trancheReleased,
  type ProjectAction,
  type ProjectState,
} from './project-workflow.js';
import { actionsFrom, findMove } from './state-machine.js';

const YUAN = 100;

describe('the project state machine', () => {
  it.each<[ProjectState, ProjectAction, string[], ProjectState | 'ACTION_NOT_ALLOWED_IN_STATUS' | 'ROLE_NOT_ALLOWED']>([
    ['in_progress', 'request_acceptance', ['community_officer'], 'acceptance_requested'],
    ['rectification', 'request_acceptance', ['street_officer'], 'acceptance_requested'],
    ['acceptance_requested', 'request_acceptance', ['community_officer'], 'ACTION_NOT_ALLOWED_IN_STATUS'],
    ['in_progress', 'request_acceptance', ['district_admin'], 'ROLE_NOT_ALLOWED'],
    ['in_progress', 'assign_inspectors', ['district_admin'], 'ACTION_NOT_ALLOWED_IN_STATUS'],
    ['acceptance_requested', 'assign_inspectors', ['district_admin'], 'inspecting'],
    ['acceptance_requested', 'assign_inspectors', ['community_officer'], 'ROLE_NOT_ALLOWED'],
    ['inspecting', 'inspection_passed', ['inspector'], 'accepted'],
    ['inspecting', 'inspection_rectification', ['inspector'], 'rectification'],
    ['inspecting', 'inspection_failed', ['inspector'], 'failed'],
    ['inspecting', 'inspection_passed', ['district_admin'], 'ROLE_NOT_ALLOWED'],
    ['acceptance_requested', 'inspection_passed', ['inspector'], 'ACTION_NOT_ALLOWED_IN_STATUS'],
    ['accepted', 'report_progress', ['community_officer'], 'ACTION_NOT_ALLOWED_IN_STATUS'],
    ['failed', 'plan_milestones', ['community_officer'], 'ACTION_NOT_ALLOWED_IN_STATUS'],
    ['inspecting', 'report_progress', ['street_officer'], 'inspecting'],
    ['rectification', 'plan_milestones', ['community_officer'], 'rectification'],
  ])('%s --%s--> by %j: %s', (status, action, roles, expected) => {
    const lookup = findMove(PROJECT_MOVES, status, action, roles);
    expect(lookup.ok ? lookup.move.to : lookup.code).toBe(expected);
  });

  it('takes reports and milestone plans exactly while the project is open, and keeps its status', () => {
    for (const status of PROJECT_STATES) {
      const open = (OPEN_PROJECT_STATES as readonly string[]).includes(status);
      for (const action of ['report_progress', 'plan_milestones'] as const) {
        const lookup = findMove(PROJECT_MOVES, status, action, ['community_officer']);
        expect({ status, action, to: lookup.ok ? lookup.move.to : null }).toEqual({
          status,
          action,
          to: open ? status : null,
        });
      }
    }
  });

  it('ends in accepted or failed: nothing moves a project out of them', () => {
    for (const status of ['accepted', 'failed', 'closed'] as const) expect(actionsFrom(PROJECT_MOVES, status)).toEqual([]);
  });

  it('walks the application along with it, move for move, from opening to closure', () => {
    const walk: Array<[ProjectAction, ProjectState, ApplicationStatus]> = [
      ['report_progress', 'in_progress', 'in_progress'],
      ['request_acceptance', 'acceptance_requested', 'acceptance_requested'],
      ['assign_inspectors', 'inspecting', 'acceptance_requested'],
      ['inspection_rectification', 'rectification', 'rectification'],
      ['request_acceptance', 'acceptance_requested', 'acceptance_requested'],
      ['assign_inspectors', 'inspecting', 'acceptance_requested'],
      ['inspection_passed', 'accepted', 'accepted'],
    ];
    const opening = findSystemMove('approved', PROJECT_OPENING.application, 'system');
    if (!opening.ok) throw new Error('a project cannot open');
    let project: ProjectState = PROJECT_OPENING.to;
    let application: ApplicationStatus = opening.transition.to;
    expect(application).toBe('in_progress');
    for (const [action, projectAfter, applicationAfter] of walk) {
      const lookup: MoveLookup<(typeof PROJECT_MOVES)[number]> = findMove(PROJECT_MOVES, project, action);
      if (!lookup.ok) throw new Error(`${action} refused from ${project}`);
      project = lookup.move.to;
      if (lookup.move.application) {
        const move = findSystemMove(application, lookup.move.application, 'system');
        if (!move.ok) throw new Error(`${lookup.move.application} refused from ${application}`);
        application = move.transition.to;
      }
      expect({ action, project, application }).toEqual({ action, project: projectAfter, application: applicationAfter });
    }
    const settlement = findSystemMove(application, PROJECT_SETTLEMENT.application, ['finance']);
    expect(settlement.ok && settlement.transition.to).toBe('closed');
  });

  it('links every status change to an application move, except assigning inspectors (delivery\'s detail)', () => {
    const unlinked = PROJECT_MOVES.filter((move) => move.application === null && move.from.some((from) => from !== move.to));
    expect(unlinked.map((move) => move.action)).toEqual(['assign_inspectors']);
    expect(PROJECT_MOVES.filter((move) => move.application !== null && move.from.every((from) => from === move.to))).toEqual([]);
  });

  it('lets whoever makes a project move cause its application move', () => {
    for (const move of PROJECT_MOVES.filter((row) => row.application !== null)) {
      const start = SYSTEM_TRANSITIONS.find((row) => row.move === move.application)!.from[0];
      const lookup = findSystemMove(start, move.application!, move.roles!);
      expect({ action: move.action, ok: lookup.ok }).toEqual({ action: move.action, ok: true });
    }
  });

  it('fails the project and closes the application on a failed inspection', () => {
    const lookup = findMove(PROJECT_MOVES, 'inspecting', inspectionMove('failed'), ['inspector']);
    if (!lookup.ok) throw new Error('refused');
    expect(lookup.move.to).toBe('failed');
    const application = findSystemMove('acceptance_requested', lookup.move.application!, ['inspector']);
    expect(application.ok && application.transition.to).toBe('closed');
  });

  it('records an inspection once, by an inspector', () => {
    expect(findMove(INSPECTION_MOVES, 'assigned', 'record', ['inspector'])).toMatchObject({ ok: true, move: { to: 'recorded' } });
    expect(findMove(INSPECTION_MOVES, 'recorded', 'record', ['inspector'])).toEqual({ ok: false, code: 'ACTION_NOT_ALLOWED_IN_STATUS' });
    expect(findMove(INSPECTION_MOVES, 'assigned', 'record', ['district_admin'])).toEqual({ ok: false, code: 'ROLE_NOT_ALLOWED' });
  });
});

describe("a project's money", () => {
  const tranches = [
    { index: 0, amount: 10_800 * YUAN, condition: 'on_approval' as const },
    { index: 1, amount: 25_200 * YUAN, condition: 'after_acceptance' as const },
  ];
  const before = { acceptancePassed: false, supervisionPassed: false, midtermReported: false };
  const accepted = { ...before, acceptancePassed: true };

  it('releases the advance on approval and the rest after acceptance', () => {
    expect(projectMoney(tranches, before, { requestedFen: 0, paidFen: 0 })).toEqual({
      releasedFen: 10_800 * YUAN,
      requestedFen: 0,
      paidFen: 0,
      availableFen: 10_800 * YUAN,
    });
    expect(projectMoney(tranches, accepted, { requestedFen: 0, paidFen: 10_800 * YUAN }).availableFen).toBe(25_200 * YUAN);
    expect(trancheReleased('after_acceptance', before)).toBe(false);
    expect(trancheReleased('after_acceptance', accepted)).toBe(true);
    expect(trancheReleased('on_midterm_report', accepted)).toBe(false);
  });

  it('counts what is requested and paid against the release, never below zero', () => {
    expect(projectMoney(tranches, before, { requestedFen: 10_800 * YUAN, paidFen: 0 }).availableFen).toBe(0);
    // A reversal after the fact can leave more counted than released: nothing is available.
    expect(projectMoney(tranches, before, { requestedFen: 5_000 * YUAN, paidFen: 10_800 * YUAN }).availableFen).toBe(0);
  });

  it('is settled once accepted and everything released is paid', () => {
    const paid = (paidFen: number, state: ProjectState = 'accepted') =>
      isSettled(state, projectMoney(tranches, accepted, { requestedFen: 0, paidFen }));
    expect(paid(36_000 * YUAN)).toBe(true);
    expect(paid(10_800 * YUAN)).toBe(false);
    expect(paid(36_000 * YUAN, 'inspecting')).toBe(false);
    expect(isSettled('accepted', projectMoney([], accepted, { requestedFen: 0, paidFen: 0 }))).toBe(false);
  });
});
