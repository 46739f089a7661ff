import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PG_CHECK_VIOLATION, pgErrorOf } from '../../database/postgres-errors.js';
import { BudgetLine } from './budget-line.entity.js';
import { LedgerEntry } from './ledger-entry.entity.js';

/** Budget lines' running totals and the ledger entries behind them. */
@Injectable()
export class LedgerRepository {
  lockLine(manager: EntityManager, id: number): Promise<BudgetLine | null> {
    return manager.findOne(BudgetLine, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * Writes a line's running totals. 'refused' when the table's CHECK constraints reject them (the
   * transaction is rolled back to before the attempt and stays usable).
   */
  async writeTotals(
    manager: EntityManager,
    id: number,
    totals: Pick<BudgetLine, 'adjustedFen' | 'committedFen' | 'paidFen'>,
  ): Promise<'written' | 'refused'> {
    await manager.query(`SAVEPOINT ledger_movement`);
    try {
      await manager.update(BudgetLine, { id }, totals);
      await manager.query(`RELEASE SAVEPOINT ledger_movement`);
      return 'written';
    } catch (error) {
      if (pgErrorOf(error)?.code !== PG_CHECK_VIOLATION) throw error;
      await manager.query(`ROLLBACK TO SAVEPOINT ledger_movement`);
      return 'refused';
    }
  }

  insertEntry(manager: EntityManager, fields: Omit<LedgerEntry, 'id' | 'createdAt' | 'budgetLine'>): Promise<LedgerEntry> {
    return manager.save(manager.create(LedgerEntry, fields));
  }
}
