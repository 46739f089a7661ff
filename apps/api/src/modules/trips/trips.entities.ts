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
import type { TripCostKindName, TripEvidenceKind, TripStatus } from '@xiaoshi/contracts';
import { bigintAsNumber } from '../../database/transformers.js';
import { BudgetLine } from '../budgets/budget-line.entity.js';
import { DirectExpenditure } from '../budgets/direct-expenditure.entity.js';
import { OrgUnit } from '../orgs/org-unit.entity.js';
import { User } from '../users/user.entity.js';

/**
 * A version of the district's training-cost norm table (培训费综合定额标准, e.g. 呈财联〔2021〕5号):
 * a rate per person per day for each category, from a day on. A trip's estimate freezes the rate
 * it used, so editing a version never rewrites an approved estimate.
 */
@Entity('training_norm_version')
@Index('uq_training_norm_version_effective', ['unitId', 'effectiveFrom'], { unique: true })
export class TrainingNormVersion {
  @PrimaryGeneratedColumn()
  id: number;

  /** The district whose table it is. */
  @Column({ name: 'unit_id', type: 'int' })
  unitId: number;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unit?: Relation<OrgUnit>;

  @Column({ name: 'document_number', type: 'varchar', length: 100 })
  documentNumber: string;

  @Column({ type: 'text', nullable: true })
  title: string | null;

  @Column({ name: 'effective_from', type: 'date' })
  effectiveFrom: string;

  @Column({ type: 'jsonb' })
  items: Array<{ category: string; label: string; perPersonPerDayFen: number }>;

  @Column({ name: 'is_demo', type: 'boolean', default: false })
  isDemo: boolean;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/**
 * A study and training trip (学习考察): community cadres to an advanced area, costed from the norm
 * table, approved by the district, completed with attendance, evidence and its actual costs — a
 * direct expenditure committed on its budget line in the same transaction.
 */
@Entity('study_trip')
@Index('idx_study_trip_unit', ['unitId', 'id'])
@Index('uq_study_trip_expenditure', ['directExpenditureId'], { unique: true, where: `"direct_expenditure_id" IS NOT NULL` })
@Check(
  'chk_study_trip_status',
  `"status" IN ('draft', 'submitted', 'approved', 'returned', 'completed', 'cancelled')`,
)
@Check('chk_study_trip_dates', `"end_date" >= "start_date"`)
@Check('chk_study_trip_money', `"estimate_fen" >= 0 AND "rate_fen" > 0 AND "travel_per_person_fen" >= 0`)
@Check(
  'chk_study_trip_completed',
  `("status" = 'completed') = ("direct_expenditure_id" IS NOT NULL AND "actual_fen" IS NOT NULL)`,
)
@Check(
  'chk_study_trip_approved',
  `"status" NOT IN ('approved', 'completed') OR ("approved_by_user_id" IS NOT NULL AND "approved_at" IS NOT NULL)`,
)
@Check('chk_study_trip_returned', `("status" = 'returned') = ("return_reason" IS NOT NULL)`)
export class StudyTrip {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'unit_id', type: 'int' })
  unitId: number;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unit?: Relation<OrgUnit>;

  @Column({ name: 'budget_line_id', type: 'int' })
  budgetLineId: number;

  @ManyToOne(() => BudgetLine, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'budget_line_id' })
  budgetLine?: Relation<BudgetLine>;

  @Column({ type: 'varchar', length: 100 })
  title: string;

  @Column({ type: 'varchar', length: 100 })
  destination: string;

  @Column({ type: 'text', nullable: true })
  purpose: string | null;

  @Column({ name: 'start_date', type: 'date' })
  startDate: string;

  @Column({ name: 'end_date', type: 'date' })
  endDate: string;

  @Column({ type: 'varchar', length: 30 })
  category: string;

  @Column({ name: 'category_label', type: 'varchar', length: 50 })
  categoryLabel: string;

  @Column({ name: 'staff_count', type: 'int', default: 0 })
  staffCount: number;

  @Column({ name: 'travel_per_person_fen', type: 'bigint', transformer: bigintAsNumber, default: 0 })
  travelPerPersonFen: number;

  /** The norm version and rate the estimate used (frozen). */
  @Column({ name: 'norm_version_id', type: 'int' })
  normVersionId: number;

  @ManyToOne(() => TrainingNormVersion, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'norm_version_id' })
  normVersion?: Relation<TrainingNormVersion>;

  @Column({ name: 'rate_fen', type: 'bigint', transformer: bigintAsNumber })
  rateFen: number;

  @Column({ name: 'estimate_fen', type: 'bigint', transformer: bigintAsNumber })
  estimateFen: number;

  @Column({ type: 'varchar', length: 12, default: 'draft' })
  status: TripStatus;

  @Column({ name: 'created_by_user_id', type: 'int' })
  createdByUserId: number;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_user_id' })
  createdBy?: Relation<User>;

  @Column({ name: 'submitted_by_user_id', type: 'int', nullable: true })
  submittedByUserId: number | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'submitted_by_user_id' })
  submittedBy?: Relation<User> | null;

  @Column({ name: 'approved_by_user_id', type: 'int', nullable: true })
  approvedByUserId: number | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'approved_by_user_id' })
  approvedBy?: Relation<User> | null;

  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true })
  approvedAt: Date | null;

  @Column({ name: 'return_reason', type: 'text', nullable: true })
  returnReason: string | null;

  @Column({ name: 'actual_fen', type: 'bigint', transformer: bigintAsNumber, nullable: true })
  actualFen: number | null;

  @Column({ name: 'direct_expenditure_id', type: 'int', nullable: true })
  directExpenditureId: number | null;

  @ManyToOne(() => DirectExpenditure, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'direct_expenditure_id' })
  directExpenditure?: Relation<DirectExpenditure> | null;

  @Column({ name: 'is_demo', type: 'boolean', default: false })
  isDemo: boolean;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** A community cadre on a trip; `attended` is recorded afterwards (null until then). */
