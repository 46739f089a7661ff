import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** Reads of the refresh-token table that are not part of rotating a token. */
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
}
