import { parseOperator, parseScoringRuleText, scoreTable, splitPointsEvenly } from './indicator-scoring.js';
import {
  SEED_000_ANNUAL_GOAL,
  SEED_000_INDICATORS,
  SEED_000_LONG_TERM_GOAL,
  SEED_002_ANNUAL_GOAL,
  SEED_002_INDICATORS,
  SEED_002_LONG_TERM_GOAL,
  type SeedIndicator,
} from './seed-tables.js';

const summary = (rows: readonly SeedIndicator[]) =>
  rows.map((r) => [r.level1, r.level2, r.name, r.operator, r.target, r.unit, r.points, r.rule]);

describe('seed performance tables', () => {
  it('seed 000 indicators', () => {
    expect(summary(SEED_000_INDICATORS)).toEqual([
      ['产出指标', '数量指标', '党建引领基层社区数量', '=', 58, '个', 25, 'deduct'],
      ['产出指标', '质量指标', '民生小实事合格率', '>=', 100, '%', 25, 'deduct'],
      ['效益指标', '社会效益', '社会效益指标', '>=', 98, '%', 30, 'deduct'],
      [
        '满意度指标',
        '服务对象满意度',
        '社区干部、社区居民、社会组织机构满意度',
        '>=',
        100,
        '%',
        10,
        'deduct',
      ],
    ]);
  });

  it('seed 002 indicators', () => {
    expect(summary(SEED_002_INDICATORS)).toEqual([
      ['产出指标', '数量指标', '正常离任社区干部数量', '=', 184, '人', 25, 'proportional'],
      ['产出指标', '质量指标', '质量指标', '>=', 2_665_280, '元', 25, 'proportional'],
      ['效益指标', '社会效益', '维护社会稳定指标', '>=', 100, '%', 30, 'all_or_nothing'],
      ['满意度指标', '服务对象满意度', '服务对象满意度指标', '>=', 96, '%', 10, 'all_or_nothing'],
    ]);
  });

  it.each([
    ['000', SEED_000_INDICATORS],
    ['002', SEED_002_INDICATORS],
  ])(
    'seed %s: level-1 defaults split evenly, rule text and target text agree with the data',
    (_seed, rows) => {
      for (const [level1, points] of [
        ['产出指标', 50],
        ['效益指标', 30],
        ['满意度指标', 10],
      ] as const) {
        const inLevel = rows.filter((r) => r.level1 === level1);
        expect(inLevel.map((r) => r.points)).toEqual(splitPointsEvenly(points, inLevel.length));
      }
      expect(rows.reduce((s, r) => s + r.points, 0)).toBe(90);
      for (const r of rows) {
        expect(parseScoringRuleText(r.ruleText)).toBe(r.rule);
        expect(parseOperator(r.operator)).toBe(r.operator);
        expect(Number(r.targetText.replace(/[^\d.]/g, ''))).toBe(r.target);
        expect(r.deductionPerUnit).toBeNull();
        expect(r.content.length).toBeGreaterThan(0);
      }
    },
  );

  it('keeps the source texts verbatim', () => {
    expect(SEED_000_LONG_TERM_GOAL.startsWith('负责党建引领基层治协调机制的联系协调和具体推动')).toBe(true);
    expect(SEED_000_LONG_TERM_GOAL.endsWith('协调推动志愿服务体系建设工作。')).toBe(true);
    expect(
      SEED_000_ANNUAL_GOAL.startsWith('一是组织全区相关单位及试点社区干部到先进地区学习社会治理经验'),
    ).toBe(true);
    expect(SEED_000_ANNUAL_GOAL.endsWith('六是按季度发放楼栋长工作经费，保障社会工作正常有序开展。')).toBe(
      true,
    );
    expect(SEED_002_LONG_TERM_GOAL).toBe(
      '加强基层组织建设，稳定基层干部队伍，调动基层干部工作积极性，维护社会稳定。',
    );
    expect(SEED_002_ANNUAL_GOAL.split('\n')).toHaveLength(2);
    expect(SEED_002_ANNUAL_GOAL).toContain('（84人*660元/月*12月=66.528万元）');
    expect(SEED_002_ANNUAL_GOAL.endsWith('（100人*2万元=200万元）')).toBe(true);
    expect(SEED_000_INDICATORS[0].basis).toBe('');
    expect(SEED_000_INDICATORS[3].basis).toContain('呈社建办通〔2020〕6号');
    for (const r of SEED_002_INDICATORS) expect(r.basis.startsWith('一、呈组通〔2018〕88号')).toBe(true);
  });

  it('seed 002 scored with its own numbers: everything met → 90 + budget execution 10 = 100, 优', () => {
    const actuals = [184, 2_665_280, 100, 96];
    const table = scoreTable(
      SEED_002_INDICATORS.map((indicator, i) => ({ indicator, actual: actuals[i] })),
      { budgetExecution: { paidFen: 266_528_000, adjustedBudgetFen: 266_528_000 } },
    );
    expect(table.total).toBe(100);
    expect(table.grade).toBe('优');
  });

  it('seed 002 with realistic shortfalls', () => {
    // 180 of 184 people (25·180/184 = 24.456… → 24.46), 2,600,000 of 2,665,280 元 (24.387… → 24.39),
    // stability met (30), satisfaction 95.5 % < 96 % (0); budget 2,600,000 / 2,665,280 (9.755… → 9.76).
    const actuals = [180, 2_600_000, 100, 95.5];
    const table = scoreTable(
      SEED_002_INDICATORS.map((indicator, i) => ({ indicator, actual: actuals[i] })),
      { budgetExecution: { paidFen: 260_000_000, adjustedBudgetFen: 266_528_000 } },
    );
    expect(table.rows.map((r) => r.points)).toEqual([24.46, 24.39, 30, 0]);
    expect(table.budgetExecution?.points).toBe(9.76);
    expect(table.total).toBe(88.61);
    expect(table.grade).toBe('良');
  });
});
