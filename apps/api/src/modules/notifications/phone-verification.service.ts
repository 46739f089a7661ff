import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, type PhoneVerificationView, type PhoneVerifiedView } from '@xiaoshi/contracts';
import { PHONE_CODE_TTL_MS, maskPhone, phoneCodeUsable } from '@xiaoshi/domain';
import type { DataSource } from 'typeorm';
import type { AuthenticatedActor } from '../../common/actor.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { AuditService } from '../audit/audit.service.js';
import { NotificationChannels } from './notification-channels.js';
import { PreferencesRepository } from './preferences.repository.js';
import { SmsRateLimiter } from './sms-rate-limiter.js';

/** The SMS template topic of verification codes (SMS_TEMPLATES `phone.verification=…`). */
export const VERIFICATION_TEMPLATE = 'phone.verification';

/**
 * Proving a phone number before any SMS goes to it (issue 14 §5): a 6-digit code by SMS to the
 * number on the user's account, kept only as a keyed hash, valid 10 minutes, 5 wrong tries. Once
 * confirmed, SMS goes to that number for as long as the account keeps it.
 */
@Injectable()
export class PhoneVerificationService {
  private readonly logger = new Logger('PhoneVerification');
  private readonly key: Buffer;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: PreferencesRepository,
    private readonly channels: NotificationChannels,
    private readonly rate: SmsRateLimiter,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.key = createHmac('sha256', config.auth.accessSecret).update('xiaoshi:phone-code:v1').digest();
  }

  private hash(userId: number, phone: string, code: string): string {
    return createHmac('sha256', this.key).update(`${userId}|${phone}|${code}`).digest('hex');
  }

  async start(actor: AuthenticatedActor): Promise<PhoneVerificationView> {
    const sms = this.channels.sms;
    const template = sms?.templateFor(VERIFICATION_TEMPLATE);
    if (!sms || !template) throw new DomainError('SMS_UNAVAILABLE');
    const contact = await this.repository.contact(actor.user.id);
    if (!contact?.phone) throw new DomainError('PHONE_MISSING');
    const allowance = await this.rate.take(contact.phone);
    if (allowance.allowed !== 'ok') throw new DomainError('TOO_MANY_REQUESTS');
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const expiresAt = new Date(Date.now() + PHONE_CODE_TTL_MS);
    const id = await this.repository.insertVerification(actor.user.id, contact.phone, this.hash(actor.user.id, contact.phone, code), expiresAt);
    try {
      await sms.send({ phone: contact.phone, templateCode: template, params: { code }, outId: `xsv${id}` });
    } catch (error) {
      await this.repository.deleteVerification(id);
      this.logger.warn({ userId: actor.user.id, err: error instanceof Error ? error.message : 'unknown' }, 'verification code not sent');
      throw new DomainError('SERVICE_UNAVAILABLE', undefined, 'sms: verification code not sent');
    }
    return { phone: maskPhone(contact.phone) ?? '', expiresAt: expiresAt.toISOString() };
  }

  /** Checks the code; a wrong one counts as a try even though the request fails. */
  async confirm(actor: AuthenticatedActor, code: string): Promise<PhoneVerifiedView> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const row = await this.repository.latestVerification(manager, actor.user.id);
      if (!row) return 'invalid' as const;
      const usable = phoneCodeUsable({ expiresAt: row.expires_at, attempts: row.attempts, consumedAt: row.consumed_at }, new Date());
      if (usable === 'too_many_attempts') return 'too_many' as const;
      if (usable !== 'ok') return 'invalid' as const;
      const contact = await this.repository.contact(actor.user.id, manager);
      const expected = Buffer.from(row.code_hash, 'hex');
      const given = Buffer.from(this.hash(actor.user.id, row.phone, code), 'hex');
      if (contact?.phone !== row.phone || !timingSafeEqual(expected, given)) {
        await this.repository.countVerificationAttempt(manager, row.id);
        return 'invalid' as const;
      }
      await this.repository.consumeVerification(manager, row.id);
      await this.repository.setVerifiedPhone(manager, actor.user.id, row.phone);
      await this.audit.record(manager, actor, {
        action: 'phone.verified',
        entityType: 'user',
        entityId: actor.user.id,
        after: { phone: maskPhone(row.phone) },
      });
      return { phone: maskPhone(row.phone) ?? '' };
    });
    if (outcome === 'too_many') throw new DomainError('VERIFICATION_ATTEMPTS_EXCEEDED');
    if (outcome === 'invalid') throw new DomainError('VERIFICATION_CODE_INVALID');
    return outcome;
  }
}
