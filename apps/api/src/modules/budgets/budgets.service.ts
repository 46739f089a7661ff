import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DomainError,
  fieldMessage,
  type BudgetAdjustmentRequest,
  type BudgetLineView,
  type CreateBudgetLineRequest,
  type CreateDirectExpenditureRequest,
  type CreateProgrammeRequest,
  type DirectExpenditureView,
  type LedgerEntryView,
  type LedgerSummary,
  type ProgrammeListQuery,
  type ProgrammeView,
} from '@xiaoshi/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthUser, AuthenticatedActor } from '../../common/actor.js';
import { AccessService } from '../access/access.service.js';
import { AuditService } from '../audit/audit.service.js';
import { BudgetLine } from './budget-line.entity.js';
import { DirectExpenditure } from './direct-expenditure.entity.js';
import { LedgerService } from './ledger.service.js';
import { Programme } from './programme.entity.js';

interface LineRow {
  id: number;
  programme_id: number;
  name: string;
  description: string | null;
  amount_fen: string;
  adjusted_fen: string;
  committed_fen: string;
  paid_fen: string;
  version: number;
  committed_award: string;
  committed_direct: string;
  committed_stipend: string;
  reserved: string;
}

/**
 * Per line: totals from the row, commitments split by source, and what live competitions and
 * planned direct expenditures have reserved but not yet committed.
 */
const LINE_SQL = `
  SELECT l.id, l.programme_id, l.name, l.description, l.amount_fen, l.adjusted_fen, l.committed_fen, l.paid_fen, l.version,
    coalesce(src.award, 0) AS committed_award,
    coalesce(src.direct, 0) AS committed_direct,
    coalesce(src.stipend, 0) AS committed_stipend,
    coalesce(envelopes.open, 0) + coalesce(planned.total, 0) AS reserved
  FROM budget_line l
  LEFT JOIN LATERAL (
    SELECT sum(e.amount_fen) FILTER (WHERE e.source = 'award') AS award,
           sum(e.amount_fen) FILTER (WHERE e.source = 'direct_expenditure') AS direct,
           sum(e.amount_fen) FILTER (WHERE e.source = 'stipend') AS stipend
    FROM ledger_entry e WHERE e.budget_line_id = l.id AND e.kind IN ('commitment', 'decommitment')
  ) src ON true
  LEFT JOIN LATERAL (
    SELECT sum(greatest(c.envelope_fen - coalesce((
      SELECT sum(e.amount_fen) FROM ledger_entry e JOIN application a ON a.id = e.source_id
      WHERE e.budget_line_id = l.id AND e.source = 'award' AND e.kind IN ('commitment', 'decommitment')
        AND a.competition_id = c.id), 0), 0)) AS open
    FROM competition c WHERE c.budget_line_id = l.id AND c.status <> 'cancelled'
  ) envelopes ON true
  LEFT JOIN LATERAL (
    SELECT sum(d.amount_fen) AS total FROM direct_expenditure d WHERE d.budget_line_id = l.id AND d.status = 'planned'
  ) planned ON true`;

function toLineView(row: LineRow): BudgetLineView {
  const budget = Number(row.amount_fen);
  const adjustments = Number(row.adjusted_fen);
  const committed = Number(row.committed_fen);
  const paid = Number(row.paid_fen);
  const adjusted = budget + adjustments;
  const available = adjusted - committed;
  const reserved = Number(row.reserved);
  const ledger: LedgerSummary = {
    budgetFen: budget,
    adjustmentsFen: adjustments,
    adjustedBudgetFen: adjusted,
    committedFen: committed,
    committedBySource: {
      award: Number(row.committed_award),
      direct_expenditure: Number(row.committed_direct),
      stipend: Number(row.committed_stipend),
    },
    paidFen: paid,
    availableFen: available,
    reservedFen: reserved,
    unreservedFen: available - reserved,
    executionRateBp: adjusted > 0 ? Math.floor((paid * 10000) / adjusted) : 0,
  };
  return {
    id: row.id,
    programmeId: row.programme_id,
    name: row.name,
    description: row.description,
    ledger,
    version: row.version,
  };
}

