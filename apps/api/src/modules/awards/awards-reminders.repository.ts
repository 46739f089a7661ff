import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export interface OpenNoticeRow {
  id: number;
  title: string;
  last_day: string;
  district_id: number;
  pending_objections: number;
  /** The earliest pending objection's filing day (Asia/Shanghai), or null. */
  oldest_pending_on: string | null;
}

/** Read-only queries behind the awards' reminders (awards.reminders.ts). */
@Injectable()
export class AwardsRemindersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** 公示 notices still open, with their pending objections. */
  openNotices(): Promise<OpenNoticeRow[]> {
    return this.dataSource.query(
      `SELECT n.id, n.title, n.last_day, l.unit_id AS district_id,
              count(o.id)::int AS pending_objections,
              min((o.created_at AT TIME ZONE 'Asia/Shanghai')::date)::text AS oldest_pending_on
       FROM public_notice n
       JOIN competition c ON c.id = n.competition_id
       JOIN budget_line l ON l.id = c.budget_line_id
       LEFT JOIN objection o ON o.notice_id = n.id AND o.status = 'pending'
       WHERE n.status = 'open'
       GROUP BY n.id, l.unit_id
       ORDER BY n.id`,
    );
  }
}
