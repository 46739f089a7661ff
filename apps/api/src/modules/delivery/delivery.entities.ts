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
  VersionColumn,
  type Relation,
} from 'typeorm';
import type { InspectionState, ProjectState } from '@xiaoshi/domain';
import { bigintAsNumber } from '../../database/transformers.js';
import { Application } from '../applications/application.entity.js';
import { Award } from '../awards/award.entities.js';
import { BudgetLine } from '../budgets/budget-line.entity.js';
import { Competition } from '../competitions/competition.entity.js';
import { OrgUnit } from '../orgs/org-unit.entity.js';
import { User } from '../users/user.entity.js';

/** The project's own life: libs/domain project-workflow.ts. */
export type ProjectStatusValue = ProjectState;

/** An approved application under implementation (一项目一台账). One per application. */
// Read indexes of migration 1764000000800 (INCLUDE, partial or trigram: TypeORM leaves them alone).
@Index('idx_project_street_status', { synchronize: false })
@Entity('project')
@Index('uq_project_application', ['applicationId'], { unique: true })
@Index('idx_project_community', ['communityId', 'id'])
@Index('idx_project_status_community', ['status', 'communityId'])
@Index('idx_project_line_street', ['budgetLineId', 'streetId'])
@Check(
  'chk_project_status',
  `"status" IN ('in_progress', 'acceptance_requested', 'inspecting', 'rectification', 'accepted', 'failed', 'closed')`,
)
@Check('chk_project_amount', `"amount_fen" > 0`)
@Check('chk_project_final_kind', `"final_inspection_kind" IN ('acceptance', 'supervision')`)
@Check('chk_project_rectification', `"status" <> 'rectification' OR "rectification_deadline" IS NOT NULL`)
export class Project {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'application_id', type: 'int' })
  applicationId: number;

  @ManyToOne(() => Application, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id' })
  application?: Relation<Application>;

  @Column({ name: 'award_id', type: 'int' })
  awardId: number;

  @ManyToOne(() => Award, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'award_id' })
  award?: Relation<Award>;

  @Column({ name: 'competition_id', type: 'int' })
  competitionId: number;

  @ManyToOne(() => Competition, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'competition_id' })
  competition?: Relation<Competition>;

  @Column({ name: 'budget_line_id', type: 'int' })
  budgetLineId: number;

  @ManyToOne(() => BudgetLine, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'budget_line_id' })
  budgetLine?: Relation<BudgetLine>;

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

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ name: 'amount_fen', type: 'bigint', transformer: bigintAsNumber })
  amountFen: number;

  @Column({ type: 'varchar', length: 30, default: 'in_progress' })
  status: ProjectStatusValue;

  /** Which inspection gates the final tranche: 验收 (acceptance) or 督导评估 (supervision). */
  @Column({ name: 'final_inspection_kind', type: 'varchar', length: 20 })
  finalInspectionKind: 'acceptance' | 'supervision';

  @Column({ name: 'start_date', type: 'date', nullable: true })
  startDate: string | null;

  @Column({ name: 'end_date', type: 'date', nullable: true })
  endDate: string | null;

  @Column({ type: 'text', nullable: true })
  plan: string | null;

  @Column({ name: 'acceptance_passed_at', type: 'timestamptz', nullable: true })
  acceptancePassedAt: Date | null;

  @Column({ name: 'supervision_passed_at', type: 'timestamptz', nullable: true })
  supervisionPassedAt: Date | null;

  @Column({ name: 'midterm_reported_at', type: 'timestamptz', nullable: true })
  midtermReportedAt: Date | null;

  @Column({ name: 'rectification_deadline', type: 'date', nullable: true })
  rectificationDeadline: string | null;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

@Entity('project_milestone')
@Index('idx_project_milestone_project', ['projectId', 'position'])
export class ProjectMilestone {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'project_id', type: 'int' })
  projectId: number;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Relation<Project>;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ name: 'due_date', type: 'date' })
  dueDate: string;

  @Column({ type: 'boolean', default: false })
  done: boolean;
}

/** A tranche materialised from the competition's plan at project creation; amounts sum to the award. */
@Entity('project_tranche')
@Check('chk_project_tranche_amount', `"amount_fen" >= 0 AND "percent_bp" > 0 AND "percent_bp" <= 10000`)
@Check(
  'chk_project_tranche_condition',
  `"condition" IN ('on_approval', 'on_midterm_report', 'after_acceptance', 'after_supervision_evaluation')`,
)
export class ProjectTranche {
  @PrimaryColumn({ name: 'project_id', type: 'int' })
  projectId: number;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Relation<Project>;

  @PrimaryColumn({ name: 'index', type: 'int' })
  index: number;

  @Column({ name: 'percent_bp', type: 'int' })
  percentBp: number;

  @Column({ type: 'varchar', length: 40 })
  condition: string;

  @Column({ name: 'amount_fen', type: 'bigint', transformer: bigintAsNumber })
  amountFen: number;
}

/** A monthly progress report (进度报告). */
@Entity('progress_report')
@Index('idx_progress_report_project', ['projectId', 'id'])
@Check('chk_progress_report_percent', `"percent_complete" BETWEEN 0 AND 100`)
export class ProgressReport {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'project_id', type: 'int' })
  projectId: number;

  @ManyToOne(() => Project, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'project_id' })
  project?: Relation<Project>;

  /** YYYY-MM, Asia/Shanghai. */
  @Column({ type: 'char', length: 7 })
  period: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ name: 'percent_complete', type: 'int' })
  percentComplete: number;

  @Column({ type: 'boolean', default: false })
  midterm: boolean;

  @Column({ name: 'created_by_user_id', type: 'int' })
  createdByUserId: number;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_user_id' })
  createdBy?: Relation<User>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

