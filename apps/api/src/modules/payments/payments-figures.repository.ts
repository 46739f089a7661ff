import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../../common/actor.js';
import type { FigureScope } from '../../common/figure-scope.js';
import { AccessService } from '../access/access.service.js';

/** The street a payment went to: its unit is the project's community (or the district's own). */
const STREET_OF_PAYMENT = `CASE u.kind WHEN 'street' THEN u.id WHEN 'community' THEN u.parent_id END`;

export interface PaidByStreetAndLineRow {
  /** null for money that went to no street (direct expenditures of the district). */
  street_id: number | null;
  budget_line_id: number;
  paid_fen: string;
}

export interface PaidMonthRow {
  month: string;
  paid_fen: string;
}

export interface ProjectsPaidRow {
  paid_in_full: number;
  paid_fen: string;
}

export interface PaymentsWaitingRow {
  count: number;
  amount_fen: string;
}

/** Read-only figures of recorded payments for the dashboards and the finance 工作台. */
@Injectable()
export class PaymentsFiguresRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  /** Paid (not reversed) on the year's lines, by the street paid to. Ignores `competitionId`. */
  paidByStreetAndLine(scope: FigureScope): Promise<PaidByStreetAndLineRow[]> {
    return this.dataSource.query(
      `SELECT ${STREET_OF_PAYMENT} AS street_id, pay.budget_line_id, sum(pay.amount_fen) AS paid_fen
       FROM programme g
       JOIN budget_line l ON l.programme_id = g.id
       JOIN payment pay ON pay.budget_line_id = l.id AND pay.status = 'paid'
       JOIN org_unit u ON u.id = pay.unit_id
       WHERE g.unit_id = $2 AND g.year = $1 AND ($3::int IS NULL OR ${STREET_OF_PAYMENT} = $3)
       GROUP BY 1, 2`,
      [scope.year, scope.districtId, scope.streetId],
    );
  }

  /** Paid on the year's lines by the month the payment was recorded (Asia/Shanghai). */
  paidByMonth(scope: FigureScope): Promise<PaidMonthRow[]> {
    return this.dataSource.query(
      `SELECT to_char(pay.recorded_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, sum(pay.amount_fen) AS paid_fen
       FROM programme g
       JOIN budget_line l ON l.programme_id = g.id
       JOIN payment pay ON pay.budget_line_id = l.id AND pay.status = 'paid'
       JOIN org_unit u ON u.id = pay.unit_id
       WHERE g.unit_id = $2 AND g.year = $1 AND ($3::int IS NULL OR ${STREET_OF_PAYMENT} = $3)
       GROUP BY 1 ORDER BY 1`,
      [scope.year, scope.districtId, scope.streetId],
    );
  }

  /** The scope's projects: how many are paid in full, and everything paid to them. */
  async projectsPaid(scope: FigureScope): Promise<ProjectsPaidRow> {
    const [row]: ProjectsPaidRow[] = await this.dataSource.query(
      `WITH paid AS (
         SELECT p.id, p.amount_fen, coalesce(sum(pay.amount_fen), 0) AS paid_fen
         FROM programme g
         JOIN budget_line l ON l.programme_id = g.id
         JOIN project p ON p.budget_line_id = l.id
         LEFT JOIN payment pay ON pay.project_id = p.id AND pay.status = 'paid'
         WHERE g.unit_id = $2 AND g.year = $1
           AND ($3::int IS NULL OR p.street_id = $3) AND ($4::int IS NULL OR p.competition_id = $4)
         GROUP BY p.id, p.amount_fen
       )
       SELECT count(*) FILTER (WHERE paid_fen >= amount_fen)::int AS paid_in_full, coalesce(sum(paid_fen), 0) AS paid_fen
       FROM paid`,
      [scope.year, scope.districtId, scope.streetId, scope.competitionId],
    );
    return row;
  }

  /** Payments in the user's scope in a status; `notRequestedBy` leaves out the user's own requests. */
  async waiting(
    user: AuthUser,
    status: 'requested' | 'approved',
    notRequestedBy: number | null,
  ): Promise<PaymentsWaitingRow> {
    const [row]: PaymentsWaitingRow[] = await this.dataSource.query(
      `SELECT count(*)::int AS count, coalesce(sum(pay.amount_fen), 0) AS amount_fen
       FROM payment pay
       WHERE pay.status = $2 AND ($3::int IS NULL OR pay.requested_by_user_id <> $3)
         AND ${this.access.unitScopeCondition(user, 'pay.unit_id', 1)}`,
      [user.unit.id, status, notRequestedBy],
    );
    return row;
  }

  /** Recorded as paid in the user's scope since `since`. */
  async paidSince(user: AuthUser, since: Date): Promise<string> {
    const [row]: Array<{ paid_fen: string }> = await this.dataSource.query(
      `SELECT coalesce(sum(pay.amount_fen), 0) AS paid_fen FROM payment pay
       WHERE pay.status = 'paid' AND pay.recorded_at >= $2 AND ${this.access.unitScopeCondition(user, 'pay.unit_id', 1)}`,
      [user.unit.id, since],
    );
    return row.paid_fen;
  }
}
