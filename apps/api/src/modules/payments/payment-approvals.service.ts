import { Injectable } from '@nestjs/common';
import { DomainError, type PaymentView, type RejectPaymentRequest } from '@xiaoshi/contracts';
import { PAYMENT_MOVES } from '@xiaoshi/domain';
import type { AuthenticatedActor } from '../../common/actor.js';
import { requireMove } from '../../common/state-moves.js';
import { PG_CHECK_VIOLATION, pgErrorOf } from '../../database/postgres-errors.js';
import { AuditService } from '../audit/audit.service.js';
import { PaymentRequestsService } from './payment-requests.service.js';
import { PaymentsRepository } from './payments.repository.js';

/**
 * Maker–checker (审批): a request is approved by a finance officer other than its requester (the
 * CHECK constraint stands behind the rule), or rejected with a reason while it is pending.
 */
@Injectable()
export class PaymentApprovalsService {
  constructor(
    private readonly repository: PaymentsRepository,
    private readonly requests: PaymentRequestsService,
    private readonly audit: AuditService,
  ) {}

  async approve(actor: AuthenticatedActor, id: number, now = new Date()): Promise<PaymentView> {
    try {
      await this.repository.transaction(async (manager) => {
        const payment = await this.requests.locked(manager, actor.user, id, 'payments.approve');
        const move = requireMove(PAYMENT_MOVES, payment.status, 'approve');
        if (payment.requestedByUserId === actor.user.id) throw new DomainError('PAYMENT_SELF_APPROVAL');
        const before = payment.status;
        Object.assign(payment, { status: move.to, approvedByUserId: actor.user.id, approvedAt: now });
        await this.repository.save(manager, payment);
        await this.audit.record(manager, actor, {
          action: 'payment.approve',
          entityType: 'payment',
          entityId: id,
          before: { status: before },
          after: { status: move.to, amountFen: payment.amountFen },
        });
      });
    } catch (error) {
      const pg = pgErrorOf(error);
      if (pg?.code === PG_CHECK_VIOLATION && pg.constraint === 'chk_payment_maker_checker')
        throw new DomainError('PAYMENT_SELF_APPROVAL');
      throw error;
    }
    return this.requests.get(actor.user, id);
  }

  async reject(actor: AuthenticatedActor, id: number, body: RejectPaymentRequest): Promise<PaymentView> {
    await this.repository.transaction(async (manager) => {
      const payment = await this.requests.locked(manager, actor.user, id, 'payments.approve');
      const move = requireMove(PAYMENT_MOVES, payment.status, 'reject');
      const before = payment.status;
      Object.assign(payment, { status: move.to, rejectedReason: body.reason });
      await this.repository.save(manager, payment);
      await this.audit.record(manager, actor, {
        action: 'payment.reject',
        entityType: 'payment',
        entityId: id,
        before: { status: before },
        after: { status: move.to, reason: body.reason },
      });
    });
    return this.requests.get(actor.user, id);
  }
}
