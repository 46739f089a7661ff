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
} from 'typeorm';
import { Application } from '../applications/application.entity.js';
import { Competition } from '../competitions/competition.entity.js';
import { User } from '../users/user.entity.js';

/** An expert in the pool (专家库): expertise tags and the units they are affiliated with. */
@Entity('reviewer_profile')
export class ReviewerProfile {
  @PrimaryColumn({ name: 'user_id', type: 'int' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Column({ name: 'expertise_tags', type: 'varchar', length: 40, array: true, default: () => "'{}'" })
  expertiseTags: string[];

  /** Org units (streets, communities, organisations) the expert belongs to or works for. */
  @Column({ name: 'affiliation_unit_ids', type: 'int', array: true, default: () => "'{}'" })
  affiliationUnitIds: number[];

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @VersionColumn()
  version: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

export type AggregationMethod = 'mean' | 'trimmed_mean';

/** The review panel of one competition and how it scores. */
@Entity('review_panel')
@Check('chk_review_panel_k', `"reviewers_per_application" >= 1 AND "max_load" >= 1`)
@Check('chk_review_panel_method', `"aggregation" IN ('mean', 'trimmed_mean')`)
export class ReviewPanel {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('uq_review_panel_competition', { unique: true })
  @Column({ name: 'competition_id', type: 'int' })
  competitionId: number;

  @ManyToOne(() => Competition, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'competition_id' })
  competition?: Relation<Competition>;

  @Column({ name: 'chair_user_id', type: 'int', nullable: true })
  chairUserId: number | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'chair_user_id' })
  chair?: Relation<User>;

  @Column({ name: 'reviewers_per_application', type: 'int', default: 5 })
  reviewersPerApplication: number;

  @Column({ name: 'max_load', type: 'int', default: 30 })
  maxLoad: number;

  /** Blind review hides the applicant's street and community from reviewers. */
  @Column({ type: 'boolean', default: false })
  blind: boolean;

  @Column({ type: 'varchar', length: 20, default: 'trimmed_mean' })
  aggregation: AggregationMethod;

  /** Minimum score to be fundable, e.g. 60. */
  @Column({ name: 'fundable_threshold', type: 'numeric', precision: 5, scale: 2, default: 60 })
  fundableThreshold: string;

  /** Spread of totals (max − min) above which reviewers disagree enough to flag. */
  @Column({ name: 'disagreement_spread', type: 'int', default: 20 })
  disagreementSpread: number;

  @Column({ name: 'comment_required_at_extremes', type: 'boolean', default: true })
  commentRequiredAtExtremes: boolean;

  /** Rank per category instead of across the whole competition. */
  @Column({ name: 'rank_by_category', type: 'boolean', default: false })
  rankByCategory: boolean;

  /** The seed and tags of the last random draw, so the draw can be reproduced. */
  @Column({ name: 'draw_seed', type: 'varchar', length: 64, nullable: true })
  drawSeed: string | null;

  @Column({ name: 'draw_tags', type: 'varchar', length: 40, array: true, default: () => "'{}'" })
  drawTags: string[];

  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

@Entity('review_panel_member')
export class ReviewPanelMember {
  @PrimaryColumn({ name: 'panel_id', type: 'int' })
  panelId: number;

  @ManyToOne(() => ReviewPanel, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'panel_id' })
  panel?: Relation<ReviewPanel>;

  @PrimaryColumn({ name: 'user_id', type: 'int' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;
}

export type ConflictKind = 'declared' | 'pinned';
export type ConflictCategory = 'affiliation' | 'personal' | 'financial' | 'other';

/**
 * A conflict recorded by a person: declared by the reviewer or pinned by an admin. Automatic
 * conflicts (shared affiliation) are computed by the view review_conflict, which unions these.
 */
@Entity('review_conflict_record')
@Index('uq_review_conflict_record', ['applicationId', 'reviewerUserId', 'kind'], { unique: true })
@Check('chk_review_conflict_kind', `"kind" IN ('declared', 'pinned')`)
@Check('chk_review_conflict_category', `"category" IN ('affiliation', 'personal', 'financial', 'other')`)
export class ReviewConflictRecord {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'application_id', type: 'int' })
  applicationId: number;

