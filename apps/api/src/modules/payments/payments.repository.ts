import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PaymentListQuery, PaymentView } from '@xiaoshi/contracts';
import { COUNTED_PAYMENT_STATES } from '@xiaoshi/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/actor.js';
import { AccessService } from '../access/access.service.js';
import { Payment } from './payment.entity.js';

/** A payment with who asked and approved, what it is for and who receives it. */
interface PaymentRow {
  id: number;
  source: PaymentView['source'];
  project_id: number | null;
  direct_expenditure_id: number | null;
  budget_line_id: number;
  payee: string;
  title: string;
  amount_fen: string;
  purpose: string;
  status: PaymentView['status'];
  requested_by_user_id: number;
  requested_by_name: string;
  requested_at: Date;
  approved_by_user_id: number | null;
  approved_by_name: string | null;
  approved_at: Date | null;
  rejected_reason: string | null;
  paid_day: string | null;
  voucher_no: string | null;
  bank_reference: string | null;
  recorded_at: Date | null;
  reversed_reason: string | null;
  reversed_at: Date | null;
  version: number;
}

// The payee and the title come from the project (delivery) or the direct expenditure (budgets),
// read-only, with the names of the units and users concerned.
const PAYMENT_COLUMNS = `pay.id, pay.source, pay.project_id, pay.direct_expenditure_id, pay.budget_line_id, pay.amount_fen, pay.purpose,
  pay.status, pay.requested_by_user_id, pay.requested_at, pay.approved_by_user_id, pay.approved_at, pay.rejected_reason,
  pay.paid_on::text AS paid_day, pay.voucher_no, pay.bank_reference, pay.recorded_at, pay.reversed_reason, pay.reversed_at, pay.version,
  ru.display_name AS requested_by_name, au.display_name AS approved_by_name,
  coalesce(p.title, d.title) AS title, coalesce(cm.name || '（' || s.name || '）', lu.name) AS payee`;
const PAYMENT_JOINS = `JOIN app_user ru ON ru.id = pay.requested_by_user_id LEFT JOIN app_user au ON au.id = pay.approved_by_user_id
  LEFT JOIN project p ON p.id = pay.project_id LEFT JOIN org_unit cm ON cm.id = p.community_id LEFT JOIN org_unit s ON s.id = p.street_id
  LEFT JOIN direct_expenditure d ON d.id = pay.direct_expenditure_id JOIN budget_line bl ON bl.id = pay.budget_line_id JOIN org_unit lu ON lu.id = bl.unit_id`;

function toView(row: PaymentRow): PaymentView {
  return {
    id: row.id,
    source: row.source,
    projectId: row.project_id,
    directExpenditureId: row.direct_expenditure_id,
    budgetLineId: row.budget_line_id,
    payee: row.payee,
    title: row.title,
    amountFen: Number(row.amount_fen),
    purpose: row.purpose,
    status: row.status,
    requestedBy: { id: row.requested_by_user_id, name: row.requested_by_name },
    requestedAt: row.requested_at.toISOString(),
    approvedBy: row.approved_by_user_id ? { id: row.approved_by_user_id, name: row.approved_by_name ?? '' } : null,
    approvedAt: row.approved_at?.toISOString() ?? null,
    rejectedReason: row.rejected_reason,
    paidOn: row.paid_day,
    voucherNo: row.voucher_no,
    bankReference: row.bank_reference,
    recordedAt: row.recorded_at?.toISOString() ?? null,
    reversedReason: row.reversed_reason,
    reversedAt: row.reversed_at?.toISOString() ?? null,
    version: row.version,
  };
}

export type NewPayment = Pick<
  Payment,
  | 'source'
  | 'projectId'
  | 'directExpenditureId'
  | 'budgetLineId'
  | 'unitId'
  | 'amountFen'
  | 'purpose'
  | 'status'
  | 'requestKey'
  | 'requestedByUserId'
>;

/** The payment table: written here and nowhere else. */
@Injectable()
export class PaymentsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Payments in the user's scope, newest first, filtered by status, project or expenditure. */
  async list(user: AuthUser, query: PaymentListQuery): Promise<PaymentView[]> {
    const rows: PaymentRow[] = await this.dataSource.query(
      `SELECT ${PAYMENT_COLUMNS} FROM payment pay ${PAYMENT_JOINS}
       WHERE ${this.access.unitScopeCondition(user, 'pay.unit_id', 1)}
         AND ($2::varchar IS NULL OR pay.status = $2) AND ($3::int IS NULL OR pay.project_id = $3)
         AND ($4::int IS NULL OR pay.direct_expenditure_id = $4)
       ORDER BY pay.id DESC LIMIT 1000`,
      [user.unit.id, query.status ?? null, query.projectId ?? null, query.directExpenditureId ?? null],
    );
    return rows.map(toView);
  }

  /** One payment in the user's scope, or null. */
  async view(manager: EntityManager, user: AuthUser, id: number): Promise<PaymentView | null> {
    const [row]: PaymentRow[] = await manager.query(
      `SELECT ${PAYMENT_COLUMNS} FROM payment pay ${PAYMENT_JOINS} WHERE pay.id = $1 AND ${this.access.unitScopeCondition(user, 'pay.unit_id', 2)}`,
      [id, user.unit.id],
    );
    return row ? toView(row) : null;
  }

  findByRequestKey(key: string): Promise<Payment | null> {
    return this.dataSource.manager.findOneBy(Payment, { requestKey: key });
  }

  lock(manager: EntityManager, id: number): Promise<Payment | null> {
    return manager.findOne(Payment, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  insert(manager: EntityManager, values: NewPayment): Promise<Payment> {
    return manager.save(manager.create(Payment, values));
  }

  save(manager: EntityManager, payment: Payment): Promise<Payment> {
    return manager.save(payment);
  }

  /** What is asked for or paid on a direct expenditure, and what is paid. */
  async expenditureSums(manager: EntityManager, expenditureId: number): Promise<{ countedFen: number; paidFen: number }> {
    const [row]: Array<{ counted: string; paid: string }> = await manager.query(
      `SELECT coalesce(sum(amount_fen) FILTER (WHERE status = ANY($2::varchar[])), 0) AS counted,
              coalesce(sum(amount_fen) FILTER (WHERE status = 'paid'), 0) AS paid
       FROM payment WHERE direct_expenditure_id = $1`,
      [expenditureId, COUNTED_PAYMENT_STATES],
    );
    return { countedFen: Number(row.counted), paidFen: Number(row.paid) };
  }
}