@Injectable()
export class BudgetsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly ledger: LedgerService,
  ) {}

  async listProgrammes(user: AuthUser, query: ProgrammeListQuery): Promise<ProgrammeView[]> {
    const params: unknown[] = [user.unit.id];
    let yearFilter = '';
    if (query.year) {
      params.push(query.year);
      yearFilter = `AND p.year = $2`;
    }
    const programmes: Array<{
      id: number;
      year: number;
      name: string;
      policy_refs: string[];
      description: string | null;
      version: number;
    }> = await this.dataSource.query(
      `SELECT p.id, p.year, p.name, p.policy_refs, p.description, p.version FROM programme p
         WHERE ${this.access.unitScopeCondition(user, 'p.unit_id', 1)} ${yearFilter}
         ORDER BY p.year DESC, p.id`,
      params,
    );
    if (!programmes.length) return [];
    const lines: LineRow[] = await this.dataSource.query(
      `${LINE_SQL} WHERE l.programme_id = ANY($1::int[]) ORDER BY l.id`,
      [programmes.map((programme) => programme.id)],
    );
    return programmes.map((programme) => {
      const own = lines.filter((line) => line.programme_id === programme.id).map(toLineView);
      return {
        id: programme.id,
        year: programme.year,
        name: programme.name,
        policyRefs: programme.policy_refs,
        description: programme.description,
        lines: own,
        totalBudgetFen: own.reduce((sum, line) => sum + line.ledger.adjustedBudgetFen, 0),
        version: programme.version,
      };
    });
  }

  async getLine(user: AuthUser, id: number, manager?: EntityManager): Promise<BudgetLineView> {
    await this.access.requireRows(user, 'budgets.read', 'budget_line', 'unit_id', [id], manager);
    const [row]: LineRow[] = await (manager ?? this.dataSource).query(`${LINE_SQL} WHERE l.id = $1`, [id]);
    return toLineView(row);
  }

  async ledgerEntries(user: AuthUser, id: number): Promise<LedgerEntryView[]> {
    await this.access.requireRows(user, 'budgets.read', 'budget_line', 'unit_id', [id]);
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT id, kind, source, source_id, amount_fen, reason, actor_user_id, created_at FROM ledger_entry
       WHERE budget_line_id = $1 ORDER BY id DESC LIMIT 500`,
      [id],
    );
    return rows.map((row) => ({
      id: row.id as number,
      kind: row.kind as string,
      source: row.source as string,
      sourceId: row.source_id as number | null,
      amountFen: Number(row.amount_fen),
      reason: row.reason as string | null,
      actorUserId: row.actor_user_id as number | null,
      createdAt: (row.created_at as Date).toISOString(),
    }));
  }

  async createProgramme(actor: AuthenticatedActor, body: CreateProgrammeRequest): Promise<ProgrammeView> {
    const id = await this.dataSource.transaction(async (manager) => {
      const programme = manager.create(Programme, {
        year: body.year,
        name: body.name,
        policyRefs: body.policyRefs,
        description: body.description ?? null,
        unitId: actor.user.unit.id,
      });
      await manager.save(programme);
      await this.audit.record(manager, actor, {
        action: 'programme.create',
        entityType: 'programme',
        entityId: programme.id,
        after: programme,
      });
      return programme.id;
    });
    return (await this.listProgrammes(actor.user, {})).find((programme) => programme.id === id)!;
  }

  async createLine(
    actor: AuthenticatedActor,
    programmeId: number,
    body: CreateBudgetLineRequest,
  ): Promise<BudgetLineView> {
    const id = await this.dataSource.transaction(async (manager) => {
      await this.access.requireRows(
        actor.user,
        'budgets.manage',
        'programme',
        'unit_id',
        [programmeId],
        manager,
      );
      const programme = await manager.findOneByOrFail(Programme, { id: programmeId });
      const line = manager.create(BudgetLine, {
        programmeId,
        name: body.name,
        description: body.description ?? null,
        amountFen: body.amountFen,
        unitId: programme.unitId,
      });
      await manager.save(line);
      await this.audit.record(manager, actor, {
        action: 'budget_line.create',
        entityType: 'budget_line',
        entityId: line.id,
        after: line,
      });
      return line.id;
    });
    return this.getLine(actor.user, id);
  }

  /**
   * 预算调整. A reduction may not cut into money already committed (the database refuses that) nor
   * into what live competitions and planned expenditures have reserved (refused here, naming it).
   */
  async adjust(
    actor: AuthenticatedActor,
    lineId: number,
    body: BudgetAdjustmentRequest,
  ): Promise<BudgetLineView> {
    await this.dataSource.transaction(async (manager) => {
      await this.access.requireRows(
        actor.user,
        'budgets.manage',
        'budget_line',
        'unit_id',
        [lineId],
        manager,
      );
      await this.ledger.lockLine(manager, lineId);
      if (body.amountFen < 0) {
        const current = await this.getLine(actor.user, lineId, manager);
        if (current.ledger.unreservedFen + body.amountFen < 0) {
          throw new DomainError('BUDGET_EXCEEDED', {
            amountFen: fieldMessage(
              `调减后将低于已承诺和已预留的金额（可调减 ${(current.ledger.unreservedFen / 100).toFixed(2)} 元）`,
              `The reduction would cut into committed or reserved money (at most ${(current.ledger.unreservedFen / 100).toFixed(2)} yuan)`,
            ),
          });
        }
      }
      await this.ledger.apply(manager, actor, {
        budgetLineId: lineId,
        kind: 'adjustment',
        source: 'adjustment',
        sourceId: null,
        amountFen: body.amountFen,
        reason: body.reason,
      });
    });
    return this.getLine(actor.user, lineId);
  }

  async listDirectExpenditures(
    user: AuthUser,
    budgetLineId?: number,
    manager?: EntityManager,
  ): Promise<DirectExpenditureView[]> {
    const params: unknown[] = [user.unit.id];
    let filter = '';
    if (budgetLineId) {
      params.push(budgetLineId);
      filter = 'AND d.budget_line_id = $2';
    }
    const rows: Array<Record<string, unknown>> = await (manager ?? this.dataSource).query(
      `SELECT d.* FROM direct_expenditure d JOIN budget_line l ON l.id = d.budget_line_id
       WHERE ${this.access.unitScopeCondition(user, 'l.unit_id', 1)} ${filter} ORDER BY d.id`,
      params,
    );
    return rows.map((row) => ({
      id: row.id as number,
      budgetLineId: row.budget_line_id as number,
      title: row.title as string,
      description: row.description as string | null,
      plannedDate: row.planned_date as string | null,
      amountFen: Number(row.amount_fen),
      status: row.status as string,
      version: row.version as number,
    }));
  }

  /**
   * Commits a planned direct expenditure (活动经费, 尾款) through the same ledger movement as an
   * award: row lock on the line, CHECK constraint behind it, one commitment per expenditure.
   */
  async approveDirectExpenditure(
    actor: AuthenticatedActor,
    id: number,
    /** The caller's transaction, when the commitment is part of a larger change (study trips' costs). */
    outer?: EntityManager,
  ): Promise<DirectExpenditureView> {
    const work = async (manager: EntityManager) => {
      const expenditure = await manager.findOne(DirectExpenditure, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!expenditure) throw new DomainError('NOT_FOUND');
      await this.access.requireRows(
        actor.user,
        'budgets.manage',
        'budget_line',
        'unit_id',
        [expenditure.budgetLineId],
        manager,
      );
      if (expenditure.status !== 'planned') throw new DomainError('INVALID_TRANSITION');
      await this.ledger.apply(manager, actor, {
        budgetLineId: expenditure.budgetLineId,
        kind: 'commitment',
        source: 'direct_expenditure',
        sourceId: expenditure.id,
        amountFen: expenditure.amountFen,
        reason: expenditure.title,
      });
      expenditure.status = 'committed';
      await manager.save(expenditure);
      await this.audit.record(manager, actor, {
        action: 'direct_expenditure.approve',
        entityType: 'direct_expenditure',
        entityId: id,
        before: { status: 'planned' },
        after: { status: 'committed', amountFen: expenditure.amountFen },
      });
    };
    if (outer) await work(outer);
    else await this.dataSource.transaction(work);
    return (await this.listDirectExpenditures(actor.user, undefined, outer)).find((row) => row.id === id)!;
  }

  async createDirectExpenditure(
    actor: AuthenticatedActor,
    body: CreateDirectExpenditureRequest,
    /** The caller's transaction, when the expenditure is part of a larger change (study trips' costs). */
    outer?: EntityManager,
  ): Promise<DirectExpenditureView> {
    const work = async (manager: EntityManager) => {
      await this.access.requireRows(
        actor.user,
        'budgets.manage',
        'budget_line',
        'unit_id',
        [body.budgetLineId],
        manager,
      );
      await this.ledger.lockLine(manager, body.budgetLineId);
      const line = await this.getLine(actor.user, body.budgetLineId, manager);
      if (body.amountFen > line.ledger.unreservedFen) {
        throw new DomainError('BUDGET_EXCEEDED', {
          amountFen: fieldMessage(
            `超出该预算线未预留额度 ${(line.ledger.unreservedFen / 100).toFixed(2)} 元`,
            `More than the line's unreserved ${(line.ledger.unreservedFen / 100).toFixed(2)} yuan`,
          ),
        });
      }
      const expenditure = manager.create(DirectExpenditure, {
        budgetLineId: body.budgetLineId,
        title: body.title,
        description: body.description ?? null,
        plannedDate: body.plannedDate ?? null,
        amountFen: body.amountFen,
      });
      await manager.save(expenditure);
      await this.audit.record(manager, actor, {
        action: 'direct_expenditure.create',
        entityType: 'direct_expenditure',
        entityId: expenditure.id,
        after: expenditure,
      });
      return expenditure.id;
    };
    const id = outer ? await work(outer) : await this.dataSource.transaction(work);
    return (await this.listDirectExpenditures(actor.user, undefined, outer)).find((row) => row.id === id)!;
  }
}
