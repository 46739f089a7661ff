import { Injectable } from '@nestjs/common';
import { HandlesJob, type JobHandler } from '../../queue/job-handler.js';
import { AwardsService } from './awards.service.js';

/** Daily: approve the awards of every notice whose period ended without pending objections. */
@Injectable()
@HandlesJob('awards.close-notices')
export class CloseNoticesHandler implements JobHandler<'awards.close-notices'> {
  constructor(private readonly awards: AwardsService) {}

  handle(): Promise<number> {
    return this.awards.closeEndedNotices();
  }
}
