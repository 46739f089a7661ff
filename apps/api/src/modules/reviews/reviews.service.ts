import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DomainError,
  fieldMessage,
  type AssignmentPreview,
  type AutoAssignRequest,
  type DeclareConflictRequest,
  type ManualAssignRequest,
  type PanelDrawRequest,
  type PanelRequest,
  type PanelView,
  type PinConflictRequest,
  type RankingRowView,
  type ReviewProgressView,
  type ReviewSheetView,
  type ReviewTaskView,
  type ReviewerProfileRequest,
  type ScoreSheetDraftRequest,
} from '@xiaoshi/contracts';
import {
  aggregate,
  assignReviewers,
  checkScoreSheet,
  rank,
  scoreSheetTotal,
  zScores,
  type Criterion,
} from '@xiaoshi/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthUser, AuthenticatedActor } from '../../common/actor.js';
import { PG_CHECK_VIOLATION, pgErrorOf, returnedRows } from '../../database/postgres-errors.js';
import { QueueService } from '../../queue/queue.service.js';
import { ApplicationLifecycleService } from '../applications/application-lifecycle.service.js';
import { AccessService } from '../access/access.service.js';
import { AuditService } from '../audit/audit.service.js';
import { Application } from '../applications/application.entity.js';
import { CompetitionsService, violationsToFields } from '../competitions/competitions.service.js';
import { Competition } from '../competitions/competition.entity.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import {
  ApplicationRanking,
  ReviewAssignment,
  ReviewPanel,
  ReviewPanelMember,
  ReviewerProfile,
  ScoreSheet,
} from './review.entities.js';

/** Statuses in which an application can be (or is being) reviewed. */
const REVIEWABLE = ['eligible', 'in_review', 'scored'];

