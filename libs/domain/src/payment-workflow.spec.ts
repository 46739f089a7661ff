import { PAYMENT_MOVES, PAYMENT_STATES, isRecorded, type PaymentAction, type PaymentState } from './payment-workflow.js';
import { actionsFrom, findMove } from './state-machine.js';

describe('the payment state machine', () => {
  it.each<[PaymentState, PaymentAction, PaymentState | 'ACTION_NOT_ALLOWED_IN_STATUS']>([
    ['requested', 'approve', 'approved'],
    ['approved', 'approve', 'ACTION_NOT_ALLOWED_IN_STATUS'],
    ['requested', 'reject', 'rejected'],
    ['approved', 'reject', 'rejected'],
    ['paid', 'reject', 'ACTION_NOT_ALLOWED_IN_STATUS'],
    ['requested', 'record', 'ACTION_NOT_ALLOWED_IN_STATUS'],
    ['approved', 'record', 'paid'],
    ['paid', 'record', 'ACTION_NOT_ALLOWED_IN_STATUS'],
    ['paid', 'reverse', 'reversed'],
    ['approved', 'reverse', 'ACTION_NOT_ALLOWED_IN_STATUS'],
    ['reversed', 'reverse', 'ACTION_NOT_ALLOWED_IN_STATUS'],
  ])('%s --%s--> %s', (status, action, expected) => {
    const lookup = findMove(PAYMENT_MOVES, status, action);
    expect(lookup.ok ? lookup.move.to : lookup.code).toBe(expected);
  });

  it('ends in rejected or reversed', () => {
    expect(actionsFrom(PAYMENT_MOVES, 'rejected')).toEqual([]);
    expect(actionsFrom(PAYMENT_MOVES, 'reversed')).toEqual([]);
  });

  it('knows which payments were recorded as paid', () => {
    expect(PAYMENT_STATES.filter(isRecorded)).toEqual(['paid', 'reversed']);
  });
});
