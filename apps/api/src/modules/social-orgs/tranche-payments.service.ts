import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, type AgreementView } from '@xiaoshi/contracts';
import {
  AGREEMENT_MOVES,
  DIRECT_EXPENDITURE_MOVES,
  TRANCHE_MOVES,
  canMove,
  type DirectExpenditureStatus,
} from '@xiaoshi/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthenticatedActor } from '../../common/actor.js';
import { requireMove } from '../../common/state-moves.js';
import { AccessService } from '../access/access.service.js';
import { AuditService } from '../audit/audit.service.js';
import { BudgetsService } from '../budgets/budgets.service.js';
import { PaymentsService } from '../payments/payments.service.js';
import { AgreementsService } from './agreements.service.js';
import type { SocialOrgAgreement, SocialOrgTranche } from './social-orgs.entities.js';
import { SocialOrgsRepository } from './social-orgs.repository.js';

/** A tranche's expenditure belongs to it: the budgets module approves it only through this flow. */
const trancheSource = (tranche: SocialOrgTranche) => ({ source: 'social_org_tranche' as const, sourceId: tranche.id });

/**
 * Requesting an agreement's tranche, in one transaction that holds the agreement's row lock (the
 * same lock an evaluation takes): the 尾款 only when a passed evaluation exists, then its budget
 * commitment (the planned expenditure already on the line, or a new one) through the budgets
 * module and the payment request through the payments module, which finance approves (another
 * officer) and records as paid. A second request — concurrent or not — finds the tranche
 * requested and is refused; a rejected payment frees the tranche for a new request.
 */
@Injectable()
export class TranchePaymentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly budgets: BudgetsService,
    private readonly payments: PaymentsService,
    private readonly agreements: AgreementsService,
    private readonly repository: SocialOrgsRepository,
  ) {}

  async request(actor: AuthenticatedActor, trancheId: number, now = new Date()): Promise<AgreementView> {
    const agreementId = await this.dataSource.transaction(async (manager) => {
      const found = await this.repository.trancheById(trancheId, manager);
      if (!found) throw new DomainError('NOT_FOUND');
      await this.access.requireRows(
        actor.user,
        'social_orgs.manage',
        'social_org_agreement',
        'unit_id',
        [found.agreementId],
        manager,
      );
      // The agreement lock first: evaluations take it too, so the gate below cannot race one.
      const agreement = (await this.repository.lockAgreement(manager, found.agreementId))!;
      const tranche = (await this.repository.lockTranche(manager, trancheId))!;
      await this.requestable(manager, actor, agreement, tranche);
      const passed =
        tranche.condition === 'after_evaluation' ? await this.repository.passedEvaluation(manager, agreement.id) : null;
      if (tranche.condition === 'after_evaluation' && !passed) throw new DomainError('SOCIAL_ORG_EVALUATION_REQUIRED');
      const expenditureId = await this.committedExpenditure(manager, actor, agreement, tranche);
      const { payment } = await this.payments.request(
        actor,
        {
          directExpenditureId: expenditureId,
          amountFen: tranche.amountFen,
          purpose: `${agreement.title}·${tranche.label}`.slice(0, 200),
        },
        undefined,
        manager,
      );
      const before = { status: tranche.status, paymentId: tranche.paymentId };
      Object.assign(tranche, {
        status: 'requested',
        directExpenditureId: expenditureId,
        paymentId: payment.id,
        passedEvaluationId: passed?.id ?? null,
        requestedByUserId: actor.user.id,
        requestedAt: now,
      });
      await this.repository.saveTranches(manager, [tranche]);
      await this.audit.record(manager, actor, {
        action: 'social_org_tranche.request',
        entityType: 'social_org_agreement',
        entityId: agreement.id,
        before,
        after: {
          trancheId,
          label: tranche.label,
          amountFen: tranche.amountFen,
          paymentId: payment.id,
          directExpenditureId: expenditureId,
          passedEvaluationId: passed?.id ?? null,
        },
      });
      return agreement.id;
    });
    return this.agreements.get(actor.user, agreementId);
  }

  /** Pending, or requested before with a payment that finance has since rejected. */
  private async requestable(
    manager: EntityManager,
    actor: AuthenticatedActor,
    agreement: SocialOrgAgreement,
    tranche: SocialOrgTranche,
  ): Promise<void> {
    requireMove(AGREEMENT_MOVES, agreement.status, 'request_tranche');
    const move = requireMove(TRANCHE_MOVES, tranche.status, tranche.status === 'requested' ? 'rerequest' : 'request');
    if (move.action === 'rerequest') {
      const payment = await this.payments.get(actor.user, tranche.paymentId!, manager);
      if (payment.status !== 'rejected') throw new DomainError('SOCIAL_ORG_TRANCHE_REQUESTED');
    }
  }

  /** The tranche's commitment on the budget line, made (or reused) through the budgets module. */
  private async committedExpenditure(
    manager: EntityManager,
    actor: AuthenticatedActor,
    agreement: SocialOrgAgreement,
    tranche: SocialOrgTranche,
  ): Promise<number> {
    if (tranche.directExpenditureId === null) {
      const created = await this.budgets.createDirectExpenditure(
        actor,
        {
          budgetLineId: agreement.budgetLineId,
          title: `${agreement.title}·${tranche.label}`.slice(0, 100),
          description: `社会组织服务协议 #${agreement.id} 第${tranche.seq}笔`,
          amountFen: tranche.amountFen,
        },
        manager,
        trancheSource(tranche),
      );
      await this.budgets.approveDirectExpenditure(actor, created.id, manager, 'social_org_tranche');
      return created.id;
    }
    const [expenditure] = (await this.budgets.listDirectExpenditures(actor.user, agreement.budgetLineId, manager)).filter(
      (candidate) => candidate.id === tranche.directExpenditureId,
    );
    if (!expenditure) throw new DomainError('NOT_FOUND');
    // Planned: this request commits it. Otherwise it must already be committed (or paid in part).
    if (canMove(DIRECT_EXPENDITURE_MOVES, expenditure.status as DirectExpenditureStatus, 'approve'))
      await this.budgets.approveDirectExpenditure(actor, expenditure.id, manager, 'social_org_tranche');
    else requireMove(DIRECT_EXPENDITURE_MOVES, expenditure.status, 'record_payment');
    return expenditure.id;
  }
}
