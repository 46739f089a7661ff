/**
 * The 2026 performance target tables (项目绩效目标表) of the two seed documents, approved as
 * budgeted, with their goal texts and basis documents verbatim (libs/domain/src/performance/
 * seed-tables.ts), each indicator bound to the live figure the portal knows — or entered by hand
 * with evidence where the portal knows none (社会效益, 维护社会稳定). Plus one open demo survey per
 * table (演示), so a satisfaction link exists from the first start.
 */
import { randomBytes } from 'node:crypto';
import type { IndicatorBinding } from '@xiaoshi/contracts';
import {
  SEED_000_ANNUAL_GOAL,
  SEED_000_INDICATORS,
  SEED_000_LONG_TERM_GOAL,
  SEED_002_ANNUAL_GOAL,
  SEED_002_INDICATORS,
  SEED_002_LONG_TERM_GOAL,
  type SeedIndicator,
} from '@xiaoshi/domain';
import type { EntityManager } from 'typeorm';
import { BudgetLine } from '../modules/budgets/budget-line.entity.js';
import { Programme } from '../modules/budgets/programme.entity.js';
import {
  PerformanceIndicator,
  PerformanceTable,
  PerformanceTableLine,
  PerformanceTableVersion,
} from '../modules/performance/performance.entities.js';
import { Survey } from '../modules/surveys/surveys.entities.js';

type LineKey = 'livelihood' | 'partyBuilding' | 'volunteering' | 'livingSubsidy' | 'departureSubsidy';

interface SeedBinding {
  key: string;
  dataSource: string;
  binding: (line: (key: LineKey) => number) => IndicatorBinding;
}

const manual = (): IndicatorBinding => ({ kind: 'manual' });

/** Seed 000, in the order of SEED_000_INDICATORS. */
const BINDINGS_000: readonly SeedBinding[] = [
  {
    key: 'communities',
    dataSource: '系统计算：本年度资金立项项目所在社区与干部参加学习考察的社区（去重计数）',
    // A union of communities: one reached both ways counts once.
    binding: () => ({
      kind: 'metric',
      combine: 'union',
      terms: [
        { metric: 'delivery.communities_funded', budgetLineId: null },
        { metric: 'trips.communities_reached', budgetLineId: null },
      ],
    }),
  },
  {
    key: 'pass-rate',
    dataSource: '系统计算：民生小实事项目验收合格数 ÷ 已验收项目数',
    binding: (line) => ({
      kind: 'metric',
      combine: 'sum',
      terms: [{ metric: 'delivery.acceptance_pass_rate', budgetLineId: line('livelihood') }],
    }),
  },
  { key: 'social-benefit', dataSource: '手工填报，附佐证材料', binding: manual },
  {
    key: 'satisfaction',
    dataSource: '系统计算：本项目各项满意度测评（满意 + 基本满意）÷ 答卷数',
    binding: () => ({
      kind: 'metric',
      combine: 'sum',
      terms: [{ metric: 'surveys.satisfaction', budgetLineId: 'table' }],
    }),
  },
];

/** Seed 002, in the order of SEED_002_INDICATORS: 84 living-subsidy + 100 one-off = 184 people. */
const BINDINGS_002: readonly SeedBinding[] = [
  {
    key: 'people-paid',
    dataSource: '系统计算：生活补贴与一次性补助已发放人数之和',
    binding: (line) => ({
      kind: 'metric',
      combine: 'sum',
      terms: [
        { metric: 'stipends.people_paid', budgetLineId: line('livingSubsidy') },
        { metric: 'stipends.people_paid', budgetLineId: line('departureSubsidy') },
      ],
    }),
  },
  {
    key: 'amount-paid',
    dataSource: '系统计算：生活补贴与一次性补助已发放金额之和',
    binding: () => ({
      kind: 'metric',
      combine: 'sum',
      terms: [{ metric: 'stipends.amount_paid', budgetLineId: 'table' }],
    }),
  },
  { key: 'stability', dataSource: '手工填报，附佐证材料', binding: manual },
  {
    key: 'satisfaction',
    dataSource: '系统计算：补助对象满意度测评（满意 + 基本满意）÷ 答卷数',
    binding: () => ({
      kind: 'metric',
      combine: 'sum',
      terms: [{ metric: 'surveys.satisfaction', budgetLineId: 'table' }],
    }),
  },
];

interface SeedTable {
  lines: readonly LineKey[];
  longTermGoal: string;
  annualGoal: string;
  indicators: readonly SeedIndicator[];
  bindings: readonly SeedBinding[];
  survey: { title: string; description: string; subjectKind: Survey['subjectKind']; line: LineKey };
}

