import { z } from 'zod';
import { Id, PageQuery, Text } from './common.js';
import { Fen } from './money.js';

/**
 * Stipends (issue 7): standing per-person payments — the retired community cadres' living subsidy
 * paid per quarter, the one-off departure subsidy after a 两委 re-election, building leaders' funds.
 * The value lists mirror libs/domain/src/stipends (the API checks they stay identical at compile
 * time); contracts do not import the domain so that they stay a leaf package.
 */
export const STIPEND_PROGRAMME_KINDS = ['monthly_quarterly', 'one_off'] as const;
export type StipendProgrammeKind = (typeof STIPEND_PROGRAMME_KINDS)[number];

/**
 * Who is on a quarterly programme's roster, and so which roster fields and rate rule apply:
 * retired community cadres (a per-person monthly rate, posts, departures) or building leaders
 * (楼栋长: buildings and households covered, a rate from the district's rate table).
 */
export const STIPEND_ROSTER_KINDS = ['retired_cadre', 'building_leader'] as const;
export type StipendRosterKind = (typeof STIPEND_ROSTER_KINDS)[number];

export const STIPEND_POSTS = [
  'secretary_and_director',
  'secretary',
  'director',
  'deputy_secretary',
  'deputy_director',
  'supervisory_director',
  'committee_member',
] as const;
export type StipendPost = (typeof STIPEND_POSTS)[number];

export const STIPEND_MONTH_RULES = [
  'whole_month_if_active_on_first_day',
  'month_counts_if_active_any_day',
  'start_next_month_end_month_inclusive',
] as const;

export const STIPEND_PERSON_STATUSES = ['active', 'suspended', 'deceased'] as const;
export type StipendPersonStatus = (typeof STIPEND_PERSON_STATUSES)[number];

export const STIPEND_REPORT_STATUSES = ['submitted', 'approved', 'returned'] as const;
export const STIPEND_BATCH_STATUSES = ['prepared', 'approved', 'paid', 'rejected'] as const;

const IsoDate = z.iso.date();
const Year = z.coerce.number().int().min(2000).max(2100);
const Quarter = z.coerce.number().int().min(1).max(4);
const Version = z.number().int().positive();
/** GB 11643: 17 digits and a check character; the check digit itself is verified by the API. */
export const NationalId = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^\d{17}[\dX]$/);
export const BankAccount = z
  .string()
  .trim()
  .transform((value) => value.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^\d{12,30}$/));

// --- programmes and their versioned rules

export const CreateStipendProgrammeRequest = z.strictObject({
  budgetLineId: Id,
  kind: z.enum(STIPEND_PROGRAMME_KINDS),
  /** Quarterly programmes only; one-off departure subsidies draw on a cadre roster. */
  rosterKind: z.enum(STIPEND_ROSTER_KINDS).default('retired_cadre'),
  name: Text(100),
  /** One-off programmes draw their people from a quarterly programme's roster. */
  rosterProgrammeId: Id.optional(),
  /** Days before a quarter's end when streets are reminded to report. */
  reportReminderDays: z.number().int().min(0).max(60).default(10),
});
export type CreateStipendProgrammeRequest = z.infer<typeof CreateStipendProgrammeRequest>;

export const MonthlyRules = z.strictObject({
  monthRule: z.enum(STIPEND_MONTH_RULES),
});
export type MonthlyRules = z.infer<typeof MonthlyRules>;

/** The departure-subsidy rule table (domain `DepartureRuleTable`), without its number and date. */
export const DepartureRules = z.strictObject({
  monthlyRates: z.record(z.enum(STIPEND_POSTS), Fen.nullable()),
  monthsByFullTerms: z
    .array(
      z.strictObject({
        minFullTerms: z.number().int().min(1).max(20),
        months: z.number().int().min(0).max(60),
      }),
    )
    .min(1)
    .max(10),
  termLengthYears: z
    .array(z.strictObject({ electedBefore: IsoDate, years: z.number().int().min(1).max(10) }))
    .min(1)
    .max(10),
  monthsBasis: z.enum(['lump_sum', 'per_year_of_counted_terms']).default('lump_sum'),
  /** Departures counted for an election: from the election date, within this many days. */
  departureWindowDays: z.number().int().min(1).max(1000).default(180),
});
export type DepartureRules = z.infer<typeof DepartureRules>;

