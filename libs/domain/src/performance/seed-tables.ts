/**
 * The performance target tables (项目绩效目标表) of the two 2026 seed documents, as data for the
 * seed. Texts are verbatim from shared/seeds (typos included). Demo/seed data, not rules.
 *
 * Points: the seed tables carry no points, so the level-1 defaults of product.md are used —
 * 产出 50, 效益 30, 满意度 10 (budget execution, the remaining 10, is scored separately by
 * budgetExecutionScore) — and split EVENLY among the indicators of a level 1 (two 产出 indicators
 * → 25 each). Values are in the indicator unit (percent as 100, money in 元 as printed).
 * Seed 002 gives no level-2 name for 维护社会稳定指标: 社会效益 (the name seed 000 uses) is
 * inferred. Seed 000's 完不成扣分 rows carry no per-unit deduction, so they score proportionally.
 */
import type { Indicator } from './indicator-scoring.js';

export interface SeedIndicator extends Indicator {
  /** 指标值 as printed, e.g. '58个', '100%'. */
  targetText: string;
  /** 指标属性 code as printed ('001' / '002'), uninterpreted. */
  attributeCode: string;
  /** 评（扣）分标准 as printed. */
  ruleText: string;
  /** 指标内容 */
  content: string;
  /** 绩效指标值设定依据及数据来源 */
  basis: string;
}

/** Seed 000 (社会治理工作经费): 中长期绩效目标 (2026年-2028年). */
export const SEED_000_LONG_TERM_GOAL =
  '负责党建引领基层治协调机制的联系协调和具体推动，推动完善党全面领导基层治理制度；承担党建引领城乡社区服务体系建设的相关工作；承担健全社会参与机制、推动完善基层治理平台建设工作；指导监督城市有效实施基层群众自治制度、居民委员会规范化建设；推动基层治理信息化建设相关工作，配合做好村（社区）干部培训工作；推动社会工作人才队伍建设、志愿者服务人才队伍建设和阵地建设工作，协调推动志愿服务体系建设工作。';

/** Seed 000: 年度绩效目标 (2026年). */
export const SEED_000_ANNUAL_GOAL =
  '一是组织全区相关单位及试点社区干部到先进地区学习社会治理经验，二是完成呈贡区20件民生小实事项目验收。三是打造基层社会治理三年攻坚行动、基层社会治理三年行动、城乡美化试点工作打造、社区亲民化改造等专项项目。四是引进5个社会组织对现有社工类社会组织运行情况进行梳理，开展工作指导；结合基层治理需求，培育发展社会组织；四是引进省内外优秀社工组织，助力呈贡社会工作开展 ；五是承担协调推动志愿服务体系建设工作；组织开展全区性、示范性服务重大活动；六是按季度发放楼栋长工作经费，保障社会工作正常有序开展。';

/** Seed 002 (正常离任村干部生活补助经费): 中长期绩效目标 (2026年-2028年). */
export const SEED_002_LONG_TERM_GOAL =
  '加强基层组织建设，稳定基层干部队伍，调动基层干部工作积极性，维护社会稳定。';

/** Seed 002: 年度绩效目标 (2026年). */
export const SEED_002_ANNUAL_GOAL =
  '一、正常离任社区干部生活补贴（共计66.528万元）:对全区84名正常离任退休社区干部生活发放生活补贴，每人每月平均660元，共计66.528万元（84人*660元/月*12月=66.528万元）。\n二、社区干部离任一次性补贴（共计200万元）:社区“两委”班子换届后正常离任，且连续任满一届以上的社区党组织书记、居委会主任；经批准设立党委的社区副书记；书记、主任“一肩挑”的社区副书记；居委会副主任、监委会主任，按“一肩挑”每人每月2400元、正职每人每月2200元、副职和监委会主任每人每月2100元，任期一届每年发放一个月，任期满两届每年发放两个月的标准发放一次性补助。预计100个离任社区干部，每人2万元（100人*2万元=200万元）';

const BASIS_002 =
  '一、呈组通〔2018〕88号—印发《关于进一步做好正常离任村干部生活补贴相关工作的方案（试行）》的通知。\n二、呈组通〔2007〕143号 关于印发《村（社区）干部岗位补贴调整方案》通知\n三、呈政复〔2015〕99号《昆明市呈贡区人民政府关于提高社区干部补贴有关事项的批复》';

