import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DomainError,
  fieldMessage,
  type PanelDrawRequest,
  type PanelRequest,
  type PanelView,
} from '@xiaoshi/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthUser, AuthenticatedActor } from '../../common/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { drawMembers, newDrawSeed } from './panel-draw.js';
import { ReviewAccessService } from './review-access.service.js';
import { ReviewPanelsRepository } from './review-panels.repository.js';
import type { ReviewPanel } from './review.entities.js';
import { ReviewerPoolRepository } from './reviewer-pool.repository.js';
import { ReviewerPoolService } from './reviewer-pool.service.js';

/** The review panel of a competition: its members, chair and scoring settings; the random draw. */
@Injectable()
export class ReviewPanelsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reviewAccess: ReviewAccessService,
    private readonly audit: AuditService,
    private readonly repository: ReviewPanelsRepository,
    private readonly reviewers: ReviewerPoolRepository,
    private readonly pool: ReviewerPoolService,
  ) {}

  /** The competition's panel; VALIDATION_FAILED when none has been set up yet. */
  async requirePanel(manager: EntityManager, competitionId: number): Promise<ReviewPanel> {
    const panel = await this.repository.ofCompetition(manager, competitionId);
    if (!panel)
      throw new DomainError('VALIDATION_FAILED', {
        panel: fieldMessage('请先组建评审组', 'Set up the review panel first'),
      });
    return panel;
  }

  /** The panel, or the competition's defaults when it has none yet. */
  async panel(user: AuthUser, competitionId: number): Promise<PanelView> {
    const competition = await this.reviewAccess.requireReader(user, competitionId);
    const panel = await this.repository.ofCompetition(undefined, competitionId);
    return {
      id: panel?.id ?? null,
      competitionId,
      members: panel ? await this.repository.members(panel.id) : [],
      chairUserId: panel?.chairUserId ?? null,
      reviewersPerApplication: panel?.reviewersPerApplication ?? competition.reviewersPerApplication,
      maxLoad: panel?.maxLoad ?? 30,
      blind: panel?.blind ?? false,
      aggregation: panel?.aggregation ?? 'trimmed_mean',
      fundableThreshold: Number(panel?.fundableThreshold ?? 60),
      disagreementSpread: panel?.disagreementSpread ?? 20,
      commentRequiredAtExtremes: panel?.commentRequiredAtExtremes ?? true,
      rankByCategory: panel?.rankByCategory ?? false,
      drawSeed: panel?.drawSeed ?? null,
      drawTags: panel?.drawTags ?? [],
      version: panel?.version ?? null,
    };
  }

  async setPanel(
    actor: AuthenticatedActor,
    competitionId: number,
    body: PanelRequest,
    draw?: { seed: string; tags: string[] },
  ): Promise<PanelView> {
    await this.dataSource.transaction(async (manager) => {
      await this.reviewAccess.requireManager(manager, actor, competitionId);
      const members = [...new Set(body.memberUserIds)];
      if ((await this.reviewers.activeReviewers(manager, members)).length !== members.length) {
        throw new DomainError('VALIDATION_FAILED', {
          memberUserIds: fieldMessage('成员须为有效的评审专家账号', 'Members must be active reviewer accounts'),
        });
      }
      if (body.chairUserId && !members.includes(body.chairUserId)) {
        throw new DomainError('VALIDATION_FAILED', {
          chairUserId: fieldMessage('组长须是评审组成员', 'The chair must be a member'),
        });
      }
      const current = await this.repository.ofCompetition(manager, competitionId);
      const before = current ? { ...current } : null;
      const panel = await this.repository.save(
        manager,
        competitionId,
        current,
        {
          chairUserId: body.chairUserId ?? null,
          reviewersPerApplication: body.reviewersPerApplication,
          maxLoad: body.maxLoad,
          blind: body.blind,
          aggregation: body.aggregation,
          fundableThreshold: String(body.fundableThreshold),
          disagreementSpread: body.disagreementSpread,
          commentRequiredAtExtremes: body.commentRequiredAtExtremes,
          rankByCategory: body.rankByCategory,
          ...(draw ? { drawSeed: draw.seed, drawTags: draw.tags } : {}),
        },
        members,
      );
      await this.audit.record(manager, actor, {
        action: draw ? 'review_panel.draw' : 'review_panel.set',
        entityType: 'competition',
        entityId: competitionId,
        before,
        after: { ...panel, members },
      });
    });
    return this.panel(actor.user, competitionId);
  }

  /** Draws `size` members at random among active pool reviewers carrying any of the tags. */
  async drawPanel(actor: AuthenticatedActor, competitionId: number, body: PanelDrawRequest): Promise<PanelView> {
    const current = await this.panel(actor.user, competitionId);
    const candidates = await this.pool.candidates(actor.user, body.tags);
    if (candidates.length < body.size) {
      throw new DomainError('VALIDATION_FAILED', {
        size: fieldMessage(`符合条件的专家只有 ${candidates.length} 人`, `Only ${candidates.length} reviewers match`),
      });
    }
    const seed = body.seed ?? newDrawSeed(competitionId, new Date());
    const {
      members: _members,
      id: _id,
      drawSeed: _seed,
      drawTags: _tags,
      version: _version,
      competitionId: _competitionId,
      ...settings
    } = current;
    return this.setPanel(
      actor,
      competitionId,
      { ...settings, memberUserIds: drawMembers(candidates, body.size, seed), chairUserId: null },
      { seed, tags: body.tags },
    );
  }
}
