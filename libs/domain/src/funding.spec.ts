import fc from 'fast-check';
import {
  checkFunding,
  FUNDING_SOURCES,
  fundingSummary,
  type Funding,
  type FundingInput,
  type FundingRules,
} from './funding.js';

const Y = 100; // fen per 元

const zero: Funding = {
  residentMoney: 0,
  residentLabour: 0,
  socialSupport: 0,
  communitySelf: 0,
  streetSupport: 0,
  requestedSubsidy: 0,
};

/** A 服务类 livelihood project: cost 60,000 元, residents 8,000 + labour 2,000, subsidy 50,000. */
const base: FundingInput = {
  totalCost: 60_000 * Y,
  costItems: [
    { item: '活动物料', amount: 35_000 * Y },
    { item: '场地布置', amount: 25_000 * Y },
  ],
  funding: { ...zero, residentMoney: 8_000 * Y, residentLabour: 2_000 * Y, requestedSubsidy: 50_000 * Y },
};
const serviceRules: FundingRules = {
  categoryCap: 50_000 * Y,
  requiredSources: ['residentMoney'],
  minCoFundingShareBp: null,
};

function codes(input: FundingInput, rules: FundingRules = serviceRules) {
  return checkFunding(input, rules).map((v) => `${v.field}:${v.code}`);
}

describe('checkFunding', () => {
  it('accepts a balanced application within the cap', () => {
    expect(checkFunding(base, serviceRules)).toEqual([]);
  });

  it.each<[string, FundingInput, FundingRules, string[]]>([
    [
      'subsidy above the category cap (and therefore above the gap)',
      {
        ...base,
        totalCost: 61_000 * Y,
        costItems: [{ item: 'x', amount: 61_000 * Y }],
        funding: { ...base.funding, requestedSubsidy: 51_000 * Y },
      },
      serviceRules,
      ['funding.requestedSubsidy:SUBSIDY_OVER_CAP'],
    ],
    [
      'subsidy above the gap left by other sources',
      { ...base, funding: { ...base.funding, socialSupport: 5_000 * Y } },
      serviceRules,
      ['funding.requestedSubsidy:SUBSIDY_OVER_GAP', 'funding:FUNDING_NOT_BALANCED'],
    ],
    [
      'sources short of the cost',
      { ...base, funding: { ...base.funding, requestedSubsidy: 40_000 * Y } },
      serviceRules,
      ['funding:FUNDING_NOT_BALANCED'],
    ],
    [
      'other sources alone above the cost, no subsidy',
      { ...base, funding: { ...zero, residentMoney: 70_000 * Y } },
      serviceRules,
      ['funding:FUNDING_NOT_BALANCED'],
    ],
    [
      'cost items not adding up',
      {
        ...base,
        costItems: [
          { item: 'a', amount: 35_000 * Y },
          { item: 'b', amount: 24_999 * Y },
        ],
      },
      serviceRules,
      ['totalCost:COST_ITEMS_MISMATCH'],
    ],
    ['no cost items', { ...base, costItems: [] }, serviceRules, ['costItems:COST_ITEMS_REQUIRED']],
    [
      'a zero and a negative cost item, an unnamed one',
      {
        ...base,
        costItems: [
          { item: '', amount: 60_000 * Y },
          { item: 'b', amount: 0 },
          { item: 'c', amount: -1 },
        ],
      },
      serviceRules,
      [
        'costItems.0.item:COST_ITEM_NAME_REQUIRED',
        'costItems.1.amount:COST_ITEM_AMOUNT_INVALID',
        'costItems.2.amount:COST_ITEM_AMOUNT_INVALID',
      ],
    ],
    [
      'a fractional cost item',
      {
        ...base,
        costItems: [
          { item: 'a', amount: 59_999 * Y + 99.5 },
          { item: 'b', amount: 0.5 },
        ],
      },
      serviceRules,
      ['costItems.0.amount:COST_ITEM_AMOUNT_INVALID', 'costItems.1.amount:COST_ITEM_AMOUNT_INVALID'],
    ],
    [
      'required resident money missing',
      { ...base, funding: { ...base.funding, residentMoney: 0, residentLabour: 10_000 * Y } },
      serviceRules,
      ['funding.residentMoney:SOURCE_REQUIRED'],
    ],
    [
      'two required sources missing',
      base,
      { ...serviceRules, requiredSources: ['communitySelf', 'streetSupport'] },
      ['funding.communitySelf:SOURCE_REQUIRED', 'funding.streetSupport:SOURCE_REQUIRED'],
    ],
    [
      'negative and fractional funding amounts',
      { ...base, funding: { ...base.funding, socialSupport: -1, streetSupport: 0.5 } },
      serviceRules,
      ['funding.socialSupport:AMOUNT_INVALID', 'funding.streetSupport:AMOUNT_INVALID'],
    ],
    ['zero total cost', { ...base, totalCost: 0 }, serviceRules, ['totalCost:TOTAL_COST_INVALID']],
    [
      // 50,000 of 60,000 is subsidy: co-funding 16.67% < 20%.
      'co-funding share below the minimum',
      base,
      { ...serviceRules, minCoFundingShareBp: 2000 },
      ['funding:COFUNDING_TOO_LOW'],
    ],
  ])('%s', (_name, input, rules, expected) => {
    expect(codes(input, rules)).toEqual(expected);
  });

  it('accepts co-funding exactly at the minimum (boundary is inclusive)', () => {
    // 10,000 of 60,000 = 1666.67 bp: 1666 bp passes, 1667 bp fails.
    expect(codes(base, { ...serviceRules, minCoFundingShareBp: 1666 })).toEqual([]);
    expect(codes(base, { ...serviceRules, minCoFundingShareBp: 1667 })).toEqual([
      'funding:COFUNDING_TOO_LOW',
    ]);
  });

  it('accepts a subsidy exactly at the cap', () => {
    const works: FundingRules = { categoryCap: 500_000 * Y, requiredSources: [], minCoFundingShareBp: null };
    const input: FundingInput = {
      totalCost: 600_000 * Y,
      costItems: [{ item: '改造工程', amount: 600_000 * Y }],
      funding: { ...zero, streetSupport: 100_000 * Y, requestedSubsidy: 500_000 * Y },
    };
    expect(checkFunding(input, works)).toEqual([]);
    expect(
      codes(
        { ...input, funding: { ...input.funding, streetSupport: 99_999 * Y, requestedSubsidy: 500_001 * Y } },
        works,
      ),
    ).toEqual(['funding.requestedSubsidy:SUBSIDY_OVER_CAP']);
  });

  it('names the amounts in 元 in both languages', () => {
    const [over] = checkFunding(
      { ...base, funding: { ...base.funding, requestedSubsidy: 60_000 * Y } },
      { ...serviceRules, categoryCap: 50_000 * Y },
    );
    expect(over.zh).toBe('申请补助不得超过类别上限 50,000.00 元');
    expect(over.en).toContain('50,000.00 元');
    const [mismatch] = checkFunding(
      { ...base, totalCost: 60_001 * Y, funding: { ...base.funding, requestedSubsidy: 50_001 * Y } },
      serviceRules,
    );
    expect(mismatch.code).toBe('COST_ITEMS_MISMATCH');
    expect(mismatch.zh).toBe('支出明细合计 60,000.00 元 与总成本 60,001.00 元 不一致');
  });

  it('property: whatever passes has subsidy ≤ cap and sources summing to the cost', () => {
    const amount = fc.integer({ min: 0, max: 2_000_000 });
    const arbInput = fc.record({
      items: fc.array(fc.integer({ min: -5, max: 3_000_000 }), { maxLength: 4 }),
      totalDelta: fc.oneof(fc.constant(0), fc.integer({ min: -10, max: 10 })),
      funding: fc.record({
        residentMoney: amount,
        residentLabour: amount,
        socialSupport: amount,
        communitySelf: amount,
        streetSupport: amount,
      }),
      // Mostly fill the gap exactly, so that plenty of generated inputs pass.
      subsidyDelta: fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: -10, max: 10 })),
      cap: fc.integer({ min: 0, max: 5_000_000 }),
      required: fc.subarray([...FUNDING_SOURCES]),
      minBp: fc.option(fc.integer({ min: 0, max: 10_000 })),
    });
    let passed = 0;
    fc.assert(
      fc.property(arbInput, (g) => {
        const itemsTotal = g.items.reduce((a, b) => a + b, 0);
        const totalCost = itemsTotal + g.totalDelta;
        const other = Object.values(g.funding).reduce((a, b) => a + b, 0);
        const funding: Funding = {
          ...g.funding,
          requestedSubsidy: Math.max(0, totalCost - other + g.subsidyDelta),
        };
        const input: FundingInput = {
          totalCost,
          costItems: g.items.map((amount, i) => ({ item: `item ${i}`, amount })),
          funding,
        };
        const rules: FundingRules = {
          categoryCap: g.cap,
          requiredSources: g.required,
          minCoFundingShareBp: g.minBp,
        };
        if (checkFunding(input, rules).length > 0) return;
        passed++;
        const all = FUNDING_SOURCES.reduce((a, s) => a + funding[s], 0);
        expect(funding.requestedSubsidy).toBeLessThanOrEqual(g.cap);
        expect(all).toBe(totalCost);
        expect(itemsTotal).toBe(totalCost);
        for (const s of g.required) expect(funding[s]).toBeGreaterThan(0);
        if (g.minBp !== null)
          expect((totalCost - funding.requestedSubsidy) * 10000).toBeGreaterThanOrEqual(g.minBp * totalCost);
      }),
      { numRuns: 2000 },
    );
    expect(passed).toBeGreaterThan(20); // the property is not vacuous
  });
});

