import {
  DEFAULT_EVALUATION_CRITERIA,
  DEFAULT_PASS_MARK,
  checkAgreementTranches,
  scoreEvaluation,
  trancheDue,
} from './evaluation.js';
import { creditCodeCheckCharacter, isValidCreditCode } from '../check-digits.js';

describe('social organisations: the supervision evaluation (督导评估)', () => {
  const full = DEFAULT_EVALUATION_CRITERIA.map((criterion) => ({ key: criterion.key, points: criterion.maxPoints }));

  it('passes at the pass mark and fails below it', () => {
    expect(scoreEvaluation(DEFAULT_EVALUATION_CRITERIA, full, DEFAULT_PASS_MARK)).toEqual({
      totalPoints: 100,
      maxPoints: 100,
      passed: true,
      violations: [],
    });
    const sixty = [
      { key: 'deliverables', points: 24 },
      { key: 'quality', points: 12 },
      { key: 'satisfaction', points: 12 },
      { key: 'management', points: 6 },
      { key: 'finance', points: 6 },
    ];
    expect(scoreEvaluation(DEFAULT_EVALUATION_CRITERIA, sixty, 60)).toMatchObject({ totalPoints: 60, passed: true });
    const fiftyNineAndHalf = sixty.map((s) => (s.key === 'finance' ? { ...s, points: 5.5 } : s));
    expect(scoreEvaluation(DEFAULT_EVALUATION_CRITERIA, fiftyNineAndHalf, 60)).toMatchObject({ totalPoints: 59.5, passed: false, violations: [] });
  });

  it('never passes an incomplete or out-of-range sheet', () => {
    const result = scoreEvaluation(
      DEFAULT_EVALUATION_CRITERIA,
      [
        { key: 'deliverables', points: 41 },
        { key: 'quality', points: 20.3 },
        { key: 'nonsense', points: 5 },
      ],
      60,
    );
    expect(result.passed).toBe(false);
    expect(result.violations.map((v) => v.code)).toEqual([
      'SCORE_UNKNOWN_CRITERION',
      'SCORE_OUT_OF_RANGE',
      'SCORE_OUT_OF_RANGE',
      'SCORE_MISSING',
      'SCORE_MISSING',
      'SCORE_MISSING',
    ]);
  });
});

describe('social organisations: the payment plan and the 尾款 gate', () => {
  it('adds up to the agreement with one final tranche, last', () => {
    expect(
      checkAgreementTranches(5_000_000, [
        { label: '首期款', amountFen: 3_500_000, condition: 'on_signing' },
        { label: '尾款', amountFen: 1_500_000, condition: 'after_evaluation' },
      ]),
    ).toEqual([]);
    expect(
      checkAgreementTranches(5_000_000, [
        { label: '首期款', amountFen: 3_000_000, condition: 'on_signing' },
        { label: '尾款', amountFen: 1_500_000, condition: 'after_evaluation' },
      ]).map((v) => v.code),
    ).toEqual(['TRANCHES_SUM']);
    expect(
      checkAgreementTranches(100, [
        { label: '尾款', amountFen: 50, condition: 'after_evaluation' },
        { label: '首期款', amountFen: 50, condition: 'on_signing' },
      ]).map((v) => v.code),
    ).toEqual(['FINAL_TRANCHE_LAST']);
    expect(checkAgreementTranches(100, [{ label: 'x', amountFen: 100, condition: 'on_signing' }]).map((v) => v.code)).toEqual([
      'FINAL_TRANCHE_REQUIRED',
    ]);
  });

  it('holds the 尾款 until an evaluation has passed; other tranches are due', () => {
    expect(trancheDue('after_evaluation', []).due).toBe(false);
    expect(trancheDue('after_evaluation', [{ passed: false }]).violation?.code).toBe('EVALUATION_NOT_PASSED');
    expect(trancheDue('after_evaluation', [{ passed: false }, { passed: true }]).due).toBe(true);
    expect(trancheDue('on_signing', []).due).toBe(true);
  });

  it('validates unified social credit codes (GB 32100)', () => {
    const first17 = '52530121MJ0123456';
    const code = first17 + creditCodeCheckCharacter(first17);
    expect(isValidCreditCode(code)).toBe(true);
    expect(isValidCreditCode(first17 + (code.endsWith('0') ? '1' : '0'))).toBe(false);
  });
});
