import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export interface PendingSheetsRow {
  competition_id: number;
  title: string;
  review_closes_at: Date;
  reviewer_user_id: number;
  pending: number;
}

/** Read-only queries behind the review sheet reminder (review.reminders.ts). */
@Injectable()
export class ReviewRemindersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Per reviewer and call whose review window is open at `now`: sheets not yet submitted. */
  pendingSheets(now: Date): Promise<PendingSheetsRow[]> {
    return this.dataSource.query(
      `SELECT c.id AS competition_id, c.title, c.review_closes_at, ra.reviewer_user_id, count(*)::int AS pending
       FROM review_assignment ra
       JOIN application a ON a.id = ra.application_id
       JOIN competition c ON c.id = a.competition_id
       LEFT JOIN score_sheet sh ON sh.assignment_id = ra.id
       WHERE coalesce(sh.status, 'draft') <> 'submitted' AND c.review_opens_at <= $1 AND c.review_closes_at > $1
       GROUP BY c.id, c.title, c.review_closes_at, ra.reviewer_user_id
       ORDER BY c.id, ra.reviewer_user_id`,
      [now],
    );
  }
}
