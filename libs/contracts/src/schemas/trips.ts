import { z } from 'zod';
import { Id, PageQuery, Text } from './common.js';
import { Fen } from './money.js';

/**
 * Study and training trips (issue 15: 组织社区干部到先进地区学习社会治理经验): the district's
 * training-cost norm table as versioned data, trips with participants from the communities, a
 * cost estimate from the norm, district approval, attendance with evidence, and the actual costs
 * recorded as a direct expenditure on the trip's budget line. The value lists mirror
 * libs/domain/src/trips (contracts stay a leaf package).
 */
export const TRIP_STATUSES = ['draft', 'submitted', 'approved', 'returned', 'completed', 'cancelled'] as const;
export type TripStatus = (typeof TRIP_STATUSES)[number];

export const TRIP_COST_KINDS = [
  'accommodation',
  'meals',
  'venue',
  'materials',
  'local_transport',
  'travel',
  'other',
] as const;
export type TripCostKindName = (typeof TRIP_COST_KINDS)[number];

export const TRIP_EVIDENCE_KINDS = ['attendance_sheet', 'photo', 'receipt', 'other'] as const;
export type TripEvidenceKind = (typeof TRIP_EVIDENCE_KINDS)[number];

const IsoDate = z.iso.date();
const Version = z.number().int().positive();

// --- the training-cost norm table (培训费综合定额标准)

export const TrainingNormItemInput = z.strictObject({
  category: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{0,29}$/),
  label: Text(50),
  perPersonPerDayFen: Fen.min(1).max(1_000_000),
});
export type TrainingNormItemInput = z.infer<typeof TrainingNormItemInput>;

export const CreateTrainingNormVersionRequest = z.strictObject({
  documentNumber: Text(100),
  title: z.string().trim().max(300).nullable().optional(),
  effectiveFrom: IsoDate,
  items: z.array(TrainingNormItemInput).min(1).max(20),
});
export type CreateTrainingNormVersionRequest = z.infer<typeof CreateTrainingNormVersionRequest>;

export const UpdateTrainingNormVersionRequest = CreateTrainingNormVersionRequest.partial().extend({
  version: Version,
});
export type UpdateTrainingNormVersionRequest = z.infer<typeof UpdateTrainingNormVersionRequest>;

export interface TrainingNormVersionView {
  id: number;
  documentNumber: string;
  title: string | null;
  effectiveFrom: string;
  items: Array<{ category: string; label: string; perPersonPerDayFen: number }>;
  /** Trips whose estimate used this version (their figures stay frozen when it is edited). */
  usedByTrips: number;
  isDemo: boolean;
  version: number;
}

// --- trips

const TripFields = {
  budgetLineId: Id,
  title: Text(100),
  destination: Text(100),
  purpose: z.string().trim().max(2000).nullable().optional(),
  startDate: IsoDate,
  endDate: IsoDate,
  /** The norm category the trip is costed at (e.g. 'class_2'). */
  category: z.string().trim().min(1).max(30),
  /** Accompanying district staff, counted in the estimate beside the participants. */
  staffCount: z.number().int().min(0).max(50),
  /** Inter-city travel (outside the training norm), estimated per person. */
  travelPerPersonFen: Fen.max(10_000_000),
};

export const CreateTripRequest = z.strictObject({
  ...TripFields,
  staffCount: TripFields.staffCount.default(0),
  travelPerPersonFen: TripFields.travelPerPersonFen.default(0),
});
export type CreateTripRequest = z.infer<typeof CreateTripRequest>;

export const UpdateTripRequest = z
  .strictObject(TripFields)
  .partial()
  .extend({ version: Version });
export type UpdateTripRequest = z.infer<typeof UpdateTripRequest>;

export const TripParticipantInput = z.strictObject({
  communityId: Id,
  name: Text(50),
  /** The cadre's post, as the community writes it (e.g. 社区党委书记). */
  post: Text(50),
});
export type TripParticipantInput = z.infer<typeof TripParticipantInput>;

export const ReplaceTripParticipantsRequest = z.strictObject({
  participants: z.array(TripParticipantInput).max(300),
  version: Version,
});
export type ReplaceTripParticipantsRequest = z.infer<typeof ReplaceTripParticipantsRequest>;

export const TripVersionRequest = z.strictObject({ version: Version });
export type TripVersionRequest = z.infer<typeof TripVersionRequest>;

export const ReturnTripRequest = z.strictObject({ reason: Text(1000), version: Version });
export type ReturnTripRequest = z.infer<typeof ReturnTripRequest>;

/** Who attended (participant ids); the others are recorded as absent. */
export const RecordAttendanceRequest = z.strictObject({
  attendedParticipantIds: z.array(Id).max(300),
  version: Version,
});
export type RecordAttendanceRequest = z.infer<typeof RecordAttendanceRequest>;

export const RecordTripCostsRequest = z.strictObject({
  items: z
    .array(
      z.strictObject({
        kind: z.enum(TRIP_COST_KINDS),
        amountFen: Fen.min(1),
        note: z.string().trim().max(200).nullable().optional(),
      }),
    )
    .min(1)
    .max(30),
  version: Version,
});
export type RecordTripCostsRequest = z.infer<typeof RecordTripCostsRequest>;

export const TripListQuery = PageQuery.extend({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.enum(TRIP_STATUSES).optional(),
});
export type TripListQuery = z.infer<typeof TripListQuery>;

export interface TripSummaryView {
  id: number;
  title: string;
  destination: string;
  startDate: string;
  endDate: string;
  days: number;
  status: TripStatus;
  participants: number;
  communities: number;
  attended: number | null;
  estimateFen: number;
  actualFen: number | null;
  budgetLine: { id: number; name: string };
  isDemo: boolean;
  version: number;
}

export interface TripView extends TripSummaryView {
  purpose: string | null;
  category: string;
  categoryLabel: string;
  staffCount: number;
  travelPerPersonFen: number;
  estimate: {
    normVersion: { id: number; documentNumber: string; effectiveFrom: string };
    perPersonPerDayFen: number;
    headcount: number;
    days: number;
    normFen: number;
    travelFen: number;
    totalFen: number;
  };
  participantList: Array<{
    id: number;
    community: { id: number; name: string };
    street: { id: number; name: string };
    name: string;
    post: string;
    attended: boolean | null;
  }>;
  evidence: Array<{ id: number; kind: TripEvidenceKind; originalName: string; mimeType: string; sizeBytes: number; uploadedAt: string }>;
  costs: Array<{ kind: TripCostKindName; amountFen: number; note: string | null }>;
  directExpenditureId: number | null;
  submittedBy: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  returnReason: string | null;
  availableActions: Array<'edit' | 'submit' | 'approve' | 'return' | 'attendance' | 'costs' | 'cancel'>;
}

/** An evidence file just uploaded to a trip (POST /trips/:id/evidence). */
export interface TripEvidenceUploadView {
  id: number;
  kind: TripEvidenceKind;
  originalName: string;
  mimeType: string;
  sizeBytes: number;
}
