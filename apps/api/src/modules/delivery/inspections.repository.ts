import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Role } from '@xiaoshi/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { Inspection, InspectionInspector, type InspectionStatus } from './delivery.entities.js';

/** A user proposed as an inspector of a project, with what the conflict rules look at. */
export interface InspectorCandidate {
  id: number;
  displayName: string;
  unitId: number;
  roles: Role[];
  active: boolean;
  /** The recorded conflict of interest with this project, if any. */
  conflict: string | null;
}

export interface NewInspection {
  projectId: number;
  kind: 'acceptance' | 'supervision';
  round: number;
  status: InspectionStatus;
  checklist: Array<{ key: string; zh: string; en: string }>;
  assignedByUserId: number;
  inspectorUserIds: number[];
}

/** Inspection rounds, their inspectors and declared conflicts (delivery's tables). */
@Injectable()
export class InspectionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  find(manager: EntityManager, id: number, lock = false): Promise<Inspection | null> {
    return manager.findOne(Inspection, { where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  async isAssigned(manager: EntityManager, inspectionId: number, userId: number): Promise<boolean> {
    return (await manager.findOneBy(InspectionInspector, { inspectionId, userId })) !== null;
  }

  save(manager: EntityManager, inspection: Inspection): Promise<Inspection> {
    return manager.save(inspection);
  }

  async idsOfProject(projectId: number): Promise<number[]> {
    const rows: Array<{ id: number }> = await this.dataSource.query(
      `SELECT id FROM inspection WHERE project_id = $1 ORDER BY id`,
      [projectId],
    );
    return rows.map((row) => row.id);
  }

  async inspectors(inspectionId: number): Promise<Array<{ id: number; name: string }>> {
    const rows: Array<{ id: number; display_name: string }> = await this.dataSource.query(
      `SELECT u.id, u.display_name FROM inspection_inspector ii JOIN app_user u ON u.id = ii.user_id WHERE ii.inspection_id = $1 ORDER BY u.id`,
      [inspectionId],
    );
    return rows.map((row) => ({ id: row.id, name: row.display_name }));
  }

  async photos(inspectionId: number): Promise<Array<{ id: number; name: string }>> {
    const rows: Array<{ id: number; original_name: string }> = await this.dataSource.query(
      `SELECT id, original_name FROM project_photo WHERE inspection_id = $1 ORDER BY id`,
      [inspectionId],
    );
    return rows.map((row) => ({ id: row.id, name: row.original_name }));
  }

  /** Records (or restates) a declared conflict; a missing user fails on the foreign key. */
  async upsertConflict(manager: EntityManager, projectId: number, userId: number, reason: string): Promise<void> {
    await manager.query(
      `INSERT INTO inspector_conflict (project_id, user_id, reason, created_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (project_id, user_id) DO UPDATE SET reason = EXCLUDED.reason`,
      [projectId, userId, reason],
    );
  }

  async candidates(manager: EntityManager, userIds: readonly number[], projectId: number): Promise<InspectorCandidate[]> {
    const rows: Array<{
      id: number;
      display_name: string;
      unit_id: number;
      roles: Role[];
      active: boolean;
      conflict: string | null;
    }> = await manager.query(
      `SELECT u.id, u.display_name, u.unit_id, u.roles, u.active,
              (SELECT c.reason FROM inspector_conflict c WHERE c.project_id = $2 AND c.user_id = u.id) AS conflict
       FROM app_user u WHERE u.id = ANY($1::int[])`,
      [userIds, projectId],
    );
    return rows.map((row) => ({
      id: row.id,
      displayName: row.display_name,
      unitId: row.unit_id,
      roles: row.roles,
      active: row.active,
      conflict: row.conflict,
    }));
  }

  async nextRound(manager: EntityManager, projectId: number, kind: 'acceptance' | 'supervision'): Promise<number> {
    const [{ round }]: Array<{ round: number }> = await manager.query(
      `SELECT coalesce(max(round), 0)::int + 1 AS round FROM inspection WHERE project_id = $1 AND kind = $2`,
      [projectId, kind],
    );
    return round;
  }

  /** A new round with its inspectors. */
  async create(manager: EntityManager, values: NewInspection): Promise<Inspection> {
    const { inspectorUserIds, ...row } = values;
    const inspection = await manager.save(manager.create(Inspection, row));
    await manager.insert(
      InspectionInspector,
      inspectorUserIds.map((userId) => ({ inspectionId: inspection.id, userId })),
    );
    return inspection;
  }
}
