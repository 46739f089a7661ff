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
import { OrgUnit } from '../orgs/org-unit.entity.js';
import { StipendProgramme } from './stipend-programme.entity.js';

export type StipendPersonStatus = 'active' | 'suspended' | 'deceased';

/**
 * One person on a quarterly programme's roster (名册), entered by their street. The ID number is
 * unique per roster and re-imports update by it; birth date and sex are derived from it. The ID
 * number and the bank account are personal data: views mask them unless the caller may see them.
 * `removed_on` is the first day the person is no longer paid (停发生效日期).
 */
@Entity('stipend_person')
@Index('uq_stipend_person_national_id', ['programmeId', 'nationalId'], { unique: true })
@Index('idx_stipend_person_street', ['programmeId', 'streetId', 'id'])
@Index('idx_stipend_person_community', ['communityId', 'id'])
@Check('chk_stipend_person_national_id', `"national_id" ~ '^[0-9]{17}[0-9X]$'`)
@Check('chk_stipend_person_bank_account', `"bank_account" ~ '^[0-9]{12,30}$'`)
@Check('chk_stipend_person_sex', `"sex" IN ('male', 'female')`)
@Check('chk_stipend_person_status', `"status" IN ('active', 'suspended', 'deceased')`)
@Check('chk_stipend_person_death', `("status" = 'deceased') = ("death_date" IS NOT NULL)`)
@Check('chk_stipend_person_rate', `"monthly_rate_fen" > 0`)
@Check('chk_stipend_person_removal', `("removed_on" IS NULL) = ("removal_reason" IS NULL)`)
@Check('chk_stipend_person_departure', `("departure_date" IS NULL) = ("normal_departure" IS NULL)`)
export class StipendPerson {
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

  @Column({ name: 'community_id', type: 'int' })
  communityId: number;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'community_id' })
  community?: Relation<OrgUnit>;

  @Column({ type: 'varchar', length: 50 })
  name: string;

  /** 身份证号, GB 11643, upper-case X. */
  @Column({ name: 'national_id', type: 'varchar', length: 18 })
  nationalId: string;

  @Column({ name: 'birth_date', type: 'date' })
  birthDate: string;

  @Column({ type: 'varchar', length: 6 })
  sex: 'male' | 'female';

  /** Retired cadres: the day they left office (null for building leaders). */
  @Column({ name: 'departure_date', type: 'date', nullable: true })
  departureDate: string | null;

  @Column({ name: 'normal_departure', type: 'boolean', nullable: true })
  normalDeparture: boolean | null;

  /** First day of eligibility (a cadre's departure date unless stated; a leader's first day). */
  @Column({ name: 'eligible_from', type: 'date' })
  eligibleFrom: string;

  @Column({ name: 'monthly_rate_fen', type: 'bigint', transformer: bigintAsNumber })
  monthlyRateFen: number;

  @Column({ name: 'bank_name', type: 'varchar', length: 100 })
  bankName: string;

  @Column({ name: 'bank_account', type: 'varchar', length: 30 })
  bankAccount: string;

  @Column({ type: 'varchar', length: 12, default: 'active' })
  status: StipendPersonStatus;

  @Column({ name: 'death_date', type: 'date', nullable: true })
  deathDate: string | null;

  @Column({ name: 'removed_on', type: 'date', nullable: true })
  removedOn: string | null;

  @Column({ name: 'removal_reason', type: 'text', nullable: true })
  removalReason: string | null;

  @Column({ name: 'is_demo', type: 'boolean', default: false })
  isDemo: boolean;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
