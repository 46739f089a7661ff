import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export interface ReviewerSheetsRow {
  total: number;
  submitted: number;
  first_close: Date | null;
}

/** Read-only figures of a reviewer's score sheets for the 工作台. */
@Injectable()
export class ReviewsFiguresRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The reviewer's assignments in calls whose review period has not ended, and how many are scored. */
  async sheetsOf(reviewerUserId: number, now: Date): Promise<ReviewerSheetsRow> {
    const [row]: ReviewerSheetsRow[] = await this.dataSource.query(
      `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE sh.status = 'submitted')::int AS submitted,
              min(c.review_closes_at) FILTER (WHERE sh.status IS DISTINCT FROM 'submitted') AS first_close
       FROM review_assignment ra
       JOIN application a ON a.id = ra.application_id
       JOIN competition c ON c.id = a.competition_id
       LEFT JOIN score_sheet sh ON sh.assignment_id = ra.id
       WHERE ra.reviewer_user_id = $1 AND c.review_closes_at > $2`,
      [reviewerUserId, now],
    );
    return row;
  }
}
