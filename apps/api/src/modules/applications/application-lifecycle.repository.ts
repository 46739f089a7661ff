import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface LockedStatus {
  id: number;
  status: string;
}

export interface StatusMove {
  id: number;
  from: string;
  to: string;
}

/** The application's status column and its history: written here and nowhere else. */
@Injectable()
export class ApplicationLifecycleRepository {
  /** Locks the applications (in id order, so concurrent movers never deadlock) and reads their status. */
  async lockStatuses(manager: EntityManager, ids: readonly number[]): Promise<LockedStatus[]> {
    if (ids.length === 0) return [];
    const rows: Array<{ id: number; status: string }> = await manager.query(
      `SELECT id, status FROM application WHERE id = ANY($1::int[]) ORDER BY id FOR UPDATE`,
      [[...new Set(ids)]],
    );
    return rows;
  }

  async idsInStatuses(
    manager: EntityManager,
    competitionId: number,
    statuses: readonly string[],
    except: readonly number[],
  ): Promise<number[]> {
    const rows: Array<{ id: number }> = await manager.query(
      `SELECT id FROM application WHERE competition_id = $1 AND status = ANY($2::text[]) AND id <> ALL($3::int[]) ORDER BY id`,
      [competitionId, statuses, except],
    );
    return rows.map((row) => row.id);
  }

  /** The first history row of a new application: created as a draft. */
  async recordCreation(manager: EntityManager, id: number, actorUserId: number): Promise<void> {
    await manager.query(
      `INSERT INTO application_status_change (application_id, from_status, to_status, action, actor_user_id)
       VALUES ($1, NULL, 'draft', 'create', $2)`,
      [id, actorUserId],
    );
  }

  /** Writes the new statuses and one history row per move. */
  async recordMoves(
    manager: EntityManager,
    moves: readonly StatusMove[],
    move: string,
    reason: string | null,
    actorUserId: number | null,
    extra: { submittedAt?: Date | null; lastReason?: string | null } = {},
  ): Promise<void> {
    if (moves.length === 0) return;
    await manager.query(
      `UPDATE application a SET status = m.to_status, version = a.version + 1, updated_at = now(),
         submitted_at = CASE WHEN m.to_status = 'submitted' THEN coalesce(a.submitted_at, $3::timestamptz) ELSE a.submitted_at END,
         last_reason = coalesce($4::text, a.last_reason)
       FROM unnest($1::int[], $2::text[]) AS m(id, to_status)
       WHERE a.id = m.id`,
      [moves.map((m) => m.id), moves.map((m) => m.to), extra.submittedAt ?? null, extra.lastReason ?? null],
    );
    await manager.query(
      `INSERT INTO application_status_change (application_id, from_status, to_status, action, reason, actor_user_id)
       SELECT id, from_status, to_status, $4, $5, $6 FROM unnest($1::int[], $2::text[], $3::text[]) AS m(id, from_status, to_status)`,
      [moves.map((m) => m.id), moves.map((m) => m.from), moves.map((m) => m.to), move, reason, actorUserId],
    );
  }
}
