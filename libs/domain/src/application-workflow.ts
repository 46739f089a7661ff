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
  | 'auditor';

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
  return status === 'draft' || status === 'awaiting_street' || status === 'returned';
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