const TABLES: readonly SeedTable[] = [
  {
    lines: ['livelihood', 'partyBuilding', 'volunteering'],
    longTermGoal: SEED_000_LONG_TERM_GOAL,
    annualGoal: SEED_000_ANNUAL_GOAL,
    indicators: SEED_000_INDICATORS,
    bindings: BINDINGS_000,
    survey: {
      title: '2026年民生小实事项目满意度测评（演示）',
      description: '请社区干部、社区居民和社会组织对本年度民生小实事项目的实施情况作出评价。',
      subjectKind: 'budget_line',
      line: 'livelihood',
    },
  },
  {
    lines: ['livingSubsidy', 'departureSubsidy'],
    longTermGoal: SEED_002_LONG_TERM_GOAL,
    annualGoal: SEED_002_ANNUAL_GOAL,
    indicators: SEED_002_INDICATORS,
    bindings: BINDINGS_002,
    survey: {
      title: '2026年正常离任社区干部生活补助满意度测评（演示）',
      description: '请领取生活补贴的正常离任社区干部对补助发放工作作出评价。',
      subjectKind: 'stipend_recipients',
      line: 'livingSubsidy',
    },
  },
];

export async function seedPerformance(
  manager: EntityManager,
  options: { districtId: number; lineIds: ReadonlyMap<string, number>; now: Date },
): Promise<void> {
  const line = (key: LineKey) => {
    const id = options.lineIds.get(key);
    if (id === undefined) throw new Error(`seed budget line ${key} is missing`);
    return id;
  };
  for (const seed of TABLES) {
    if (seed.bindings.length !== seed.indicators.length)
      throw new Error('seed bindings and indicators differ');
    // One query at a time: a transaction's connection runs its queries in turn.
    const lines: BudgetLine[] = [];
    for (const key of seed.lines) lines.push(await manager.findOneByOrFail(BudgetLine, { id: line(key) }));
    const programme = await manager.findOneByOrFail(Programme, { id: lines[0].programmeId });
    const table = await manager.save(
      manager.create(PerformanceTable, {
        unitId: options.districtId,
        programmeId: programme.id,
        programmeName: programme.name,
        year: programme.year,
        name: programme.name,
        isDemo: true,
      }),
    );
    await manager.insert(
      PerformanceTableLine,
      lines.map((budgetLine, position) => ({
        tableId: table.id,
        budgetLineId: budgetLine.id,
        name: budgetLine.name,
        position,
      })),
    );
    const version = await manager.save(
      manager.create(PerformanceTableVersion, {
        tableId: table.id,
        number: 1,
        status: 'approved',
        longTermPeriod: `${programme.year}年-${programme.year + 2}年`,
        longTermGoal: seed.longTermGoal,
        annualGoal: seed.annualGoal,
        budgetExecutionPoints: 10,
        changeNote: null,
        createdByUserId: null,
        approvedByUserId: null,
        approvedAt: options.now,
      }),
    );
    await manager.insert(
      PerformanceIndicator,
      seed.indicators.map((indicator, position) => ({
        versionId: version.id,
        key: seed.bindings[position].key,
        position,
        level1: indicator.level1,
        level2: indicator.level2,
        name: indicator.name,
        nature: indicator.operator,
        target: indicator.target,
        targetText: indicator.targetText,
        unit: indicator.unit,
        points: indicator.points,
        rule: indicator.rule,
        ruleText: indicator.ruleText,
        deductionPerUnit: indicator.deductionPerUnit ?? null,
        attributeCode: indicator.attributeCode,
        content: indicator.content,
        basis: indicator.basis,
        dataSource: seed.bindings[position].dataSource,
        binding: seed.bindings[position].binding(line),
      })),
    );
    const surveyLine = lines[seed.lines.indexOf(seed.survey.line)];
    await manager.save(
      manager.create(Survey, {
        title: seed.survey.title,
        description: seed.survey.description,
        subjectKind: seed.survey.subjectKind,
        subjectId: surveyLine.id,
        subjectName: surveyLine.name,
        budgetLineId: surveyLine.id,
        budgetLineName: surveyLine.name,
        unitId: options.districtId,
        year: programme.year,
        status: 'open',
        countBasicallySatisfied: true,
        askGroup: true,
        maxAnswersPerAddress: 50,
        closesAt: null,
        code: randomBytes(16).toString('base64url'),
        addressSalt: randomBytes(16).toString('hex'),
        isDemo: true,
        createdByUserId: null,
      }),
    );
  }
}
