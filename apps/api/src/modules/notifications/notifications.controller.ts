import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { NotificationListQuery } from '@xiaoshi/contracts';
import type { AuthenticatedActor } from '../../common/actor.js';
import { CurrentActor, RequirePermission } from '../../common/route-access.decorator.js';
import { IdPipe, ZodQuery } from '../../common/validation.js';
import { NotificationsService } from './notifications.service.js';

/** Each user's own inbox: reading it and marking it read are acts on one's own account. */
@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @RequirePermission('me.read')
  list(@CurrentActor() actor: AuthenticatedActor, @ZodQuery(NotificationListQuery) query: NotificationListQuery) {
    return this.notifications.list(actor.user, query);
  }

  @Get('unread-count')
  @RequirePermission('me.read')
  unread(@CurrentActor() actor: AuthenticatedActor) {
    return this.notifications.unreadCount(actor.user);
  }

  @Post('read-all')
  @HttpCode(200)
  @RequirePermission('me.update')
  readAll(@CurrentActor() actor: AuthenticatedActor) {
    return this.notifications.markRead(actor.user, 'all');
  }

  @Post(':id/read')
  @HttpCode(200)
  @RequirePermission('me.update')
  read(@CurrentActor() actor: AuthenticatedActor, @Param('id', IdPipe) id: number) {
    return this.notifications.markRead(actor.user, id);
  }
}