/** A policy version: its document number (e.g. 呈组通〔2018〕88号) and the day it takes effect. */
export const CreateStipendRuleVersionRequest = z.strictObject({
  documentNumber: Text(100),
  title: z.string().trim().max(300).optional(),
  effectiveFrom: IsoDate,
  /** `MonthlyRules` or `DepartureRules`, by the programme's kind (checked by the API). */
  rules: z.record(z.string(), z.unknown()),
});
export type CreateStipendRuleVersionRequest = z.infer<typeof CreateStipendRuleVersionRequest>;

export interface StipendRuleVersionView {
  id: number;
  documentNumber: string;
  title: string | null;
  effectiveFrom: string;
  rules: Record<string, unknown>;
  createdAt: string;
}

export interface StipendProgrammeView {
  id: number;
  kind: StipendProgrammeKind;
  rosterKind: StipendRosterKind;
  name: string;
  budgetLine: { id: number; name: string; programmeName: string; year: number };
  rosterProgrammeId: number | null;
  reportReminderDays: number;
  ruleVersions: StipendRuleVersionView[];
  isDemo: boolean;
  version: number;
}

// --- roster

export const StipendPostInput = z.strictObject({
  post: z.enum(STIPEND_POSTS),
  termStart: IsoDate,
  termEnd: IsoDate.nullable().default(null),
  /** The election that began the term when the row starts mid-term. */
  electedAt: IsoDate.optional(),
});
export type StipendPostInput = z.infer<typeof StipendPostInput>;

const PersonFields = {
  name: Text(50),
  communityId: Id,
  departureDate: IsoDate,
  normalDeparture: z.boolean(),
  /** First day of eligibility; defaults to the departure date. */
  eligibleFrom: IsoDate.optional(),
  monthlyRateFen: Fen.min(1),
  bankName: Text(100),
  bankAccount: BankAccount,
  status: z.enum(STIPEND_PERSON_STATUSES).default('active'),
  deathDate: IsoDate.nullable().optional(),
};

export const CreateStipendPersonRequest = z.strictObject({
  ...PersonFields,
  nationalId: NationalId,
  posts: z.array(StipendPostInput).max(20).default([]),
});
export type CreateStipendPersonRequest = z.infer<typeof CreateStipendPersonRequest>;

/** Everything but the ID number (a new number is a new person) and the posts (own endpoint). */
export const UpdateStipendPersonRequest = z
  .strictObject({ ...PersonFields, status: z.enum(STIPEND_PERSON_STATUSES) })
  .partial()
  .extend({ version: Version });
export type UpdateStipendPersonRequest = z.infer<typeof UpdateStipendPersonRequest>;

export const ReplaceStipendPostsRequest = z.strictObject({
  posts: z.array(StipendPostInput).max(20),
  version: Version,
});
export type ReplaceStipendPostsRequest = z.infer<typeof ReplaceStipendPostsRequest>;

/** 停发: `effectiveDate` is the first day the person is no longer eligible. */
export const RemoveStipendPersonRequest = z.strictObject({
  effectiveDate: IsoDate,
  reason: Text(500),
  version: Version,
});
export type RemoveStipendPersonRequest = z.infer<typeof RemoveStipendPersonRequest>;

export const StipendPersonListQuery = PageQuery.extend({
  programmeId: Id.optional(),
  streetId: Id.optional(),
  communityId: Id.optional(),
  status: z.enum([...STIPEND_PERSON_STATUSES, 'removed']).optional(),
  /** Name, or the last digits of the ID number. */
  q: z.string().trim().max(50).optional(),
});
export type StipendPersonListQuery = z.infer<typeof StipendPersonListQuery>;

export interface StipendPersonView {
  id: number;
  programmeId: number;
  name: string;
  /** Masked (first 6 and last 4) unless the caller sees personal data. */
  nationalId: string;
  /** Null when masked: with the masked ID it would give the number away. */
  birthDate: string | null;
  sex: 'male' | 'female';
  street: { id: number; name: string };
  community: { id: number; name: string };
  /** Retired cadres only (null for building leaders). */
  departureDate: string | null;
  normalDeparture: boolean | null;
  eligibleFrom: string;
  monthlyRateFen: number;
  bankName: string;
  /** Masked (last 4) unless the caller sees personal data. */
  bankAccount: string;
  status: StipendPersonStatus;
  deathDate: string | null;
  removedOn: string | null;
  removalReason: string | null;
  /** Building leaders only: what they cover (the phone is masked like the ID number). */
  building: BuildingLeaderFacts | null;
  isDemo: boolean;
  version: number;
}

