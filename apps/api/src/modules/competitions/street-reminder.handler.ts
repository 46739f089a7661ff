import { Injectable } from '@nestjs/common';
import { HandlesJob, type JobHandler } from '../../queue/job-handler.js';
import type { JobPayloads } from '../../queue/jobs.js';
import { ReminderRunner } from '../notifications/reminder-runner.service.js';

/**
 * Streets short of their minimum submissions: now one kind of the daily reminders
 * (competition.reminders.ts, run by the notifications module's 'notifications.remind' job). This
 * job stays for re-running that kind alone for a given day; it sends nothing twice (the reminder's
 * key is per street, call, recipient and day) and nothing on a non-working day.
 */
@Injectable()
@HandlesJob('competitions.remind-short-streets')
export class StreetReminderHandler implements JobHandler<'competitions.remind-short-streets'> {
  constructor(private readonly reminders: ReminderRunner) {}

  async handle(payload: JobPayloads['competitions.remind-short-streets']): Promise<{ reminded: number }> {
    const run = await this.reminders.run(payload.date, ['competition.street_short']);
    return { reminded: run.reminded };
  }
}
