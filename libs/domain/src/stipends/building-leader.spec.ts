import { nationalIdCheckCharacter } from '../check-digits.js';
import {
  DEMO_BUILDING_LEADER_RATES,
  buildingLeaderMonthlyRate,
  describeRateTable,
  validateRateTable,
  type BuildingLeaderRateTable,
} from './building-leader-rates.js';
import { BUILDING_LEADER_COLUMNS, checkBuildingLeaderHeaders, parseBuildingLeaderRow } from './building-leader-row.js';
import { quarterAmount } from './proration.js';

const bands: BuildingLeaderRateTable = {
  basis: 'household_band',
  bands: [
    { maxHouseholds: 60, monthlyRateFen: 10_000 },
    { maxHouseholds: 120, monthlyRateFen: 15_000 },
    { maxHouseholds: null, monthlyRateFen: 20_000 },
  ],
};

describe('building leaders: the rate table', () => {
  it.each([
    [0, 10_000, 0],
    [60, 10_000, 0],
    [61, 15_000, 1],
    [120, 15_000, 1],
    [121, 20_000, 2],
    [900, 20_000, 2],
  ])('pays %i households %i fen a month (band %i)', (households, fen, band) => {
    expect(buildingLeaderMonthlyRate(bands, { buildingCount: 1, households })).toEqual({
      ok: true,
      monthlyRateFen: fen,
      bandIndex: band,
    });
  });

  it('pays per building led when the table says so', () => {
    const perBuilding: BuildingLeaderRateTable = { basis: 'per_building', monthlyRatePerBuildingFen: 12_000 };
    expect(buildingLeaderMonthlyRate(perBuilding, { buildingCount: 3, households: 10 })).toMatchObject({
      ok: true,
      monthlyRateFen: 36_000,
    });
    expect(buildingLeaderMonthlyRate(perBuilding, { buildingCount: 0, households: 10 })).toMatchObject({
      ok: false,
      violation: { field: 'buildingCount' },
    });
  });

  it('refuses tables that leave households without a rate or go backwards', () => {
    expect(validateRateTable(bands)).toEqual([]);
    expect(validateRateTable(DEMO_BUILDING_LEADER_RATES)).toEqual([]);
    const closed = validateRateTable({ basis: 'household_band', bands: [{ maxHouseholds: 50, monthlyRateFen: 100 }] });
    expect(closed.map((v) => v.code)).toEqual(['last_band_closed']);
    const backwards = validateRateTable({
      basis: 'household_band',
      bands: [
        { maxHouseholds: 80, monthlyRateFen: 100 },
        { maxHouseholds: 40, monthlyRateFen: 200 },
        { maxHouseholds: null, monthlyRateFen: 300 },
      ],
    });
    expect(backwards.map((v) => v.field)).toEqual(['bands.1.maxHouseholds']);
    const openInMiddle = validateRateTable({
      basis: 'household_band',
      bands: [
        { maxHouseholds: null, monthlyRateFen: 100 },
        { maxHouseholds: null, monthlyRateFen: 200 },
      ],
    });
    expect(openInMiddle.map((v) => v.code)).toEqual(['open_band_not_last']);
    expect(validateRateTable({ basis: 'per_building', monthlyRatePerBuildingFen: 0 })).toHaveLength(1);
    expect(validateRateTable({ basis: 'household_band', bands: [] })).toHaveLength(1);
  });

  it('describes a table in words', () => {
    expect(describeRateTable(bands).zh).toBe('0–60户 100.00 元/月；61–120户 150.00 元/月；121户以上 200.00 元/月');
    expect(describeRateTable({ basis: 'per_building', monthlyRatePerBuildingFen: 12_000 }).en).toBe(
      '120.00 yuan per building per month',
    );
  });

  it('prorates a leader who leaves mid-quarter by month, as the other stipends', () => {
    // Appointed before the quarter, last day served 15 May: April and May paid, June not.
    const rate = 15_000;
    expect(
      quarterAmount({ eligibleFrom: '2025-06-01', eligibleUntil: '2026-05-15', monthlyRate: rate }, 2026, 2),
    ).toEqual({ months: ['2026-04', '2026-05'], amount: 30_000 });
  });
});

describe('building leaders: an imported row', () => {
  const known = new Map([['龙街社区', 7]]);
  const id = (first17: string) => first17 + nationalIdCheckCharacter(first17);
  const good = {
    所属社区: '龙街社区',
    楼栋: '学府花园3栋',
    负责楼栋数: 1,
    负责单元: '1—3单元',
    覆盖户数: '96',
    姓名: '张丽华',
    身份证号: id('53011419780615002'),
    联系电话: '139 8765 4321',
    开户银行: '中国农业银行昆明呈贡支行',
    银行账号: '6228480010098765432',
    任职起始日期: '2024/3/1',
    任职结束日期: null,
  };

  it('reads a complete row', () => {
    const result = parseBuildingLeaderRow(good, 2, { knownCommunities: known, asOf: '2026-12-03' });
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({
        communityId: 7,
        buildingCount: 1,
        households: 96,
        phone: '13987654321',
        startDate: '2024-03-01',
        endDate: null,
        sex: 'female',
      }),
    });
  });

  it('reports every problem of a row by column, including an ID Excel turned into a number', () => {
    const result = parseBuildingLeaderRow(
      {
        ...good,
        所属社区: '不存在社区',
        覆盖户数: '九十',
        身份证号: 5.30114197806150e17,
        联系电话: '12345',
        银行账号: '6228-4800',
        任职起始日期: '2024-03-01',
        任职结束日期: '2024-02-01',
      },
      5,
      { knownCommunities: known, asOf: '2026-12-03' },
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.column)).toEqual(['所属社区', '覆盖户数', '身份证号', '联系电话', '银行账号', '任职结束日期']);
    expect(result.problems.every((p) => p.row === 5)).toBe(true);
    expect(result.problems[2].problem).toContain('文本');
  });

  it('checks the header row against the template', () => {
    const headers = BUILDING_LEADER_COLUMNS.map((column) => column.header);
    expect(checkBuildingLeaderHeaders(headers)).toEqual({ missing: [], unknown: [] });
    expect(checkBuildingLeaderHeaders(['姓名', '身份证号', '备注栏'])).toMatchObject({ unknown: ['备注栏'] });
    expect(checkBuildingLeaderHeaders(['姓名']).missing).toContain('覆盖户数');
  });

  it('ships an example ID that passes GB 11643', () => {
    const example = BUILDING_LEADER_COLUMNS.find((column) => column.key === 'nationalId')!.example;
    expect(example.slice(17)).toBe(nationalIdCheckCharacter(example.slice(0, 17)));
  });
});
