import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { quarterOf, shanghaiDate } from '@xiaoshi/domain';
import type { DataSource } from 'typeorm';
import { HandlesJob, type JobHandler } from '../../queue/job-handler.js';
import type { JobPayloads } from '../../queue/jobs.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { quarterEnd, quarterStart } from './stipend-common.js';
import { RELEVANT_TO_QUARTER } from './stipend-reports.service.js';

/**
 * Daily: within a programme's reminder period before a quarter ends (its report deadline), tell
 * the officers of every street with people on the roster and no report submitted or approved for
 * the quarter. The dedupe key (programme, street, quarter) sends each reminder once per quarter,
 * however often the job runs or is retried.
 */
@Injectable()
@HandlesJob('stipends.remind-streets')
export class StipendReminderHandler implements JobHandler<'stipends.remind-streets'> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
  ) {}

  async handle(payload: JobPayloads['stipends.remind-streets']): Promise<{ reminded: number }> {
    const today = payload.date === 'today' ? shanghaiDate(new Date()) : payload.date;
    const current = quarterOf(today);
    if (!current) return { reminded: 0 };
    const { year, quarter } = current;
    const due = quarterEnd(year, quarter);
    const daysLeft = Math.round(
      (Date.parse(`${due}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000,
    );
    const programmes: Array<{ id: number; name: string; report_reminder_days: number }> =
      await this.dataSource.query(
        `SELECT id, name, report_reminder_days FROM stipend_programme WHERE kind = 'monthly_quarterly' AND report_reminder_days >= $1 ORDER BY id`,
        [daysLeft],
      );
    const ids: number[] = [];
    await this.dataSource.transaction(async (manager) => {
      for (const programme of programmes) {
        const streets: Array<{ street_id: number; people: number }> = await manager.query(
          `SELECT p.street_id, count(*)::int AS people FROM stipend_person p
           WHERE ${RELEVANT_TO_QUARTER}
             AND NOT EXISTS (SELECT 1 FROM stipend_street_report r WHERE r.programme_id = $1 AND r.street_id = p.street_id
                               AND r.year = $4 AND r.quarter = $5 AND r.status IN ('submitted', 'approved'))
           GROUP BY p.street_id ORDER BY p.street_id`,
          [programme.id, quarterStart(year, quarter), due, year, quarter],
        );
        for (const street of streets) {
          const officers = await this.notifications.usersWithRole(manager, 'street_officer', [
            street.street_id,
          ]);
          ids.push(
            ...(await this.notifications.notify(manager, officers, {
              kind: 'stipend_report.due',
              title: `请报送${year}年第${quarter}季度${programme.name}名册`,
              body: `本街道名册共${street.people}人，${year}年第${quarter}季度名册须于${due}前报送区级审核。`,
              link: `/stipends/programmes/${programme.id}/reports?year=${year}&quarter=${quarter}`,
              dedupeKey: `stipend-report:${programme.id}:${street.street_id}:${year}Q${quarter}`,
            })),
          );
        }
      }
    });
    await this.notifications.deliverLater(ids);
    return { reminded: ids.length };
  }
}
