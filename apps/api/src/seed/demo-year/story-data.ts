/**
 * DEMO DATA: the applications of the demo year — who applies for what, with how much money, and
 * how each entry fares. Deterministic (a seeded generator), made up, every title marked （演示）.
 *
 * The calls' numbers are the seed documents': the livelihood call (126,300 元, service ≤ 50,000,
 * works ≤ 500,000, every street ≥ 5, 3–5 awards), the party-building call (120,000 元 after the
 * 15,000 元 尾款, ≤ 30,000, every street ≥ 2, 4–5 awards) and the community + university
 * volunteering call (120,000 元 after the two volunteer days, ≤ 20,000, exactly 6 awards). The
 * entries the panel rates best ask for amounts that fit those envelopes, so that the transparent
 * rank-order answer is also the decision taken.
 */
import { DEMO_STREETS } from '../demo-org-units.js';

const YUAN = 100;

/** A small deterministic generator (mulberry32). */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type CallKey = 'livelihood' | 'governance' | 'volunteer';
export type Fate = 'eligible' | 'returned' | 'ineligible' | 'withdrawn';

export interface Theme {
  title: string;
  category: 'service' | 'works' | 'governance' | 'volunteer';
  summary: string;
  plan: string;
  items: readonly [string, string, string];
  beneficiaries: string;
}

export interface ApplicationSpec {
  key: string;
  call: CallKey;
  streetCode: string;
  community: string;
  theme: Theme;
  title: string;
  /** The panel's view of it, 0–1: drives the scores. */
  quality: number;
  requestedFen: number;
  beneficiaries: number;
  fate: Fate;
  /** Drafted by the community officer (龙街社区) and sent to the street, rather than by the street. */
  byCommunity: boolean;
  /** The partner organisation's code (volunteering call). */
  partner: string | null;
  /** Day of March–May 2026 the draft is made (the submission follows a few days later). */
  draftedOn: string;
}