@Entity('study_trip_participant')
@Index('uq_study_trip_participant', ['tripId', 'communityId', 'name'], { unique: true })
@Index('idx_study_trip_participant_community', ['communityId'])
export class StudyTripParticipant {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'trip_id', type: 'int' })
  tripId: number;

  @ManyToOne(() => StudyTrip, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'trip_id' })
  trip?: Relation<StudyTrip>;

  @Column({ name: 'community_id', type: 'int' })
  communityId: number;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'community_id' })
  community?: Relation<OrgUnit>;

  @Column({ name: 'street_id', type: 'int' })
  streetId: number;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'street_id' })
  street?: Relation<OrgUnit>;

  @Column({ type: 'varchar', length: 50 })
  name: string;

  @Column({ type: 'varchar', length: 50 })
  post: string;

  @Column({ type: 'boolean', nullable: true })
  attended: boolean | null;
}

/** One line of a completed trip's actual costs. */
@Entity('study_trip_cost')
@Index('idx_study_trip_cost_trip', ['tripId'])
@Check(
  'chk_study_trip_cost_kind',
  `"kind" IN ('accommodation', 'meals', 'venue', 'materials', 'local_transport', 'travel', 'other')`,
)
@Check('chk_study_trip_cost_amount', `"amount_fen" > 0`)
export class StudyTripCost {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'trip_id', type: 'int' })
  tripId: number;

  @ManyToOne(() => StudyTrip, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'trip_id' })
  trip?: Relation<StudyTrip>;

  @Column({ type: 'varchar', length: 20 })
  kind: TripCostKindName;

  @Column({ name: 'amount_fen', type: 'bigint', transformer: bigintAsNumber })
  amountFen: number;

  @Column({ type: 'varchar', length: 200, nullable: true })
  note: string | null;
}

/** Attendance evidence (sign-in sheet, photos, receipts); the bytes live in the file store. */
@Entity('study_trip_evidence')
@Index('idx_study_trip_evidence_trip', ['tripId', 'id'])
@Check('chk_study_trip_evidence_kind', `"kind" IN ('attendance_sheet', 'photo', 'receipt', 'other')`)
export class StudyTripEvidence {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'trip_id', type: 'int' })
  tripId: number;

  @ManyToOne(() => StudyTrip, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'trip_id' })
  trip?: Relation<StudyTrip>;

  @Column({ type: 'varchar', length: 20 })
  kind: TripEvidenceKind;

  @Column({ name: 'original_name', type: 'varchar', length: 200 })
  originalName: string;

  @Column({ name: 'mime_type', type: 'varchar', length: 100 })
  mimeType: string;

  @Column({ name: 'size_bytes', type: 'int' })
  sizeBytes: number;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ name: 'storage_key', type: 'varchar', length: 200 })
  storageKey: string;

  @Column({ name: 'uploaded_by_user_id', type: 'int' })
  uploadedByUserId: number;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'uploaded_by_user_id' })
  uploadedBy?: Relation<User>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
