import { Injectable, Logger } from '@nestjs/common';
import { HandlesJob, type JobHandler } from '../../queue/job-handler.js';
import { AuditService } from './audit.service.js';

@Injectable()
@HandlesJob('audit.verify-chain')
export class AuditVerifyHandler implements JobHandler<'audit.verify-chain'> {
  private readonly logger = new Logger(AuditVerifyHandler.name);

  constructor(private readonly audit: AuditService) {}

  async handle(): Promise<unknown> {
    const report = await this.audit.verifyAndStore();
    if (!report.ok) this.logger.error(report, 'AUDIT CHAIN BROKEN');
    return report;
  }
}
