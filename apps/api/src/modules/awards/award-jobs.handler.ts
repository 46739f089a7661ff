import { Injectable } from '@nestjs/common';
import { HandlesJob, type JobHandler } from '../../queue/job-handler.js';
import { NoticesService } from './notices.service.js';

/** Daily: approve the awards of every notice whose period ended without pending objections. */
@Injectable()
@HandlesJob('awards.close-notices')
export class CloseNoticesHandler implements JobHandler<'awards.close-notices'> {
  constructor(private readonly notices: NoticesService) {}

  handle(): Promise<number> {
    return this.notices.closeEndedNotices();
  }
}
