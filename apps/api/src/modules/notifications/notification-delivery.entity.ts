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
  type Relation,
} from 'typeorm';
import { User } from '../users/user.entity.js';
import { Notification } from './notification.entity.js';

/**
 * One notification on one external channel (e-mail or SMS) to one user. The unique
 * (event_key, user_id, channel) is the idempotency anchor: however often the fan-out runs, there is
 * one row, and the send job sends only while the row says it has not been sent.
 */
@Entity('notification_delivery')
@Index('uq_notification_delivery_event', ['eventKey', 'userId', 'channel'], { unique: true })
@Index('idx_notification_delivery_status', ['status', 'id'])
@Index('idx_notification_delivery_notification', ['notificationId'])
@Check('chk_notification_delivery_channel', `"channel" IN ('email', 'sms')`)
@Check(
  'chk_notification_delivery_status',
  `"status" IN ('pending', 'sending', 'sent', 'failed', 'skipped', 'unconfirmed')`,
)
@Check('chk_notification_delivery_sent', `("status" = 'sent') = ("sent_at" IS NOT NULL)`)
export class NotificationDelivery {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'notification_id', type: 'int' })
  notificationId: number;

  @ManyToOne(() => Notification, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'notification_id' })
  notification?: Relation<Notification>;

  @Column({ name: 'user_id', type: 'int' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Column({ type: 'varchar', length: 10 })
  channel: string;

  /** The notification's dedupe key, or `notification:<id>` when it has none. */
  @Column({ name: 'event_key', type: 'varchar', length: 160 })
  eventKey: string;

  @Column({ type: 'varchar', length: 12, default: 'pending' })
  status: string;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  /** A code from DELIVERY_REASONS (why skipped, failed or interrupted). */
  @Column({ type: 'varchar', length: 40, nullable: true })
  reason: string | null;

  /** Technical detail of the last error: a status or provider code, never content or addresses. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  detail: string | null;

  /** SMTP Message-ID, or the SMS provider's BizId. */
  @Column({ name: 'provider_message_id', type: 'varchar', length: 200, nullable: true })
  providerMessageId: string | null;

  /** When the current (or last) send attempt started: the day an SMS reconciliation looks at. */
  @Column({ name: 'attempt_started_at', type: 'timestamptz', nullable: true })
  attemptStartedAt: Date | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
