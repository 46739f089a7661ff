import type {
  CompetitionKind,
  CompetitionView,
  CreateCompetitionRequest,
  UpdateCompetitionRequest,
} from '@xiaoshi/contracts';
import { fenToYuanString } from '@xiaoshi/domain';
import dayjs, { type Dayjs } from 'dayjs';
import { parseYuan } from '../../../lib/money';
import { beijingIso, beijingWallClock } from '../../../lib/time';

type FundingSourceKey = CreateCompetitionRequest['requiredSources'][number];
type AttachmentTypeKey = CreateCompetitionRequest['requiredAttachmentTypes'][number];
type TrancheConditionKey = CreateCompetitionRequest['tranchePlan'][number]['condition'];

/** The wizard's form: amounts as typed 元 text, times as Beijing wall-clock pickers, shares in %. */
export interface WizardValues {
  budgetLineId?: number;
  kind: CompetitionKind;
  title: string;
  description?: string;
  envelope: string;
  categories: Array<{ key: string; name: string; cap: string }>;
  submissionWindow?: [Dayjs, Dayjs];
  reviewWindow?: [Dayjs, Dayjs];
  implementationDeadline?: Dayjs;
  minPerStreet: number;
  maxPerStreet?: number | null;
  awardMin: number;
  awardMax: number;
  noticeWorkingDays: number;
  reminderDaysBeforeClose: number;
  reviewersPerApplication: number;
  requiredSources: FundingSourceKey[];
  minCoFundingPercent?: number | null;
  requiredAttachmentTypes: AttachmentTypeKey[];
  requiresPartner: boolean;
  rubric: Array<{ key: string; name: string; maxPoints: number | null }>;
  tranches: Array<{ percent: number | null; condition: TrancheConditionKey }>;
}

/** Form fields of each step, for validating one step at a time. */
export const STEP_FIELDS: Array<Array<keyof WizardValues>> = [
  ['budgetLineId', 'kind', 'title', 'description', 'envelope'],
  ['categories'],
  [
    'submissionWindow',
    'reviewWindow',
    'implementationDeadline',
    'minPerStreet',
    'maxPerStreet',
    'awardMin',
    'awardMax',
    'noticeWorkingDays',
    'reminderDaysBeforeClose',
    'reviewersPerApplication',
  ],
  ['requiredSources', 'minCoFundingPercent', 'requiredAttachmentTypes', 'requiresPartner'],
  ['rubric'],
  ['tranches'],
  [],
];

/** Which form field and step an API field error belongs to. */
export const API_FIELD_TO_FORM: Record<string, keyof WizardValues> = {
  budgetLineId: 'budgetLineId',
  title: 'title',
  description: 'description',
  envelopeFen: 'envelope',
  categories: 'categories',
  submissionOpensAt: 'submissionWindow',
  submissionClosesAt: 'submissionWindow',
  reviewOpensAt: 'reviewWindow',
  reviewClosesAt: 'reviewWindow',
  implementationDeadline: 'implementationDeadline',
  minPerStreet: 'minPerStreet',
  maxPerStreet: 'maxPerStreet',
  awardMin: 'awardMin',
  awardMax: 'awardMax',
  requiredSources: 'requiredSources',
  minCoFundingShareBp: 'minCoFundingPercent',
  requiredAttachmentTypes: 'requiredAttachmentTypes',
  rubric: 'rubric',
  tranchePlan: 'tranches',
  noticeWorkingDays: 'noticeWorkingDays',
  reviewersPerApplication: 'reviewersPerApplication',
  requiresPartner: 'requiresPartner',
  reminderDaysBeforeClose: 'reminderDaysBeforeClose',
};

export function stepOf(field: keyof WizardValues): number {
  return Math.max(
    0,
    STEP_FIELDS.findIndex((fields) => fields.includes(field)),
  );
}

const pickerValue = (iso: string) => dayjs(beijingWallClock(iso));
const isoOf = (value: Dayjs) => beijingIso(value.format('YYYY-MM-DDTHH:mm'));

export function percentToBp(percent: number | null | undefined): number {
  return Math.round((percent ?? 0) * 100);
}

