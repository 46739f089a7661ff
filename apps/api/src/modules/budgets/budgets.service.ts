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
  type ProgrammeListQuery,
  type ProgrammeView,
} from '@xiaoshi/contracts';
import {
  DIRECT_EXPENDITURE_MOVES,
  canMove,
  expenditureStatusAfterPayments,
  sumLedgerTotals,
  ledgerFigures,
} from '@xiaoshi/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthUser, AuthenticatedActor } from '../../common/actor.js';
import { requireMove } from '../../common/state-moves.js';
import { AccessService } from '../access/access.service.js';
import { AuditService } from '../audit/audit.service.js';
import { BudgetsRepository } from './budgets.repository.js';
import type { DirectExpenditureSource } from './direct-expenditure.entity.js';
import { DirectExpendituresRepository } from './direct-expenditures.repository.js';
import { LedgerService } from './ledger.service.js';

/** What a payment request needs to know of a direct expenditure (row-locked by the caller's transaction). */
export interface PayableExpenditure {
  id: number;
  budgetLineId: number;
  /** The unit that owns the line's money. */
  unitId: number;
  amountFen: number;
  /** Committed (or paid in part): payments may be requested against it. */
  payable: boolean;
}

/** Where a direct expenditure belongs when it is not the budget office's own. */
export interface ExpenditureSource {
  source: DirectExpenditureSource;
  sourceId: number;
}

/**
 * Programmes, budget lines, adjustments and direct expenditures (活动经费, 尾款). Every money
 * movement goes through LedgerService; a direct expenditure's status moves by DIRECT_EXPENDITURE_MOVES.
 */
