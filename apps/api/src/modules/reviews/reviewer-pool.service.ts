import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, type ReviewerPoolMemberView, type ReviewerProfileRequest } from '@xiaoshi/contracts';
import type { DataSource } from 'typeorm';
import type { AuthUser, AuthenticatedActor } from '../../common/actor.js';
import { AccessService } from '../access/access.service.js';
import { AuditService } from '../audit/audit.service.js';
import { ReviewerPoolRepository } from './reviewer-pool.repository.js';

/** The expert pool (专家库): reviewer accounts and their profiles (expertise, affiliations). */
@Injectable()
export class ReviewerPoolService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly repository: ReviewerPoolRepository,
  ) {}

  async pool(user: AuthUser): Promise<ReviewerPoolMemberView[]> {
    this.access.requirePermission(user, 'reviews.read');
    return this.repository.pool(user);
  }

  /** Active reviewers in the user's scope carrying any of the tags (any reviewer without tags), by id. */
  async candidates(user: AuthUser, tags: readonly string[]): Promise<number[]> {
    return (await this.pool(user))
      .filter((row) => row.active)
      .filter((row) => !tags.length || row.expertiseTags.some((tag) => tags.includes(tag)))
      .map((row) => row.userId)
      .sort((a, b) => a - b);
  }

  async setProfile(actor: AuthenticatedActor, userId: number, body: ReviewerProfileRequest,
  ): Promise<ReviewerPoolMemberView> {
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.repository.isReviewer(manager, userId))) throw new DomainError('NOT_FOUND');
      await this.access.requireRows(actor.user, 'reviews.manage', 'app_user', 'unit_id', [userId], manager);
      if (body.affiliationUnitIds.length)
        await this.access.requireUnits(actor.user, 'reviews.manage', body.affiliationUnitIds, manager);
      const before = await this.repository.profile(manager, userId);
      await this.repository.saveProfile(manager, userId, before, body);
      await this.audit.record(manager, actor, {
        action: 'reviewer.profile',
        entityType: 'user',
        entityId: userId,
        before,
        after: body,
      });
    });
    return (await this.pool(actor.user)).find((row) => row.userId === userId)!;
  }
}
