/** Roles a user may hold. A user holds one or more; permissions are the union. */
export const ROLES = [
  'district_admin',
  'finance',
  'street_officer',
  'community_officer',
  'partner',
  'reviewer',
  'inspector',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  district_admin: { zh: '区级管理员', en: 'District admin' },
  finance: { zh: '财务人员', en: 'Finance officer' },
  street_officer: { zh: '街道工作人员', en: 'Street officer' },
  community_officer: { zh: '社区工作人员', en: 'Community officer' },
  partner: { zh: '合作单位（高校/社会组织）', en: 'Partner organisation' },
  reviewer: { zh: '评审专家', en: 'Reviewer' },
  inspector: { zh: '验收人员', en: 'Inspector' },
  auditor: { zh: '审计（只读）', en: 'Auditor (read-only)' },
};

/** Kinds of org unit: a tree district → street → community, plus external organisations. */
export const ORG_UNIT_KINDS = ['district', 'street', 'community', 'organisation'] as const;
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];

export const ORGANISATION_TYPES = ['university', 'social_organisation', 'enterprise', 'other'] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

/** Where each role's holder must sit in the org tree (the server enforces it; forms use it). */
export const ROLE_UNIT_KINDS: Record<Role, readonly OrgUnitKind[]> = {
  district_admin: ['district'],
  finance: ['district'],
  auditor: ['district'],
  inspector: ['district', 'organisation'],
  reviewer: ['district', 'organisation', 'street', 'community'],
  street_officer: ['street'],
  community_officer: ['community'],
  partner: ['organisation'],
};
