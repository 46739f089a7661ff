import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { StipendPerson } from './stipend-person.entity.js';

/**
 * One post held for one term (任职记录). Full terms for the departure subsidy come from these
 * dates, never from a typed count. `source` tells the roster import's own row (replaced on
 * re-import) from rows entered by hand (kept).
 */
@Entity('stipend_post')
@Index('idx_stipend_post_person', ['personId', 'termStart'])
@Check(
  'chk_stipend_post_post',
  `"post" IN ('secretary_and_director', 'secretary', 'director', 'deputy_secretary', 'deputy_director', 'supervisory_director', 'committee_member')`,
)
@Check('chk_stipend_post_term', `"term_end" IS NULL OR "term_end" >= "term_start"`)
@Check('chk_stipend_post_elected', `"elected_at" IS NULL OR "elected_at" <= "term_start"`)
@Check('chk_stipend_post_source', `"source" IN ('import', 'manual')`)
export class StipendPost {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'person_id', type: 'int' })
  personId: number;

  @ManyToOne(() => StipendPerson, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id' })
  person?: Relation<StipendPerson>;

  @Column({ type: 'varchar', length: 30 })
  post: string;

  @Column({ name: 'term_start', type: 'date' })
  termStart: string;

  @Column({ name: 'term_end', type: 'date', nullable: true })
  termEnd: string | null;

  @Column({ name: 'elected_at', type: 'date', nullable: true })
  electedAt: string | null;

  @Column({ type: 'varchar', length: 10, default: 'manual' })
  source: 'import' | 'manual';
}
