import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Criterion } from '@xiaoshi/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { ScoreSheet } from './review.entities.js';

/** What a draft writes. */
export interface DraftSheet {
  assignmentId: number;
  scores: Record<string, number>;
  comments: Record<string, string>;
  total: number;
}

/** score_sheet: a reviewer's scores for one assignment. */
@Injectable()
export class ScoreSheetsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The assignment's sheet, if any; with `lock`, row-locked for the transaction. */
  ofAssignment(manager: EntityManager | undefined, assignmentId: number, lock = false): Promise<ScoreSheet | null> {
    return (manager ?? this.dataSource.manager).findOne(ScoreSheet, {
      where: { assignmentId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  /** The sheet, row-locked for the transaction. */
  lock(manager: EntityManager, id: number): Promise<ScoreSheet | null> {
    return manager.findOne(ScoreSheet, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Writes a draft over `current` (if any); the version column moves on. */
  async saveDraft(manager: EntityManager, current: ScoreSheet | null, draft: DraftSheet): Promise<void> {
    await manager.save(
      manager.create(ScoreSheet, {
        ...(current ?? {}),
        assignmentId: draft.assignmentId,
        status: 'draft',
        scores: draft.scores,
        comments: draft.comments,
        total: String(draft.total),
      }),
    );
  }

  /** Writes the sheet's status (submitted with its time, or back to draft). */
  async saveStatus(manager: EntityManager, sheet: ScoreSheet): Promise<void> {
    await manager.save(sheet);
  }

  /** Assigned reviewers of an application and how many of them have submitted. */
  async completion(manager: EntityManager, applicationId: number): Promise<{ due: number; done: number }> {
    const [counts]: Array<{ due: number; done: number }> = await manager.query(
      `SELECT count(*)::int AS due, count(*) FILTER (WHERE sh.status = 'submitted')::int AS done
       FROM review_assignment ra LEFT JOIN score_sheet sh ON sh.assignment_id = ra.id WHERE ra.application_id = $1`,
      [applicationId],
    );
    return counts;
  }

  /** The rubric the application is scored on: its competition's. */
  async rubricOf(manager: EntityManager | undefined, applicationId: number): Promise<Criterion[]> {
    const [row]: Array<{ rubric: Criterion[] }> = await (manager ?? this.dataSource.manager).query(
      `SELECT c.rubric FROM application a JOIN competition c ON c.id = a.competition_id WHERE a.id = $1`,
      [applicationId],
    );
    return row.rubric;
  }
}
