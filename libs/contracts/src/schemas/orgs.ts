import { z } from 'zod';
import { ORG_UNIT_KINDS, ORGANISATION_TYPES, type OrgUnitKind, type OrganisationType } from '../roles.js';
import { Id, PageQuery, Phone, Text } from './common.js';

export const OrgUnitListQuery = PageQuery.extend({
  parentId: Id.optional(),
  kind: z.enum(ORG_UNIT_KINDS).optional(),
  q: z.string().trim().max(50).optional(),
});
export type OrgUnitListQuery = z.infer<typeof OrgUnitListQuery>;

export const CreateOrgUnitRequest = z.strictObject({
  kind: z.enum(ORG_UNIT_KINDS),
  name: Text(100),
  code: z.string().trim().regex(/^[A-Za-z0-9_-]{1,32}$/).optional(),
  parentId: Id.optional(),
  organisationType: z.enum(ORGANISATION_TYPES).optional(),
  /** 统一社会信用代码 (GB 32100), for external organisations. */
  creditCode: z.string().trim().toUpperCase().length(18).optional(),
  contactName: Text(50).optional(),
  contactPhone: Phone.optional(),
});
export type CreateOrgUnitRequest = z.infer<typeof CreateOrgUnitRequest>;

export const UpdateOrgUnitRequest = z.strictObject({
  name: Text(100).optional(),
  contactName: Text(50).nullable().optional(),
  contactPhone: Phone.nullable().optional(),
  active: z.boolean().optional(),
  version: z.number().int().positive(),
});
export type UpdateOrgUnitRequest = z.infer<typeof UpdateOrgUnitRequest>;

export interface OrgUnitView {
  id: number;
  kind: OrgUnitKind;
  name: string;
  code: string | null;
  parentId: number | null;
  organisationType: OrganisationType | null;
  creditCode: string | null;
  contactName: string | null;
  /** Masked unless the caller may see personal data. */
  contactPhone: string | null;
  active: boolean;
  childCount: number;
  version: number;
}
