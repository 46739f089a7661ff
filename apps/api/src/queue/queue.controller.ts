import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../common/route-access.decorator.js';
import { QueueService } from './queue.service.js';

@ApiTags('operations')
@Controller('queues')
export class QueueController {
  constructor(private readonly queues: QueueService) {}

  /** Job counts by state, for the admins' operations page. */
  @Get()
  @RequirePermission('queues.read')
  counts() {
    return this.queues.counts();
  }
}
