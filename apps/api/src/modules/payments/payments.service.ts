import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DomainError,
  fieldMessage,
  type CreatePaymentRequest,
  type PaymentListQuery,
  type PaymentView,
  type RecordPaymentRequest,
  type RejectPaymentRequest,
  type ReversePaymentRequest,
} from '@xiaoshi/contracts';
import { checkPaymentRequest } from '@xiaoshi/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthUser, AuthenticatedActor } from '../../common/actor.js';
import { PG_CHECK_VIOLATION, PG_UNIQUE_VIOLATION, pgErrorOf } from '../../database/postgres-errors.js';
import { AccessService } from '../access/access.service.js';
import { AuditService } from '../audit/audit.service.js';
import { DirectExpenditure } from '../budgets/direct-expenditure.entity.js';
import { LedgerService } from '../budgets/ledger.service.js';
import { Project } from '../delivery/delivery.entities.js';
import { DeliveryService } from '../delivery/delivery.service.js';
import { Payment } from './payment.entity.js';

const PAYMENT_COLUMNS = `pay.*, pay.paid_on::text AS paid_day, ru.display_name AS requested_by_name, au.display_name AS approved_by_name,
  coalesce(p.title, d.title) AS title, coalesce(cm.name || '（' || s.name || '）', lu.name) AS payee`;
const PAYMENT_JOINS = `JOIN app_user ru ON ru.id = pay.requested_by_user_id LEFT JOIN app_user au ON au.id = pay.approved_by_user_id
  LEFT JOIN project p ON p.id = pay.project_id LEFT JOIN org_unit cm ON cm.id = p.community_id LEFT JOIN org_unit s ON s.id = p.street_id
  LEFT JOIN direct_expenditure d ON d.id = pay.direct_expenditure_id JOIN budget_line bl ON bl.id = pay.budget_line_id JOIN org_unit lu ON lu.id = bl.unit_id`;

function toView(row: Record<string, unknown>): PaymentView {
  const iso = (value: unknown) => (value ? (value as Date).toISOString() : null);
  return {
    id: row.id as number,
    source: row.source as PaymentView['source'],
    projectId: row.project_id as number | null,
    directExpenditureId: row.direct_expenditure_id as number | null,
    budgetLineId: row.budget_line_id as number,
    payee: row.payee as string,
    title: row.title as string,
    amountFen: Number(row.amount_fen),
    purpose: row.purpose as string,
    status: row.status as PaymentView['status'],
    requestedBy: { id: row.requested_by_user_id as number, name: row.requested_by_name as string },
    requestedAt: iso(row.requested_at)!,
    approvedBy: row.approved_by_user_id
      ? { id: row.approved_by_user_id as number, name: row.approved_by_name as string }
      : null,
    approvedAt: iso(row.approved_at),
    rejectedReason: row.rejected_reason as string | null,
    paidOn: row.paid_day as string | null,
    voucherNo: row.voucher_no as string | null,
    bankReference: row.bank_reference as string | null,
    recordedAt: iso(row.recorded_at),
    reversedReason: row.reversed_reason as string | null,
    reversedAt: iso(row.reversed_at),
    version: row.version as number,
  };
}

/**
 * Payments in tranches and of direct expenditures: request (≤ released and not yet requested or
 * paid) → approval by another finance officer (maker–checker, CHECK-backed) → recorded as paid
 * with one ledger payment entry → possibly reversed with a reason. Every step audited in its
 * transaction; every step row-locks the payment, so concurrent attempts serialise.
 */
