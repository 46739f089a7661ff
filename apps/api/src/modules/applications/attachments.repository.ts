import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Attachment } from './attachment.entity.js';

/** An attachment as the application view, reviewers and dossiers list it. */
export interface AttachmentRow {
  id: number;
  type: string;
  originalName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  createdAt: Date;
}

/** The attachment table (the files of applications; the bytes are in the FileStore). */
@Injectable()
export class AttachmentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async ofApplication(applicationId: number, manager?: EntityManager): Promise<AttachmentRow[]> {
    const rows = await (manager ?? this.dataSource.manager).find(Attachment, {
      where: { applicationId },
      order: { id: 'ASC' },
    });
    return rows.map((row) => ({
      id: row.id,
      type: row.type,
      originalName: row.originalName,
      mimeType: row.mimeType,
      sizeBytes: row.sizeBytes,
      sha256: row.sha256.trim(),
      storageKey: row.storageKey,
      createdAt: row.createdAt,
    }));
  }

  async typesPresent(manager: EntityManager, applicationId: number): Promise<string[]> {
    const rows: Array<{ type: string }> = await manager.query(
      `SELECT DISTINCT type FROM attachment WHERE application_id = $1`,
      [applicationId],
    );
    return rows.map((row) => row.type);
  }

  find(applicationId: number, id: number, manager?: EntityManager): Promise<Attachment | null> {
    return (manager ?? this.dataSource.manager).findOneBy(Attachment, { id, applicationId });
  }

  insert(manager: EntityManager, fields: Partial<Attachment>): Promise<Attachment> {
    return manager.save(manager.create(Attachment, fields));
  }

  async remove(manager: EntityManager, id: number): Promise<void> {
    await manager.delete(Attachment, { id });
  }
}
