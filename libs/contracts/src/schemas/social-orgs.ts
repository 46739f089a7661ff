import { z } from 'zod';
import { Id, Phone, Text } from './common.js';
import { Fen } from './money.js';

/**
 * Social organisations (issue 15: 引进5个社会组织, 培育发展社会组织): a registry of partner
 * organisations, service agreements with deliverables and payment tranches, and supervision and
 * evaluation (督导评估) with scores per criterion; the final payment (尾款) of an agreement is
 * requested only after a passed evaluation. Value lists mirror libs/domain/src/social-orgs.
 */
export const SOCIAL_ORG_TYPES = ['social_work_agency', 'social_group', 'private_non_enterprise', 'foundation', 'other'] as const;
export type SocialOrgType = (typeof SOCIAL_ORG_TYPES)[number];

export const AGREEMENT_TRANCHE_CONDITION_NAMES = ['on_signing', 'on_midterm', 'after_evaluation'] as const;
export type AgreementTrancheConditionName = (typeof AGREEMENT_TRANCHE_CONDITION_NAMES)[number];

export const AGREEMENT_STATUSES = ['active', 'completed', 'terminated'] as const;
export const TRANCHE_STATUSES = ['pending', 'requested', 'paid', 'settled_outside'] as const;
export type AgreementTrancheStatus = (typeof TRANCHE_STATUSES)[number];

export const EVALUATION_KINDS = ['midterm', 'final'] as const;

const IsoDate = z.iso.date();
const Version = z.number().int().positive();
const Year = z.number().int().min(2000).max(2100);

/** GB 32100 shape: 18 characters of its alphabet; the check character is verified by the API. */
export const CreditCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/);

// --- registry

const OrgFields = {
  name: Text(100),
  creditCode: CreditCode,
  orgType: z.enum(SOCIAL_ORG_TYPES),
  /** 登记管理机关, e.g. 昆明市呈贡区民政局. */
  registrationAuthority: z.string().trim().max(100).nullable().optional(),
  registeredOn: IsoDate.nullable().optional(),
  /** 资质: e.g. 4A等级社会组织, 民办非企业单位登记证书. */
  qualifications: z.array(Text(100)).max(20),
  serviceAreas: z.array(Text(50)).max(20),
  contactName: Text(50),
  contactPhone: Phone.transform((value) => value.replace(/-/g, '')),
  address: z.string().trim().max(200).nullable().optional(),
  /** The year the district introduced the organisation (引进), when it did. */
  introducedYear: Year.nullable().optional(),
  note: z.string().trim().max(1000).nullable().optional(),
};

export const CreateSocialOrgRequest = z.strictObject({
  ...OrgFields,
  qualifications: OrgFields.qualifications.default([]),
  serviceAreas: OrgFields.serviceAreas.default([]),
});
export type CreateSocialOrgRequest = z.infer<typeof CreateSocialOrgRequest>;

export const UpdateSocialOrgRequest = z.strictObject(OrgFields).partial().extend({ version: Version });
export type UpdateSocialOrgRequest = z.infer<typeof UpdateSocialOrgRequest>;

export interface SocialOrgView {
  id: number;
  name: string;
  creditCode: string;
  orgType: SocialOrgType;
  registrationAuthority: string | null;
  registeredOn: string | null;
  qualifications: string[];
  serviceAreas: string[];
  contactName: string;
  /** Masked (first 3 and last 4 digits); the clear number is an audited reveal. */
  contactPhone: string;
  address: string | null;
  introducedYear: number | null;
  note: string | null;
  agreements: number;
  evaluationsPassed: number;
  isDemo: boolean;
  version: number;
}

// --- service agreements

export const AgreementTrancheInput = z.strictObject({
  label: Text(50),
  amountFen: Fen.min(1),
  condition: z.enum(AGREEMENT_TRANCHE_CONDITION_NAMES),
  /** A planned direct expenditure already on the budget line that this tranche pays. */
  directExpenditureId: Id.nullable().optional(),
  /** Paid before this system (e.g. from last year's budget): recorded, never paid again. */
  settledOutside: z.boolean().default(false),
});
export type AgreementTrancheInput = z.infer<typeof AgreementTrancheInput>;

export const EvaluationCriterionInput = z.strictObject({
  key: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{0,29}$/),
  name: Text(50),
  maxPoints: z.number().int().min(1).max(100),
});

export const CreateAgreementRequest = z.strictObject({
  socialOrgId: Id,
  title: Text(100),
  year: Year,
  budgetLineId: Id,
  amountFen: Fen.min(1),
  signedOn: IsoDate,
  startDate: IsoDate,
  endDate: IsoDate,
  /** Communities served (the indicators count them). */
  serviceCommunityIds: z.array(Id).max(100).default([]),
  deliverables: z
    .array(z.strictObject({ title: Text(200), target: z.string().trim().max(100).nullable().optional() }))
    .min(1)
    .max(30),
  tranches: z.array(AgreementTrancheInput).min(1).max(10),
  /** Defaults to the district's standard criteria (100 points). */
  criteria: z.array(EvaluationCriterionInput).min(1).max(20).optional(),
  passMark: z.number().int().min(1).max(100).default(60),
});
export type CreateAgreementRequest = z.infer<typeof CreateAgreementRequest>;

export const AgreementListQuery = z.object({
  socialOrgId: Id.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type AgreementListQuery = z.infer<typeof AgreementListQuery>;

export interface AgreementTrancheView {
  id: number;
  seq: number;
  label: string;
  amountFen: number;
  condition: AgreementTrancheConditionName;
  status: AgreementTrancheStatus;
  directExpenditureId: number | null;
  paymentId: number | null;
  paymentStatus: string | null;
  requestedAt: string | null;
  /** Whether it may be requested now (the 尾款 only after a passed evaluation). */
  due: boolean;
}

export interface SocialOrgEvaluationView {
  id: number;
  kind: (typeof EVALUATION_KINDS)[number];
  evaluatedOn: string;
  evaluator: string;
  scores: Array<{ key: string; name: string; maxPoints: number; points: number; comment: string | null }>;
  totalPoints: number;
  maxPoints: number;
  passMark: number;
  passed: boolean;
  summary: string;
  recordedBy: string | null;
}

export interface AgreementView {
  id: number;
  socialOrg: { id: number; name: string };
  title: string;
  year: number;
  budgetLine: { id: number; name: string };
  amountFen: number;
  signedOn: string;
  startDate: string;
  endDate: string;
  status: (typeof AGREEMENT_STATUSES)[number];
  serviceCommunities: Array<{ id: number; name: string }>;
  deliverables: Array<{ title: string; target: string | null }>;
  tranches: AgreementTrancheView[];
  criteria: Array<{ key: string; name: string; maxPoints: number }>;
  passMark: number;
  evaluations: SocialOrgEvaluationView[];
  paidFen: number;
  isDemo: boolean;
  version: number;
}

// --- supervision and evaluation (督导评估)

export const CreateEvaluationRequest = z.strictObject({
  kind: z.enum(EVALUATION_KINDS),
  evaluatedOn: IsoDate,
  /** The panel or third party that evaluated. */
  evaluator: Text(100),
  scores: z
    .array(
      z.strictObject({
        key: z.string().trim().min(1).max(30),
        points: z.number().min(0).max(100),
        comment: z.string().trim().max(500).nullable().optional(),
      }),
    )
    .min(1)
    .max(20),
  summary: Text(2000),
});
export type CreateEvaluationRequest = z.infer<typeof CreateEvaluationRequest>;

export interface SocialOrgContactView {
  socialOrgId: number;
  contactName: string;
  contactPhone: string;
}
