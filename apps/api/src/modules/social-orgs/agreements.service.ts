import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DomainError,
  fieldMessage,
  type AgreementListQuery,
  type AgreementView,
  type CreateAgreementRequest,
  type CreateEvaluationRequest,
  type FieldErrors,
} from '@xiaoshi/contracts';
import {
  AGREEMENT_MOVES,
  DEFAULT_EVALUATION_CRITERIA,
  DIRECT_EXPENDITURE_MOVES,
  canMove,
  type DirectExpenditureStatus,
  checkAgreementTranches,
  checkCriteria,
  scoreEvaluation,
  shanghaiDate,
  trancheDue,
} from '@xiaoshi/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthUser, AuthenticatedActor } from '../../common/actor.js';
import { requireMove } from '../../common/state-moves.js';
import { violationsToFields } from '../../common/violations.js';
import { PG_UNIQUE_VIOLATION, pgErrorOf } from '../../database/postgres-errors.js';
import { AccessService } from '../access/access.service.js';
import { AuditService } from '../audit/audit.service.js';
import { BudgetsService } from '../budgets/budgets.service.js';
import { PaymentsService } from '../payments/payments.service.js';
import type { SocialOrgAgreement, SocialOrgTranche } from './social-orgs.entities.js';
import { SocialOrgsRepository } from './social-orgs.repository.js';


/**
 * Service agreements with social organisations and their supervision and evaluation (督导评估):
 * deliverables, a payment plan whose last tranche (尾款) waits for a passed evaluation, tranches
 * that may pay a planned direct expenditure already on the line (the seed's 2025 尾款), and
 * evaluations scored per criterion against the agreement's pass mark, recorded once.
 */