export type InspectionStatus = InspectionState;

/** One inspection round: 验收 (acceptance) or 督导评估 (supervision). */
@Entity('inspection')
@Index('uq_inspection_round', ['projectId', 'kind', 'round'], { unique: true })
// At most one open inspection per project.
@Index('uq_inspection_open', ['projectId'], { unique: true, where: `"status" = 'assigned'` })
@Check('chk_inspection_kind', `"kind" IN ('acceptance', 'supervision')`)
@Check('chk_inspection_status', `"status" IN ('assigned', 'recorded')`)
@Check(
  'chk_inspection_outcome',
  `("status" = 'assigned' AND "outcome" IS NULL) OR ("status" = 'recorded' AND "outcome" IN ('passed', 'rectification', 'failed'))`,
)
@Check(
  'chk_inspection_rectification',
  `"outcome" IS DISTINCT FROM 'rectification' OR "rectification_deadline" IS NOT NULL`,
)
export class Inspection {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'project_id', type: 'int' })
  projectId: number;

  @ManyToOne(() => Project, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'project_id' })
  project?: Relation<Project>;

  @Column({ type: 'varchar', length: 20 })
  kind: 'acceptance' | 'supervision';

  @Column({ type: 'int' })
  round: number;

  @Column({ type: 'varchar', length: 20, default: 'assigned' })
  status: InspectionStatus;

  /** The checklist as it stood when assigned: items {key, zh, en}. */
  @Column({ type: 'jsonb' })
  checklist: Array<{ key: string; zh: string; en: string }>;

  @Column({ type: 'jsonb', nullable: true })
  answers: Record<string, { ok: boolean; note?: string | null }> | null;

  @Column({ type: 'text', nullable: true })
  findings: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  outcome: 'passed' | 'rectification' | 'failed' | null;

  @Column({ name: 'rectification_deadline', type: 'date', nullable: true })
  rectificationDeadline: string | null;

  @Column({ name: 'inspected_on', type: 'date', nullable: true })
  inspectedOn: string | null;

  @Column({ name: 'assigned_by_user_id', type: 'int' })
  assignedByUserId: number;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assigned_by_user_id' })
  assignedBy?: Relation<User>;

  @Column({ name: 'recorded_by_user_id', type: 'int', nullable: true })
  recordedByUserId: number | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recorded_by_user_id' })
  recordedBy?: Relation<User>;

  @Column({ name: 'recorded_at', type: 'timestamptz', nullable: true })
  recordedAt: Date | null;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

@Entity('inspection_inspector')
@Index('idx_inspection_inspector_user', ['userId', 'inspectionId'])
export class InspectionInspector {
  @PrimaryColumn({ name: 'inspection_id', type: 'int' })
  inspectionId: number;

  @ManyToOne(() => Inspection, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'inspection_id' })
  inspection?: Relation<Inspection>;

  @PrimaryColumn({ name: 'user_id', type: 'int' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;
}

/** A declared conflict of interest: this inspector may never inspect this project. */
@Entity('inspector_conflict')
@Index('uq_inspector_conflict', ['projectId', 'userId'], { unique: true })
export class InspectorConflict {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'project_id', type: 'int' })
  projectId: number;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Relation<Project>;

  @Column({ name: 'user_id', type: 'int' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Column({ type: 'text' })
  reason: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** A photo of a progress report or an inspection; the bytes live in the file store. */
@Entity('project_photo')
@Index('idx_project_photo_project', ['projectId', 'id'])
@Check('chk_project_photo_type', `"type" IN ('progress_photo', 'inspection_photo')`)
@Check(
  'chk_project_photo_owner',
  `("type" = 'progress_photo' AND "progress_report_id" IS NOT NULL AND "inspection_id" IS NULL) OR ("type" = 'inspection_photo' AND "inspection_id" IS NOT NULL AND "progress_report_id" IS NULL)`,
)
export class ProjectPhoto {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'project_id', type: 'int' })
  projectId: number;

  @ManyToOne(() => Project, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'project_id' })
  project?: Relation<Project>;

  @Column({ name: 'progress_report_id', type: 'int', nullable: true })
  progressReportId: number | null;

  @ManyToOne(() => ProgressReport, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'progress_report_id' })
  progressReport?: Relation<ProgressReport>;

  @Column({ name: 'inspection_id', type: 'int', nullable: true })
  inspectionId: number | null;

  @ManyToOne(() => Inspection, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'inspection_id' })
  inspection?: Relation<Inspection>;

  @Column({ type: 'varchar', length: 30 })
  type: 'progress_photo' | 'inspection_photo';

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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/**
 * How many projects each street has in each status. Kept by the trigger `project_figures` on
 * `project` in the writing transaction (migration 1764000000900), so the ledger dashboard's project
 * counts read a few rows per street. Read-only for the code.
 */
@Entity('project_figure')
export class ProjectFigure {
  @PrimaryColumn({ name: 'street_id', type: 'int', primaryKeyConstraintName: 'pk_project_figure' })
  streetId: number;

  @PrimaryColumn({ type: 'varchar', length: 30, primaryKeyConstraintName: 'pk_project_figure' })
  status: string;

  @Column({ type: 'int', default: 0 })
  projects: number;
}
