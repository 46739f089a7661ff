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
import type { AgreementTrancheConditionName, SocialOrgType } from '@xiaoshi/contracts';
import { bigintAsNumber } from '../../database/transformers.js';
import { BudgetLine } from '../budgets/budget-line.entity.js';
import { DirectExpenditure } from '../budgets/direct-expenditure.entity.js';
import { OrgUnit } from '../orgs/org-unit.entity.js';
import { Payment } from '../payments/payment.entity.js';
import { User } from '../users/user.entity.js';

/** numeric(5,1) as a JS number (evaluation points in halves). */
const pointsAsNumber = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/** A partner social organisation in the district's registry (统一社会信用代码 per GB 32100). */
@Entity('social_org')
@Index('uq_social_org_credit_code', ['unitId', 'creditCode'], { unique: true })
@Check(
  'chk_social_org_type',
  `"org_type" IN ('social_work_agency', 'social_group', 'private_non_enterprise', 'foundation', 'other')`,
)
@Check('chk_social_org_credit_code', `"credit_code" ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'`)
@Check('chk_social_org_phone', `"contact_phone" ~ '^[0-9]{10,12}$'`)
export class SocialOrg {
  @PrimaryGeneratedColumn()
  id: number;

  /** The district whose registry it is. */
  @Column({ name: 'unit_id', type: 'int' })
  unitId: number;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unit?: Relation<OrgUnit>;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ name: 'credit_code', type: 'char', length: 18 })
  creditCode: string;

  @Column({ name: 'org_type', type: 'varchar', length: 30 })
  orgType: SocialOrgType;

  @Column({ name: 'registration_authority', type: 'varchar', length: 100, nullable: true })
  registrationAuthority: string | null;

  @Column({ name: 'registered_on', type: 'date', nullable: true })
  registeredOn: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  qualifications: string[];

  @Column({ name: 'service_areas', type: 'text', array: true, default: () => "'{}'" })
  serviceAreas: string[];

  @Column({ name: 'contact_name', type: 'varchar', length: 50 })
  contactName: string;

  @Column({ name: 'contact_phone', type: 'varchar', length: 12 })
  contactPhone: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  address: string | null;

  @Column({ name: 'introduced_year', type: 'int', nullable: true })
  introducedYear: number | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'is_demo', type: 'boolean', default: false })
  isDemo: boolean;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** A service agreement (服务协议): deliverables, payment tranches, evaluation criteria. */
@Entity('social_org_agreement')
@Index('idx_social_org_agreement_org', ['socialOrgId', 'id'])
@Index('idx_social_org_agreement_unit', ['unitId', 'year'])
@Check('chk_social_org_agreement_status', `"status" IN ('active', 'completed', 'terminated')`)
@Check('chk_social_org_agreement_amount', `"amount_fen" > 0`)
@Check('chk_social_org_agreement_dates', `"end_date" >= "start_date"`)
@Check('chk_social_org_agreement_pass_mark', `"pass_mark" > 0`)
export class SocialOrgAgreement {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'unit_id', type: 'int' })
  unitId: number;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unit?: Relation<OrgUnit>;

  @Column({ name: 'social_org_id', type: 'int' })
  socialOrgId: number;

  @ManyToOne(() => SocialOrg, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'social_org_id' })
  socialOrg?: Relation<SocialOrg>;

  @Column({ type: 'varchar', length: 100 })
  title: string;

  @Column({ type: 'int' })
  year: number;

  @Column({ name: 'budget_line_id', type: 'int' })
  budgetLineId: number;

  @ManyToOne(() => BudgetLine, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'budget_line_id' })
  budgetLine?: Relation<BudgetLine>;

  @Column({ name: 'amount_fen', type: 'bigint', transformer: bigintAsNumber })
  amountFen: number;

  @Column({ name: 'signed_on', type: 'date' })
  signedOn: string;

  @Column({ name: 'start_date', type: 'date' })
  startDate: string;

  @Column({ name: 'end_date', type: 'date' })
  endDate: string;

  @Column({ type: 'varchar', length: 12, default: 'active' })
  status: 'active' | 'completed' | 'terminated';

  @Column({ name: 'service_community_ids', type: 'int', array: true, default: () => "'{}'" })
  serviceCommunityIds: number[];

  @Column({ type: 'jsonb' })
  deliverables: Array<{ title: string; target: string | null }>;

  @Column({ type: 'jsonb' })
  criteria: Array<{ key: string; name: string; maxPoints: number }>;

  @Column({ name: 'pass_mark', type: 'int' })
  passMark: number;

  @Column({ name: 'created_by_user_id', type: 'int' })
  createdByUserId: number;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_user_id' })
  createdBy?: Relation<User>;

  @Column({ name: 'is_demo', type: 'boolean', default: false })
  isDemo: boolean;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** A supervision and evaluation (督导评估), recorded once and never edited. */
