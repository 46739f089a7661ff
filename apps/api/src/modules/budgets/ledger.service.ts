import { Injectable } from '@nestjs/common';
import { DomainError } from '@xiaoshi/contracts';
import { ledgerMovement } from '@xiaoshi/domain';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../common/actor.js';
import { AuditService } from '../audit/audit.service.js';
import type { BudgetLine } from './budget-line.entity.js';
import type { LedgerEntry, LedgerKind, LedgerSource } from './ledger-entry.entity.js';
import { LedgerRepository } from './ledger.repository.js';

export interface LedgerMovement {
  budgetLineId: number;
  kind: LedgerKind;
  source: LedgerSource;
  sourceId: number | null;
  /** Positive fen; the kind decides the direction. */
  amountFen: number;
  reason?: string | null;
}

/**
 * The only writer of budget-line totals. Each movement locks the line row, updates its running
 * total (the arithmetic is libs/domain's ledgerMovement), appends the ledger entry and the audit
 * event, all in the caller's transaction. The table's CHECK constraints (committed ≤ budget +
 * adjustments, paid ≤ committed) turn any race or bug into a refused transaction rather than an
 * overspend.
 */
@Injectable()
export class LedgerService {
  constructor(
    private readonly audit: AuditService,
    private readonly repository: LedgerRepository = new LedgerRepository(),
  ) {}

  async lockLine(manager: EntityManager, budgetLineId: number): Promise<BudgetLine> {
    const line = await this.repository.lockLine(manager, budgetLineId);
    if (!line) throw new DomainError('NOT_FOUND');
    return line;
  }

  async apply(manager: EntityManager, actor: Actor, movement: LedgerMovement): Promise<LedgerEntry> {
    const line = await this.lockLine(manager, movement.budgetLineId);
    const before = { adjustedFen: line.adjustedFen, committedFen: line.committedFen, paidFen: line.paidFen };
    const { totals, deltaFen } = ledgerMovement(
      { adjustmentsFen: line.adjustedFen, committedFen: line.committedFen, paidFen: line.paidFen },
      movement.kind,
      movement.amountFen,
    );
    const after = { adjustedFen: totals.adjustmentsFen, committedFen: totals.committedFen, paidFen: totals.paidFen };
    if ((await this.repository.writeTotals(manager, line.id, after)) === 'refused') throw new DomainError('BUDGET_EXCEEDED');
    Object.assign(line, after);
    const entry = await this.repository.insertEntry(manager, {
      budgetLineId: line.id,
      kind: movement.kind,
      source: movement.source,
      sourceId: movement.sourceId,
      // Stored as the signed effect on its running total, so totals are plain sums.
      amountFen: deltaFen,
      reason: movement.reason ?? null,
      actorUserId: actor.user?.id ?? null,
    });
    await this.audit.record(manager, actor, {
      action: `ledger.${movement.kind}`,
      entityType: 'budget_line',
      entityId: line.id,
      before,
      after: {
        ...after,
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
