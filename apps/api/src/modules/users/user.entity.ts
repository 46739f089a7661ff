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
  VersionColumn,
  type Relation,
} from 'typeorm';
import type { Role } from '@xiaoshi/contracts';
import { OrgUnit } from '../orgs/org-unit.entity.js';

@Entity('app_user')
@Check(
  'chk_app_user_roles',
  `cardinality("roles") > 0 AND "roles" <@ ARRAY['district_admin', 'finance', 'street_officer', 'community_officer', 'partner', 'reviewer', 'inspector', 'auditor', 'city_officer']::varchar[]`,
)
@Check('chk_app_user_username', `"username" = lower("username")`)
@Index('idx_app_user_unit', ['unitId', 'id'])
export class User {
  @PrimaryGeneratedColumn()
  id: number;

  /** Stored lower-case; unique. */
  @Column({ type: 'varchar', length: 32, unique: true })
  username: string;

  @Column({ name: 'display_name', type: 'varchar', length: 50 })
  displayName: string;

  /** argon2id, PHC string. */
  @Column({ name: 'password_hash', type: 'varchar', length: 200 })
  passwordHash: string;

  @Column({ name: 'unit_id', type: 'int' })
  unitId: number;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unit?: Relation<OrgUnit>;

  @Column({ type: 'varchar', length: 30, array: true })
  roles: Role[];

  @Column({ type: 'varchar', length: 20, nullable: true })
  phone: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  email: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ name: 'must_change_password', type: 'boolean', default: false })
  mustChangePassword: boolean;

  @Column({ name: 'last_login_at', type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null;

  @Column({ name: 'is_demo', type: 'boolean', default: false })
  isDemo: boolean;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
