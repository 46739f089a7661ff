import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

type SheetStatus = 'draft' | 'submitted' | null;

/** One assignment in the score matrix: the sheet's scores and comments, if any. */
export interface MatrixRow {
  applicationId: number;
  title: string;
  reviewer: string;
  status: SheetStatus;
  scores: Record<string, number>;
  total: number | null;
  comments: Record<string, string>;
}

interface MatrixDbRow {
  id: number;
  title: string;
  reviewer: string;
  status: SheetStatus;
  scores: Record<string, number> | null;
  total: string | null;
  comments: Record<string, string> | null;
}

/** One cell of the 评分汇总表: a reviewer's total on an application (null before a sheet exists). */
export interface SummaryCell {
  applicationId: number;
  reviewerUserId: number;
  displayName: string;
  total: number | null;
  status: SheetStatus;
}

interface SummaryCellRow {
  application_id: number;
  reviewer_user_id: number;
  display_name: string;
  total: string | null;
  status: SheetStatus;
}

/** The sheets behind the panel's spreadsheets. */
@Injectable()
export class ReviewExportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every assignment of the competition with its sheet, by application then reviewer. */
  async matrix(competitionId: number): Promise<MatrixRow[]> {
    const rows: MatrixDbRow[] = await this.dataSource.query(
      `SELECT a.id, a.title, u.display_name AS reviewer, sh.status, sh.scores, sh.total, sh.comments
       FROM review_assignment ra JOIN application a ON a.id = ra.application_id JOIN app_user u ON u.id = ra.reviewer_user_id
       LEFT JOIN score_sheet sh ON sh.assignment_id = ra.id WHERE a.competition_id = $1 ORDER BY a.id, u.id`,
      [competitionId],
    );
    return rows.map((row) => ({
      applicationId: row.id,
      title: row.title,
      reviewer: row.reviewer,
      status: row.status,
      scores: row.scores ?? {},
      total: row.total === null ? null : Number(row.total),
      comments: row.comments ?? {},
    }));
  }

  /** Every reviewer's total on every application of the competition, by reviewer. */
  async summaryCells(competitionId: number): Promise<SummaryCell[]> {
    const rows: SummaryCellRow[] = await this.dataSource.query(
      `SELECT ra.application_id, ra.reviewer_user_id, u.display_name, sh.total, sh.status
       FROM review_assignment ra JOIN application a ON a.id = ra.application_id JOIN app_user u ON u.id = ra.reviewer_user_id
       LEFT JOIN score_sheet sh ON sh.assignment_id = ra.id WHERE a.competition_id = $1 ORDER BY u.id`,
      [competitionId],
    );
    return rows.map((row) => ({
      applicationId: row.application_id,
      reviewerUserId: row.reviewer_user_id,
      displayName: row.display_name,
      total: row.total === null ? null : Number(row.total),
      status: row.status,
    }));
  }
}
