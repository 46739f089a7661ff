import type { StateMove } from './state-machine.js';

/**
 * A payment (拨付) as data: requested → approved by another finance officer (maker–checker) →
 * recorded as paid, or rejected while pending; a paid one is reversed with a reason, never deleted.
 * The routes' permissions say who acts; the maker–checker rule stands beside the table.
 */

export const PAYMENT_STATES = ['requested', 'approved', 'rejected', 'paid', 'reversed'] as const;
export type PaymentState = (typeof PAYMENT_STATES)[number];
export type PaymentAction = 'approve' | 'reject' | 'record' | 'reverse';

export const PAYMENT_MOVES: ReadonlyArray<StateMove<PaymentState, PaymentAction>> = [
  { from: ['requested'], action: 'approve', to: 'approved' },
  { from: ['requested', 'approved'], action: 'reject', to: 'rejected' },
  { from: ['approved'], action: 'record', to: 'paid' },
  { from: ['paid'], action: 'reverse', to: 'reversed' },
];

/** Asked for and not yet paid: counts against what is released. */
export const PENDING_PAYMENT_STATES = ['requested', 'approved'] as const satisfies readonly PaymentState[];

/** Everything that counts against what is released: pending or paid. */
export const COUNTED_PAYMENT_STATES = ['requested', 'approved', 'paid'] as const satisfies readonly PaymentState[];

/** Recorded as paid at some point (a reversal keeps its voucher). */
export const RECORDED_PAYMENT_STATES = ['paid', 'reversed'] as const satisfies readonly PaymentState[];

export function isRecorded(state: PaymentState): boolean {
  return (RECORDED_PAYMENT_STATES as readonly PaymentState[]).includes(state);
}
