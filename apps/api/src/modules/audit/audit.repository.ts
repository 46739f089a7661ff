import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditChainReport, AuditCheckView, AuditListQuery, OrgUnitKind } from '@xiaoshi/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { preparedQuery } from '../../database/prepared-query.js';

/** One event as written: snapshots already redacted and serialised. */
export interface AuditEventInsert {
  actorUserId: number | null;
  actorUsername: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: string | null;
  after: string | null;
  requestId: string;
  ip: string;
}

export interface AuditEventRow {
  seq: string;
  occurred_at: Date;
  actor_user_id: number | null;
  actor_username: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: unknown;
  after: unknown;
  request_id: string | null;
  ip: string | null;
}

interface ChainCheckRow {
  checked_at: Date;
  ok: boolean;
  checked_events: string;
  first_broken_seq: string | null;
  from_seq: string | null;
  last_seq: string | null;
}

/** The append-only audit_event table and the record of chain checks. */
/** The units of the reader's subtree ($1 the reader's unit). */
const SUBTREE = `(SELECT s.id FROM org_unit s WHERE s.id = $1 OR s.ancestor_ids @> ARRAY[$1::int])`;

/**
 * The units of a province's or a city's subtree that sit above districts: itself and, for a
 * province, its cities (the org tree's rule, trigger trg_org_unit_parent_kind: a city sits only
 * under a province, a district only under a city or a province). Found through the parent index,
 * never by reading every unit below.
 */
const UPPER_UNITS = `(SELECT $1::int UNION ALL SELECT c.id FROM org_unit c WHERE c.parent_id = $1 AND c.kind = 'city')`;

/**
 * Which audit events a reader sees, as a condition on audit_event ($1 the reader's unit): the events
 * of the reader's subtree (issue 13 §6: districts are isolated) — events made by an account of the
 * subtree, and system events (no account) about a record of the subtree (an org unit, an
 * application, a project or a payment). Other system events name no district and are left out.
 *
 * The trigger of migration AuditDistrict files each event under the district it belongs to by
 * exactly that rule (the actor's unit, or the record's), so the condition reads the district column
 * wherever it can, and a page at 10,000,000 events is a short walk whoever reads it:
 * - a district: what is filed under it, one walk of (district_id, seq);
 * - a street: what is filed under it (migration AuditStreet files each event under its street by
 *   the same rule), one walk of (street_id, seq);
 * - a community: its street's events, each tested against the subtree; an organisation (registered
 *   with a district, under no street): its district's events, each tested against the subtree;
 * - a province or a city: what is filed under one of its districts, or — unfiled — made by one of
 *   its accounts above districts, or about one of its org units or payments above districts. Every
 *   event about an application or a project is filed (both always have a district). The lists are
 *   computed once per page (InitPlans): the former test of every event against the subtree built a
 *   hash of every application of a city per page (100 districts: 1.1 s; now ~1.5 ms).
 * A district or a street counts as the one an event was made in: an account moved to another one
 * leaves its earlier events where they were made.
 */
