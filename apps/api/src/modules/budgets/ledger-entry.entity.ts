import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  JoinColumn,
  ManyToOne,
  type Relation,
} from 'typeorm';
import { BudgetLine } from './budget-line.entity.js';
import { bigintAsNumber } from '../../database/transformers.js';

/** The closed sets live in the contracts, where the web's labels are checked against them. */
import type { LedgerKind, LedgerSource } from '@xiaoshi/contracts';
export type { LedgerKind, LedgerSource };

/** Every movement on a budget line, signed, in fen. The line's totals are their running sums. */
@Entity('ledger_entry')
@Index('idx_ledger_entry_line', ['budgetLineId', 'id'])
@Index('idx_ledger_entry_source', ['source', 'sourceId'])
// A source (an award, an expenditure, a stipend batch) is committed at most once.
@Index('uq_ledger_entry_commitment', ['source', 'sourceId'], {
  unique: true,
  where: `"kind" = 'commitment' AND "source_id" IS NOT NULL`,
})
@Check(
  'chk_ledger_entry_kind',
  `"kind" IN ('adjustment', 'commitment', 'decommitment', 'payment', 'payment_reversal')`,
)
@Check('chk_ledger_entry_source', `"source" IN ('adjustment', 'award', 'direct_expenditure', 'stipend')`)
export class LedgerEntry {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'budget_line_id', type: 'int' })
  budgetLineId: number;

  @ManyToOne(() => BudgetLine, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'budget_line_id' })
  budgetLine?: Relation<BudgetLine>;

  @Column({ type: 'varchar', length: 20 })
  kind: LedgerKind;

  @Column({ type: 'varchar', length: 20 })
  source: LedgerSource;

  @Column({ name: 'source_id', type: 'int', nullable: true })
  sourceId: number | null;

  @Column({ name: 'amount_fen', type: 'bigint', transformer: bigintAsNumber })
  amountFen: number;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'actor_user_id', type: 'int', nullable: true })
  actorUserId: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
