import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { User } from '../users/user.entity.js';
import { StipendProgramme } from './stipend-programme.entity.js';

/**
 * A programme's policy rules as data, versioned by the day they take effect, with the document
 * they come from (e.g. 呈组通〔2018〕88号). Quarterly programmes hold their month rule; one-off
 * programmes the departure-subsidy rule table. Versions are never edited: a change is a new one.
 */
@Entity('stipend_rule_version')
@Index('uq_stipend_rule_version_effective', ['programmeId', 'effectiveFrom'], { unique: true })
export class StipendRuleVersion {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'programme_id', type: 'int' })
  programmeId: number;

  @ManyToOne(() => StipendProgramme, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'programme_id' })
  programme?: Relation<StipendProgramme>;

  @Column({ name: 'document_number', type: 'varchar', length: 100 })
  documentNumber: string;

  @Column({ type: 'text', nullable: true })
  title: string | null;

  @Column({ name: 'effective_from', type: 'date' })
  effectiveFrom: string;

  @Column({ type: 'jsonb' })
  rules: Record<string, unknown>;

  @Column({ name: 'created_by_user_id', type: 'int', nullable: true })
  createdByUserId: number | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'created_by_user_id' })
  createdBy?: Relation<User> | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
