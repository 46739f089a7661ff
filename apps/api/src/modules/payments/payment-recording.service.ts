import { Injectable } from '@nestjs/common';
import {
  DomainError,
  fieldMessage,
  type PaymentView,
  type RecordPaymentRequest,
  type ReversePaymentRequest,
} from '@xiaoshi/contracts';
import { PAYMENT_MOVES, isRecorded } from '@xiaoshi/domain';
import type { EntityManager } from 'typeorm';
import type { AuthenticatedActor } from '../../common/actor.js';
import { requireMove } from '../../common/state-moves.js';
import { PG_UNIQUE_VIOLATION, pgErrorOf } from '../../database/postgres-errors.js';
import { AuditService } from '../audit/audit.service.js';
import { BudgetsService } from '../budgets/budgets.service.js';
import { LedgerService } from '../budgets/ledger.service.js';
import { DeliveryService } from '../delivery/delivery.service.js';
import type { Payment } from './payment.entity.js';
import { PaymentRequestsService } from './payment-requests.service.js';
import { PaymentsRepository } from './payments.repository.js';

/**
 * Recording a payment as paid (登记支付) moves the money on the ledger, once; a mistaken one is
 * reversed with a reason (冲销), never deleted. Either way a direct expenditure's status follows
 * its payments, and a project paid in full after acceptance closes its application.
 */
@Injectable()
export class PaymentRecordingService {
  constructor(
    private readonly repository: PaymentsRepository,
    private readonly requests: PaymentRequestsService,
    private readonly audit: AuditService,
    private readonly ledger: LedgerService,
    private readonly budgets: BudgetsService,
    private readonly delivery: DeliveryService,
  ) {}

  /**
   * The payment row is locked: concurrent attempts wait and then find it paid. A retry carrying the
   * same idempotency key (header `Idempotency-Key` or body `idempotencyKey`) gets the recorded
   * payment back (200); any other attempt gets 409 PAYMENT_ALREADY_RECORDED. The unique voucher
   * number and the unique ledger entry reference stand behind the lock.
   */
  async record(
    actor: AuthenticatedActor,
    id: number,
    body: RecordPaymentRequest,
    headerKey?: string,
    now = new Date(),
  ): Promise<PaymentView> {
    const key = headerKey?.trim() || body.idempotencyKey || null;
    try {
      await this.repository.transaction(async (manager) => {
        const payment = await this.requests.locked(manager, actor.user, id, 'payments.record');
        if (isRecorded(payment.status)) {
          if (key && payment.recordKey === key) return;
          throw new DomainError('PAYMENT_ALREADY_RECORDED');
        }
        await this.recordPaid(manager, actor, payment, body, key, now);
      });
    } catch (error) {
      const pg = pgErrorOf(error);
      if (pg?.code === PG_UNIQUE_VIOLATION && pg.constraint === 'uq_payment_voucher_no') {
        throw new DomainError('VOUCHER_NUMBER_TAKEN', {
          voucherNo: fieldMessage('凭证号已被使用', 'This voucher number is already used'),
        });
      }
      if (pg?.code === PG_UNIQUE_VIOLATION && pg.constraint === 'uq_payment_record_key')
        throw new DomainError('IDEMPOTENCY_KEY_REUSED');
      throw error;
    }
    return this.requests.get(actor.user, id);
  }

  private async recordPaid(
    manager: EntityManager,
    actor: AuthenticatedActor,
    payment: Payment,
    body: RecordPaymentRequest,
    key: string | null,
    now: Date,
  ): Promise<void> {
    const move = requireMove(PAYMENT_MOVES, payment.status, 'record');
    let sourceId = payment.directExpenditureId;
    if (payment.projectId) {
      // Belt and braces: what is paid or pending never exceeds what is released.
      const project = await this.delivery.forPayment(manager, payment.projectId);
      if (project.money.requestedFen + project.money.paidFen > project.money.releasedFen)
        throw new DomainError('PAYMENT_OVER_RELEASED');
      sourceId = project.applicationId;
    }
    const entry = await this.ledger.apply(manager, actor, {
      budgetLineId: payment.budgetLineId,
      kind: 'payment',
      source: payment.source,
      sourceId,
      amountFen: payment.amountFen,
      reason: `拨付 #${payment.id}：${payment.purpose}（凭证号 ${body.voucherNo}）`,
    });
    const before = payment.status;
    Object.assign(payment, {
      status: move.to,
      paidOn: body.paidOn,
      voucherNo: body.voucherNo,
      bankReference: body.bankReference,
      recordKey: key,
      recordedByUserId: actor.user.id,
      recordedAt: now,
      ledgerEntryId: entry.id,
    } satisfies Partial<Payment>);
    await this.repository.save(manager, payment);
    await this.followSource(manager, actor, payment);
    await this.audit.record(manager, actor, {
      action: 'payment.record',
      entityType: 'payment',
      entityId: payment.id,
      before: { status: before },
      after: {
        status: move.to,
        paidOn: body.paidOn,
        voucherNo: body.voucherNo,
        bankReference: body.bankReference,
        ledgerEntryId: entry.id,
        amountFen: payment.amountFen,
      },
    });
  }

  async reverse(
    actor: AuthenticatedActor,
    id: number,
    body: ReversePaymentRequest,
    now = new Date(),
  ): Promise<PaymentView> {
    await this.repository.transaction(async (manager) => {
      const payment = await this.requests.locked(manager, actor.user, id, 'payments.record');
      const move = requireMove(PAYMENT_MOVES, payment.status, 'reverse');
      const sourceId = payment.projectId
        ? (await this.delivery.forPayment(manager, payment.projectId)).applicationId
        : payment.directExpenditureId;
      const entry = await this.ledger.apply(manager, actor, {
        budgetLineId: payment.budgetLineId,
        kind: 'payment_reversal',
        source: payment.source,
        sourceId,
        amountFen: payment.amountFen,
        reason: `冲销拨付 #${payment.id}：${body.reason}`,
      });
      const before = payment.status;
      Object.assign(payment, {
        status: move.to,
        reversalEntryId: entry.id,
        reversedReason: body.reason,
        reversedByUserId: actor.user.id,
        reversedAt: now,
      } satisfies Partial<Payment>);
      await this.repository.save(manager, payment);
      await this.followSource(manager, actor, payment);
      await this.audit.record(manager, actor, {
        action: 'payment.reverse',
        entityType: 'payment',
        entityId: id,
        before: { status: before },
        after: { status: move.to, reason: body.reason, reversalEntryId: entry.id },
      });
    });
    return this.requests.get(actor.user, id);
  }

  /**
   * What a recorded or reversed payment means for what it pays: a direct expenditure is 'paid'
   * once its payments cover it (budgets decides); a project paid in full after acceptance closes
   * its application (delivery decides).
   */
  private async followSource(manager: EntityManager, actor: AuthenticatedActor, payment: Payment): Promise<void> {
    if (payment.directExpenditureId) {
      const { paidFen } = await this.repository.expenditureSums(manager, payment.directExpenditureId);
      await this.budgets.expenditurePaymentsChanged(manager, payment.directExpenditureId, paidFen);
    }
    if (payment.projectId) await this.delivery.paymentRecorded(manager, actor, payment.projectId);
  }
}
