import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export interface AwaitingPaymentRow {
  id: number;
  purpose: string;
  amount_fen: string;
  district_id: number;
  requested_by_user_id: number;
  requested_on: string;
}

/** Read-only queries behind the payment approval reminder (payment.reminders.ts). */
@Injectable()
export class PaymentRemindersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Payment requests waiting for approval, with the district whose finance officers approve them. */
  awaitingApproval(): Promise<AwaitingPaymentRow[]> {
    return this.dataSource.query(
      `SELECT pay.id, pay.purpose, pay.amount_fen, bl.unit_id AS district_id, pay.requested_by_user_id,
              (pay.requested_at AT TIME ZONE 'Asia/Shanghai')::date::text AS requested_on
       FROM payment pay JOIN budget_line bl ON bl.id = pay.budget_line_id
       WHERE pay.status = 'requested'
       ORDER BY pay.id`,
    );
  }
}