@Injectable()
export class BudgetsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly ledger: LedgerService,
    private readonly repository: BudgetsRepository = new BudgetsRepository(dataSource),
    private readonly expenditures: DirectExpendituresRepository = new DirectExpendituresRepository(dataSource),
  ) {}

  async listProgrammes(user: AuthUser, query: ProgrammeListQuery): Promise<ProgrammeView[]> {
    const programmes = await this.repository.programmes(
      this.access.unitScopeCondition(user, 'p.unit_id', 1),
      user.unit.id,
      query.year,
    );
    if (!programmes.length) return [];
    const lines = await this.repository.linesOfProgrammes(programmes.map((programme) => programme.id));
    return programmes.map((programme) => {
      const own = lines.filter((line) => line.programmeId === programme.id);
      return {
        id: programme.id,
        year: programme.year,
        name: programme.name,
        policyRefs: programme.policy_refs,
        description: programme.description,
        lines: own,
        totalBudgetFen: ledgerFigures(sumLedgerTotals(own.map((line) => line.ledger))).adjustedBudgetFen,
        version: programme.version,
      };
    });
  }

  async getLine(user: AuthUser, id: number, manager?: EntityManager): Promise<BudgetLineView> {
    await this.access.requireRows(user, 'budgets.read', 'budget_line', 'unit_id', [id], manager);
    const line = await this.repository.line(id, manager);
    if (!line) throw new DomainError('NOT_FOUND');
    return line;
  }

  /** The unit (district) that owns a line's money. */
  async lineUnit(id: number, manager?: EntityManager): Promise<number> {
    const unitId = await this.repository.lineUnit(id, manager);
    if (unitId === null) throw new DomainError('NOT_FOUND');
    return unitId;
  }

  async ledgerEntries(user: AuthUser, id: number): Promise<LedgerEntryView[]> {
    await this.access.requireRows(user, 'budgets.read', 'budget_line', 'unit_id', [id]);
    return this.repository.ledgerEntries(id, 500);
  }

  async createProgramme(actor: AuthenticatedActor, body: CreateProgrammeRequest): Promise<ProgrammeView> {
    const id = await this.dataSource.transaction(async (manager) => {
      const programme = await this.repository.insertProgramme(manager, {
        year: body.year,
        name: body.name,
        policyRefs: body.policyRefs,
        description: body.description ?? null,
        unitId: actor.user.unit.id,
      });
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

  async createLine(actor: AuthenticatedActor, programmeId: number, body: CreateBudgetLineRequest): Promise<BudgetLineView> {
    const id = await this.dataSource.transaction(async (manager) => {
      await this.access.requireRows(actor.user, 'budgets.manage', 'programme', 'unit_id', [programmeId], manager);
      const programme = await this.repository.programme(manager, programmeId);
      if (!programme) throw new DomainError('NOT_FOUND');
      const line = await this.repository.insertLine(manager, {
        programmeId,
        name: body.name,
        description: body.description ?? null,
        amountFen: body.amountFen,
        unitId: programme.unitId,
      });
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
  async adjust(actor: AuthenticatedActor, lineId: number, body: BudgetAdjustmentRequest): Promise<BudgetLineView> {
    await this.dataSource.transaction(async (manager) => {
      await this.access.requireRows(actor.user, 'budgets.manage', 'budget_line', 'unit_id', [lineId], manager);
      await this.ledger.lockLine(manager, lineId);
      if (body.amountFen < 0) {
        const current = await this.getLine(actor.user, lineId, manager);
        if (current.ledger.unreservedFen + body.amountFen < 0) {
          const most = (current.ledger.unreservedFen / 100).toFixed(2);
          throw new DomainError('BUDGET_EXCEEDED', {
            amountFen: fieldMessage(
              `调减后将低于已承诺和已预留的金额（可调减 ${most} 元）`,
              `The reduction would cut into committed or reserved money (at most ${most} yuan)`,
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

  // --- direct expenditures -----------------------------------------------------------------

  listDirectExpenditures(user: AuthUser, budgetLineId?: number, manager?: EntityManager): Promise<DirectExpenditureView[]> {
    return this.expenditures.views(this.access.unitScopeCondition(user, 'l.unit_id', 1), user.unit.id, budgetLineId, manager);
  }

  private async expenditureView(user: AuthUser, id: number, manager?: EntityManager): Promise<DirectExpenditureView> {
    return (await this.listDirectExpenditures(user, undefined, manager)).find((row) => row.id === id)!;
  }

  async createDirectExpenditure(
    actor: AuthenticatedActor,
    body: CreateDirectExpenditureRequest,
    /** The caller's transaction, when the expenditure is part of a larger change (study trips' costs). */
    outer?: EntityManager,
    /** Set when the expenditure pays a social organisation's tranche (social-orgs module). */
    source?: ExpenditureSource,
  ): Promise<DirectExpenditureView> {
    const work = async (manager: EntityManager) => {
      await this.access.requireRows(actor.user, 'budgets.manage', 'budget_line', 'unit_id', [body.budgetLineId], manager);
      await this.ledger.lockLine(manager, body.budgetLineId);
      const line = await this.getLine(actor.user, body.budgetLineId, manager);
      if (body.amountFen > line.ledger.unreservedFen) {
        const room = (line.ledger.unreservedFen / 100).toFixed(2);
        throw new DomainError('BUDGET_EXCEEDED', {
          amountFen: fieldMessage(`超出该预算线未预留额度 ${room} 元`, `More than the line's unreserved ${room} yuan`),
        });
      }
      const expenditure = await this.expenditures.insert(manager, {
        budgetLineId: body.budgetLineId,
        title: body.title,
        description: body.description ?? null,
        plannedDate: body.plannedDate ?? null,
        amountFen: body.amountFen,
        source: source?.source ?? null,
        sourceId: source?.sourceId ?? null,
      });
      await this.audit.record(manager, actor, {
        action: 'direct_expenditure.create',
        entityType: 'direct_expenditure',
        entityId: expenditure.id,
        after: expenditure,
      });
      return expenditure.id;
    };
    const id = outer ? await work(outer) : await this.dataSource.transaction(work);
    return this.expenditureView(actor.user, id, outer);
  }

  /**
   * Commits a planned direct expenditure through the same ledger movement as an award: row lock
   * on the line, CHECK constraint behind it, one commitment per expenditure. One that belongs to a
   * social organisation's tranche is committed only by that tranche's request (`via`), never from
   * the general budgets screen: its 尾款 waits for a passed evaluation.
   */
  async approveDirectExpenditure(
    actor: AuthenticatedActor,
    id: number,
    /** The caller's transaction, when the commitment is part of a larger change (study trips' costs). */
    outer?: EntityManager,
    via?: DirectExpenditureSource,
  ): Promise<DirectExpenditureView> {
    const work = async (manager: EntityManager) => {
      const expenditure = await this.expenditures.lock(manager, id);
      if (!expenditure) throw new DomainError('NOT_FOUND');
      await this.access.requireRows(actor.user, 'budgets.manage', 'budget_line', 'unit_id', [expenditure.budgetLineId], manager);
      if (expenditure.source !== (via ?? null)) {
        throw new DomainError('INVALID_TRANSITION', {
          directExpenditureId: fieldMessage(
            '该支出属于社会组织服务协议的款项，须在协议中申请支付（尾款须督导评估合格）',
            'This expenditure pays a social organisation’s tranche: request it from the agreement (the final payment needs a passed evaluation)',
          ),
        });
      }
      const move = requireMove(DIRECT_EXPENDITURE_MOVES, expenditure.status, 'approve');
      await this.ledger.apply(manager, actor, {
        budgetLineId: expenditure.budgetLineId,
        kind: 'commitment',
        source: 'direct_expenditure',
        sourceId: expenditure.id,
        amountFen: expenditure.amountFen,
        reason: expenditure.title,
      });
      const before = { status: expenditure.status };
      expenditure.status = move.to;
      await this.expenditures.save(manager, expenditure);
      await this.audit.record(manager, actor, {
        action: 'direct_expenditure.approve',
        entityType: 'direct_expenditure',
        entityId: id,
        before,
        after: { status: move.to, amountFen: expenditure.amountFen },
      });
    };
    if (outer) await work(outer);
    else await this.dataSource.transaction(work);
    return this.expenditureView(actor.user, id, outer);
  }

  /**
   * A planned expenditure already on the line (the seed's 2025 尾款) becomes a tranche's: from now
   * on only that tranche's request approves it. Same line and amount, still planned, nobody's yet.
   */
  async assignToTranche(
    manager: EntityManager,
    actor: AuthenticatedActor,
    id: number,
    expected: { budgetLineId: number; amountFen: number },
    source: ExpenditureSource,
  ): Promise<boolean> {
    const expenditure = await this.expenditures.lock(manager, id);
    if (!expenditure) return false;
    await this.access.requireRows(actor.user, 'budgets.manage', 'budget_line', 'unit_id', [expenditure.budgetLineId], manager);
    const fits =
      canMove(DIRECT_EXPENDITURE_MOVES, expenditure.status, 'approve') &&
      expenditure.source === null &&
      expenditure.budgetLineId === expected.budgetLineId &&
      expenditure.amountFen === expected.amountFen;
    if (!fits) return false;
    Object.assign(expenditure, source);
    await this.expenditures.save(manager, expenditure);
    await this.audit.record(manager, actor, {
      action: 'direct_expenditure.assign_to_tranche',
      entityType: 'direct_expenditure',
      entityId: id,
      before: { source: null },
      after: { ...source, amountFen: expenditure.amountFen, title: expenditure.title },
    });
    return true;
  }

  /** For a payment request: the expenditure, row-locked, and whether payments may be asked against it. */
  async expenditureForPayment(manager: EntityManager, id: number): Promise<PayableExpenditure> {
    const expenditure = await this.expenditures.lock(manager, id);
    if (!expenditure) throw new DomainError('NOT_FOUND');
    return {
      id: expenditure.id,
      budgetLineId: expenditure.budgetLineId,
      unitId: await this.lineUnit(expenditure.budgetLineId, manager),
      amountFen: expenditure.amountFen,
      payable: canMove(DIRECT_EXPENDITURE_MOVES, expenditure.status, 'record_payment'),
    };
  }

  /** A payment on the expenditure was recorded or reversed: 'paid' once payments cover it, else 'committed'. */
  async expenditurePaymentsChanged(manager: EntityManager, id: number, paidFen: number): Promise<void> {
    const expenditure = await this.expenditures.lock(manager, id);
    if (!expenditure) throw new DomainError('NOT_FOUND');
    const target = expenditureStatusAfterPayments(expenditure.amountFen, paidFen);
    const move = requireMove(DIRECT_EXPENDITURE_MOVES, expenditure.status, target === 'paid' ? 'record_payment' : 'reverse_payment');
    if (expenditure.status === move.to) return;
    expenditure.status = move.to;
    await this.expenditures.save(manager, expenditure);
  }
}
