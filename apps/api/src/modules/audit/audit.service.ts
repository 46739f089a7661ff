import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  AuditAction,
  AuditChainReport,
  AuditCheckView,
  AuditEntityType,
  AuditEventView,
  AuditListQuery,
  Page,
} from '@xiaoshi/contracts';
import { maskBankAccount, maskEmail, maskNationalId, maskPhone } from '@xiaoshi/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor, AuthUser } from '../../common/actor.js';
import { AuditRepository } from './audit.repository.js';

export interface AuditRecord {
  /** A closed set (contracts audit-keys.ts): the web labels every one of them. */
  action: AuditAction;
  entityType: AuditEntityType;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

/** How far ahead the monthly partitions of audit_event are created. */
const PARTITION_MONTHS_AHEAD = 24;

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
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: AuditRepository = new AuditRepository(dataSource),
  ) {}

  /**
   * Appends one event inside the caller's transaction, so the change and its record commit or
   * roll back together. The database trigger assigns the sequence and the chain hash.
   */
  async record(manager: EntityManager, actor: Actor, event: AuditRecord): Promise<void> {
    await this.repository.append(manager, {
      actorUserId: actor.user?.id ?? null,
      actorUsername: actor.user?.username ?? null,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId === undefined || event.entityId === null ? null : String(event.entityId),
      before: event.before === undefined ? null : JSON.stringify(redact(event.before)),
      after: event.after === undefined ? null : JSON.stringify(redact(event.after)),
      requestId: actor.requestId,
      ip: actor.ip,
    });
  }

  /** Appends an event in its own transaction (for events that accompany no other change). */
  async recordAlone(actor: Actor, event: AuditRecord): Promise<void> {
    await this.record(this.dataSource.manager, actor, event);
  }

  /** The log as seen from a unit's subtree (see AuditRepository.page). */
  async list(
    query: AuditListQuery,
    unit: Pick<AuthUser['unit'], 'id' | 'kind'>,
    clearPersonalData = false,
  ): Promise<Page<AuditEventView>> {
    const rows = await this.repository.page(query, unit);
    const items = rows.slice(0, query.limit).map((row) => ({
      seq: Number(row.seq),
      occurredAt: row.occurred_at.toISOString(),
      actorUserId: row.actor_user_id,
      actorUsername: row.actor_username,
      action: row.action,
      entityType: row.entity_type,
      entityId: row.entity_id,
      before: clearPersonalData ? row.before : maskSnapshot(row.before),
      after: clearPersonalData ? row.after : maskSnapshot(row.after),
      requestId: row.request_id,
      ip: row.ip,
    }));
    return { items, nextCursor: rows.length > query.limit ? items[items.length - 1].seq : null };
  }

  /**
   * Recomputes every hash from the stored fields and checks each link to its predecessor. A row
   * altered behind the database's back (or one removed) breaks the chain at that point.
   */
  async verifyChain(): Promise<AuditChainReport> {
    const { lastHash: _lastHash, ...report } = await this.repository.verifyChain();
    return report;
  }

  /**
   * The scheduled check. Nightly (`incremental`) it reads only the events written since the last
   * good check, linked to that check's last hash — a few thousand rows instead of the whole log;
   * weekly, or when there is no good check to continue from, it reads the whole chain. It first
   * makes sure the monthly partitions exist two years ahead.
   */
  async verifyAndStore(mode: 'incremental' | 'full' = 'full'): Promise<AuditChainReport> {
    await this.repository.ensurePartitions(PARTITION_MONTHS_AHEAD);
    const from = mode === 'incremental' ? await this.repository.lastGoodEnd() : null;
    const report = await this.repository.verifyChain(from);
    await this.repository.storeCheck(report);
    const { lastHash: _lastHash, ...view } = report;
    return view;
  }

  lastChecks(limit = 10): Promise<AuditCheckView[]> {
    return this.repository.lastChecks(limit);
  }
}
