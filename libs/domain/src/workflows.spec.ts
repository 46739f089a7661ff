import { findMove, type StateMove } from './state-machine.js';
import {
  AGREEMENT_MOVES,
  AWARD_MOVES,
  COMPETITION_MOVES,
  DECISION_MOVES,
  DIRECT_EXPENDITURE_MOVES,
  NOTICE_MOVES,
  OBJECTION_MOVES,
  STREET_REPORT_MOVES,
  SURVEY_MOVES,
  TRANCHE_MOVES,
  TRIP_MOVES,
  competitionActionTo,
  expenditureStatusAfterPayments,
} from './workflows.js';

type Case = [status: string, action: string, expected: string | null];

/** Every status × action of a table: where it leads, or null where it is refused. */
function walk(table: ReadonlyArray<StateMove>, cases: Case[]) {
  for (const [status, action, expected] of cases) {
    const lookup = findMove(table, status, action);
    expect([status, action, lookup.ok ? lookup.move.to : null]).toEqual([status, action, expected]);
  }
}

describe('status tables', () => {
  it('competitions: publish a draft, close a published call, cancel either', () => {
    walk(COMPETITION_MOVES, [
      ['draft', 'publish', 'published'],
      ['published', 'publish', null],
      ['published', 'close', 'closed'],
      ['draft', 'close', null],
      ['draft', 'cancel', 'cancelled'],
      ['published', 'cancel', 'cancelled'],
      ['closed', 'cancel', null],
      ['cancelled', 'publish', null],
    ]);
    expect(competitionActionTo('cancelled')).toBe('cancel');
  });

  it('direct expenditures: only a planned one is approved; payments move it between committed and paid', () => {
    walk(DIRECT_EXPENDITURE_MOVES, [
      ['planned', 'approve', 'committed'],
      ['committed', 'approve', null],
      ['cancelled', 'approve', null],
      ['committed', 'record_payment', 'paid'],
      ['planned', 'record_payment', null],
      ['paid', 'reverse_payment', 'committed'],
    ]);
    expect(expenditureStatusAfterPayments(100, 99)).toBe('committed');
    expect(expenditureStatusAfterPayments(100, 100)).toBe('paid');
  });

  it('awards: proposed → in notice → approved; superseded only while proposed; objections decided once', () => {
    walk(DECISION_MOVES, [
      ['proposed', 'publish', 'in_notice'],
      ['in_notice', 'publish', null],
      ['in_notice', 'approve', 'approved'],
      ['proposed', 'approve', null],
      ['proposed', 'supersede', 'superseded'],
      ['approved', 'supersede', null],
    ]);
    walk(AWARD_MOVES, [
      ['proposed', 'publish', 'in_notice'],
      ['in_notice', 'approve', 'approved'],
      ['in_notice', 'withdraw', 'withdrawn'],
      ['withdrawn', 'withdraw', null],
    ]);
    walk(NOTICE_MOVES, [
      ['open', 'close', 'closed'],
      ['closed', 'close', null],
      ['open', 'object', 'open'],
      ['closed', 'object', null],
    ]);
    walk(OBJECTION_MOVES, [
      ['pending', 'uphold', 'upheld'],
      ['pending', 'dismiss', 'dismissed'],
      ['upheld', 'dismiss', null],
      ['dismissed', 'uphold', null],
    ]);
  });

  it('surveys: close an open one, reopen a closed one, nothing twice', () => {
    walk(SURVEY_MOVES, [
      ['open', 'close', 'closed'],
      ['closed', 'close', null],
      ['closed', 'reopen', 'open'],
      ['open', 'reopen', null],
    ]);
  });

  it('study trips: edited while draft or returned, approved once submitted, completed with costs', () => {
    walk(TRIP_MOVES, [
      ['draft', 'edit', 'draft'],
      ['returned', 'edit', 'returned'],
      ['submitted', 'edit', null],
      ['returned', 'submit', 'submitted'],
      ['submitted', 'approve', 'approved'],
      ['draft', 'approve', null],
      ['submitted', 'return', 'returned'],
      ['approved', 'cancel', 'cancelled'],
      ['completed', 'cancel', null],
      ['approved', 'record_attendance', 'approved'],
      ['completed', 'record_attendance', null],
      ['completed', 'add_evidence', 'completed'],
      ['submitted', 'add_evidence', null],
      ['approved', 'record_costs', 'completed'],
      ['completed', 'record_costs', null],
    ]);
  });

  it('agreements and tranches: nothing happens to a terminated agreement; a tranche is requested once', () => {
    walk(AGREEMENT_MOVES, [
      ['active', 'evaluate', 'active'],
      ['completed', 'request_tranche', 'completed'],
      ['terminated', 'evaluate', null],
      ['terminated', 'request_tranche', null],
    ]);
    walk(TRANCHE_MOVES, [
      ['pending', 'request', 'requested'],
      ['requested', 'request', null],
      ['requested', 'rerequest', 'requested'],
      ['settled_outside', 'request', null],
      ['settled_outside', 'rerequest', null],
    ]);
  });

  it('street reports: written and submitted until approved; the district decides a submitted one', () => {
    walk(STREET_REPORT_MOVES, [
      ['none', 'write_notes', 'none'],
      ['returned', 'write_notes', 'returned'],
      ['submitted', 'write_notes', null],
      ['approved', 'submit', null],
      ['none', 'submit', 'submitted'],
      ['submitted', 'approve', 'approved'],
      ['submitted', 'return', 'returned'],
      ['returned', 'approve', null],
    ]);
  });
});