@Injectable()
export class AgreementsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly budgets: BudgetsService,
    private readonly payments: PaymentsService,
    private readonly repository: SocialOrgsRepository,
  ) {}

  async list(user: AuthUser, query: AgreementListQuery): Promise<AgreementView[]> {
    this.access.requirePermission(user, 'social_orgs.read');
    const ids = await this.repository.agreementIds(this.access.unitScopeCondition(user, 'a.unit_id', 1), user.unit.id, query);
    return this.views(user, ids);
  }

  async get(user: AuthUser, id: number, manager?: EntityManager): Promise<AgreementView> {
    await this.access.requireRows(user, 'social_orgs.read', 'social_org_agreement', 'unit_id', [id], manager);
    return (await this.views(user, [id], manager))[0];
  }

  private async views(user: AuthUser, ids: readonly number[], manager?: EntityManager): Promise<AgreementView[]> {
    if (!ids.length) return [];
    const agreements = await this.repository.agreements(ids, manager);
    const [tranches, evaluations] = await Promise.all([
      this.repository.tranches(ids, manager),
      this.repository.evaluations(ids, manager),
    ]);
    const orgs = await this.repository.orgs([...new Set(agreements.map((agreement) => agreement.socialOrgId))], manager);
    const lines = await this.repository.lineNames(agreements.map((agreement) => agreement.budgetLineId), manager);
    const communities = await this.repository.unitNames(agreements.flatMap((agreement) => agreement.serviceCommunityIds), manager);
    const paymentStatus = new Map<number, { status: string; amountFen: number }>();
    for (const tranche of tranches.filter((candidate) => candidate.paymentId !== null)) {
      const payment = await this.payments.get(user, tranche.paymentId!, manager ?? this.dataSource.manager);
      paymentStatus.set(tranche.id, { status: payment.status, amountFen: payment.amountFen });
    }
    return agreements.map((agreement) => {
      const own = evaluations.filter((evaluation) => evaluation.agreementId === agreement.id);
      const criteria = new Map(agreement.criteria.map((criterion) => [criterion.key, criterion]));
      const ownTranches = tranches.filter((tranche) => tranche.agreementId === agreement.id);
      return {
        id: agreement.id,
        socialOrg: { id: agreement.socialOrgId, name: orgs.find((org) => org.id === agreement.socialOrgId)?.name ?? '' },
        title: agreement.title,
        year: agreement.year,
        budgetLine: { id: agreement.budgetLineId, name: lines.get(agreement.budgetLineId)?.name ?? '' },
        amountFen: agreement.amountFen,
        signedOn: agreement.signedOn,
        startDate: agreement.startDate,
        endDate: agreement.endDate,
        status: agreement.status,
        serviceCommunities: agreement.serviceCommunityIds.map((id) => ({ id, name: communities.get(id) ?? '' })),
        deliverables: agreement.deliverables,
        tranches: ownTranches.map((tranche) => {
          const payment = paymentStatus.get(tranche.id) ?? null;
          const paid = payment?.status === 'paid';
          return {
            id: tranche.id,
            seq: tranche.seq,
            label: tranche.label,
            amountFen: tranche.amountFen,
            condition: tranche.condition,
            status: paid ? 'paid' : tranche.status,
            directExpenditureId: tranche.directExpenditureId,
            paymentId: tranche.paymentId,
            paymentStatus: payment?.status ?? null,
            requestedAt: tranche.requestedAt?.toISOString() ?? null,
            due:
              (tranche.status === 'pending' || payment?.status === 'rejected') && trancheDue(tranche.condition, own).due,
          };
        }),
        criteria: agreement.criteria,
        passMark: agreement.passMark,
        evaluations: own.map((evaluation) => ({
          id: evaluation.id,
          kind: evaluation.kind,
          evaluatedOn: evaluation.evaluatedOn,
          evaluator: evaluation.evaluator,
          scores: evaluation.scores.map((score) => ({
            key: score.key,
            name: criteria.get(score.key)?.name ?? score.key,
            maxPoints: criteria.get(score.key)?.maxPoints ?? 0,
            points: score.points,
            comment: score.comment,
          })),
          totalPoints: evaluation.totalPoints,
          maxPoints: evaluation.maxPoints,
          passMark: evaluation.passMark,
          passed: evaluation.passed,
          summary: evaluation.summary,
          recordedBy: evaluation.recordedBy,
        })),
        paidFen: ownTranches.reduce(
          (sum, tranche) =>
            sum + (tranche.status === 'settled_outside' || paymentStatus.get(tranche.id)?.status === 'paid' ? tranche.amountFen : 0),
          0,
        ),
        isDemo: agreement.isDemo,
        version: agreement.version,
      };
    });
  }

  async create(actor: AuthenticatedActor, body: CreateAgreementRequest): Promise<AgreementView> {
    const criteria = body.criteria ?? [...DEFAULT_EVALUATION_CRITERIA];
    const problems = [
      ...checkAgreementTranches(body.amountFen, body.tranches),
      ...checkCriteria(criteria, body.passMark),
      ...(body.endDate < body.startDate
        ? [{ field: 'endDate', code: 'END_BEFORE_START', zh: '结束日期早于开始日期', en: 'The end date is before the start date' }]
        : []),
    ];
    body.tranches.forEach((tranche, index) => {
      if (tranche.settledOutside && tranche.directExpenditureId)
        problems.push({
          field: `tranches.${index}.directExpenditureId`,
          code: 'SETTLED_WITH_EXPENDITURE',
          zh: '已在系统外结清的款项不能再关联本年度支出',
          en: 'A tranche settled outside cannot also pay an expenditure here',
        });
      if (tranche.settledOutside && tranche.condition === 'after_evaluation')
        problems.push({
          field: `tranches.${index}.settledOutside`,
          code: 'FINAL_SETTLED_OUTSIDE',
          zh: '尾款须在评估合格后通过本系统支付',
          en: 'The final payment is paid here, after a passed evaluation',
        });
    });
    if (problems.length) throw new DomainError('VALIDATION_FAILED', violationsToFields(problems));
    let id: number;
    try {
      id = await this.dataSource.transaction(async (manager) => {
        await this.access.requireRows(actor.user, 'social_orgs.manage', 'social_org', 'unit_id', [body.socialOrgId], manager);
        await this.access.requireRows(actor.user, 'social_orgs.manage', 'budget_line', 'unit_id', [body.budgetLineId], manager);
        const [org] = await this.repository.orgs([body.socialOrgId], manager);
        const line = (await this.repository.lineNames([body.budgetLineId], manager)).get(body.budgetLineId)!;
        if (line.unitId !== org.unitId)
          throw new DomainError('VALIDATION_FAILED', {
            budgetLineId: fieldMessage('请选择本区的预算线', 'Choose a budget line of the district'),
          });
        const communities = await this.repository.communitiesOf(manager, org.unitId, body.serviceCommunityIds);
        if (communities.length !== new Set(body.serviceCommunityIds).size)
          throw new DomainError('VALIDATION_FAILED', {
            serviceCommunityIds: fieldMessage('请选择本区的社区', 'Choose communities of the district'),
          });
        await this.checkLinkedExpenditures(manager, actor.user, body);
        const agreement = await this.repository.saveAgreement(manager, {
          unitId: org.unitId,
          socialOrgId: org.id,
          title: body.title,
          year: body.year,
          budgetLineId: body.budgetLineId,
          amountFen: body.amountFen,
          signedOn: body.signedOn,
          startDate: body.startDate,
          endDate: body.endDate,
          status: 'active',
          serviceCommunityIds: [...new Set(body.serviceCommunityIds)],
          deliverables: body.deliverables.map((deliverable) => ({ title: deliverable.title, target: deliverable.target ?? null })),
          criteria,
          passMark: body.passMark,
          createdByUserId: actor.user.id,
        });
        const tranches = await this.repository.saveTranches(
          manager,
          body.tranches.map((tranche, index) => ({
            agreementId: agreement.id,
            seq: index + 1,
            label: tranche.label,
            amountFen: tranche.amountFen,
            condition: tranche.condition,
            status: tranche.settledOutside ? 'settled_outside' : 'pending',
            directExpenditureId: tranche.directExpenditureId ?? null,
          })),
        );
        await this.assignLinkedExpenditures(manager, actor, agreement.budgetLineId, tranches);
        await this.audit.record(manager, actor, {
          action: 'social_org_agreement.create',
          entityType: 'social_org_agreement',
          entityId: agreement.id,
          after: { socialOrgId: org.id, title: agreement.title, amountFen: agreement.amountFen, tranches: body.tranches },
        });
        return agreement.id;
      });
    } catch (error) {
      if (pgErrorOf(error)?.code === PG_UNIQUE_VIOLATION)
        throw new DomainError('CONFLICT', {
          tranches: fieldMessage('该支出已由另一笔协议款项支付', 'That expenditure is already paid by another tranche'),
        });
      throw error;
    }
    return this.get(actor.user, id);
  }

  /** A tranche may pay a planned expenditure already on the line: same line and amount, still planned. */
  private async checkLinkedExpenditures(manager: EntityManager, user: AuthUser, body: CreateAgreementRequest): Promise<void> {
    const linked = body.tranches.filter((tranche) => tranche.directExpenditureId);
    if (!linked.length) return;
    const expenditures = await this.budgets.listDirectExpenditures(user, body.budgetLineId, manager);
    const problems: FieldErrors = {};
    body.tranches.forEach((tranche, index) => {
      if (!tranche.directExpenditureId) return;
      const expenditure = expenditures.find((candidate) => candidate.id === tranche.directExpenditureId);
      const unclaimedPlan =
        expenditure?.source === null && canMove(DIRECT_EXPENDITURE_MOVES, expenditure.status as DirectExpenditureStatus, 'approve');
      if (!expenditure || !unclaimedPlan || expenditure.amountFen !== tranche.amountFen)
        problems[`tranches.${index}.directExpenditureId`] = fieldMessage(
          '须为本预算线上金额相同、尚未列支的计划支出',
          'Must be a planned expenditure of the same line and amount, not yet committed',
        );
    });
    if (Object.keys(problems).length) throw new DomainError('VALIDATION_FAILED', problems);
  }

  /**
   * The planned expenditures the tranches pay become theirs in the budgets module: from now on only
   * the tranche's request (behind its evaluation gate) approves and pays them.
   */
  private async assignLinkedExpenditures(
    manager: EntityManager,
    actor: AuthenticatedActor,
    budgetLineId: number,
    tranches: readonly SocialOrgTranche[],
  ): Promise<void> {
    for (const tranche of tranches) {
      if (tranche.directExpenditureId === null) continue;
      const assigned = await this.budgets.assignToTranche(
        manager,
        actor,
        tranche.directExpenditureId,
        { budgetLineId, amountFen: tranche.amountFen },
        { source: 'social_org_tranche', sourceId: tranche.id },
      );
      if (!assigned)
        throw new DomainError('VALIDATION_FAILED', {
          [`tranches.${tranche.seq - 1}.directExpenditureId`]: fieldMessage(
            '须为本预算线上金额相同、尚未列支的计划支出',
            'Must be a planned expenditure of the same line and amount, not yet committed',
          ),
        });
    }
  }

  /** Records a supervision evaluation (督导评估) under the agreement's row lock; never edited. */
  async evaluate(actor: AuthenticatedActor, id: number, body: CreateEvaluationRequest, now = new Date()): Promise<AgreementView> {
    await this.dataSource.transaction(async (manager) => {
      await this.access.requireRows(actor.user, 'social_orgs.manage', 'social_org_agreement', 'unit_id', [id], manager);
      const agreement = (await this.repository.lockAgreement(manager, id)) as SocialOrgAgreement;
      requireMove(AGREEMENT_MOVES, agreement.status, 'evaluate');
      if (body.evaluatedOn > shanghaiDate(now))
        throw new DomainError('VALIDATION_FAILED', {
          evaluatedOn: fieldMessage('评估日期不能晚于今天', 'The evaluation date cannot be in the future'),
        });
      const result = scoreEvaluation(agreement.criteria, body.scores, agreement.passMark);
      if (result.violations.length) throw new DomainError('VALIDATION_FAILED', violationsToFields(result.violations));
      const evaluation = await this.repository.saveEvaluation(manager, {
        agreementId: id,
        kind: body.kind,
        evaluatedOn: body.evaluatedOn,
        evaluator: body.evaluator,
        scores: body.scores.map((score) => ({ key: score.key, points: score.points, comment: score.comment ?? null })),
        totalPoints: result.totalPoints,
        maxPoints: result.maxPoints,
        passMark: agreement.passMark,
        passed: result.passed,
        summary: body.summary,
        recordedByUserId: actor.user.id,
      });
      await this.audit.record(manager, actor, {
        action: 'social_org_agreement.evaluate',
        entityType: 'social_org_agreement',
        entityId: id,
        after: { evaluationId: evaluation.id, kind: body.kind, totalPoints: result.totalPoints, passMark: agreement.passMark, passed: result.passed },
      });
    });
    return this.get(actor.user, id);
  }
}
