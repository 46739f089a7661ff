/**
 * The 2026 programmes of the seed documents (shared/seeds/000 and 002), exactly as budgeted.
 * Amounts are in fen. Submission windows are placed around the seeding date so that a demo can be
 * used at once; everything else — budgets, caps, minimums, award ranges — is the documents'.
 */
const YUAN = 100;
const DAY = 86_400_000;

export const SEED_2026 = {
  governance: {
    year: 2026,
    name: '社会治理工作经费',
    policyRefs: [
      '呈发〔2017〕9号 关于创新体制机制加强人才工作的实施意见',
      '呈社建通〔2022〕2号 关于印发《呈贡区推进民生小实事实施方案（试行）》的通知',
      '呈财联〔2021〕5号 关于调整呈贡区区级机关培训费综合定额标准的通知',
    ],
    lines: {
      livelihood: { name: '呈贡区2026年度民生小实事项目经费', amountFen: 126_300 * YUAN },
      partyBuilding: { name: '党建引领基层治理项目工作经费', amountFen: 135_000 * YUAN },
      volunteering: { name: '社工和志愿服务经费', amountFen: 150_000 * YUAN },
    },
  },
  stipends: {
    year: 2026,
    name: '正常离任村干部生活补助经费',
    policyRefs: [
      '呈组通〔2018〕88号 印发《关于进一步做好正常离任村干部生活补贴相关工作的方案（试行）》的通知',
      '呈组通〔2007〕143号 关于印发《村（社区）干部岗位补贴调整方案》通知',
      '呈政复〔2015〕99号《昆明市呈贡区人民政府关于提高社区干部补贴有关事项的批复》',
    ],
    lines: {
      livingSubsidy: { name: '正常离任社区干部生活补贴', amountFen: 665_280 * YUAN },
      departureSubsidy: { name: '社区干部离任一次性补助', amountFen: 2_000_000 * YUAN },
    },
  },
  directExpenditures: [
    { line: 'partyBuilding', title: '呈贡区2025年党建引领基层治理服务项目督导评估尾款', amountFen: 15_000 * YUAN, plannedDate: null },
    { line: 'volunteering', title: '“3.5学雷锋志愿服务日”活动经费', amountFen: 15_000 * YUAN, plannedDate: '2026-03-05' },
    { line: 'volunteering', title: '“12.5国际志愿者日”活动经费', amountFen: 15_000 * YUAN, plannedDate: '2026-12-05' },
  ] as const,
} as const;

const TRANCHES_AFTER_ACCEPTANCE = [
  { percentBp: 3000, condition: 'on_approval' as const },
  { percentBp: 7000, condition: 'after_acceptance' as const },
];

export function seedCompetitions(now: Date) {
  const opensAt = new Date(now.getTime() - 7 * DAY);
  const closesAt = new Date(now.getTime() + 21 * DAY);
  const reviewOpensAt = new Date(closesAt.getTime() + DAY);
  const reviewClosesAt = new Date(reviewOpensAt.getTime() + 14 * DAY);
  const implementationDeadline = new Date(now.getTime() + 240 * DAY).toISOString().slice(0, 10);
  const windows = { submissionOpensAt: opensAt, submissionClosesAt: closesAt, reviewOpensAt, reviewClosesAt, implementationDeadline };
  return [
    {
      line: 'livelihood' as const,
      kind: 'livelihood' as const,
      title: '2026年度呈贡区民生小实事项目申报',
      description:
        '按照“居民凑钱出力出招、政府补助、社会支持”的原则，评选群众关注度高、受益面大的民生小实事进行补助。' +
        '每个街道申报不少于5个项目；工程类项目每个补助不高于50万元，服务类项目每个补助不高于5万元；9月前选择3-5个项目。',
      envelopeFen: 126_300 * YUAN,
      categories: [
        { key: 'works', name: '工程类', capFen: 500_000 * YUAN },
        { key: 'service', name: '服务类', capFen: 50_000 * YUAN },
      ],
      minPerStreet: 5,
      awardMin: 3,
      awardMax: 5,
      requiredSources: ['residentMoney'],
      requiredAttachmentTypes: ['council_resolution', 'budget_sheet', 'site_photos'],
      rubric: [
        { key: 'public_attention', name: '群众关注度', maxPoints: 20 },
        { key: 'benefit_breadth', name: '受益面', maxPoints: 20 },
        { key: 'resident_participation', name: '居民参与', maxPoints: 20 },
        { key: 'feasibility', name: '可行性', maxPoints: 15 },
        { key: 'budget_reasonableness', name: '预算合理性', maxPoints: 15 },
        { key: 'sustainability', name: '可持续性', maxPoints: 10 },
      ],
      tranchePlan: TRANCHES_AFTER_ACCEPTANCE,
      requiresPartner: false,
      ...windows,
    },
    {
      line: 'partyBuilding' as const,
      kind: 'governance' as const,
      title: '2026年党建引领基层治理项目比选',
      description:
        '结合基层治理需求，按照社区自筹、街道支持、区级比选的原则开展。每个街道申报不少于2个项目，' +
        '每个项目支持资金不高于3万元，对4-5个项目给予支持；尾款在督导评估后拨付。',
      // 135,000 less the 15,000 尾款 of the 2025 supervision evaluation planned on the same line.
      envelopeFen: 120_000 * YUAN,
      categories: [{ key: 'governance', name: '治理类', capFen: 30_000 * YUAN }],
      minPerStreet: 2,
      awardMin: 4,
      awardMax: 5,
      requiredSources: ['communitySelf', 'streetSupport'],
      requiredAttachmentTypes: ['council_resolution', 'budget_sheet'],
      rubric: [
        { key: 'party_leadership', name: '党建引领', maxPoints: 20 },
        { key: 'governance_need', name: '治理需求契合度', maxPoints: 20 },
        { key: 'co_funding', name: '社区自筹与街道支持', maxPoints: 20 },
        { key: 'feasibility', name: '可行性', maxPoints: 15 },
        { key: 'budget_reasonableness', name: '预算合理性', maxPoints: 15 },
        { key: 'sustainability', name: '可持续性', maxPoints: 10 },
      ],
      tranchePlan: [
        { percentBp: 3000, condition: 'on_approval' as const },
        { percentBp: 7000, condition: 'after_supervision_evaluation' as const },
      ],
      requiresPartner: false,
      ...windows,
    },
    {
      line: 'volunteering' as const,
      kind: 'volunteer' as const,
      title: '2026年社区+高校志愿者服务项目竞赛',
      description: '社区与高校联合申报志愿服务项目，择优支持6个项目，每个项目平均支持2万元。',
      // 150,000 less the two volunteer days at 15,000 each.
      envelopeFen: 120_000 * YUAN,
      categories: [{ key: 'volunteer', name: '志愿服务类', capFen: 20_000 * YUAN }],
      minPerStreet: 0,
      awardMin: 6,
      awardMax: 6,
      requiredSources: [],
      requiredAttachmentTypes: ['partner_agreement', 'budget_sheet'],
      rubric: [
        { key: 'community_need', name: '社区需求', maxPoints: 20 },
        { key: 'university_engagement', name: '高校参与', maxPoints: 20 },
        { key: 'beneficiaries', name: '服务对象受益面', maxPoints: 20 },
        { key: 'feasibility', name: '可行性', maxPoints: 15 },
        { key: 'budget_reasonableness', name: '预算合理性', maxPoints: 15 },
        { key: 'sustainability', name: '可持续性', maxPoints: 10 },
      ],
      tranchePlan: TRANCHES_AFTER_ACCEPTANCE,
      requiresPartner: true,
      ...windows,
    },
  ];
}
