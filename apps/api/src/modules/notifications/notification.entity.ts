import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  JoinColumn,
  ManyToOne,
  type Relation,
} from 'typeorm';
import { User } from '../users/user.entity.js';

/**
 * An in-app message. `dedupe_key` makes scheduled reminders idempotent: a retried job inserts the
 * same key and the unique index drops the duplicate.
 */
@Entity('notification')
@Index('idx_notification_user', ['userId', 'id'])
@Index('uq_notification_dedupe', ['dedupeKey'], { unique: true, where: '"dedupe_key" IS NOT NULL' })
export class Notification {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'user_id', type: 'int' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Column({ type: 'varchar', length: 40 })
  kind: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  link: string | null;

  /** Template parameters of a reminder: e-mails are rendered from them in the recipient's language. */
  @Column({ type: 'jsonb', nullable: true })
  params: Record<string, string | number> | null;

  @Column({ name: 'dedupe_key', type: 'varchar', length: 120, nullable: true })
  dedupeKey: string | null;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
