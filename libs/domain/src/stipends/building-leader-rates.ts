/**
 * Building leaders' (楼栋长) quarterly work fund: the district's rate table, as data. A table is
 * either a monthly rate per building led (`per_building`) or a monthly rate by the number of
 * households the leader covers (`household_band`, bands in ascending order, the last one open).
 * The table in force on a quarter's first day sets every leader's monthly rate for that quarter;
 * the months paid follow the same month rule as the other stipends (./proration.ts).
 */
import type { Violation } from './violation.js';

export type BuildingLeaderRateBasis = 'per_building' | 'household_band';

export const BUILDING_LEADER_RATE_BASES: readonly BuildingLeaderRateBasis[] = ['per_building', 'household_band'];

export interface HouseholdBand {
  /** Inclusive upper bound; null for the last, open band. */
  maxHouseholds: number | null;
  monthlyRateFen: number;
}

export type BuildingLeaderRateTable =
  | { basis: 'per_building'; monthlyRatePerBuildingFen: number }
  | { basis: 'household_band'; bands: HouseholdBand[] };

/** What a leader covers: how many buildings and how many households in them. */
export interface BuildingCoverage {
  buildingCount: number;
  households: number;
}

const isFen = (value: number) => Number.isSafeInteger(value) && value > 0;

/** Problems with a rate table (empty when it is usable). */
export function validateRateTable(table: BuildingLeaderRateTable): Violation[] {
  const problems: Violation[] = [];
  if (table.basis === 'per_building') {
    if (!isFen(table.monthlyRatePerBuildingFen)) {
      problems.push({
        field: 'monthlyRatePerBuildingFen',
        code: 'invalid_amount',
        zh: '每栋月标准应为大于0的整数（分）',
        en: 'The monthly rate per building must be a positive whole number of fen',
      });
    }
    return problems;
  }
  if (table.bands.length === 0) {
    problems.push({ field: 'bands', code: 'required', zh: '请至少设置一个户数档', en: 'Give at least one band' });
    return problems;
  }
  let previous = -1;
  table.bands.forEach((band, index) => {
    if (!isFen(band.monthlyRateFen)) {
      problems.push({
        field: `bands.${index}.monthlyRateFen`,
        code: 'invalid_amount',
        zh: '月标准应为大于0的整数（分）',
        en: 'The monthly rate must be a positive whole number of fen',
      });
    }
    const last = index === table.bands.length - 1;
    if (band.maxHouseholds === null) {
      if (!last) {
        problems.push({
          field: `bands.${index}.maxHouseholds`,
          code: 'open_band_not_last',
          zh: '只有最后一档可以不设上限',
          en: 'Only the last band may be open-ended',
        });
      }
      return;
    }
    if (!Number.isSafeInteger(band.maxHouseholds) || band.maxHouseholds <= previous) {
      problems.push({
        field: `bands.${index}.maxHouseholds`,
        code: 'bands_not_ascending',
        zh: '户数上限须为整数并逐档递增',
        en: 'Household limits must be whole numbers in ascending order',
      });
    }
    previous = band.maxHouseholds;
  });
  if (table.bands[table.bands.length - 1].maxHouseholds !== null) {
    problems.push({
      field: `bands.${table.bands.length - 1}.maxHouseholds`,
      code: 'last_band_closed',
      zh: '最后一档应不设上限，否则户数较多的楼栋长没有标准',
      en: 'The last band must be open-ended, or larger buildings have no rate',
    });
  }
  return problems;
}

export type MonthlyRateResult =
  | { ok: true; monthlyRateFen: number; bandIndex: number | null }
  | { ok: false; violation: Violation };

/** A leader's monthly rate under a table; never throws. */
export function buildingLeaderMonthlyRate(
  table: BuildingLeaderRateTable,
  coverage: BuildingCoverage,
): MonthlyRateResult {
  const tableProblems = validateRateTable(table);
  if (tableProblems.length) return { ok: false, violation: tableProblems[0] };
  if (!Number.isSafeInteger(coverage.buildingCount) || coverage.buildingCount < 1) {
    return {
      ok: false,
      violation: {
        field: 'buildingCount',
        code: 'invalid_count',
        zh: '负责楼栋数应为大于0的整数',
        en: 'The number of buildings must be a positive whole number',
      },
    };
  }
  if (!Number.isSafeInteger(coverage.households) || coverage.households < 0) {
    return {
      ok: false,
      violation: {
        field: 'households',
        code: 'invalid_count',
        zh: '户数应为不小于0的整数',
        en: 'The number of households must be a whole number, zero or more',
      },
    };
  }
  if (table.basis === 'per_building') {
    const fen = table.monthlyRatePerBuildingFen * coverage.buildingCount;
    return Number.isSafeInteger(fen)
      ? { ok: true, monthlyRateFen: fen, bandIndex: null }
      : {
          ok: false,
          violation: { field: 'buildingCount', code: 'invalid_count', zh: '金额过大', en: 'Amount too large' },
        };
  }
  const index = table.bands.findIndex(
    (band) => band.maxHouseholds === null || coverage.households <= band.maxHouseholds,
  );
  return { ok: true, monthlyRateFen: table.bands[index].monthlyRateFen, bandIndex: index };
}

/** How a table reads, e.g. '每栋每月 200.00 元' or '≤100户 150.00 元/月；101–300户 …'. */
export function describeRateTable(table: BuildingLeaderRateTable): { zh: string; en: string } {
  const yuan = (fen: number) => (fen / 100).toFixed(2);
  if (table.basis === 'per_building') {
    return {
      zh: `每栋每月 ${yuan(table.monthlyRatePerBuildingFen)} 元`,
      en: `${yuan(table.monthlyRatePerBuildingFen)} yuan per building per month`,
    };
  }
  let from = 0;
  const zh: string[] = [];
  const en: string[] = [];
  for (const band of table.bands) {
    const range = band.maxHouseholds === null ? `${from}户以上` : `${from}–${band.maxHouseholds}户`;
    const rangeEn = band.maxHouseholds === null ? `${from}+ households` : `${from}–${band.maxHouseholds} households`;
    zh.push(`${range} ${yuan(band.monthlyRateFen)} 元/月`);
    en.push(`${rangeEn}: ${yuan(band.monthlyRateFen)} yuan/month`);
    if (band.maxHouseholds !== null) from = band.maxHouseholds + 1;
  }
  return { zh: zh.join('；'), en: en.join('; ') };
}

/**
 * DEMO DATA ONLY: the seeds name 呈社建办通〔2020〕6号 but print no figure, so the demo programme
 * uses these illustrative bands (演示), which a district replaces with its own table.
 */
export const DEMO_BUILDING_LEADER_RATES: BuildingLeaderRateTable = {
  basis: 'household_band',
  bands: [
    { maxHouseholds: 60, monthlyRateFen: 10_000 },
    { maxHouseholds: 120, monthlyRateFen: 15_000 },
    { maxHouseholds: null, monthlyRateFen: 20_000 },
  ],
};
