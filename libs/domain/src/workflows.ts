import type { StateMove } from './state-machine.js';

/**
 * The status tables of everything that is not an application (that one lives in
 * application-workflow.ts). Each row says which statuses an action starts from and where it leads;
 * an action that keeps the status (an edit allowed only in some statuses) leads back to where it
 * started, one row per status. The API checks a move with `requireMove` (apps/api/src/common/
 * state-moves.ts) before it writes; no service compares statuses by hand.
 */

// ---------------------------------------------------------------------------------------------
// Competitions (比选活动)

export type CompetitionStatus = 'draft' | 'published' | 'closed' | 'cancelled';
export type CompetitionAction = 'publish' | 'close' | 'cancel';

export const COMPETITION_MOVES: ReadonlyArray<StateMove<CompetitionStatus, CompetitionAction>> = [
  { from: ['draft'], action: 'publish', to: 'published' },
  { from: ['published'], action: 'close', to: 'closed' },
  { from: ['draft', 'published'], action: 'cancel', to: 'cancelled' },
];

/** The action that leads a competition to `to` (the API's routes name the target status). */
export function competitionActionTo(to: 'published' | 'closed' | 'cancelled'): CompetitionAction {
  return ({ published: 'publish', closed: 'close', cancelled: 'cancel' } as const)[to];
}

// ---------------------------------------------------------------------------------------------
// Direct expenditures (直接支出: 活动经费, 尾款, study trips' costs)

export type DirectExpenditureStatus = 'planned' | 'committed' | 'paid' | 'cancelled';
export type DirectExpenditureAction = 'approve' | 'record_payment' | 'reverse_payment';

export const DIRECT_EXPENDITURE_MOVES: ReadonlyArray<StateMove<DirectExpenditureStatus, DirectExpenditureAction>> = [
  { from: ['planned'], action: 'approve', to: 'committed' },
  // Payments recorded or reversed: 'paid' once they cover the amount, 'committed' otherwise.
  { from: ['committed', 'paid'], action: 'record_payment', to: 'paid' },
  { from: ['committed', 'paid'], action: 'reverse_payment', to: 'committed' },
];

/** Where a direct expenditure stands after its payments change: paid when they cover it. */
export function expenditureStatusAfterPayments(amountFen: number, paidFen: number): DirectExpenditureStatus {
  return paidFen >= amountFen ? 'paid' : 'committed';
}

// ---------------------------------------------------------------------------------------------
// Awards: the decision (立项决定), its awards, the 公示 and objections (异议)

export type DecisionStatus = 'proposed' | 'in_notice' | 'approved' | 'superseded';
export type DecisionAction = 'publish' | 'approve' | 'supersede';

export const DECISION_MOVES: ReadonlyArray<StateMove<DecisionStatus, DecisionAction>> = [
  { from: ['proposed'], action: 'publish', to: 'in_notice' },
  { from: ['in_notice'], action: 'approve', to: 'approved' },
  { from: ['proposed'], action: 'supersede', to: 'superseded' },
];

/** Decisions in these statuses block a new proposal for the same competition. */
export const LIVE_DECISION_STATUSES: readonly DecisionStatus[] = ['in_notice', 'approved'];

export type AwardStatus = 'proposed' | 'in_notice' | 'approved' | 'withdrawn';
export type AwardAction = 'publish' | 'approve' | 'withdraw';

export const AWARD_MOVES: ReadonlyArray<StateMove<AwardStatus, AwardAction>> = [
  { from: ['proposed'], action: 'publish', to: 'in_notice' },
  { from: ['in_notice'], action: 'approve', to: 'approved' },
  // Superseded by a new proposal, or an objection upheld during the notice.
  { from: ['proposed', 'in_notice', 'approved'], action: 'withdraw', to: 'withdrawn' },
];

export type NoticeStatus = 'open' | 'closed' | 'cancelled';
export type NoticeAction = 'close' | 'object';

export const NOTICE_MOVES: ReadonlyArray<StateMove<NoticeStatus, NoticeAction>> = [
  { from: ['open'], action: 'close', to: 'closed' },
  // The public may object while the notice is open (and its last day has not passed).
  { from: ['open'], action: 'object', to: 'open' },
];

