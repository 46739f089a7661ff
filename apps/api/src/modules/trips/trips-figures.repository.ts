import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../../common/actor.js';
import { AccessService } from '../access/access.service.js';

export interface TripsWaitingRow {
  count: number;
  /** The only trip concerned, or null when there are several. */
  only_id: number | null;
  first_start: string | null;
}

/** Read-only figures of study trips for the 工作台. */
@Injectable()
export class TripsFiguresRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  /** Trips in the user's scope submitted for approval, with the earliest start date. */
  async submitted(user: AuthUser): Promise<TripsWaitingRow> {
    const [row]: TripsWaitingRow[] = await this.dataSource.query(
      `SELECT count(*)::int AS count, CASE WHEN count(*) = 1 THEN min(t.id) END AS only_id,
              to_char(min(t.start_date), 'YYYY-MM-DD') AS first_start
       FROM study_trip t
       WHERE t.status = 'submitted' AND ${this.access.unitScopeCondition(user, 't.unit_id', 1)}`,
      [user.unit.id],
    );
    return row;
  }
}
