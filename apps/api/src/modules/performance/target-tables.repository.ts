import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TableVersionStatusKey } from '@xiaoshi/contracts';
import { In, type DataSource, type EntityManager } from 'typeorm';
import {
  PerformanceIndicator,
  PerformanceTable,
  PerformanceTableLine,
  PerformanceTableVersion,
} from './performance.entities.js';

/** SQL condition, from the access helper, that keeps rows whose unit column the viewer may read. */
export type ScopeCondition = (column: string, parameterIndex: number) => string;

export interface VersionSummaryRow {
  id: number;
  table_id: number;
  number: number;
  status: TableVersionStatusKey;
  change_note: string | null;
  created_by: string | null;
  created_at: Date;
  approved_by: string | null;
  approved_at: Date | null;
}

export type NewIndicator = Omit<PerformanceIndicator, 'id' | 'tableVersion'>;
export type NewTable = Omit<
  PerformanceTable,
  'id' | 'version' | 'createdAt' | 'updatedAt' | 'unit' | 'programme'
>;
export type NewVersion = Omit<
  PerformanceTableVersion,
  'id' | 'version' | 'createdAt' | 'table' | 'createdBy' | 'approvedBy'
>;

/** Target tables, the lines they answer for, their versions and indicators. */
@Injectable()
export class TargetTablesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  async reachableIds(
    unitId: number,
    scope: ScopeCondition,
    filter: { id?: number; year?: number },
  ): Promise<number[]> {
    const rows: Array<{ id: number }> = await this.dataSource.query(
      `SELECT t.id FROM performance_table t
       WHERE ${scope('t.unit_id', 1)} AND ($2::int IS NULL OR t.id = $2) AND ($3::int IS NULL OR t.year = $3)
       ORDER BY t.year DESC, t.id`,
      [unitId, filter.id ?? null, filter.year ?? null],
    );
    return rows.map((row) => row.id);
  }

  /** Roll-ups (issue 13 §6): the year's tables owned by these districts. */
  tablesOfUnits(year: number, unitIds: readonly number[]): Promise<PerformanceTable[]> {
    return unitIds.length
      ? this.dataSource.manager.find(PerformanceTable, { where: { unitId: In([...unitIds]), year }, order: { id: 'ASC' } })
      : Promise.resolve([]);
  }

  tables(ids: readonly number[]): Promise<PerformanceTable[]> {
    return ids.length
      ? this.dataSource.manager.findBy(PerformanceTable, { id: In([...ids]) })
      : Promise.resolve([]);
  }

  table(manager: EntityManager, id: number, lock = false): Promise<PerformanceTable | null> {
    return manager.findOne(PerformanceTable, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  lines(tableIds: readonly number[]): Promise<PerformanceTableLine[]> {
    if (!tableIds.length) return Promise.resolve([]);
    return this.dataSource.manager.find(PerformanceTableLine, {
      where: { tableId: In([...tableIds]) },
      order: { tableId: 'ASC', position: 'ASC' },
    });
  }

  versionSummaries(tableIds: readonly number[]): Promise<VersionSummaryRow[]> {
    if (!tableIds.length) return Promise.resolve([]);
    return this.dataSource.query(
      `SELECT v.id, v.table_id, v.number, v.status, v.change_note, v.created_at, v.approved_at,
              cu.display_name AS created_by, au.display_name AS approved_by
       FROM performance_table_version v
       LEFT JOIN app_user cu ON cu.id = v.created_by_user_id
       LEFT JOIN app_user au ON au.id = v.approved_by_user_id
       WHERE v.table_id = ANY($1::int[]) ORDER BY v.table_id, v.number DESC`,
      [tableIds],
    );
  }

  version(manager: EntityManager, id: number, lock = false): Promise<PerformanceTableVersion | null> {
    return manager.findOne(PerformanceTableVersion, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  versionWithStatus(
    manager: EntityManager,
    tableId: number,
    status: 'draft' | 'approved',
  ): Promise<PerformanceTableVersion | null> {
    return manager.findOne(PerformanceTableVersion, { where: { tableId, status } });
  }

  async nextNumber(manager: EntityManager, tableId: number): Promise<number> {
    const [{ next }]: Array<{ next: number }> = await manager.query(
      `SELECT coalesce(max(number), 0)::int + 1 AS next FROM performance_table_version WHERE table_id = $1`,
      [tableId],
    );
    return next;
  }

  indicators(manager: EntityManager, versionId: number): Promise<PerformanceIndicator[]> {
    return manager.find(PerformanceIndicator, { where: { versionId }, order: { position: 'ASC' } });
  }

  indicator(id: number): Promise<PerformanceIndicator | null> {
    return this.dataSource.manager.findOne(PerformanceIndicator, { where: { id } });
  }

  insertTable(manager: EntityManager, table: NewTable): Promise<PerformanceTable> {
    return manager.save(manager.create(PerformanceTable, table));
  }

  async insertLines(
    manager: EntityManager,
    lines: ReadonlyArray<Omit<PerformanceTableLine, 'table' | 'budgetLine'>>,
  ) {
    await manager.insert(PerformanceTableLine, [...lines]);
  }

  insertVersion(manager: EntityManager, version: NewVersion): Promise<PerformanceTableVersion> {
    return manager.save(manager.create(PerformanceTableVersion, version));
  }

  saveVersion(manager: EntityManager, version: PerformanceTableVersion): Promise<PerformanceTableVersion> {
    return manager.save(version);
  }

  /** The approved version of the table, if any, becomes superseded. */
  async supersedeApproved(manager: EntityManager, tableId: number): Promise<void> {
    await manager.update(PerformanceTableVersion, { tableId, status: 'approved' }, { status: 'superseded' });
  }

  async replaceIndicators(manager: EntityManager, versionId: number, indicators: readonly NewIndicator[]) {
    await manager.delete(PerformanceIndicator, { versionId });
    if (indicators.length) await manager.insert(PerformanceIndicator, [...indicators]);
  }
}
