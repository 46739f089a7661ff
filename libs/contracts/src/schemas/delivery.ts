import { z } from 'zod';
import { Id, Text } from './common.js';
import { Fen } from './money.js';

/** Delivery (issue 6): projects, progress, acceptance inspections, tranche payments. */

export const PROJECT_STATUSES = [
  'in_progress',
  'acceptance_requested',
  'inspecting',
  'rectification',
  'accepted',
  'failed',
  'closed',
] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const INSPECTION_KINDS = ['acceptance', 'supervision'] as const;
export const INSPECTION_OUTCOME_KEYS = ['passed', 'rectification', 'failed'] as const;
export const PAYMENT_STATUSES = ['requested', 'approved', 'rejected', 'paid', 'reversed'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

const IsoDate = z.iso.date();

export const ProjectListQuery = z.object({
  status: z.enum(PROJECT_STATUSES).optional(),
  overdue: z.coerce.boolean().optional(),
});
export type ProjectListQuery = z.infer<typeof ProjectListQuery>;

export const ReplaceMilestonesRequest = z.strictObject({
  milestones: z
    .array(z.strictObject({ title: Text(200), dueDate: IsoDate, done: z.boolean().default(false) }))
    .max(50),
});
export type ReplaceMilestonesRequest = z.infer<typeof ReplaceMilestonesRequest>;

export const ProgressReportRequest = z.strictObject({
  text: Text(5000),
  percentComplete: z.number().int().min(0).max(100),
  /** Marks the mid-term report (中期报告) that releases an on_midterm_report tranche. */
  midterm: z.boolean().default(false),
});
export type ProgressReportRequest = z.infer<typeof ProgressReportRequest>;

export const RequestAcceptanceRequest = z.strictObject({
  note: z.string().trim().max(2000).optional(),
});
export type RequestAcceptanceRequest = z.infer<typeof RequestAcceptanceRequest>;

export const AssignInspectorsRequest = z.strictObject({
  inspectorUserIds: z.array(Id).min(1).max(10),
  /** Defaults to the project's final inspection: 督导评估 (supervision) for governance projects. */
  kind: z.enum(INSPECTION_KINDS).optional(),
});
export type AssignInspectorsRequest = z.infer<typeof AssignInspectorsRequest>;

export const InspectorConflictRequest = z.strictObject({
  userId: Id,
  reason: Text(500),
});
export type InspectorConflictRequest = z.infer<typeof InspectorConflictRequest>;

/** Kept flat and small so the form works from a phone. */
export const RecordInspectionRequest = z.strictObject({
  inspectedOn: IsoDate,
  answers: z.record(
    z.string().max(40),
    z.strictObject({ ok: z.boolean(), note: z.string().trim().max(500).nullish() }),
  ),
  findings: z.string().trim().max(5000).default(''),
  outcome: z.enum(INSPECTION_OUTCOME_KEYS),
  rectificationDeadline: IsoDate.nullish(),
});
export type RecordInspectionRequest = z.infer<typeof RecordInspectionRequest>;

export const CreatePaymentRequest = z
  .strictObject({
    projectId: Id.optional(),
    directExpenditureId: Id.optional(),
    amountFen: Fen.min(1),
    purpose: Text(200),
    /** Alternative to the Idempotency-Key header. */
    idempotencyKey: z.string().trim().min(8).max(100).optional(),
  })
  .refine((body) => (body.projectId === undefined) !== (body.directExpenditureId === undefined), {
    message: 'projectId or directExpenditureId',
    path: ['projectId'],
  });
export type CreatePaymentRequest = z.infer<typeof CreatePaymentRequest>;

export const RejectPaymentRequest = z.strictObject({ reason: Text(500) });
export type RejectPaymentRequest = z.infer<typeof RejectPaymentRequest>;

export const RecordPaymentRequest = z.strictObject({
  paidOn: IsoDate,
  voucherNo: z.string().trim().min(1).max(50),
  bankReference: z.string().trim().min(1).max(100),
  /** Alternative to the Idempotency-Key header. */
  idempotencyKey: z.string().trim().min(8).max(100).optional(),
});
export type RecordPaymentRequest = z.infer<typeof RecordPaymentRequest>;

export const ReversePaymentRequest = z.strictObject({ reason: Text(500) });
export type ReversePaymentRequest = z.infer<typeof ReversePaymentRequest>;

export const PaymentListQuery = z.object({
  status: z.enum(PAYMENT_STATUSES).optional(),
  projectId: Id.optional(),
  directExpenditureId: Id.optional(),
});
export type PaymentListQuery = z.infer<typeof PaymentListQuery>;

export interface TrancheView {
  index: number;
  percentBp: number;
  condition: string;
  conditionLabel: string;
  amountFen: number;
  released: boolean;
}

export interface ProjectView {
  id: number;
  applicationId: number;
  title: string;
  competition: { id: number; title: string; kind: string };
  category: { key: string; name: string };
  street: { id: number; name: string };
  community: { id: number; name: string };
  status: ProjectStatus;
  amountFen: number;
  startDate: string | null;
  endDate: string | null;
  plan: string | null;
  finalInspectionKind: 'acceptance' | 'supervision';
  acceptancePassedAt: string | null;
  supervisionPassedAt: string | null;
  rectificationDeadline: string | null;
  percentComplete: number;
  lastReportPeriod: string | null;
  overdue: { noReportThisMonth: boolean; pastEndDate: boolean };
  tranches: TrancheView[];
  money: { releasedFen: number; requestedFen: number; paidFen: number; availableFen: number };
  milestones: Array<{ id: number; title: string; dueDate: string; done: boolean }>;
  version: number;
}

export interface PaymentView {
  id: number;
  source: 'award' | 'direct_expenditure';
  projectId: number | null;
  directExpenditureId: number | null;
  budgetLineId: number;
  payee: string;
  title: string;
  amountFen: number;
  purpose: string;
  status: PaymentStatus;
  requestedBy: { id: number; name: string };
  requestedAt: string;
  approvedBy: { id: number; name: string } | null;
  approvedAt: string | null;
  rejectedReason: string | null;
  paidOn: string | null;
  voucherNo: string | null;
  bankReference: string | null;
  recordedAt: string | null;
  reversedReason: string | null;
  reversedAt: string | null;
  version: number;
}

/** A monthly progress report. */
export interface ProgressReportView {
  id: number;
  period: string;
  text: string;
  percentComplete: number;
  midterm: boolean;
  author: string;
  photos: Array<{ id: number; name: string }>;
  createdAt: string;
}

/** One inspection round: 验收 (acceptance) or 督导评估 (supervision). */
export interface InspectionView {
  id: number;
  projectId: number;
  kind: (typeof INSPECTION_KINDS)[number];
  round: number;
  status: 'assigned' | 'recorded';
  /** The checklist as it stood when assigned. */
  checklist: Array<{ key: string; zh: string; en: string }>;
  answers: Record<string, { ok: boolean; note?: string | null }> | null;
  findings: string | null;
  outcome: (typeof INSPECTION_OUTCOME_KEYS)[number] | null;
  rectificationDeadline: string | null;
  inspectedOn: string | null;
  inspectors: Array<{ id: number; name: string }>;
  photos: Array<{ id: number; name: string }>;
  recordedAt: string | null;
  version: number;
}

/** A photo just uploaded to a progress report or an inspection. */
export interface ProjectPhotoView {
  id: number;
  type: 'progress_photo' | 'inspection_photo';
  originalName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
}

/** The ledger dashboard (预算执行): by budget line, their total, and by street. */
export interface LedgerDashboardView {
  byLine: Array<{
    budgetLineId: number;
    name: string;
    programme: string;
    year: number;
    budgetFen: number;
    committedFen: number;
    paidFen: number;
    executionRateBp: number;
  }>;
  total: { budgetFen: number; committedFen: number; paidFen: number; executionRateBp: number };
  byStreet: Array<{
    streetId: number;
    name: string;
    awardedFen: number;
    paidFen: number;
    projects: number;
    accepted: number;
  }>;
}
