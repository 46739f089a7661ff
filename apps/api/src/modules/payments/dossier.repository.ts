import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** An application's attachment as stored. */
export interface StoredAttachment {
  id: number;
  type: string;
  originalName: string;
  storageKey: string;
}

/**
 * Read-only: the application's attachments for the project dossier (the applications module's
 * table; whoever may read the project gets its 申报材料 in the dossier).
 */
@Injectable()
export class DossierRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async attachments(applicationId: number): Promise<StoredAttachment[]> {
    const rows: Array<{ id: number; type: string; original_name: string; storage_key: string }> = await this.dataSource.query(
      `SELECT id, type, original_name, storage_key FROM attachment WHERE application_id = $1 ORDER BY id`,
      [applicationId],
    );
    return rows.map((row) => ({ id: row.id, type: row.type, originalName: row.original_name, storageKey: row.storage_key }));
  }
}
