import { z } from 'zod';
import { Id, Text } from './common.js';

const Tag = z.string().trim().min(1).max(40);

export const ReviewerProfileRequest = z.strictObject({
  expertiseTags: z.array(Tag).max(20),
  affiliationUnitIds: z.array(Id).max(20),
  active: z.boolean(),
});
export type ReviewerProfileRequest = z.infer<typeof ReviewerProfileRequest>;

/** A reviewer account in the expert pool (专家库). */
export interface ReviewerPoolMemberView {
  userId: number;
  displayName: string;
  unitName: string;
  /** The account is active and the profile has not been taken out of the pool. */
  active: boolean;
  expertiseTags: string[];
  affiliationUnitIds: number[];
}

export const PanelRequest = z.strictObject({
  memberUserIds: z.array(Id).min(1).max(500),
  chairUserId: Id.nullable().optional(),
  reviewersPerApplication: z.number().int().min(1).max(15),
  maxLoad: z.number().int().min(1).max(10000),
  blind: z.boolean(),
  aggregation: z.enum(['mean', 'trimmed_mean']),
  fundableThreshold: z.number().min(0).max(100),
  disagreementSpread: z.number().int().min(1).max(100),
  commentRequiredAtExtremes: z.boolean(),
  rankByCategory: z.boolean(),
});
export type PanelRequest = z.infer<typeof PanelRequest>;

/** A reproducible random draw of panel members from the pool by expertise tags. */
export const PanelDrawRequest = z.strictObject({
  size: z.number().int().min(1).max(500),
  tags: z.array(Tag).max(10).default([]),
  seed: z.string().trim().regex(/^[A-Za-z0-9_-]{1,64}$/).optional(),
});
export type PanelDrawRequest = z.infer<typeof PanelDrawRequest>;

export const CONFLICT_CATEGORIES = ['affiliation', 'personal', 'financial', 'other'] as const;
export type ConflictCategory = (typeof CONFLICT_CATEGORIES)[number];
/** How a conflict of interest came about: found from affiliations, declared by the reviewer, or set by an admin. */
export const CONFLICT_KINDS = ['automatic', 'declared', 'pinned'] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

/** A conflict of interest between a reviewer and an application of a competition. */
export interface ConflictView {
  applicationId: number;
  title: string;
  reviewerUserId: number;
  reviewer: string;
  kind: ConflictKind;
  category: ConflictCategory | null;
  note: string | null;
}

export const PinConflictRequest = z.strictObject({
  applicationId: Id,
  reviewerUserId: Id,
  category: z.enum(CONFLICT_CATEGORIES),
  note: z.string().trim().max(500).optional(),
});
export type PinConflictRequest = z.infer<typeof PinConflictRequest>;

export const DeclareConflictRequest = z.strictObject({
  category: z.enum(CONFLICT_CATEGORIES),
  note: Text(500),
});
export type DeclareConflictRequest = z.infer<typeof DeclareConflictRequest>;

export const AutoAssignRequest = z.strictObject({
  reviewersPerApplication: z.number().int().min(1).max(15).optional(),
  maxLoad: z.number().int().min(1).max(10000).optional(),
});
export type AutoAssignRequest = z.infer<typeof AutoAssignRequest>;

export const ManualAssignRequest = z.strictObject({ applicationId: Id, reviewerUserId: Id });
export type ManualAssignRequest = z.infer<typeof ManualAssignRequest>;

export const ScoreSheetDraftRequest = z.strictObject({
  scores: z.record(z.string().max(30), z.number().min(0).max(100)),
  comments: z.record(z.string().max(30), z.string().max(2000)).default({}),
  version: z.number().int().positive().optional(),
});
export type ScoreSheetDraftRequest = z.infer<typeof ScoreSheetDraftRequest>;

export const SheetSubmitRequest = z.strictObject({ version: z.number().int().positive() });
export type SheetSubmitRequest = z.infer<typeof SheetSubmitRequest>;

