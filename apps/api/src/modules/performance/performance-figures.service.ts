import { Injectable } from '@nestjs/common';
import { TableFigures } from './table-figures.service.js';
import { TargetTablesRepository } from './target-tables.repository.js';

export interface DistrictIndicators {
  /** Tables of the year with an approved version (the ones that count). */
  tables: number;
  /** Indicators whose target is met, over all indicators of those tables. */
  met: number;
  total: number;
}

/**
 * The performance module's published figures for the roll-ups (issue 13 §6): per district, how many
 * targets of its approved tables are met — the same live figures its own performance page shows
 * (district scope, approved version). A district has a table or two a year, so this is a handful of
 * metric reads per district.
 */
@Injectable()
export class PerformanceFiguresService {
  constructor(
    private readonly repository: TargetTablesRepository,
    private readonly figures: TableFigures,
  ) {}

  async indicatorsByDistrict(year: number, districtIds: readonly number[]): Promise<Map<number, DistrictIndicators>> {
    const result = new Map<number, DistrictIndicators>();
    const tables = await this.repository.tablesOfUnits(year, districtIds);
    const lines = await this.repository.lines(tables.map((table) => table.id));
    for (const table of tables) {
      const version = await this.repository.versionWithStatus(this.repository.manager, table.id, 'approved');
      if (!version) continue;
      const computed = await this.figures.compute(
        { table, lines: lines.filter((line) => line.tableId === table.id) },
        { unitId: table.unitId, unitName: '', kind: 'district' },
        version,
      );
      const tally = result.get(table.unitId) ?? { tables: 0, met: 0, total: 0 };
      tally.tables += 1;
      tally.met += computed.actuals.filter((actual) => actual.met === true).length;
      tally.total += computed.actuals.length;
      result.set(table.unitId, tally);
    }
    return result;
  }
}
