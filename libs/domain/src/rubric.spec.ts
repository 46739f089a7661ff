import {
  checkRubric,
  checkScoreSheet,
  DEFAULT_LIVELIHOOD_RUBRIC,
  scoreSheetTotal,
  type Criterion,
} from './rubric.js';

const codes = (v: { field: string; code: string }[]) => v.map((x) => `${x.field}:${x.code}`);

describe('checkRubric', () => {
  it('accepts the default livelihood rubric: six criteria, 100 points', () => {
    expect(checkRubric(DEFAULT_LIVELIHOOD_RUBRIC)).toEqual([]);
    expect(DEFAULT_LIVELIHOOD_RUBRIC.map((c) => c.name)).toEqual([
      '群众关注度',
      '受益面',
      '居民参与',
      '可行性',
      '预算合理性',
      '可持续性',
    ]);
    expect(DEFAULT_LIVELIHOOD_RUBRIC.reduce((s, c) => s + c.maxPoints, 0)).toBe(100);
  });

  it.each<[string, Criterion[], string[]]>([
    ['empty', [], ['criteria:RUBRIC_EMPTY']],
    [
      'not 100',
      [
        { key: 'a', name: 'A', maxPoints: 60 },
        { key: 'b', name: 'B', maxPoints: 30 },
      ],
      ['criteria:RUBRIC_NOT_100'],
    ],
    [
      'duplicate and malformed keys',
      [
        { key: 'a', name: 'A', maxPoints: 50 },
        { key: 'a', name: 'A2', maxPoints: 25 },
        { key: '1x', name: 'X', maxPoints: 25 },
      ],
      ['criteria.1.key:CRITERION_KEY_DUPLICATE', 'criteria.2.key:CRITERION_KEY_INVALID'],
    ],
    [
      'non-integer, zero and negative points (no sum check then)',
      [
        { key: 'a', name: 'A', maxPoints: 50.5 },
        { key: 'b', name: 'B', maxPoints: 0 },
        { key: 'c', name: ' ', maxPoints: -1 },
      ],
      [
        'criteria.0.maxPoints:CRITERION_POINTS_INVALID',
        'criteria.1.maxPoints:CRITERION_POINTS_INVALID',
        'criteria.2.name:CRITERION_NAME_REQUIRED',
        'criteria.2.maxPoints:CRITERION_POINTS_INVALID',
      ],
    ],
  ])('%s', (_name, criteria, expected) => {
    expect(codes(checkRubric(criteria))).toEqual(expected);
  });
});

describe('checkScoreSheet', () => {
  const R = DEFAULT_LIVELIHOOD_RUBRIC;
  const good = {
    publicAttention: 18,
    breadthOfBenefit: 17.5,
    residentParticipation: 16,
    feasibility: 12,
    budgetReasonableness: 13,
    sustainability: 8,
  };
  const strict = { commentRequiredAtExtremes: true };

  it('accepts a complete sheet', () => {
    expect(checkScoreSheet(R, good, {}, strict)).toEqual([]);
    expect(scoreSheetTotal(R, good)).toBe(84.5);
  });

  it.each<[string, Record<string, number>, Record<string, string>, boolean, string[]]>([
    [
      'missing score',
      { ...good, sustainability: undefined as unknown as number },
      {},
      true,
      ['scores.sustainability:SCORE_REQUIRED'],
    ],
    ['above max', { ...good, feasibility: 16 }, {}, true, ['scores.feasibility:SCORE_OUT_OF_RANGE']],
    ['negative', { ...good, feasibility: -1 }, {}, true, ['scores.feasibility:SCORE_OUT_OF_RANGE']],
    ['NaN', { ...good, feasibility: Number.NaN }, {}, true, ['scores.feasibility:SCORE_OUT_OF_RANGE']],
    ['two decimals', { ...good, feasibility: 12.25 }, {}, true, ['scores.feasibility:SCORE_PRECISION']],
    ['unknown criterion', { ...good, beauty: 5 }, {}, true, ['scores.beauty:SCORE_UNKNOWN_CRITERION']],
    [
      'full marks without comment',
      { ...good, publicAttention: 20 },
      {},
      true,
      ['comments.publicAttention:COMMENT_REQUIRED'],
    ],
    [
      'zero without comment (blank)',
      { ...good, sustainability: 0 },
      { sustainability: '  ' },
      true,
      ['comments.sustainability:COMMENT_REQUIRED'],
    ],
    [
      'full marks with a comment',
      { ...good, publicAttention: 20 },
      { publicAttention: '全体居民关注' },
      true,
      [],
    ],
    [
      'extremes allowed without comment when not required',
      { ...good, publicAttention: 20, sustainability: 0 },
      {},
      false,
      [],
    ],
  ])('%s', (_name, scores, comments, required, expected) => {
    expect(codes(checkScoreSheet(R, scores, comments, { commentRequiredAtExtremes: required }))).toEqual(
      expected,
    );
  });

  it('names the criterion and its range', () => {
    const [v] = checkScoreSheet(R, { ...good, feasibility: 16 }, {}, strict);
    expect(v.zh).toBe('“可行性”的得分须在 0 至 15 分之间');
    expect(v.en).toBe('“Feasibility” takes 0 to 15 points');
  });

  it('totals decimals exactly', () => {
    const c: Criterion[] = [
      { key: 'a', name: 'A', maxPoints: 50 },
      { key: 'b', name: 'B', maxPoints: 50 },
    ];
    expect(scoreSheetTotal(c, { a: 0.1, b: 0.2 })).toBe(0.3);
  });
});
