import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../common/actor.js';
import { returnedRows } from '../../database/postgres-errors.js';
import { AuditService } from '../audit/audit.service.js';

/** Moves the applications of awards between statuses, with their history rows and audit records. */
@Injectable()
export class AwardTransitionsService {
  constructor(private readonly audit: AuditService) {}

  async applicationsOf(manager: EntityManager, decisionIds: number[]): Promise<number[]> {
    const rows: Array<{ application_id: number }> = await manager.query(
      `SELECT application_id FROM award WHERE decision_id = ANY($1::int[])`,
      [decisionIds],
    );
    return rows.map((row) => row.application_id);
  }

  /** Moves applications between two statuses with history and audit (set-wise). */
  async moveApplications(
    manager: EntityManager,
    actor: Actor,
    ids: number[],
    from: string | string[],
    to: string,
    action: string,
    reason: string | null = null,
  ) {
    if (!ids.length) return [];
    const moved = returnedRows<{ id: number; status: string }>(
      await manager.query(
        `UPDATE application a SET status = $3, version = version + 1, updated_at = now(), last_reason = coalesce($4, a.last_reason)
         FROM (SELECT id, status AS old_status FROM application WHERE id = ANY($1::int[]) AND status = ANY($2::text[]) FOR UPDATE) old
         WHERE a.id = old.id RETURNING a.id, old.old_status AS status`,
        [ids, Array.isArray(from) ? from : [from], to, reason],
      ),
    );
    for (const row of moved) {
      await manager.query(
        `INSERT INTO application_status_change (application_id, from_status, to_status, action, reason, actor_user_id) VALUES ($1, $2, $3, $4, $5, $6)`,
        [row.id, row.status, to, action, reason, actor.user?.id ?? null],
      );
      await this.audit.record(manager, actor, {
        action: `application.${action}`,
        entityType: 'application',
        entityId: row.id,
        before: { status: row.status },
        after: { status: to, reason },
      });
    }
    return moved.map((row) => row.id);
  }
}
