import type { Role } from './roles.js';

/**
 * Every route declares one of these (or that it is public). Names are `area.action`; an action
 * that changes data never ends in `.read`, which is how the auditor's read-only rule is checked.
 */
export const PERMISSIONS = [
  'me.read',
  'me.update',
  'orgs.read',
  'orgs.create',
  'orgs.update',
  'users.read',
  'users.manage',
  'audit.read',
  'queues.read',
  'budgets.read',
  'budgets.manage',
  'competitions.read',
  'competitions.manage',
  'applications.read',
  'applications.edit',
  'applications.submit',
  'applications.screen',
  'reviews.read',
  'reviews.manage',
  'reviews.score',
  'awards.read',
  'awards.decide',
  // --- stipends (issue 7): rosters, street quarterly reports, batches. Finance prepares and
  // approves batches (maker–checker by user, not by role) and alone downloads the bank payroll.
  'stipends.read',
  'stipends.manage',
  'stipends.roster',
  'stipends.report',
  'stipends.audit',
  'stipends.prepare',
  'stipends.approve',
  'stipends.pay',
  // See one person's ID number, bank account and phone in clear (audited each time).
  'stipends.reveal',
  // --- end stipends
  // --- issue 15: study trips (district-run) and the social organisations registry
  'trips.read',
  'trips.manage',
  'trips.approve',
  'social_orgs.read',
  'social_orgs.manage',
  // --- end issue 15
  // --- delivery and payments (issue 6): projects, progress, acceptance, tranche payments.
  // Payments are maker–checker by user: finance approves only what someone else requested.
  'delivery.read',
  'delivery.report',
  'delivery.manage',
  'delivery.inspect',
  'payments.read',
  'payments.request',
  'payments.approve',
  'payments.record',
  // --- end delivery
  // --- performance targets and satisfaction surveys (issue 11): the district configures tables
  // and submits the self-evaluation, streets report their part, surveys are managed by the district.
  'performance.read',
  'performance.manage',
  'performance.report',
  'surveys.read',
  'surveys.manage',
  // --- end performance
  // Dashboards (issue 11 §7): the district's and a street's figures, read-only.
  'dashboards.read',
  // Notifications (issue 14): delivery status of e-mail/SMS, retries, the district's default channels.
  'notifications.read',
  'notifications.manage',
  // Issue 13 §6: roll-ups across the districts below a city / province (a district sees its own row).
  'rollups.read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export function isReadPermission(permission: Permission): boolean {
  return permission.endsWith('.read');
}

/** Acting on one's own account (changing one's password) is not a change to business data. */
export function isOwnAccountPermission(permission: Permission): boolean {
  return permission.startsWith('me.');
}

/**
 * The permission matrix. Scope (which rows) is a separate question answered by the access helper:
 * district-level roles reach everything, a street officer their street's subtree, a community
 * officer their community, a partner their organisation.
 */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  district_admin: [
    'me.read',
    'me.update',
    'orgs.read',
    'orgs.create',
    'orgs.update',
    'users.read',
    'users.manage',
    'audit.read',
    'queues.read',
    'budgets.read',
    'budgets.manage',
    'competitions.read',
    'competitions.manage',
    'applications.read',
    'applications.screen',
    'reviews.read',
    'reviews.manage',
    'awards.read',
    'awards.decide',
    // stipends
    'stipends.read',
    'stipends.manage',
    'stipends.roster',
    'stipends.report',
    'stipends.audit',
    'stipends.reveal',
    // issue 15
    'trips.read',
    'trips.manage',
    'trips.approve',
    'social_orgs.read',
    'social_orgs.manage',
    // delivery
    'delivery.read',
    'delivery.manage',
    'payments.read',
    'payments.request',
    // performance
    'performance.read',
    'performance.manage',
    'surveys.read',
    'surveys.manage',
    'dashboards.read',
    'notifications.read',
    'notifications.manage',
    'rollups.read',
  ],
  finance: [
    'me.read',
    'me.update',
    'orgs.read',
    'budgets.read',
    'competitions.read',
    'applications.read',
    'awards.read',
    // stipends
    'stipends.read',
    'stipends.prepare',
    'stipends.approve',
    'stipends.pay',
    'stipends.reveal',
    // issue 15
    'trips.read',
    'social_orgs.read',
    // delivery
    'delivery.read',
    'payments.read',
    'payments.request',
    'payments.approve',
    'payments.record',
    // performance
    'performance.read',
    'dashboards.read',
  ],
  street_officer: [
    'me.read',
    'me.update',
    'orgs.read',
    'orgs.update',
    'users.read',
    'competitions.read',
    'applications.read',
    'applications.edit',
    'applications.submit',
    // stipends
    'stipends.read',
    'stipends.roster',
    'stipends.report',
    // delivery
    'delivery.read',
    'delivery.report',
    'payments.read',
    // performance
    'performance.read',
    'performance.report',
    'surveys.read',
    'dashboards.read',
  ],
  community_officer: [
    'me.read',
    'me.update',
    'orgs.read',
    'competitions.read',
    'applications.read',
    'applications.edit',
    // delivery
    'delivery.read',
    'delivery.report',
  ],
  partner: ['me.read', 'me.update', 'orgs.read', 'competitions.read', 'applications.read'],
  reviewer: ['me.read', 'me.update', 'reviews.score'],
  inspector: [
    'me.read',
    'me.update',
    'orgs.read',
    'competitions.read',
    'applications.read',
    // delivery
    'delivery.read',
    'delivery.inspect',
  ],
  auditor: [
    'me.read',
    'me.update',
    'orgs.read',
    'users.read',
    'audit.read',
    'budgets.read',
    'competitions.read',
    'applications.read',
    'reviews.read',
    'awards.read',
    // stipends
    'stipends.read',
    // issue 15
    'trips.read',
    'social_orgs.read',
    // delivery
    'delivery.read',
    'payments.read',
    // performance
    'performance.read',
    'surveys.read',
    'dashboards.read',
    'notifications.read',
    'rollups.read',
  ],
  // Reads roll-ups across the districts below and changes nothing; no per-record list, no personal data.
  city_officer: ['me.read', 'me.update', 'rollups.read'],
};

export function permissionsOf(roles: readonly Role[]): Permission[] {
  const granted = new Set<Permission>();
  for (const role of roles) for (const permission of ROLE_PERMISSIONS[role]) granted.add(permission);
  return [...granted].sort();
}