export const ReopenSheetRequest = z.strictObject({ reason: Text(500) });
export type ReopenSheetRequest = z.infer<typeof ReopenSheetRequest>;

export interface PanelView {
  id: number | null;
  competitionId: number;
  members: Array<{ userId: number; displayName: string; unitName: string; expertiseTags: string[] }>;
  chairUserId: number | null;
  reviewersPerApplication: number;
  maxLoad: number;
  blind: boolean;
  aggregation: 'mean' | 'trimmed_mean';
  fundableThreshold: number;
  disagreementSpread: number;
  commentRequiredAtExtremes: boolean;
  rankByCategory: boolean;
  drawSeed: string | null;
  drawTags: string[];
  version: number | null;
}

export interface AssignmentPreview {
  ok: boolean;
  pairs: Array<{ applicationId: number; reviewerUserId: number }>;
  loads: Array<{ reviewerUserId: number; displayName: string; load: number }>;
  shortfalls: Array<{ applicationId: number; title: string; eligibleReviewers: number; needed: number }>;
  applications: number;
}

export interface ReviewTaskView {
  assignmentId: number;
  applicationId: number;
  competitionId: number;
  competitionTitle: string;
  title: string;
  category: string;
  /** Hidden (null) in blind review. */
  street: string | null;
  community: string | null;
  sheetStatus: 'not_started' | 'draft' | 'submitted';
  total: number | null;
  reviewClosesAt: string;
}

export interface ReviewSheetView {
  assignmentId: number;
  application: {
    id: number;
    title: string;
    category: string;
    street: string | null;
    community: string | null;
    summary: string;
    plan: string;
    location: string;
    beneficiariesCount: number;
    beneficiariesDescription: string;
    startDate: string;
    endDate: string;
    totalCostFen: number;
    requestedSubsidyFen: number;
    costItems: Array<{ item: string; amount: number }>;
    attachments: Array<{ id: number; type: string; originalName: string }>;
  };
  rubric: Array<{ key: string; name: string; maxPoints: number }>;
  commentRequiredAtExtremes: boolean;
  sheet: { id: number | null; status: 'not_started' | 'draft' | 'submitted'; scores: Record<string, number>; comments: Record<string, string>; total: number; version: number | null };
}

/**
 * Optional keyset paging of a competition's ranking: without `limit` and `cursor` the route answers
 * the whole ranking as an array (as before); with either, a page `{ items, nextCursor }` in the
 * same order (category name, rank). `cursor` is the application id of the previous page's last row.
 */
export const RankingQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).optional(),
  cursor: z.coerce.number().int().min(1).optional(),
});
export type RankingQuery = z.infer<typeof RankingQuery>;

export interface RankingRowView {
  rank: number;
  applicationId: number;
  title: string;
  category: string;
  street: string;
  community: string;
  score: number | null;
  method: 'mean' | 'trimmed_mean';
  sheetsUsed: number;
  sheetsSubmitted: number;
  sheetsDue: number;
  spread: number | null;
  disagreement: boolean;
  fundable: boolean;
  beneficiariesCount: number;
  requestedSubsidyFen: number;
  criterionMeans: Record<string, number>;
}

export interface ReviewProgressView {
  reviewers: Array<{ reviewerUserId: number; displayName: string; done: number; due: number }>;
  applications: Array<{ applicationId: number; title: string; done: number; due: number }>;
}

/**
 * Per-reviewer z-scores of submitted totals (the domain's ZScoreView as JSON: its numeric record
 * keys — reviewer and application ids — arrive as strings).
 */
export interface ReviewerZScoresView {
  /** Per reviewer id: mean and population standard deviation of their totals. */
  reviewers: Record<string, { mean: number; sd: number; n: number }>;
  /** Every (reviewer, application) total with its z-score within that reviewer's totals. */
  entries: Array<{ reviewerId: number; applicationId: number; total: number; z: number }>;
  /** Per application id: mean z-score over its reviewers. */
  byApplication: Record<string, { meanZ: number; n: number }>;
}
