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
import { CompetitionCategory } from '../competitions/competition-category.entity.js';
import { Competition } from '../competitions/competition.entity.js';
import { User } from '../users/user.entity.js';
import { OrgUnit } from '../orgs/org-unit.entity.js';
import { bigintAsNumber } from '../../database/transformers.js';

export interface CostItemData {
  item: string;
  amount: number;
}

/**
 * A proposal (申报项目) from a community, submitted by its street. Funding sources are columns so
 * that totals and rankings stay in SQL; status moves only through the workflow table.
 */
// Read indexes of migration 1764000000800 (INCLUDE, partial or trigram: TypeORM leaves them alone).
@Index('idx_application_street_status', { synchronize: false })
@Index('idx_application_status_id', { synchronize: false })
@Index('idx_application_category', { synchronize: false })
@Index('idx_application_community_status', { synchronize: false })
@Index('idx_application_title_trgm', { synchronize: false })
// Migration 1764000001100: the district's lists.
@Index('idx_application_district_status', { synchronize: false })
@Index('idx_application_district_submitted', { synchronize: false })
@Entity('application')
@Index('idx_application_competition', ['competitionId', 'status', 'id'])
@Index('idx_application_street', ['streetId', 'id'])
@Index('idx_application_community', ['communityId', 'id'])
@Index('idx_application_partner', ['partnerOrgId', 'id'])
@Index('idx_application_status_community', ['status', 'communityId'])
@Check(
  'chk_application_money',
  `"total_cost_fen" >= 0 AND "resident_money_fen" >= 0 AND "resident_labour_fen" >= 0 AND "social_support_fen" >= 0 AND "community_self_fen" >= 0 AND "street_support_fen" >= 0 AND "requested_subsidy_fen" >= 0`,
)
@Check('chk_application_beneficiaries', `"beneficiaries_count" >= 0`)
export class Application {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'competition_id', type: 'int' })
  competitionId: number;

  @ManyToOne(() => Competition, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'competition_id' })
  competition?: Relation<Competition>;

  @Column({ name: 'category_id', type: 'int' })
  categoryId: number;

  @ManyToOne(() => CompetitionCategory, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'category_id' })
  category?: Relation<CompetitionCategory>;

  @Column({ name: 'street_id', type: 'int' })
  streetId: number;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'street_id' })
  street?: Relation<OrgUnit>;

  /**
   * The street's district, set by the database (trigger of migration 1764000001100) on insert and
   * whenever the street changes; the API never writes it. A district's lists filter on it.
   */
  @Column({ name: 'district_id', type: 'int', insert: false, update: false })
  readonly districtId: number;

  @Column({ name: 'community_id', type: 'int' })
  communityId: number;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'community_id' })
  community?: Relation<OrgUnit>;

  @Column({ name: 'partner_org_id', type: 'int', nullable: true })
  partnerOrgId: number | null;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'partner_org_id' })
  partnerOrg?: Relation<OrgUnit>;

  @Column({ type: 'varchar', length: 120 })
  title: string;

  @Column({ type: 'text' })
  summary: string;

  @Column({ type: 'text' })
  plan: string;

  @Column({ type: 'varchar', length: 200 })
  location: string;

  @Column({ name: 'beneficiaries_count', type: 'int' })
  beneficiariesCount: number;

  @Column({ name: 'beneficiaries_description', type: 'text' })
  beneficiariesDescription: string;

  @Column({ name: 'start_date', type: 'date' })
  startDate: string;

  @Column({ name: 'end_date', type: 'date' })
  endDate: string;

  @Column({ name: 'total_cost_fen', type: 'bigint', transformer: bigintAsNumber })
  totalCostFen: number;

  @Column({ name: 'cost_items', type: 'jsonb' })
  costItems: CostItemData[];

  @Column({ name: 'resident_money_fen', type: 'bigint', default: 0, transformer: bigintAsNumber })
  residentMoneyFen: number;

  @Column({ name: 'resident_labour_fen', type: 'bigint', default: 0, transformer: bigintAsNumber })
  residentLabourFen: number;

  @Column({ name: 'social_support_fen', type: 'bigint', default: 0, transformer: bigintAsNumber })
  socialSupportFen: number;

  @Column({ name: 'community_self_fen', type: 'bigint', default: 0, transformer: bigintAsNumber })
  communitySelfFen: number;

  @Column({ name: 'street_support_fen', type: 'bigint', default: 0, transformer: bigintAsNumber })
  streetSupportFen: number;

  @Column({ name: 'requested_subsidy_fen', type: 'bigint', default: 0, transformer: bigintAsNumber })
  requestedSubsidyFen: number;

  @Column({ name: 'contact_name', type: 'varchar', length: 50 })
  contactName: string;

  @Column({ name: 'contact_phone', type: 'varchar', length: 20 })
  contactPhone: string;

  @Column({ type: 'varchar', length: 30, default: 'draft' })
  status: string;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  /** The reason given with the last backward move (returned, ineligible, withdrawn). */
  @Column({ name: 'last_reason', type: 'text', nullable: true })
  lastReason: string | null;

  @Column({ name: 'created_by_user_id', type: 'int' })
  createdByUserId: number;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_user_id' })
  createdBy?: Relation<User>;

  @Column({ name: 'is_demo', type: 'boolean', default: false })
  isDemo: boolean;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
