import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
  type Relation,
  type ValueTransformer,
} from 'typeorm';
import type { IndicatorBinding } from '@xiaoshi/contracts';
import type { IndicatorNature, QualitativeBand, ScoringRule, TableVersionStatus } from '@xiaoshi/domain';
import { BudgetLine } from '../budgets/budget-line.entity.js';
import { Programme } from '../budgets/programme.entity.js';
import { OrgUnit } from '../orgs/org-unit.entity.js';
import { User } from '../users/user.entity.js';

/** numeric columns (targets, points) as JS numbers; the driver hands them over as strings. */
const numericAsNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null || value === undefined ? value : Number(value)),
};

/**
 * A performance target table (项目绩效目标表) of one programme and year, answering for some or all
 * of the programme's budget lines. Its content lives in versions.
 */
@Entity('performance_table')
@Index('idx_performance_table_unit_year', ['unitId', 'year'])
export class PerformanceTable {
  @PrimaryGeneratedColumn()
  id: number;

  /** The district that owns the programme. */
  @Column({ name: 'unit_id', type: 'int' })
  unitId: number;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unit?: Relation<OrgUnit>;

  @Column({ name: 'programme_id', type: 'int' })
  programmeId: number;

  @ManyToOne(() => Programme, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'programme_id' })
  programme?: Relation<Programme>;

  @Column({ name: 'programme_name', type: 'varchar', length: 100 })
  programmeName: string;

  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ name: 'is_demo', type: 'boolean', default: false })
  isDemo: boolean;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** A budget line the table answers for. A line answers to one table only. */
@Entity('performance_table_line')
@Index('uq_performance_table_line_line', ['budgetLineId'], { unique: true })
export class PerformanceTableLine {
  @PrimaryColumn({ name: 'table_id', type: 'int' })
  tableId: number;

  @ManyToOne(() => PerformanceTable, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'table_id' })
  table?: Relation<PerformanceTable>;

  @PrimaryColumn({ name: 'budget_line_id', type: 'int' })
  budgetLineId: number;

  @ManyToOne(() => BudgetLine, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'budget_line_id' })
  budgetLine?: Relation<BudgetLine>;

  /** The line's name when the table was made (streets read it without budget access). */
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'int' })
  position: number;
}

/**
 * One version of a table's content. Draft → approved (frozen) → superseded when a later version is
 * approved. At most one draft and one approved version per table.
 */
@Entity('performance_table_version')
@Index('uq_performance_table_version_number', ['tableId', 'number'], { unique: true })
@Index('uq_performance_table_version_draft', ['tableId'], { unique: true, where: `"status" = 'draft'` })
@Index('uq_performance_table_version_approved', ['tableId'], { unique: true, where: `"status" = 'approved'` })
@Check('chk_performance_table_version_status', `"status" IN ('draft', 'approved', 'superseded')`)
@Check('chk_performance_table_version_approved', `("status" = 'draft') = ("approved_at" IS NULL)`)
@Check('chk_performance_table_version_points', `"budget_execution_points" BETWEEN 0 AND 100`)
export class PerformanceTableVersion {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'table_id', type: 'int' })
  tableId: number;

  @ManyToOne(() => PerformanceTable, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'table_id' })
  table?: Relation<PerformanceTable>;

  @Column({ type: 'int' })
  number: number;

  @Column({ type: 'varchar', length: 12 })
  status: TableVersionStatus;

  /** 中长期绩效目标 period, e.g. '2026年-2028年'. */
  @Column({ name: 'long_term_period', type: 'varchar', length: 40, default: '' })
  longTermPeriod: string;

  @Column({ name: 'long_term_goal', type: 'text', default: '' })
  longTermGoal: string;

  @Column({ name: 'annual_goal', type: 'text', default: '' })
  annualGoal: string;

  @Column({
    name: 'budget_execution_points',
    type: 'numeric',
    precision: 5,
    scale: 2,
    default: 10,
    transformer: numericAsNumber,
  })
  budgetExecutionPoints: number;

  @Column({ name: 'change_note', type: 'text', nullable: true })
  changeNote: string | null;

  @Column({ name: 'created_by_user_id', type: 'int', nullable: true })
  createdByUserId: number | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'created_by_user_id' })
  createdBy?: Relation<User> | null;

  @Column({ name: 'approved_by_user_id', type: 'int', nullable: true })
  approvedByUserId: number | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'approved_by_user_id' })
  approvedBy?: Relation<User> | null;

  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true })
  approvedAt: Date | null;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** An indicator of a version: one leaf of the 一级 → 二级 → 三级 tree. */
