import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuditListQuery } from '@xiaoshi/contracts';
import type { AuthenticatedActor } from '../../common/actor.js';
import { CurrentActor, RequirePermission } from '../../common/route-access.decorator.js';
import { AccessService } from '../access/access.service.js';
import { ZodQuery } from '../../common/validation.js';
import { AuditService } from './audit.service.js';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(
    private readonly audit: AuditService,
    private readonly access: AccessService,
  ) {}

  @Get('events')
  @RequirePermission('audit.read')
  list(@CurrentActor() actor: AuthenticatedActor, @ZodQuery(AuditListQuery) query: AuditListQuery) {
    return this.audit.list(query, actor.user.unit, this.access.seesPersonalData(actor.user));
  }

  /** Verifies the whole hash chain now; read-only, so auditors may run it. */
  @Get('verify')
  @RequirePermission('audit.read')
  verify() {
    return this.audit.verifyChain();
  }

  @Get('checks')
  @RequirePermission('audit.read')
  checks() {
    return this.audit.lastChecks();
  }
}