const LIVELIHOOD: readonly Theme[] = [
  { title: '老旧小区楼道感应照明改造', category: 'works', summary: '为小区单元楼道更换声光控感应灯，居民凑钱、出力安装，解决夜间出行难。', plan: '入户征求意见、议事会确定方案；统一采购灯具；居民志愿者协助电工安装；验收后建立楼栋自管制度。', items: ['感应灯具及线材', '安装人工', '公示与回访'], beneficiaries: '小区全体居民，其中老年人约三成' },
  { title: '社区长者助餐点服务提升', category: 'service', summary: '改善社区长者助餐点的就餐环境和送餐服务，居民志愿者参与配送。', plan: '调查老年人就餐需求；添置保温送餐设备；组建志愿送餐队；每月开展满意度回访。', items: ['保温送餐设备', '志愿者培训与保险', '餐具与消毒用品'], beneficiaries: '辖区60岁以上老年人及独居、失能老人' },
  { title: '背街小巷路面硬化', category: 'works', summary: '对坑洼不平的背街小巷进行路面硬化和排水沟疏通，沿街居民出工出料。', plan: '测量放线并公示；居民议事会监督施工；沿街住户出工清运；完工后纳入网格日常巡查。', items: ['混凝土及砂石材料', '施工机械租赁', '排水沟疏通'], beneficiaries: '沿线住户及过往居民' },
  { title: '社区四点半课堂', category: 'service', summary: '为双职工家庭子女提供放学后看护和作业辅导，家长轮值、志愿者授课。', plan: '招募家长轮值和志愿者；布置学习空间；开设作业辅导、安全教育、兴趣小组；每学期总结评估。', items: ['学习桌椅与图书', '志愿者交通补贴', '活动耗材'], beneficiaries: '辖区小学生及其家庭' },
  { title: '无障碍坡道加装', category: 'works', summary: '在老旧单元出入口加装无障碍坡道和扶手，方便老年人和残疾人出行。', plan: '逐栋排查出入口条件；居民协商确定方案；分批施工；完工后邀请受益居民体验验收。', items: ['坡道土建', '不锈钢扶手', '防滑处理'], beneficiaries: '行动不便的老年人、残疾人及婴幼儿家庭' },
  { title: '独居老人关爱探访', category: 'service', summary: '组织邻里志愿者定期探访独居老人，提供陪伴、代办和安全检查。', plan: '建立独居老人台账；结对邻里志愿者；每周探访并记录；节日开展集体活动。', items: ['探访物资', '志愿者培训', '紧急呼叫设备'], beneficiaries: '辖区独居、空巢老人' },
  { title: '小区雨污管网修缮', category: 'works', summary: '修缮小区破损的雨污管网，解决雨季积水和污水外溢问题。', plan: '管网检测；居民议事确定分担比例；施工期间居民志愿者维持秩序；完工后建立维护基金。', items: ['管材及检查井', '施工人工', '路面恢复'], beneficiaries: '小区住户' },
  { title: '老年人智能手机培训', category: 'service', summary: '开设智能手机使用培训班，帮助老年人跨越数字鸿沟。', plan: '征集学员需求；志愿者一对一辅导；开设健康码、缴费、视频通话等课程；结业展示。', items: ['教学设备', '讲师与志愿者补贴', '教材印制'], beneficiaries: '辖区老年人' },
  { title: '社区健身步道铺设', category: 'works', summary: '利用闲置空地铺设健身步道，配置休息座椅，居民参与设计和维护。', plan: '方案征集与公示；施工；居民认领维护区段；组织健步走活动。', items: ['塑胶步道材料', '休息座椅', '标识标牌'], beneficiaries: '社区居民' },
  { title: '邻里互助服务站', category: 'service', summary: '建设邻里互助服务站，提供维修、代购、借用工具等互助服务。', plan: '招募有一技之长的居民；建立积分兑换制度；每月开展互助服务日。', items: ['工具与物资', '积分兑换礼品', '宣传物料'], beneficiaries: '社区居民，特别是困难家庭' },
  { title: '电动自行车集中充电棚', category: 'works', summary: '建设电动自行车集中停放充电棚，消除飞线充电安全隐患。', plan: '选址征求意见；建设充电棚并接入智能充电桩；制定使用公约；开展消防宣传。', items: ['充电棚钢结构', '智能充电桩', '消防器材'], beneficiaries: '小区住户' },
  { title: '社区读书角建设', category: 'service', summary: '在党群服务中心开设社区读书角，居民捐书、志愿者管理。', plan: '居民捐书与采购；志愿者值守；每月举办读书分享会。', items: ['书架与图书', '阅读活动', '志愿者补贴'], beneficiaries: '社区居民及青少年' },
  { title: '垃圾分类督导服务', category: 'service', summary: '组织居民志愿者在投放点开展垃圾分类督导和宣传。', plan: '培训督导员；定时定点督导；积分激励；季度评比。', items: ['督导员补贴', '分类宣传品', '积分奖励'], beneficiaries: '小区住户' },
  { title: '便民晾晒区建设', category: 'works', summary: '在小区公共区域建设便民晾晒架，解决老旧小区晾晒难。', plan: '居民议事确定位置；安装晾晒架；制定使用和维护公约。', items: ['晾晒架材料', '安装人工', '场地平整'], beneficiaries: '小区住户' },
];