export interface BuildingLeaderFacts {
  buildings: string;
  buildingCount: number;
  units: string | null;
  households: number;
  phone: string;
}

/** One person's personal data in clear: an audited reveal for district admins and finance. */
export interface StipendPersonSecretsView {
  personId: number;
  name: string;
  nationalId: string;
  birthDate: string;
  bankName: string;
  bankAccount: string;
  phone: string | null;
}

export interface StipendPersonDetailView extends StipendPersonView {
  posts: Array<{
    id: number;
    post: StipendPost;
    termStart: string;
    termEnd: string | null;
    electedAt: string | null;
    source: string;
  }>;
  payments: Array<{
    batchId: number;
    programmeName: string;
    period: string;
    batchStatus: string;
    months: string[];
    amountFen: number;
    paidAt: string | null;
  }>;
}

export interface StipendImportProblem {
  row: number;
  column: string;
  problem: string;
  problemEn: string;
}

export interface StipendImportResult {
  rows: number;
  created: number;
  updated: number;
  /** Rows that changed nothing (building-leader rosters count them). */
  unchanged?: number;
}

// --- street quarterly reports

export const SubmitStipendReportRequest = z.strictObject({
  streetId: Id,
  year: Year,
  quarter: Quarter,
  note: z.string().trim().max(1000).optional(),
});
export type SubmitStipendReportRequest = z.infer<typeof SubmitStipendReportRequest>;

export const StipendReportStatusQuery = z.object({ year: Year, quarter: Quarter });
export type StipendReportStatusQuery = z.infer<typeof StipendReportStatusQuery>;

export const ApproveRequest = z.strictObject({ version: Version });
export type ApproveRequest = z.infer<typeof ApproveRequest>;

export const ReturnWithReasonRequest = z.strictObject({ reason: Text(1000), version: Version });
export type ReturnWithReasonRequest = z.infer<typeof ReturnWithReasonRequest>;

export interface StipendReportChange {
  kind: 'addition' | 'removal' | 'death' | 'bank_change' | 'rate_change' | 'status_change';
  personId: number;
  name: string;
  effectiveDate: string | null;
  before: string | null;
  after: string | null;
}

export interface StipendStreetReportStatus {
  street: { id: number; name: string };
  /** People on the street's roster: a street with none need not report. */
  rosterPeople: number;
  dueDate: string;
  report: null | {
    id: number;
    status: string;
    submittedAt: string;
    auditedAt: string | null;
    returnReason: string | null;
    peopleCount: number;
    monthlyTotalFen: number;
    changes: number;
  };
}

export interface StipendReportView {
  id: number;
  programmeId: number;
  street: { id: number; name: string };
  year: number;
  quarter: number;
  status: string;
  note: string | null;
  peopleCount: number;
  monthlyTotalFen: number;
  changes: StipendReportChange[];
  entries: Array<{
    personId: number;
    name: string;
    nationalId: string;
    community: string;
    monthlyRateFen: number;
    eligibleFrom: string;
    eligibleUntil: string | null;
    status: string;
    bankName: string;
    bankAccount: string;
  }>;
  submittedBy: string | null;
  submittedAt: string;
  auditedBy: string | null;
  auditedAt: string | null;
  returnReason: string | null;
  version: number;
}

// --- computations and batches

export const StipendPreviewQuery = z.object({ year: Year, quarter: Quarter.optional() });
export type StipendPreviewQuery = z.infer<typeof StipendPreviewQuery>;

export interface StipendPreviewView {
  programmeId: number;
  year: number;
  quarters: number[];
  totalFen: number;
  personMonths: number;
  people: number;
  byStreet: Array<{
    street: { id: number; name: string };
    people: number;
    personMonths: number;
    totalFen: number;
  }>;
  byQuarter: Array<{ quarter: number; totalFen: number; personMonths: number }>;
}

export const DepartureSubsidyQuery = z.object({ electionDate: IsoDate });
export type DepartureSubsidyQuery = z.infer<typeof DepartureSubsidyQuery>;

