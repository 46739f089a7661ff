import { Check, Column, Entity, JoinColumn, OneToOne, PrimaryColumn, type Relation } from 'typeorm';
import { StipendPerson } from './stipend-person.entity.js';

/**
 * What a building leader (楼栋长) on a `building_leader` roster covers: the building(s), units and
 * households, from which the district's rate table sets their monthly rate, and their phone
 * (personal data: masked in every view). One row per roster person.
 */
@Entity('stipend_building_leader')
@Check('chk_stipend_building_leader_count', `"building_count" BETWEEN 1 AND 50`)
@Check('chk_stipend_building_leader_households', `"households" BETWEEN 0 AND 5000`)
@Check('chk_stipend_building_leader_phone', `"phone" ~ '^[0-9]{10,12}$'`)
export class StipendBuildingLeader {
  @PrimaryColumn({ name: 'person_id', type: 'int' })
  personId: number;

  @OneToOne(() => StipendPerson, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id' })
  person?: Relation<StipendPerson>;

  /** 楼栋, e.g. 学府花园3栋 or 3栋、5栋. */
  @Column({ type: 'varchar', length: 100 })
  buildings: string;

  @Column({ name: 'building_count', type: 'int' })
  buildingCount: number;

  /** 负责单元, e.g. 1—3单元. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  units: string | null;

  @Column({ type: 'int' })
  households: number;

  @Column({ type: 'varchar', length: 12 })
  phone: string;
}