const GOVERNANCE: readonly Theme[] = [
  { title: '红色议事厅协商议事', category: 'governance', summary: '依托党群服务中心建设红色议事厅，常态化开展居民协商议事。', plan: '制定议事规则；每月召开议事会；议定事项公示并跟踪办理；年终评议。', items: ['议事厅布置', '议事活动组织', '公示与宣传'], beneficiaries: '社区居民、驻区单位' },
  { title: '网格党支部“微治理”', category: 'governance', summary: '以网格党支部为核心，组织党员、楼栋长解决小区身边小事。', plan: '划分网格、建立党员责任区；每月走访；建立问题清单和销号制度。', items: ['网格员培训', '走访与宣传', '问题办理台账'], beneficiaries: '网格内住户' },
  { title: '小区业委会规范化运行', category: 'governance', summary: '指导小区成立和规范运行业委会，推动物业矛盾协商解决。', plan: '业委会成员培训；建立社区、业委会、物业三方联席会议；开展物业服务评议。', items: ['培训与指导', '联席会议组织', '评议活动'], beneficiaries: '小区业主' },
  { title: '党员先锋岗进楼栋', category: 'governance', summary: '在楼栋设立党员先锋岗，亮身份、办实事。', plan: '党员认领楼栋；公开联系方式；每月收集诉求并协调办理。', items: ['标识制作', '党员培训', '为民服务活动'], beneficiaries: '楼栋居民' },
  { title: '矛盾纠纷调解室提升', category: 'governance', summary: '提升社区调解室功能，吸纳退休干部、律师参与矛盾纠纷调解。', plan: '完善调解室设施；组建调解志愿团队；建立案件台账和回访制度。', items: ['调解室设施', '调解员培训', '普法宣传'], beneficiaries: '社区居民' },
  { title: '新就业群体服务驿站', category: 'governance', summary: '为快递员、外卖骑手等新就业群体建设服务驿站，吸纳其参与社区治理。', plan: '建设驿站；提供休息、充电、饮水服务；组织新就业群体参与社区志愿服务。', items: ['驿站设施', '服务物资', '志愿活动'], beneficiaries: '快递员、外卖骑手、网约车司机' },
];

const VOLUNTEER: readonly Theme[] = [
  { title: '高校学子助老数字课堂', category: 'volunteer', summary: '大学生志愿者每周走进社区，一对一教老年人使用智能手机。', plan: '高校招募培训志愿者；社区组织学员；每周两次课堂；学期末成果展示。', items: ['志愿者交通与保险', '教学物资', '结业活动'], beneficiaries: '社区老年人' },
  { title: '大学生四点半课堂', category: 'volunteer', summary: '高校志愿者为社区儿童提供课后辅导和兴趣课程。', plan: '高校派遣志愿者；社区提供场地；开设辅导和兴趣课程；家长评价。', items: ['志愿者补贴', '课程材料', '场地布置'], beneficiaries: '社区小学生' },
  { title: '滇池湿地生态科普志愿行', category: 'volunteer', summary: '高校环境专业志愿者带领居民开展湿地生态科普和保护行动。', plan: '编写科普课程；组织亲子科普活动；开展净滩和观鸟活动。', items: ['科普物料', '活动组织', '志愿者保险'], beneficiaries: '社区家庭和青少年' },
  { title: '社区心理健康关爱', category: 'volunteer', summary: '高校心理学专业师生为社区居民提供心理健康讲座和咨询。', plan: '开展心理健康讲座；设立咨询时段；为重点人群提供个案陪伴。', items: ['讲座组织', '咨询服务', '宣传资料'], beneficiaries: '社区居民，特别是青少年和老年人' },
  { title: '非遗手工进社区', category: 'volunteer', summary: '高校艺术专业志愿者在社区开设非遗手工课堂。', plan: '设计课程；每月开课；组织作品展示和义卖。', items: ['手工材料', '志愿者补贴', '展示活动'], beneficiaries: '社区居民' },
  { title: '社区法律援助志愿服务', category: 'volunteer', summary: '高校法学院师生在社区开设法律咨询和普法讲堂。', plan: '定期坐诊咨询；开展普法讲堂；建立法律援助转介机制。', items: ['普法资料', '志愿者补贴', '活动组织'], beneficiaries: '社区居民' },
];

const SURNAMES = ['李', '王', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '段'];
const GIVEN = ['丽', '强', '敏', '伟', '芳', '军', '娟', '磊', '艳', '涛', '霞', '斌'];

export function contactName(index: number): string {
  return `${SURNAMES[index % SURNAMES.length]}${GIVEN[(index * 7) % GIVEN.length]}`;
}

