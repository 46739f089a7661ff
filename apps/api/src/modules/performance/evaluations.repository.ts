import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  PerformanceDeviationNote,
  PerformanceEvaluation,
  PerformanceStreetReport,
  type StreetReportStatus,
} from './performance.entities.js';

export interface NoteRow {
  unit_id: number;
  unit_name: string;
  indicator_key: string;
  text: string;
  updated_at: Date;
}

export interface StreetReportRow {
  id: number;
  street_id: number;
  street_name: string;
  status: StreetReportStatus;
  figures: PerformanceStreetReport['figures'];
  submitted_by: string;
  submitted_at: Date;
  audited_by: string | null;
  audited_at: Date | null;
  return_reason: string | null;
}

/** The self-evaluation of a table: its state, deviation notes and street reports. */
@Injectable()
export class EvaluationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  evaluation(manager: EntityManager, tableId: number, lock = false): Promise<PerformanceEvaluation | null> {
    return manager.findOne(PerformanceEvaluation, {
      where: { tableId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  evaluationById(manager: EntityManager, id: number): Promise<PerformanceEvaluation | null> {
    return manager.findOne(PerformanceEvaluation, { where: { id } });
  }

  /** The table's evaluation, created open on first use, locked for the caller's transaction. */
  async openEvaluation(manager: EntityManager, tableId: number): Promise<PerformanceEvaluation> {
    await manager.query(
      `INSERT INTO performance_evaluation (table_id, status, version) VALUES ($1, 'open', 1)
       ON CONFLICT (table_id) DO NOTHING`,
      [tableId],
    );
    return (await this.evaluation(manager, tableId, true))!;
  }

  saveEvaluation(manager: EntityManager, evaluation: PerformanceEvaluation): Promise<PerformanceEvaluation> {
    return manager.save(evaluation);
  }

  notes(evaluationId: number, unitIds?: readonly number[]): Promise<NoteRow[]> {
    return this.dataSource.query(
      `SELECT n.unit_id, u.name AS unit_name, n.indicator_key, n.text, n.updated_at
       FROM performance_deviation_note n JOIN org_unit u ON u.id = n.unit_id
       WHERE n.evaluation_id = $1 AND ($2::int[] IS NULL OR n.unit_id = ANY($2::int[]))
       ORDER BY u.id, n.indicator_key`,
      [evaluationId, unitIds ? [...unitIds] : null],
    );
  }

  /** Writes (or, for an empty text, removes) a unit's note on an indicator. */
  async setNote(
    manager: EntityManager,
    note: { evaluationId: number; unitId: number; indicatorKey: string; text: string; userId: number },
  ): Promise<void> {
    if (note.text.trim() === '') {
      await manager.delete(PerformanceDeviationNote, {
        evaluationId: note.evaluationId,
        unitId: note.unitId,
        indicatorKey: note.indicatorKey,
      });
      return;
    }
    await manager.query(
      `INSERT INTO performance_deviation_note (evaluation_id, unit_id, indicator_key, text, updated_by_user_id)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (evaluation_id, unit_id, indicator_key)
       DO UPDATE SET text = EXCLUDED.text, updated_by_user_id = EXCLUDED.updated_by_user_id, updated_at = now()`,
      [note.evaluationId, note.unitId, note.indicatorKey, note.text, note.userId],
    );
  }

  streetReports(evaluationId: number, streetId?: number): Promise<StreetReportRow[]> {
    return this.dataSource.query(
      `SELECT r.id, r.street_id, s.name AS street_name, r.status, r.figures, r.submitted_at, r.audited_at,
              r.return_reason, su.display_name AS submitted_by, au.display_name AS audited_by
       FROM performance_street_report r JOIN org_unit s ON s.id = r.street_id
       JOIN app_user su ON su.id = r.submitted_by_user_id LEFT JOIN app_user au ON au.id = r.audited_by_user_id
       WHERE r.evaluation_id = $1 AND ($2::int IS NULL OR r.street_id = $2) ORDER BY s.id`,
      [evaluationId, streetId ?? null],
    );
  }

  streetReport(manager: EntityManager, id: number): Promise<PerformanceStreetReport | null> {
    return manager.findOne(PerformanceStreetReport, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  streetReportOf(manager: EntityManager, evaluationId: number, streetId: number) {
    return manager.findOne(PerformanceStreetReport, {
      where: { evaluationId, streetId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  saveStreetReport(
    manager: EntityManager,
    report: Omit<
      PerformanceStreetReport,
      'id' | 'version' | 'evaluation' | 'street' | 'submittedBy' | 'auditedBy'
    > &
      Partial<Pick<PerformanceStreetReport, 'id' | 'version'>>,
  ): Promise<PerformanceStreetReport> {
    return manager.save(manager.create(PerformanceStreetReport, report));
  }

  updateStreetReport(
    manager: EntityManager,
    report: PerformanceStreetReport,
  ): Promise<PerformanceStreetReport> {
    return manager.save(report);
  }
}
