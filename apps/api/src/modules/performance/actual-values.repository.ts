import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { QualitativeBandKey } from '@xiaoshi/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { PerformanceEvidence, PerformanceManualValue } from './performance.entities.js';

export interface ManualValueRow {
  id: number;
  indicator_key: string;
  value: string | null;
  band: QualitativeBandKey | null;
  band_fraction: string | null;
  note: string;
  evidence_id: number;
  evidence_name: string;
  evidence_size: number;
  entered_by_user_id: number;
  entered_by: string;
  created_at: Date;
}

const MANUAL_VALUE_COLUMNS = `m.id, m.indicator_key, m.value, m.band, m.band_fraction, m.note, m.evidence_id,
  e.original_name AS evidence_name, e.size_bytes AS evidence_size, m.entered_by_user_id,
  u.display_name AS entered_by, m.created_at`;
const MANUAL_VALUE_JOINS = `FROM performance_manual_value m
  JOIN performance_evidence e ON e.id = m.evidence_id
  JOIN app_user u ON u.id = m.entered_by_user_id`;

export type NewEvidence = Omit<PerformanceEvidence, 'id' | 'createdAt' | 'table' | 'uploadedBy'>;
export type NewManualValue = Omit<
  PerformanceManualValue,
  'id' | 'createdAt' | 'table' | 'evidence' | 'enteredBy'
>;

/** Evidence files and hand-entered values (append-only). */
@Injectable()
export class ActualValuesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  insertEvidence(manager: EntityManager, evidence: NewEvidence): Promise<PerformanceEvidence> {
    return manager.save(manager.create(PerformanceEvidence, evidence));
  }

  evidence(
    id: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<PerformanceEvidence | null> {
    return manager.findOne(PerformanceEvidence, { where: { id } });
  }

  insertManualValue(manager: EntityManager, value: NewManualValue): Promise<PerformanceManualValue> {
    return manager.save(manager.create(PerformanceManualValue, value));
  }

  /** The latest entry of every indicator of the table. */
  latestManualValues(tableId: number): Promise<ManualValueRow[]> {
    return this.dataSource.query(
      `SELECT DISTINCT ON (m.indicator_key) ${MANUAL_VALUE_COLUMNS} ${MANUAL_VALUE_JOINS}
       WHERE m.table_id = $1 ORDER BY m.indicator_key, m.id DESC`,
      [tableId],
    );
  }

  manualValueHistory(tableId: number, indicatorKey: string): Promise<ManualValueRow[]> {
    return this.dataSource.query(
      `SELECT ${MANUAL_VALUE_COLUMNS} ${MANUAL_VALUE_JOINS}
       WHERE m.table_id = $1 AND m.indicator_key = $2 ORDER BY m.id DESC LIMIT 100`,
      [tableId, indicatorKey],
    );
  }
}
