import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OrgUnitKind, OrgUnitView } from '@xiaoshi/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { OrgUnit } from './org-unit.entity.js';

export interface OrgUnitRow {
  id: number;
  kind: OrgUnitKind;
  name: string;
  code: string | null;
  parent_id: number | null;
  organisation_type: OrgUnitView['organisationType'];
  credit_code: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  active: boolean;
  version: number;
  child_count: number;
}

export interface PartnerRow {
  id: number;
  name: string;
  organisation_type: OrgUnitView['organisationType'];
}

const VIEW_COLUMNS = `u.id, u.kind, u.name, u.code, u.parent_id, u.organisation_type, u.credit_code,
  u.contact_name, u.contact_phone, u.active, u.version,
  (SELECT count(*)::int FROM org_unit c WHERE c.parent_id = u.id) AS child_count`;

export interface OrgUnitFilters {
  cursor?: number;
  parentId?: number;
  kind?: OrgUnitKind;
  q?: string;
  limit: number;
}

/** The org_unit table (区 → 街道 → 社区, external organisations): written here and nowhere else. */
@Injectable()
export class OrgsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Units in the subtree of `rootId`, by id, one more than `limit` (to tell whether a page follows). */
  subtree(rootId: number, filters: OrgUnitFilters): Promise<OrgUnitRow[]> {
    const params: unknown[] = [rootId];
    const conditions = [`(u.id = $1 OR u.ancestor_ids @> ARRAY[$1::int])`];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      conditions.push(sql.replaceAll('?', `$${params.length}`));
    };
    if (filters.cursor) add('u.id > ?', filters.cursor);
    if (filters.parentId) add('u.parent_id = ?', filters.parentId);
    if (filters.kind) add('u.kind = ?', filters.kind);
    if (filters.q) add(`u.name ILIKE ?`, `%${filters.q.replace(/[%_\\]/g, '\\$&')}%`);
    params.push(filters.limit + 1);
    return this.dataSource.query(
      `SELECT ${VIEW_COLUMNS} FROM org_unit u WHERE ${conditions.join(' AND ')} ORDER BY u.id LIMIT $${params.length}`,
      params,
    );
  }

  /** Active external organisations registered with the district of `unitId`. */
  partnersOfDistrictOf(unitId: number): Promise<PartnerRow[]> {
    return this.dataSource.query(
      `SELECT o.id, o.name, o.organisation_type FROM org_unit o
       WHERE o.kind = 'organisation' AND o.active
         AND o.parent_id = (SELECT d.id FROM org_unit u JOIN org_unit d ON d.kind = 'district' AND (d.id = u.id OR d.id = ANY(u.ancestor_ids))
                            WHERE u.id = $1)
       ORDER BY o.name`,
      [unitId],
    );
  }

  /** Districts in the subtree of `rootId` (the root itself when it is one), by name: one GIN-indexed read. */
  districtsUnder(rootId: number): Promise<Array<{ id: number; name: string; parent_id: number | null }>> {
    return this.dataSource.query(
      `SELECT u.id, u.name, u.parent_id FROM org_unit u
       WHERE u.kind = 'district' AND (u.id = $1 OR u.ancestor_ids @> ARRAY[$1::int])
       ORDER BY u.code NULLS LAST, u.id`,
      [rootId],
    );
  }

  /** The district among the ancestors of a street, community or organisation (null above districts). */
  async districtAbove(id: number, manager?: EntityManager): Promise<number | null> {
    const [row]: Array<{ id: number }> = await (manager ?? this.dataSource.manager).query(
      `SELECT d.id FROM org_unit u JOIN org_unit d ON d.kind = 'district' AND d.id = ANY(u.ancestor_ids) WHERE u.id = $1`,
      [id],
    );
    return row?.id ?? null;
  }

  async row(id: number): Promise<OrgUnitRow | null> {
    const [row]: OrgUnitRow[] = await this.dataSource.query(`SELECT ${VIEW_COLUMNS} FROM org_unit u WHERE u.id = $1`, [id]);
    return row ?? null;
  }

  unit(id: number, manager?: EntityManager, lock = false): Promise<OrgUnit | null> {
    return (manager ?? this.dataSource.manager).findOne(OrgUnit, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  nameTaken(manager: EntityManager, parentId: number, name: string): Promise<boolean> {
    return manager.existsBy(OrgUnit, { parentId, name });
  }

  codeTaken(manager: EntityManager, code: string): Promise<boolean> {
    return manager.existsBy(OrgUnit, { code });
  }

  insert(manager: EntityManager, fields: Partial<OrgUnit>): Promise<OrgUnit> {
    return manager.save(manager.create(OrgUnit, fields));
  }

  async save(manager: EntityManager, unit: OrgUnit): Promise<void> {
    await manager.save(unit);
  }
}
