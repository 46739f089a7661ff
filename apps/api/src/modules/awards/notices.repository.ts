import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PublicNoticeView, RegisterItemView } from '@xiaoshi/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { Objection, PublicNotice } from './award.entities.js';

interface NoticeRow {
  id: number;
  competition_id: number;
  decision_id: number;
  title: string;
  competition_title: string;
  contact: string;
  first_day: string;
  last_day: string;
  working_days: number;
  status: string;
}

interface NoticeItemRow {
  id: number;
  title: string;
  community: string;
  street: string;
  category: string;
  amount_fen: string;
  score: string | null;
  status: string;
}

interface RegisterRow {
  id: number;
  title: string;
  status: string;
  street: string;
  community: string;
  category: string;
  amount_fen: string;
  competition: string;
}

/**
 * The public_notice and objection tables (公示 and 异议). What the public sees is joined from the
 * awards, applications, categories and units for display: names, amounts, no personal data.
 */
@Injectable()
export class NoticesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private run(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  notice(id: number, manager?: EntityManager): Promise<PublicNotice | null> {
    return this.run(manager).findOneBy(PublicNotice, { id });
  }

  lockNotice(manager: EntityManager, id: number): Promise<PublicNotice | null> {
    return manager.findOne(PublicNotice, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  insertNotice(manager: EntityManager, fields: Partial<PublicNotice>): Promise<PublicNotice> {
    return manager.save(manager.create(PublicNotice, fields));
  }

  async saveNotice(manager: EntityManager, notice: PublicNotice): Promise<void> {
    await manager.save(notice);
  }

  async view(id: number): Promise<PublicNoticeView | null> {
    const [notice]: NoticeRow[] = await this.dataSource.query(
      `SELECT n.id, n.competition_id, n.decision_id, n.title, c.title AS competition_title, n.contact,
              n.first_day, n.last_day, n.working_days, n.status
       FROM public_notice n JOIN competition c ON c.id = n.competition_id WHERE n.id = $1`,
      [id],
    );
    if (!notice) return null;
    const items: NoticeItemRow[] = await this.dataSource.query(
      `SELECT w.id, a.title, c.name AS community, s.name AS street, cat.name AS category, w.amount_fen, w.score, w.status
       FROM award w JOIN application a ON a.id = w.application_id JOIN org_unit c ON c.id = a.community_id JOIN org_unit s ON s.id = a.street_id
       JOIN competition_category cat ON cat.id = a.category_id WHERE w.decision_id = $1 ORDER BY w.rank NULLS LAST, w.id`,
      [notice.decision_id],
    );
    return {
      id: notice.id,
      competitionId: notice.competition_id,
      decisionId: notice.decision_id,
      title: notice.title,
      competitionTitle: notice.competition_title,
      contact: notice.contact,
      firstDay: notice.first_day,
      lastDay: notice.last_day,
      workingDays: notice.working_days,
      status: notice.status,
      items: items.map((row) => ({
        awardId: row.id,
        title: row.title,
        community: row.community,
        street: row.street,
        category: row.category,
        amountFen: Number(row.amount_fen),
        score: row.score === null ? null : Number(row.score),
        status: row.status,
      })),
    };
  }

  /** Notices open now or closed within the year, newest first. */
  async publicIds(): Promise<number[]> {
    const rows: Array<{ id: number }> = await this.dataSource.query(
      `SELECT id FROM public_notice WHERE status = 'open' OR closed_at > now() - interval '365 days' ORDER BY id DESC LIMIT 50`,
    );
    return rows.map((row) => row.id);
  }

  /** Open notices whose last day is before `today` and that have no pending objection. */
  async endedWithoutPendingObjections(today: string): Promise<number[]> {
    const rows: Array<{ id: number }> = await this.dataSource.query(
      `SELECT n.id FROM public_notice n WHERE n.status = 'open' AND n.last_day < $1::date
       AND NOT EXISTS (SELECT 1 FROM objection o WHERE o.notice_id = n.id AND o.status = 'pending')`,
      [today],
    );
    return rows.map((row) => row.id);
  }

  /** The funded projects (approved awards), newest application first, up to `limit + 1`. */
  async register(cursor: number | undefined, limit: number): Promise<RegisterItemView[]> {
    const rows: RegisterRow[] = await this.dataSource.query(
      `SELECT a.id, a.title, a.status, s.name AS street, c.name AS community, cat.name AS category, w.amount_fen, comp.title AS competition
       FROM award w JOIN application a ON a.id = w.application_id JOIN org_unit s ON s.id = a.street_id JOIN org_unit c ON c.id = a.community_id
       JOIN competition_category cat ON cat.id = a.category_id JOIN competition comp ON comp.id = a.competition_id
       WHERE w.status = 'approved' AND ($1::int IS NULL OR a.id < $1) ORDER BY a.id DESC LIMIT $2`,
      [cursor ?? null, limit + 1],
    );
    return rows.map((row) => ({
      id: row.id,
      title: row.title,
      competition: row.competition,
      street: row.street,
      community: row.community,
      category: row.category,
      amountFen: Number(row.amount_fen),
      status: row.status,
    }));
  }

  // --- objections ---------------------------------------------------------------------------

  async pendingObjections(manager: EntityManager, noticeId: number): Promise<number> {
    return manager.countBy(Objection, { noticeId, status: 'pending' });
  }

  insertObjection(manager: EntityManager, fields: Partial<Objection>): Promise<Objection> {
    return manager.save(manager.create(Objection, fields));
  }

  objections(noticeId: number): Promise<Objection[]> {
    return this.dataSource.manager.find(Objection, { where: { noticeId }, order: { id: 'ASC' } });
  }

  lockObjection(manager: EntityManager, id: number): Promise<Objection | null> {
    return manager.findOne(Objection, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async saveObjection(manager: EntityManager, objection: Objection): Promise<void> {
    await manager.save(objection);
  }
}
