import {
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
import { OrgUnit } from '../orgs/org-unit.entity.js';

/** A year's funded programme (项目), e.g. 社会治理工作经费 2026, with its policy basis. */
@Entity('programme')
@Index('idx_programme_unit_year', ['unitId', 'year'])
export class Programme {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** 立项依据: policy document numbers such as 呈社建通〔2022〕2号. */
  @Column({ name: 'policy_refs', type: 'varchar', length: 200, array: true, default: () => "'{}'" })
  policyRefs: string[];

  @Column({ type: 'text', nullable: true })
  description: string | null;

  /** The district that owns the money. */
  @Column({ name: 'unit_id', type: 'int' })
  unitId: number;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unit?: Relation<OrgUnit>;

  @Column({ name: 'is_demo', type: 'boolean', default: false })
  isDemo: boolean;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
