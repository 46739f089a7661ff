import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { CostItemData } from './application.entity.js';

/** What another module needs to know about an application to act on it: no contact data. */
export interface ApplicationFact {
  id: number;
  competitionId: number;
  status: string;
  title: string;
  /** The competition category's key, e.g. 'livelihood_small'. */
  categoryKey: string;
  beneficiariesCount: number;
  requestedSubsidyFen: number;
  submittedAt: Date | null;
}

interface ApplicationFactRow {
  id: number;
  competition_id: number;
  status: string;
  title: string;
  category_key: string;
  beneficiaries_count: number;
  requested_subsidy_fen: string;
  submitted_at: Date | null;
}

/** The content of an application as a reviewer reads it (names resolved, no contact data). */
export interface ApplicationContent {
  id: number;
  title: string;
  category: string;
  street: string;
  community: string;
  summary: string;
  plan: string;
  location: string;
  beneficiariesCount: number;
  beneficiariesDescription: string;
  startDate: string;
  endDate: string;
  totalCostFen: number;
  requestedSubsidyFen: number;
  costItems: CostItemData[];
  attachments: Array<{ id: number; type: string; originalName: string }>;
}

interface ApplicationContentRow {
  id: number;
  title: string;
  category: string;
  street: string;
  community: string;
  summary: string;
  plan: string;
  location: string;
  beneficiaries_count: number;
  beneficiaries_description: string;
  start_date: string;
  end_date: string;
  total_cost_fen: string;
  requested_subsidy_fen: string;
  cost_items: CostItemData[];
}

/** Where an attachment's bytes are and how to send them. */
export interface StoredAttachment {
  storageKey: string;
  originalName: string;
  mimeType: string;
  sha256: string;
}

const FACT_COLUMNS = `a.id, a.competition_id, a.status, a.title, cat.key AS category_key, a.beneficiaries_count,
  a.requested_subsidy_fen, a.submitted_at`;

function toFact(row: ApplicationFactRow): ApplicationFact {
  return {
    id: row.id,
    competitionId: row.competition_id,
    status: row.status,
    title: row.title,
    categoryKey: row.category_key,
    beneficiariesCount: row.beneficiaries_count,
    requestedSubsidyFen: Number(row.requested_subsidy_fen),
    submittedAt: row.submitted_at,
  };
}

/** Read-only facts of applications for the modules downstream (reviews, …). */
@Injectable()
export class ApplicationFactsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async byIds(manager: EntityManager | undefined, ids: readonly number[]): Promise<ApplicationFact[]> {
    const rows: ApplicationFactRow[] = await (manager ?? this.dataSource.manager).query(
      `SELECT ${FACT_COLUMNS} FROM application a JOIN competition_category cat ON cat.id = a.category_id
       WHERE a.id = ANY($1::int[]) ORDER BY a.id`,
      [[...new Set(ids)]],
    );
    return rows.map(toFact);
  }

  async inCompetition(
    manager: EntityManager | undefined,
    competitionId: number,
    statuses: readonly string[],
  ): Promise<ApplicationFact[]> {
    const rows: ApplicationFactRow[] = await (manager ?? this.dataSource.manager).query(
      `SELECT ${FACT_COLUMNS} FROM application a JOIN competition_category cat ON cat.id = a.category_id
       WHERE a.competition_id = $1 AND a.status = ANY($2::text[]) ORDER BY a.id`,
      [competitionId, statuses],
    );
    return rows.map(toFact);
  }

  async content(manager: EntityManager | undefined, id: number): Promise<ApplicationContent | null> {
    const db = manager ?? this.dataSource.manager;
    const [row]: ApplicationContentRow[] = await db.query(
      `SELECT a.id, a.title, cat.name AS category, s.name AS street, c.name AS community, a.summary, a.plan, a.location,
              a.beneficiaries_count, a.beneficiaries_description, a.start_date, a.end_date, a.total_cost_fen,
              a.requested_subsidy_fen, a.cost_items
       FROM application a JOIN competition_category cat ON cat.id = a.category_id
       JOIN org_unit s ON s.id = a.street_id JOIN org_unit c ON c.id = a.community_id
       WHERE a.id = $1`,
      [id],
    );
    if (!row) return null;
    const attachments: Array<{ id: number; type: string; original_name: string }> = await db.query(
      `SELECT id, type, original_name FROM attachment WHERE application_id = $1 ORDER BY id`,
      [id],
    );
    return {
      id: row.id,
      title: row.title,
      category: row.category,
      street: row.street,
      community: row.community,
      summary: row.summary,
      plan: row.plan,
      location: row.location,
      beneficiariesCount: row.beneficiaries_count,
      beneficiariesDescription: row.beneficiaries_description,
      startDate: row.start_date,
      endDate: row.end_date,
      totalCostFen: Number(row.total_cost_fen),
      requestedSubsidyFen: Number(row.requested_subsidy_fen),
      costItems: row.cost_items,
      attachments: attachments.map((attachment) => ({
        id: attachment.id,
        type: attachment.type,
        originalName: attachment.original_name,
      })),
    };
  }

  async attachment(applicationId: number, attachmentId: number): Promise<StoredAttachment | null> {
    const [row]: Array<{ storage_key: string; original_name: string; mime_type: string; sha256: string }> =
      await this.dataSource.query(
        `SELECT storage_key, original_name, mime_type, sha256 FROM attachment WHERE id = $1 AND application_id = $2`,
        [attachmentId, applicationId],
      );
    return row
      ? { storageKey: row.storage_key, originalName: row.original_name, mimeType: row.mime_type, sha256: row.sha256 }
      : null;
  }
}
