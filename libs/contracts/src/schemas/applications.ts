import { z } from 'zod';
import { Id, PageQuery, Phone, Text } from './common.js';
import { Fen } from './money.js';

const CostItem = z.strictObject({ item: Text(100), amount: Fen.min(1) });

export const FundingInput = z.strictObject({
  residentMoney: Fen.default(0),
  residentLabour: Fen.default(0),
  socialSupport: Fen.default(0),
  communitySelf: Fen.default(0),
  streetSupport: Fen.default(0),
  requestedSubsidy: Fen.default(0),
});

const ApplicationFields = {
  categoryId: Id,
  partnerOrgId: Id.nullable().optional(),
  title: Text(120),
  summary: Text(2000),
  plan: Text(10000),
  location: Text(200),
  beneficiariesCount: z.number().int().min(0).max(10_000_000),
  beneficiariesDescription: Text(1000),
  startDate: z.iso.date(),
  endDate: z.iso.date(),
  totalCostFen: Fen,
  costItems: z.array(CostItem).min(1).max(100),
  funding: FundingInput,
  contactName: Text(50),
  contactPhone: Phone,
};

export const CreateApplicationRequest = z.strictObject({
  competitionId: Id,
  communityId: Id,
  ...ApplicationFields,
});
export type CreateApplicationRequest = z.infer<typeof CreateApplicationRequest>;

export const UpdateApplicationRequest = z
  .strictObject(ApplicationFields)
  .partial()
  .extend({ version: z.number().int().positive() });
export type UpdateApplicationRequest = z.infer<typeof UpdateApplicationRequest>;

/** A workflow move that goes backwards carries a reason; forward moves may carry a note. */
export const WorkflowActionRequest = z.strictObject({
  reason: z.string().trim().max(1000).optional(),
  version: z.number().int().positive(),
});
export type WorkflowActionRequest = z.infer<typeof WorkflowActionRequest>;

export const ScreeningRequest = z.strictObject({
  outcome: z.enum(['eligible', 'returned', 'ineligible']),
  reason: z.string().trim().max(1000).optional(),
  version: z.number().int().positive(),
});
export type ScreeningRequest = z.infer<typeof ScreeningRequest>;

export const ApplicationListQuery = PageQuery.extend({
  competitionId: Id.optional(),
  streetId: Id.optional(),
  communityId: Id.optional(),
  categoryId: Id.optional(),
  status: z.string().trim().regex(/^[a-z_]{2,30}(,[a-z_]{2,30})*$/).optional(),
  q: z.string().trim().max(50).optional(),
});
export type ApplicationListQuery = z.infer<typeof ApplicationListQuery>;

export interface FundingView {
  residentMoney: number;
  residentLabour: number;
  socialSupport: number;
  communitySelf: number;
  streetSupport: number;
  requestedSubsidy: number;
}

export interface ApplicationSummaryView {
  id: number;
  competitionId: number;
  title: string;
  status: string;
  category: { id: number; key: string; name: string };
  street: { id: number; name: string };
  community: { id: number; name: string };
  requestedSubsidyFen: number;
  totalCostFen: number;
  beneficiariesCount: number;
  submittedAt: string | null;
  updatedAt: string;
}

export interface ApplicationView extends ApplicationSummaryView {
  partnerOrg: { id: number; name: string } | null;
  summary: string;
  plan: string;
  location: string;
  beneficiariesDescription: string;
  startDate: string;
  endDate: string;
  costItems: Array<{ item: string; amount: number }>;
  funding: FundingView;
  contactName: string;
  contactPhone: string;
  lastReason: string | null;
  editable: boolean;
  availableActions: string[];
  attachments: Array<{ id: number; type: string; originalName: string; mimeType: string; sizeBytes: number; sha256: string; createdAt: string }>;
  history: Array<{ fromStatus: string | null; toStatus: string; action: string; reason: string | null; actor: string | null; at: string }>;
  version: number;
}
