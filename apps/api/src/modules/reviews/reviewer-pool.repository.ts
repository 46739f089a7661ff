import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ReviewerPoolMemberView, ReviewerProfileRequest } from '@xiaoshi/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/actor.js';
import { AccessService } from '../access/access.service.js';
import { ReviewerProfile } from './review.entities.js';

interface PoolMemberRow {
  id: number;
  display_name: string;
  unit_name: string;
  active: boolean;
  tags: string[];
  affiliations: number[];
}

/** Reviewer accounts (read from app_user) and their profiles (reviewer_profile, written here). */
@Injectable()
export class ReviewerPoolRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  /** Every reviewer account in the user's scope, in id order. */
  async pool(user: AuthUser): Promise<ReviewerPoolMemberView[]> {
    const rows: PoolMemberRow[] = await this.dataSource.query(
      `SELECT u.id, u.display_name, o.name AS unit_name, u.active AND coalesce(p.active, true) AS active,
              coalesce(p.expertise_tags, '{}') AS tags, coalesce(p.affiliation_unit_ids, '{}') AS affiliations
       FROM app_user u JOIN org_unit o ON o.id = u.unit_id LEFT JOIN reviewer_profile p ON p.user_id = u.id
       WHERE 'reviewer' = ANY(u.roles) AND ${this.access.unitScopeCondition(user, 'u.unit_id', 1)}
       ORDER BY u.id`,
      [user.unit.id],
    );
    return rows.map((row) => ({
      userId: row.id,
      displayName: row.display_name,
      unitName: row.unit_name,
      active: row.active,
      expertiseTags: row.tags,
      affiliationUnitIds: row.affiliations,
    }));
  }

  /** Whether the account exists and carries the reviewer role (active or not). */
  async isReviewer(manager: EntityManager, userId: number): Promise<boolean> {
    const rows: Array<{ id: number }> = await manager.query(
      `SELECT id FROM app_user WHERE id = $1 AND 'reviewer' = ANY(roles)`,
      [userId],
    );
    return rows.length > 0;
  }

  /** Those of `userIds` that are active reviewer accounts. */
  async activeReviewers(manager: EntityManager, userIds: readonly number[]): Promise<number[]> {
    const rows: Array<{ id: number }> = await manager.query(
      `SELECT id FROM app_user WHERE id = ANY($1::int[]) AND 'reviewer' = ANY(roles) AND active`,
      [userIds],
    );
    return rows.map((row) => row.id);
  }

  profile(manager: EntityManager, userId: number): Promise<ReviewerProfile | null> {
    return manager.findOneBy(ReviewerProfile, { userId });
  }

  /** Creates or replaces the profile, keeping what `before` holds beyond the request. */
  async saveProfile(
    manager: EntityManager,
    userId: number,
    before: ReviewerProfile | null,
    body: ReviewerProfileRequest,
  ): Promise<void> {
    await manager.save(manager.create(ReviewerProfile, { ...(before ?? {}), userId, ...body }));
  }
}
