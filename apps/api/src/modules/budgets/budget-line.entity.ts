import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
  JoinColumn,
  ManyToOne,
  type Relation,
} from 'typeorm';
import { Programme } from './programme.entity.js';
import { OrgUnit } from '../orgs/org-unit.entity.js';
import { bigintAsNumber } from '../../database/transformers.js';

/**
 * A budget line (资金安排) in fen. The running totals are kept on the row and changed only with
 * the row locked, inside the transaction that writes the matching ledger entry; the CHECK
 * constraints are the last line of defence: committed never exceeds budget + adjustments, paid
 * never exceeds committed.
 */
@Entity('budget_line')
@Index('idx_budget_line_programme', ['programmeId', 'id'])
@Check('chk_budget_line_amount', `"amount_fen" >= 0 AND "amount_fen" + "adjusted_fen" >= 0`)
@Check(
  'chk_budget_line_committed',
  `"committed_fen" >= 0 AND "committed_fen" <= "amount_fen" + "adjusted_fen"`,
)
@Check('chk_budget_line_paid', `"paid_fen" >= 0 AND "paid_fen" <= "committed_fen"`)
export class BudgetLine {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'programme_id', type: 'int' })
  programmeId: number;

  @ManyToOne(() => Programme, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'programme_id' })
  programme?: Relation<Programme>;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  /** The budget as approved. Changes go through adjustments, never through this column. */
  @Column({ name: 'amount_fen', type: 'bigint', transformer: bigintAsNumber })
  amountFen: number;

  @Column({ name: 'adjusted_fen', type: 'bigint', default: 0, transformer: bigintAsNumber })
  adjustedFen: number;

  @Column({ name: 'committed_fen', type: 'bigint', default: 0, transformer: bigintAsNumber })
  committedFen: number;

  @Column({ name: 'paid_fen', type: 'bigint', default: 0, transformer: bigintAsNumber })
  paidFen: number;

  @Column({ name: 'unit_id', type: 'int' })
  unitId: number;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unit?: Relation<OrgUnit>;

  @Column({ name: 'is_demo', type: 'boolean', default: false })
  isDemo: boolean;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
