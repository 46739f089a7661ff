/**
 * The application workflow as data (product.md, "The life of an application"). The API looks a
 * transition up here, checks the caller's roles, requires a reason where the table says so, and
 * writes the audit record; nothing else decides what may happen to an application.
 */

/** Same names as the contracts' roles; declared here because libs/domain imports nothing. */
export type Role =
  | 'district_admin'
  | 'finance'
  | 'street_officer'
  | 'community_officer'
  | 'partner'
  | 'reviewer'
  | 'inspector'
  | 'auditor'
  | 'city_officer';

export const APPLICATION_STATUSES = [
  'draft',
  'awaiting_street',
  'submitted',
  'returned',
  'eligible',
  'ineligible',
  'withdrawn',
  'in_review',
  'scored',
  'proposed',
  'in_notice',
  'approved',
  'not_funded',
  'in_progress',
  'acceptance_requested',
  'rectification',
  'accepted',
  'closed',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const APPLICATION_ACTIONS = [
  'submit_to_street',
  'return_to_community',
  'submit',
  'screen_eligible',
  'screen_return',
  'screen_ineligible',
  'withdraw',
] as const;
export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number];

export interface Transition {
  from: ApplicationStatus[];
  action: ApplicationAction;
  to: ApplicationStatus;
  roles: Role[];
  /** Backward moves (returns, refusals, withdrawals) must say why. */
  reasonRequired: boolean;
}

/**
 * Withdrawal (撤回) is possible before award (product.md). Who may withdraw depends on who holds
 * the application:
 * - the community officer, while it is still the community's draft or waiting for the street
 *   (draft, awaiting_street) — once the street has submitted it, it is the street's submission;
 * - the street officer, who submits in the street's name, at any point before award
 *   (draft, awaiting_street, submitted, returned, eligible, in_review, scored).
 * From `proposed` on, the district decides (not funded / approved), so no withdrawal there.
 * The two rows share the action; findTransition matches on status and role.
 */
export const APPLICATION_TRANSITIONS: Transition[] = [
  {
    from: ['draft', 'returned'],
    action: 'submit_to_street',
    to: 'awaiting_street',
    roles: ['community_officer'],
    reasonRequired: false,
  },
  {
    from: ['awaiting_street'],
    action: 'return_to_community',
    to: 'draft',
    roles: ['street_officer'],
    reasonRequired: true,
  },
  {
    from: ['draft', 'awaiting_street', 'returned'],
    action: 'submit',
    to: 'submitted',
    roles: ['street_officer'],
    reasonRequired: false,
  },
  {
    from: ['submitted'],
    action: 'screen_eligible',
    to: 'eligible',
    roles: ['district_admin'],
    reasonRequired: false,
  },
  {
    from: ['submitted'],
    action: 'screen_return',
    to: 'returned',
    roles: ['district_admin'],
    reasonRequired: true,
  },
  {
    from: ['submitted'],
    action: 'screen_ineligible',
    to: 'ineligible',
    roles: ['district_admin'],
    reasonRequired: true,
  },
  {
    from: ['draft', 'awaiting_street'],
    action: 'withdraw',
    to: 'withdrawn',
    roles: ['community_officer'],
    reasonRequired: true,
  },
  {
    from: ['draft', 'awaiting_street', 'submitted', 'returned', 'eligible', 'in_review', 'scored'],
    action: 'withdraw',
    to: 'withdrawn',
    roles: ['street_officer'],
    reasonRequired: true,
  },
];

export type TransitionLookup =
  | { ok: true; transition: Transition }
  | { ok: false; code: 'ACTION_NOT_ALLOWED_IN_STATUS' | 'ROLE_NOT_ALLOWED' };

/**
 * The transition `action` makes from `status` for a user holding `roles`. ACTION_NOT_ALLOWED_IN_STATUS
 * when no role could do it from this status (a 409 for the API), ROLE_NOT_ALLOWED when someone
 * could, but not this user (a 403).
 */
export function findTransition(
  status: ApplicationStatus,
  action: ApplicationAction,
  roles: readonly Role[],
): TransitionLookup {
  const candidates = APPLICATION_TRANSITIONS.filter((t) => t.action === action && t.from.includes(status));
  if (candidates.length === 0) return { ok: false, code: 'ACTION_NOT_ALLOWED_IN_STATUS' };
  const transition = candidates.find((t) => t.roles.some((r) => roles.includes(r)));
  return transition ? { ok: true, transition } : { ok: false, code: 'ROLE_NOT_ALLOWED' };
}

