import {
  Check,
  Column,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  JoinColumn,
  ManyToOne,
  type Relation,
} from 'typeorm';
import { Competition } from './competition.entity.js';
import { bigintAsNumber } from '../../database/transformers.js';

/** A category of a competition with its per-project subsidy cap, e.g. 工程类 ≤ 500,000 元. */
@Entity('competition_category')
@Index('uq_competition_category_key', ['competitionId', 'key'], { unique: true })
@Check('chk_competition_category_cap', `"cap_fen" > 0`)
export class CompetitionCategory {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'competition_id', type: 'int' })
  competitionId: number;

  @ManyToOne(() => Competition, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'competition_id' })
  competition?: Relation<Competition>;

  @Column({ type: 'varchar', length: 30 })
  key: string;

  @Column({ type: 'varchar', length: 50 })
  name: string;

  @Column({ name: 'cap_fen', type: 'bigint', transformer: bigintAsNumber })
  capFen: number;
}
