import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  JoinColumn,
  ManyToOne,
  type Relation,
} from 'typeorm';
import { User } from '../users/user.entity.js';

export type ExportStatus = 'queued' | 'running' | 'done' | 'failed';

/** An Excel export produced by the worker and downloaded by the user who asked for it. */
@Entity('export_job')
@Index('idx_export_job_user', ['requestedByUserId', 'id'])
@Check('chk_export_job_status', `"status" IN ('queued', 'running', 'done', 'failed')`)
export class ExportJob {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 40 })
  kind: string;

  @Column({ type: 'jsonb' })
  params: Record<string, unknown>;

  @Column({ type: 'varchar', length: 20, default: 'queued' })
  status: ExportStatus;

  @Column({ name: 'file_name', type: 'varchar', length: 200, nullable: true })
  fileName: string | null;

  @Column({ name: 'storage_key', type: 'varchar', length: 200, nullable: true })
  storageKey: string | null;

  @Column({ name: 'row_count', type: 'int', nullable: true })
  rowCount: number | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ name: 'requested_by_user_id', type: 'int' })
  requestedByUserId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'requested_by_user_id' })
  requestedBy?: Relation<User>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