/** The actions a user holding `roles` may take on an application in `status`, in table order. */
export function availableActions(status: ApplicationStatus, roles: readonly Role[]): ApplicationAction[] {
  return APPLICATION_ACTIONS.filter((action) => findTransition(status, action, roles).ok);
}

/** Whether the content may be edited: the community's draft, the street's review (the street may
 * fix it before submitting) and a return for revision. */
export function isEditable(status: ApplicationStatus): boolean {
  return APPLICATION_EDITORS[status] !== undefined;
}

/** Who may edit the content in which status: the community until it hands over, the street until it submits. */
export const APPLICATION_EDITORS: Partial<Record<ApplicationStatus, readonly Role[]>> = {
  draft: ['community_officer', 'street_officer'],
  awaiting_street: ['street_officer'],
  returned: ['community_officer', 'street_officer'],
};

/** Whether someone holding `roles` may edit an application's content (and attachments) in `status`. */
export function canEditApplication(status: string, roles: readonly Role[]): boolean {
  return (APPLICATION_EDITORS[status as ApplicationStatus] ?? []).some((role) => roles.includes(role));
}

export const STATUS_LABELS: Record<ApplicationStatus, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'Draft' },
  awaiting_street: { zh: '待街道审核提交', en: 'Awaiting street' },
  submitted: { zh: '已提交', en: 'Submitted' },
  returned: { zh: '退回修改', en: 'Returned for revision' },
  eligible: { zh: '形式审查通过', en: 'Eligible' },
  ineligible: { zh: '形式审查未通过', en: 'Ineligible' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
  in_review: { zh: '评审中', en: 'In review' },
  scored: { zh: '已评分', en: 'Scored' },
  proposed: { zh: '拟立项', en: 'Proposed for award' },
  in_notice: { zh: '公示中', en: 'In public notice' },
  approved: { zh: '已立项', en: 'Approved' },
  not_funded: { zh: '未立项', en: 'Not funded' },
  in_progress: { zh: '实施中', en: 'In progress' },
  acceptance_requested: { zh: '已申请验收', en: 'Acceptance requested' },
  rectification: { zh: '整改中', en: 'Rectification required' },
  accepted: { zh: '验收通过', en: 'Accepted' },
  closed: { zh: '已结项', en: 'Closed' },
};

export const ACTION_LABELS: Record<ApplicationAction, { zh: string; en: string }> = {
  submit_to_street: { zh: '提交街道', en: 'Send to the street' },
  return_to_community: { zh: '退回社区', en: 'Return to the community' },
  submit: { zh: '报送区级', en: 'Submit to the district' },
  screen_eligible: { zh: '形式审查通过', en: 'Mark eligible' },
  screen_return: { zh: '退回修改', en: 'Return for revision' },
  screen_ineligible: { zh: '不予受理', en: 'Mark ineligible' },
  withdraw: { zh: '撤回', en: 'Withdraw' },
};

// ---------------------------------------------------------------------------------------------
// The rest of the life: moves the system makes as the consequence of someone's act elsewhere
// (assigning reviewers, the last score sheet, a decision, 公示, approval, delivery, acceptance,
// the final payment). They are never offered as buttons on an application; the module whose act
// causes one asks the applications module to apply it, and the roles say whose act that may be.

export const SYSTEM_MOVES = [
  'assign_reviewers',
  'scores_complete',
  'scores_reopened',
  'propose_award',
  'decision_superseded',
  'publish_notice',
  'approve_award',
  'not_funded',
  'objection_upheld',
  'start_delivery',
  'request_acceptance',
  'inspection_passed',
  'inspection_rectification',
  'inspection_failed',
  'close',
] as const;
export type SystemMove = (typeof SYSTEM_MOVES)[number];
export type ApplicationMove = ApplicationAction | SystemMove;

export interface SystemTransition {
  from: ApplicationStatus[];
  move: SystemMove;
  to: ApplicationStatus;
  /** Whose act may cause the move (the acting user of the request or job that causes it). */
  roles: Role[];
  reasonRequired: boolean;
}

