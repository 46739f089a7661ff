import { z } from 'zod';
import { Id, Text } from './common.js';

/**
 * Performance target tables (项目绩效目标表), live actual values and the self-evaluation (绩效自评),
 * issue 11. Indicator values are in the indicator's own unit (元, %, 个 …); money that comes from
 * metrics is fen and is converted at the edge of the performance module.
 */

export const INDICATOR_NATURE_KEYS = ['=', '>=', '<=', 'qualitative'] as const;
export type IndicatorNatureKey = (typeof INDICATOR_NATURE_KEYS)[number];
export const SCORING_RULE_KEYS = ['proportional', 'all_or_nothing', 'deduct', 'qualitative'] as const;
export type ScoringRuleKey = (typeof SCORING_RULE_KEYS)[number];
export const QUALITATIVE_BAND_KEYS = ['achieved', 'partly', 'not_achieved'] as const;
export type QualitativeBandKey = (typeof QUALITATIVE_BAND_KEYS)[number];
export const TABLE_VERSION_STATUS_KEYS = ['draft', 'approved', 'superseded'] as const;
export type TableVersionStatusKey = (typeof TABLE_VERSION_STATUS_KEYS)[number];
export const METRIC_UNIT_KEYS = ['count', 'people', 'fen', 'percent'] as const;
export type MetricUnitKey = (typeof METRIC_UNIT_KEYS)[number];
export const BINDING_COMBINE_KEYS = ['sum', 'union'] as const;
export const STREET_REPORT_STATUS_KEYS = ['submitted', 'approved', 'returned'] as const;
export type StreetReportStatusKey = (typeof STREET_REPORT_STATUS_KEYS)[number];

/** A metric key as published by a module: 'delivery.projects_accepted'. */
export const MetricKey = z
  .string()
  .regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/)
  .max(80);
/** The stable key of an indicator, kept across versions of its table. */
export const IndicatorKey = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/);

/** A number with at most two decimals (points). */
const Points = z.number().min(0).max(100).multipleOf(0.01);

/** One metric computed for one budget line of the table, for every line of the table, or for none. */
export const BindingTerm = z.strictObject({
  metric: MetricKey,
  budgetLineId: z.union([Id, z.literal('table'), z.null()]),
});
export type BindingTerm = z.infer<typeof BindingTerm>;

export const IndicatorBinding = z.discriminatedUnion('kind', [
  /** Entered by hand with an evidence attachment (社会效益, 维护社会稳定, qualitative indicators). */
  z.strictObject({ kind: z.literal('manual') }),
  z.strictObject({
    kind: z.literal('metric'),
    combine: z.enum(BINDING_COMBINE_KEYS).default('sum'),
    terms: z.array(BindingTerm).min(1).max(10),
  }),
]);
export type IndicatorBinding = z.infer<typeof IndicatorBinding>;

export const IndicatorInput = z.strictObject({
  /** Omit for a new indicator; give the key of an existing one to keep its history. */
  key: IndicatorKey.optional(),
  level1: Text(40),
  level2: Text(40),
  name: Text(200),
  nature: z.enum(INDICATOR_NATURE_KEYS),
  target: z.number().min(-1e12).max(1e12).nullable(),
  /** 指标值 as printed, e.g. '58个' (kept verbatim). */
  targetText: z.string().max(50).default(''),
  unit: z.string().trim().max(20),
  points: Points,
  rule: z.enum(SCORING_RULE_KEYS),
  /** 评(扣)分标准, verbatim. */
  ruleText: z.string().max(500).default(''),
  deductionPerUnit: z.number().positive().max(100).nullable().default(null),
  /** 指标属性 as printed ('001'), uninterpreted. */
  attributeCode: z.string().trim().max(10).default(''),
  /** 指标内容, verbatim. */
  content: z.string().max(5000).default(''),
  /** 绩效指标值设定依据 (basis documents), verbatim. */
  basis: z.string().max(5000).default(''),
  /** 数据来源: where the figure comes from, in words. */
  dataSource: z.string().max(500).default(''),
  binding: IndicatorBinding,
});
export type IndicatorInput = z.infer<typeof IndicatorInput>;

