import { checkAwardDecision, decisionDeviation, type AwardDecisionInput, type DecisionCandidate } from './award-decision.js';

// Four candidates in rank order; the rank-order answer took the first three.
const CANDIDATES: DecisionCandidate[] = [
  { applicationId: 1, title: '甲', streetId: 10, awardFen: 50_000_00 },
  { applicationId: 2, title: '乙', streetId: 10, awardFen: 30_000_00 },
  { applicationId: 3, title: '丙', streetId: 20, awardFen: 20_000_00 },
  { applicationId: 4, title: '丁', streetId: 20, awardFen: 40_000_00 },
];
const RANK_ORDER = [1, 2, 3];

function input(change: Partial<AwardDecisionInput> = {}): AwardDecisionInput {
  return {
    candidates: CANDIDATES,
    rankOrder: RANK_ORDER,
    rules: { envelopeFen: 100_000_00, minCount: 1, maxCount: 3, maxPerStreet: null },
    awards: [
      { applicationId: 1, amountFen: 50_000_00 },
      { applicationId: 2, amountFen: 30_000_00 },
      { applicationId: 3, amountFen: 20_000_00 },
    ],
    reasons: {},
    ...change,
  };
}

const fields = (violations: Array<{ field: string }>) => violations.map((violation) => violation.field);

describe('checkAwardDecision', () => {
  it('accepts the rank-order answer as it stands: no breach, no deviation, no reason needed', () => {
    const check = checkAwardDecision(input());
    expect(check.totalFen).toBe(100_000_00);
    expect(check.violations).toEqual([]);
    expect(check.deviations.size).toBe(0);
    expect(check.missingReasons).toEqual([]);
  });

  it.each<[string, Partial<AwardDecisionInput>, string[]]>([
    ['an amount above the default award (request / cap)', { awards: [{ applicationId: 1, amountFen: 50_000_01 }] }, ['awards.1.amountFen']],
    ['an application that is not a candidate', { awards: [{ applicationId: 9, amountFen: 1_00 }] }, ['awards.9']],
    [
      'a total above the envelope',
      { rules: { envelopeFen: 99_999_99, minCount: 1, maxCount: 3 } },
      ['awards'],
    ],
    ['too few awards', { rules: { envelopeFen: 100_000_00, minCount: 4, maxCount: 5 } }, ['count']],
    ['too many awards', { rules: { envelopeFen: 100_000_00, minCount: 1, maxCount: 2 } }, ['count']],
    [
      'a street over its maximum',
      { rules: { envelopeFen: 100_000_00, minCount: 1, maxCount: 3, maxPerStreet: 1 } },
      ['maxPerStreet'],
    ],
  ])('refuses %s', (_, change, expected) => {
    expect(fields(checkAwardDecision(input(change)).violations)).toEqual(expected);
  });

  it('names the limit in both languages', () => {
    const [over] = checkAwardDecision(input({ awards: [{ applicationId: 3, amountFen: 20_000_01 }] })).violations;
    expect(over.zh).toBe('补助不得超过申请额和类别上限（20,000.00 元）');
    expect(over.en).toBe('The award may not exceed the request and the cap (20,000.00 yuan)');
  });

  it('keeps one award per application: a repeated id keeps its last amount', () => {
    const check = checkAwardDecision(
      input({
        awards: [
          { applicationId: 1, amountFen: 1_00 },
          { applicationId: 2, amountFen: 30_000_00 },
          { applicationId: 1, amountFen: 50_000_00 },
          { applicationId: 3, amountFen: 20_000_00 },
        ],
      }),
    );
    expect(check.awards.map((award) => award.applicationId)).toEqual([1, 2, 3]);
    expect(check.totalFen).toBe(100_000_00);
    expect(check.violations).toEqual([]);
  });

  it('requires a written reason for every entry added, dropped or reduced', () => {
    const check = checkAwardDecision(
      input({
        awards: [
          { applicationId: 1, amountFen: 40_000_00 }, // reduced
          { applicationId: 4, amountFen: 40_000_00 }, // added; 2 and 3 dropped
        ],
      }),
    );
    expect([...check.deviations]).toEqual([
      [1, 'reduced'],
      [2, 'dropped'],
      [3, 'dropped'],
      [4, 'added'],
    ]);
    expect(fields(check.missingReasons)).toEqual(['reasons.2', 'reasons.3', 'reasons.4', 'reasons.1']);
    expect(check.missingReasons.map((missing) => missing.code)).toEqual(Array(4).fill('DEVIATION_REASON_REQUIRED'));
    expect(check.missingReasons[0].zh).toBe('「乙」按排名应入选却未入选，请说明理由');
    expect(check.missingReasons[2].en).toBe('"丁" is added to the rank-order answer: give a reason');
    expect(check.missingReasons[3].zh).toBe('「甲」核减补助，请说明理由');
  });

  it('is satisfied by reasons that say something, and only those', () => {
    const check = checkAwardDecision(
      input({
        awards: [{ applicationId: 1, amountFen: 50_000_00 }, { applicationId: 2, amountFen: 30_000_00 }],
        reasons: { '3': '   ' },
      }),
    );
    expect(fields(check.missingReasons)).toEqual(['reasons.3']);
    expect(
      checkAwardDecision(
        input({
          awards: [{ applicationId: 1, amountFen: 50_000_00 }, { applicationId: 2, amountFen: 30_000_00 }],
          reasons: { '3': '资金另有安排' },
        }),
      ).missingReasons,
    ).toEqual([]);
  });

  it('words an added entry that is also reduced as a reduction', () => {
    const check = checkAwardDecision(input({ awards: [{ applicationId: 4, amountFen: 10_000_00 }], rankOrder: [] }));
    expect(check.deviations.get(4)).toBe('added');
    expect(check.missingReasons.map((missing) => missing.zh)).toEqual(['「丁」核减补助，请说明理由']);
  });
});

describe('decisionDeviation', () => {
  const rankOrder = new Set(RANK_ORDER);
  it.each<[number, number | undefined, string | null]>([
    [1, 50_000_00, null],
    [1, 49_999_99, 'reduced'],
    [1, undefined, 'dropped'],
    [4, 40_000_00, 'added'],
    [4, 1_00, 'added'],
    [4, undefined, null],
  ])('candidate %d at %s: %s', (id, amount, expected) => {
    expect(decisionDeviation(CANDIDATES[id - 1], amount, rankOrder)).toBe(expected);
  });
});