/** A small seeded PRNG (mulberry32) so a panel draw can be reproduced from its recorded seed. */
function seededRandom(seed: string): () => number {
  let state = createHash('sha256').update(seed).digest().readUInt32LE(0);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

@Injectable()
export class ReviewsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly competitions: CompetitionsService,
    private readonly queue: QueueService,
    private readonly notifications: NotificationsService,
    private readonly lifecycle: ApplicationLifecycleService,
  ) {}

  // ── expert pool ────────────────────────────────────────────────────────────

  async pool(user: AuthUser) {
    this.access.requirePermission(user, 'reviews.read');
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT u.id, u.display_name, o.name AS unit_name, u.active,
              coalesce(p.expertise_tags, '{}') AS tags, coalesce(p.affiliation_unit_ids, '{}') AS affiliations,
              coalesce(p.active, true) AS in_pool
       FROM app_user u JOIN org_unit o ON o.id = u.unit_id LEFT JOIN reviewer_profile p ON p.user_id = u.id
       WHERE 'reviewer' = ANY(u.roles) AND ${this.access.unitScopeCondition(user, 'u.unit_id', 1)}
       ORDER BY u.id`,
      [user.unit.id],
    );
    return rows.map((row) => ({
      userId: row.id as number,
      displayName: row.display_name as string,
      unitName: row.unit_name as string,
      active: (row.active as boolean) && (row.in_pool as boolean),
      expertiseTags: row.tags as string[],
      affiliationUnitIds: row.affiliations as number[],
    }));
  }

  async setProfile(actor: AuthenticatedActor, userId: number, body: ReviewerProfileRequest) {
    await this.dataSource.transaction(async (manager) => {
      const [reviewer]: Array<{ id: number }> = await manager.query(
        `SELECT id FROM app_user WHERE id = $1 AND 'reviewer' = ANY(roles)`,
        [userId],
      );
      if (!reviewer) throw new DomainError('NOT_FOUND');
      await this.access.requireRows(actor.user, 'reviews.manage', 'app_user', 'unit_id', [userId], manager);
      if (body.affiliationUnitIds.length)
        await this.access.requireUnits(actor.user, 'reviews.manage', body.affiliationUnitIds, manager);
      const before = await manager.findOneBy(ReviewerProfile, { userId });
      await manager.save(manager.create(ReviewerProfile, { ...(before ?? {}), userId, ...body }));
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

  // ── panel ─────────────────────────────────────────────────────────────────

  private async panelOf(manager: EntityManager, competitionId: number): Promise<ReviewPanel | null> {
    return manager.findOneBy(ReviewPanel, { competitionId });
  }

  async panel(user: AuthUser, competitionId: number): Promise<PanelView> {
    this.access.requirePermission(user, 'reviews.read');
    const competition = await this.competitions.get(user, competitionId);
    const panel = await this.panelOf(this.dataSource.manager, competitionId);
    const members: Array<Record<string, unknown>> = panel
      ? await this.dataSource.query(
          `SELECT m.user_id, u.display_name, o.name AS unit_name, coalesce(p.expertise_tags, '{}') AS tags
           FROM review_panel_member m JOIN app_user u ON u.id = m.user_id JOIN org_unit o ON o.id = u.unit_id
           LEFT JOIN reviewer_profile p ON p.user_id = m.user_id WHERE m.panel_id = $1 ORDER BY m.user_id`,
          [panel.id],
        )
      : [];
    return {
      id: panel?.id ?? null,
      competitionId,
      members: members.map((row) => ({
        userId: row.user_id as number,
        displayName: row.display_name as string,
        unitName: row.unit_name as string,
        expertiseTags: row.tags as string[],
      })),
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
  ) {
    await this.dataSource.transaction(async (manager) => {
      const competition = await this.competitions.get(actor.user, competitionId, manager);
      await this.access.requireRows(
        actor.user,
        'reviews.manage',
        'budget_line',
        'unit_id',
        [competition.budgetLineId],
        manager,
      );
      const members = [...new Set(body.memberUserIds)];
      const reviewers: Array<{ id: number }> = await manager.query(
        `SELECT id FROM app_user WHERE id = ANY($1::int[]) AND 'reviewer' = ANY(roles) AND active`,
        [members],
      );
      if (reviewers.length !== members.length) {
        throw new DomainError('VALIDATION_FAILED', {
          memberUserIds: fieldMessage(
            '成员须为有效的评审专家账号',
            'Members must be active reviewer accounts',
          ),
        });
      }
      if (body.chairUserId && !members.includes(body.chairUserId)) {
        throw new DomainError('VALIDATION_FAILED', {
          chairUserId: fieldMessage('组长须是评审组成员', 'The chair must be a member'),
        });
      }
      let panel = await this.panelOf(manager, competitionId);
      const before = panel ? { ...panel } : null;
      panel = manager.create(ReviewPanel, {
        ...(panel ?? {}),
        competitionId,
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
      });
      await manager.save(panel);
      await manager.delete(ReviewPanelMember, { panelId: panel.id });
      await manager.insert(
        ReviewPanelMember,
        members.map((userId) => ({ panelId: panel.id, userId })),
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
  async drawPanel(
    actor: AuthenticatedActor,
    competitionId: number,
    body: PanelDrawRequest,
  ): Promise<PanelView> {
    const current = await this.panel(actor.user, competitionId);
    const candidates = (await this.pool(actor.user))
      .filter((row) => row.active)
      .filter((row) => !body.tags.length || row.expertiseTags.some((tag) => body.tags.includes(tag)))
      .map((row) => row.userId)
      .sort((a, b) => a - b);
    if (candidates.length < body.size) {
      throw new DomainError('VALIDATION_FAILED', {
        size: fieldMessage(
          `符合条件的专家只有 ${candidates.length} 人`,
          `Only ${candidates.length} reviewers match`,
        ),
      });
    }
    const seed =
      body.seed ??
      createHash('sha256')
        .update(`${competitionId}:${Date.now()}:${Math.random()}`)
        .digest('hex')
        .slice(0, 16);
    const random = seededRandom(seed);
    // Fisher–Yates on the sorted candidates: same pool, tags and seed → same panel.
    for (let i = candidates.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [candidates[i], candidates[j]] = [candidates[j], candidates[i]];
    }
    const {
      members: _members,
      id: _id,
      drawSeed: _seed,
      drawTags: _tags,
      version: _version,
      competitionId: _c,
      ...settings
    } = current;
    return this.setPanel(
      actor,
      competitionId,
      { ...settings, memberUserIds: candidates.slice(0, body.size), chairUserId: null },
      { seed, tags: body.tags },
    );
  }

  // ── conflicts ─────────────────────────────────────────────────────────────

  async conflicts(user: AuthUser, competitionId: number) {
    this.access.requirePermission(user, 'reviews.read');
    await this.competitions.get(user, competitionId);
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT c.application_id, a.title, c.reviewer_user_id, u.display_name, c.kind, c.category, r.note
       FROM review_conflict c JOIN application a ON a.id = c.application_id JOIN app_user u ON u.id = c.reviewer_user_id
       LEFT JOIN review_conflict_record r ON r.application_id = c.application_id AND r.reviewer_user_id = c.reviewer_user_id AND r.kind = c.kind
       WHERE a.competition_id = $1 AND a.status = ANY($2::text[])
       ORDER BY c.application_id, c.reviewer_user_id`,
      [competitionId, REVIEWABLE],
    );
    return rows.map((row) => ({
      applicationId: row.application_id as number,
      title: row.title as string,
      reviewerUserId: row.reviewer_user_id as number,
      reviewer: row.display_name as string,
      kind: row.kind as string,
      category: row.category as string,
      note: row.note as string | null,
    }));
  }

  private async recordConflict(
    manager: EntityManager,
    actor: AuthenticatedActor,
    input: {
      applicationId: number;
      reviewerUserId: number;
      kind: 'declared' | 'pinned';
      category: PinConflictRequest['category'];
      note: string | null;
    },
  ) {
    await manager.query(
      `INSERT INTO review_conflict_record (application_id, reviewer_user_id, kind, category, note, created_by_user_id)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (application_id, reviewer_user_id, kind) DO UPDATE SET category = EXCLUDED.category, note = EXCLUDED.note`,
      [input.applicationId, input.reviewerUserId, input.kind, input.category, input.note, actor.user.id],
    );
    // A conflicted reviewer never keeps the assignment, nor a sheet that would count.
    const removed = returnedRows<{ id: number }>(
      await manager.query(
        `DELETE FROM review_assignment WHERE application_id = $1 AND reviewer_user_id = $2 RETURNING id`,
        [input.applicationId, input.reviewerUserId],
      ),
    );
    await this.audit.record(manager, actor, {
      action: `review_conflict.${input.kind}`,
      entityType: 'application',
      entityId: input.applicationId,
      after: {
        reviewerUserId: input.reviewerUserId,
        category: input.category,
        note: input.note,
        removedAssignments: removed.map((row) => row.id),
      },
    });
    return removed.length > 0;
  }

  async pinConflict(actor: AuthenticatedActor, competitionId: number, body: PinConflictRequest) {
    let competitionOfRemoved: number | null = null;
    await this.dataSource.transaction(async (manager) => {
      await this.requireManagedCompetition(manager, actor, competitionId);
      const [application]: Array<{ id: number }> = await manager.query(
        `SELECT id FROM application WHERE id = $1 AND competition_id = $2`,
        [body.applicationId, competitionId],
      );
      if (!application) throw new DomainError('NOT_FOUND');
      if (await this.recordConflict(manager, actor, { ...body, kind: 'pinned', note: body.note ?? null }))
        competitionOfRemoved = competitionId;
      if (competitionOfRemoved) await this.requestRanking(manager, competitionOfRemoved);
    });
    return this.conflicts(actor.user, competitionId);
  }

  /** The reviewer declares a conflict on an assignment: it is withdrawn at once. */
  async declareConflict(
    actor: AuthenticatedActor,
    assignmentId: number,
    body: DeclareConflictRequest,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const assignment = await this.ownAssignment(manager, actor.user, assignmentId);
      await this.recordConflict(manager, actor, {
        applicationId: assignment.applicationId,
        reviewerUserId: actor.user.id,
        kind: 'declared',
        category: body.category,
        note: body.note,
      });
      const competitionId = (await manager.findOneByOrFail(Application, { id: assignment.applicationId })).competitionId;
      await this.requestRanking(manager, competitionId);
    });
  }

  private async requireManagedCompetition(
    manager: EntityManager,
    actor: AuthenticatedActor,
    competitionId: number,
  ) {
    const competition = await this.competitions.get(actor.user, competitionId, manager);
    await this.access.requireRows(
      actor.user,
      'reviews.manage',
      'budget_line',
      'unit_id',
      [competition.budgetLineId],
      manager,
    );
    return competition;
  }

  // ── assignment ────────────────────────────────────────────────────────────

  /**
   * Computes a complete assignment with the exact solver in libs/domain: every reviewable
   * application gets k reviewers (counting those it already has), no conflicted pair, loads
   * balanced under the cap. Nothing is written.
   */
  private async computeAssignment(
    manager: EntityManager,
    competitionId: number,
    overrides: AutoAssignRequest,
  ): Promise<AssignmentPreview> {
    const panel = await this.panelOf(manager, competitionId);
    if (!panel)
      throw new DomainError('VALIDATION_FAILED', {
        panel: fieldMessage('请先组建评审组', 'Set up the review panel first'),
      });
    const k = overrides.reviewersPerApplication ?? panel.reviewersPerApplication;
    const maxLoad = overrides.maxLoad ?? panel.maxLoad;
    const applications: Array<{ id: number; title: string }> = await manager.query(
      `SELECT id, title FROM application WHERE competition_id = $1 AND status = ANY($2::text[]) ORDER BY id`,
      [competitionId, REVIEWABLE],
    );
    const members: Array<{ user_id: number; display_name: string }> = await manager.query(
      `SELECT m.user_id, u.display_name FROM review_panel_member m JOIN app_user u ON u.id = m.user_id
       LEFT JOIN reviewer_profile p ON p.user_id = m.user_id
       WHERE m.panel_id = $1 AND u.active AND coalesce(p.active, true) ORDER BY m.user_id`,
      [panel.id],
    );
    const applicationIds = applications.map((row) => row.id);
    const reviewerIds = members.map((row) => row.user_id);
    const conflicts: Array<{ application_id: number; reviewer_user_id: number }> = await manager.query(
      `SELECT application_id, reviewer_user_id FROM review_conflict WHERE application_id = ANY($1::int[]) AND reviewer_user_id = ANY($2::int[])`,
      [applicationIds, reviewerIds],
    );
    const existing: Array<{ application_id: number; reviewer_user_id: number }> = await manager.query(
      `SELECT application_id, reviewer_user_id FROM review_assignment WHERE application_id = ANY($1::int[])`,
      [applicationIds],
    );
    const result = assignReviewers({
      applicationIds,
      reviewerIds,
      k,
      maxLoad,
      conflicts: conflicts.map((row) => [row.application_id, row.reviewer_user_id] as [number, number]),
      existing: existing.map((row) => [row.application_id, row.reviewer_user_id] as [number, number]),
    });
    const names = new Map(members.map((row) => [row.user_id, row.display_name]));
    const titles = new Map(applications.map((row) => [row.id, row.title]));
    if (!result.ok) {
      return {
        ok: false,
        pairs: [],
        loads: [],
        shortfalls: result.shortfalls.map((row) => ({ ...row, title: titles.get(row.applicationId) ?? '' })),
        applications: applications.length,
      };
    }
    const already = new Set(existing.map((row) => `${row.application_id}:${row.reviewer_user_id}`));
    return {
      ok: true,
      pairs: result.pairs
        .filter(([applicationId, reviewerUserId]) => !already.has(`${applicationId}:${reviewerUserId}`))
        .map(([applicationId, reviewerUserId]) => ({ applicationId, reviewerUserId })),
      loads: reviewerIds.map((id) => ({
        reviewerUserId: id,
        displayName: names.get(id) ?? '',
        load: result.loads[id] ?? 0,
      })),
      shortfalls: [],
      applications: applications.length,
    };
  }

  async previewAssignment(
    actor: AuthenticatedActor,
    competitionId: number,
    body: AutoAssignRequest,
  ): Promise<AssignmentPreview> {
    await this.requireManagedCompetition(this.dataSource.manager, actor, competitionId);
    return this.computeAssignment(this.dataSource.manager, competitionId, body);
  }

  async autoAssign(
    actor: AuthenticatedActor,
    competitionId: number,
    body: AutoAssignRequest,
  ): Promise<AssignmentPreview> {
    const result = await this.dataSource.transaction(async (manager) => {
      await this.requireManagedCompetition(manager, actor, competitionId);
      // One assignment run per competition at a time.
      await manager.query(`SELECT id FROM competition WHERE id = $1 FOR UPDATE`, [competitionId]);
      const preview = await this.computeAssignment(manager, competitionId, body);
      if (!preview.ok) {
        throw new DomainError(
          'ASSIGNMENT_INFEASIBLE',
          Object.fromEntries(
            preview.shortfalls
              .slice(0, 20)
              .map((row) => [
                `applications.${row.applicationId}`,
                fieldMessage(
                  `「${row.title}」只有 ${row.eligibleReviewers} 位无冲突专家，需要 ${row.needed} 位`,
                  `"${row.title}" has ${row.eligibleReviewers} conflict-free reviewers, ${row.needed} needed`,
                ),
              ]),
          ),
        );
      }
      const panel = (await this.panelOf(manager, competitionId))!;
      await this.insertAssignments(manager, panel.id, preview.pairs, 'automatic');
      const ids = [...new Set(preview.pairs.map((pair) => pair.applicationId))];
      await this.markInReview(manager, actor, ids);
      await this.audit.record(manager, actor, {
        action: 'review_assignment.automatic',
        entityType: 'competition',
        entityId: competitionId,
        after: { pairs: preview.pairs.length, applications: ids.length },
      });
      const notificationIds = await this.notifications.notify(
        manager,
        [...new Set(preview.pairs.map((pair) => pair.reviewerUserId))],
        {
          kind: 'review.assigned',
          title: '您有新的评审任务',
          body: `已为您分配 ${preview.pairs.length} 项评审任务，请在评审截止前完成评分。`,
          link: '/reviews',
        },
      );
      await this.requestRanking(manager, competitionId);
      return { preview, notificationIds };
    });
    await this.notifications.deliverLater(result.notificationIds);
    return result.preview;
  }

  private async insertAssignments(
    manager: EntityManager,
    panelId: number,
    pairs: AssignmentPreview['pairs'],
    method: 'manual' | 'automatic',
  ) {
    if (!pairs.length) return;
    try {
      await manager.query(
        `INSERT INTO review_assignment (panel_id, application_id, reviewer_user_id, method)
         SELECT $1, a, r, $4 FROM unnest($2::int[], $3::int[]) AS t(a, r)`,
        [panelId, pairs.map((pair) => pair.applicationId), pairs.map((pair) => pair.reviewerUserId), method],
      );
    } catch (error) {
      if (pgErrorOf(error)?.code === PG_CHECK_VIOLATION) throw new DomainError('CONFLICT_OF_INTEREST');
      throw error;
    }
  }

  private async markInReview(manager: EntityManager, actor: AuthenticatedActor, applicationIds: number[]) {
    await this.lifecycle.apply(manager, actor, applicationIds, 'assign_reviewers', { strict: false });
  }


  async assignManually(actor: AuthenticatedActor, competitionId: number, body: ManualAssignRequest) {
    await this.dataSource.transaction(async (manager) => {
      await this.requireManagedCompetition(manager, actor, competitionId);
      const panel = await this.panelOf(manager, competitionId);
      if (!panel)
        throw new DomainError('VALIDATION_FAILED', {
          panel: fieldMessage('请先组建评审组', 'Set up the review panel first'),
        });
      const [application]: Array<{ id: number }> = await manager.query(
        `SELECT id FROM application WHERE id = $1 AND competition_id = $2 AND status = ANY($3::text[])`,
        [body.applicationId, competitionId, REVIEWABLE],
      );
      if (!application) throw new DomainError('NOT_FOUND');
      const member = await manager.findOneBy(ReviewPanelMember, {
        panelId: panel.id,
        userId: body.reviewerUserId,
      });
      if (!member) {
        throw new DomainError('VALIDATION_FAILED', {
          reviewerUserId: fieldMessage('该专家不是评审组成员', 'The reviewer is not on the panel'),
        });
      }
      const [exists]: Array<{ id: number }> = await manager.query(
        `SELECT id FROM review_assignment WHERE application_id = $1 AND reviewer_user_id = $2`,
        [body.applicationId, body.reviewerUserId],
      );
      if (exists) throw new DomainError('CONFLICT');
      await this.insertAssignments(manager, panel.id, [body], 'manual');
      await this.markInReview(manager, actor, [body.applicationId]);
      await this.audit.record(manager, actor, {
        action: 'review_assignment.manual',
        entityType: 'application',
        entityId: body.applicationId,
        after: body,
      });
      await this.requestRanking(manager, competitionId);
    });
  }

  async unassign(actor: AuthenticatedActor, assignmentId: number): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const assignment = await manager.findOne(ReviewAssignment, {
        where: { id: assignmentId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!assignment) throw new DomainError('NOT_FOUND');
      const application = await manager.findOneByOrFail(Application, { id: assignment.applicationId });
      await this.requireManagedCompetition(manager, actor, application.competitionId);
      const sheet = await manager.findOneBy(ScoreSheet, { assignmentId });
      if (sheet?.status === 'submitted') throw new DomainError('SHEET_LOCKED');
      await manager.delete(ReviewAssignment, { id: assignmentId });
      await this.audit.record(manager, actor, {
        action: 'review_assignment.remove',
        entityType: 'application',
        entityId: application.id,
        before: assignment,
      });
      await this.requestRanking(manager, application.competitionId);
    });
  }

  /** Every assignment of a competition with its sheet: what admins unassign and reopen. */
  async assignments(user: AuthUser, competitionId: number) {
    this.access.requirePermission(user, 'reviews.read');
    await this.competitions.get(user, competitionId);
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT ra.id, ra.application_id, a.title, ra.reviewer_user_id, u.display_name, ra.method, sh.id AS sheet_id, sh.status, sh.total
       FROM review_assignment ra JOIN application a ON a.id = ra.application_id JOIN app_user u ON u.id = ra.reviewer_user_id
       LEFT JOIN score_sheet sh ON sh.assignment_id = ra.id WHERE a.competition_id = $1 ORDER BY ra.application_id, ra.reviewer_user_id`,
      [competitionId],
    );
    return rows.map((row) => ({
      assignmentId: row.id as number,
      applicationId: row.application_id as number,
      title: row.title as string,
      reviewerUserId: row.reviewer_user_id as number,
      reviewer: row.display_name as string,
      method: row.method as string,
      sheetId: row.sheet_id as number | null,
      sheetStatus: (row.status as string | null) ?? 'not_started',
      total: row.total === null ? null : Number(row.total),
    }));
  }

  /** An attachment of an application the reviewer is assigned to; 404 for anything else. */
  async attachmentForReviewer(user: AuthUser, assignmentId: number, attachmentId: number) {
    const assignment = await this.ownAssignment(this.dataSource.manager, user, assignmentId);
    const [row]: Array<{ storage_key: string; original_name: string; mime_type: string; sha256: string }> = await this.dataSource.query(
      `SELECT storage_key, original_name, mime_type, sha256 FROM attachment WHERE id = $1 AND application_id = $2`,
      [attachmentId, assignment.applicationId],
    );
    if (!row) throw new DomainError('NOT_FOUND');
    return row;
  }

  // ── the reviewer's workspace ──────────────────────────────────────────────

  /** The assignment if it is the caller's own; anything else is 404, conflicted or not. */
  private async ownAssignment(
    manager: EntityManager,
    user: AuthUser,
    assignmentId: number,
    lock = false,
  ): Promise<ReviewAssignment> {
    this.access.requirePermission(user, 'reviews.score');
    const assignment = await manager.findOne(ReviewAssignment, {
      where: { id: assignmentId, reviewerUserId: user.id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!assignment) throw new DomainError('NOT_FOUND');
    return assignment;
  }

  async myTasks(user: AuthUser): Promise<ReviewTaskView[]> {
    this.access.requirePermission(user, 'reviews.score');
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT ra.id AS assignment_id, a.id AS application_id, c.id AS competition_id, c.title AS competition_title, a.title,
              cat.name AS category, s.name AS street, cm.name AS community, p.blind, sh.status AS sheet_status, sh.total,
              c.review_closes_at
       FROM review_assignment ra
       JOIN review_panel p ON p.id = ra.panel_id
       JOIN application a ON a.id = ra.application_id
       JOIN competition c ON c.id = a.competition_id
       JOIN competition_category cat ON cat.id = a.category_id
       JOIN org_unit s ON s.id = a.street_id JOIN org_unit cm ON cm.id = a.community_id
       LEFT JOIN score_sheet sh ON sh.assignment_id = ra.id
       WHERE ra.reviewer_user_id = $1
       ORDER BY (sh.status = 'submitted') NULLS FIRST, c.review_closes_at, ra.id`,
      [user.id],
    );
    return rows.map((row) => ({
      assignmentId: row.assignment_id as number,
      applicationId: row.application_id as number,
      competitionId: row.competition_id as number,
      competitionTitle: row.competition_title as string,
      title: row.title as string,
      category: row.category as string,
      street: row.blind ? null : (row.street as string),
      community: row.blind ? null : (row.community as string),
      sheetStatus: (row.sheet_status as 'draft' | 'submitted' | null) ?? 'not_started',
      total: row.total === null ? null : Number(row.total),
      reviewClosesAt: (row.review_closes_at as Date).toISOString(),
    }));
  }

  async sheet(
    user: AuthUser,
    assignmentId: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ReviewSheetView> {
    const assignment = await this.ownAssignment(manager, user, assignmentId);
    const panel = await manager.findOneByOrFail(ReviewPanel, { id: assignment.panelId });
    const application = await manager.findOneByOrFail(Application, { id: assignment.applicationId });
    const competition = await manager.findOneByOrFail(Competition, { id: application.competitionId });
    const [names]: Array<{ category: string; street: string; community: string }> = await manager.query(
      `SELECT cat.name AS category, s.name AS street, c.name AS community FROM application a
       JOIN competition_category cat ON cat.id = a.category_id JOIN org_unit s ON s.id = a.street_id JOIN org_unit c ON c.id = a.community_id
       WHERE a.id = $1`,
      [application.id],
    );
    const attachments: Array<{ id: number; type: string; original_name: string }> = await manager.query(
      `SELECT id, type, original_name FROM attachment WHERE application_id = $1 ORDER BY id`,
      [application.id],
    );
    const sheet = await manager.findOneBy(ScoreSheet, { assignmentId });
    return {
      assignmentId,
      application: {
        id: application.id,
        title: application.title,
        category: names.category,
        street: panel.blind ? null : names.street,
        community: panel.blind ? null : names.community,
        summary: application.summary,
        plan: application.plan,
        location: panel.blind ? '（盲评隐藏）' : application.location,
        beneficiariesCount: application.beneficiariesCount,
        beneficiariesDescription: application.beneficiariesDescription,
        startDate: application.startDate,
        endDate: application.endDate,
        totalCostFen: application.totalCostFen,
        requestedSubsidyFen: application.requestedSubsidyFen,
        costItems: application.costItems,
        attachments: attachments.map((row) => ({
          id: row.id,
          type: row.type,
          originalName: row.original_name,
        })),
      },
      rubric: competition.rubric,
      commentRequiredAtExtremes: panel.commentRequiredAtExtremes,
      sheet: sheet
        ? {
            id: sheet.id,
            status: sheet.status,
            scores: sheet.scores,
            comments: sheet.comments,
            total: Number(sheet.total),
            version: sheet.version,
          }
        : { id: null, status: 'not_started', scores: {}, comments: {}, total: 0, version: null },
    };
  }

  /** Saves a draft: partial scores are fine, out-of-range ones are not. */
  async saveDraft(
    actor: AuthenticatedActor,
    assignmentId: number,
    body: ScoreSheetDraftRequest,
  ): Promise<ReviewSheetView> {
    await this.dataSource.transaction(async (manager) => {
      const assignment = await this.ownAssignment(manager, actor.user, assignmentId, true);
      const rubric = await this.rubricOf(manager, assignment);
      const violations = checkScoreSheet(rubric, body.scores, body.comments, {
        commentRequiredAtExtremes: false,
      }).filter((violation) => violation.code !== 'SCORE_REQUIRED');
      if (violations.length) throw new DomainError('VALIDATION_FAILED', violationsToFields(violations));
      let sheet = await manager.findOne(ScoreSheet, {
        where: { assignmentId },
        lock: { mode: 'pessimistic_write' },
      });
      if (sheet?.status === 'submitted') throw new DomainError('SHEET_LOCKED');
      if (sheet && body.version !== undefined && sheet.version !== body.version)
        throw new DomainError('CONFLICT');
      const total = scoreSheetTotal(rubric, body.scores);
      sheet = manager.create(ScoreSheet, {
        ...(sheet ?? {}),
        assignmentId,
        status: 'draft',
        scores: body.scores,
        comments: body.comments,
        total: String(total),
      });
      await manager.save(sheet);
    });
    return this.sheet(actor.user, assignmentId);
  }

  /** Submits and locks the sheet. Two racing submits give one submission; the second sees it locked. */
  async submitSheet(
    actor: AuthenticatedActor,
    assignmentId: number,
    version: number,
  ): Promise<ReviewSheetView> {
    await this.dataSource.transaction(async (manager) => {
      const assignment = await this.ownAssignment(manager, actor.user, assignmentId, true);
      const sheet = await manager.findOne(ScoreSheet, {
        where: { assignmentId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!sheet)
        throw new DomainError('VALIDATION_FAILED', {
          scores: fieldMessage('请先填写评分', 'Fill in the scores first'),
        });
      if (sheet.status === 'submitted') throw new DomainError('SHEET_LOCKED');
      if (sheet.version !== version) throw new DomainError('CONFLICT');
      const panel = await manager.findOneByOrFail(ReviewPanel, { id: assignment.panelId });
      const rubric = await this.rubricOf(manager, assignment);
      const violations = checkScoreSheet(rubric, sheet.scores, sheet.comments, {
        commentRequiredAtExtremes: panel.commentRequiredAtExtremes,
      });
      if (violations.length) throw new DomainError('VALIDATION_FAILED', violationsToFields(violations));
      sheet.status = 'submitted';
      sheet.submittedAt = new Date();
      await manager.save(sheet);
      await this.audit.record(manager, actor, {
        action: 'score_sheet.submit',
        entityType: 'application',
        entityId: assignment.applicationId,
        after: { sheetId: sheet.id, total: sheet.total, scores: sheet.scores },
      });
      await this.markScoredWhenComplete(manager, actor, assignment.applicationId);
      const competitionId = (await manager.findOneByOrFail(Application, { id: assignment.applicationId })).competitionId;
      await this.requestRanking(manager, competitionId);
    });
    return this.sheet(actor.user, assignmentId);
  }

  /** in_review → scored once every assigned reviewer has submitted. */
  private async markScoredWhenComplete(
    manager: EntityManager,
    actor: AuthenticatedActor,
    applicationId: number,
  ) {
    const [counts]: [{ due: number; done: number }] = await manager.query(
      `SELECT count(*)::int AS due, count(*) FILTER (WHERE sh.status = 'submitted')::int AS done
       FROM review_assignment ra LEFT JOIN score_sheet sh ON sh.assignment_id = ra.id WHERE ra.application_id = $1`,
      [applicationId],
    );
    const complete = counts.due > 0 && counts.done === counts.due;
    // in_review → scored, or back when a sheet is reopened; any other status stays as it is.
    await this.lifecycle.apply(manager, actor, [applicationId], complete ? 'scores_complete' : 'scores_reopened', {
      strict: false,
    });
  }

  /** An admin reopens a submitted sheet with a reason (audited); the reviewer may then revise it. */
  async reopenSheet(actor: AuthenticatedActor, sheetId: number, reason: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const sheet = await manager.findOne(ScoreSheet, {
        where: { id: sheetId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!sheet) throw new DomainError('NOT_FOUND');
      const assignment = await manager.findOneByOrFail(ReviewAssignment, { id: sheet.assignmentId });
      const application = await manager.findOneByOrFail(Application, { id: assignment.applicationId });
      await this.requireManagedCompetition(manager, actor, application.competitionId);
      if (sheet.status !== 'submitted') throw new DomainError('INVALID_TRANSITION');
      sheet.status = 'draft';
      sheet.submittedAt = null;
      await manager.save(sheet);
      await this.audit.record(manager, actor, {
        action: 'score_sheet.reopen',
        entityType: 'application',
        entityId: application.id,
        after: { sheetId, reason, reviewerUserId: assignment.reviewerUserId },
      });
      await this.markScoredWhenComplete(manager, actor, application.id);
      const ids = await this.notifications.notify(manager, [assignment.reviewerUserId], {
        kind: 'review.sheet_reopened',
        title: `评分表已退回修改：「${application.title}」`,
        body: `原因：${reason}`,
        link: `/reviews/${assignment.id}`,
      });
      await this.notifications.deliverLater(ids);
      await this.requestRanking(manager, application.competitionId);
    });
  }

  private async rubricOf(manager: EntityManager, assignment: ReviewAssignment): Promise<Criterion[]> {
    const [row]: Array<{ rubric: Criterion[] }> = await manager.query(
      `SELECT c.rubric FROM application a JOIN competition c ON c.id = a.competition_id WHERE a.id = $1`,
      [assignment.applicationId],
    );
    return row.rubric;
  }

  // ── aggregation and ranking ───────────────────────────────────────────────

  /** In the caller's transaction: with Redis away the change fails (503) rather than leave a stale ranking. */
  async requestRanking(manager: EntityManager, competitionId: number): Promise<void> {
    await this.queue.enqueue('reviews.rank', { competitionId }, { transaction: manager });
  }

  /**
   * Recomputes the ranking from submitted sheets (the job calls this). Deterministic: the same
   * sheets always give the same order.
   */
  async recomputeRanking(competitionId: number): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('ranking'), $1)`, [competitionId]);
      const panel = await this.panelOf(manager, competitionId);
      const applications: Array<Record<string, unknown>> = await manager.query(
        `SELECT a.id, a.beneficiaries_count, a.requested_subsidy_fen, a.submitted_at, cat.key AS category
         FROM application a JOIN competition_category cat ON cat.id = a.category_id
         WHERE a.competition_id = $1 AND a.status = ANY($2::text[])`,
        [competitionId, ['in_review', 'scored', 'proposed', 'in_notice', 'approved', 'not_funded']],
      );
      const sheets: Array<{
        application_id: number;
        reviewer_user_id: number;
        scores: Record<string, number>;
        total: string;
        status: string;
      }> = await manager.query(
        `SELECT ra.application_id, ra.reviewer_user_id, sh.scores, sh.total, coalesce(sh.status, 'none') AS status
           FROM review_assignment ra LEFT JOIN score_sheet sh ON sh.assignment_id = ra.id
           JOIN application a ON a.id = ra.application_id WHERE a.competition_id = $1`,
        [competitionId],
      );
      const method = panel?.aggregation ?? 'trimmed_mean';
      const spread = panel?.disagreementSpread ?? 20;
      const threshold = Number(panel?.fundableThreshold ?? 60);
      const inputs = applications.map((row) => {
        const own = sheets.filter((sheet) => sheet.application_id === row.id);
        const submitted = own.filter((sheet) => sheet.status === 'submitted');
        const result = aggregate(
          submitted.map((sheet) => ({
            reviewerId: sheet.reviewer_user_id,
            criteria: sheet.scores,
            total: Number(sheet.total),
          })),
          { method, disagreementSpread: spread },
        );
        return {
          applicationId: row.id as number,
          score: result.score,
          beneficiaries: row.beneficiaries_count as number,
          requestedSubsidy: Number(row.requested_subsidy_fen),
          submittedAt: (row.submitted_at as Date | null) ?? new Date(0),
          category: row.category as string,
          result,
          due: own.length,
          done: submitted.length,
        };
      });
      const groups = panel?.rankByCategory ? [...new Set(inputs.map((input) => input.category))] : [null];
      await manager.query(`DELETE FROM application_ranking WHERE competition_id = $1`, [competitionId]);
      const now = new Date();
      for (const group of groups) {
        const ranked = rank(
          inputs.filter((input) => group === null || input.category === group),
          threshold,
        );
        for (const row of ranked) {
          await manager.insert(ApplicationRanking, {
            applicationId: row.applicationId,
            competitionId,
            score: row.score === null ? null : String(row.score),
            method: row.result.method,
            sheetsUsed: row.result.used,
            sheetsSubmitted: row.done,
            sheetsDue: row.due,
            spread: row.result.spread === null ? null : String(row.result.spread),
            disagreement: row.result.disagreement,
            criterionMeans: row.result.criterionMeans,
            rank: row.rank,
            fundable: row.fundable,
            computedAt: now,
          });
        }
      }
      return inputs.length;
    });
  }

  async ranking(user: AuthUser, competitionId: number): Promise<RankingRowView[]> {
    this.access.requirePermission(user, 'reviews.read');
    await this.competitions.get(user, competitionId);
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT r.*, a.title, a.beneficiaries_count, a.requested_subsidy_fen, cat.name AS category, s.name AS street, c.name AS community
       FROM application_ranking r JOIN application a ON a.id = r.application_id
       JOIN competition_category cat ON cat.id = a.category_id JOIN org_unit s ON s.id = a.street_id JOIN org_unit c ON c.id = a.community_id
       WHERE r.competition_id = $1 ORDER BY cat.name, r.rank`,
      [competitionId],
    );
    return rows
      .map((row) => ({
        rank: row.rank as number,
        applicationId: row.application_id as number,
        title: row.title as string,
        category: row.category as string,
        street: row.street as string,
        community: row.community as string,
        score: row.score === null ? null : Number(row.score),
        method: row.method as 'mean' | 'trimmed_mean',
        sheetsUsed: row.sheets_used as number,
        sheetsSubmitted: row.sheets_submitted as number,
        sheetsDue: row.sheets_due as number,
        spread: row.spread === null ? null : Number(row.spread),
        disagreement: row.disagreement as boolean,
        fundable: row.fundable as boolean,
        beneficiariesCount: row.beneficiaries_count as number,
        requestedSubsidyFen: Number(row.requested_subsidy_fen),
        criterionMeans: row.criterion_means as Record<string, number>,
      }))
      .sort((a, b) => (a.category === b.category ? a.rank - b.rank : a.category.localeCompare(b.category)));
  }

  /** Per-reviewer z-scores of submitted totals: a view to spot harsh or lenient reviewers. */
  async zScoreView(user: AuthUser, competitionId: number) {
    this.access.requirePermission(user, 'reviews.read');
    await this.competitions.get(user, competitionId);
    const rows: Array<{ reviewer_user_id: number; application_id: number; total: string }> =
      await this.dataSource.query(
        `SELECT ra.reviewer_user_id, ra.application_id, sh.total FROM review_assignment ra
       JOIN score_sheet sh ON sh.assignment_id = ra.id AND sh.status = 'submitted'
       JOIN application a ON a.id = ra.application_id WHERE a.competition_id = $1`,
        [competitionId],
      );
    const byReviewer: Record<number, Array<{ applicationId: number; total: number }>> = {};
    for (const row of rows)
      (byReviewer[row.reviewer_user_id] ??= []).push({
        applicationId: row.application_id,
        total: Number(row.total),
      });
    return zScores(byReviewer);
  }

  async progress(user: AuthUser, competitionId: number): Promise<ReviewProgressView> {
    this.access.requirePermission(user, 'reviews.read');
    await this.competitions.get(user, competitionId);
    const reviewers: Array<{ id: number; display_name: string; done: number; due: number }> =
      await this.dataSource.query(
        `SELECT u.id, u.display_name, count(ra.id)::int AS due, count(sh.id) FILTER (WHERE sh.status = 'submitted')::int AS done
       FROM review_assignment ra JOIN application a ON a.id = ra.application_id JOIN app_user u ON u.id = ra.reviewer_user_id
       LEFT JOIN score_sheet sh ON sh.assignment_id = ra.id WHERE a.competition_id = $1 GROUP BY u.id, u.display_name ORDER BY u.id`,
        [competitionId],
      );
    const applications: Array<{ id: number; title: string; done: number; due: number }> =
      await this.dataSource.query(
        `SELECT a.id, a.title, count(ra.id)::int AS due, count(sh.id) FILTER (WHERE sh.status = 'submitted')::int AS done
       FROM application a LEFT JOIN review_assignment ra ON ra.application_id = a.id LEFT JOIN score_sheet sh ON sh.assignment_id = ra.id
       WHERE a.competition_id = $1 AND a.status = ANY($2::text[]) GROUP BY a.id, a.title ORDER BY a.id`,
        [competitionId, REVIEWABLE],
      );
    return {
      reviewers: reviewers.map((row) => ({
        reviewerUserId: row.id,
        displayName: row.display_name,
        done: row.done,
        due: row.due,
      })),
      applications: applications.map((row) => ({
        applicationId: row.id,
        title: row.title,
        done: row.done,
        due: row.due,
      })),
    };
  }

  /** Daily: remind reviewers with pending sheets when a review window closes within 3 days. */
  async remindPending(date: string): Promise<number> {
    const now = new Date(`${date}T09:00:00+08:00`);
    return this.dataSource.transaction(async (manager) => {
      const rows: Array<{
        reviewer_user_id: number;
        competition_id: number;
        title: string;
        pending: number;
      }> = await manager.query(
        `SELECT ra.reviewer_user_id, c.id AS competition_id, c.title, count(*)::int AS pending
         FROM review_assignment ra JOIN application a ON a.id = ra.application_id JOIN competition c ON c.id = a.competition_id
         LEFT JOIN score_sheet sh ON sh.assignment_id = ra.id
         WHERE coalesce(sh.status, 'draft') <> 'submitted' AND c.review_opens_at <= $1 AND c.review_closes_at > $1
           AND c.review_closes_at <= $1::timestamptz + interval '3 days'
         GROUP BY ra.reviewer_user_id, c.id, c.title`,
        [now],
      );
      const ids: number[] = [];
      for (const row of rows) {
        ids.push(
          ...(await this.notifications.notify(manager, [row.reviewer_user_id], {
            kind: 'review.pending',
            title: `「${row.title}」评审即将截止`,
            body: `您还有 ${row.pending} 份评分表未提交。`,
            link: '/reviews',
            dedupeKey: `review-pending:${row.competition_id}:${date}`,
          })),
        );
      }
      await this.notifications.deliverLater(ids);
      return ids.length;
    });
  }
}
