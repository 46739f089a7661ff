import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export interface OpenWindowRow {
  id: number;
  title: string;
  closes_at: Date;
  district_id: number;
  min_per_street: number;
  reminder_days_before_close: number;
}

export interface StreetCountRow {
  competition_id: number;
  street_id: number;
  submitted: number;
}

export interface DrafterRow {
  competition_id: number;
  user_id: number;
}

/** Read-only queries behind the competitions' reminders (competition.reminders.ts). */
@Injectable()
export class CompetitionRemindersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Published calls whose submission window is open at `now`. */
  openWindows(now: Date): Promise<OpenWindowRow[]> {
    return this.dataSource.query(
      `SELECT c.id, c.title, c.submission_closes_at AS closes_at, l.unit_id AS district_id, c.min_per_street, c.reminder_days_before_close
       FROM competition c JOIN budget_line l ON l.id = c.budget_line_id
       WHERE c.status = 'published' AND c.submission_opens_at <= $1 AND c.submission_closes_at > $1
       ORDER BY c.id`,
      [now],
    );
  }

  /** Every street of the districts, with what each has submitted to each call (0 when nothing). */
  streetCounts(competitionIds: readonly number[]): Promise<StreetCountRow[]> {
    if (!competitionIds.length) return Promise.resolve([]);
    return this.dataSource.query(
      `SELECT c.id AS competition_id, s.id AS street_id,
              (SELECT count(*)::int FROM application a WHERE a.competition_id = c.id AND a.street_id = s.id
                 AND a.status NOT IN ('draft', 'awaiting_street', 'withdrawn')) AS submitted
       FROM competition c
       JOIN budget_line l ON l.id = c.budget_line_id
       JOIN org_unit s ON s.kind = 'street' AND s.parent_id = l.unit_id AND s.active
       WHERE c.id = ANY($1::int[])
       ORDER BY c.id, s.id`,
      [[...competitionIds]],
    );
  }

  /** Who drafted applications that are not yet submitted (the community officers still working on them). */
  drafters(competitionIds: readonly number[]): Promise<DrafterRow[]> {
    if (!competitionIds.length) return Promise.resolve([]);
    return this.dataSource.query(
      `SELECT DISTINCT a.competition_id, a.created_by_user_id AS user_id FROM application a
       WHERE a.competition_id = ANY($1::int[]) AND a.status IN ('draft', 'awaiting_street', 'returned')`,
      [[...competitionIds]],
    );
  }
}
