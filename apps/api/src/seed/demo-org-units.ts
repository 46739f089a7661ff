/**
 * DEMO DATA. The district and its ten streets are the seed documents' (呈贡区); the community
 * names are illustrative, spread so that the 58 communities of seed 000 exist. Every row is
 * stored with is_demo = true and shown with a 演示 tag.
 */
export const DEMO_DISTRICT = { name: '呈贡区', code: 'demo-district' };

/** The city above 呈贡区 (issue 13 §6): its officer reads roll-ups across the districts below. */
export const DEMO_CITY = { name: '昆明市（演示）', code: 'demo-city' };

export const DEMO_STREETS: Array<{ name: string; code: string; communities: string[] }> = [
  { name: '龙城街道', code: 'demo-longcheng', communities: ['龙街', '文华', '三台', '中和', '新册', '古城', '景明', '斗南湖'] },
  { name: '乌龙街道', code: 'demo-wulong', communities: ['乌龙', '滇池卫城', '江尾', '晨光', '白龙', '海宴'] },
  { name: '洛羊街道', code: 'demo-luoyang', communities: ['洛羊', '梅子', '海子', '回回营', '万溪', '大冲', '洛阳'] },
  { name: '斗南街道', code: 'demo-dounan', communities: ['斗南', '花园', '锦绣', '南坝', '小古城', '江尾村'] },
  { name: '大渔街道', code: 'demo-dayu', communities: ['大渔', '月角', '太平', '新河', '渔浦'] },
  { name: '吴家营街道', code: 'demo-wujiaying', communities: ['吴家营', '大学城', '缪家营', '郎家营', '石碑', '殷家营', '雨龙'] },
  { name: '雨花街道', code: 'demo-yuhua', communities: ['雨花', '白龙潭', '王家营', '春融', '七彩', '和平'] },
  { name: '洛龙街道', code: 'demo-luolong', communities: ['洛龙', '可乐', '七步场', '黄土坡', '彩云'] },
  { name: '七甸街道', code: 'demo-qidian', communities: ['七甸', '三岔', '宝珠', '小新册'] },
  { name: '马金铺街道', code: 'demo-majinpu', communities: ['马金铺', '高登', '化城', '观音'] },
];

export const DEMO_ORGANISATIONS = [
  { name: '云南大学（示例合作高校）', code: 'demo-org-ynu', organisationType: 'university' as const },
  { name: '云南师范大学（示例合作高校）', code: 'demo-org-ynnu', organisationType: 'university' as const },
  {
    name: '呈贡区阳光社会工作服务中心（示例）',
    code: 'demo-org-sunshine',
    organisationType: 'social_organisation' as const,
  },
];

export const DEMO_PASSWORD = 'Xiaoshi#2026';

/** One demo account per role, plus a second street officer to show street isolation. */
export const DEMO_USERS = [
  { username: 'admin', displayName: '区社会工作部管理员（演示）', roles: ['district_admin'], unit: 'demo-district' },
  { username: 'finance', displayName: '财务人员（演示）', roles: ['finance'], unit: 'demo-district' },
  // A second finance officer: batches and payments are approved by someone other than their maker.
  { username: 'checker', displayName: '财务复核人员（演示）', roles: ['finance'], unit: 'demo-district' },
  { username: 'longcheng', displayName: '龙城街道工作人员（演示）', roles: ['street_officer'], unit: 'demo-longcheng' },
  { username: 'dounan', displayName: '斗南街道工作人员（演示）', roles: ['street_officer'], unit: 'demo-dounan' },
  { username: 'community', displayName: '龙街社区工作人员（演示）', roles: ['community_officer'], unit: 'demo-longcheng-1' },
  { username: 'partner', displayName: '云南大学志愿服务指导老师（演示）', roles: ['partner'], unit: 'demo-org-ynu' },
  { username: 'reviewer', displayName: '评审专家（演示）', roles: ['reviewer'], unit: 'demo-org-ynnu' },
  { username: 'inspector', displayName: '验收人员（演示）', roles: ['inspector'], unit: 'demo-district' },
  { username: 'auditor', displayName: '审计人员（演示，只读）', roles: ['auditor'], unit: 'demo-district' },
  { username: 'city', displayName: '昆明市社会工作部（演示，市级查看）', roles: ['city_officer'], unit: 'demo-city' },
] as const;

/**
 * The demo year's own accounts (apps/api/src/seed/demo-year/): a street officer for each of the
 * eight other streets, so that every street of 呈贡区 takes part in the 2026 calls, and five more
 * experts for the review panels. Same password as the accounts above; seeded with the story only,
 * never into the base data the API tests start from.
 */
export const DEMO_YEAR_USERS = [
  { username: 'wulong', displayName: '乌龙街道工作人员（演示）', roles: ['street_officer'], unit: 'demo-wulong' },
  { username: 'luoyang', displayName: '洛羊街道工作人员（演示）', roles: ['street_officer'], unit: 'demo-luoyang' },
  { username: 'dayu', displayName: '大渔街道工作人员（演示）', roles: ['street_officer'], unit: 'demo-dayu' },
  { username: 'wujiaying', displayName: '吴家营街道工作人员（演示）', roles: ['street_officer'], unit: 'demo-wujiaying' },
  { username: 'yuhua', displayName: '雨花街道工作人员（演示）', roles: ['street_officer'], unit: 'demo-yuhua' },
  { username: 'luolong', displayName: '洛龙街道工作人员（演示）', roles: ['street_officer'], unit: 'demo-luolong' },
  { username: 'qidian', displayName: '七甸街道工作人员（演示）', roles: ['street_officer'], unit: 'demo-qidian' },
  { username: 'majinpu', displayName: '马金铺街道工作人员（演示）', roles: ['street_officer'], unit: 'demo-majinpu' },
  { username: 'expert1', displayName: '评审专家·社会治理（演示）', roles: ['reviewer'], unit: 'demo-district' },
  { username: 'expert2', displayName: '评审专家·城乡规划（演示）', roles: ['reviewer'], unit: 'demo-district' },
  { username: 'expert3', displayName: '评审专家·财务审计（演示）', roles: ['reviewer'], unit: 'demo-district' },
  { username: 'expert4', displayName: '评审专家·社会工作（演示）', roles: ['reviewer'], unit: 'demo-org-ynu' },
  { username: 'expert5', displayName: '评审专家·公共管理（演示）', roles: ['reviewer'], unit: 'demo-org-sunshine' },
] as const;

/** The street officer of each demo street, by street code (both layers). */
export const STREET_OFFICERS: Record<string, string> = {
  'demo-longcheng': 'longcheng',
  'demo-dounan': 'dounan',
  ...Object.fromEntries(
    DEMO_YEAR_USERS.filter((user) => user.roles[0] === 'street_officer').map((user) => [user.unit, user.username]),
  ),
};
