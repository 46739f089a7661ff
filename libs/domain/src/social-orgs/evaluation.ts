/**
 * Social organisations' service agreements (服务协议) and their supervision and evaluation
 * (督导评估): an evaluation scores each criterion up to its points and passes at the agreement's
 * pass mark; a payment plan splits the agreement amount into tranches, the final one (尾款) due
 * only after a passed evaluation. Pure rules: integer fen and points, no clock, no I/O.
 */
import { violation, type Violation } from '../violation.js';

export interface EvaluationCriterion {
  key: string;
  name: string;
  maxPoints: number;
}

export interface CriterionScore {
  key: string;
  points: number;
}

export interface EvaluationResult {
  totalPoints: number;
  maxPoints: number;
  passed: boolean;
  violations: Violation[];
}

/** The criteria a district uses unless it sets its own (weights sum to 100). */
export const DEFAULT_EVALUATION_CRITERIA: readonly EvaluationCriterion[] = [
  { key: 'deliverables', name: '服务目标与成果完成情况', maxPoints: 40 },
  { key: 'quality', name: '服务质量与专业性', maxPoints: 20 },
  { key: 'satisfaction', name: '服务对象满意度', maxPoints: 20 },
  { key: 'management', name: '项目管理与档案规范', maxPoints: 10 },
  { key: 'finance', name: '资金使用规范', maxPoints: 10 },
];

export const DEFAULT_PASS_MARK = 60;

export function checkCriteria(criteria: readonly EvaluationCriterion[], passMark: number): Violation[] {
  const out: Violation[] = [];
  if (criteria.length === 0)
    out.push(violation('criteria', 'CRITERIA_REQUIRED', '请至少设置一项评估指标', 'Set at least one criterion'));
  const keys = new Set<string>();
  criteria.forEach((criterion, index) => {
    if (!Number.isInteger(criterion.maxPoints) || criterion.maxPoints <= 0 || criterion.maxPoints > 100)
      out.push(
        violation(
          `criteria.${index}.maxPoints`,
          'CRITERION_POINTS_INVALID',
          '分值应为1至100的整数',
          'Points must be a whole number from 1 to 100',
        ),
      );
    if (keys.has(criterion.key))
      out.push(violation(`criteria.${index}.key`, 'CRITERION_DUPLICATE', '评估指标重复', 'Duplicate criterion'));
    keys.add(criterion.key);
  });
  const max = criteria.reduce((sum, criterion) => sum + criterion.maxPoints, 0);
  if (!Number.isInteger(passMark) || passMark <= 0 || passMark > max)
    out.push(
      violation(
        'passMark',
        'PASS_MARK_INVALID',
        `合格分数线应在1至${max}之间`,
        `The pass mark must be between 1 and ${max}`,
      ),
    );
  return out;
}

/**
 * Scores an evaluation: every criterion scored once, 0 ≤ points ≤ its maximum (half points
 * allowed, as panels often give them); passed when the total reaches the pass mark.
 */
export function scoreEvaluation(
  criteria: readonly EvaluationCriterion[],
  scores: readonly CriterionScore[],
  passMark: number,
): EvaluationResult {
  const violations: Violation[] = [...checkCriteria(criteria, passMark)];
  const byKey = new Map<string, number>();
  scores.forEach((score, index) => {
    if (!criteria.some((criterion) => criterion.key === score.key))
      violations.push(
        violation(`scores.${index}.key`, 'SCORE_UNKNOWN_CRITERION', '不是本协议的评估指标', 'Not a criterion of this agreement'),
      );
    else if (byKey.has(score.key))
      violations.push(violation(`scores.${index}.key`, 'SCORE_DUPLICATE', '同一指标重复打分', 'Scored twice'));
    else byKey.set(score.key, score.points);
  });
  criteria.forEach((criterion, index) => {
    const points = byKey.get(criterion.key);
    if (points === undefined) {
      violations.push(
        violation(`scores.${index}.points`, 'SCORE_MISSING', `请为“${criterion.name}”打分`, `Score “${criterion.name}”`),
      );
    } else if (!Number.isFinite(points) || points < 0 || points > criterion.maxPoints || !Number.isInteger(points * 2)) {
      violations.push(
        violation(
          `scores.${index}.points`,
          'SCORE_OUT_OF_RANGE',
          `“${criterion.name}”得分应在0至${criterion.maxPoints}之间（可到0.5分）`,
          `“${criterion.name}” takes 0 to ${criterion.maxPoints} points (in halves)`,
        ),
      );
    }
  });
  const maxPoints = criteria.reduce((sum, criterion) => sum + criterion.maxPoints, 0);
  // Halves: add in tenths of a point to keep the sum exact.
  const totalTenths = criteria.reduce((sum, criterion) => sum + Math.round((byKey.get(criterion.key) ?? 0) * 10), 0);
  const totalPoints = totalTenths / 10;
  return { totalPoints, maxPoints, passed: violations.length === 0 && totalPoints >= passMark, violations };
}

