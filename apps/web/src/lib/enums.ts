import type { CompetitionKind, CreateCompetitionRequest, PinConflictRequest } from '@xiaoshi/contracts';

/**
 * Mirrors of the contracts' enum arrays. Importing those values would pull zod into the page
 * chunks (their modules build schemas when loaded); the types below keep the mirrors complete.
 */
export const COMPETITION_KINDS = [
  'livelihood',
  'governance',
  'volunteer',
  'generic',
] as const satisfies readonly CompetitionKind[];

export const CONFLICT_CATEGORIES = [
  'affiliation',
  'personal',
  'financial',
  'other',
] as const satisfies readonly PinConflictRequest['category'][];

type Missing<All, Listed> = Exclude<All, Listed> extends never ? true : never;
// A kind or category added to the contracts but not here fails to compile.
export const ENUMS_COMPLETE: [
  Missing<CompetitionKind, (typeof COMPETITION_KINDS)[number]>,
  Missing<PinConflictRequest['category'], (typeof CONFLICT_CATEGORIES)[number]>,
] = [true, true];

type AttachmentTypeKey = CreateCompetitionRequest['requiredAttachmentTypes'][number];

/**
 * What an application carries at submission. The contracts know more types (progress and
 * inspection photos, for the implementation stage); those are not offered on the form.
 */
export const APPLICATION_ATTACHMENT_TYPES = [
  'council_resolution',
  'budget_sheet',
  'site_photos',
  'partner_agreement',
  'other',
] as const satisfies readonly AttachmentTypeKey[];
