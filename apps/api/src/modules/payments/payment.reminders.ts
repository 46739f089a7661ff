import { Injectable } from '@nestjs/common';
import { nudgeDue } from '@xiaoshi/domain';
import {
  ReminderSource,
  type DueReminder,
  type ReminderContext,
  type ReminderSourceProvider,
} from '../../common/reminder-source.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { PaymentRemindersRepository } from './payment-reminders.repository.js';

/** A waiting payment is nudged on the first working day after the request, then every 3 working days. */
export const PAYMENT_NUDGE_EVERY = 3;

/** Payments awaiting approval: to the district's finance officers, never the requester (maker–checker). */
@Injectable()
@ReminderSource()
export class PaymentReminders implements ReminderSourceProvider {
  constructor(
    private readonly repository: PaymentRemindersRepository,
    private readonly notifications: NotificationsService,
  ) {}

  async reminders(context: ReminderContext): Promise<DueReminder[]> {
    const waiting = (await this.repository.awaitingApproval()).filter((row) =>
      nudgeDue(row.requested_on, context.date, PAYMENT_NUDGE_EVERY, context.calendar),
    );
    if (!waiting.length) return [];
    const finance = await this.notifications.usersWithRoleByUnit('finance', waiting.map((row) => row.district_id));
    return waiting.map((row) => ({
      kind: 'payment.awaiting_approval',
      recipients: (finance.get(row.district_id) ?? []).filter((userId) => userId !== row.requested_by_user_id),
      subject: { type: 'payment', id: row.id },
      due: null,
      params: { purpose: row.purpose, amountFen: Number(row.amount_fen), requestedOn: row.requested_on },
      link: '/payments',
    }));
  }
}
