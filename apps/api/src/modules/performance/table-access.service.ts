import { Injectable } from '@nestjs/common';
import { DomainError, type Permission } from '@xiaoshi/contracts';
import type { AuthUser } from '../../common/actor.js';
import { AccessService } from '../access/access.service.js';
import type { MetricContext } from './metric-catalogue.service.js';
import type { PerformanceTable, PerformanceTableLine } from './performance.entities.js';
import { TargetTablesRepository, type ScopeCondition } from './target-tables.repository.js';

export interface ViewScope {
  unitId: number;
  unitName: string;
  kind: 'district' | 'street';
}

export interface ReachableTable {
  table: PerformanceTable;
  lines: PerformanceTableLine[];
}

/**
 * Who may see a table and whose figures they see. A table belongs to a district: its own users
 * (admin, finance, auditor) read the district's figures; a street officer reads the same table
 * with the figures of the street's subtree only — never another street's part. Ids out of reach
 * answer 404.
 */
@Injectable()
export class TableAccess {
  constructor(
    private readonly access: AccessService,
    private readonly repository: TargetTablesRepository,
  ) {}

  scopeCondition(user: AuthUser): ScopeCondition {
    return (column, index) =>
      `(${this.access.unitScopeCondition(user, column, index)} OR ${this.access.ancestorScopeCondition(column, index)})`;
  }

  async reachableIds(user: AuthUser, permission: Permission, year?: number): Promise<number[]> {
    this.access.requirePermission(user, permission);
    return this.repository.reachableIds(user.unit.id, this.scopeCondition(user), { year });
  }

  async reachable(user: AuthUser, tableId: number, permission: Permission): Promise<ReachableTable> {
    this.access.requirePermission(user, permission);
    const [id] = await this.repository.reachableIds(user.unit.id, this.scopeCondition(user), { id: tableId });
    const table = id ? await this.repository.table(this.repository.manager, id) : null;
    if (!table) throw new DomainError('NOT_FOUND');
    return { table, lines: await this.repository.lines([id]) };
  }

  /** The district's figures for district-level users, the street's own for a street officer. */
  viewScope(user: AuthUser, table: PerformanceTable): ViewScope {
    if (user.unit.kind === 'district' || user.unit.id === table.unitId) {
      return { unitId: table.unitId, unitName: user.unit.name, kind: 'district' };
    }
    return { unitId: user.unit.id, unitName: user.unit.name, kind: 'street' };
  }

  /** Only district-level users act for the table (configure it, enter values, submit). */
  requireDistrict(user: AuthUser, table: PerformanceTable): void {
    if (this.viewScope(user, table).kind !== 'district') throw new DomainError('FORBIDDEN');
  }

  context(table: PerformanceTable, lines: readonly PerformanceTableLine[], unitId: number): MetricContext {
    return {
      year: table.year,
      unitId,
      lines: lines.map((line) => ({ id: line.budgetLineId, name: line.name })),
    };
  }
}
