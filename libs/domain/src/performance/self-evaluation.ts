/**
 * The self-evaluation (绩效自评) of a target table: every indicator scored against its actual value,
 * budget execution scored separately, the total graded, and the rule that an indicator below its
 * target cannot be submitted without 偏差原因分析及改进措施.
 */
import { type ConfiguredIndicator, scoringIndicator } from './indicator-config.js';
import {
  type Grade,
  type QualitativeBand,
  type TableScore,
  QUALITATIVE_BANDS,
  scoreTable,
} from './indicator-scoring.js';

export interface EvaluationRowInput {
  /** Stable key of the indicator (kept across table versions). */
  key: string;
  indicator: ConfiguredIndicator;
  /** In the indicator's unit; null when there is no value yet. */
  actual: number | null;
  band?: QualitativeBand | null;
  bandFraction?: number | null;
  /** 偏差原因分析及改进措施 written so far. */
  reason?: string | null;
}

export interface EvaluationRow {
  key: string;
  indicator: ConfiguredIndicator;
  actual: number | null;
  band: QualitativeBand | null;
  /** Rounded to 2 decimals. */
  points: number;
  maxPoints: number;
  completionRate: number | null;
  met: boolean;
  /** Below target (or no value / no band yet): a deviation reason is required. */
  needsReason: boolean;
  reason: string | null;
}

export interface Evaluation {
  rows: EvaluationRow[];
  budgetExecution: TableScore['budgetExecution'];
  total: number;
  maxTotal: number;
  grade: Grade;
  /** Keys of indicators that need a reason and have none. */
  missingReasons: string[];
}

export const hasText = (text: string | null | undefined): boolean =>
  typeof text === 'string' && text.trim() !== '';

/** Whether a qualitative band name is known. */
export function isBand(value: unknown): value is QualitativeBand {
  return typeof value === 'string' && value in QUALITATIVE_BANDS;
}

export function evaluateTable(
  inputs: readonly EvaluationRowInput[],
  budgetExecution?: { paidFen: number; adjustedBudgetFen: number; points?: number } | null,
): Evaluation {
  const score = scoreTable(
    inputs.map((input) => ({
      indicator: scoringIndicator(input.indicator),
      actual: input.actual,
      band: input.band ?? undefined,
      bandFraction: input.bandFraction ?? undefined,
    })),
    budgetExecution ? { budgetExecution } : {},
  );
  const rows = score.rows.map((row, index): EvaluationRow => {
    const input = inputs[index];
    return {
      key: input.key,
      indicator: input.indicator,
      actual: input.actual,
      band: input.band ?? null,
      points: row.points,
      maxPoints: row.maxPoints,
      completionRate: row.completionRate,
      met: row.met,
      needsReason: !row.met,
      reason: hasText(input.reason) ? input.reason!.trim() : null,
    };
  });
  return {
    rows,
    budgetExecution: score.budgetExecution,
    total: score.total,
    maxTotal: score.maxTotal,
    grade: score.grade,
    missingReasons: rows.filter((row) => row.needsReason && row.reason === null).map((row) => row.key),
  };
}

/** Completion (actual ÷ target) as a percentage for display, or null. */
export function completionPercent(rate: number | null): number | null {
  return rate === null || !Number.isFinite(rate) ? null : Math.round(rate * 10000) / 100;
}
