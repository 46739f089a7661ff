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
import { BudgetLine } from '../budgets/budget-line.entity.js';
import { OrgUnit } from '../orgs/org-unit.entity.js';

export type StipendProgrammeKind = 'monthly_quarterly' | 'one_off';
export type StipendRosterKind = 'retired_cadre' | 'building_leader';

/**
 * A standing stipend paid from one budget line: a monthly rate paid per quarter (生活补贴, 楼栋长
 * 工作经费) or a one-off payment (离任一次性补助). A one-off programme draws its people from the
 * roster of a quarterly programme. `roster_kind` says who a quarterly roster lists and how their
 * monthly rate is set (docs/decisions/0009).
 */
@Entity('stipend_programme')
@Index('uq_stipend_programme_line', ['budgetLineId'], { unique: true })
@Index('idx_stipend_programme_unit', ['unitId', 'id'])
@Check('chk_stipend_programme_kind', `"kind" IN ('monthly_quarterly', 'one_off')`)
@Check('chk_stipend_programme_roster', `("kind" = 'one_off') = ("roster_programme_id" IS NOT NULL)`)
@Check('chk_stipend_programme_reminder', `"report_reminder_days" BETWEEN 0 AND 60`)
@Check('chk_stipend_programme_roster_kind', `"roster_kind" IN ('retired_cadre', 'building_leader')`)
@Check('chk_stipend_programme_one_off_cadres', `"kind" <> 'one_off' OR "roster_kind" = 'retired_cadre'`)
export class StipendProgramme {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'budget_line_id', type: 'int' })
  budgetLineId: number;

  @ManyToOne(() => BudgetLine, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'budget_line_id' })
  budgetLine?: Relation<BudgetLine>;

  @Column({ type: 'varchar', length: 20 })
  kind: StipendProgrammeKind;

  /** Who the roster lists: retired cadres (per-person rates) or building leaders (rate table). */
  @Column({ name: 'roster_kind', type: 'varchar', length: 20, default: 'retired_cadre' })
  rosterKind: StipendRosterKind;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ name: 'roster_programme_id', type: 'int', nullable: true })
  rosterProgrammeId: number | null;

  @ManyToOne(() => StipendProgramme, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'roster_programme_id' })
  rosterProgramme?: Relation<StipendProgramme> | null;

  @Column({ name: 'report_reminder_days', type: 'int', default: 10 })
  reportReminderDays: number;

  /** The district that owns the money (the budget line's unit). */
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
