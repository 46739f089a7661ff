import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from '../../database/transformers.js';

/**
 * The ledger's movements of a budget line by month ('YYYY-MM', Asia/Shanghai, of the entry's
 * created_at): net commitments, net payments and how many entries (adjustments left out). Kept by
 * the trigger `ledger_entry_figures` in the inserting transaction (migration 1764000000900), so
 * the month figures read a few rows per line. Read-only for the code.
 */
@Entity('ledger_figure')
export class LedgerFigure {
  @PrimaryColumn({ name: 'budget_line_id', type: 'int', primaryKeyConstraintName: 'pk_ledger_figure' })
  budgetLineId: number;

  @PrimaryColumn({ type: 'varchar', length: 7, primaryKeyConstraintName: 'pk_ledger_figure' })
  month: string;

  @Column({ name: 'committed_fen', type: 'bigint', default: 0, transformer: bigintAsNumber })
  committedFen: number;

  @Column({ name: 'paid_fen', type: 'bigint', default: 0, transformer: bigintAsNumber })
  paidFen: number;

  @Column({ type: 'int', default: 0 })
  entries: number;
}

/**
 * What each street was awarded (net commitments of awards) and paid (net payments to its
 * projects) on a budget line: the ledger entries of source 'award', by the street of the award's
 * application. Kept by the same trigger; district-level money (direct expenditures, stipend
 * batches, adjustments) has no street and is not here.
 */
@Entity('ledger_street_figure')
export class LedgerStreetFigure {
  @PrimaryColumn({ name: 'street_id', type: 'int', primaryKeyConstraintName: 'pk_ledger_street_figure' })
  streetId: number;

  @PrimaryColumn({ name: 'budget_line_id', type: 'int', primaryKeyConstraintName: 'pk_ledger_street_figure' })
  budgetLineId: number;

  @Column({ name: 'awarded_fen', type: 'bigint', default: 0, transformer: bigintAsNumber })
  awardedFen: number;

  @Column({ name: 'paid_fen', type: 'bigint', default: 0, transformer: bigintAsNumber })
  paidFen: number;
}
