import type { Role, SystemMove } from './application-workflow.js';
import type { StateMove } from './state-machine.js';
import { releasedAmount, type Tranche, type TrancheCondition, type TrancheFacts } from './tranches.js';

/**
 * A funded project's own life (项目实施, 一项目一台账) as data. The project is delivery's detail of
 * the application's later life: each of its moves names the application's system move it causes
 * (application-workflow.ts), and the API applies both in one transaction. Inspecting is delivery's
 * own step (the application waits in acceptance_requested); a failed inspection closes the
 * application. An action that keeps the status (a report, a milestone plan) leads back to where it
 * started, one row per status.
 */

export const PROJECT_STATES = [
  'in_progress',
  'acceptance_requested',
  'inspecting',
  'rectification',
  'accepted',
  'failed',
  'closed',
] as const;
export type ProjectState = (typeof PROJECT_STATES)[number];

/** Statuses of a project still being delivered: reports and milestones are taken, reminders go out. */
export const OPEN_PROJECT_STATES = [
  'in_progress',
  'acceptance_requested',
  'inspecting',
  'rectification',
] as const satisfies readonly ProjectState[];

export type ProjectAction =
  | 'report_progress'
  | 'plan_milestones'
  | 'request_acceptance'
  | 'assign_inspectors'
  | 'inspection_passed'
  | 'inspection_rectification'
  | 'inspection_failed';

export interface ProjectMove extends StateMove<ProjectState, ProjectAction, Role> {
  /** The application's system move this project move causes; null when it is delivery's own detail. */
  application: SystemMove | null;
}

/** The community and its street deliver the project and report on it. */
const DELIVERERS: Role[] = ['community_officer', 'street_officer'];

const stays = (action: ProjectAction, roles: Role[]): ProjectMove[] =>
  OPEN_PROJECT_STATES.map((status) => ({ from: [status], action, to: status, roles, application: null }));

export const PROJECT_MOVES: readonly ProjectMove[] = [
  ...stays('report_progress', DELIVERERS),
  ...stays('plan_milestones', DELIVERERS),
  {
    from: ['in_progress', 'rectification'],
    action: 'request_acceptance',
    to: 'acceptance_requested',
    roles: DELIVERERS,
    application: 'request_acceptance',
  },
  { from: ['acceptance_requested'], action: 'assign_inspectors', to: 'inspecting', roles: ['district_admin'], application: null },
  { from: ['inspecting'], action: 'inspection_passed', to: 'accepted', roles: ['inspector'], application: 'inspection_passed' },
  {
    from: ['inspecting'],
    action: 'inspection_rectification',
    to: 'rectification',
    roles: ['inspector'],
    application: 'inspection_rectification',
  },
  { from: ['inspecting'], action: 'inspection_failed', to: 'failed', roles: ['inspector'], application: 'inspection_failed' },
];

/** A project opens in progress for an approved award, and its application starts delivery. */
export const PROJECT_OPENING = { to: 'in_progress', application: 'start_delivery' } as const satisfies {
  to: ProjectState;
  application: SystemMove;
};

/**
 * Paid in full after acceptance (结项): the application closes. The project keeps its delivery
 * outcome ('accepted'); the move is caused by recording the payment that settles it.
 */
export const PROJECT_SETTLEMENT = { from: 'accepted', application: 'close' } as const satisfies {
  from: ProjectState;
  application: SystemMove;
};

/** The project move an inspection outcome makes. */
export function inspectionMove(outcome: 'passed' | 'rectification' | 'failed'): ProjectAction {
  return `inspection_${outcome}`;
}

// ---------------------------------------------------------------------------------------------
// Inspection rounds (验收 / 督导评估): assigned to inspectors, then recorded once.

export type InspectionState = 'assigned' | 'recorded';
export type InspectionAction = 'record';

export const INSPECTION_MOVES: ReadonlyArray<StateMove<InspectionState, InspectionAction, Role>> = [
  { from: ['assigned'], action: 'record', to: 'recorded', roles: ['inspector'] },
];

// ---------------------------------------------------------------------------------------------
// A project's money: what its tranches release, what is asked for and paid, what is left.

export interface ProjectFacts {
  acceptancePassed: boolean;
  supervisionPassed: boolean;
  midtermReported: boolean;
}

export interface ProjectMoney {
  /** The tranches whose condition is met. */
  releasedFen: number;
  /** Requested or approved, not yet paid. */
  requestedFen: number;
  paidFen: number;
  /** released − requested − paid, never below zero. */
  availableFen: number;
}

const trancheFacts = (facts: ProjectFacts): TrancheFacts => ({ approved: true, ...facts });

/** Whether a tranche with this condition is released for a project with these facts. */
export function trancheReleased(condition: TrancheCondition, facts: ProjectFacts): boolean {
  return releasedAmount([{ index: 0, amount: 1, condition }], trancheFacts(facts)) === 1;
}

/** A project's money from its tranches, its facts and the sums of its payments. */
export function projectMoney(
  tranches: readonly Tranche[],
  facts: ProjectFacts,
  payments: { requestedFen: number; paidFen: number },
): ProjectMoney {
  const releasedFen = releasedAmount(tranches, trancheFacts(facts));
  return {
    releasedFen,
    requestedFen: payments.requestedFen,
    paidFen: payments.paidFen,
    availableFen: Math.max(0, releasedFen - payments.requestedFen - payments.paidFen),
  };
}

/** Settled: accepted and everything released paid out (nothing pending can remain then). */
export function isSettled(state: ProjectState, money: ProjectMoney): boolean {
  return state === PROJECT_SETTLEMENT.from && money.releasedFen > 0 && money.paidFen >= money.releasedFen;
}
