import { z } from 'zod';
import { Id } from './common.js';

/**
 * Dashboards (issue 11 §7) and the 工作台 (§8). Read-only figures: money in integer fen, rates in
 * basis points (1% = 100 bp), months 'YYYY-MM' in Asia/Shanghai.
 */

export const DashboardQuery = z.object({
  /** The programmes' year; defaults to the current year (Asia/Shanghai). */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  /** Narrow a district view to one street; a street officer may only name their own. */
  streetId: Id.optional(),
  /** The pipeline funnel of one competition instead of the whole year. */
  competitionId: Id.optional(),
});
export type DashboardQuery = z.infer<typeof DashboardQuery>;

export interface DashboardScopeView {
  year: number;
  /** 'district' for the whole district, 'street' for one street (a street officer's own, or one chosen). */
  kind: 'district' | 'street';
  districtId: number;
  /** The unit the figures are about: the district, or the street. */
  unit: { id: number; name: string };
  competitionId: number | null;
  /** The streets a district user may narrow to (empty for a street officer). */
  streets: Array<{ id: number; name: string }>;
}

export interface LedgerFiguresView {
  budgetFen: number;
  adjustmentsFen: number;
  adjustedBudgetFen: number;
  committedFen: number;
  paidFen: number;
  availableFen: number;
  executionRateBp: number;
}

/**
 * One budget line. District view: the line's own ledger. Street view: what the line committed
 * to and paid for that street's projects and people (the budget is the district's, so null).
 */
export interface LineExecutionView {
  budgetLineId: number;
  name: string;
  programme: string;
  adjustedBudgetFen: number | null;
  committedFen: number;
  paidFen: number;
  executionRateBp: number | null;
}

/** Money a street's projects and people received: awards and stipend batches, and what was paid. */
export interface StreetExecutionView {
  streetId: number;
  name: string;
  committedFen: number;
  paidFen: number;
  projects: number;
  projectsAccepted: number;
}

/** Money by the month it moved on the ledger (district) or was recorded as paid (street). */
export interface MonthExecutionView {
  month: string;
  /** Net commitments that month; null in a street view (commitments are not dated per street). */
  committedFen: number | null;
  paidFen: number;
}

export const FUNNEL_STAGES = ['submitted', 'screened', 'scored', 'awarded', 'accepted', 'paid'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

/**
 * How far the year's (or a competition's) applications got. A stage counts every application
 * that ever reached it (a later withdrawal does not undo it). Money: requested subsidy up to
 * scored; award amounts for awarded and accepted; for paid, `count` is projects paid in full and
 * `amountFen` everything paid to the stage's projects.
 */
export interface FunnelStageView {
  stage: FunnelStage;
  count: number;
  amountFen: number;
}

/** 验收合格率 over projects with a recorded acceptance inspection. */
export interface PassRateView {
  inspected: number;
  passed: number;
  firstPassed: number;
  /** passed ÷ inspected in bp; null when nothing was inspected yet. */
  rateBp: number | null;
  firstRateBp: number | null;
}

/** A stipend programme's paid batches of one quarter: people paid and the amount. */
export interface StipendQuarterView {
  programmeId: number;
  programme: string;
  quarter: 1 | 2 | 3 | 4;
  people: number;
  amountFen: number;
}

export interface DashboardView {
  scope: DashboardScopeView;
  /** Sum of the district's lines of the year; null in a street view. */
  total: LedgerFiguresView | null;
  byLine: LineExecutionView[];
  byStreet: StreetExecutionView[];
  byMonth: MonthExecutionView[];
  funnel: FunnelStageView[];
  passRate: PassRateView;
  stipends: StipendQuarterView[];
  computedAt: string;
}

// --- 工作台 (workbench)

export interface TodoView {
  /** Stable kind, e.g. 'applications.to_screen'. */
  kind: string;
  count: number;
  /** A portal path that opens the waiting items, filtered where the page allows. */
  link: string;
  label: { zh: string; en: string };
  /** The earliest deadline among the items (YYYY-MM-DD), when they have one. */
  oldestDue: string | null;
}

export type WorkbenchFigureUnit = 'count' | 'fen' | 'bp';

export interface WorkbenchFigureView {
  /** Stable key, e.g. 'district.execution_rate'. */
  key: string;
  label: { zh: string; en: string };
  value: number;
  unit: WorkbenchFigureUnit;
  /** For “x of y” figures (sheets done of total, submissions of the minimum). */
  of: number | null;
  link: string | null;
}

export interface WorkbenchView {
  todos: TodoView[];
  figures: WorkbenchFigureView[];
  computedAt: string;
}
