import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ReviewTaskView } from '@xiaoshi/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { returnedRows } from '../../database/postgres-errors.js';
import { ReviewAssignment } from './review.entities.js';

export type AssignmentPair = { applicationId: number; reviewerUserId: number };

/** An assignment of a competition with its sheet, as the admins' list shows it. */
export interface AssignmentListRow {
  assignmentId: number;
  applicationId: number;
  title: string;
  reviewerUserId: number;
  reviewer: string;
  method: string;
  sheetId: number | null;
  sheetStatus: string;
  total: number | null;
}

interface AssignmentListDbRow {
  id: number;
  application_id: number;
  title: string;
  reviewer_user_id: number;
  display_name: string;
  method: string;
  sheet_id: number | null;
  status: string | null;
  total: string | null;
}

interface TaskRow {
  assignment_id: number;
  application_id: number;
  competition_id: number;
  competition_title: string;
  title: string;
  category: string;
  street: string;
  community: string;
  blind: boolean;
  sheet_status: 'draft' | 'submitted' | null;
  total: string | null;
  review_closes_at: Date;
}

/** A reviewer's task with the panel's blind flag still attached (the service hides the names). */
export type ReviewTaskRow = Omit<ReviewTaskView, 'street' | 'community'> & {
  street: string;
  community: string;
  blind: boolean;
};

/** review_assignment: who reviews which application. */
@Injectable()
export class ReviewAssignmentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One automatic assignment run per competition at a time (until the transaction ends). */
  async lockCompetitionRun(manager: EntityManager, competitionId: number): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('review-assignment'), $1)`, [competitionId]);
  }

  /** The assignment; with `lock`, row-locked for the transaction. */
  byId(manager: EntityManager, id: number, lock = false): Promise<ReviewAssignment | null> {
    return manager.findOne(ReviewAssignment, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  /** The assignment if it is the reviewer's own. */
  ofReviewer(
    manager: EntityManager | undefined,
    id: number,
    reviewerUserId: number,
    lock = false,
  ): Promise<ReviewAssignment | null> {
    return (manager ?? this.dataSource.manager).findOne(ReviewAssignment, {
      where: { id, reviewerUserId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  async exists(manager: EntityManager, pair: AssignmentPair): Promise<boolean> {
    const rows: Array<{ id: number }> = await manager.query(
      `SELECT id FROM review_assignment WHERE application_id = $1 AND reviewer_user_id = $2`,
      [pair.applicationId, pair.reviewerUserId],
    );
    return rows.length > 0;
  }

  /** The pairs already assigned on these applications. */
  async pairsOf(
    manager: EntityManager,
    applicationIds: readonly number[],
  ): Promise<Array<[applicationId: number, reviewerUserId: number]>> {
    const rows: Array<{ application_id: number; reviewer_user_id: number }> = await manager.query(
      `SELECT application_id, reviewer_user_id FROM review_assignment WHERE application_id = ANY($1::int[])`,
      [applicationIds],
    );
    return rows.map((row) => [row.application_id, row.reviewer_user_id]);
  }

  /** Inserts the pairs; a conflicted pair fails the database trigger (a CHECK violation). */
  async insert(
    manager: EntityManager,
    panelId: number,
    pairs: readonly AssignmentPair[],
    method: 'manual' | 'automatic',
  ): Promise<void> {
    if (!pairs.length) return;
    await manager.query(
      `INSERT INTO review_assignment (panel_id, application_id, reviewer_user_id, method)
       SELECT $1, a, r, $4 FROM unnest($2::int[], $3::int[]) AS t(a, r)`,
      [panelId, pairs.map((pair) => pair.applicationId), pairs.map((pair) => pair.reviewerUserId), method],
    );
  }

  /** Deletes the pair's assignment (and so its sheet); returns the ids removed. */
  async removePair(manager: EntityManager, pair: AssignmentPair): Promise<number[]> {
    const removed = returnedRows<{ id: number }>(
      await manager.query(
        `DELETE FROM review_assignment WHERE application_id = $1 AND reviewer_user_id = $2 RETURNING id`,
        [pair.applicationId, pair.reviewerUserId],
      ),
    );
    return removed.map((row) => row.id);
  }

  async remove(manager: EntityManager, id: number): Promise<void> {
    await manager.delete(ReviewAssignment, { id });
  }

  /** Every assignment of a competition with its sheet, by application then reviewer. */
  async ofCompetition(competitionId: number): Promise<AssignmentListRow[]> {
    const rows: AssignmentListDbRow[] = await this.dataSource.query(
      `SELECT ra.id, ra.application_id, a.title, ra.reviewer_user_id, u.display_name, ra.method, sh.id AS sheet_id, sh.status, sh.total
       FROM review_assignment ra JOIN application a ON a.id = ra.application_id JOIN app_user u ON u.id = ra.reviewer_user_id
       LEFT JOIN score_sheet sh ON sh.assignment_id = ra.id WHERE a.competition_id = $1 ORDER BY ra.application_id, ra.reviewer_user_id`,
      [competitionId],
    );
    return rows.map((row) => ({
      assignmentId: row.id,
      applicationId: row.application_id,
      title: row.title,
      reviewerUserId: row.reviewer_user_id,
      reviewer: row.display_name,
      method: row.method,
      sheetId: row.sheet_id,
      sheetStatus: row.status ?? 'not_started',
      total: row.total === null ? null : Number(row.total),
    }));
  }

  /** A reviewer's tasks: unsubmitted first, then by review deadline. */
  async tasksOf(reviewerUserId: number): Promise<ReviewTaskRow[]> {
    const rows: TaskRow[] = await this.dataSource.query(
      `SELECT ra.id AS assignment_id, a.id AS application_id, c.id AS competition_id, c.title AS competition_title, a.title,
              cat.name AS category, s.name AS street, cm.name AS community, p.blind, sh.status AS sheet_status, sh.total,
              c.review_closes_at
       FROM review_assignment ra
       JOIN review_panel p ON p.id = ra.panel_id
       JOIN application a ON a.id = ra.application_id
       JOIN competition c ON c.id = a.competition_id
       JOIN competition_category cat ON cat.id = a.category_id
       JOIN org_unit s ON s.id = a.street_id JOIN org_unit cm ON cm.id = a.community_id
       LEFT JOIN score_sheet sh ON sh.assignment_id = ra.id
       WHERE ra.reviewer_user_id = $1
       ORDER BY (sh.status = 'submitted') NULLS FIRST, c.review_closes_at, ra.id`,
      [reviewerUserId],
    );
    return rows.map((row) => ({
      assignmentId: row.assignment_id,
      applicationId: row.application_id,
      competitionId: row.competition_id,
      competitionTitle: row.competition_title,
      title: row.title,
      category: row.category,
      street: row.street,
      community: row.community,
      blind: row.blind,
      sheetStatus: row.sheet_status ?? 'not_started',
      total: row.total === null ? null : Number(row.total),
      reviewClosesAt: row.review_closes_at.toISOString(),
    }));
  }
}
