import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Not, type DataSource, type EntityManager } from 'typeorm';
import { ExportJob } from './export-job.entity.js';

/** The export_job table: written here and nowhere else. */
@Injectable()
export class ExportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  insert(manager: EntityManager, fields: Partial<ExportJob>): Promise<ExportJob> {
    return manager.save(manager.create(ExportJob, fields));
  }

  find(id: number): Promise<ExportJob | null> {
    return this.dataSource.manager.findOneBy(ExportJob, { id });
  }

  findOwn(id: number, userId: number): Promise<ExportJob | null> {
    return this.dataSource.manager.findOneBy(ExportJob, { id, requestedByUserId: userId });
  }

  /** Updates a job unless it is already done (only the first run to finish marks it done). */
  async updateUnfinished(
    id: number,
    fields: Partial<Pick<ExportJob, 'status' | 'storageKey' | 'rowCount' | 'error' | 'fileName' | 'finishedAt'>>,
  ): Promise<void> {
    await this.dataSource.manager.update(ExportJob, { id, status: Not('done' as const) }, fields);
  }
}