const streetOf = (code: string) => DEMO_STREETS.find((street) => street.code === code)!;
const communityName = (code: string, index: number) => {
  const street = streetOf(code);
  return `${street.communities[index % street.communities.length]}社区`;
};

/** Entries the panel rates best: their request is part of the design (the envelopes are tight). */
interface Winner {
  street: string;
  community: number;
  theme: number;
  requestedYuan: number;
  partner?: string;
}

const WINNERS: Record<CallKey, readonly Winner[]> = {
  livelihood: [
    { street: 'demo-longcheng', community: 0, theme: 0, requestedYuan: 24_800 },
    { street: 'demo-wulong', community: 0, theme: 1, requestedYuan: 26_500 },
    { street: 'demo-luoyang', community: 0, theme: 2, requestedYuan: 23_000 },
    { street: 'demo-dounan', community: 0, theme: 3, requestedYuan: 25_000 },
    { street: 'demo-wujiaying', community: 0, theme: 4, requestedYuan: 25_600 },
  ],
  governance: [
    { street: 'demo-longcheng', community: 1, theme: 0, requestedYuan: 24_000 },
    { street: 'demo-luoyang', community: 1, theme: 1, requestedYuan: 23_500 },
    { street: 'demo-dounan', community: 1, theme: 2, requestedYuan: 24_500 },
    { street: 'demo-wujiaying', community: 1, theme: 3, requestedYuan: 24_000 },
    { street: 'demo-yuhua', community: 0, theme: 4, requestedYuan: 24_000 },
  ],
  volunteer: [
    { street: 'demo-longcheng', community: 0, theme: 0, requestedYuan: 20_000, partner: 'demo-org-ynu' },
    { street: 'demo-wujiaying', community: 1, theme: 1, requestedYuan: 20_000, partner: 'demo-org-ynnu' },
    { street: 'demo-wujiaying', community: 2, theme: 2, requestedYuan: 20_000, partner: 'demo-org-ynu' },
    { street: 'demo-dounan', community: 2, theme: 3, requestedYuan: 20_000, partner: 'demo-org-ynu' },
    { street: 'demo-yuhua', community: 1, theme: 4, requestedYuan: 20_000, partner: 'demo-org-ynnu' },
    { street: 'demo-luolong', community: 0, theme: 5, requestedYuan: 20_000, partner: 'demo-org-ynu' },
  ],
};

/** How many entries each street sends to each call (≥ the call's minimum per street). */
const COUNTS: Record<CallKey, Record<string, number>> = {
  livelihood: {
    'demo-longcheng': 7, 'demo-wulong': 5, 'demo-luoyang': 6, 'demo-dounan': 6, 'demo-dayu': 5,
    'demo-wujiaying': 6, 'demo-yuhua': 5, 'demo-luolong': 5, 'demo-qidian': 5, 'demo-majinpu': 5,
  },
  governance: {
    'demo-longcheng': 3, 'demo-wulong': 2, 'demo-luoyang': 2, 'demo-dounan': 3, 'demo-dayu': 2,
    'demo-wujiaying': 2, 'demo-yuhua': 2, 'demo-luolong': 2, 'demo-qidian': 2, 'demo-majinpu': 2,
  },
  volunteer: { 'demo-longcheng': 2, 'demo-wulong': 1, 'demo-dounan': 1, 'demo-wujiaying': 2, 'demo-yuhua': 1, 'demo-luolong': 1, 'demo-dayu': 1 },
};

/** The entries screening does not simply pass: `street:call:index` → fate. */
const FATES: Record<string, Fate> = {
  'demo-longcheng:livelihood:6': 'withdrawn',
  'demo-luoyang:livelihood:5': 'ineligible',
  'demo-yuhua:livelihood:4': 'ineligible',
  'demo-qidian:livelihood:4': 'ineligible',
  'demo-dounan:livelihood:5': 'returned',
  'demo-dayu:livelihood:3': 'returned',
  'demo-majinpu:livelihood:2': 'returned',
  'demo-wulong:governance:1': 'ineligible',
  'demo-longcheng:governance:2': 'returned',
  'demo-dayu:volunteer:0': 'ineligible',
};

