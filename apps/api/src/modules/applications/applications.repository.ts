import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ApplicationListQuery, ApplicationSummaryView, ApplicationView } from '@xiaoshi/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { cursorBatches } from '../../database/cursor-batches.js';
import { Application } from './application.entity.js';

interface SummaryRow {
  id: number;
  competition_id: number;
  title: string;
  status: string;
  requested_subsidy_fen: string;
  total_cost_fen: string;
  beneficiaries_count: number;
  submitted_at: Date | null;
  updated_at: Date;
  category_id: number;
  category_key: string;
  category_name: string;
  street_id: number;
  street_name: string;
  community_id: number;
  community_name: string;
}

interface DetailRow extends SummaryRow {
  partner_id: number | null;
  partner_name: string | null;
}

interface HistoryRow {
  from_status: string | null;
  to_status: string;
  action: string;
  reason: string | null;
  display_name: string | null;
  created_at: Date;
}

export type HistoryView = ApplicationView['history'][number];

/** What other modules need to tell people about an application: its title, street and author. */
export interface ApplicationBrief {
  id: number;
  title: string;
  streetId: number;
  createdByUserId: number;
}

// The category, street and community names are joined for display (reference reads).
const SUMMARY_COLUMNS = `a.id, a.competition_id, a.title, a.status, a.requested_subsidy_fen, a.total_cost_fen,
  a.beneficiaries_count, a.submitted_at, a.updated_at,
  cat.id AS category_id, cat.key AS category_key, cat.name AS category_name,
  s.id AS street_id, s.name AS street_name, c.id AS community_id, c.name AS community_name`;
const SUMMARY_JOINS = `JOIN competition_category cat ON cat.id = a.category_id
  JOIN org_unit s ON s.id = a.street_id JOIN org_unit c ON c.id = a.community_id`;

function toSummary(row: SummaryRow): ApplicationSummaryView {
  return {
    id: row.id,
    competitionId: row.competition_id,
    title: row.title,
    status: row.status,
    category: { id: row.category_id, key: row.category_key, name: row.category_name },
    street: { id: row.street_id, name: row.street_name },
    community: { id: row.community_id, name: row.community_name },
    requestedSubsidyFen: Number(row.requested_subsidy_fen),
    totalCostFen: Number(row.total_cost_fen),
    beneficiariesCount: row.beneficiaries_count,
    submittedAt: row.submitted_at ? row.submitted_at.toISOString() : null,
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The list's filters as conditions on `a` ($1 the user's unit), with their parameters. */
function listConditions(
  scope: string,
  unitId: number,
  query: Omit<ApplicationListQuery, 'limit'>,
): { conditions: string[]; params: unknown[] } {
  const params: unknown[] = [unitId];
  const conditions = [scope];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    conditions.push(sql.replaceAll('?', `$${params.length}`));
  };
  if (query.cursor) add('a.id < ?', query.cursor);
  if (query.competitionId) add('a.competition_id = ?', query.competitionId);
  if (query.streetId) add('a.street_id = ?', query.streetId);
  if (query.communityId) add('a.community_id = ?', query.communityId);
  if (query.categoryId) add('a.category_id = ?', query.categoryId);
  // One status as an equality, so the (…, status, id) indexes hand rows over in id order and the
  // page stops after limit + 1 of them; several statuses as a list.
  const statuses = query.status ? query.status.split(',') : [];
  if (statuses.length === 1) add('a.status = ?', statuses[0]);
  else if (statuses.length > 1) add('a.status = ANY(?::text[])', statuses);
  if (query.q) add('a.title ILIKE ?', `%${query.q.replace(/[%_\\]/g, '\\$&')}%`);
  return { conditions, params };
}

/**
 * The application table's content (its status and history are ApplicationLifecycleRepository's).
 * `scope` arguments are SQL conditions over `a` built by the service from the user's scope, with
 * the user's unit id as $1.
 */
