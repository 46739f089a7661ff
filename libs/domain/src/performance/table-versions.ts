/**
 * Versions of a target table. A version is a draft until approved; an approved version is frozen
 * (any edit is refused) and stays readable. A change makes version n+1, a draft copy of the
 * current one; approving it supersedes version n. One draft at a time.
 */
import type { Violation } from '../stipends/violation.js';
import { type ConfiguredIndicator, validateConfiguredIndicator } from './indicator-config.js';

export type TableVersionStatus = 'draft' | 'approved' | 'superseded';
export const TABLE_VERSION_STATUSES: readonly TableVersionStatus[] = ['draft', 'approved', 'superseded'];

/** A table version's full score: indicators plus budget execution. */
export const TABLE_TOTAL_POINTS = 100;

export const isVersionEditable = (status: TableVersionStatus): boolean => status === 'draft';

/** What stands between a draft and its approval; empty when it may be approved. */
export function approvalProblems(
  indicators: readonly ConfiguredIndicator[],
  budgetExecutionPoints: number,
): Violation[] {
  const problems: Violation[] = [];
  if (indicators.length === 0) {
    problems.push({
      field: 'indicators',
      code: 'empty',
      zh: '目标表至少要有一项绩效指标',
      en: 'The table needs at least one indicator',
    });
  }
  indicators.forEach((indicator, index) => {
    for (const violation of validateConfiguredIndicator(indicator)) {
      problems.push({ ...violation, field: `indicators.${index}.${violation.field}` });
    }
  });
  const hundredths =
    indicators.reduce((sum, indicator) => sum + Math.round(indicator.points * 100), 0) +
    Math.round(budgetExecutionPoints * 100);
  if (hundredths !== TABLE_TOTAL_POINTS * 100) {
    problems.push({
      field: 'points',
      code: 'total_not_100',
      zh: `各项指标分值与预算执行率分值合计应为 ${TABLE_TOTAL_POINTS} 分（现为 ${hundredths / 100} 分）`,
      en: `Indicator points plus budget execution must total ${TABLE_TOTAL_POINTS} (now ${hundredths / 100})`,
    });
  }
  return problems;
}
