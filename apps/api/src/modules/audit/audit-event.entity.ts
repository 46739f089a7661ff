import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from '../../database/transformers.js';

/**
 * Append-only audit log. `seq`, `prev_hash` and `hash` are set by a database trigger under a lock,
 * so the chain order is the commit order; UPDATE, DELETE and TRUNCATE are refused by triggers.
 * Partitioned by month of `occurred_at` (migration AuditPartitions), hence the two-column key.
 */
@Entity('audit_event')
@Index('idx_audit_event_entity', ['entityType', 'entityId', 'seq'])
@Index('idx_audit_event_actor', ['actorUserId', 'seq'])
@Index('idx_audit_event_district', ['districtId', 'seq'])
@Index('idx_audit_event_street', ['streetId', 'seq'])
export class AuditEvent {
  @PrimaryColumn({ type: 'bigint', transformer: bigintAsNumber, primaryKeyConstraintName: 'pk_audit_event' })
  seq: number;

  @PrimaryColumn({
    name: 'occurred_at',
    type: 'timestamptz',
    default: () => 'now()',
    primaryKeyConstraintName: 'pk_audit_event',
  })
  occurredAt: Date;

  @Column({ name: 'actor_user_id', type: 'int', nullable: true })
  actorUserId: number | null;

  @Column({ name: 'actor_username', type: 'varchar', length: 32, nullable: true })
  actorUsername: string | null;

  @Column({ type: 'varchar', length: 80 })
  action: string;

  @Column({ name: 'entity_type', type: 'varchar', length: 50 })
  entityType: string;

  @Column({ name: 'entity_id', type: 'varchar', length: 50, nullable: true })
  entityId: string | null;

  @Column({ type: 'jsonb', nullable: true })
  before: unknown;

  @Column({ type: 'jsonb', nullable: true })
  after: unknown;

  @Column({ name: 'request_id', type: 'varchar', length: 64, nullable: true })
  requestId: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  /**
   * The district the event is filed under — its actor's, or for a system event the district of the
   * record it is about; NULL above districts. Set by a database trigger (migration AuditDistrict),
   * outside the hash chain; a district's page of the log is one walk of (district_id, seq).
   */
  @Column({ name: 'district_id', type: 'int', nullable: true, insert: false, update: false })
  readonly districtId: number | null;

  /**
   * The street the event is filed under, by the same rule one level down (migration AuditStreet);
   * NULL above streets. A street's page of the log is one walk of (street_id, seq).
   */
  @Column({ name: 'street_id', type: 'int', nullable: true, insert: false, update: false })
  readonly streetId: number | null;

  @Column({ name: 'prev_hash', type: 'char', length: 64 })
  prevHash: string;

  @Column({ type: 'char', length: 64 })
  hash: string;
}
