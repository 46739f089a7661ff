import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NotificationLanguage } from '@xiaoshi/contracts';
import type { DataSource, EntityManager } from 'typeorm';

export interface ChannelRow {
  topic: string;
  email: boolean;
  sms: boolean;
}

export interface ContactRow {
  id: number;
  email: string | null;
  phone: string | null;
  language: NotificationLanguage | null;
  verified_phone: string | null;
  district_id: number | null;
}

export interface VerificationRow {
  id: number;
  phone: string;
  code_hash: string;
  expires_at: Date;
  attempts: number;
  consumed_at: Date | null;
}

/**
 * Preferences (per user and topic), district defaults, each user's notification profile (language,
 * verified phone) and phone verification codes.
 */
@Injectable()
export class PreferencesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private db(manager?: EntityManager) {
    return manager ?? this.dataSource.manager;
  }

  /** The user's contact data (from their account) with their profile and district. */
  async contact(userId: number, manager?: EntityManager): Promise<ContactRow | null> {
    const [row]: ContactRow[] = await this.db(manager).query(
      `SELECT u.id, u.email, u.phone, p.language, p.verified_phone,
              (SELECT d.id FROM org_unit o JOIN org_unit d ON d.kind = 'district' AND (d.id = o.id OR d.id = ANY(o.ancestor_ids))
                WHERE o.id = u.unit_id LIMIT 1) AS district_id
       FROM app_user u LEFT JOIN notification_profile p ON p.user_id = u.id WHERE u.id = $1`,
      [userId],
    );
    return row ?? null;
  }

  async userChoices(userId: number, manager?: EntityManager): Promise<ChannelRow[]> {
    return this.db(manager).query(`SELECT topic, email, sms FROM notification_preference WHERE user_id = $1`, [userId]);
  }

  async districtChoices(districtId: number | null, manager?: EntityManager): Promise<ChannelRow[]> {
    if (districtId === null) return [];
    return this.db(manager).query(`SELECT topic, email, sms FROM notification_district_default WHERE district_id = $1`, [
      districtId,
    ]);
  }

  async setUserChoice(manager: EntityManager, userId: number, topic: string, choice: { email: boolean; sms: boolean } | null) {
    if (!choice) {
      await manager.query(`DELETE FROM notification_preference WHERE user_id = $1 AND topic = $2`, [userId, topic]);
      return;
    }
    await manager.query(
      `INSERT INTO notification_preference (user_id, topic, email, sms) VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id, topic) DO UPDATE SET email = EXCLUDED.email, sms = EXCLUDED.sms, updated_at = now()`,
      [userId, topic, choice.email, choice.sms],
    );
  }

  async setDistrictChoice(
    manager: EntityManager,
    districtId: number,
    topic: string,
    choice: { email: boolean; sms: boolean } | null,
    userId: number,
  ) {
    if (!choice) {
      await manager.query(`DELETE FROM notification_district_default WHERE district_id = $1 AND topic = $2`, [districtId, topic]);
      return;
    }
    await manager.query(
      `INSERT INTO notification_district_default (district_id, topic, email, sms, updated_by_user_id) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (district_id, topic) DO UPDATE SET email = EXCLUDED.email, sms = EXCLUDED.sms,
         updated_by_user_id = EXCLUDED.updated_by_user_id, updated_at = now()`,
      [districtId, topic, choice.email, choice.sms, userId],
    );
  }

  async setLanguage(manager: EntityManager, userId: number, language: NotificationLanguage): Promise<void> {
    await manager.query(
      `INSERT INTO notification_profile (user_id, language) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET language = EXCLUDED.language, updated_at = now()`,
      [userId, language],
    );
  }

  async setVerifiedPhone(manager: EntityManager, userId: number, phone: string): Promise<void> {
    await manager.query(
      `INSERT INTO notification_profile (user_id, verified_phone, phone_verified_at) VALUES ($1, $2, now())
       ON CONFLICT (user_id) DO UPDATE SET verified_phone = EXCLUDED.verified_phone, phone_verified_at = now(), updated_at = now()`,
      [userId, phone],
    );
  }

  async insertVerification(userId: number, phone: string, codeHash: string, expiresAt: Date): Promise<number> {
    const [row]: Array<{ id: number }> = await this.dataSource.query(
      `INSERT INTO phone_verification (user_id, phone, code_hash, expires_at) VALUES ($1, $2, $3, $4) RETURNING id`,
      [userId, phone, codeHash, expiresAt],
    );
    return row.id;
  }

  async deleteVerification(id: number): Promise<void> {
    await this.dataSource.query(`DELETE FROM phone_verification WHERE id = $1`, [id]);
  }

  /** The user's latest code, locked for the check. */
  async latestVerification(manager: EntityManager, userId: number): Promise<VerificationRow | null> {
    const [row]: VerificationRow[] = await manager.query(
      `SELECT id, phone, code_hash, expires_at, attempts, consumed_at FROM phone_verification
       WHERE user_id = $1 ORDER BY id DESC LIMIT 1 FOR UPDATE`,
      [userId],
    );
    return row ?? null;
  }

  async countVerificationAttempt(manager: EntityManager, id: number): Promise<void> {
    await manager.query(`UPDATE phone_verification SET attempts = attempts + 1 WHERE id = $1`, [id]);
  }

  async consumeVerification(manager: EntityManager, id: number): Promise<void> {
    await manager.query(`UPDATE phone_verification SET consumed_at = now() WHERE id = $1`, [id]);
  }
}
