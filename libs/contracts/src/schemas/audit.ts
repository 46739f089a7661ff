import { z } from 'zod';
import { PageQuery } from './common.js';

export const AuditListQuery = PageQuery.extend({
  entityType: z.string().trim().max(50).optional(),
  entityId: z.string().trim().max(50).optional(),
  action: z.string().trim().max(80).optional(),
});
export type AuditListQuery = z.infer<typeof AuditListQuery>;

export interface AuditEventView {
  seq: number;
  occurredAt: string;
  actorUserId: number | null;
  actorUsername: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  ip: string | null;
}

export interface AuditChainReport {
  ok: boolean;
  checkedEvents: number;
  /** The first sequence number whose hash or link does not match, when the chain is broken. */
  firstBrokenSeq: number | null;
  /**
   * Null when the whole chain was read; else the check read only the events after this sequence
   * number, linking the first of them to the last event of the previous good check.
   */
  fromSeq?: number | null;
  /** The last event read (null when there was none): where the next incremental check starts. */
  lastSeq?: number | null;
}

/** A stored run of the scheduled chain check. */
export interface AuditCheckView extends AuditChainReport {
  checkedAt: string;
}