const THEMES: Record<CallKey, readonly Theme[]> = { livelihood: LIVELIHOOD, governance: GOVERNANCE, volunteer: VOLUNTEER };
const PARTNERS = ['demo-org-ynu', 'demo-org-ynnu'];

/** Every application of the three 2026 calls, in the order they are drafted. */
export function applicationSpecs(): ApplicationSpec[] {
  const next = random(20_260_303);
  const specs: ApplicationSpec[] = [];
  for (const call of ['livelihood', 'governance', 'volunteer'] as const) {
    const themes = THEMES[call];
    for (const [streetCode, count] of Object.entries(COUNTS[call])) {
      const streetIndex = Object.keys(COUNTS.livelihood).indexOf(streetCode);
      for (let index = 0; index < count; index += 1) {
        const mine = WINNERS[call].filter((entry) => entry.street === streetCode);
        const win = index < mine.length ? mine[index] : undefined;
        const communityIndex = win ? win.community : (index + streetIndex + (call === 'volunteer' ? 3 : 0)) % streetOf(streetCode).communities.length;
        const theme = win ? themes[win.theme] : themes[(streetIndex * 3 + index * 5 + (call === 'governance' ? 1 : 0)) % themes.length];
        const community = communityName(streetCode, communityIndex);
        const fate = FATES[`${streetCode}:${call}:${index}`] ?? 'eligible';
        const requestedYuan = win
          ? win.requestedYuan
          : call === 'livelihood'
            ? theme.category === 'works'
              ? 52_000 + Math.round(next() * 60) * 1_000
              : 28_000 + Math.round(next() * 20) * 1_000
            : call === 'governance'
              ? 18_000 + Math.round(next() * 12) * 1_000
              : 15_000 + Math.round(next() * 9) * 500;
        const drafted = new Date(Date.UTC(2026, 2, 5 + Math.floor(next() * 48)));
        specs.push({
          key: `${streetCode}:${call}:${index}`,
          call,
          streetCode,
          community,
          theme,
          title: `${community}${theme.title}（演示）`,
          quality: win ? 0.9 + next() * 0.08 : 0.15 + next() * 0.6,
          requestedFen: requestedYuan * YUAN,
          beneficiaries: 80 + Math.round(next() * 24) * 50,
          fate,
          byCommunity: community === '龙街社区' && call !== 'governance',
          partner: call === 'volunteer' ? (win?.partner ?? PARTNERS[index % PARTNERS.length]) : null,
          draftedOn: drafted.toISOString().slice(0, 10),
        });
      }
    }
  }
  return specs;
}

/** The funding of an entry: the request plus what residents, the community and others bring. */
export function fundingOf(spec: ApplicationSpec) {
  const requested = spec.requestedFen;
  const share = (part: number) => Math.round((requested * part) / 10_000) * 100;
  const funding = {
    residentMoney: spec.call === 'livelihood' ? share(0.22) : spec.call === 'volunteer' ? share(0.05) : 0,
    residentLabour: share(0.1),
    socialSupport: spec.call === 'volunteer' ? share(0.15) : 0,
    communitySelf: spec.call === 'governance' ? share(0.2) : share(0.08),
    streetSupport: spec.call === 'governance' ? share(0.15) : 0,
    requestedSubsidy: requested,
  };
  const total = Object.values(funding).reduce((sum, value) => sum + value, 0);
  const first = Math.round((total * 0.6) / 100) * 100;
  const second = Math.round((total * 0.3) / 100) * 100;
  const costItems = [
    { item: spec.theme.items[0], amount: first },
    { item: spec.theme.items[1], amount: second },
    { item: spec.theme.items[2], amount: total - first - second },
  ];
  return { funding, totalCostFen: total, costItems };
}
