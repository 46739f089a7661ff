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
import { bigintAsNumber } from '../../database/transformers.js';
import { Application } from '../applications/application.entity.js';
import { Competition } from '../competitions/competition.entity.js';
import { User } from '../users/user.entity.js';

export type DecisionMethod = 'rank_order' | 'optimal' | 'manual';
export type DecisionStatus = 'proposed' | 'in_notice' | 'approved' | 'superseded';

/**
 * The committee's decision (立项决定) with everything needed to reproduce it: the ranked inputs,
 * envelope and counts, the method and algorithm version, the result, and a reason for every
 * deviation from rank order.
 */
@Entity('award_decision')
@Index('idx_award_decision_competition', ['competitionId', 'id'])
@Check('chk_award_decision_method', `"method" IN ('rank_order', 'optimal', 'manual')`)
@Check('chk_award_decision_status', `"status" IN ('proposed', 'in_notice', 'approved', 'superseded')`)
export class AwardDecision {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'competition_id', type: 'int' })
  competitionId: number;

  @ManyToOne(() => Competition, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'competition_id' })
  competition?: Relation<Competition>;

  @Column({ type: 'varchar', length: 20 })
  method: DecisionMethod;

  @Column({ name: 'algorithm_version', type: 'varchar', length: 40 })
  algorithmVersion: string;

  @Column({ type: 'jsonb' })
  inputs: Record<string, unknown>;

  @Column({ type: 'jsonb' })
  result: Record<string, unknown>;

  /** applicationId → the written reason for departing from rank order. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  reasons: Record<string, string>;

  @Column({ type: 'varchar', length: 20, default: 'proposed' })
  status: DecisionStatus;

  @Column({ name: 'total_fen', type: 'bigint', transformer: bigintAsNumber })
  totalFen: number;

  @Column({ name: 'decided_by_user_id', type: 'int' })
  decidedByUserId: number;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'decided_by_user_id' })
  decidedBy?: Relation<User>;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

export type AwardStatus = 'proposed' | 'in_notice' | 'approved' | 'withdrawn';

/** One awarded application. At most one live award per application. */
// Read indexes of migration 1764000000800 (INCLUDE, partial or trigram: TypeORM leaves them alone).
@Index('idx_award_approved_amount', { synchronize: false })
@Entity('award')
@Index('uq_award_live_application', ['applicationId'], { unique: true, where: `"status" <> 'withdrawn'` })
@Index('idx_award_decision', ['decisionId', 'id'])
@Check('chk_award_status', `"status" IN ('proposed', 'in_notice', 'approved', 'withdrawn')`)
@Check('chk_award_amount', `"amount_fen" > 0`)
export class Award {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'decision_id', type: 'int' })
  decisionId: number;

  @ManyToOne(() => AwardDecision, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'decision_id' })
  decision?: Relation<AwardDecision>;

  @Column({ name: 'application_id', type: 'int' })
  applicationId: number;

  @ManyToOne(() => Application, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id' })
  application?: Relation<Application>;

  @Column({ name: 'amount_fen', type: 'bigint', transformer: bigintAsNumber })
  amountFen: number;

  @Column({ type: 'varchar', length: 20, default: 'proposed' })
  status: AwardStatus;

  @Column({ type: 'numeric', precision: 8, scale: 4, nullable: true })
  score: string | null;

  @Column({ type: 'int', nullable: true })
  rank: number | null;

  @Column({ name: 'withdrawn_reason', type: 'text', nullable: true })
  withdrawnReason: string | null;

  @VersionColumn()
  version: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** 公示: a public notice of proposed awards for a number of working days. */
@Entity('public_notice')
@Index('idx_public_notice_competition', ['competitionId', 'id'])
@Check('chk_public_notice_status', `"status" IN ('open', 'closed', 'cancelled')`)
@Check('chk_public_notice_period', `"first_day" <= "last_day"`)
export class PublicNotice {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'competition_id', type: 'int' })
  competitionId: number;

  @ManyToOne(() => Competition, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'competition_id' })
  competition?: Relation<Competition>;

  @Column({ name: 'decision_id', type: 'int' })
  decisionId: number;

  @ManyToOne(() => AwardDecision, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'decision_id' })
  decision?: Relation<AwardDecision>;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  /** Office contact printed on the notice (not a person's private number). */
  @Column({ type: 'varchar', length: 200 })
  contact: string;

  @Column({ name: 'published_at', type: 'timestamptz' })
  publishedAt: Date;

  @Column({ name: 'first_day', type: 'date' })
  firstDay: string;

  @Column({ name: 'last_day', type: 'date' })
  lastDay: string;

  @Column({ name: 'working_days', type: 'int' })
  workingDays: number;

  @Column({ type: 'varchar', length: 20, default: 'open' })
  status: 'open' | 'closed' | 'cancelled';

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @VersionColumn()
  version: number;
}

/** An objection (异议) filed by the public against a notice, and its investigation. */
@Entity('objection')
@Index('idx_objection_notice', ['noticeId', 'id'])
@Check('chk_objection_status', `"status" IN ('pending', 'upheld', 'dismissed')`)
export class Objection {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'notice_id', type: 'int' })
  noticeId: number;

  @ManyToOne(() => PublicNotice, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'notice_id' })
  notice?: Relation<PublicNotice>;

  /** The award objected to, when the objection names one. */
  @Column({ name: 'award_id', type: 'int', nullable: true })
  awardId: number | null;

  @ManyToOne(() => Award, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'award_id' })
  award?: Relation<Award>;

  @Column({ name: 'contact_name', type: 'varchar', length: 50 })
  contactName: string;

  @Column({ name: 'contact_phone', type: 'varchar', length: 20 })
  contactPhone: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'varchar', length: 20, default: 'pending' })
  status: 'pending' | 'upheld' | 'dismissed';

  @Column({ type: 'text', nullable: true })
  investigation: string | null;

  @Column({ name: 'decided_by_user_id', type: 'int', nullable: true })
  decidedByUserId: number | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @VersionColumn()
  version: number;
}

/** The working-day calendar as data: statutory holidays and make-up working days (调休上班). */
@Entity('calendar_day')
@Check('chk_calendar_day_kind', `"kind" IN ('holiday', 'workday')`)
export class CalendarDay {
  @PrimaryColumn({ type: 'date' })
  day: string;

  @Column({ type: 'varchar', length: 10 })
  kind: 'holiday' | 'workday';

  @Column({ type: 'varchar', length: 50, nullable: true })
  name: string | null;
}
