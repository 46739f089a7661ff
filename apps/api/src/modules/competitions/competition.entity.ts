import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
  JoinColumn,
  ManyToOne,
  type Relation,
} from 'typeorm';
import { BudgetLine } from '../budgets/budget-line.entity.js';
import { bigintAsNumber } from '../../database/transformers.js';

export type CompetitionKind = 'livelihood' | 'governance' | 'volunteer' | 'generic';
export type CompetitionStatus = 'draft' | 'published' | 'closed' | 'cancelled';

export interface RubricCriterion {
  key: string;
  name: string;
  maxPoints: number;
}

export interface TrancheRuleData {
  percentBp: number;
  condition: 'on_approval' | 'after_acceptance' | 'after_supervision_evaluation' | 'on_midterm_report';
}

/** A call for proposals (比选/竞赛) on one budget line. */
@Entity('competition')
@Index('idx_competition_line', ['budgetLineId', 'id'])
@Check('chk_competition_kind', `"kind" IN ('livelihood', 'governance', 'volunteer', 'generic')`)
@Check('chk_competition_status', `"status" IN ('draft', 'published', 'closed', 'cancelled')`)
@Check('chk_competition_envelope', `"envelope_fen" > 0`)
@Check(
  'chk_competition_windows',
  `"submission_opens_at" < "submission_closes_at" AND "submission_closes_at" <= "review_opens_at" AND "review_opens_at" < "review_closes_at"`,
)
@Check('chk_competition_award_range', `"award_min" >= 0 AND "award_min" <= "award_max"`)
@Check(
  'chk_competition_per_street',
  `"min_per_street" >= 0 AND ("max_per_street" IS NULL OR "max_per_street" >= "min_per_street")`,
)
export class Competition {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'budget_line_id', type: 'int' })
  budgetLineId: number;

  @ManyToOne(() => BudgetLine, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'budget_line_id' })
  budgetLine?: Relation<BudgetLine>;

  @Column({ type: 'varchar', length: 20 })
  kind: CompetitionKind;

  @Column({ type: 'varchar', length: 120 })
  title: string;

  /** The call's principle and guidance, shown to applicants. */
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ name: 'envelope_fen', type: 'bigint', transformer: bigintAsNumber })
  envelopeFen: number;

  @Column({ name: 'submission_opens_at', type: 'timestamptz' })
  submissionOpensAt: Date;

  @Column({ name: 'submission_closes_at', type: 'timestamptz' })
  submissionClosesAt: Date;

  @Column({ name: 'review_opens_at', type: 'timestamptz' })
  reviewOpensAt: Date;

  @Column({ name: 'review_closes_at', type: 'timestamptz' })
  reviewClosesAt: Date;

  @Column({ name: 'implementation_deadline', type: 'date' })
  implementationDeadline: string;

  @Column({ name: 'min_per_street', type: 'int', default: 0 })
  minPerStreet: number;

  @Column({ name: 'max_per_street', type: 'int', nullable: true })
  maxPerStreet: number | null;

  @Column({ name: 'award_min', type: 'int' })
  awardMin: number;

  @Column({ name: 'award_max', type: 'int' })
  awardMax: number;

  /** Funding sources that must be > 0, e.g. residentMoney (居民凑钱). */
  @Column({ name: 'required_sources', type: 'varchar', length: 30, array: true, default: () => "'{}'" })
  requiredSources: string[];

  /** Minimum share of the cost from sources other than the subsidy, in basis points. */
  @Column({ name: 'min_cofunding_share_bp', type: 'int', nullable: true })
  minCoFundingShareBp: number | null;

  @Column({
    name: 'required_attachment_types',
    type: 'varchar',
    length: 30,
    array: true,
    default: () => "'{}'",
  })
  requiredAttachmentTypes: string[];

  @Column({ type: 'jsonb' })
  rubric: RubricCriterion[];

  @Column({ name: 'tranche_plan', type: 'jsonb' })
  tranchePlan: TrancheRuleData[];

  /** 公示 length in working days. */
  @Column({ name: 'notice_working_days', type: 'int', default: 5 })
  noticeWorkingDays: number;

  @Column({ name: 'reviewers_per_application', type: 'int', default: 5 })
  reviewersPerApplication: number;

  /** Volunteer entries are joint with a university or social organisation (社区+高校). */
  @Column({ name: 'requires_partner', type: 'boolean', default: false })
  requiresPartner: boolean;

  /** Days before the window closes when streets short of their minimum are reminded. */
  @Column({ name: 'reminder_days_before_close', type: 'int', default: 7 })
  reminderDaysBeforeClose: number;

  @Column({ type: 'varchar', length: 20, default: 'draft' })
  status: CompetitionStatus;

  @Column({ name: 'is_demo', type: 'boolean', default: false })
  isDemo: boolean;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
