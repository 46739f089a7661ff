import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../../common/actor.js';
import { TodoSource, type TodoItem, type TodoSourceProvider } from '../../common/todo-source.js';
import { PaymentsFiguresRepository } from './payments-figures.repository.js';

/**
 * 待办 of the finance queue: payment requests made by someone else, to approve (a user never
 * approves their own: maker–checker), and approved payments to record as paid.
 */
@Injectable()
@TodoSource()
export class PaymentsTodo implements TodoSourceProvider {
  constructor(private readonly repository: PaymentsFiguresRepository) {}

  async todos(user: AuthUser): Promise<TodoItem[]> {
    const items: TodoItem[] = [];
    if (user.permissions.has('payments.approve')) {
      const row = await this.repository.waiting(user, 'requested', user.id);
      if (row.count > 0)
        items.push({
          kind: 'payments.to_approve',
          count: row.count,
          link: '/payments?tab=requested',
          label: { zh: '待审批的拨付申请', en: 'Payment requests to approve' },
          oldestDue: null,
        });
    }
    if (user.permissions.has('payments.record')) {
      const row = await this.repository.waiting(user, 'approved', null);
      if (row.count > 0)
        items.push({
          kind: 'payments.to_record',
          count: row.count,
          link: '/payments?tab=approved',
          label: { zh: '已审批、待登记支付', en: 'Approved payments to record as paid' },
          oldestDue: null,
        });
    }
    return items;
  }
}
