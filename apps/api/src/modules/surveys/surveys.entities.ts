import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  VersionColumn,
  type Relation,
} from 'typeorm';
import type {
  RespondentGroupKey,
  SurveyChoiceKey,
  SurveyStatusKey,
  SurveySubjectKey,
} from '@xiaoshi/contracts';
import { BudgetLine } from '../budgets/budget-line.entity.js';
import { OrgUnit } from '../orgs/org-unit.entity.js';
import { User } from '../users/user.entity.js';

/**
 * A satisfaction survey (满意度测评) about a project, a budget line or a stipend's recipients. The
 * subject is resolved once, when the survey is made: its budget line, its org unit (the project's
 * community, else the line's district) and its year are stored here, so answers feed the metric
 * without reading other modules' tables.
 */
@Entity('survey')
@Index('uq_survey_code', ['code'], { unique: true })
@Index('idx_survey_line', ['budgetLineId', 'id'])
@Index('idx_survey_unit_year', ['unitId', 'year'])
@Check('chk_survey_subject', `"subject_kind" IN ('project', 'budget_line', 'stipend_recipients')`)
@Check('chk_survey_status', `"status" IN ('open', 'closed')`)
@Check('chk_survey_address_cap', `"max_answers_per_address" BETWEEN 1 AND 1000`)
export class Survey {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 100 })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ name: 'subject_kind', type: 'varchar', length: 20 })
  subjectKind: SurveySubjectKey;

  @Column({ name: 'subject_id', type: 'int' })
  subjectId: number;

  @Column({ name: 'subject_name', type: 'varchar', length: 200 })
  subjectName: string;

  @Column({ name: 'budget_line_id', type: 'int' })
  budgetLineId: number;

  @ManyToOne(() => BudgetLine, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'budget_line_id' })
  budgetLine?: Relation<BudgetLine>;

  @Column({ name: 'budget_line_name', type: 'varchar', length: 100 })
  budgetLineName: string;

  /** Who may read it: the project's community, else the district. */
  @Column({ name: 'unit_id', type: 'int' })
  unitId: number;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unit?: Relation<OrgUnit>;

  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'varchar', length: 12, default: 'open' })
  status: SurveyStatusKey;

  @Column({ name: 'count_basically_satisfied', type: 'boolean', default: true })
  countBasicallySatisfied: boolean;

  @Column({ name: 'ask_group', type: 'boolean', default: true })
  askGroup: boolean;

  @Column({ name: 'max_answers_per_address', type: 'int', default: 50 })
  maxAnswersPerAddress: number;

  @Column({ name: 'closes_at', type: 'timestamptz', nullable: true })
  closesAt: Date | null;

  /** The public code in the link /s/<code>: 128 random bits, never a sequence. */
  @Column({ type: 'varchar', length: 32 })
  code: string;

  /** Salts the hash of respondents' addresses, so the stored hashes say nothing across surveys. */
  @Column({ name: 'address_salt', type: 'char', length: 32 })
  addressSalt: string;

  @Column({ name: 'is_demo', type: 'boolean', default: false })
  isDemo: boolean;

  @Column({ name: 'created_by_user_id', type: 'int', nullable: true })
  createdByUserId: number | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'created_by_user_id' })
  createdBy?: Relation<User> | null;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** A respondent token: one per invitation, or one per device for an open link. Only its hash is kept. */
@Entity('survey_token')
@Index('uq_survey_token_hash', ['tokenHash'], { unique: true })
@Index('idx_survey_token_survey', ['surveyId', 'id'])
@Check('chk_survey_token_kind', `"kind" IN ('device', 'invitation')`)
export class SurveyToken {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'survey_id', type: 'int' })
  surveyId: number;

  @ManyToOne(() => Survey, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'survey_id' })
  survey?: Relation<Survey>;

  @Column({ name: 'token_hash', type: 'char', length: 64 })
  tokenHash: string;

  @Column({ type: 'varchar', length: 12 })
  kind: 'device' | 'invitation';

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** One answer. A token answers once: the UNIQUE index settles concurrent submissions. */
@Entity('survey_answer')
@Index('uq_survey_answer_token', ['tokenId'], { unique: true })
@Index('idx_survey_answer_survey', ['surveyId', 'choice'])
@Index('idx_survey_answer_address', ['surveyId', 'addressHash'])
@Check('chk_survey_answer_choice', `"choice" IN ('satisfied', 'basically_satisfied', 'dissatisfied')`)
@Check(
  'chk_survey_answer_group',
  `"respondent_group" IS NULL OR "respondent_group" IN ('community_cadre', 'resident', 'social_organisation')`,
)
export class SurveyAnswer {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'survey_id', type: 'int' })
  surveyId: number;

  @ManyToOne(() => Survey, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'survey_id' })
  survey?: Relation<Survey>;

  @Column({ name: 'token_id', type: 'int' })
  tokenId: number;

  @ManyToOne(() => SurveyToken, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'token_id' })
  token?: Relation<SurveyToken>;

  @Column({ type: 'varchar', length: 24 })
  choice: SurveyChoiceKey;

  @Column({ name: 'respondent_group', type: 'varchar', length: 24, nullable: true })
  respondentGroup: RespondentGroupKey | null;

  @Column({ type: 'text', default: '' })
  comment: string;

  @Column({ name: 'address_hash', type: 'char', length: 64 })
  addressHash: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
