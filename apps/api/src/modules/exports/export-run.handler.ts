import { Injectable } from '@nestjs/common';
import { HandlesJob, type JobHandler } from '../../queue/job-handler.js';
import type { JobPayloads } from '../../queue/jobs.js';
import { ExportsService } from './exports.service.js';

@Injectable()
@HandlesJob('exports.run')
export class ExportRunHandler implements JobHandler<'exports.run'> {
  constructor(private readonly exports: ExportsService) {}

  handle(payload: JobPayloads['exports.run']): Promise<void> {
    return this.exports.run(payload.exportJobId);
  }
}