describe('fundingSummary', () => {
  it('gives the live figures of the form', () => {
    expect(fundingSummary(base)).toEqual({
      otherSources: 10_000 * Y,
      subsidyShareBp: 8334, // 83.33…% rounded up
      coFundingShareBp: 1666, // 16.66…% rounded down
      gap: 50_000 * Y,
      remaining: 0,
    });
  });

  it('tolerates a half-filled form', () => {
    expect(fundingSummary({ totalCost: 0, funding: { residentMoney: 100 } })).toEqual({
      otherSources: 100,
      subsidyShareBp: null,
      coFundingShareBp: null,
      gap: -100,
      remaining: -100,
    });
    expect(fundingSummary({ totalCost: 1000, funding: { requestedSubsidy: 1500 } })).toMatchObject({
      coFundingShareBp: -5000,
      subsidyShareBp: 15000,
      remaining: -500,
    });
  });

  it('shares always add up to 10000 and the co-funding share never overstates', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 ** 12 }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        (cost, ratio) => {
          const subsidy = Math.floor(cost * ratio);
          const s = fundingSummary({ totalCost: cost, funding: { requestedSubsidy: subsidy } });
          expect(s.subsidyShareBp! + s.coFundingShareBp!).toBe(10000);
          expect(BigInt(s.coFundingShareBp!) * BigInt(cost)).toBeLessThanOrEqual(
            BigInt(cost - subsidy) * 10000n,
          );
          expect(BigInt(s.coFundingShareBp! + 1) * BigInt(cost)).toBeGreaterThan(
            BigInt(cost - subsidy) * 10000n,
          );
        },
      ),
    );
  });
});