export type ObjectionStatus = 'pending' | 'upheld' | 'dismissed';
export type ObjectionAction = 'uphold' | 'dismiss';

export const OBJECTION_MOVES: ReadonlyArray<StateMove<ObjectionStatus, ObjectionAction>> = [
  { from: ['pending'], action: 'uphold', to: 'upheld' },
  { from: ['pending'], action: 'dismiss', to: 'dismissed' },
];

// ---------------------------------------------------------------------------------------------
// Satisfaction surveys (满意度调查)

export type SurveyStatus = 'open' | 'closed';
export type SurveyAction = 'close' | 'reopen';

export const SURVEY_MOVES: ReadonlyArray<StateMove<SurveyStatus, SurveyAction>> = [
  { from: ['open'], action: 'close', to: 'closed' },
  { from: ['closed'], action: 'reopen', to: 'open' },
];

// ---------------------------------------------------------------------------------------------
// Study trips (学习考察)

export type TripStatus = 'draft' | 'submitted' | 'approved' | 'returned' | 'completed' | 'cancelled';
export type TripAction =
  | 'edit'
  | 'submit'
  | 'approve'
  | 'return'
  | 'cancel'
  | 'record_attendance'
  | 'add_evidence'
  | 'record_costs';

export const TRIP_MOVES: ReadonlyArray<StateMove<TripStatus, TripAction>> = [
  { from: ['draft'], action: 'edit', to: 'draft' },
  { from: ['returned'], action: 'edit', to: 'returned' },
  { from: ['draft', 'returned'], action: 'submit', to: 'submitted' },
  { from: ['submitted'], action: 'approve', to: 'approved' },
  { from: ['submitted'], action: 'return', to: 'returned' },
  { from: ['draft', 'submitted', 'returned', 'approved'], action: 'cancel', to: 'cancelled' },
  { from: ['approved'], action: 'record_attendance', to: 'approved' },
  { from: ['approved'], action: 'add_evidence', to: 'approved' },
  { from: ['completed'], action: 'add_evidence', to: 'completed' },
  { from: ['approved'], action: 'record_costs', to: 'completed' },
];

// ---------------------------------------------------------------------------------------------
// Social organisations' service agreements (社会组织服务协议) and their tranches

export type AgreementStatus = 'active' | 'completed' | 'terminated';
export type AgreementAction = 'evaluate' | 'request_tranche';

export const AGREEMENT_MOVES: ReadonlyArray<StateMove<AgreementStatus, AgreementAction>> = [
  { from: ['active'], action: 'evaluate', to: 'active' },
  { from: ['completed'], action: 'evaluate', to: 'completed' },
  { from: ['active'], action: 'request_tranche', to: 'active' },
  { from: ['completed'], action: 'request_tranche', to: 'completed' },
];

/** A tranche's own status; whether a requested one is paid is its payment's status. */
export type TrancheStatus = 'pending' | 'requested' | 'settled_outside';
export type TrancheAction = 'request' | 'rerequest';

export const TRANCHE_MOVES: ReadonlyArray<StateMove<TrancheStatus, TrancheAction>> = [
  { from: ['pending'], action: 'request', to: 'requested' },
  // Requested before, and finance rejected that payment: the tranche may be requested again.
  { from: ['requested'], action: 'rerequest', to: 'requested' },
];

// ---------------------------------------------------------------------------------------------
// Performance: a street's report on the year's figures (街道报送)

/** 'none' stands for "no report yet". */
export type StreetReportStatus = 'none' | 'submitted' | 'returned' | 'approved';
export type StreetReportAction = 'write_notes' | 'submit' | 'approve' | 'return';

export const STREET_REPORT_MOVES: ReadonlyArray<StateMove<StreetReportStatus, StreetReportAction>> = [
  { from: ['none'], action: 'write_notes', to: 'none' },
  { from: ['returned'], action: 'write_notes', to: 'returned' },
  { from: ['none', 'returned'], action: 'submit', to: 'submitted' },
  { from: ['submitted'], action: 'approve', to: 'approved' },
  { from: ['submitted'], action: 'return', to: 'returned' },
];