@Entity('performance_indicator')
@Index('uq_performance_indicator_key', ['versionId', 'key'], { unique: true })
@Index('idx_performance_indicator_position', ['versionId', 'position'])
@Check('chk_performance_indicator_nature', `"nature" IN ('=', '>=', '<=', 'qualitative')`)
@Check(
  'chk_performance_indicator_rule',
  `"rule" IN ('proportional', 'all_or_nothing', 'deduct', 'qualitative')`,
)
@Check(
  'chk_performance_indicator_qualitative',
  `("nature" = 'qualitative') = ("rule" = 'qualitative') AND ("nature" = 'qualitative') = ("target" IS NULL)`,
)
@Check('chk_performance_indicator_points', `"points" BETWEEN 0 AND 100`)
export class PerformanceIndicator {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'version_id', type: 'int' })
  versionId: number;

  @ManyToOne(() => PerformanceTableVersion, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'version_id' })
  tableVersion?: Relation<PerformanceTableVersion>;

  /** Stable across versions: manual values and deviation reasons follow it. */
  @Column({ type: 'varchar', length: 40 })
  key: string;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'varchar', length: 40 })
  level1: string;

  @Column({ type: 'varchar', length: 40 })
  level2: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 12 })
  nature: IndicatorNature;

  @Column({ type: 'numeric', precision: 20, scale: 4, nullable: true, transformer: numericAsNumber })
  target: number | null;

  @Column({ name: 'target_text', type: 'varchar', length: 50, default: '' })
  targetText: string;

  @Column({ type: 'varchar', length: 20 })
  unit: string;

  @Column({ type: 'numeric', precision: 5, scale: 2, transformer: numericAsNumber })
  points: number;

  @Column({ type: 'varchar', length: 20 })
  rule: ScoringRule;

  @Column({ name: 'rule_text', type: 'varchar', length: 500, default: '' })
  ruleText: string;

  @Column({
    name: 'deduction_per_unit',
    type: 'numeric',
    precision: 8,
    scale: 4,
    nullable: true,
    transformer: numericAsNumber,
  })
  deductionPerUnit: number | null;

  @Column({ name: 'attribute_code', type: 'varchar', length: 10, default: '' })
  attributeCode: string;

  @Column({ type: 'text', default: '' })
  content: string;

  @Column({ type: 'text', default: '' })
  basis: string;

  @Column({ name: 'data_source', type: 'varchar', length: 500, default: '' })
  dataSource: string;

  @Column({ type: 'jsonb' })
  binding: IndicatorBinding;
}

/** An evidence file behind a hand-entered value; the bytes live in the file store. */
@Entity('performance_evidence')
@Index('idx_performance_evidence_table', ['tableId', 'id'])
export class PerformanceEvidence {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'table_id', type: 'int' })
  tableId: number;

  @ManyToOne(() => PerformanceTable, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'table_id' })
  table?: Relation<PerformanceTable>;

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

/**
 * A hand-entered actual value (or the band of a qualitative indicator), append-only: the latest
 * entry of an indicator is its value, earlier ones are its history (who, when, with what evidence).
 */
@Entity('performance_manual_value')
@Index('idx_performance_manual_value_indicator', ['tableId', 'indicatorKey', 'id'])
@Check('chk_performance_manual_value_kind', `("value" IS NULL) <> ("band" IS NULL)`)
@Check(
  'chk_performance_manual_value_band',
  `"band" IS NULL OR "band" IN ('achieved', 'partly', 'not_achieved')`,
)
@Check('chk_performance_manual_value_fraction', `"band_fraction" IS NULL OR "band_fraction" BETWEEN 0 AND 1`)
export class PerformanceManualValue {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'table_id', type: 'int' })
  tableId: number;

  @ManyToOne(() => PerformanceTable, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'table_id' })
  table?: Relation<PerformanceTable>;

  @Column({ name: 'indicator_key', type: 'varchar', length: 40 })
  indicatorKey: string;

  @Column({ type: 'numeric', precision: 20, scale: 4, nullable: true, transformer: numericAsNumber })
  value: number | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  band: QualitativeBand | null;

  @Column({
    name: 'band_fraction',
    type: 'numeric',
    precision: 5,
    scale: 4,
    nullable: true,
    transformer: numericAsNumber,
  })
  bandFraction: number | null;

  @Column({ type: 'text', default: '' })
  note: string;

  @Column({ name: 'evidence_id', type: 'int' })
  evidenceId: number;

  @ManyToOne(() => PerformanceEvidence, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'evidence_id' })
  evidence?: Relation<PerformanceEvidence>;

  @Column({ name: 'entered_by_user_id', type: 'int' })
  enteredByUserId: number;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'entered_by_user_id' })
  enteredBy?: Relation<User>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

