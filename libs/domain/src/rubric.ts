import { violation, type Violation } from './violation.js';

/**
 * A competition's scoring rubric (product.md, "Scoring and selection"): criteria with maximum
 * points summing to exactly 100, so a reviewer's total reads as a mark out of 100.
 */
export interface Criterion {
  key: string;
  /** Chinese name shown to reviewers. */
  name: string;
  maxPoints: number;
  /** English name; optional, the key is shown when missing. */
  nameEn?: string;
}

/** The 民生小实事 rubric. The six criteria are product.md's; the weights are our default
 * (publicity and breadth first: "select those with high public attention and wide benefit"). */
export const DEFAULT_LIVELIHOOD_RUBRIC: readonly Criterion[] = [
  { key: 'publicAttention', name: '群众关注度', nameEn: 'Public attention', maxPoints: 20 },
  { key: 'breadthOfBenefit', name: '受益面', nameEn: 'Breadth of benefit', maxPoints: 20 },
  { key: 'residentParticipation', name: '居民参与', nameEn: 'Resident participation', maxPoints: 20 },
  { key: 'feasibility', name: '可行性', nameEn: 'Feasibility', maxPoints: 15 },
  { key: 'budgetReasonableness', name: '预算合理性', nameEn: 'Budget reasonableness', maxPoints: 15 },
  { key: 'sustainability', name: '可持续性', nameEn: 'Sustainability', maxPoints: 10 },
];

const KEY = /^[A-Za-z][A-Za-z0-9_]*$/;

export function checkRubric(criteria: readonly Criterion[]): Violation[] {
  const out: Violation[] = [];
  if (criteria.length === 0) {
    out.push(
      violation(
        'criteria',
        'RUBRIC_EMPTY',
        '评分细则至少需要一项指标',
        'A rubric needs at least one criterion',
      ),
    );
    return out;
  }
  const seen = new Set<string>();
  let sum = 0;
  let pointsOk = true;
  criteria.forEach((c, i) => {
    if (!KEY.test(c.key)) {
      out.push(
        violation(
          `criteria.${i}.key`,
          'CRITERION_KEY_INVALID',
          '指标代码须以字母开头，只含字母、数字和下划线',
          'A criterion key starts with a letter and holds only letters, digits and _',
        ),
      );
    } else if (seen.has(c.key)) {
      out.push(
        violation(
          `criteria.${i}.key`,
          'CRITERION_KEY_DUPLICATE',
          `指标代码重复：${c.key}`,
          `Duplicate criterion key: ${c.key}`,
        ),
      );
    }
    seen.add(c.key);
    if (typeof c.name !== 'string' || c.name.trim() === '') {
      out.push(
        violation(`criteria.${i}.name`, 'CRITERION_NAME_REQUIRED', '请填写指标名称', 'Name the criterion'),
      );
    }
    if (!Number.isInteger(c.maxPoints) || c.maxPoints <= 0) {
      pointsOk = false;
      out.push(
        violation(
          `criteria.${i}.maxPoints`,
          'CRITERION_POINTS_INVALID',
          '分值须为正整数',
          'Maximum points must be a whole number above zero',
        ),
      );
    } else sum += c.maxPoints;
  });
  if (pointsOk && sum !== 100) {
    out.push(
      violation(
        'criteria',
        'RUBRIC_NOT_100',
        `各项分值合计须为 100 分（当前 ${sum} 分）`,
        `The criteria must add up to 100 points (now ${sum})`,
      ),
    );
  }
  return out;
}

/** Scores are kept to one decimal (reviewers give 17.5); totals are computed in tenths so the
 * sum of decimals is exact. */
const inTenths = (x: number) => Math.round(x * 10);
const isTenths = (x: number) => Math.abs(x * 10 - Math.round(x * 10)) < 1e-9;

export function checkScoreSheet(
  criteria: readonly Criterion[],
  scores: Record<string, number>,
  comments: Record<string, string>,
  options: { commentRequiredAtExtremes: boolean },
): Violation[] {
  const out: Violation[] = [];
  const keys = new Set(criteria.map((c) => c.key));
  for (const c of criteria) {
    const field = `scores.${c.key}`;
    const label = { zh: c.name, en: c.nameEn ?? c.key };
    const score = scores[c.key];
    if (score === undefined || score === null) {
      out.push(violation(field, 'SCORE_REQUIRED', `请为“${label.zh}”打分`, `Score “${label.en}”`));
      continue;
    }
    if (typeof score !== 'number' || !Number.isFinite(score) || score < 0 || score > c.maxPoints) {
      out.push(
        violation(
          field,
          'SCORE_OUT_OF_RANGE',
          `“${label.zh}”的得分须在 0 至 ${c.maxPoints} 分之间`,
          `“${label.en}” takes 0 to ${c.maxPoints} points`,
        ),
      );
      continue;
    }
    if (!isTenths(score)) {
      out.push(
        violation(
          field,
          'SCORE_PRECISION',
          `“${label.zh}”的得分最多保留一位小数`,
          `Score “${label.en}” to at most one decimal`,
        ),
      );
      continue;
    }
    // Full or zero marks on a criterion are what panels ask reviewers to justify.
    const extreme = score === 0 || score === c.maxPoints;
    if (options.commentRequiredAtExtremes && extreme && !(comments[c.key] ?? '').trim()) {
      out.push(
        violation(
          `comments.${c.key}`,
          'COMMENT_REQUIRED',
          `“${label.zh}”给出${score === 0 ? '零分' : '满分'}时须填写评语`,
          `Explain a ${score === 0 ? 'zero' : 'full'} score for “${label.en}”`,
        ),
      );
    }
  }
  for (const key of Object.keys(scores)) {
    if (!keys.has(key)) {
      out.push(
        violation(
          `scores.${key}`,
          'SCORE_UNKNOWN_CRITERION',
          `评分细则中没有此指标：${key}`,
          `No such criterion in the rubric: ${key}`,
        ),
      );
    }
  }
  return out;
}

/** A sheet's total, exact to the tenth (0.1 + 0.2 is 0.3 here). Missing scores count as 0. */
export function scoreSheetTotal(criteria: readonly Criterion[], scores: Record<string, number>): number {
  return criteria.reduce((sum, c) => sum + inTenths(scores[c.key] ?? 0), 0) / 10;
}