function auditScope(kind: OrgUnitKind): { shape: string; condition: string } {
  if (kind === 'district') return { shape: 'district', condition: 'district_id = $1' };
  if (kind === 'province' || kind === 'city') {
    return {
      shape: 'above',
      condition: `(district_id = ANY((SELECT array_agg(d.id) FROM org_unit d WHERE d.kind = 'district' AND d.parent_id IN ${UPPER_UNITS})::int[])
        OR (district_id IS NULL AND (
          actor_user_id = ANY((SELECT array_agg(u.id) FROM app_user u WHERE u.unit_id IN ${UPPER_UNITS})::int[])
          OR (actor_user_id IS NULL AND entity_type IN ('org_unit', 'payment') AND entity_id ~ '^[0-9]{1,9}$'
            AND (CASE WHEN entity_type = 'org_unit' THEN entity_id::int
                      ELSE (SELECT x.unit_id FROM payment x WHERE x.id = entity_id::int) END) IN ${UPPER_UNITS}))))`,
    };
  }
  if (kind === 'street') return { shape: 'street', condition: 'street_id = $1' };
  // The filed column that holds the subtree: the community's street, the organisation's district.
  const [shape, column, ancestor] = kind === 'community' ? ['community', 'street_id', 'street'] : ['below', 'district_id', 'district'];
  return {
    shape,
    condition: `${column} = (SELECT d.id FROM org_unit u JOIN org_unit d ON d.id = ANY(u.ancestor_ids) AND d.kind = '${ancestor}' WHERE u.id = $1)
      AND (actor_user_id IN (SELECT u.id FROM app_user u WHERE u.unit_id IN ${SUBTREE})
        OR (actor_user_id IS NULL AND (
          (entity_type = 'org_unit' AND entity_id IN (SELECT id::text FROM ${SUBTREE} o(id)))
          OR (entity_type = 'application' AND entity_id IN (SELECT x.id::text FROM application x WHERE x.street_id IN ${SUBTREE}))
          OR (entity_type = 'project' AND entity_id IN (SELECT x.id::text FROM project x WHERE x.street_id IN ${SUBTREE}))
          OR (entity_type = 'payment' AND entity_id IN (SELECT x.id::text FROM payment x WHERE x.unit_id IN ${SUBTREE})))))`,
  };
}

