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
import { BudgetLine } from './budget-line.entity.js';
import { bigintAsNumber } from '../../database/transformers.js';

export type DirectExpenditureStatus = 'planned' | 'committed' | 'paid' | 'cancelled';

/** Spending decided without a competition (活动经费, 尾款), committed through the same approval. */
@Entity('direct_expenditure')
@Index('idx_direct_expenditure_line', ['budgetLineId', 'id'])
@Check('chk_direct_expenditure_status', `"status" IN ('planned', 'committed', 'paid', 'cancelled')`)
@Check('chk_direct_expenditure_amount', `"amount_fen" > 0`)
export class DirectExpenditure {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'budget_line_id', type: 'int' })
  budgetLineId: number;

  @ManyToOne(() => BudgetLine, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'budget_line_id' })
  budgetLine?: Relation<BudgetLine>;

  @Column({ type: 'varchar', length: 100 })
  title: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ name: 'planned_date', type: 'date', nullable: true })
  plannedDate: string | null;

  @Column({ name: 'amount_fen', type: 'bigint', transformer: bigintAsNumber })
  amountFen: number;

  @Column({ type: 'varchar', length: 20, default: 'planned' })
  status: DirectExpenditureStatus;

  @Column({ name: 'is_demo', type: 'boolean', default: false })
  isDemo: boolean;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
