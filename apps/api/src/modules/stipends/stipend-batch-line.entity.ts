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
import { bigintAsNumber } from '../../database/transformers.js';
import { OrgUnit } from '../orgs/org-unit.entity.js';
import { StipendBatch } from './stipend-batch.entity.js';
import { StipendPerson } from './stipend-person.entity.js';

/**
 * One payee of a batch, with the name, ID number and bank account frozen as approved: the bank
 * payroll is written from these, never from the live roster.
 */
@Entity('stipend_batch_line')
@Index('uq_stipend_batch_line_person', ['batchId', 'personId'], { unique: true })
@Index('idx_stipend_batch_line_person', ['personId', 'batchId'])
@Index('idx_stipend_batch_line_page', ['batchId', 'id'])
@Check('chk_stipend_batch_line_amount', `"amount_fen" > 0 AND "monthly_rate_fen" >= 0`)
export class StipendBatchLine {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'batch_id', type: 'int' })
  batchId: number;

  @ManyToOne(() => StipendBatch, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'batch_id' })
  batch?: Relation<StipendBatch>;

  @Column({ name: 'person_id', type: 'int' })
  personId: number;

  @ManyToOne(() => StipendPerson, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id' })
  person?: Relation<StipendPerson>;

  @Column({ name: 'street_id', type: 'int' })
  streetId: number;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'street_id' })
  street?: Relation<OrgUnit>;

  @Column({ name: 'community_id', type: 'int' })
  communityId: number;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'community_id' })
  community?: Relation<OrgUnit>;

  @Column({ type: 'varchar', length: 50 })
  name: string;

  @Column({ name: 'national_id', type: 'varchar', length: 18 })
  nationalId: string;

  @Column({ name: 'bank_name', type: 'varchar', length: 100 })
  bankName: string;

  @Column({ name: 'bank_account', type: 'varchar', length: 30 })
  bankAccount: string;

  /** Paid months 'YYYY-MM' (quarterly); empty for one-off subsidies. */
  @Column({ type: 'varchar', length: 7, array: true, default: () => "'{}'" })
  months: string[];

  @Column({ name: 'monthly_rate_fen', type: 'bigint', transformer: bigintAsNumber })
  monthlyRateFen: number;

  @Column({ name: 'amount_fen', type: 'bigint', transformer: bigintAsNumber })
  amountFen: number;

  /** One-off: highest post, full terms, months and the rule's wording, for the record. */
  @Column({ type: 'jsonb', nullable: true })
  detail: Record<string, unknown> | null;
}
