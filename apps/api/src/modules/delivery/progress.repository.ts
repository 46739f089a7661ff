import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ProgressReportView } from '@xiaoshi/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { ProgressReport, ProjectPhoto } from './delivery.entities.js';

interface ProgressReportRow {
  id: number;
  period: string;
  text: string;
  percent_complete: number;
  midterm: boolean;
  created_at: Date;
  author: string;
  photos: Array<{ id: number; name: string }>;
}

/** A stored photo of the project, for its dossier. */
export interface ProjectPhotoFile {
  id: number;
  type: 'progress_photo' | 'inspection_photo';
  originalName: string;
  storageKey: string;
  progressReportId: number | null;
  inspectionId: number | null;
}

export type NewPhoto = Omit<ProjectPhoto, 'id' | 'createdAt' | 'project' | 'progressReport' | 'inspection'>;

/** Progress reports and project photos (delivery's tables). */
@Injectable()
export class ProgressRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async reports(projectId: number): Promise<ProgressReportView[]> {
    const rows: ProgressReportRow[] = await this.dataSource.query(
      `SELECT r.id, r.period, r.text, r.percent_complete, r.midterm, r.created_at, u.display_name AS author,
              coalesce((SELECT json_agg(json_build_object('id', ph.id, 'name', ph.original_name) ORDER BY ph.id) FROM project_photo ph WHERE ph.progress_report_id = r.id), '[]') AS photos
       FROM progress_report r JOIN app_user u ON u.id = r.created_by_user_id WHERE r.project_id = $1 ORDER BY r.id DESC`,
      [projectId],
    );
    return rows.map((row) => ({
      id: row.id,
      period: row.period,
      text: row.text,
      percentComplete: row.percent_complete,
      midterm: row.midterm,
      author: row.author,
      photos: row.photos,
      createdAt: row.created_at.toISOString(),
    }));
  }

  async insertReport(
    manager: EntityManager,
    values: Pick<ProgressReport, 'projectId' | 'period' | 'text' | 'percentComplete' | 'midterm' | 'createdByUserId'>,
  ): Promise<ProgressReport> {
    return manager.save(manager.create(ProgressReport, values));
  }

  findReport(id: number): Promise<ProgressReport | null> {
    return this.dataSource.manager.findOneBy(ProgressReport, { id });
  }

  insertPhoto(manager: EntityManager, values: NewPhoto): Promise<ProjectPhoto> {
    return manager.save(manager.create(ProjectPhoto, values));
  }

  findPhoto(id: number): Promise<ProjectPhoto | null> {
    return this.dataSource.manager.findOneBy(ProjectPhoto, { id });
  }

  async photosOfProject(projectId: number): Promise<ProjectPhotoFile[]> {
    const rows: Array<{
      id: number;
      type: 'progress_photo' | 'inspection_photo';
      original_name: string;
      storage_key: string;
      progress_report_id: number | null;
      inspection_id: number | null;
    }> = await this.dataSource.query(
      `SELECT id, type, original_name, storage_key, progress_report_id, inspection_id FROM project_photo WHERE project_id = $1 ORDER BY id`,
      [projectId],
    );
    return rows.map((row) => ({
      id: row.id,
      type: row.type,
      originalName: row.original_name,
      storageKey: row.storage_key,
      progressReportId: row.progress_report_id,
      inspectionId: row.inspection_id,
    }));
  }
}
