import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export interface UnreportedProjectRow {
  id: number;
  title: string;
  street_id: number;
  community_id: number;
}

export interface AssignedInspectionRow {
  id: number;
  project_id: number;
  project_title: string;
  kind: string;
  round: number;
  assigned_on: string;
  inspector_user_ids: number[];
}

/** Read-only queries behind the delivery reminders (delivery.reminders.ts). */
@Injectable()
export class DeliveryRemindersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Projects under way with no progress report for the month `period` ('YYYY-MM'). */
  unreportedProjects(period: string): Promise<UnreportedProjectRow[]> {
    return this.dataSource.query(
      `SELECT p.id, p.title, p.street_id, p.community_id FROM project p
       WHERE p.status IN ('in_progress', 'rectification')
         AND NOT EXISTS (SELECT 1 FROM progress_report r WHERE r.project_id = p.id AND r.period = $1)
       ORDER BY p.id`,
      [period],
    );
  }

  /** Inspections assigned and not yet recorded, with their inspectors. */
  assignedInspections(): Promise<AssignedInspectionRow[]> {
    return this.dataSource.query(
      `SELECT i.id, i.project_id, p.title AS project_title, i.kind, i.round,
              (i.created_at AT TIME ZONE 'Asia/Shanghai')::date::text AS assigned_on,
              array_agg(ii.user_id ORDER BY ii.user_id) AS inspector_user_ids
       FROM inspection i JOIN project p ON p.id = i.project_id JOIN inspection_inspector ii ON ii.inspection_id = i.id
       WHERE i.status = 'assigned'
       GROUP BY i.id, p.title
       ORDER BY i.id`,
    );
  }
}
