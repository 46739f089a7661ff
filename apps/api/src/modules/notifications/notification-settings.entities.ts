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
  type Relation,
} from 'typeorm';
import { OrgUnit } from '../orgs/org-unit.entity.js';
import { User } from '../users/user.entity.js';

/** A user's channels for one topic (in-app is always on). No row: the district default applies. */
@Entity('notification_preference')
export class NotificationPreference {
  @PrimaryColumn({ name: 'user_id', type: 'int' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @PrimaryColumn({ type: 'varchar', length: 60 })
  topic: string;

  @Column({ type: 'boolean' })
  email: boolean;

  @Column({ type: 'boolean' })
  sms: boolean;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** The district's default channels for one topic, set by its admin. No row: the built-in default. */
@Entity('notification_district_default')
export class NotificationDistrictDefault {
  @PrimaryColumn({ name: 'district_id', type: 'int' })
  districtId: number;

  @ManyToOne(() => OrgUnit, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'district_id' })
  district?: Relation<OrgUnit>;

  @PrimaryColumn({ type: 'varchar', length: 60 })
  topic: string;

  @Column({ type: 'boolean' })
  email: boolean;

  @Column({ type: 'boolean' })
  sms: boolean;

  @Column({ name: 'updated_by_user_id', type: 'int' })
  updatedByUserId: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/**
 * A user's notification settings: the language of their e-mails and texts, and the phone number
 * they proved they hold (SMS goes only to the account's number while it equals this one).
 */
@Entity('notification_profile')
@Check('chk_notification_profile_language', `"language" IN ('zh-CN', 'en')`)
@Check('chk_notification_profile_verified', `("verified_phone" IS NULL) = ("phone_verified_at" IS NULL)`)
export class NotificationProfile {
  @PrimaryColumn({ name: 'user_id', type: 'int' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Column({ type: 'varchar', length: 5, default: 'zh-CN' })
  language: string;

  @Column({ name: 'verified_phone', type: 'varchar', length: 20, nullable: true })
  verifiedPhone: string | null;

  @Column({ name: 'phone_verified_at', type: 'timestamptz', nullable: true })
  phoneVerifiedAt: Date | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** A code sent by SMS to prove a phone number: only its hash is kept; it expires and allows few tries. */
@Entity('phone_verification')
@Index('idx_phone_verification_user', ['userId', 'id'])
export class PhoneVerification {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'user_id', type: 'int' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Column({ type: 'varchar', length: 20 })
  phone: string;

  /** HMAC-SHA256 of the code (keyed per deployment), hex. */
  @Column({ name: 'code_hash', type: 'char', length: 64 })
  codeHash: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'consumed_at', type: 'timestamptz', nullable: true })
  consumedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
