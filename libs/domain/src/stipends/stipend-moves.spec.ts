import { actionsFrom, findMove } from '../state-machine.js';
import {
  STIPEND_BATCH_MOVES,
  STIPEND_PERSON_MOVES,
  STIPEND_REPORT_MOVES,
  rosterStanding,
  type StipendBatchAction,
  type StipendBatchStatus,
  type StipendReportAction,
  type StipendReportStatus,
} from './stipend-moves.js';

const FINANCE = ['stipends.read', 'stipends.prepare', 'stipends.approve', 'stipends.pay'];
const ADMIN = ['stipends.read', 'stipends.audit', 'stipends.report', 'stipends.roster'];
const STREET = ['stipends.read', 'stipends.report', 'stipends.roster'];

describe('stipend batch moves', () => {
  it.each<[StipendBatchStatus, StipendBatchAction, StipendBatchStatus | 'ACTION_NOT_ALLOWED_IN_STATUS']>([
    ['prepared', 'approve', 'approved'],
    ['prepared', 'reject', 'rejected'],
    ['prepared', 'mark_paid', 'ACTION_NOT_ALLOWED_IN_STATUS'],
    ['prepared', 'payroll', 'ACTION_NOT_ALLOWED_IN_STATUS'],
    ['approved', 'approve', 'ACTION_NOT_ALLOWED_IN_STATUS'],
    ['approved', 'reject', 'ACTION_NOT_ALLOWED_IN_STATUS'],
    ['approved', 'payroll', 'approved'],
    ['approved', 'mark_paid', 'paid'],
    ['paid', 'payroll', 'paid'],
    ['paid', 'mark_paid', 'ACTION_NOT_ALLOWED_IN_STATUS'],
    ['rejected', 'approve', 'ACTION_NOT_ALLOWED_IN_STATUS'],
    ['rejected', 'payroll', 'ACTION_NOT_ALLOWED_IN_STATUS'],
  ])('%s --%s--> %s', (status, action, expected) => {
    const lookup = findMove(STIPEND_BATCH_MOVES, status, action, FINANCE);
    expect(lookup.ok ? lookup.move.to : lookup.code).toBe(expected);
  });

  it('lets only finance approve, reject and pay', () => {
    expect(findMove(STIPEND_BATCH_MOVES, 'prepared', 'approve', ADMIN)).toEqual({ ok: false, code: 'ROLE_NOT_ALLOWED' });
    expect(findMove(STIPEND_BATCH_MOVES, 'approved', 'mark_paid', STREET)).toEqual({ ok: false, code: 'ROLE_NOT_ALLOWED' });
  });

  it('lists what finance may do in each status, in the order the batch view shows it', () => {
    expect(actionsFrom(STIPEND_BATCH_MOVES, 'prepared', FINANCE)).toEqual(['approve', 'reject']);
    expect(actionsFrom(STIPEND_BATCH_MOVES, 'approved', FINANCE)).toEqual(['payroll', 'mark_paid']);
    expect(actionsFrom(STIPEND_BATCH_MOVES, 'paid', FINANCE)).toEqual(['payroll']);
    expect(actionsFrom(STIPEND_BATCH_MOVES, 'rejected', FINANCE)).toEqual([]);
    expect(actionsFrom(STIPEND_BATCH_MOVES, 'approved', ADMIN)).toEqual([]);
  });
});

describe('street report moves', () => {
  it.each<[StipendReportStatus, StipendReportAction, StipendReportStatus | 'ACTION_NOT_ALLOWED_IN_STATUS']>([
    ['submitted', 'approve', 'approved'],
    ['submitted', 'return', 'returned'],
    ['submitted', 'submit', 'ACTION_NOT_ALLOWED_IN_STATUS'],
    ['returned', 'submit', 'submitted'],
    ['returned', 'approve', 'ACTION_NOT_ALLOWED_IN_STATUS'],
    ['approved', 'submit', 'ACTION_NOT_ALLOWED_IN_STATUS'],
    ['approved', 'return', 'ACTION_NOT_ALLOWED_IN_STATUS'],
    ['approved', 'approve', 'ACTION_NOT_ALLOWED_IN_STATUS'],
  ])('%s --%s--> %s', (status, action, expected) => {
    const lookup = findMove(STIPEND_REPORT_MOVES, status, action, ADMIN);
    expect(lookup.ok ? lookup.move.to : lookup.code).toBe(expected);
  });

  it('lets streets submit and only the district audit', () => {
    expect(findMove(STIPEND_REPORT_MOVES, 'returned', 'submit', STREET).ok).toBe(true);
    expect(findMove(STIPEND_REPORT_MOVES, 'submitted', 'approve', STREET)).toEqual({ ok: false, code: 'ROLE_NOT_ALLOWED' });
  });
});

describe('roster removal', () => {
  it('removes a listed person once', () => {
    expect(rosterStanding({ removedOn: null })).toBe('listed');
    expect(rosterStanding({ removedOn: '2026-05-01' })).toBe('removed');
    expect(findMove(STIPEND_PERSON_MOVES, rosterStanding({ removedOn: null }), 'remove').ok).toBe(true);
    expect(findMove(STIPEND_PERSON_MOVES, rosterStanding({ removedOn: '2026-05-01' }), 'remove')).toEqual({
      ok: false,
      code: 'ACTION_NOT_ALLOWED_IN_STATUS',
    });
  });
});