@Injectable()
export class ApplicationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async isReachable(manager: EntityManager, scope: string, unitId: number, id: number): Promise<boolean> {
    const rows: Array<{ id: number }> = await manager.query(`SELECT a.id FROM application a WHERE a.id = $2 AND ${scope}`, [
      unitId,
      id,
    ]);
    return rows.length > 0;
  }

  load(manager: EntityManager, id: number, lock = false): Promise<Application | null> {
    return manager.findOne(Application, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  /** A keyset page, newest first: up to `limit + 1` rows (the extra one says another page follows). */
  async page(scope: string, unitId: number, query: ApplicationListQuery): Promise<ApplicationSummaryView[]> {
    const { conditions, params } = listConditions(scope, unitId, query);
    params.push(query.limit + 1);
    const rows: SummaryRow[] = await this.dataSource.query(
      `SELECT ${SUMMARY_COLUMNS} FROM application a ${SUMMARY_JOINS}
       WHERE ${conditions.join(' AND ')} ORDER BY a.id DESC LIMIT $${params.length}`,
      params,
    );
    return rows.map(toSummary);
  }

  /**
   * Every application the list's filters select, newest first, `batchSize` at a time through a
   * database cursor (database/cursor-batches.ts): one statement planned once for the whole read,
   * streamed in the order of the scope's index, in one read-only snapshot — an export is one
   * moment's list, whatever is written meanwhile. Keyset pages of 200 cost PostgreSQL 2.6 s of CPU
   * for 116,398 rows; the cursor about 0.5 s. Leaving the loop early closes the cursor and its
   * transaction.
   */
  async *eachBatch(
    scope: string,
    unitId: number,
    query: Omit<ApplicationListQuery, 'cursor' | 'limit'>,
    batchSize: number,
  ): AsyncGenerator<ApplicationSummaryView[]> {
    const { conditions, params } = listConditions(scope, unitId, query);
    const sql = `SELECT ${SUMMARY_COLUMNS} FROM application a ${SUMMARY_JOINS}
       WHERE ${conditions.join(' AND ')} ORDER BY a.id DESC`;
    for await (const rows of cursorBatches<SummaryRow>(this.dataSource, sql, params, batchSize)) {
      yield rows.map(toSummary);
    }
  }

  async summary(
    manager: EntityManager,
    id: number,
  ): Promise<{ summary: ApplicationSummaryView; partnerOrg: { id: number; name: string } | null }> {
    const [row]: DetailRow[] = await manager.query(
      `SELECT ${SUMMARY_COLUMNS}, p.id AS partner_id, p.name AS partner_name FROM application a ${SUMMARY_JOINS}
       LEFT JOIN org_unit p ON p.id = a.partner_org_id WHERE a.id = $1`,
      [id],
    );
    return {
      summary: toSummary(row),
      partnerOrg: row.partner_id !== null ? { id: row.partner_id, name: row.partner_name! } : null,
    };
  }

  async history(manager: EntityManager, id: number): Promise<HistoryView[]> {
    const rows: HistoryRow[] = await manager.query(
      `SELECT h.from_status, h.to_status, h.action, h.reason, u.display_name, h.created_at
       FROM application_status_change h LEFT JOIN app_user u ON u.id = h.actor_user_id
       WHERE h.application_id = $1 ORDER BY h.id`,
      [id],
    );
    return rows.map((row) => ({
      fromStatus: row.from_status,
      toStatus: row.to_status,
      action: row.action,
      reason: row.reason,
      actor: row.display_name,
      at: row.created_at.toISOString(),
    }));
  }

  insert(manager: EntityManager, fields: Partial<Application>): Promise<Application> {
    return manager.save(manager.create(Application, fields));
  }

  async save(manager: EntityManager, application: Application): Promise<void> {
    await manager.save(application);
  }

  async briefs(manager: EntityManager, ids: readonly number[]): Promise<ApplicationBrief[]> {
    if (!ids.length) return [];
    const rows: Array<{ id: number; title: string; street_id: number; created_by_user_id: number }> = await manager.query(
      `SELECT id, title, street_id, created_by_user_id FROM application WHERE id = ANY($1::int[]) ORDER BY id`,
      [[...ids]],
    );
    return rows.map((row) => ({ id: row.id, title: row.title, streetId: row.street_id, createdByUserId: row.created_by_user_id }));
  }

  /** Entries a street has put forward to the district in a competition, other than `exceptId`. */
  async submittedInStreet(manager: EntityManager, competitionId: number, streetId: number, exceptId: number): Promise<number> {
    const [{ count }]: Array<{ count: number }> = await manager.query(
      `SELECT count(*)::int AS count FROM application WHERE competition_id = $1 AND street_id = $2 AND id <> $3
       AND status NOT IN ('draft', 'awaiting_street', 'withdrawn', 'returned')`,
      [competitionId, streetId, exceptId],
    );
    return count;
  }
}