@Entity('social_org_evaluation')
@Index('idx_social_org_evaluation_agreement', ['agreementId', 'id'])
@Check('chk_social_org_evaluation_kind', `"kind" IN ('midterm', 'final')`)
@Check('chk_social_org_evaluation_points', `"total_points" >= 0 AND "total_points" <= "max_points"`)
@Check('chk_social_org_evaluation_passed', `"passed" = ("total_points" >= "pass_mark")`)
export class SocialOrgEvaluation {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'agreement_id', type: 'int' })
  agreementId: number;

  @ManyToOne(() => SocialOrgAgreement, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agreement_id' })
  agreement?: Relation<SocialOrgAgreement>;

  @Column({ type: 'varchar', length: 10 })
  kind: 'midterm' | 'final';

  @Column({ name: 'evaluated_on', type: 'date' })
  evaluatedOn: string;

  @Column({ type: 'varchar', length: 100 })
  evaluator: string;

  @Column({ type: 'jsonb' })
  scores: Array<{ key: string; points: number; comment: string | null }>;

  @Column({ name: 'total_points', type: 'numeric', precision: 5, scale: 1, transformer: pointsAsNumber })
  totalPoints: number;

  @Column({ name: 'max_points', type: 'int' })
  maxPoints: number;

  @Column({ name: 'pass_mark', type: 'int' })
  passMark: number;

  @Column({ type: 'boolean' })
  passed: boolean;

  @Column({ type: 'text' })
  summary: string;

  @Column({ name: 'recorded_by_user_id', type: 'int' })
  recordedByUserId: number;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recorded_by_user_id' })
  recordedBy?: Relation<User>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/**
 * One payment tranche of an agreement. Requesting it commits its direct expenditure on the budget
 * line and makes the payment request (payments module) in one transaction that holds the
 * agreement's row lock; the final one (尾款, `after_evaluation`) only when that transaction finds
 * a passed evaluation, which it records — the CHECK makes a requested 尾款 without one impossible.
 */
@Entity('social_org_tranche')
@Index('uq_social_org_tranche_seq', ['agreementId', 'seq'], { unique: true })
@Index('uq_social_org_tranche_expenditure', ['directExpenditureId'], {
  unique: true,
  where: `"direct_expenditure_id" IS NOT NULL`,
})
@Check('chk_social_org_tranche_condition', `"condition" IN ('on_signing', 'on_midterm', 'after_evaluation')`)
@Check('chk_social_org_tranche_status', `"status" IN ('pending', 'requested', 'settled_outside')`)
@Check('chk_social_org_tranche_amount', `"amount_fen" > 0`)
@Check(
  'chk_social_org_tranche_gate',
  `"condition" <> 'after_evaluation' OR "status" <> 'requested' OR "passed_evaluation_id" IS NOT NULL`,
)
@Check(
  'chk_social_org_tranche_requested',
  `("status" = 'requested') = ("payment_id" IS NOT NULL AND "direct_expenditure_id" IS NOT NULL AND "requested_at" IS NOT NULL)`,
)
export class SocialOrgTranche {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'agreement_id', type: 'int' })
  agreementId: number;

  @ManyToOne(() => SocialOrgAgreement, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agreement_id' })
  agreement?: Relation<SocialOrgAgreement>;

  @Column({ type: 'int' })
  seq: number;

  @Column({ type: 'varchar', length: 50 })
  label: string;

  @Column({ name: 'amount_fen', type: 'bigint', transformer: bigintAsNumber })
  amountFen: number;

  @Column({ type: 'varchar', length: 20 })
  condition: AgreementTrancheConditionName;

  /** pending → requested (whether it is paid is the payment's status), or settled_outside. */
  @Column({ type: 'varchar', length: 20, default: 'pending' })
  status: 'pending' | 'requested' | 'settled_outside';

  /** The budget commitment: a planned expenditure already on the line, or one made on request. */
  @Column({ name: 'direct_expenditure_id', type: 'int', nullable: true })
  directExpenditureId: number | null;

  @ManyToOne(() => DirectExpenditure, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'direct_expenditure_id' })
  directExpenditure?: Relation<DirectExpenditure> | null;

  @Column({ name: 'payment_id', type: 'int', nullable: true })
  paymentId: number | null;

  @ManyToOne(() => Payment, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'payment_id' })
  payment?: Relation<Payment> | null;

  @Column({ name: 'passed_evaluation_id', type: 'int', nullable: true })
  passedEvaluationId: number | null;

  @ManyToOne(() => SocialOrgEvaluation, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'passed_evaluation_id' })
  passedEvaluation?: Relation<SocialOrgEvaluation> | null;

  @Column({ name: 'requested_by_user_id', type: 'int', nullable: true })
  requestedByUserId: number | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'requested_by_user_id' })
  requestedBy?: Relation<User> | null;

  @Column({ name: 'requested_at', type: 'timestamptz', nullable: true })
  requestedAt: Date | null;
}
