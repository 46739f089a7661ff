import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { ReviewPanel, ReviewPanelMember } from './review.entities.js';

/** A panel member with the names the panel page shows. */
export interface PanelMember {
  userId: number;
  displayName: string;
  unitName: string;
  expertiseTags: string[];
}

interface PanelMemberRow {
  user_id: number;
  display_name: string;
  unit_name: string;
  tags: string[];
}

/** The panel's settings as written (the entity's columns a caller may set). */
export type PanelSettings = Pick<
  ReviewPanel,
  | 'chairUserId'
  | 'reviewersPerApplication'
  | 'maxLoad'
  | 'blind'
  | 'aggregation'
  | 'fundableThreshold'
  | 'disagreementSpread'
  | 'commentRequiredAtExtremes'
  | 'rankByCategory'
> &
  Partial<Pick<ReviewPanel, 'drawSeed' | 'drawTags'>>;

/** review_panel and review_panel_member. */
@Injectable()
export class ReviewPanelsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  ofCompetition(manager: EntityManager | undefined, competitionId: number): Promise<ReviewPanel | null> {
    return (manager ?? this.dataSource.manager).findOneBy(ReviewPanel, { competitionId });
  }

  byId(manager: EntityManager | undefined, id: number): Promise<ReviewPanel> {
    return (manager ?? this.dataSource.manager).findOneByOrFail(ReviewPanel, { id });
  }

  async members(panelId: number): Promise<PanelMember[]> {
    const rows: PanelMemberRow[] = await this.dataSource.query(
      `SELECT m.user_id, u.display_name, o.name AS unit_name, coalesce(p.expertise_tags, '{}') AS tags
       FROM review_panel_member m JOIN app_user u ON u.id = m.user_id JOIN org_unit o ON o.id = u.unit_id
       LEFT JOIN reviewer_profile p ON p.user_id = m.user_id WHERE m.panel_id = $1 ORDER BY m.user_id`,
      [panelId],
    );
    return rows.map((row) => ({
      userId: row.user_id,
      displayName: row.display_name,
      unitName: row.unit_name,
      expertiseTags: row.tags,
    }));
  }

  /** Members who can review now: the account is active and the profile is in the pool. */
  async activeMembers(manager: EntityManager, panelId: number): Promise<Array<{ userId: number; displayName: string }>> {
    const rows: Array<{ user_id: number; display_name: string }> = await manager.query(
      `SELECT m.user_id, u.display_name FROM review_panel_member m JOIN app_user u ON u.id = m.user_id
       LEFT JOIN reviewer_profile p ON p.user_id = m.user_id
       WHERE m.panel_id = $1 AND u.active AND coalesce(p.active, true) ORDER BY m.user_id`,
      [panelId],
    );
    return rows.map((row) => ({ userId: row.user_id, displayName: row.display_name }));
  }

  async isMember(manager: EntityManager, panelId: number, userId: number): Promise<boolean> {
    return (await manager.findOneBy(ReviewPanelMember, { panelId, userId })) !== null;
  }

  /** Writes the panel of a competition (over `current`, if any) and replaces its members. */
  async save(
    manager: EntityManager,
    competitionId: number,
    current: ReviewPanel | null,
    settings: PanelSettings,
    memberUserIds: readonly number[],
  ): Promise<ReviewPanel> {
    const panel = await manager.save(manager.create(ReviewPanel, { ...(current ?? {}), competitionId, ...settings }));
    await manager.delete(ReviewPanelMember, { panelId: panel.id });
    await manager.insert(
      ReviewPanelMember,
      memberUserIds.map((userId) => ({ panelId: panel.id, userId })),
    );
    return panel;
  }
}
