import { z } from 'zod';
import { Id, Text } from './common.js';
import { Fen } from './money.js';

export const COMPETITION_KINDS = ['livelihood', 'governance', 'volunteer', 'generic'] as const;
export type CompetitionKind = (typeof COMPETITION_KINDS)[number];

export const FUNDING_SOURCE_KEYS = [
  'residentMoney',
  'residentLabour',
  'socialSupport',
  'communitySelf',
  'streetSupport',
  'requestedSubsidy',
] as const;

export const ATTACHMENT_TYPE_KEYS = ['council_resolution', 'budget_sheet', 'site_photos', 'partner_agreement', 'other', 'progress_photo', 'inspection_photo'] as const;

export const TRANCHE_CONDITIONS = [
  'on_approval',
  'after_acceptance',
  'after_supervision_evaluation',
  'on_midterm_report',
] as const;

const Category = z.strictObject({
  key: z.string().trim().regex(/^[a-z][a-z0-9_]{1,29}$/),
  name: Text(50),
  capFen: Fen.min(1),
});

const Criterion = z.strictObject({
  key: z.string().trim().regex(/^[a-z][a-zA-Z0-9_]{1,29}$/),
  name: Text(50),
  maxPoints: z.number().int().min(1).max(100),
});

const Tranche = z.strictObject({
  percentBp: z.number().int().min(1).max(10000),
  condition: z.enum(TRANCHE_CONDITIONS),
});

const CompetitionFields = {
  title: Text(120),
  description: z.string().trim().max(5000).optional(),
  envelopeFen: Fen.min(1),
  submissionOpensAt: z.iso.datetime({ offset: true }),
  submissionClosesAt: z.iso.datetime({ offset: true }),
  reviewOpensAt: z.iso.datetime({ offset: true }),
  reviewClosesAt: z.iso.datetime({ offset: true }),
  implementationDeadline: z.iso.date(),
  minPerStreet: z.number().int().min(0).max(100),
  maxPerStreet: z.number().int().min(1).max(1000).nullable().optional(),
  awardMin: z.number().int().min(0).max(10000),
  awardMax: z.number().int().min(1).max(10000),
  requiredSources: z.array(z.enum(FUNDING_SOURCE_KEYS)).max(6),
  minCoFundingShareBp: z.number().int().min(0).max(10000).nullable().optional(),
  requiredAttachmentTypes: z.array(z.enum(ATTACHMENT_TYPE_KEYS)).max(5),
  rubric: z.array(Criterion).min(1).max(20),
  tranchePlan: z.array(Tranche).min(1).max(6),
  noticeWorkingDays: z.number().int().min(1).max(30),
  reviewersPerApplication: z.number().int().min(1).max(15),
  requiresPartner: z.boolean(),
  reminderDaysBeforeClose: z.number().int().min(0).max(60),
};

// Defaults belong to creation only: in zod 4 a default inside an optional field still fires, and
// an update that omits a field must leave it alone.
const CREATION_DEFAULTS = {
  requiredSources: CompetitionFields.requiredSources.default([]),
  requiredAttachmentTypes: CompetitionFields.requiredAttachmentTypes.default([]),
  noticeWorkingDays: CompetitionFields.noticeWorkingDays.default(5),
  reviewersPerApplication: CompetitionFields.reviewersPerApplication.default(5),
  requiresPartner: CompetitionFields.requiresPartner.default(false),
  reminderDaysBeforeClose: CompetitionFields.reminderDaysBeforeClose.default(7),
};

export const CreateCompetitionRequest = z.strictObject({
  budgetLineId: Id,
  kind: z.enum(COMPETITION_KINDS),
  categories: z.array(Category).min(1).max(10),
  ...CompetitionFields,
  ...CREATION_DEFAULTS,
});
export type CreateCompetitionRequest = z.infer<typeof CreateCompetitionRequest>;

export const UpdateCompetitionRequest = z
  .strictObject({ ...CompetitionFields, categories: z.array(Category).min(1).max(10) })
  .partial()
  .extend({ version: z.number().int().positive() });
export type UpdateCompetitionRequest = z.infer<typeof UpdateCompetitionRequest>;

export const CompetitionListQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.enum(['draft', 'published', 'closed', 'cancelled']).optional(),
});
export type CompetitionListQuery = z.infer<typeof CompetitionListQuery>;

export interface CompetitionView {
  id: number;
  budgetLineId: number;
  budgetLineName: string;
  programmeYear: number;
  kind: CompetitionKind;
  title: string;
  description: string | null;
  status: 'draft' | 'published' | 'closed' | 'cancelled';
  envelopeFen: number;
  categories: Array<{ id: number; key: string; name: string; capFen: number }>;
  submissionOpensAt: string;
  submissionClosesAt: string;
  reviewOpensAt: string;
  reviewClosesAt: string;
  implementationDeadline: string;
  minPerStreet: number;
  maxPerStreet: number | null;
  awardMin: number;
  awardMax: number;
  requiredSources: string[];
  minCoFundingShareBp: number | null;
  requiredAttachmentTypes: string[];
  rubric: Array<{ key: string; name: string; maxPoints: number }>;
  rubricLocked: boolean;
  tranchePlan: Array<{ percentBp: number; condition: string }>;
  noticeWorkingDays: number;
  reviewersPerApplication: number;
  requiresPartner: boolean;
  reminderDaysBeforeClose: number;
  windowOpen: boolean;
  version: number;
}

export interface StreetProgressRow {
  streetId: number;
  streetName: string;
  submitted: number;
  drafts: number;
  minimum: number;
  maximum: number | null;
  met: boolean;
}
