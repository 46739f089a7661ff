import { checkApplicationContent, type ApplicationContent, type ApplicationContentRules } from './application-content.js';

const CONTENT: ApplicationContent = {
  totalCost: 100_000_00,
  costItems: [{ item: '材料', amount: 100_000_00 }],
  funding: {
    residentMoney: 0,
    residentLabour: 0,
    socialSupport: 0,
    communitySelf: 20_000_00,
    streetSupport: 0,
    requestedSubsidy: 80_000_00,
  },
  startDate: '2026-05-01',
  endDate: '2026-09-30',
  partnerOrgId: null,
};

const RULES: ApplicationContentRules = {
  categoryCap: 100_000_00,
  requiredSources: ['residentMoney'],
  minCoFundingShareBp: null,
  implementationDeadline: '2026-10-31',
  requiresPartner: true,
};

const codes = (content: Partial<ApplicationContent>, atSubmission: boolean) =>
  checkApplicationContent({ ...CONTENT, ...content }, RULES, atSubmission).map((found) => `${found.field}:${found.code}`);

describe('checkApplicationContent', () => {
  it('lets a draft wait for residents’ money and its partner, and asks for both at submission', () => {
    expect(codes({}, false)).toEqual([]);
    expect(codes({}, true)).toEqual(expect.arrayContaining(['partnerOrgId:PARTNER_REQUIRED']));
    expect(codes({}, true).some((code) => code.endsWith(':SOURCE_REQUIRED'))).toBe(true);
  });

  it('refuses reversed dates and an end after the competition’s deadline, draft or not', () => {
    expect(codes({ startDate: '2026-10-01', endDate: '2026-09-30' }, false)).toEqual(['endDate:DATES_REVERSED']);
    expect(codes({ endDate: '2026-11-01' }, false)).toEqual(['endDate:AFTER_DEADLINE']);
  });

  it('names the deadline in both languages', () => {
    const [late] = checkApplicationContent({ ...CONTENT, endDate: '2026-11-01' }, RULES, false);
    expect(late.zh).toBe('须在实施截止日期 2026-10-31 前完成');
    expect(late.en).toBe('Must finish by the implementation deadline 2026-10-31');
  });
});
