/**
 * Every background job: its name and its payload. Payloads carry ids only; a handler loads what
 * it needs and is idempotent, because BullMQ may deliver a job more than once.
 */
export interface JobPayloads {
  /**
   * Recompute the audit hash chain and store the verdict: `incremental` reads only the events since
   * the last good check (nightly); `full` (weekly, and the default) reads the whole chain.
   */
  'audit.verify-chain': { requestedByUserId: number | null; mode?: 'incremental' | 'full' };
  /** Fan one in-app notification out to its e-mail and SMS deliveries (one row per event, user, channel). */
  'notifications.deliver': { notificationId: number };
  /** Send one e-mail or SMS delivery (retried with backoff; never twice once recorded as sent). */
  'notifications.send': { deliveryId: number };
  /** The daily reminders on working days: asks every module what is due and notifies (daily). */
  'notifications.remind': { date: string | 'today' };
  /** Remind streets short of their minimum submissions, N days before a window closes (daily). */
  'competitions.remind-short-streets': { date: string | 'today' };
  /** Produce an Excel export and mark it ready for download. */
  'exports.run': { exportJobId: number };
  /** Recompute a competition's aggregated scores and ranking after sheets change. */
  'reviews.rank': { competitionId: number };
  /** Close ended 公示 notices without pending objections and approve their awards (daily). */
  'awards.close-notices': Record<string, never>;
  /** Remind streets that have not reported their stipend roster before the quarter's end (daily). */
  'stipends.remind-streets': { date: string | 'today' };
  /** Open a project (with its tranches) for every approved award without one (every 10 minutes; idempotent). */
  'delivery.open-projects': Record<string, never>;
  /** Remind community and street officers of projects with no report this month or past their end date (daily). */
  'delivery.remind-overdue': { date: string | 'today' };
}

export type JobName = keyof JobPayloads;

/** Runtime list of job names, checked against the handlers at boot. */
export const JOB_NAMES = [
  'audit.verify-chain',
  'notifications.deliver',
  'notifications.send',
  'notifications.remind',
  'competitions.remind-short-streets',
  'exports.run',
  'reviews.rank',
  'awards.close-notices',
  'stipends.remind-streets',
  'delivery.open-projects',
  'delivery.remind-overdue',
] as const satisfies readonly JobName[];

// Compile-time proof that JOB_NAMES lists every key of JobPayloads.
type Missing = Exclude<JobName, (typeof JOB_NAMES)[number]>;
const everyJobListed: Missing extends never ? true : Missing = true;
void everyJobListed;

export const QUEUE_NAME = 'xiaoshi';
