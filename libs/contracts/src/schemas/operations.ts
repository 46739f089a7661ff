/** Operations: health, queues, and the worker's export jobs. */

/** GET /health: 200 when PostgreSQL and Redis answer; 503 (with the same body) when one does not. */
export interface HealthReport {
  status: 'ok' | 'degraded';
  checkedAt: string;
  checks: { database: 'up' | 'down'; redis: 'up' | 'down' };
}

export const QUEUE_COUNT_STATES = ['waiting', 'active', 'delayed', 'completed', 'failed'] as const;

/** GET /queues: job counts by state. */
export type QueueCountsView = Partial<Record<(typeof QUEUE_COUNT_STATES)[number], number>>;

/** An Excel export run by the worker. */
export interface ExportJobView {
  id: number;
  kind: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  fileName: string | null;
  rowCount: number | null;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}
