import { Injectable } from '@nestjs/common';
import { HandlesJob, type JobHandler } from '../../queue/job-handler.js';
import type { JobPayloads } from '../../queue/jobs.js';
import { ReminderRunner } from '../notifications/reminder-runner.service.js';

/**
 * The quarterly roster report reminder: now one kind of the daily reminders (stipend.reminders.ts,
 * run by the notifications module's 'notifications.remind' job). This job stays for re-running that
 * kind alone for a given day; it reminds each street once per programme and quarter, however often
 * it runs, and never on a non-working day.
 */
@Injectable()
@HandlesJob('stipends.remind-streets')
export class StipendReminderHandler implements JobHandler<'stipends.remind-streets'> {
  constructor(private readonly reminders: ReminderRunner) {}

  async handle(payload: JobPayloads['stipends.remind-streets']): Promise<{ reminded: number }> {
    const run = await this.reminders.run(payload.date, ['stipend_report.due']);
    return { reminded: run.reminded };
  }
}
