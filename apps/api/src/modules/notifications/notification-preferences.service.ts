import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DomainError,
  NOTIFICATION_TOPICS,
  type DistrictDefaultsView,
  type NotificationPreferencesView,
  type NotificationTopic,
  type UnsubscribeView,
  type UpdateDistrictDefaultsRequest,
  type UpdateNotificationPreferencesRequest,
} from '@xiaoshi/contracts';
import { builtinChannels, maskPhone, resolveChannels, type ChannelChoice } from '@xiaoshi/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor, AuthenticatedActor, AuthUser } from '../../common/actor.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { AuditService } from '../audit/audit.service.js';
import { NotificationChannels } from './notification-channels.js';
import { PreferencesRepository, type ChannelRow } from './preferences.repository.js';
import { UnsubscribeTokens } from './unsubscribe-tokens.js';

const toMap = (rows: ChannelRow[]) => new Map(rows.map((row) => [row.topic, { email: row.email, sms: row.sms }]));

/**
 * Who gets what on which channel: each user's choice per topic, the district's defaults (set by its
 * admin), the built-in defaults — and the one-click unsubscribe behind every e-mail.
 */
@Injectable()
export class NotificationPreferencesService {
  readonly tokens: UnsubscribeTokens;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: PreferencesRepository,
    private readonly channels: NotificationChannels,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.tokens = new UnsubscribeTokens(config.auth.accessSecret);
  }

  /** The channels that apply to a user for a topic now. */
  async channelsFor(
    userId: number,
    districtId: number | null,
    topic: NotificationTopic,
    manager?: EntityManager,
  ): Promise<ChannelChoice> {
    const [own, district] = await Promise.all([
      this.repository.userChoices(userId, manager),
      this.repository.districtChoices(districtId, manager),
    ]);
    return resolveChannels(builtinChannels(topic), toMap(district).get(topic), toMap(own).get(topic));
  }

  async get(user: AuthUser): Promise<NotificationPreferencesView> {
    const contact = await this.repository.contact(user.id);
    if (!contact) throw new DomainError('NOT_FOUND');
    const [own, district] = await Promise.all([
      this.repository.userChoices(user.id),
      this.repository.districtChoices(contact.district_id),
    ]);
    const ownMap = toMap(own);
    const districtMap = toMap(district);
    return {
      language: contact.language ?? 'zh-CN',
      email: contact.email,
      phone: maskPhone(contact.phone),
      phoneVerified: !!contact.phone && contact.verified_phone === contact.phone,
      channels: { email: this.channels.emailEnabled, sms: this.channels.smsEnabled },
      topics: NOTIFICATION_TOPICS.map((topic) => ({
        topic,
        ...resolveChannels(builtinChannels(topic), districtMap.get(topic), ownMap.get(topic)),
      })),
    };
  }

  async update(actor: AuthenticatedActor, body: UpdateNotificationPreferencesRequest): Promise<NotificationPreferencesView> {
    await this.dataSource.transaction(async (manager) => {
      if (body.language) await this.repository.setLanguage(manager, actor.user.id, body.language);
      for (const [topic, choice] of Object.entries(body.topics ?? {})) {
        await this.repository.setUserChoice(manager, actor.user.id, topic, choice ?? null);
      }
      await this.audit.record(manager, actor, {
        action: 'notification_preferences.update',
        entityType: 'user',
        entityId: actor.user.id,
        after: body,
      });
    });
    return this.get(actor.user);
  }

  async districtDefaults(user: AuthUser): Promise<DistrictDefaultsView> {
    const districtId = await this.districtOf(user);
    const district = toMap(await this.repository.districtChoices(districtId));
    return {
      topics: NOTIFICATION_TOPICS.map((topic) => {
        const choice = district.get(topic);
        return choice ? { topic, ...choice, source: 'district' as const } : { topic, ...builtinChannels(topic), source: 'builtin' as const };
      }),
    };
  }

  async updateDistrictDefaults(actor: AuthenticatedActor, body: UpdateDistrictDefaultsRequest): Promise<DistrictDefaultsView> {
    const districtId = await this.districtOf(actor.user);
    await this.dataSource.transaction(async (manager) => {
      for (const [topic, choice] of Object.entries(body.topics)) {
        await this.repository.setDistrictChoice(manager, districtId, topic, choice ?? null, actor.user.id);
      }
      await this.audit.record(manager, actor, {
        action: 'notification_defaults.update',
        entityType: 'org_unit',
        entityId: districtId,
        after: body,
      });
    });
    return this.districtDefaults(actor.user);
  }

  /**
   * One click from an e-mail, no login: turns off one channel of one topic for the token's user,
   * keeping their other channel as it stands. Idempotent.
   */
  async unsubscribe(actor: Actor, token: string): Promise<UnsubscribeView> {
    const claim = this.tokens.verify(token);
    if (!claim) throw new DomainError('UNSUBSCRIBE_LINK_INVALID');
    const contact = await this.repository.contact(claim.userId);
    if (!contact) throw new DomainError('UNSUBSCRIBE_LINK_INVALID');
    await this.dataSource.transaction(async (manager) => {
      const current = await this.channelsFor(claim.userId, contact.district_id, claim.topic, manager);
      await this.repository.setUserChoice(manager, claim.userId, claim.topic, { ...current, [claim.channel]: false });
      await this.audit.record(manager, actor, {
        action: 'notification_preferences.unsubscribe',
        entityType: 'user',
        entityId: claim.userId,
        after: { topic: claim.topic, channel: claim.channel },
      });
    });
    return { topic: claim.topic, channel: claim.channel };
  }

  private async districtOf(user: AuthUser): Promise<number> {
    const contact = await this.repository.contact(user.id);
    if (!contact?.district_id) throw new DomainError('NOT_FOUND');
    return contact.district_id;
  }
}
