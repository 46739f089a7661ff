import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../../common/actor.js';
import { TripsFiguresRepository } from './trips-figures.repository.js';

/** The trips module's published figures: trips waiting for approval. */
@Injectable()
export class TripsFiguresService {
  constructor(private readonly repository: TripsFiguresRepository) {}

  async awaitingApproval(
    user: AuthUser,
  ): Promise<{ count: number; onlyId: number | null; firstStart: string | null }> {
    const row = await this.repository.submitted(user);
    return { count: row.count, onlyId: row.only_id, firstStart: row.first_start };
  }
}
