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
import type { OrgUnitKind, OrganisationType } from '@xiaoshi/contracts';

/**
 * (Province 省 →) (city 市 →) district → street (街道) → community (社区), plus external
 * organisations (高校, 社会组织) registered with a district. A province is a root; a city or a
 * district may be one; everything else has a parent. Which kind may sit under which is checked by
 * the trigger `trg_org_unit_parent_kind` (migration 1764000000910) and by the orgs service.
 */
@Entity('org_unit')
@Check('chk_org_unit_kind', `"kind" IN ('province', 'city', 'district', 'street', 'community', 'organisation')`)
@Check(
  'chk_org_unit_parent',
  `("kind" = 'province' AND "parent_id" IS NULL) OR "kind" IN ('city', 'district') OR "parent_id" IS NOT NULL`,
)
@Index('idx_org_unit_parent', ['parentId', 'id'])
// A GIN index (made in the migration; TypeORM cannot declare the method) serves `ancestor_ids @> ARRAY[unit]`.
@Index('idx_org_unit_ancestors', { synchronize: false })
export class OrgUnit {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 20 })
  kind: OrgUnitKind;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 32, nullable: true, unique: true })
  code: string | null;

  @Column({ name: 'parent_id', type: 'int', nullable: true })
  parentId: number | null;

  @ManyToOne(() => OrgUnit, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id' })
  parent?: Relation<OrgUnit> | null;

  /** Every ancestor id, root first: scope checks are one array containment test. */
  @Column({ name: 'ancestor_ids', type: 'int', array: true, default: () => "'{}'" })
  ancestorIds: number[];

  @Column({ name: 'organisation_type', type: 'varchar', length: 30, nullable: true })
  organisationType: OrganisationType | null;

  /** 统一社会信用代码, GB 32100. */
  @Column({ name: 'credit_code', type: 'varchar', length: 18, nullable: true })
  creditCode: string | null;

  @Column({ name: 'contact_name', type: 'varchar', length: 50, nullable: true })
  contactName: string | null;

  @Column({ name: 'contact_phone', type: 'varchar', length: 20, nullable: true })
  contactPhone: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Demo seed rows are labelled so nobody mistakes them for real data. */
  @Column({ name: 'is_demo', type: 'boolean', default: false })
  isDemo: boolean;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
