import { z } from 'zod';
import { Id, Phone, Text } from './common.js';
import { Fen } from './money.js';

export const SelectionQuery = z.object({
  envelopeFen: z.coerce.number().int().min(1).optional(),
  maxPerStreet: z.coerce.number().int().min(1).optional(),
});
export type SelectionQuery = z.infer<typeof SelectionQuery>;

export const DecisionRequest = z.strictObject({
  method: z.enum(['rank_order', 'optimal', 'manual']),
  awards: z.array(z.strictObject({ applicationId: Id, amountFen: Fen.min(1) })).min(1).max(1000),
  /** applicationId → why this entry departs from rank order. */
  reasons: z.record(z.string().regex(/^\d+$/), z.string().trim().min(2).max(1000)).default({}),
  envelopeFen: Fen.min(1).optional(),
  maxPerStreet: z.number().int().min(1).nullable().optional(),
});
export type DecisionRequest = z.infer<typeof DecisionRequest>;

export const PublishNoticeRequest = z.strictObject({
  title: Text(200).optional(),
  contact: Text(200),
  /** Defaults to today (Asia/Shanghai); never before today. */
  publishOn: z.iso.date().optional(),
  /** Defaults to the competition's notice length; may lengthen it, never shorten it. */
  workingDays: z.number().int().min(1).max(30).optional(),
});
export type PublishNoticeRequest = z.infer<typeof PublishNoticeRequest>;

/** Planning a 公示: when would an N-working-day notice published on `start` end? Any date. */
export const NoticePreviewQuery = z.object({
  start: z.iso.date(),
  workingDays: z.coerce.number().int().min(1).max(60),
});
export type NoticePreviewQuery = z.infer<typeof NoticePreviewQuery>;

export interface NoticePreviewView {
  start: string;
  workingDays: number;
  /** Day 1: `start` when it is a working day, else the next working day. */
  firstDay: string;
  /** The Nth working day; the notice closes at its end. */
  lastDay: string;
  /** 00:00 Asia/Shanghai after lastDay, as an ISO instant. */
  closesAt: string;
  /** The working days counted, in order; `make_up` is a weekend day worked in lieu (调休上班). */
  counted: Array<{ date: string; kind: 'weekday' | 'make_up'; name: string | null }>;
  /** Days between start and lastDay that do not count, with the holiday's name when it has one. */
  skipped: Array<{ date: string; kind: 'weekend' | 'holiday'; name: string | null }>;
}

export const ObjectionRequest = z.strictObject({
  awardId: Id.optional(),
  contactName: Text(50),
  contactPhone: Phone,
  text: Text(2000),
});
export type ObjectionRequest = z.infer<typeof ObjectionRequest>;

export const ObjectionDecisionRequest = z.strictObject({
  outcome: z.enum(['upheld', 'dismissed']),
  investigation: Text(2000),
});
export type ObjectionDecisionRequest = z.infer<typeof ObjectionDecisionRequest>;

export const CalendarDayRequest = z.strictObject({
  day: z.iso.date(),
  kind: z.enum(['holiday', 'workday']),
  name: z.string().trim().max(50).optional(),
});
export type CalendarDayRequest = z.infer<typeof CalendarDayRequest>;

export interface SelectionAnswer {
  method: 'rank_order' | 'optimal';
  selected: number[];
  awards: Array<{ applicationId: number; amount: number }>;
  total: number;
  totalScore: number;
  feasible: boolean;
  problems: Array<{ field: string; code: string; message: string }>;
}

export interface SelectionView {
  competitionId: number;
  envelopeFen: number;
  lineAvailableFen: number;
  minCount: number;
  maxCount: number;
  maxPerStreet: number | null;
  candidates: Array<{
    applicationId: number;
    rank: number;
    title: string;
    category: string;
    street: string;
    community: string;
    score: number;
    requestFen: number;
    capFen: number;
    awardFen: number;
  }>;
  rankOrder: SelectionAnswer;
  optimal: SelectionAnswer;
  comparison: { onlyInRankOrder: number[]; onlyInOptimal: number[]; explanation: string };
  /** Once a decision is approved (立项): what it committed on the line, and what the envelope has left. */
  committed: CommittedAwardsView | null;
}

export interface CommittedAwardsView {
  decisionId: number;
  noticeId: number | null;
  status: 'approved';
  /** The envelope the decision was made with. */
  envelopeFen: number;
  totalFen: number;
  /** That envelope minus what is committed. */
  remainingFen: number;
  awards: Array<{
    awardId: number;
    applicationId: number;
    title: string;
    street: string;
    community: string;
    category: string;
    amountFen: number;
    rank: number | null;
    status: string;
  }>;
}

export interface DecisionView {
  id: number;
  competitionId: number;
  method: string;
  algorithmVersion: string;
  status: string;
  totalFen: number;
  reasons: Record<string, string>;
  awards: Array<{ id: number; applicationId: number; title: string; street: string; community: string; amountFen: number; score: number | null; rank: number | null; status: string }>;
  createdAt: string;
  /** The 公示 notice that published this decision, once published. */
  noticeId: number | null;
  reproducible?: boolean;
}

export interface PublicNoticeView {
  id: number;
  competitionId: number;
  decisionId: number;
  title: string;
  competitionTitle: string;
  contact: string;
  firstDay: string;
  lastDay: string;
  workingDays: number;
  status: string;
  items: Array<{ awardId: number; title: string; community: string; street: string; category: string; amountFen: number; score: number | null; status: string }>;
}

/** The 公示 list of the public pages: a notice without its items. */
export type PublicNoticeSummaryView = Omit<PublicNoticeView, 'items'>;

/** An objection as staff see it: the phone is masked unless the role may see personal data. */
export interface ObjectionView {
  id: number;
  awardId: number | null;
  contactName: string;
  contactPhone: string;
  text: string;
  status: 'pending' | 'upheld' | 'dismissed';
  investigation: string | null;
  decidedAt: string | null;
  createdAt: string;
  version: number;
}

/** What a member of the public gets back for a filed objection. */
export interface ObjectionReceiptView {
  id: number;
  status: string;
}

/** A decided objection (answer to ObjectionDecisionRequest). */
export interface ObjectionDecisionView {
  id: number;
  status: string;
  /** After an upheld objection: the next eligible entry that fits the freed money. */
  suggestion: { applicationId: number; title: string; awardFen: number } | null;
}

/** A funded project in the public register (GET /public/projects, a Page of them): no personal data. */
export interface RegisterItemView {
  id: number;
  title: string;
  competition: string;
  street: string;
  community: string;
  category: string;
  amountFen: number;
  status: string;
}
