import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { RefreshToken } from './refresh-token.entity.js';

/** The refresh_token table (sessions): written here and nowhere else. */
@Injectable()
export class RefreshTokensRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Whether the user signed in or refreshed a session from this address in the last `days` days. */
  async hadSessionFrom(userId: number, ip: string, days: number): Promise<boolean> {
    const [row]: Array<{ known: boolean }> = await this.dataSource.query(
      `SELECT EXISTS (
         SELECT 1 FROM refresh_token WHERE user_id = $1 AND created_ip = $2 AND created_at > now() - make_interval(days => $3)
       ) AS known`,
      [userId, ip, days],
    );
    return row.known;
  }

  async insert(fields: Pick<RefreshToken, 'userId' | 'familyId' | 'tokenHash' | 'expiresAt' | 'createdIp'>): Promise<void> {
    await this.dataSource.manager.insert(RefreshToken, fields);
  }

  lockByHash(manager: EntityManager, tokenHash: string): Promise<RefreshToken | null> {
    return manager.findOne(RefreshToken, { where: { tokenHash }, lock: { mode: 'pessimistic_write' } });
  }

  async familyOf(manager: EntityManager, tokenHash: string): Promise<{ familyId: string; userId: number } | null> {
    const [row]: Array<{ family_id: string; user_id: number }> = await manager.query(
      `SELECT family_id, user_id FROM refresh_token WHERE token_hash = $1`,
      [tokenHash],
    );
    return row ? { familyId: row.family_id, userId: row.user_id } : null;
  }

  async markUsed(manager: EntityManager, id: number, at: Date): Promise<void> {
    await manager.update(RefreshToken, { id }, { usedAt: at });
  }

  async revokeFamily(manager: EntityManager, familyId: string): Promise<void> {
    await manager.query(`UPDATE refresh_token SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`, [familyId]);
  }

  async revokeAllOf(manager: EntityManager, userId: number): Promise<void> {
    await manager.query(`UPDATE refresh_token SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [userId]);
  }
}
