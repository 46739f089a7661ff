import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditChainReport, AuditEventView, AuditListQuery, Page } from '@xiaoshi/contracts';
import { maskBankAccount, maskEmail, maskNationalId, maskPhone } from '@xiaoshi/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../common/actor.js';

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

/** Fields never written to the audit log, whatever entity they appear on. */
const SECRET_FIELDS = new Set(['passwordHash', 'password', 'tokenHash', 'initialPassword', 'temporaryPassword']);

function redact(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(redact);
  if (typeof value === 'object') {
    const clean: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
      clean[key] = SECRET_FIELDS.has(key) ? '[redacted]' : redact(inner);
    }
    return clean;
  }
  return value;
}

/** Personal data inside snapshots is masked for viewers who see it masked everywhere else. */
const PII_MASKS: Record<string, (value: string) => string | null> = {
  phone: maskPhone,
  contactPhone: maskPhone,
  email: maskEmail,
  nationalId: maskNationalId,
  bankAccount: maskBankAccount,
};

export function maskSnapshot(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskSnapshot);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, inner]) => [
        key,
        typeof inner === 'string' && PII_MASKS[key] ? PII_MASKS[key](inner) : maskSnapshot(inner),
      ]),
    );
  }
  return value;
}

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Appends one event inside the caller's transaction, so the change and its record commit or
   * roll back together. The database trigger assigns the sequence and the chain hash.
   */
  async record(manager: EntityManager, actor: Actor, event: AuditRecord): Promise<void> {
    await manager.query(
      `INSERT INTO audit_event (actor_user_id, actor_username, action, entity_type, entity_id, before, after, request_id, ip, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, '', '')`,
      [
        actor.user?.id ?? null,
        actor.user?.username ?? null,
        event.action,
        event.entityType,
        event.entityId === undefined || event.entityId === null ? null : String(event.entityId),
        event.before === undefined ? null : JSON.stringify(redact(event.before)),
        event.after === undefined ? null : JSON.stringify(redact(event.after)),
        actor.requestId,
        actor.ip,
      ],
    );
  }

  /** Appends an event in its own transaction (for events that accompany no other change). */
  async recordAlone(actor: Actor, event: AuditRecord): Promise<void> {
    await this.record(this.dataSource.manager, actor, event);
  }

  async list(query: AuditListQuery, clearPersonalData = false): Promise<Page<AuditEventView>> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      conditions.push(sql.replace('?', `$${params.length}`));
    };
    if (query.cursor) add('seq < ?', query.cursor);
    if (query.entityType) add('entity_type = ?', query.entityType);
    if (query.entityId) add('entity_id = ?', query.entityId);
    if (query.action) add('action = ?', query.action);
    params.push(query.limit + 1);
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT seq, occurred_at, actor_user_id, actor_username, action, entity_type, entity_id, before, after, request_id, ip
       FROM audit_event ${conditions.length ? 'WHERE ' + conditions.join(' AND ') : ''}
       ORDER BY seq DESC LIMIT $${params.length}`,
      params,
    );
    const items = rows.slice(0, query.limit).map((row) => ({
      seq: Number(row.seq),
      occurredAt: (row.occurred_at as Date).toISOString(),
      actorUserId: row.actor_user_id as number | null,
      actorUsername: row.actor_username as string | null,
      action: row.action as string,
      entityType: row.entity_type as string,
      entityId: row.entity_id as string | null,
      before: clearPersonalData ? row.before : maskSnapshot(row.before),
      after: clearPersonalData ? row.after : maskSnapshot(row.after),
      requestId: row.request_id as string | null,
      ip: row.ip as string | null,
    }));
    return { items, nextCursor: rows.length > query.limit ? items[items.length - 1].seq : null };
  }

  /**
   * Recomputes every hash from the stored fields and checks each link to its predecessor. A row
   * altered behind the database's back (or one removed) breaks the chain at that point.
   */
  async verifyChain(): Promise<AuditChainReport> {
    const [row]: Array<{ checked: string; first_broken: string | null }> = await this.dataSource.query(`
      WITH chain AS (
        SELECT e.seq, e.hash, e.prev_hash,
               lag(e.hash) OVER (ORDER BY e.seq) AS expected_prev,
               audit_event_digest(e, e.prev_hash) AS recomputed
        FROM audit_event e
      )
      SELECT count(*) AS checked,
             min(seq) FILTER (
               WHERE hash <> recomputed
                  OR prev_hash <> coalesce(expected_prev, repeat('0', 64))
             ) AS first_broken
      FROM chain`);
    const firstBroken = row.first_broken === null ? null : Number(row.first_broken);
    return { ok: firstBroken === null, checkedEvents: Number(row.checked), firstBrokenSeq: firstBroken };
  }

  /** Records the result of a verification run (the scheduled job calls this). */
  async verifyAndStore(): Promise<AuditChainReport> {
    const report = await this.verifyChain();
    await this.dataSource.query(
      `INSERT INTO audit_chain_check (ok, checked_events, first_broken_seq) VALUES ($1, $2, $3)`,
      [report.ok, report.checkedEvents, report.firstBrokenSeq],
    );
    return report;
  }

  async lastChecks(limit = 10): Promise<Array<AuditChainReport & { checkedAt: string }>> {
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT checked_at, ok, checked_events, first_broken_seq FROM audit_chain_check ORDER BY id DESC LIMIT $1`,
      [limit],
    );
    return rows.map((row) => ({
      checkedAt: (row.checked_at as Date).toISOString(),
      ok: row.ok as boolean,
      checkedEvents: Number(row.checked_events),
      firstBrokenSeq: row.first_broken_seq === null ? null : Number(row.first_broken_seq),
    }));
  }
}
