import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { NoticePreviewQuery } from '@xiaoshi/contracts';
import type { AuthenticatedActor } from '../../common/actor.js';
import { CurrentActor, RequirePermission } from '../../common/route-access.decorator.js';
import { ZodQuery } from '../../common/validation.js';
import { CalendarService } from './calendar.service.js';

/** The working-day calendar for planning 公示 (any date, past or future). */
@ApiTags('awards')
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get('notice-preview')
  @RequirePermission('awards.read')
  noticePreview(
    @CurrentActor() actor: AuthenticatedActor,
    @ZodQuery(NoticePreviewQuery) query: NoticePreviewQuery,
  ) {
    return this.calendar.noticePreview(actor.user, query);
  }
}
