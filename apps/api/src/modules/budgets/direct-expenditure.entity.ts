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

import type { DirectExpenditureStatus } from '@xiaoshi/contracts';
export type { DirectExpenditureStatus };
/** Where an expenditure belongs when it is not the budget office's own: a social organisation's tranche. */
export type DirectExpenditureSource = 'social_org_tranche';

/** Spending decided without a competition (活动经费, 尾款), committed through the same approval. */
@Entity('direct_expenditure')
@Index('idx_direct_expenditure_line', ['budgetLineId', 'id'])
@Check('chk_direct_expenditure_status', `"status" IN ('planned', 'committed', 'paid', 'cancelled')`)
@Check('chk_direct_expenditure_amount', `"amount_fen" > 0`)
@Check(
  'chk_direct_expenditure_source',
  `("source" IS NULL AND "source_id" IS NULL) OR ("source" = 'social_org_tranche' AND "source_id" IS NOT NULL)`,
)
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

  /**
   * Null for the budget office's own spending. 'social_org_tranche' (source_id = the tranche): it is
   * approved and paid only through the tranche's request, behind its evaluation gate.
   */
  @Column({ type: 'varchar', length: 30, nullable: true })
  source: DirectExpenditureSource | null;

  @Column({ name: 'source_id', type: 'int', nullable: true })
  sourceId: number | null;

  @Column({ name: 'is_demo', type: 'boolean', default: false })
  isDemo: boolean;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
