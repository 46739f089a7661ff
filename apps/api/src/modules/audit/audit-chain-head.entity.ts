import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from '../../database/transformers.js';

/**
 * The last link of the audit hash chain (one row, id 1), kept by the insert trigger under the
 * chain's lock: a new event finds its predecessor's hash here rather than in every monthly partition.
 */
@Entity('audit_chain_head')
export class AuditChainHead {
  @PrimaryColumn({ type: 'smallint', primaryKeyConstraintName: 'pk_audit_chain_head' })
  id: number;

  @Column({ type: 'bigint', transformer: bigintAsNumber })
  seq: number;

  @Column({ type: 'char', length: 64 })
  hash: string;
}
