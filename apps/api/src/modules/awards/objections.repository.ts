import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Award, AwardDecision, Objection, PublicNotice } from './award.entities.js';

/** The objections module's SQL: objections, and the notice, decision and awards they concern. */
@Injectable()
export class ObjectionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  notice(id: number, manager: EntityManager = this.dataSource.manager): Promise<PublicNotice | null> {
    return manager.findOneBy(PublicNotice, { id });
  }

  async awardInDecision(manager: EntityManager, awardId: number, decisionId: number): Promise<boolean> {
    const rows: Array<{ id: number }> = await manager.query(`SELECT id FROM award WHERE id = $1 AND decision_id = $2`, [
      awardId,
      decisionId,
    ]);
    return rows.length > 0;
  }

  insert(manager: EntityManager, fields: Partial<Objection>): Promise<Objection> {
    return manager.save(manager.create(Objection, fields));
  }

  save(manager: EntityManager, objection: Objection): Promise<Objection> {
    return manager.save(objection);
  }

  /** The district whose budget line funds the competition. */
  async districtOf(manager: EntityManager, competitionId: number): Promise<number> {
    const [{ district }]: [{ district: number }] = await manager.query(
      `SELECT l.unit_id AS district FROM competition c JOIN budget_line l ON l.id = c.budget_line_id WHERE c.id = $1`,
      [competitionId],
    );
    return district;
  }

  ofNotice(noticeId: number): Promise<Objection[]> {
    return this.dataSource.manager.find(Objection, { where: { noticeId }, order: { id: 'ASC' } });
  }

  lock(manager: EntityManager, id: number): Promise<Objection | null> {
    return manager.findOne(Objection, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  noticeOrFail(manager: EntityManager, id: number): Promise<PublicNotice> {
    return manager.findOneByOrFail(PublicNotice, { id });
  }

  lockAward(manager: EntityManager, id: number): Promise<Award | null> {
    return manager.findOne(Award, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  saveAward(manager: EntityManager, award: Award): Promise<Award> {
    return manager.save(award);
  }

  async application(
    manager: EntityManager,
    id: number,
  ): Promise<{ title: string; street_id: number; created_by_user_id: number }> {
    const [row]: Array<{ title: string; street_id: number; created_by_user_id: number }> = await manager.query(
      `SELECT title, street_id, created_by_user_id FROM application WHERE id = $1`,
      [id],
    );
    return row;
  }

  /** The money of the decision's awards not withdrawn. */
  async remainingFen(manager: EntityManager, decisionId: number): Promise<number> {
    const [row]: Array<{ total: string }> = await manager.query(
      `SELECT coalesce(sum(amount_fen), 0) AS total FROM award WHERE decision_id = $1 AND status <> 'withdrawn'`,
      [decisionId],
    );
    return Number(row.total);
  }

  decisionOrFail(manager: EntityManager, id: number): Promise<AwardDecision> {
    return manager.findOneByOrFail(AwardDecision, { id });
  }

  async awardedApplications(manager: EntityManager, decisionId: number): Promise<Set<number>> {
    const rows: Array<{ application_id: number }> = await manager.query(
      `SELECT application_id FROM award WHERE decision_id = $1`,
      [decisionId],
    );
    return new Set(rows.map((row) => row.application_id));
  }
}