export const SEED_000_INDICATORS: readonly SeedIndicator[] = [
  {
    level1: '产出指标',
    level2: '数量指标',
    name: '党建引领基层社区数量',
    operator: '=',
    target: 58,
    targetText: '58个',
    unit: '个',
    attributeCode: '001',
    points: 25,
    rule: 'deduct',
    ruleText: '完不成扣分',
    deductionPerUnit: null,
    content:
      '一是组织58个社区干部到先进地区学习社会治理经验，二是完成呈贡区25件民生小实事项目验收。四是引进5个社会组织对现有社工类社会组织运行情况进行梳理，开展工作指导；。',
    basis: '',
  },
  {
    level1: '产出指标',
    level2: '质量指标',
    name: '民生小实事合格率',
    operator: '>=',
    target: 100,
    targetText: '100%',
    unit: '%',
    attributeCode: '002',
    points: 25,
    rule: 'deduct',
    ruleText: '完不成扣分',
    deductionPerUnit: null,
    content:
      '统筹推进党建引领基层治理和基层政权建设，协调推进城乡社区治理体系和治理能力建设，推动基层民主政治建设。社区治理和志愿服务。提高社区治理能力，完成25个民生小实事的验收支付，组织全区志愿服务，提升志愿服务质量',
    basis:
      '一、呈发〔2017〕9号 关于创新体制机制加强人才工作的实施意见。\n\n二、呈社建通〔2022〕2号 关于印发《呈贡区推进民生小实事实施方案（试行）》的通知。                                     三、呈财联〔2021〕5号-关于调整呈贡区区级机关培训费综合定额标准的通知/',
  },
  {
    level1: '效益指标',
    level2: '社会效益',
    name: '社会效益指标',
    operator: '>=',
    target: 98,
    targetText: '98%',
    unit: '%',
    attributeCode: '002',
    points: 30,
    rule: 'deduct',
    ruleText: '完不成扣分',
    deductionPerUnit: null,
    content:
      '统筹推进党建引领基层治理和基层政权建设，协调推进城乡社区治理体系和治理能力建设，推动基层民主政治建设。社区治理和志愿服务。提高社区治理能力，完成25个民生小实事的验收支付，组织全区志愿服务，提升志愿服务质量',
    basis:
      '一、呈发〔2017〕9号 关于创新体制机制加强人才工作的实施意见。\n\n二、呈社建通〔2022〕2号 关于印发《呈贡区推进民生小实事实施方案（试行）》的通知。                                     三、呈财联〔2021〕5号-关于调整呈贡区区级机关培训费综合定额标准的通知/',
  },
  {
    level1: '满意度指标',
    level2: '服务对象满意度',
    name: '社区干部、社区居民、社会组织机构满意度',
    operator: '>=',
    target: 100,
    targetText: '100%',
    unit: '%',
    attributeCode: '002',
    points: 10,
    rule: 'deduct',
    ruleText: '完不成扣分',
    deductionPerUnit: null,
    content: '社区干部、社区居民、社会组织机构满意度',
    basis:
      '一、呈社建办通〔2020〕6号 中共昆明市呈贡区委社会建设工作领导小组办公室关于印发《昆明市呈贡区楼栋长日常管理规定（试行）》的通知。\n二、呈发〔2017〕9号 关于创新体制机制加强人才工作的实施意见。',
  },
];

export const SEED_002_INDICATORS: readonly SeedIndicator[] = [
  {
    level1: '产出指标',
    level2: '数量指标',
    name: '正常离任社区干部数量',
    operator: '=',
    target: 184,
    targetText: '184',
    unit: '人',
    attributeCode: '001',
    points: 25,
    rule: 'proportional',
    ruleText: '达标得满分，否则根据完成比例评分',
    deductionPerUnit: null,
    content:
      '一、正常离任社区干部生活补贴（共计66.528万元）:对全区84名正常离任退休社区干部生活发放生活补贴，每人每月平均660元，共计66.528万元（84人*660元/月*12月=66.528万元）。\n二、对2026年正常离任的社区干部发放一次性补贴。',
    basis: BASIS_002,
  },
  {
    level1: '产出指标',
    level2: '质量指标',
    name: '质量指标',
    operator: '>=',
    target: 2665280,
    targetText: '2665280',
    unit: '元',
    attributeCode: '001',
    points: 25,
    rule: 'proportional',
    ruleText: '达标得满分，否则根据完成比例评分。',
    deductionPerUnit: null,
    content:
      '1.对全区84名正常离任退休社区干部生活发放生活补贴，每人每月平均660元，共计66.528万元（84人*660元/月*12月=66.528万元）。\n2.社区“两委”班子换届后正常离任，按“一肩挑”每人每月2400元、正职每人每月2200元、副职和监委会主任每人每月2100元，任期一届每年发放一个月，任期满两届每年发放两个月的标准发放一次性补助。预计100个离任社区干部，每人2万元。',
    basis: BASIS_002,
  },
  {
    level1: '效益指标',
    level2: '社会效益',
    name: '维护社会稳定指标',
    operator: '>=',
    target: 100,
    targetText: '100%',
    unit: '%',
    attributeCode: '002',
    points: 30,
    rule: 'all_or_nothing',
    ruleText: '达标得满分，否则不得分。',
    deductionPerUnit: null,
    content:
      '一、2026年前正常离任社区干部生活补贴（共计66.528万元）:\n二、2026年换届后正常离任社区干部发放一次性补贴，维护社会稳定。',
    basis: BASIS_002,
  },
  {
    level1: '满意度指标',
    level2: '服务对象满意度',
    name: '服务对象满意度指标',
    operator: '>=',
    target: 96,
    targetText: '96%',
    unit: '%',
    attributeCode: '001',
    points: 10,
    rule: 'all_or_nothing',
    ruleText: '达标得满分，否则不得分。',
    deductionPerUnit: null,
    content:
      '一、2026年前正常离任社区干部按季度发放生活补贴。\n二、2026年换届后正常离任社区干部发放一次性补贴。',
    basis: BASIS_002,
  },
];
