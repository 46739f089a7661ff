import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { bigintAsNumber } from '../../database/transformers.js';
import { OrgUnit } from '../orgs/org-unit.entity.js';
import { StipendPerson } from './stipend-person.entity.js';
import { StipendStreetReport } from './stipend-street-report.entity.js';

/** One person of a street report, frozen as submitted: what the district audits and pays. */
@Entity('stipend_report_entry')
@Index('uq_stipend_report_entry_person', ['reportId', 'personId'], { unique: true })
@Index('idx_stipend_report_entry_person', ['personId'])
@Check('chk_stipend_report_entry_rate', `"monthly_rate_fen" > 0`)
@Check('chk_stipend_report_entry_status', `"status" IN ('active', 'suspended', 'deceased')`)
@Check('chk_stipend_report_entry_until', `"eligible_until" IS NULL OR "eligible_until" >= "eligible_from"`)
export class StipendReportEntry {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'report_id', type: 'int' })
  reportId: number;

  @ManyToOne(() => StipendStreetReport, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'report_id' })
  report?: Relation<StipendStreetReport>;

  @Column({ name: 'person_id', type: 'int' })
  personId: number;

  @ManyToOne(() => StipendPerson, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id' })
  person?: Relation<StipendPerson>;

  @Column({ name: 'community_id', type: 'int' })
  communityId: number;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'community_id' })
  community?: Relation<OrgUnit>;

  @Column({ type: 'varchar', length: 50 })
  name: string;

  @Column({ name: 'national_id', type: 'varchar', length: 18 })
  nationalId: string;

  @Column({ name: 'monthly_rate_fen', type: 'bigint', transformer: bigintAsNumber })
  monthlyRateFen: number;

  @Column({ name: 'eligible_from', type: 'date' })
  eligibleFrom: string;

  /** Inclusive: the date of death, or the day before a removal takes effect. */
  @Column({ name: 'eligible_until', type: 'date', nullable: true })
  eligibleUntil: string | null;

  @Column({ type: 'varchar', length: 12 })
  status: string;

  @Column({ name: 'bank_name', type: 'varchar', length: 100 })
  bankName: string;

  @Column({ name: 'bank_account', type: 'varchar', length: 30 })
  bankAccount: string;

  /** Building leaders: what the rate was computed from (buildings, households, band, rule). */
  @Column({ type: 'jsonb', nullable: true })
  detail: Record<string, unknown> | null;
}
