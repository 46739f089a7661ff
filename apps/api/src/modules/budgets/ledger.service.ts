import { Injectable } from '@nestjs/common';
import { DomainError } from '@xiaoshi/contracts';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../common/actor.js';
import { PG_CHECK_VIOLATION, pgErrorOf } from '../../database/postgres-errors.js';
import { AuditService } from '../audit/audit.service.js';
import { BudgetLine } from './budget-line.entity.js';
import { LedgerEntry, type LedgerKind, type LedgerSource } from './ledger-entry.entity.js';

export interface LedgerMovement {
  budgetLineId: number;
  kind: LedgerKind;
  source: LedgerSource;
  sourceId: number | null;
  /** Positive fen; the kind decides the direction. */
  amountFen: number;
  reason?: string | null;
}

/** Which running total each kind moves, and in which direction. */
const EFFECT: Record<LedgerKind, { column: 'adjustedFen' | 'committedFen' | 'paidFen'; sign: 1 | -1 }> = {
  adjustment: { column: 'adjustedFen', sign: 1 },
  commitment: { column: 'committedFen', sign: 1 },
  decommitment: { column: 'committedFen', sign: -1 },
  payment: { column: 'paidFen', sign: 1 },
  payment_reversal: { column: 'paidFen', sign: -1 },
};

/**
 * The only writer of budget-line totals. Each movement locks the line row, updates its running
 * total, appends the ledger entry and the audit event, all in the caller's transaction. The
 * table's CHECK constraints (committed ≤ budget + adjustments, paid ≤ committed) turn any race or
 * bug into a refused transaction rather than an overspend.
 */
@Injectable()
export class LedgerService {
  constructor(private readonly audit: AuditService) {}

  async lockLine(manager: EntityManager, budgetLineId: number): Promise<BudgetLine> {
    const line = await manager.findOne(BudgetLine, {
      where: { id: budgetLineId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!line) throw new DomainError('NOT_FOUND');
    return line;
  }

  async apply(manager: EntityManager, actor: Actor, movement: LedgerMovement): Promise<LedgerEntry> {
    const effect = EFFECT[movement.kind];
    // Adjustments are signed by nature; every other kind carries a positive amount.
    if (movement.kind !== 'adjustment' && movement.amountFen <= 0) {
      throw new Error(`ledger ${movement.kind} must be positive, got ${movement.amountFen}`);
    }
    const line = await this.lockLine(manager, movement.budgetLineId);
    const before = { adjustedFen: line.adjustedFen, committedFen: line.committedFen, paidFen: line.paidFen };
    const delta = effect.sign * movement.amountFen;
    line[effect.column] += delta;
    try {
      await manager.query(`SAVEPOINT ledger_movement`);
      await manager.update(
        BudgetLine,
        { id: line.id },
        { adjustedFen: line.adjustedFen, committedFen: line.committedFen, paidFen: line.paidFen },
      );
      await manager.query(`RELEASE SAVEPOINT ledger_movement`);
    } catch (error) {
      if (pgErrorOf(error)?.code === PG_CHECK_VIOLATION) {
        await manager.query(`ROLLBACK TO SAVEPOINT ledger_movement`);
        throw new DomainError('BUDGET_EXCEEDED');
      }
      throw error;
    }
    const entry = manager.create(LedgerEntry, {
      budgetLineId: line.id,
      kind: movement.kind,
      source: movement.source,
      sourceId: movement.sourceId,
      // Stored as the signed effect on its running total, so totals are plain sums.
      amountFen: delta,
      reason: movement.reason ?? null,
      actorUserId: actor.user?.id ?? null,
    });
    await manager.save(entry);
    await this.audit.record(manager, actor, {
      action: `ledger.${movement.kind}`,
      entityType: 'budget_line',
      entityId: line.id,
      before,
      after: {
        adjustedFen: line.adjustedFen,
        committedFen: line.committedFen,
        paidFen: line.paidFen,
        entryId: entry.id,
        source: movement.source,
        sourceId: movement.sourceId,
        amountFen: movement.amountFen,
        reason: movement.reason ?? null,
      },
    });
    return entry;
  }
}
