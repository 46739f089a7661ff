import { z } from 'zod';

/**
 * Roll-ups across districts (issue 13 §6): what a city / province officer reads for the districts
 * below, and a district admin for their own district. Read-only figures: money in integer fen,
 * rates in basis points (1% = 100 bp).
 */

export const RollupQuery = z.object({
  /** The programmes' year; defaults to the current year (Asia/Shanghai). */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type RollupQuery = z.infer<typeof RollupQuery>;

export interface RollupExecution {
  /** Budget after adjustments, summed over the year's lines. */
  budgetFen: number;
  committedFen: number;
  paidFen: number;
  /** paid ÷ budget after adjustments, in basis points; null without budget. */
  executionRateBp: number | null;
}

export interface RollupFunnel {
  /** The year's applications by current status (drafts included). */
  byStatus: Record<string, number>;
  applications: number;
  awards: number;
  awardedFen: number;
  projects: number;
  projectsAccepted: number;
}

export interface RollupIndicators {
  /** Performance tables of the year with an approved version. */
  tables: number;
  met: number;
  total: number;
}

export interface RollupRow {
  execution: RollupExecution;
  funnel: RollupFunnel;
  indicators: RollupIndicators;
}

export interface RollupDistrictRow extends RollupRow {
  district: { id: number; name: string };
}

export interface RollupView {
  year: number;
  /** The unit the officer sits on (a city, a province, or the district itself). */
  unit: { id: number; name: string; kind: string };
  districts: RollupDistrictRow[];
  /** Sums over the rows (the rate recomputed from the sums). */
  total: RollupRow;
  computedAt: string;
}
