import { Injectable } from '@nestjs/common';
import { shanghaiDate } from '@xiaoshi/domain';
import { HandlesJob, type JobHandler } from '../../queue/job-handler.js';
import type { JobPayloads } from '../../queue/jobs.js';
import { DeliveryService } from './delivery.service.js';
import { ProjectOpeningService } from './project-opening.service.js';

/**
 * Opens projects for approved awards that have none (idempotent: unique application_id). The
 * approval (立项) enqueues it in its transaction; a schedule repeats it as a safety net.
 */
@Injectable()
@HandlesJob('delivery.open-projects')
export class OpenProjectsHandler implements JobHandler<'delivery.open-projects'> {
  constructor(private readonly opening: ProjectOpeningService) {}

  async handle(): Promise<{ opened: number }> {
    return { opened: (await this.opening.openProjects()).length };
  }
}

/** Daily: one reminder per project, month and reason (dedupe key), however often it runs. */
@Injectable()
@HandlesJob('delivery.remind-overdue')
export class RemindOverdueHandler implements JobHandler<'delivery.remind-overdue'> {
  constructor(private readonly delivery: DeliveryService) {}

  async handle(payload: JobPayloads['delivery.remind-overdue']): Promise<{ reminded: number }> {
    const today = payload.date === 'today' ? shanghaiDate(new Date()) : payload.date;
    return { reminded: await this.delivery.remindOverdue(today) };
  }
}