export type EvaluationStatus = 'open' | 'submitted';

/**
 * The year's self-evaluation (绩效自评) of a table: open while streets report and the district
 * writes its reasons; submitted with a frozen snapshot of the figures, scores and reasons.
 */
@Entity('performance_evaluation')
@Index('uq_performance_evaluation_table', ['tableId'], { unique: true })
@Check('chk_performance_evaluation_status', `"status" IN ('open', 'submitted')`)
@Check(
  'chk_performance_evaluation_submitted',
  `("status" = 'submitted') = ("submitted_at" IS NOT NULL AND "snapshot" IS NOT NULL AND "submitted_version_id" IS NOT NULL)`,
)
export class PerformanceEvaluation {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'table_id', type: 'int' })
  tableId: number;

  @ManyToOne(() => PerformanceTable, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'table_id' })
  table?: Relation<PerformanceTable>;

  @Column({ type: 'varchar', length: 12, default: 'open' })
  status: EvaluationStatus;

  @Column({ name: 'submitted_version_id', type: 'int', nullable: true })
  submittedVersionId: number | null;

  @ManyToOne(() => PerformanceTableVersion, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'submitted_version_id' })
  submittedVersion?: Relation<PerformanceTableVersion> | null;

  @Column({ type: 'jsonb', nullable: true })
  snapshot: Record<string, unknown> | null;

  @Column({ name: 'submitted_by_user_id', type: 'int', nullable: true })
  submittedByUserId: number | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'submitted_by_user_id' })
  submittedBy?: Relation<User> | null;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/**
 * 偏差原因分析及改进措施 for one indicator, written by a unit: the district's text is the table's,
 * a street's is its note on its own part.
 */
@Entity('performance_deviation_note')
@Index('uq_performance_deviation_note', ['evaluationId', 'unitId', 'indicatorKey'], { unique: true })
export class PerformanceDeviationNote {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'evaluation_id', type: 'int' })
  evaluationId: number;

  @ManyToOne(() => PerformanceEvaluation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'evaluation_id' })
  evaluation?: Relation<PerformanceEvaluation>;

  @Column({ name: 'unit_id', type: 'int' })
  unitId: number;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unit?: Relation<OrgUnit>;

  @Column({ name: 'indicator_key', type: 'varchar', length: 40 })
  indicatorKey: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ name: 'updated_by_user_id', type: 'int' })
  updatedByUserId: number;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'updated_by_user_id' })
  updatedBy?: Relation<User>;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

export type StreetReportStatus = 'submitted' | 'approved' | 'returned';

/** A street's confirmation of its part (its subtree's figures and notes); the district audits it. */
@Entity('performance_street_report')
@Index('uq_performance_street_report', ['evaluationId', 'streetId'], { unique: true })
@Check('chk_performance_street_report_status', `"status" IN ('submitted', 'approved', 'returned')`)
@Check('chk_performance_street_report_audit', `("status" = 'submitted') = ("audited_by_user_id" IS NULL)`)
@Check('chk_performance_street_report_reason', `("status" = 'returned') = ("return_reason" IS NOT NULL)`)
export class PerformanceStreetReport {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'evaluation_id', type: 'int' })
  evaluationId: number;

  @ManyToOne(() => PerformanceEvaluation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'evaluation_id' })
  evaluation?: Relation<PerformanceEvaluation>;

  @Column({ name: 'street_id', type: 'int' })
  streetId: number;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'street_id' })
  street?: Relation<OrgUnit>;

  @Column({ type: 'varchar', length: 12 })
  status: StreetReportStatus;

  /** The street's figures as confirmed: [{ indicatorKey, actual, rowCount }]. */
  @Column({ type: 'jsonb' })
  figures: Array<{ indicatorKey: string; actual: number | null; rowCount: number }>;

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
}
