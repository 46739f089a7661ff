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
import type { StipendReportChange } from '@xiaoshi/contracts';
import { bigintAsNumber } from '../../database/transformers.js';
import { OrgUnit } from '../orgs/org-unit.entity.js';
import { User } from '../users/user.entity.js';
import { StipendProgramme } from './stipend-programme.entity.js';

export type StipendReportStatus = 'submitted' | 'approved' | 'returned';

/**
 * A street's quarterly report (季度报送): the street's roster as it stood when submitted (the
 * entries) and its changes since the street's last approved report. The district approves it or
 * returns it with a reason; a returned report is submitted again. Batches are computed from the
 * approved entries, so later roster edits wait for the next quarter (docs/decisions/0005).
 */
@Entity('stipend_street_report')
@Index('uq_stipend_street_report_quarter', ['programmeId', 'streetId', 'year', 'quarter'], { unique: true })
@Check('chk_stipend_street_report_status', `"status" IN ('submitted', 'approved', 'returned')`)
@Check('chk_stipend_street_report_quarter', `"quarter" BETWEEN 1 AND 4`)
@Check('chk_stipend_street_report_audit', `("status" = 'submitted') = ("audited_by_user_id" IS NULL)`)
@Check('chk_stipend_street_report_reason', `("status" = 'returned') = ("return_reason" IS NOT NULL)`)
export class StipendStreetReport {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'programme_id', type: 'int' })
  programmeId: number;

  @ManyToOne(() => StipendProgramme, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'programme_id' })
  programme?: Relation<StipendProgramme>;

  @Column({ name: 'street_id', type: 'int' })
  streetId: number;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'street_id' })
  street?: Relation<OrgUnit>;

  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'int' })
  quarter: number;

  @Column({ type: 'varchar', length: 12 })
  status: StipendReportStatus;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  changes: StipendReportChange[];

  @Column({ name: 'people_count', type: 'int' })
  peopleCount: number;

  @Column({ name: 'monthly_total_fen', type: 'bigint', transformer: bigintAsNumber })
  monthlyTotalFen: number;

  @Column({ name: 'submitted_by_user_id', type: 'int' })
  submittedByUserId: number;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'submitted_by_user_id' })
  submittedBy?: Relation<User>;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt: Date;

  @Column({ name: 'audited_by_user_id', type: 'int', nullable: true })
  auditedByUserId: number | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'audited_by_user_id' })
  auditedBy?: Relation<User> | null;

  @Column({ name: 'audited_at', type: 'timestamptz', nullable: true })
  auditedAt: Date | null;

  @Column({ name: 'return_reason', type: 'text', nullable: true })
  returnReason: string | null;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
