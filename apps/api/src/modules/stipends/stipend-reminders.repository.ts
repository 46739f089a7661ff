import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { quarterEnd, quarterStart } from './stipend-common.js';
import { RELEVANT_TO_QUARTER } from './stipend-reports.repository.js';

export interface ReportingProgrammeRow {
  id: number;
  name: string;
  report_reminder_days: number;
}

export interface UnreportedStreetRow {
  street_id: number;
  people: number;
}

/** Read-only queries behind the quarterly roster report reminder (stipend.reminders.ts). */
@Injectable()
export class StipendRemindersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Quarterly programmes whose reminder period has begun (`daysLeft` calendar days to the quarter's end). */
  programmesReminding(daysLeft: number): Promise<ReportingProgrammeRow[]> {
    return this.dataSource.query(
      `SELECT id, name, report_reminder_days FROM stipend_programme
       WHERE kind = 'monthly_quarterly' AND report_reminder_days >= $1 ORDER BY id`,
      [daysLeft],
    );
  }

  /** Streets with people on the programme's roster this quarter and no report submitted or approved. */
  unreportedStreets(programmeId: number, year: number, quarter: number): Promise<UnreportedStreetRow[]> {
    return this.dataSource.query(
      `SELECT p.street_id, count(*)::int AS people FROM stipend_person p
       WHERE ${RELEVANT_TO_QUARTER}
         AND NOT EXISTS (SELECT 1 FROM stipend_street_report r WHERE r.programme_id = $1 AND r.street_id = p.street_id
                           AND r.year = $4 AND r.quarter = $5 AND r.status IN ('submitted', 'approved'))
       GROUP BY p.street_id ORDER BY p.street_id`,
      [programmeId, quarterStart(year, quarter), quarterEnd(year, quarter), year, quarter],
    );
  }
}