export function toValues(c: CompetitionView): WizardValues {
  return {
    budgetLineId: c.budgetLineId,
    kind: c.kind,
    title: c.title,
    description: c.description ?? '',
    envelope: fenToYuanString(c.envelopeFen),
    categories: c.categories.map((category) => ({
      key: category.key,
      name: category.name,
      cap: fenToYuanString(category.capFen),
    })),
    submissionWindow: [pickerValue(c.submissionOpensAt), pickerValue(c.submissionClosesAt)],
    reviewWindow: [pickerValue(c.reviewOpensAt), pickerValue(c.reviewClosesAt)],
    implementationDeadline: dayjs(c.implementationDeadline),
    minPerStreet: c.minPerStreet,
    maxPerStreet: c.maxPerStreet,
    awardMin: c.awardMin,
    awardMax: c.awardMax,
    noticeWorkingDays: c.noticeWorkingDays,
    reminderDaysBeforeClose: c.reminderDaysBeforeClose,
    reviewersPerApplication: c.reviewersPerApplication,
    requiredSources: c.requiredSources as FundingSourceKey[],
    minCoFundingPercent: c.minCoFundingShareBp === null ? null : c.minCoFundingShareBp / 100,
    requiredAttachmentTypes: c.requiredAttachmentTypes as AttachmentTypeKey[],
    requiresPartner: c.requiresPartner,
    rubric: c.rubric.map((criterion) => ({ ...criterion })),
    tranches: c.tranchePlan.map((tranche) => ({
      percent: tranche.percentBp / 100,
      condition: tranche.condition as TrancheConditionKey,
    })),
  };
}

/** The complete request body from a validated form. */
export function toRequest(values: WizardValues): CreateCompetitionRequest {
  const [opens, closes] = values.submissionWindow!;
  const [reviewOpens, reviewCloses] = values.reviewWindow!;
  return {
    budgetLineId: values.budgetLineId!,
    kind: values.kind,
    title: values.title.trim(),
    description: values.description?.trim() || undefined,
    envelopeFen: parseYuan(values.envelope) ?? 0,
    categories: values.categories.map((category) => ({
      key: category.key.trim(),
      name: category.name.trim(),
      capFen: parseYuan(category.cap) ?? 0,
    })),
    submissionOpensAt: isoOf(opens),
    submissionClosesAt: isoOf(closes),
    reviewOpensAt: isoOf(reviewOpens),
    reviewClosesAt: isoOf(reviewCloses),
    implementationDeadline: values.implementationDeadline!.format('YYYY-MM-DD'),
    minPerStreet: values.minPerStreet,
    maxPerStreet: values.maxPerStreet ?? null,
    awardMin: values.awardMin,
    awardMax: values.awardMax,
    requiredSources: values.requiredSources,
    minCoFundingShareBp: values.minCoFundingPercent ? percentToBp(values.minCoFundingPercent) : null,
    requiredAttachmentTypes: values.requiredAttachmentTypes,
    rubric: values.rubric.map((criterion) => ({
      key: criterion.key,
      name: criterion.name.trim(),
      maxPoints: criterion.maxPoints ?? 0,
    })),
    tranchePlan: values.tranches.map((tranche) => ({
      percentBp: percentToBp(tranche.percent),
      condition: tranche.condition,
    })),
    noticeWorkingDays: values.noticeWorkingDays,
    reviewersPerApplication: values.reviewersPerApplication,
    requiresPartner: values.requiresPartner,
    reminderDaysBeforeClose: values.reminderDaysBeforeClose,
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * PATCH only what changed: an untouched rubric is never sent (it may be locked), nor untouched
 * categories (they cannot change once applications exist).
 */
export function toUpdate(original: CompetitionView, values: WizardValues): UpdateCompetitionRequest {
  const next = toRequest(values);
  const before = toRequest(toValues(original));
  const body: UpdateCompetitionRequest = { version: original.version };
  const keys = Object.keys(next) as Array<keyof CreateCompetitionRequest>;
  for (const key of keys) {
    if (key === 'budgetLineId' || key === 'kind') continue;
    if (!same(next[key], before[key])) (body as Record<string, unknown>)[key] = next[key];
  }
  // Times are compared as instants: the same moment may be written with another offset.
  for (const key of ['submissionOpensAt', 'submissionClosesAt', 'reviewOpensAt', 'reviewClosesAt'] as const) {
    if (body[key] && Date.parse(body[key]) === Date.parse(original[key])) delete body[key];
  }
  return body;
}
