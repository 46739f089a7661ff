import type { StateMove } from '../state-machine.js';

/**
 * The stipend cycle's status rules as data (docs/decisions/0005), read with `findMove` from
 * ../state-machine.ts. The `roles` of a row are the permissions that allow the move; the API passes
 * the user's permissions, so one table answers both "may this happen now" and "what may this user
 * do now" (a batch view's available actions).
 */

export type StipendBatchStatus = 'prepared' | 'approved' | 'paid' | 'rejected';
export type StipendBatchAction = 'approve' | 'reject' | 'payroll' | 'mark_paid';

/**
 * 发放批次: prepared by one finance officer, approved by another (the self-approval rule is the
 * service's, it depends on who prepared), paid once the bank has paid. A rejected batch is final
 * and frees its period. `payroll` — the bank's file — is not a move: it is allowed from approved
 * and paid and leaves the status as it is.
 */
export const STIPEND_BATCH_MOVES: ReadonlyArray<StateMove<StipendBatchStatus, StipendBatchAction>> = [
  { from: ['prepared'], action: 'approve', to: 'approved', roles: ['stipends.approve'] },
  { from: ['prepared'], action: 'reject', to: 'rejected', roles: ['stipends.approve'] },
  { from: ['approved'], action: 'payroll', to: 'approved', roles: ['stipends.pay'] },
  { from: ['paid'], action: 'payroll', to: 'paid', roles: ['stipends.pay'] },
  { from: ['approved'], action: 'mark_paid', to: 'paid', roles: ['stipends.pay'] },
];

export type StipendReportStatus = 'submitted' | 'approved' | 'returned';
export type StipendReportAction = 'submit' | 'approve' | 'return';

/**
 * 季度报送: a street's first submission of a quarter creates the report (there is no status to move
 * from); a returned one is submitted again; the district approves or returns a submitted one. An
 * approved report is final: corrections go into the next quarter.
 */
export const STIPEND_REPORT_MOVES: ReadonlyArray<StateMove<StipendReportStatus, StipendReportAction>> = [
  { from: ['returned'], action: 'submit', to: 'submitted', roles: ['stipends.report'] },
  { from: ['submitted'], action: 'approve', to: 'approved', roles: ['stipends.audit'] },
  { from: ['submitted'], action: 'return', to: 'returned', roles: ['stipends.audit'] },
];

/** Whether a roster person is still paid from the roster: 停发 (a removal) happens once. */
export type StipendRosterStanding = 'listed' | 'removed';

export const STIPEND_PERSON_MOVES: ReadonlyArray<StateMove<StipendRosterStanding, 'remove'>> = [
  { from: ['listed'], action: 'remove', to: 'removed', roles: ['stipends.roster'] },
];

export function rosterStanding(person: { removedOn: string | null }): StipendRosterStanding {
  return person.removedOn ? 'removed' : 'listed';
}