export const CreatePerformanceTableRequest = z.strictObject({
  programmeId: Id,
  /** The budget lines the table answers for; all lines of the programme when omitted. */
  budgetLineIds: z.array(Id).min(1).max(20).optional(),
  name: Text(100).optional(),
});
export type CreatePerformanceTableRequest = z.infer<typeof CreatePerformanceTableRequest>;

export const UpdateTableVersionRequest = z.strictObject({
  /** The row version read (optimistic lock). */
  version: z.number().int().min(1),
  /** e.g. '2026年-2028年'. */
  longTermPeriod: z.string().trim().max(40).default(''),
  longTermGoal: z.string().max(5000).default(''),
  annualGoal: z.string().max(5000).default(''),
  budgetExecutionPoints: Points.default(10),
  indicators: z.array(IndicatorInput).max(60),
});
export type UpdateTableVersionRequest = z.infer<typeof UpdateTableVersionRequest>;

export const ApproveTableVersionRequest = z.strictObject({ version: z.number().int().min(1) });
export type ApproveTableVersionRequest = z.infer<typeof ApproveTableVersionRequest>;

export const NewTableVersionRequest = z.strictObject({ changeNote: Text(500) });
export type NewTableVersionRequest = z.infer<typeof NewTableVersionRequest>;

export const PerformanceTableListQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type PerformanceTableListQuery = z.infer<typeof PerformanceTableListQuery>;

export const ActualsQuery = z.object({ versionId: Id.optional() });
export type ActualsQuery = z.infer<typeof ActualsQuery>;

export const ManualValueRequest = z.strictObject({
  indicatorKey: IndicatorKey,
  /** In the indicator's unit; null for a qualitative indicator (which takes a band). */
  value: z.number().min(-1e12).max(1e12).nullable().default(null),
  band: z.enum(QUALITATIVE_BAND_KEYS).nullable().default(null),
  /** Where within the band (0 = bottom, 1 = top). */
  bandFraction: z.number().min(0).max(1).nullable().default(null),
  note: z.string().trim().max(2000).default(''),
  /** An uploaded evidence file (POST /performance/tables/:id/evidence). */
  evidenceId: Id,
});
export type ManualValueRequest = z.infer<typeof ManualValueRequest>;

export const ManualValueHistoryQuery = z.object({ indicatorKey: IndicatorKey });
export type ManualValueHistoryQuery = z.infer<typeof ManualValueHistoryQuery>;

export const DeviationReasonsRequest = z.strictObject({
  reasons: z.array(z.strictObject({ indicatorKey: IndicatorKey, text: z.string().max(5000) })).max(60),
});
export type DeviationReasonsRequest = z.infer<typeof DeviationReasonsRequest>;

export const ReturnStreetReportRequest = z.strictObject({ reason: Text(1000) });
export type ReturnStreetReportRequest = z.infer<typeof ReturnStreetReportRequest>;

// ---- views

export interface MetricCatalogueEntry {
  key: string;
  name: { zh: string; en: string };
  description: { zh: string; en: string };
  unit: MetricUnitKey;
  perBudgetLine: boolean;
}

export interface TableVersionSummary {
  id: number;
  number: number;
  status: TableVersionStatusKey;
  changeNote: string | null;
  createdBy: string | null;
  createdAt: string;
  approvedBy: string | null;
  approvedAt: string | null;
}

export interface PerformanceTableView {
  id: number;
  year: number;
  name: string;
  programme: { id: number; name: string };
  lines: Array<{ id: number; name: string }>;
  isDemo: boolean;
  /** The approved version in force, if any. */
  current: TableVersionSummary | null;
  draft: TableVersionSummary | null;
  versions: TableVersionSummary[];
}

export interface IndicatorView {
  id: number;
  key: string;
  position: number;
  level1: string;
  level2: string;
  name: string;
  nature: IndicatorNatureKey;
  target: number | null;
  targetText: string;
  unit: string;
  points: number;
  rule: ScoringRuleKey;
  ruleText: string;
  deductionPerUnit: number | null;
  attributeCode: string;
  content: string;
  basis: string;
  dataSource: string;
  binding: IndicatorBinding;
}

