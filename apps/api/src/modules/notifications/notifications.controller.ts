import { Controller, Get, Headers, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  ConfirmPhoneVerificationRequest,
  DeliveryListQuery,
  NotificationListQuery,
  UnsubscribeRequest,
  UpdateDistrictDefaultsRequest,
  UpdateNotificationPreferencesRequest,
} from '@xiaoshi/contracts';
import type { Actor, AuthenticatedActor } from '../../common/actor.js';
import { languageOf } from '../../common/error-response.js';
import { CurrentActor, Public, RequirePermission } from '../../common/route-access.decorator.js';
import { Throttle } from '../../common/throttle.js';
import { IdPipe, ZodBody, ZodQuery } from '../../common/validation.js';
import { DeliveryAdminService } from './delivery-admin.service.js';
import { NotificationPreferencesService } from './notification-preferences.service.js';
import { NotificationsService } from './notifications.service.js';
import { PhoneVerificationService } from './phone-verification.service.js';

/** Each user's own inbox: reading it and marking it read are acts on one's own account. */
@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @RequirePermission('me.read')
  list(
    @CurrentActor() actor: AuthenticatedActor,
    @ZodQuery(NotificationListQuery) query: NotificationListQuery,
    @Headers('accept-language') acceptLanguage: string | undefined,
  ) {
    return this.notifications.list(actor.user, query, languageOf(acceptLanguage) === 'en' ? 'en' : 'zh-CN');
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

/** Each user's channels per topic, language and phone verification; the district's defaults. */
@ApiTags('notifications')
@Controller('notification-settings')
export class NotificationSettingsController {
  constructor(
    private readonly preferences: NotificationPreferencesService,
    private readonly phones: PhoneVerificationService,
  ) {}

  @Get()
  @RequirePermission('me.read')
  get(@CurrentActor() actor: AuthenticatedActor) {
    return this.preferences.get(actor.user);
  }

  @Put()
  @RequirePermission('me.update')
  update(
    @CurrentActor() actor: AuthenticatedActor,
    @ZodBody(UpdateNotificationPreferencesRequest) body: UpdateNotificationPreferencesRequest,
  ) {
    return this.preferences.update(actor, body);
  }

  @Post('phone-verification')
  @RequirePermission('me.update')
  @Throttle({ bucket: 'phone-verification', points: 10, durationSeconds: 3600 })
  startVerification(@CurrentActor() actor: AuthenticatedActor) {
    return this.phones.start(actor);
  }

  @Post('phone-verification/confirm')
  @HttpCode(200)
  @RequirePermission('me.update')
  confirmVerification(
    @CurrentActor() actor: AuthenticatedActor,
    @ZodBody(ConfirmPhoneVerificationRequest) body: ConfirmPhoneVerificationRequest,
  ) {
    return this.phones.confirm(actor, body.code);
  }

  @Get('district-defaults')
  @RequirePermission('notifications.read')
  districtDefaults(@CurrentActor() actor: AuthenticatedActor) {
    return this.preferences.districtDefaults(actor.user);
  }

  @Put('district-defaults')
  @RequirePermission('notifications.manage')
  updateDistrictDefaults(
    @CurrentActor() actor: AuthenticatedActor,
    @ZodBody(UpdateDistrictDefaultsRequest) body: UpdateDistrictDefaultsRequest,
  ) {
    return this.preferences.updateDistrictDefaults(actor, body);
  }
}

/** E-mail and SMS delivery status for admins, with retry. */
@ApiTags('notifications')
@Controller('notification-deliveries')
export class NotificationDeliveriesController {
  constructor(private readonly admin: DeliveryAdminService) {}

  @Get()
  @RequirePermission('notifications.read')
  list(@CurrentActor() actor: AuthenticatedActor, @ZodQuery(DeliveryListQuery) query: DeliveryListQuery) {
    return this.admin.list(actor.user, query);
  }

  @Get('summary')
  @RequirePermission('notifications.read')
  summary(@CurrentActor() actor: AuthenticatedActor) {
    return this.admin.summary(actor.user);
  }

  @Post(':id/retry')
  @HttpCode(204)
  @RequirePermission('notifications.manage')
  async retry(@CurrentActor() actor: AuthenticatedActor, @Param('id', IdPipe) id: number) {
    await this.admin.retry(actor, id);
  }
}

/** One-click unsubscribe from an e-mail's link: no login, the signed token is the proof. */
@ApiTags('public')
@Controller('public/notifications')
export class PublicNotificationsController {
  constructor(private readonly preferences: NotificationPreferencesService) {}

  @Post('unsubscribe')
  @HttpCode(200)
  @Public()
  @Throttle({ bucket: 'public-unsubscribe', points: 30, durationSeconds: 60 })
  unsubscribe(@CurrentActor() actor: Actor, @ZodBody(UnsubscribeRequest) body: UnsubscribeRequest) {
    return this.preferences.unsubscribe(actor, body.token);
  }
}