export const AGREEMENT_TRANCHE_CONDITIONS = ['on_signing', 'on_midterm', 'after_evaluation'] as const;
export type AgreementTrancheCondition = (typeof AGREEMENT_TRANCHE_CONDITIONS)[number];

export const AGREEMENT_TRANCHE_CONDITION_LABELS: Record<AgreementTrancheCondition, { zh: string; en: string }> = {
  on_signing: { zh: '协议签订后', en: 'on signing' },
  on_midterm: { zh: '中期督导后', en: 'after the mid-term supervision' },
  after_evaluation: { zh: '督导评估合格后（尾款）', en: 'after a passed evaluation (final payment)' },
};

export interface AgreementTranche {
  label: string;
  amountFen: number;
  condition: AgreementTrancheCondition;
}

/**
 * A payment plan: positive amounts that add up to the agreement amount, and exactly one final
 * tranche (after a passed evaluation), which comes last.
 */
export function checkAgreementTranches(amountFen: number, tranches: readonly AgreementTranche[]): Violation[] {
  const out: Violation[] = [];
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0)
    out.push(violation('amountFen', 'AMOUNT_INVALID', '协议金额应大于0', 'The agreement amount must be positive'));
  if (tranches.length === 0) {
    out.push(violation('tranches', 'TRANCHES_REQUIRED', '请至少设置一笔付款', 'Set at least one tranche'));
    return out;
  }
  tranches.forEach((tranche, index) => {
    if (!Number.isSafeInteger(tranche.amountFen) || tranche.amountFen <= 0)
      out.push(
        violation(`tranches.${index}.amountFen`, 'TRANCHE_AMOUNT_INVALID', '每笔金额应大于0', 'Each tranche must be positive'),
      );
  });
  const finals = tranches.filter((tranche) => tranche.condition === 'after_evaluation').length;
  if (finals !== 1)
    out.push(
      violation(
        'tranches',
        'FINAL_TRANCHE_REQUIRED',
        '须且只能有一笔“督导评估合格后”支付的尾款',
        'Exactly one tranche must be the final payment after a passed evaluation',
      ),
    );
  else if (tranches[tranches.length - 1].condition !== 'after_evaluation')
    out.push(
      violation(
        `tranches.${tranches.length - 1}.condition`,
        'FINAL_TRANCHE_LAST',
        '尾款应为最后一笔',
        'The final payment must come last',
      ),
    );
  const sum = tranches.reduce((total, tranche) => total + (Number.isSafeInteger(tranche.amountFen) ? tranche.amountFen : 0), 0);
  if (out.length === 0 && sum !== amountFen)
    out.push(
      violation(
        'tranches',
        'TRANCHES_SUM',
        `各笔合计 ${(sum / 100).toFixed(2)} 元，应等于协议金额 ${(amountFen / 100).toFixed(2)} 元`,
        `The tranches add up to ${(sum / 100).toFixed(2)} yuan, not the agreement's ${(amountFen / 100).toFixed(2)} yuan`,
      ),
    );
  return out;
}

/** Whether a tranche may be requested now: the final one only after a passed evaluation. */
export function trancheDue(
  condition: AgreementTrancheCondition,
  evaluations: ReadonlyArray<{ passed: boolean }>,
): { due: boolean; violation: Violation | null } {
  if (condition !== 'after_evaluation') return { due: true, violation: null };
  if (evaluations.some((evaluation) => evaluation.passed)) return { due: true, violation: null };
  return {
    due: false,
    violation: violation(
      'tranche',
      'EVALUATION_NOT_PASSED',
      '尚无合格的督导评估，尾款不能申请支付',
      'No passed supervision evaluation yet: the final payment cannot be requested',
    ),
  };
}
