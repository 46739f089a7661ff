import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  VersionColumn,
  type Relation,
} from 'typeorm';
import { bigintAsNumber } from '../../database/transformers.js';
import { BudgetLine } from '../budgets/budget-line.entity.js';
import { DirectExpenditure } from '../budgets/direct-expenditure.entity.js';
import { LedgerEntry } from '../budgets/ledger-entry.entity.js';
import { OrgUnit } from '../orgs/org-unit.entity.js';
import { User } from '../users/user.entity.js';
import { Project } from '../delivery/delivery.entities.js';

export type PaymentStatusValue = 'requested' | 'approved' | 'rejected' | 'paid' | 'reversed';

/**
 * A payment (拨付): requested → approved by another finance officer → recorded as paid, or
 * rejected; a paid one may be reversed with a reason, never deleted. The ledger entries of the
 * payment and of its reversal are referenced uniquely, so a payment moves money at most once.
 */
// Read indexes of migration 1764000000800 (INCLUDE, partial or trigram: TypeORM leaves them alone).
@Index('idx_payment_paid_project', { synchronize: false })
@Entity('payment')
@Index('idx_payment_project', ['projectId', 'id'])
@Index('idx_payment_expenditure', ['directExpenditureId', 'id'])
@Index('idx_payment_status', ['status', 'id'])
@Index('idx_payment_line_status', ['budgetLineId', 'status'])
@Index('uq_payment_request_key', ['requestKey'], { unique: true, where: `"request_key" IS NOT NULL` })
@Index('uq_payment_record_key', ['recordKey'], { unique: true, where: `"record_key" IS NOT NULL` })
@Index('uq_payment_voucher_no', ['voucherNo'], { unique: true, where: `"voucher_no" IS NOT NULL` })
@Index('uq_payment_ledger_entry', ['ledgerEntryId'], { unique: true, where: `"ledger_entry_id" IS NOT NULL` })
@Index('uq_payment_reversal_entry', ['reversalEntryId'], {
  unique: true,
  where: `"reversal_entry_id" IS NOT NULL`,
})
@Check('chk_payment_status', `"status" IN ('requested', 'approved', 'rejected', 'paid', 'reversed')`)
@Check('chk_payment_amount', `"amount_fen" > 0`)
@Check(
  'chk_payment_source',
  `("source" = 'award' AND "project_id" IS NOT NULL AND "direct_expenditure_id" IS NULL) OR ("source" = 'direct_expenditure' AND "direct_expenditure_id" IS NOT NULL AND "project_id" IS NULL)`,
)
@Check(
  'chk_payment_maker_checker',
  `"approved_by_user_id" IS NULL OR "approved_by_user_id" <> "requested_by_user_id"`,
)
@Check(
  'chk_payment_paid',
  `"status" NOT IN ('paid', 'reversed') OR ("paid_on" IS NOT NULL AND "voucher_no" IS NOT NULL AND "bank_reference" IS NOT NULL AND "ledger_entry_id" IS NOT NULL AND "approved_by_user_id" IS NOT NULL)`,
)
@Check(
  'chk_payment_reversed',
  `"status" <> 'reversed' OR ("reversal_entry_id" IS NOT NULL AND "reversed_reason" IS NOT NULL)`,
)
export class Payment {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 20 })
  source: 'award' | 'direct_expenditure';

  @Column({ name: 'project_id', type: 'int', nullable: true })
  projectId: number | null;

  @ManyToOne(() => Project, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'project_id' })
  project?: Relation<Project>;

  @Column({ name: 'direct_expenditure_id', type: 'int', nullable: true })
  directExpenditureId: number | null;

  @ManyToOne(() => DirectExpenditure, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'direct_expenditure_id' })
  directExpenditure?: Relation<DirectExpenditure>;

  @Column({ name: 'budget_line_id', type: 'int' })
  budgetLineId: number;

  @ManyToOne(() => BudgetLine, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'budget_line_id' })
  budgetLine?: Relation<BudgetLine>;

  /** The org unit that scopes who may read it: the project's community or the line's unit. */
  @Column({ name: 'unit_id', type: 'int' })
  unitId: number;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unit?: Relation<OrgUnit>;

  @Column({ name: 'amount_fen', type: 'bigint', transformer: bigintAsNumber })
  amountFen: number;

  @Column({ type: 'varchar', length: 200 })
  purpose: string;

  @Column({ type: 'varchar', length: 20, default: 'requested' })
  status: PaymentStatusValue;

  @Column({ name: 'request_key', type: 'varchar', length: 100, nullable: true })
  requestKey: string | null;

  @Column({ name: 'requested_by_user_id', type: 'int' })
  requestedByUserId: number;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'requested_by_user_id' })
  requestedBy?: Relation<User>;

  @CreateDateColumn({ name: 'requested_at', type: 'timestamptz' })
  requestedAt: Date;

  @Column({ name: 'approved_by_user_id', type: 'int', nullable: true })
  approvedByUserId: number | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'approved_by_user_id' })
  approvedBy?: Relation<User>;

  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true })
  approvedAt: Date | null;

  @Column({ name: 'rejected_reason', type: 'text', nullable: true })
  rejectedReason: string | null;

  @Column({ name: 'paid_on', type: 'date', nullable: true })
  paidOn: string | null;

  @Column({ name: 'voucher_no', type: 'varchar', length: 50, nullable: true })
  voucherNo: string | null;

  @Column({ name: 'bank_reference', type: 'varchar', length: 100, nullable: true })
  bankReference: string | null;

  @Column({ name: 'record_key', type: 'varchar', length: 100, nullable: true })
  recordKey: string | null;

  @Column({ name: 'recorded_by_user_id', type: 'int', nullable: true })
  recordedByUserId: number | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recorded_by_user_id' })
  recordedBy?: Relation<User>;

  @Column({ name: 'recorded_at', type: 'timestamptz', nullable: true })
  recordedAt: Date | null;

  @Column({ name: 'ledger_entry_id', type: 'int', nullable: true })
  ledgerEntryId: number | null;

  @ManyToOne(() => LedgerEntry, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'ledger_entry_id' })
  ledgerEntry?: Relation<LedgerEntry>;

  @Column({ name: 'reversal_entry_id', type: 'int', nullable: true })
  reversalEntryId: number | null;

  @ManyToOne(() => LedgerEntry, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reversal_entry_id' })
  reversalEntry?: Relation<LedgerEntry>;

  @Column({ name: 'reversed_reason', type: 'text', nullable: true })
  reversedReason: string | null;

  @Column({ name: 'reversed_by_user_id', type: 'int', nullable: true })
  reversedByUserId: number | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reversed_by_user_id' })
  reversedBy?: Relation<User>;

  @Column({ name: 'reversed_at', type: 'timestamptz', nullable: true })
  reversedAt: Date | null;

  @VersionColumn()
  version: number;
}
