import { z } from 'zod';
import { Id, Text } from './common.js';

/**
 * Satisfaction surveys (满意度测评), issue 11. The public answers through a link or QR code with no
 * login; each answer spends a respondent token (one per invitation, or one per device for an
 * open link), and a token answers once.
 */

export const SURVEY_CHOICE_KEYS = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export type SurveyChoiceKey = (typeof SURVEY_CHOICE_KEYS)[number];
export const RESPONDENT_GROUP_KEYS = ['community_cadre', 'resident', 'social_organisation'] as const;
export type RespondentGroupKey = (typeof RESPONDENT_GROUP_KEYS)[number];
/** A funded project, a budget line (a programme such as 民生小实事), or a stipend's recipients. */
export const SURVEY_SUBJECT_KEYS = ['project', 'budget_line', 'stipend_recipients'] as const;
export type SurveySubjectKey = (typeof SURVEY_SUBJECT_KEYS)[number];
export const SURVEY_STATUS_KEYS = ['open', 'closed'] as const;
export type SurveyStatusKey = (typeof SURVEY_STATUS_KEYS)[number];

/** A public survey code or respondent token: URL-safe base64, unguessable. */
export const SurveyCode = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);
export const RespondentToken = z.string().regex(/^[A-Za-z0-9_-]{32,64}$/);

export const CreateSurveyRequest = z.strictObject({
  title: Text(100),
  description: z.string().trim().max(1000).default(''),
  subject: z.strictObject({
    kind: z.enum(SURVEY_SUBJECT_KEYS),
    /** A project id for `project`, a budget line id otherwise. */
    id: Id,
  }),
  /** (满意 + 基本满意) ÷ answers by default; false counts only 满意. */
  countBasicallySatisfied: z.boolean().default(true),
  /** Ask respondents which group they belong to (社区干部 / 社区居民 / 社会组织). */
  askGroup: z.boolean().default(true),
  /** Answers per network address at most (a shared Wi-Fi at a community meeting counts as one). */
  maxAnswersPerAddress: z.number().int().min(1).max(1000).default(50),
  closesAt: z.iso.datetime({ offset: true }).nullable().default(null),
});
export type CreateSurveyRequest = z.infer<typeof CreateSurveyRequest>;

export const SurveyListQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  budgetLineId: Id.optional(),
});
export type SurveyListQuery = z.infer<typeof SurveyListQuery>;

export const CreateInvitationsRequest = z.strictObject({ count: z.number().int().min(1).max(500) });
export type CreateInvitationsRequest = z.infer<typeof CreateInvitationsRequest>;

export const SurveyAnswerRequest = z.strictObject({
  token: RespondentToken,
  choice: z.enum(SURVEY_CHOICE_KEYS),
  group: z.enum(RESPONDENT_GROUP_KEYS).nullable().default(null),
  comment: z.string().trim().max(500).default(''),
});
export type SurveyAnswerRequest = z.infer<typeof SurveyAnswerRequest>;

// ---- views

export type SurveyCountsView = Record<SurveyChoiceKey, number>;

export interface SurveyResultsView {
  counts: SurveyCountsView;
  answers: number;
  /** In percent, per the survey's rule; null with no answers. */
  satisfaction: number | null;
  byGroup: Array<{ group: RespondentGroupKey | null; counts: SurveyCountsView }>;
  comments: Array<{
    choice: SurveyChoiceKey;
    group: RespondentGroupKey | null;
    comment: string;
    answeredAt: string;
  }>;
}

export interface SurveyView {
  id: number;
  title: string;
  description: string;
  subject: { kind: SurveySubjectKey; id: number; name: string };
  budgetLine: { id: number; name: string };
  unit: { id: number; name: string };
  year: number;
  status: SurveyStatusKey;
  countBasicallySatisfied: boolean;
  askGroup: boolean;
  maxAnswersPerAddress: number;
  closesAt: string | null;
  /** The public code: the link is /s/<code>. */
  code: string;
  invitations: number;
  results: SurveyResultsView;
  isDemo: boolean;
  createdAt: string;
  version: number;
}

export interface InvitationsView {
  /** Shown once: only their hashes are kept. Links are /s/<code>?t=<token>. */
  tokens: string[];
}

/** What a respondent's phone sees. */
export interface PublicSurveyView {
  code: string;
  title: string;
  description: string;
  subjectName: string;
  askGroup: boolean;
  open: boolean;
}

export interface RespondentTokenView {
  token: string;
}
