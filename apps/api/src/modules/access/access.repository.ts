import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/** The scope checks' two set-wise counts (reads only; the access module owns no table). */
@Injectable()
export class AccessRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** How many of `unitIds` are `rootId` or lie under it. */
  async unitsInSubtree(unitIds: readonly number[], rootId: number, manager?: EntityManager): Promise<number> {
    const [{ reachable }]: Array<{ reachable: number }> = await (manager ?? this.dataSource.manager).query(
      `SELECT count(*)::int AS reachable FROM org_unit
       WHERE id = ANY($1::int[]) AND (id = $2 OR ancestor_ids @> ARRAY[$2::int])`,
      [unitIds, rootId],
    );
    return reachable;
  }

  /**
   * How many rows of `table` with these ids satisfy `scope` (SQL over row.<unit column> with $2 the
   * user's unit). `table` and `scope` come from code, never from a request.
   */
  async rowsInScope(table: string, ids: readonly number[], scope: string, unitId: number, manager?: EntityManager): Promise<number> {
    const [{ reachable }]: Array<{ reachable: number }> = await (manager ?? this.dataSource.manager).query(
      `SELECT count(*)::int AS reachable FROM ${table} row WHERE row.id = ANY($1::int[]) AND ${scope}`,
      [ids, unitId],
    );
    return reachable;
  }
}