@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Appends in the caller's transaction; the database trigger assigns the sequence and the chain hash. */
  async append(manager: EntityManager, event: AuditEventInsert): Promise<void> {
    await manager.query(
      `INSERT INTO audit_event (actor_user_id, actor_username, action, entity_type, entity_id, before, after, request_id, ip, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, '', '')`,
      [
        event.actorUserId,
        event.actorUsername,
        event.action,
        event.entityType,
        event.entityId,
        event.before,
        event.after,
        event.requestId,
        event.ip,
      ],
    );
  }

  /**
   * Newest first, keyset by seq, up to `limit + 1` rows: a page of the log as seen from `unit`'s
   * subtree (see auditScope).
   */
  page(query: AuditListQuery, unit: { id: number; kind: OrgUnitKind }): Promise<AuditEventRow[]> {
    const params: unknown[] = [unit.id];
    const { shape: scopeShape, condition } = auditScope(unit.kind);
    const conditions: string[] = [condition];
    // Each filter adds a condition and a letter to the statement's name: one prepared statement
    // per shape of the page (see preparedQuery).
    let shape: string = scopeShape;
    const add = (letter: string, sql: string, value: unknown) => {
      params.push(value);
      conditions.push(sql.replace('?', `$${params.length}`));
      shape += letter;
    };
    if (query.cursor) add('c', 'seq < ?', query.cursor);
    if (query.entityType) add('t', 'entity_type = ?', query.entityType);
    if (query.entityId) add('i', 'entity_id = ?', query.entityId);
    if (query.action) add('a', 'action = ?', query.action);
    // Prepared: planning a read of fifty monthly partitions took 2–3 ms, three times its execution
    // (0.6–1.0 ms for a district's page at 10,000,000 events), and PostgreSQL keeps a generic plan
    // after five runs. The limit (an integer the contract bounds) is part of the text: as a parameter
    // it made the generic plan look costlier than planning anew, so every run was planned again.
    const limit = Math.trunc(query.limit) + 1;
    return preparedQuery<AuditEventRow>(
      this.dataSource,
      `audit_page_${shape}_${limit}`,
      `SELECT seq, occurred_at, actor_user_id, actor_username, action, entity_type, entity_id, before, after, request_id, ip
       FROM audit_event WHERE ${conditions.join(' AND ')}
       ORDER BY seq DESC LIMIT ${limit}`,
      params,
      // Below a street (and for an organisation) PostgreSQL kept planning every run anew (2.5–5 ms
      // over the fifty partitions, each with the subtree's filter) for a generic plan that runs as
      // fast: forced.
      { genericPlan: scopeShape === 'below' || scopeShape === 'community' },
    );
  }

  /**
   * Recomputes every hash from the stored fields and checks each link to its predecessor: how many
   * events were checked and the first whose hash or link is wrong. With `from`, only the events
   * after `from.seq` are read, the first of them linking to `from.hash` (the last event of an
   * earlier good check); each monthly partition is read through its (seq) index.
   */
  async verifyChain(from: { seq: number; hash: string } | null = null): Promise<AuditChainReport & { lastHash: string | null }> {
    const [row]: Array<{ checked: string; first_broken: string | null; last_seq: string | null; last_hash: string | null }> =
      await this.dataSource.query(
        `
      WITH chain AS (
        SELECT e.seq, e.hash, e.prev_hash,
               lag(e.hash) OVER (ORDER BY e.seq) AS expected_prev,
               audit_event_digest(e, e.prev_hash) AS recomputed
        FROM audit_event e
        WHERE e.seq > $1
      ), last AS (
        SELECT seq, hash FROM chain ORDER BY seq DESC LIMIT 1
      )
      SELECT count(*) AS checked,
             min(chain.seq) FILTER (
               WHERE chain.hash <> chain.recomputed
                  OR chain.prev_hash <> coalesce(chain.expected_prev, $2)
             ) AS first_broken,
             (SELECT seq FROM last) AS last_seq,
             (SELECT hash FROM last) AS last_hash
      FROM chain`,
        [from?.seq ?? 0, from?.hash ?? '0'.repeat(64)],
      );
    const firstBroken = row.first_broken === null ? null : Number(row.first_broken);
    return {
      ok: firstBroken === null,
      checkedEvents: Number(row.checked),
      firstBrokenSeq: firstBroken,
      fromSeq: from?.seq ?? null,
      lastSeq: row.last_seq === null ? (from?.seq ?? null) : Number(row.last_seq),
      lastHash: row.last_hash ?? from?.hash ?? null,
    };
  }

  /** Where an incremental check starts: the last event read by the latest check, if it was good. */
  async lastGoodEnd(): Promise<{ seq: number; hash: string } | null> {
    const rows: Array<{ ok: boolean; last_seq: string | null; last_hash: string | null }> = await this.dataSource.query(
      `SELECT ok, last_seq, last_hash FROM audit_chain_check ORDER BY id DESC LIMIT 1`,
    );
    const latest = rows[0];
    if (!latest?.ok || latest.last_seq === null || latest.last_hash === null) return null;
    return { seq: Number(latest.last_seq), hash: latest.last_hash };
  }

  async storeCheck(report: AuditChainReport & { lastHash: string | null }): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO audit_chain_check (ok, checked_events, first_broken_seq, from_seq, last_seq, last_hash)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [report.ok, report.checkedEvents, report.firstBrokenSeq, report.fromSeq ?? null, report.lastSeq ?? null, report.lastHash],
    );
  }

  /** Creates the monthly partitions up to `monthsAhead` months from now; returns how many were new. */
  async ensurePartitions(monthsAhead: number): Promise<number> {
    const [row]: Array<{ created: number }> = await this.dataSource.query(
      `SELECT audit_event_ensure_partitions($1) AS created`,
      [monthsAhead],
    );
    return row.created;
  }

  async lastChecks(limit: number): Promise<AuditCheckView[]> {
    const rows: ChainCheckRow[] = await this.dataSource.query(
      `SELECT checked_at, ok, checked_events, first_broken_seq, from_seq, last_seq FROM audit_chain_check ORDER BY id DESC LIMIT $1`,
      [limit],
    );
    return rows.map((row) => ({
      checkedAt: row.checked_at.toISOString(),
      ok: row.ok,
      checkedEvents: Number(row.checked_events),
      firstBrokenSeq: row.first_broken_seq === null ? null : Number(row.first_broken_seq),
      fromSeq: row.from_seq === null ? null : Number(row.from_seq),
      lastSeq: row.last_seq === null ? null : Number(row.last_seq),
    }));
  }
}
