import { Injectable, Logger } from '@nestjs/common';
import type { JobPayloads } from '../../queue/jobs.js';
import { HandlesJob, type JobHandler } from '../../queue/job-handler.js';
import { AuditService } from './audit.service.js';

@Injectable()
@HandlesJob('audit.verify-chain')
export class AuditVerifyHandler implements JobHandler<'audit.verify-chain'> {
  private readonly logger = new Logger(AuditVerifyHandler.name);

  constructor(private readonly audit: AuditService) {}

  async handle(payload: JobPayloads['audit.verify-chain']): Promise<unknown> {
    const report = await this.audit.verifyAndStore(payload.mode ?? 'full');
    if (!report.ok) this.logger.error(report, 'AUDIT CHAIN BROKEN');
    return report;
  }
}