@Injectable()
export class PaymentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly ledger: LedgerService,
    private readonly delivery: DeliveryService,
  ) {}

  private scopeCondition(user: AuthUser, param: number) {
    return this.access.unitScopeCondition(user, 'pay.unit_id', param);
  }

  async list(user: AuthUser, query: PaymentListQuery): Promise<PaymentView[]> {
    this.access.requirePermission(user, 'payments.read');
    const params: unknown[] = [user.unit.id];
    const filters: string[] = [];
    for (const [column, value] of [
      ['pay.status', query.status],
      ['pay.project_id', query.projectId],
      ['pay.direct_expenditure_id', query.directExpenditureId],
    ] as const) {
      if (value === undefined) continue;
      params.push(value);
      filters.push(`AND ${column} = $${params.length}`);
    }
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT ${PAYMENT_COLUMNS} FROM payment pay ${PAYMENT_JOINS} WHERE ${this.scopeCondition(user, 1)} ${filters.join(' ')} ORDER BY pay.id DESC LIMIT 1000`,
      params,
    );
    return rows.map(toView);
  }

  async get(
    user: AuthUser,
    id: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<PaymentView> {
    this.access.requirePermission(user, 'payments.read');
    const [row]: Array<Record<string, unknown>> = await manager.query(
      `SELECT ${PAYMENT_COLUMNS} FROM payment pay ${PAYMENT_JOINS} WHERE pay.id = $1 AND ${this.scopeCondition(user, 2)}`,
      [id, user.unit.id],
    );
    if (!row) throw new DomainError('NOT_FOUND');
    return toView(row);
  }

  /** A payment the user may act on with `permission`, row-locked. */
  private async locked(
    manager: EntityManager,
    user: AuthUser,
    id: number,
    permission: 'payments.approve' | 'payments.record',
  ): Promise<Payment> {
    this.access.requirePermission(user, permission);
    const payment = await manager.findOne(Payment, { where: { id }, lock: { mode: 'pessimistic_write' } });
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
  ): Promise<{ created: boolean; payment: PaymentView }> {
    this.access.requirePermission(actor.user, 'payments.request');
    const key = headerKey?.trim() || body.idempotencyKey || null;
    const replay = async (): Promise<{ created: boolean; payment: PaymentView } | null> => {
      if (!key) return null;
      const existing = await this.dataSource.manager.findOneBy(Payment, { requestKey: key });
      if (!existing) return null;
      const same =
        existing.amountFen === body.amountFen &&
        existing.projectId === (body.projectId ?? null) &&
        existing.directExpenditureId === (body.directExpenditureId ?? null) &&
        existing.requestedByUserId === actor.user.id;
      if (!same) throw new DomainError('IDEMPOTENCY_KEY_REUSED');
      return { created: false, payment: await this.get(actor.user, existing.id) };
    };
    const earlier = outer ? null : await replay();
    if (earlier) return earlier;
    try {
      const work = async (manager: EntityManager) => {
        let budgetLineId: number;
        let unitId: number;
        let counted: number;
        let released: number;
        if (body.projectId) {
          await this.delivery.reachable(actor.user, body.projectId, manager);
          // The project row lock serialises requests against the same released amount.
          const project = await manager.findOneOrFail(Project, {
            where: { id: body.projectId },
            lock: { mode: 'pessimistic_write' },
          });
          const money = await this.delivery.moneyOf(manager, project);
          budgetLineId = project.budgetLineId;
          unitId = project.communityId;
          released = money.releasedFen;
          counted = money.requestedFen + money.paidFen;
        } else {
          const expenditure = await manager.findOne(DirectExpenditure, {
            where: { id: body.directExpenditureId! },
            lock: { mode: 'pessimistic_write' },
          });
          if (!expenditure) throw new DomainError('NOT_FOUND');
          await this.access.requireRows(
            actor.user,
            'payments.request',
            'budget_line',
            'unit_id',
            [expenditure.budgetLineId],
            manager,
          );
          if (!['committed', 'paid'].includes(expenditure.status)) {
            throw new DomainError('INVALID_TRANSITION', {
              directExpenditureId: fieldMessage('该支出尚未批准列支', 'The expenditure is not committed yet'),
            });
          }
          const [{ unit_id }]: Array<{ unit_id: number }> = await manager.query(
            `SELECT unit_id FROM budget_line WHERE id = $1`,
            [expenditure.budgetLineId],
          );
          const [{ total }]: Array<{ total: string }> = await manager.query(
            `SELECT coalesce(sum(amount_fen), 0) AS total FROM payment WHERE direct_expenditure_id = $1 AND status IN ('requested', 'approved', 'paid')`,
            [expenditure.id],
          );
          budgetLineId = expenditure.budgetLineId;
          unitId = unit_id;
          released = expenditure.amountFen;
          counted = Number(total);
        }
        const violations = checkPaymentRequest({ released, alreadyPaid: counted, requested: body.amountFen });
        if (violations.length) {
          throw new DomainError(
            violations[0].code === 'PAYMENT_OVER_RELEASED' ? 'PAYMENT_OVER_RELEASED' : 'VALIDATION_FAILED',
            { amountFen: fieldMessage(violations[0].zh, violations[0].en) },
          );
        }
        const payment = await manager.save(
          manager.create(Payment, {
            source: body.projectId ? 'award' : 'direct_expenditure',
            projectId: body.projectId ?? null,
            directExpenditureId: body.directExpenditureId ?? null,
            budgetLineId,
            unitId,
            amountFen: body.amountFen,
            purpose: body.purpose,
            status: 'requested',
            requestKey: key,
            requestedByUserId: actor.user.id,
          }),
        );
        await this.audit.record(manager, actor, {
          action: 'payment.request',
          entityType: 'payment',
          entityId: payment.id,
          after: {
            status: 'requested',
            amountFen: body.amountFen,
            projectId: payment.projectId,
            directExpenditureId: payment.directExpenditureId,
            releasedFen: released,
            countedFen: counted,
          },
        });
        return payment.id;
      };
      const id = outer ? await work(outer) : await this.dataSource.transaction(work);
      return { created: true, payment: await this.get(actor.user, id, outer) };
    } catch (error) {
      if (
        pgErrorOf(error)?.code === PG_UNIQUE_VIOLATION &&
        pgErrorOf(error)?.constraint === 'uq_payment_request_key'
      ) {
        const again = await replay();
        if (again) return again;
      }
      throw error;
    }
  }

  async approve(actor: AuthenticatedActor, id: number, now = new Date()): Promise<PaymentView> {
    try {
      await this.dataSource.transaction(async (manager) => {
        const payment = await this.locked(manager, actor.user, id, 'payments.approve');
        if (payment.status !== 'requested') throw new DomainError('INVALID_TRANSITION');
        if (payment.requestedByUserId === actor.user.id) throw new DomainError('PAYMENT_SELF_APPROVAL');
        payment.status = 'approved';
        payment.approvedByUserId = actor.user.id;
        payment.approvedAt = now;
        await manager.save(payment);
        await this.audit.record(manager, actor, {
          action: 'payment.approve',
          entityType: 'payment',
          entityId: id,
          before: { status: 'requested' },
          after: { status: 'approved', amountFen: payment.amountFen },
        });
      });
    } catch (error) {
      if (
        pgErrorOf(error)?.code === PG_CHECK_VIOLATION &&
        pgErrorOf(error)?.constraint === 'chk_payment_maker_checker'
      )
        throw new DomainError('PAYMENT_SELF_APPROVAL');
      throw error;
    }
    return this.get(actor.user, id);
  }

  async reject(actor: AuthenticatedActor, id: number, body: RejectPaymentRequest): Promise<PaymentView> {
    await this.dataSource.transaction(async (manager) => {
      const payment = await this.locked(manager, actor.user, id, 'payments.approve');
      if (!['requested', 'approved'].includes(payment.status)) throw new DomainError('INVALID_TRANSITION');
      const before = payment.status;
      payment.status = 'rejected';
      payment.rejectedReason = body.reason;
      await manager.save(payment);
      await this.audit.record(manager, actor, {
        action: 'payment.reject',
        entityType: 'payment',
        entityId: id,
        before: { status: before },
        after: { status: 'rejected', reason: body.reason },
      });
    });
    return this.get(actor.user, id);
  }

  /**
   * Records an approved payment as paid and moves the money on the ledger, once. The payment row
   * is locked: concurrent attempts wait and then find it paid. A retry carrying the same
   * idempotency key (header `Idempotency-Key` or body `idempotencyKey`) gets the recorded payment
   * back (200); any other attempt gets 409 PAYMENT_ALREADY_RECORDED. The unique voucher number
   * and the unique ledger entry reference stand behind the lock.
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
      await this.dataSource.transaction(async (manager) => {
        const payment = await this.locked(manager, actor.user, id, 'payments.record');
        if (payment.status === 'paid' || payment.status === 'reversed') {
          if (key && payment.recordKey === key) return;
          throw new DomainError('PAYMENT_ALREADY_RECORDED');
        }
        if (payment.status !== 'approved') throw new DomainError('INVALID_TRANSITION');
        if (payment.projectId) {
          // Belt and braces: what is paid or pending never exceeds what is released.
          const project = await manager.findOneOrFail(Project, {
            where: { id: payment.projectId },
            lock: { mode: 'pessimistic_write' },
          });
          const money = await this.delivery.moneyOf(manager, project);
          if (money.requestedFen + money.paidFen > money.releasedFen)
            throw new DomainError('PAYMENT_OVER_RELEASED');
        }
        const entry = await this.ledger.apply(manager, actor, {
          budgetLineId: payment.budgetLineId,
          kind: 'payment',
          source: payment.source,
          sourceId: payment.projectId
            ? (await manager.findOneByOrFail(Project, { id: payment.projectId })).applicationId
            : payment.directExpenditureId,
          amountFen: payment.amountFen,
          reason: `拨付 #${payment.id}：${payment.purpose}（凭证号 ${body.voucherNo}）`,
        });
        payment.status = 'paid';
        payment.paidOn = body.paidOn;
        payment.voucherNo = body.voucherNo;
        payment.bankReference = body.bankReference;
        payment.recordKey = key;
        payment.recordedByUserId = actor.user.id;
        payment.recordedAt = now;
        payment.ledgerEntryId = entry.id;
        await manager.save(payment);
        if (payment.directExpenditureId) await this.syncExpenditure(manager, payment.directExpenditureId);
        await this.audit.record(manager, actor, {
          action: 'payment.record',
          entityType: 'payment',
          entityId: id,
          before: { status: 'approved' },
          after: {
            status: 'paid',
            paidOn: body.paidOn,
            voucherNo: body.voucherNo,
            bankReference: body.bankReference,
            ledgerEntryId: entry.id,
            amountFen: payment.amountFen,
          },
        });
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
    return this.get(actor.user, id);
  }

  /** A mistaken payment is reversed with a reason (ledger payment_reversal), never deleted. */
  async reverse(
    actor: AuthenticatedActor,
    id: number,
    body: ReversePaymentRequest,
    now = new Date(),
  ): Promise<PaymentView> {
    await this.dataSource.transaction(async (manager) => {
      const payment = await this.locked(manager, actor.user, id, 'payments.record');
      if (payment.status !== 'paid') throw new DomainError('INVALID_TRANSITION');
      const entry = await this.ledger.apply(manager, actor, {
        budgetLineId: payment.budgetLineId,
        kind: 'payment_reversal',
        source: payment.source,
        sourceId: payment.projectId
          ? (await manager.findOneByOrFail(Project, { id: payment.projectId })).applicationId
          : payment.directExpenditureId,
        amountFen: payment.amountFen,
        reason: `冲销拨付 #${payment.id}：${body.reason}`,
      });
      payment.status = 'reversed';
      payment.reversalEntryId = entry.id;
      payment.reversedReason = body.reason;
      payment.reversedByUserId = actor.user.id;
      payment.reversedAt = now;
      await manager.save(payment);
      if (payment.directExpenditureId) await this.syncExpenditure(manager, payment.directExpenditureId);
      await this.audit.record(manager, actor, {
        action: 'payment.reverse',
        entityType: 'payment',
        entityId: id,
        before: { status: 'paid' },
        after: { status: 'reversed', reason: body.reason, reversalEntryId: entry.id },
      });
    });
    return this.get(actor.user, id);
  }

  /** A direct expenditure is 'paid' when its payments cover it, 'committed' again after a reversal. */
  private async syncExpenditure(manager: EntityManager, expenditureId: number) {
    await manager.query(
      `UPDATE direct_expenditure d SET status = CASE WHEN paid.total >= d.amount_fen THEN 'paid' ELSE 'committed' END, version = version + 1, updated_at = now()
       FROM (SELECT coalesce(sum(amount_fen), 0) AS total FROM payment WHERE direct_expenditure_id = $1 AND status = 'paid') paid
       WHERE d.id = $1 AND d.status IN ('committed', 'paid')`,
      [expenditureId],
    );
  }
}