export interface TableVersionView extends TableVersionSummary {
  tableId: number;
  longTermPeriod: string;
  longTermGoal: string;
  annualGoal: string;
  budgetExecutionPoints: number;
  indicators: IndicatorView[];
  /** Row version for the optimistic lock of edits and approval. */
  version: number;
}

export interface TermActual {
  metric: string;
  name: { zh: string; en: string } | null;
  unit: MetricUnitKey | null;
  budgetLine: { id: number; name: string } | null;
  /** False when no module publishes this metric (any more). */
  available: boolean;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  rowCount: number;
}

export interface ManualValueView {
  id: number;
  indicatorKey: string;
  value: number | null;
  band: QualitativeBandKey | null;
  bandFraction: number | null;
  note: string;
  evidence: { id: number; name: string; sizeBytes: number };
  enteredBy: { id: number; name: string };
  enteredAt: string;
}

export interface IndicatorActual {
  indicatorId: number;
  key: string;
  /** In the indicator's unit; null when there is no value yet. */
  actual: number | null;
  source: 'metric' | 'manual';
  metric: {
    combine: 'sum' | 'union';
    unit: MetricUnitKey | null;
    numerator: number | null;
    denominator: number | null;
    problem: string | null;
    terms: TermActual[];
  } | null;
  manual: ManualValueView | null;
  band: QualitativeBandKey | null;
  points: number;
  maxPoints: number;
  completionRate: number | null;
  met: boolean;
  needsReason: boolean;
}

export interface BudgetExecutionActual {
  paidFen: number;
  adjustedBudgetFen: number;
  rate: number | null;
  points: number;
  maxPoints: number;
}

export type PerformanceGrade = '优' | '良' | '中' | '差';

export interface ActualValuesView {
  tableId: number;
  versionId: number;
  scope: { unitId: number; unitName: string; kind: 'district' | 'street' };
  computedAt: string;
  indicators: IndicatorActual[];
  /** District scope only. */
  budgetExecution: BudgetExecutionActual | null;
  total: number;
  maxTotal: number;
  grade: PerformanceGrade;
}

export interface MetricRowView {
  ref: string;
  label: string;
  unitName: string | null;
  value: number;
  href: string | null;
}

export interface IndicatorBreakdownView {
  indicatorId: number;
  key: string;
  unit: string;
  terms: Array<TermActual & { rows: MetricRowView[] }>;
}

export interface StreetNoteView {
  street: { id: number; name: string };
  indicatorKey: string;
  text: string;
  updatedAt: string;
}

export interface StreetReportView {
  id: number;
  street: { id: number; name: string };
  status: StreetReportStatusKey;
  submittedBy: string;
  submittedAt: string;
  auditedBy: string | null;
  auditedAt: string | null;
  returnReason: string | null;
  /** The street's figures as confirmed: indicator key → value in the indicator unit. */
  figures: Array<{ indicatorKey: string; actual: number | null; rowCount: number }>;
}

export interface EvaluationRowView extends IndicatorActual {
  level1: string;
  level2: string;
  name: string;
  nature: IndicatorNatureKey;
  target: number | null;
  unit: string;
  /** 偏差原因分析及改进措施 (the district's, for the table). */
  reason: string | null;
}

export interface EvaluationView {
  tableId: number;
  versionId: number;
  year: number;
  status: 'open' | 'submitted';
  scope: { unitId: number; unitName: string; kind: 'district' | 'street' };
  rows: EvaluationRowView[];
  budgetExecution: BudgetExecutionActual | null;
  total: number;
  maxTotal: number;
  grade: PerformanceGrade;
  /** Keys of below-target indicators still without a reason (at this scope). */
  missingReasons: string[];
  /** Street notes: every street's for the district, the street's own for a street. */
  streetNotes: StreetNoteView[];
  /** District: every street report; street: its own (if any). */
  streetReports: StreetReportView[];
  /** District: streets that took part in the year's work and must report before submission. */
  streetsRequired: Array<{ id: number; name: string; reportStatus: StreetReportStatusKey | null }>;
  submittedBy: string | null;
  submittedAt: string | null;
}

/** An evidence file just uploaded (POST /performance/tables/:id/evidence); its id goes in ManualValueRequest. */
export interface PerformanceEvidenceUploadView {
  id: number;
  name: string;
  sizeBytes: number;
  mimeType: string;
}
