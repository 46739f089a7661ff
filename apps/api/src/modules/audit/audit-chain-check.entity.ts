import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { bigintAsNumber } from '../../database/transformers.js';

/** The result of each scheduled verification of the audit hash chain. */
@Entity('audit_chain_check')
export class AuditChainCheck {
  @PrimaryGeneratedColumn()
  id: number;

  @CreateDateColumn({ name: 'checked_at', type: 'timestamptz' })
  checkedAt: Date;

  @Column({ type: 'boolean' })
  ok: boolean;

  @Column({ name: 'checked_events', type: 'bigint', transformer: bigintAsNumber })
  checkedEvents: number;

  @Column({ name: 'first_broken_seq', type: 'bigint', nullable: true, transformer: bigintAsNumber })
  firstBrokenSeq: number | null;

  /** Null for a check of the whole chain; else the check read only the events after this seq. */
  @Column({ name: 'from_seq', type: 'bigint', nullable: true, transformer: bigintAsNumber })
  fromSeq: number | null;

  /** The last event the check read, and its hash: where the next incremental check starts. */
  @Column({ name: 'last_seq', type: 'bigint', nullable: true, transformer: bigintAsNumber })
  lastSeq: number | null;

  @Column({ name: 'last_hash', type: 'char', length: 64, nullable: true })
  lastHash: string | null;
}
