import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { ConflictCategory, ConflictKind } from './review.entities.js';

/** A conflict of interest as the conflicts page lists it. */
export interface ConflictView {
  applicationId: number;
  title: string;
  reviewerUserId: number;
  reviewer: string;
  /** 'automatic' (shared affiliation), 'declared' or 'pinned'. */
  kind: string;
  category: string;
  note: string | null;
}

interface ConflictRow {
  application_id: number;
  title: string;
  reviewer_user_id: number;
  display_name: string;
  kind: string;
  category: string;
  note: string | null;
}

export interface NewConflictRecord {
  applicationId: number;
  reviewerUserId: number;
  kind: ConflictKind;
  category: ConflictCategory;
  note: string | null;
  createdByUserId: number;
}

/**
 * Conflicts of interest: the view review_conflict (automatic ones from affiliations, unioned with
 * the records) and the table review_conflict_record (declared and pinned, written here).
 */
@Injectable()
export class ReviewConflictsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every conflict on the competition's applications in these statuses. */
  async ofCompetition(competitionId: number, statuses: readonly string[]): Promise<ConflictView[]> {
    const rows: ConflictRow[] = await this.dataSource.query(
      `SELECT c.application_id, a.title, c.reviewer_user_id, u.display_name, c.kind, c.category, r.note
       FROM review_conflict c JOIN application a ON a.id = c.application_id JOIN app_user u ON u.id = c.reviewer_user_id
       LEFT JOIN review_conflict_record r ON r.application_id = c.application_id AND r.reviewer_user_id = c.reviewer_user_id AND r.kind = c.kind
       WHERE a.competition_id = $1 AND a.status = ANY($2::text[])
       ORDER BY c.application_id, c.reviewer_user_id`,
      [competitionId, statuses],
    );
    return rows.map((row) => ({
      applicationId: row.application_id,
      title: row.title,
      reviewerUserId: row.reviewer_user_id,
      reviewer: row.display_name,
      kind: row.kind,
      category: row.category,
      note: row.note,
    }));
  }

  /** The conflicted (application, reviewer) pairs among these applications and reviewers. */
  async pairsAmong(
    manager: EntityManager,
    applicationIds: readonly number[],
    reviewerIds: readonly number[],
  ): Promise<Array<[applicationId: number, reviewerUserId: number]>> {
    const rows: Array<{ application_id: number; reviewer_user_id: number }> = await manager.query(
      `SELECT application_id, reviewer_user_id FROM review_conflict WHERE application_id = ANY($1::int[]) AND reviewer_user_id = ANY($2::int[])`,
      [applicationIds, reviewerIds],
    );
    return rows.map((row) => [row.application_id, row.reviewer_user_id]);
  }

  /** Records a declared or pinned conflict; a second record of the same kind replaces the first. */
  async record(manager: EntityManager, input: NewConflictRecord): Promise<void> {
    await manager.query(
      `INSERT INTO review_conflict_record (application_id, reviewer_user_id, kind, category, note, created_by_user_id)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (application_id, reviewer_user_id, kind) DO UPDATE SET category = EXCLUDED.category, note = EXCLUDED.note`,
      [input.applicationId, input.reviewerUserId, input.kind, input.category, input.note, input.createdByUserId],
    );
  }
}
