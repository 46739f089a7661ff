import type { Queue, RepeatOptions } from 'bullmq';
import type { JobName, JobPayloads } from './jobs.js';

interface Schedule<N extends JobName = JobName> {
  /** The BullMQ job scheduler id (stable: renaming one leaves the old scheduler behind in Redis). */
  id: string;
  repeat: Omit<RepeatOptions, 'key'>;
  name: N;
  data: JobPayloads[N];
}

const schedule = <N extends JobName>(entry: Schedule<N>): Schedule => entry as unknown as Schedule;
const daily = (time: string) => {
  const [hour, minute] = time.split(':').map(Number);
  return { pattern: `${minute} ${hour} * * *`, tz: 'Asia/Shanghai' };
};

/** Every scheduled job, in one place. The worker registers them at boot and restores lost ones. */
export const SCHEDULES: readonly Schedule[] = [
  // Nightly verification of the audit chain, 03:00 Beijing time: the events of the last day only.
  schedule({
    id: 'audit-verify-nightly',
    repeat: daily('3:00'),
    name: 'audit.verify-chain',
    data: { requestedByUserId: null, mode: 'incremental' },
  }),
  // And the whole chain once a week, Sundays 04:00 Beijing time.
  schedule({
    id: 'audit-verify-weekly',
    repeat: { pattern: '0 4 * * 0', tz: 'Asia/Shanghai' },
    name: 'audit.verify-chain',
    data: { requestedByUserId: null, mode: 'full' },
  }),
  // Every module's reminders (windows closing, streets short of their minimum, sheets due, 公示
  // ending, objections, progress reports, inspections, payments, stipend reports), on working days.
  // Replaces the per-module reminder schedules (RETIRED_SCHEDULE_IDS).
  schedule({
    id: 'notification-reminders-daily',
    repeat: daily('8:00'),
    name: 'notifications.remind',
    data: { date: 'today' },
  }),
  // Close ended 公示 notices without pending objections.
  schedule({ id: 'close-notices-daily', repeat: daily('0:05'), name: 'awards.close-notices', data: {} }),
  // Delivery: open projects for newly approved awards, and remind officers of overdue reports.
  schedule({
    id: 'delivery-open-projects',
    repeat: { every: 10 * 60 * 1000 },
    name: 'delivery.open-projects',
    data: {},
  }),
  schedule({
    id: 'delivery-overdue-daily',
    repeat: daily('8:20'),
    name: 'delivery.remind-overdue',
    data: { date: 'today' },
  }),
];

/**
 * Schedulers that no longer exist: removed at boot so that Redis does not keep firing them (their
 * reminders are now part of 'notification-reminders-daily').
 */
export const RETIRED_SCHEDULE_IDS = ['street-reminders-daily', 'stipend-report-reminders-daily', 'review-reminders-daily'];

/** Creates or updates every scheduler (at boot: a changed schedule takes effect), and removes retired ones. */
export async function upsertSchedules(
  queue: Queue,
  schedules: readonly Schedule[] = SCHEDULES,
): Promise<void> {
  for (const entry of schedules) {
    await queue.upsertJobScheduler(entry.id, entry.repeat, { name: entry.name, data: entry.data });
  }
  if (schedules === SCHEDULES) {
    for (const id of RETIRED_SCHEDULE_IDS) await queue.removeJobScheduler(id);
  }
}

/**
 * Re-creates the schedulers that Redis no longer has (its data was flushed or lost in a restart
 * without persistence). Returns the ids restored; one cheap read when nothing is missing.
 */
export async function restoreMissingSchedules(queue: Queue): Promise<string[]> {
  const present = new Set((await queue.getJobSchedulers(0, -1)).map((entry) => entry.key));
  const missing = SCHEDULES.filter((entry) => !present.has(entry.id));
  await upsertSchedules(queue, missing);
  return missing.map((entry) => entry.id);
}