export const SYSTEM_TRANSITIONS: SystemTransition[] = [
  { from: ['eligible'], move: 'assign_reviewers', to: 'in_review', roles: ['district_admin'], reasonRequired: false },
  { from: ['in_review'], move: 'scores_complete', to: 'scored', roles: ['reviewer', 'district_admin'], reasonRequired: false },
  { from: ['scored'], move: 'scores_reopened', to: 'in_review', roles: ['district_admin'], reasonRequired: false },
  { from: ['scored'], move: 'propose_award', to: 'proposed', roles: ['district_admin'], reasonRequired: false },
  { from: ['proposed'], move: 'decision_superseded', to: 'scored', roles: ['district_admin'], reasonRequired: false },
  { from: ['proposed'], move: 'publish_notice', to: 'in_notice', roles: ['district_admin'], reasonRequired: false },
  { from: ['in_notice'], move: 'approve_award', to: 'approved', roles: ['district_admin'], reasonRequired: false },
  {
    from: ['eligible', 'in_review', 'scored'],
    move: 'not_funded',
    to: 'not_funded',
    roles: ['district_admin'],
    reasonRequired: false,
  },
  { from: ['proposed', 'in_notice'], move: 'objection_upheld', to: 'not_funded', roles: ['district_admin'], reasonRequired: true },
  { from: ['approved'], move: 'start_delivery', to: 'in_progress', roles: ['district_admin'], reasonRequired: false },
  {
    from: ['in_progress', 'rectification'],
    move: 'request_acceptance',
    to: 'acceptance_requested',
    roles: ['community_officer', 'street_officer', 'district_admin'],
    reasonRequired: false,
  },
  // Assigning inspectors and the inspection itself are delivery's detail (the project's own state
  // drives these moves); the application waits in acceptance_requested until the outcome.
  { from: ['acceptance_requested'], move: 'inspection_passed', to: 'accepted', roles: ['inspector'], reasonRequired: false },
  {
    from: ['acceptance_requested'],
    move: 'inspection_rectification',
    to: 'rectification',
    roles: ['inspector'],
    reasonRequired: true,
  },
  // A failed acceptance ends the project: closed, with the inspection's reason on record.
  { from: ['acceptance_requested'], move: 'inspection_failed', to: 'closed', roles: ['inspector'], reasonRequired: true },
  { from: ['accepted'], move: 'close', to: 'closed', roles: ['finance', 'district_admin'], reasonRequired: false },
];

export type SystemMoveLookup =
  | { ok: true; transition: SystemTransition }
  | { ok: false; code: 'ACTION_NOT_ALLOWED_IN_STATUS' | 'ROLE_NOT_ALLOWED' };

/**
 * The system move `move` from `status`, caused by someone holding `roles` (or by the system itself
 * — a scheduled job — when `roles` is 'system').
 */
export function findSystemMove(
  status: ApplicationStatus,
  move: SystemMove,
  roles: readonly Role[] | 'system',
): SystemMoveLookup {
  const transition = SYSTEM_TRANSITIONS.find((t) => t.move === move && t.from.includes(status));
  if (!transition) return { ok: false, code: 'ACTION_NOT_ALLOWED_IN_STATUS' };
  if (roles !== 'system' && !transition.roles.some((role) => roles.includes(role))) {
    return { ok: false, code: 'ROLE_NOT_ALLOWED' };
  }
  return { ok: true, transition };
}

/** Every status and the moves out of it (user and system), for documentation and tests. */
export function movesFrom(status: ApplicationStatus): Array<{ move: ApplicationMove; to: ApplicationStatus }> {
  return [
    ...APPLICATION_TRANSITIONS.filter((t) => t.from.includes(status)).map((t) => ({ move: t.action, to: t.to })),
    ...SYSTEM_TRANSITIONS.filter((t) => t.from.includes(status)).map((t) => ({ move: t.move, to: t.to })),
  ];
}

/** Statuses an application may be in while its project is being delivered (项目实施). */
export const DELIVERY_STATUSES = [
  'in_progress',
  'acceptance_requested',
  'rectification',
  'accepted',
  'closed',
] as const satisfies readonly ApplicationStatus[];
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const MOVE_LABELS: Record<SystemMove, { zh: string; en: string }> = {
  assign_reviewers: { zh: '分配评审专家', en: 'Reviewers assigned' },
  scores_complete: { zh: '评分完成', en: 'Scoring complete' },
  scores_reopened: { zh: '评分重开', en: 'Scoring reopened' },
  propose_award: { zh: '拟立项', en: 'Proposed for award' },
  decision_superseded: { zh: '立项决定被替换', en: 'Decision superseded' },
  publish_notice: { zh: '发布公示', en: 'Notice published' },
  approve_award: { zh: '批准立项', en: 'Award approved' },
  not_funded: { zh: '未立项', en: 'Not funded' },
  objection_upheld: { zh: '异议成立', en: 'Objection upheld' },
  start_delivery: { zh: '开始实施', en: 'Delivery started' },
  request_acceptance: { zh: '申请验收', en: 'Acceptance requested' },
  inspection_passed: { zh: '验收合格', en: 'Inspection passed' },
  inspection_rectification: { zh: '限期整改', en: 'Rectification required' },
  inspection_failed: { zh: '验收不合格', en: 'Inspection failed' },
  close: { zh: '结项', en: 'Closed' },
};
