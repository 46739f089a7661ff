import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { HandlesJob, type JobHandler } from '../../queue/job-handler.js';
import type { JobPayloads } from '../../queue/jobs.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { shanghaiDate } from '@xiaoshi/domain';

/**
 * Daily: for every open call closing within its reminder period, tell the officers of each street
 * still short of the minimum. The dedupe key (call, street, day) makes retries harmless.
 */
@Injectable()
@HandlesJob('competitions.remind-short-streets')
export class StreetReminderHandler implements JobHandler<'competitions.remind-short-streets'> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
  ) {}

  async handle(payload: JobPayloads['competitions.remind-short-streets']): Promise<{ reminded: number }> {
    // The daily scheduler sends 'today'; a caller may name a date (tests, a missed day re-run).
    const date = payload.date === 'today' ? shanghaiDate(new Date()) : payload.date;
    const now = new Date(`${date}T09:00:00+08:00`);
    const short: Array<{
      competition_id: number;
      title: string;
      closes_at: Date;
      street_id: number;
      submitted: number;
      minimum: number;
    }> = await this.dataSource.query(
      `SELECT c.id AS competition_id, c.title, c.submission_closes_at AS closes_at, s.id AS street_id, c.min_per_street AS minimum,
           (SELECT count(*)::int FROM application a WHERE a.competition_id = c.id AND a.street_id = s.id
              AND a.status NOT IN ('draft', 'awaiting_street', 'withdrawn')) AS submitted
         FROM competition c
         JOIN budget_line l ON l.id = c.budget_line_id
         JOIN org_unit s ON s.kind = 'street' AND s.parent_id = l.unit_id
         WHERE c.status = 'published' AND c.min_per_street > 0
           AND c.submission_opens_at <= $1 AND c.submission_closes_at > $1
           AND c.submission_closes_at <= $1::timestamptz + make_interval(days => c.reminder_days_before_close)`,
      [now],
    );
    const ids: number[] = [];
    await this.dataSource.transaction(async (manager) => {
      for (const row of short.filter((candidate) => candidate.submitted < candidate.minimum)) {
        const officers = await this.notifications.usersWithRole(manager, 'street_officer', [row.street_id]);
        const closes = row.closes_at.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
        ids.push(
          ...(await this.notifications.notify(manager, officers, {
            kind: 'competition.street_short',
            title: `「${row.title}」申报数量未达要求`,
            body: `本街道已提交 ${row.submitted} 个，要求不少于 ${row.minimum} 个，申报将于 ${closes} 截止。`,
            link: `/competitions/${row.competition_id}`,
            dedupeKey: `short:${row.competition_id}:${row.street_id}:${date}`,
          })),
        );
      }
    });
    await this.notifications.deliverLater(ids);
    return { reminded: ids.length };
  }
}
