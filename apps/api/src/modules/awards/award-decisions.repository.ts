import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DecisionView } from '@xiaoshi/contracts';
import type { AwardStatus, DecisionStatus } from '@xiaoshi/domain';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { Award, AwardDecision, PublicNotice } from './award.entities.js';

export type DecisionAwardView = DecisionView['awards'][number];

interface DecisionAwardRow {
  id: number;
  application_id: number;
  title: string;
  street: string;
  community: string;
  amount_fen: string;
  score: string | null;
  rank: number | null;
  status: string;
}

/**
 * The award_decision and award tables. The awards' titles and places are joined from the
 * applications and org units for display (reads; their status moves through the applications
 * module's lifecycle).
 */
@Injectable()
export class AwardDecisionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private run(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  decision(id: number, manager?: EntityManager): Promise<AwardDecision | null> {
    return this.run(manager).findOneBy(AwardDecision, { id });
  }

  lockDecision(manager: EntityManager, id: number): Promise<AwardDecision | null> {
    return manager.findOne(AwardDecision, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async decisionIds(competitionId: number): Promise<number[]> {
    const rows = await this.dataSource.manager.find(AwardDecision, {
      select: { id: true },
      where: { competitionId },
      order: { id: 'DESC' },
    });
    return rows.map((row) => row.id);
  }

  /** The competition's decisions in these statuses. */
  decisionsIn(manager: EntityManager, competitionId: number, statuses: readonly DecisionStatus[]): Promise<AwardDecision[]> {
    return manager.find(AwardDecision, { where: { competitionId, status: In([...statuses]) }, order: { id: 'ASC' } });
  }

  insertDecision(manager: EntityManager, fields: Partial<AwardDecision>): Promise<AwardDecision> {
    return manager.save(manager.create(AwardDecision, fields));
  }

  async setDecisionStatus(manager: EntityManager, ids: readonly number[], status: DecisionStatus): Promise<void> {
    if (!ids.length) return;
    await manager.query(`UPDATE award_decision SET status = $2, version = version + 1 WHERE id = ANY($1::int[])`, [
      [...ids],
      status,
    ]);
  }

  async noticeIdOf(decisionId: number): Promise<number | null> {
    return (await this.dataSource.manager.findOneBy(PublicNotice, { decisionId }))?.id ?? null;
  }

  async insertAwards(
    manager: EntityManager,
    awards: ReadonlyArray<Pick<Award, 'decisionId' | 'applicationId' | 'amountFen' | 'status' | 'score' | 'rank'>>,
  ): Promise<void> {
    if (awards.length) await manager.insert(Award, awards.map((award) => ({ ...award })));
  }

  /** The awards of decisions in these statuses, row-locked, in id order. */
  lockAwards(manager: EntityManager, decisionIds: readonly number[], statuses: readonly AwardStatus[]): Promise<Award[]> {
    if (!decisionIds.length) return Promise.resolve([]);
    return manager.find(Award, {
      where: { decisionId: In([...decisionIds]), status: In([...statuses]) },
      order: { id: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
  }

  lockAward(manager: EntityManager, id: number): Promise<Award | null> {
    return manager.findOne(Award, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Moves awards to `status` (and records why, for a withdrawal). */
  async setAwardStatus(manager: EntityManager, ids: readonly number[], status: AwardStatus, withdrawnReason?: string): Promise<void> {
    if (!ids.length) return;
    await manager.query(
      `UPDATE award SET status = $2, withdrawn_reason = coalesce($3, withdrawn_reason), version = version + 1
       WHERE id = ANY($1::int[])`,
      [[...ids], status, withdrawnReason ?? null],
    );
  }

  /** The application of every award of these decisions. */
  async applicationsOf(manager: EntityManager, decisionIds: readonly number[]): Promise<number[]> {
    const rows: Array<{ application_id: number }> = await manager.query(
      `SELECT application_id FROM award WHERE decision_id = ANY($1::int[])`,
      [[...decisionIds]],
    );
    return rows.map((row) => row.application_id);
  }

  /** What a decision's awards still add up to, leaving the withdrawn out. */
  async liveTotal(manager: EntityManager, decisionId: number): Promise<number> {
    const [{ total }]: Array<{ total: string }> = await manager.query(
      `SELECT coalesce(sum(amount_fen), 0) AS total FROM award WHERE decision_id = $1 AND status <> 'withdrawn'`,
      [decisionId],
    );
    return Number(total);
  }

  async awardInDecision(manager: EntityManager, awardId: number, decisionId: number): Promise<boolean> {
    return manager.existsBy(Award, { id: awardId, decisionId });
  }

  async awardViews(decisionId: number): Promise<DecisionAwardView[]> {
    const rows: DecisionAwardRow[] = await this.dataSource.query(
      `SELECT w.id, w.application_id, a.title, s.name AS street, c.name AS community, w.amount_fen, w.score, w.rank, w.status
       FROM award w JOIN application a ON a.id = w.application_id JOIN org_unit s ON s.id = a.street_id JOIN org_unit c ON c.id = a.community_id
       WHERE w.decision_id = $1 ORDER BY w.rank NULLS LAST, w.id`,
      [decisionId],
    );
    return rows.map((row) => ({
      id: row.id,
      applicationId: row.application_id,
      title: row.title,
      street: row.street,
      community: row.community,
      amountFen: Number(row.amount_fen),
      score: row.score === null ? null : Number(row.score),
      rank: row.rank,
      status: row.status,
    }));
  }
}