export interface DepartureSubsidyView {
  programmeId: number;
  electionDate: string;
  departedUntil: string;
  ruleVersion: { id: number; documentNumber: string; effectiveFrom: string } | null;
  people: Array<{
    personId: number;
    name: string;
    nationalId: string;
    street: string;
    community: string;
    departureDate: string;
    eligible: boolean;
    highestPost: StipendPost | null;
    monthlyRateFen: number;
    fullTerms: number;
    months: number;
    amountFen: number;
    reasons: string[];
    alreadyPaidInBatchId: number | null;
  }>;
  eligibleCount: number;
  totalFen: number;
  budget: { budgetLineId: number; adjustedBudgetFen: number; committedFen: number; availableFen: number };
  /** Budget minus this total: positive = under budget. */
  varianceFen: number;
}

/** A quarterly programme takes `year` and `quarter`; a one-off programme takes `electionDate`. */
export const GenerateStipendBatchRequest = z.strictObject({
  year: z.number().int().min(2000).max(2100).optional(),
  quarter: z.number().int().min(1).max(4).optional(),
  electionDate: IsoDate.optional(),
});
export type GenerateStipendBatchRequest = z.infer<typeof GenerateStipendBatchRequest>;

export const MarkStipendBatchPaidRequest = z.strictObject({
  version: Version,
  paidOn: IsoDate.optional(),
  /** The bank's voucher or transfer reference. */
  reference: z.string().trim().max(100).optional(),
});
export type MarkStipendBatchPaidRequest = z.infer<typeof MarkStipendBatchPaidRequest>;

export const StipendBatchListQuery = PageQuery.extend({
  programmeId: Id.optional(),
  status: z.enum(STIPEND_BATCH_STATUSES).optional(),
});
export type StipendBatchListQuery = z.infer<typeof StipendBatchListQuery>;

export interface StipendBatchSummaryView {
  id: number;
  programme: { id: number; name: string; kind: StipendProgrammeKind };
  kind: 'quarterly' | 'one_off';
  /** '2026Q1' or '换届 2026-03-15'. */
  period: string;
  year: number;
  quarter: number | null;
  electionDate: string | null;
  status: string;
  totalFen: number;
  peopleCount: number;
  preparedBy: string | null;
  preparedAt: string;
  approvedBy: string | null;
  approvedAt: string | null;
  paidBy: string | null;
  paidAt: string | null;
  version: number;
}

/**
 * How many lines a batch's own view carries, and a page of its lines unless a client asks for more:
 * five screens of the lines table. A quarter of a large city pages through the rest.
 */
export const STIPEND_BATCH_FIRST_LINES = 100;
/** The most lines one page of `GET /api/stipends/batches/:id/lines` returns. */
export const STIPEND_BATCH_LINES_MAX = 500;

export const StipendBatchLinesQuery = PageQuery.extend({
  limit: z.coerce.number().int().min(1).max(STIPEND_BATCH_LINES_MAX).default(STIPEND_BATCH_FIRST_LINES),
});
export type StipendBatchLinesQuery = z.infer<typeof StipendBatchLinesQuery>;

/** One payee of a batch, personal data masked. */
export interface StipendBatchLineView {
  personId: number;
  name: string;
  nationalId: string;
  street: string;
  community: string;
  bankName: string;
  bankAccount: string;
  months: string[];
  monthlyRateFen: number;
  amountFen: number;
  detail: Record<string, unknown> | null;
}

export interface StipendBatchView extends StipendBatchSummaryView {
  ruleVersion: { id: number; documentNumber: string; effectiveFrom: string } | null;
  rejectReason: string | null;
  paymentReference: string | null;
  byStreet: Array<{ street: { id: number; name: string }; people: number; totalFen: number }>;
  /** The caller's lines in the batch (a street officer's: their street's). */
  lineCount: number;
  /**
   * The first STIPEND_BATCH_FIRST_LINES lines (street, community, person order); the rest page
   * through `GET /api/stipends/batches/:id/lines?cursor=linesNextCursor`.
   */
  lines: StipendBatchLineView[];
  linesNextCursor: number | null;
  /** What the caller may do now. */
  availableActions: Array<'approve' | 'reject' | 'payroll' | 'mark_paid'>;
}
