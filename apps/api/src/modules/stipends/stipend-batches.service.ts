import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DomainError,
  type ApproveRequest,
  type GenerateStipendBatchRequest,
  type MarkStipendBatchPaidRequest,
  type ReturnWithReasonRequest,
  type StipendBatchView,
} from '@xiaoshi/contracts';
import { STIPEND_BATCH_MOVES, shanghaiDate, type StipendBatchAction } from '@xiaoshi/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthenticatedActor } from '../../common/actor.js';
import { requireMove } from '../../common/state-moves.js';
import { AuditService } from '../audit/audit.service.js';
import { LedgerService } from '../budgets/ledger.service.js';
import type { StipendBatch } from './stipend-batch.entity.js';
import { StipendBatchLinesService } from './stipend-batch-lines.service.js';
import { StipendBatchViewsService } from './stipend-batch-views.service.js';
import { StipendBatchesRepository } from './stipend-batches.repository.js';
import { fields, periodLabel, periodLabelZh, refusingDuplicates } from './stipend-common.js';
import type { StipendProgramme } from './stipend-programme.entity.js';
import { StipendProgrammesService } from './stipend-programmes.service.js';

const MOVE_PERMISSION = { approve: 'stipends.approve', reject: 'stipends.approve', mark_paid: 'stipends.pay' } as const;

/**
 * A batch's life (docs/decisions/0005): prepared once per period by one finance officer, approved
 * by another (maker–checker) — which commits its total on the budget line — or rejected, which
 * frees the period; marked paid once the bank has paid, which pays the commitment. The moves are
 * STIPEND_BATCH_MOVES; each happens in one transaction with its ledger entry and audit record.
 */
@Injectable()
export class StipendBatchesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly ledger: LedgerService,
    private readonly programmes: StipendProgrammesService,
    private readonly lines: StipendBatchLinesService,
    private readonly views: StipendBatchViewsService,
    private readonly repository: StipendBatchesRepository,
  ) {}

  /** Generates the batch of a quarter or an election, once: a second request gets 409 STIPEND_BATCH_EXISTS. */
  async generate(
    actor: AuthenticatedActor,
    programmeId: number,
    body: GenerateStipendBatchRequest,
    now = new Date(),
  ): Promise<StipendBatchView> {
    const prepared = await refusingDuplicates(
      () =>
        this.dataSource.transaction(async (manager) => {
          // The programme row lock serialises generations of one programme; the partial unique
          // indexes stay the last word should anything get past it.
          const programme = await this.programmes.reachable(actor.user, programmeId, 'stipends.prepare', manager, true);
          const { lines, ...period } = await this.lines.forProgramme(manager, programme, body);
          if (!lines.length) throw new DomainError('STIPEND_BATCH_EMPTY');
          const saved = await this.repository.insertPrepared(
            manager,
            { ...period, programmeId, preparedByUserId: actor.user.id, preparedAt: now },
            lines,
          );
          await this.audit.record(manager, actor, {
            action: 'stipend_batch.prepare',
            entityType: 'stipend_batch',
            entityId: saved.id,
            after: {
              programmeId,
              period: periodLabel(saved),
              totalFen: saved.totalFen,
              peopleCount: saved.peopleCount,
              ruleVersionId: saved.ruleVersionId,
            },
          });
          return saved;
        }),
      () => new DomainError('STIPEND_BATCH_EXISTS'),
    );
    await this.repository.refreshLineStatistics(this.dataSource, prepared.peopleCount);
    return this.views.get(actor.user, prepared.id);
  }

  /** Checker's approval: never by the preparer; commits the total on the budget line. */
  async approve(actor: AuthenticatedActor, id: number, body: ApproveRequest, now = new Date()): Promise<StipendBatchView> {
    await this.move(actor, id, 'approve', body.version, async (batch, programme, manager) => {
      if (batch.preparedByUserId === actor.user.id) throw new DomainError('STIPEND_SELF_APPROVAL');
      await this.ledger.apply(manager, actor, {
        budgetLineId: programme.budgetLineId,
        kind: 'commitment',
        source: 'stipend',
        sourceId: batch.id,
        amountFen: batch.totalFen,
        reason: `${programme.name} ${periodLabelZh(batch)} 发放批次 #${batch.id} 审批`,
      });
      Object.assign(batch, { approvedByUserId: actor.user.id, approvedAt: now });
      return { totalFen: batch.totalFen, preparedByUserId: batch.preparedByUserId };
    });
    return this.views.get(actor.user, id);
  }

  /** Refuses a prepared batch with a reason; its period can then be generated again. */
  async reject(actor: AuthenticatedActor, id: number, body: ReturnWithReasonRequest): Promise<StipendBatchView> {
    await this.move(actor, id, 'reject', body.version, async (batch) => {
      batch.rejectReason = body.reason;
      return { reason: body.reason };
    });
    return this.views.get(actor.user, id);
  }

  /** The bank has paid: pays the committed total on the budget line. */
  async markPaid(
    actor: AuthenticatedActor,
    id: number,
    body: MarkStipendBatchPaidRequest,
    now = new Date(),
  ): Promise<StipendBatchView> {
    await this.move(actor, id, 'mark_paid', body.version, async (batch, programme, manager) => {
      const paidOn = body.paidOn ?? shanghaiDate(now);
      if (paidOn > shanghaiDate(now))
        throw new DomainError(
          'VALIDATION_FAILED',
          fields([['paidOn', '发放日期不能晚于今天', 'The payment date cannot be in the future']]),
        );
      await this.ledger.apply(manager, actor, {
        budgetLineId: programme.budgetLineId,
        kind: 'payment',
        source: 'stipend',
        sourceId: batch.id,
        amountFen: batch.totalFen,
        reason: `${programme.name} ${periodLabelZh(batch)} 发放批次 #${batch.id} 已发放${body.reference ? `（${body.reference}）` : ''}`,
      });
      Object.assign(batch, { paidByUserId: actor.user.id, paidAt: now, paidOn, paymentReference: body.reference ?? null });
      return { totalFen: batch.totalFen, paidOn, reference: batch.paymentReference };
    });
    return this.views.get(actor.user, id);
  }

  /**
   * One move of STIPEND_BATCH_MOVES in one transaction: the batch locked, the move allowed from its
   * status (409 otherwise), the version current (409 otherwise), then `apply` — the move's own rules
   * and money, returning what the audit record adds — the new status saved and audited.
   */
  private async move(
    actor: AuthenticatedActor,
    id: number,
    action: Exclude<StipendBatchAction, 'payroll'>,
    version: number,
    apply: (batch: StipendBatch, programme: StipendProgramme, manager: EntityManager) => Promise<Record<string, unknown>>,
  ): Promise<void> {
    const permission = MOVE_PERMISSION[action];
    await this.dataSource.transaction(async (manager) => {
      const batch = await this.views.reachable(actor.user, id, permission, manager, true);
      const { to } = requireMove(STIPEND_BATCH_MOVES, batch.status, action, [...actor.user.permissions]);
      if (batch.version !== version) throw new DomainError('CONFLICT');
      const before = { status: batch.status };
      const programme = await this.programmes.reachable(actor.user, batch.programmeId, permission, manager);
      const details = await apply(batch, programme, manager);
      batch.status = to;
      await this.repository.save(manager, batch);
      await this.audit.record(manager, actor, {
        action: `stipend_batch.${action}`,
        entityType: 'stipend_batch',
        entityId: id,
        before,
        after: { status: to, ...details },
      });
    });
  }
}
