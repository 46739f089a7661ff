import { Injectable } from '@nestjs/common';
import type { ReminderRunView } from '@xiaoshi/contracts';
import { HandlesJob, type JobHandler } from '../../queue/job-handler.js';
import type { JobPayloads } from '../../queue/jobs.js';
import { ReminderRunner } from './reminder-runner.service.js';

/** Daily (schedules.ts): every module's due reminders, on working days only. */
@Injectable()
@HandlesJob('notifications.remind')
export class RemindersHandler implements JobHandler<'notifications.remind'> {
  constructor(private readonly reminders: ReminderRunner) {}

  handle(payload: JobPayloads['notifications.remind']): Promise<ReminderRunView> {
    return this.reminders.run(payload.date);
  }
}
