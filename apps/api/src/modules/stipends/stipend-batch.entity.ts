import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
  type Relation,
} from 'typeorm';
import { bigintAsNumber } from '../../database/transformers.js';
import { User } from '../users/user.entity.js';
import { StipendProgramme } from './stipend-programme.entity.js';
import { StipendRuleVersion } from './stipend-rule-version.entity.js';

export type StipendBatchKind = 'quarterly' | 'one_off';
export type StipendBatchStatus = 'prepared' | 'approved' | 'paid' | 'rejected';

/**
 * A payment batch (发放批次): one per programme and quarter, or per programme and election for
 * one-off subsidies — the partial unique indexes make a second one impossible, even when requests
 * race; a rejected batch frees its period. Prepared by one finance officer, approved by another
 * (the CHECK makes self-approval impossible in the database too); approval commits the total on
 * the budget line, marking it paid pays it.
 */
@Entity('stipend_batch')
@Index('uq_stipend_batch_quarter', ['programmeId', 'year', 'quarter'], {
  unique: true,
  where: `"kind" = 'quarterly' AND "status" <> 'rejected'`,
})
@Index('uq_stipend_batch_election', ['programmeId', 'electionDate'], {
  unique: true,
  where: `"kind" = 'one_off' AND "status" <> 'rejected'`,
})
@Index('idx_stipend_batch_programme', ['programmeId', 'id'])
@Check('chk_stipend_batch_kind', `"kind" IN ('quarterly', 'one_off')`)
@Check('chk_stipend_batch_status', `"status" IN ('prepared', 'approved', 'paid', 'rejected')`)
@Check(
  'chk_stipend_batch_period',
  `("kind" = 'quarterly' AND "quarter" BETWEEN 1 AND 4 AND "election_date" IS NULL) OR ("kind" = 'one_off' AND "quarter" IS NULL AND "election_date" IS NOT NULL)`,
)
@Check('chk_stipend_batch_total', `"total_fen" > 0 AND "people_count" > 0`)
@Check(
  'chk_stipend_batch_maker_checker',
  `"approved_by_user_id" IS NULL OR "approved_by_user_id" <> "prepared_by_user_id"`,
)
@Check(
  'chk_stipend_batch_approved',
  `("status" IN ('approved', 'paid')) = ("approved_by_user_id" IS NOT NULL AND "approved_at" IS NOT NULL)`,
)
@Check('chk_stipend_batch_paid', `("status" = 'paid') = ("paid_at" IS NOT NULL)`)
export class StipendBatch {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'programme_id', type: 'int' })
  programmeId: number;

  @ManyToOne(() => StipendProgramme, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'programme_id' })
  programme?: Relation<StipendProgramme>;

  @Column({ type: 'varchar', length: 12 })
  kind: StipendBatchKind;

  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'int', nullable: true })
  quarter: number | null;

  @Column({ name: 'election_date', type: 'date', nullable: true })
  electionDate: string | null;

  @Column({ type: 'varchar', length: 12, default: 'prepared' })
  status: StipendBatchStatus;

  @Column({ name: 'total_fen', type: 'bigint', transformer: bigintAsNumber })
  totalFen: number;

  @Column({ name: 'people_count', type: 'int' })
  peopleCount: number;

  @Column({ name: 'rule_version_id', type: 'int', nullable: true })
  ruleVersionId: number | null;

  @ManyToOne(() => StipendRuleVersion, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'rule_version_id' })
  ruleVersion?: Relation<StipendRuleVersion> | null;

  @Column({ name: 'prepared_by_user_id', type: 'int' })
  preparedByUserId: number;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'prepared_by_user_id' })
  preparedBy?: Relation<User>;

  @Column({ name: 'prepared_at', type: 'timestamptz' })
  preparedAt: Date;

  @Column({ name: 'approved_by_user_id', type: 'int', nullable: true })
  approvedByUserId: number | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'approved_by_user_id' })
  approvedBy?: Relation<User> | null;

  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true })
  approvedAt: Date | null;

  @Column({ name: 'reject_reason', type: 'text', nullable: true })
  rejectReason: string | null;

  @Column({ name: 'paid_by_user_id', type: 'int', nullable: true })
  paidByUserId: number | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'paid_by_user_id' })
  paidBy?: Relation<User> | null;

  @Column({ name: 'paid_at', type: 'timestamptz', nullable: true })
  paidAt: Date | null;

  @Column({ name: 'paid_on', type: 'date', nullable: true })
  paidOn: string | null;

  @Column({ name: 'payment_reference', type: 'varchar', length: 100, nullable: true })
  paymentReference: string | null;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
