import type { CreateCompetitionRequest } from '@xiaoshi/contracts';

type AttachmentTypeKey = CreateCompetitionRequest['requiredAttachmentTypes'][number];

/**
 * What an application carries at submission. The contracts know more types (progress and
 * inspection photos, for the implementation stage); those are not offered on the form. (Every
 * other enum's values come from its dictionary: `competitionKindText.values`, `.options()`.)
 */
export const APPLICATION_ATTACHMENT_TYPES = [
  'council_resolution',
  'budget_sheet',
  'site_photos',
  'partner_agreement',
  'other',
] as const satisfies readonly AttachmentTypeKey[];
