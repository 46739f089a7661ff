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
  'city_officer',
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
  city_officer: { zh: '市/省级查看', en: 'City / province officer' },
};

/**
 * Kinds of org unit: a tree (province →) (city →) district → street → community, plus external
 * organisations registered with a district. A province or city only reads roll-ups of the districts below.
 */
export const ORG_UNIT_KINDS = ['province', 'city', 'district', 'street', 'community', 'organisation'] as const;
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
  city_officer: ['city', 'province'],
};

/** Which kind of unit may sit under which (`null`: a root). The server and the database trigger enforce it. */
export const ALLOWED_PARENT_KINDS: Record<OrgUnitKind, ReadonlyArray<OrgUnitKind | null>> = {
  province: [null],
  city: [null, 'province'],
  district: [null, 'city', 'province'],
  street: ['district'],
  community: ['street'],
  organisation: ['district'],
};
