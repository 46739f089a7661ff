import { Injectable } from '@nestjs/common';
import {
  DomainError,
  fieldMessage,
  type CreatePaymentRequest,
  type PaymentListQuery,
  type PaymentView,
} from '@xiaoshi/contracts';
import { checkPaymentRequest } from '@xiaoshi/domain';
import type { EntityManager } from 'typeorm';
import type { AuthUser, AuthenticatedActor } from '../../common/actor.js';
import { PG_UNIQUE_VIOLATION, pgErrorOf } from '../../database/postgres-errors.js';
import { AccessService } from '../access/access.service.js';
import { AuditService } from '../audit/audit.service.js';
import { BudgetsService } from '../budgets/budgets.service.js';
import { DeliveryService } from '../delivery/delivery.service.js';
import type { Payment } from './payment.entity.js';
import { PaymentsRepository } from './payments.repository.js';

export interface RequestOutcome {
  created: boolean;
  payment: PaymentView;
}

/** What a request is paid from: its budget line and scope, what is released and already counted. */
interface PaymentSource {
  budgetLineId: number;
  unitId: number;
  releasedFen: number;
  countedFen: number;
}

/**
 * Payment requests (拨付申请) of a project's tranches or of a direct expenditure: never above what
 * is released and not yet requested or paid, decided under the source's row lock; and reading
 * payments within the user's scope.
 */
@Injectable()
export class PaymentRequestsService {
  constructor(
    private readonly repository: PaymentsRepository,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly budgets: BudgetsService,
    private readonly delivery: DeliveryService,
  ) {}

  list(user: AuthUser, query: PaymentListQuery): Promise<PaymentView[]> {
    this.access.requirePermission(user, 'payments.read');
    return this.repository.list(user, query);
  }

  async get(user: AuthUser, id: number, manager: EntityManager = this.repository.manager): Promise<PaymentView> {
    this.access.requirePermission(user, 'payments.read');
    const payment = await this.repository.view(manager, user, id);
    if (!payment) throw new DomainError('NOT_FOUND');
    return payment;
  }

  /** A payment the user may act on with `permission`, row-locked: concurrent steps serialise. */
  async locked(
    manager: EntityManager,
    user: AuthUser,
    id: number,
    permission: 'payments.approve' | 'payments.record',
  ): Promise<Payment> {
    this.access.requirePermission(user, permission);
    const payment = await this.repository.lock(manager, id);
    if (!payment) throw new DomainError('NOT_FOUND');
    await this.access.requireUnits(user, permission, [payment.unitId], manager);
    return payment;
  }

  /**
   * Requests a payment. With an idempotency key (header `Idempotency-Key`, or body
   * `idempotencyKey`) a retried request returns the payment the first one created.
   */
  async request(
    actor: AuthenticatedActor,
    body: CreatePaymentRequest,
    headerKey?: string,
    /**
     * The caller's transaction, when the request is one step of a larger change that holds its own
     * lock (a social organisation's 尾款 behind its evaluation gate); no idempotency key then.
     */
    outer?: EntityManager,
  ): Promise<RequestOutcome> {
    this.access.requirePermission(actor.user, 'payments.request');
    const key = headerKey?.trim() || body.idempotencyKey || null;
    const earlier = outer ? null : await this.replay(actor, body, key);
    if (earlier) return earlier;
    try {
      const work = (manager: EntityManager) => this.create(manager, actor, body, key);
      const id = outer ? await work(outer) : await this.repository.transaction(work);
      return { created: true, payment: await this.get(actor.user, id, outer) };
    } catch (error) {
      const pg = pgErrorOf(error);
      if (pg?.code === PG_UNIQUE_VIOLATION && pg.constraint === 'uq_payment_request_key') {
        const again = await this.replay(actor, body, key);
        if (again) return again;
      }
      throw error;
    }
  }

  /** The payment an earlier request with the same key created; the key reused for another is refused. */
  private async replay(
    actor: AuthenticatedActor,
    body: CreatePaymentRequest,
    key: string | null,
  ): Promise<RequestOutcome | null> {
    if (!key) return null;
    const existing = await this.repository.findByRequestKey(key);
    if (!existing) return null;
    const same =
      existing.amountFen === body.amountFen &&
      existing.projectId === (body.projectId ?? null) &&
      existing.directExpenditureId === (body.directExpenditureId ?? null) &&
      existing.requestedByUserId === actor.user.id;
    if (!same) throw new DomainError('IDEMPOTENCY_KEY_REUSED');
    return { created: false, payment: await this.get(actor.user, existing.id) };
  }

  private async create(
    manager: EntityManager,
    actor: AuthenticatedActor,
    body: CreatePaymentRequest,
    key: string | null,
  ): Promise<number> {
    const source = body.projectId
      ? await this.projectSource(manager, actor.user, body.projectId)
      : await this.expenditureSource(manager, actor.user, body.directExpenditureId!);
    const violations = checkPaymentRequest({
      released: source.releasedFen,
      alreadyPaid: source.countedFen,
      requested: body.amountFen,
    });
    if (violations.length) {
      throw new DomainError(
        violations[0].code === 'PAYMENT_OVER_RELEASED' ? 'PAYMENT_OVER_RELEASED' : 'VALIDATION_FAILED',
        { amountFen: fieldMessage(violations[0].zh, violations[0].en) },
      );
    }
    const payment = await this.repository.insert(manager, {
      source: body.projectId ? 'award' : 'direct_expenditure',
      projectId: body.projectId ?? null,
      directExpenditureId: body.directExpenditureId ?? null,
      budgetLineId: source.budgetLineId,
      unitId: source.unitId,
      amountFen: body.amountFen,
      purpose: body.purpose,
      status: 'requested',
      requestKey: key,
      requestedByUserId: actor.user.id,
    });
    await this.audit.record(manager, actor, {
      action: 'payment.request',
      entityType: 'payment',
      entityId: payment.id,
      after: {
        status: payment.status,
        amountFen: body.amountFen,
        projectId: payment.projectId,
        directExpenditureId: payment.directExpenditureId,
        releasedFen: source.releasedFen,
        countedFen: source.countedFen,
      },
    });
    return payment.id;
  }

  /** A project's tranches: the project row lock serialises requests against the same released amount. */
  private async projectSource(manager: EntityManager, user: AuthUser, projectId: number): Promise<PaymentSource> {
    const project = await this.delivery.forPayment(manager, projectId, user);
    return {
      budgetLineId: project.budgetLineId,
      unitId: project.communityId,
      releasedFen: project.money.releasedFen,
      countedFen: project.money.requestedFen + project.money.paidFen,
    };
  }

  /** A committed direct expenditure, under its row lock: its whole amount is released. */
  private async expenditureSource(manager: EntityManager, user: AuthUser, expenditureId: number): Promise<PaymentSource> {
    const expenditure = await this.budgets.expenditureForPayment(manager, expenditureId);
    await this.access.requireRows(user, 'payments.request', 'budget_line', 'unit_id', [expenditure.budgetLineId], manager);
    if (!expenditure.payable) {
      throw new DomainError('INVALID_TRANSITION', {
        directExpenditureId: fieldMessage('该支出尚未批准列支', 'The expenditure is not committed yet'),
      });
    }
    const sums = await this.repository.expenditureSums(manager, expenditureId);
    return {
      budgetLineId: expenditure.budgetLineId,
      unitId: expenditure.unitId,
      releasedFen: expenditure.amountFen,
      countedFen: sums.countedFen,
    };
  }
}