  @ManyToOne(() => Application, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id' })
  application?: Relation<Application>;

  @Column({ name: 'reviewer_user_id', type: 'int' })
  reviewerUserId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'reviewer_user_id' })
  reviewer?: Relation<User>;

  @Column({ type: 'varchar', length: 20 })
  kind: ConflictKind;

  @Column({ type: 'varchar', length: 20 })
  category: ConflictCategory;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'created_by_user_id', type: 'int' })
  createdByUserId: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** One reviewer on one application. A trigger refuses a pair that the conflict view lists. */
@Entity('review_assignment')
@Index('uq_review_assignment_pair', ['applicationId', 'reviewerUserId'], { unique: true })
@Index('idx_review_assignment_reviewer', ['reviewerUserId', 'id'])
@Check('chk_review_assignment_method', `"method" IN ('manual', 'automatic')`)
export class ReviewAssignment {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'panel_id', type: 'int' })
  panelId: number;

  @ManyToOne(() => ReviewPanel, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'panel_id' })
  panel?: Relation<ReviewPanel>;

  @Column({ name: 'application_id', type: 'int' })
  applicationId: number;

  @ManyToOne(() => Application, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id' })
  application?: Relation<Application>;

  @Column({ name: 'reviewer_user_id', type: 'int' })
  reviewerUserId: number;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reviewer_user_id' })
  reviewer?: Relation<User>;

  @Column({ type: 'varchar', length: 20 })
  method: 'manual' | 'automatic';

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** A reviewer's scores for one assignment: draft until submitted, then locked. */
@Entity('score_sheet')
@Check('chk_score_sheet_status', `"status" IN ('draft', 'submitted')`)
@Check('chk_score_sheet_total', `"total" >= 0 AND "total" <= 100`)
export class ScoreSheet {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('uq_score_sheet_assignment', { unique: true })
  @Column({ name: 'assignment_id', type: 'int' })
  assignmentId: number;

  @ManyToOne(() => ReviewAssignment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'assignment_id' })
  assignment?: Relation<ReviewAssignment>;

  @Column({ type: 'varchar', length: 20, default: 'draft' })
  status: 'draft' | 'submitted';

  @Column({ type: 'jsonb', default: () => "'{}'" })
  scores: Record<string, number>;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  comments: Record<string, string>;

  @Column({ type: 'numeric', precision: 6, scale: 2, default: 0 })
  total: string;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @VersionColumn()
  version: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** The latest ranking of a competition, recomputed by a job whenever sheets change. */
// Read indexes of migration 1764000000800 (INCLUDE, partial or trigram: TypeORM leaves them alone).
@Index('idx_application_ranking_walk', { synchronize: false })
@Entity('application_ranking')
@Index('idx_application_ranking_competition', ['competitionId', 'rank'])
export class ApplicationRanking {
  @PrimaryColumn({ name: 'application_id', type: 'int' })
  applicationId: number;

  @ManyToOne(() => Application, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id' })
  application?: Relation<Application>;

  @Column({ name: 'competition_id', type: 'int' })
  competitionId: number;

  @Column({ type: 'numeric', precision: 8, scale: 4, nullable: true })
  score: string | null;

  @Column({ type: 'varchar', length: 20 })
  method: AggregationMethod;

  @Column({ name: 'sheets_used', type: 'int' })
  sheetsUsed: number;

  @Column({ name: 'sheets_submitted', type: 'int' })
  sheetsSubmitted: number;

  @Column({ name: 'sheets_due', type: 'int' })
  sheetsDue: number;

  @Column({ type: 'numeric', precision: 6, scale: 2, nullable: true })
  spread: string | null;

  @Column({ type: 'boolean' })
  disagreement: boolean;

  @Column({ name: 'criterion_means', type: 'jsonb' })
  criterionMeans: Record<string, number>;

  @Column({ type: 'int' })
  rank: number;

  @Column({ type: 'boolean' })
  fundable: boolean;

  @Column({ name: 'computed_at', type: 'timestamptz' })
  computedAt: Date;
}
