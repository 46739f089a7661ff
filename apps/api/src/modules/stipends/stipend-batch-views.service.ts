import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DomainError,
  STIPEND_BATCH_FIRST_LINES,
  type Page,
  type StipendBatchLinesQuery,
  type StipendBatchLineView,
  type StipendBatchListQuery,
  type StipendBatchSummaryView,
  type StipendBatchView,
} from '@xiaoshi/contracts';
import { STIPEND_BATCH_MOVES, actionsFrom } from '@xiaoshi/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/actor.js';
import { AccessService } from '../access/access.service.js';
import type { StipendBatch } from './stipend-batch.entity.js';
import { StipendBatchesRepository, type BatchSummaryRow } from './stipend-batches.repository.js';
import { periodLabel, personalData } from './stipend-common.js';

function summaryView(row: BatchSummaryRow): StipendBatchSummaryView {
  return {
    id: row.id,
    programme: row.programme,
    kind: row.kind,
    period: periodLabel(row),
    year: row.year,
    quarter: row.quarter,
    electionDate: row.electionDate,
    status: row.status,
    totalFen: row.totalFen,
    peopleCount: row.peopleCount,
    preparedBy: row.preparedBy,
    preparedAt: row.preparedAt.toISOString(),
    approvedBy: row.approvedBy,
    approvedAt: row.approvedAt?.toISOString() ?? null,
    paidBy: row.paidBy,
    paidAt: row.paidAt?.toISOString() ?? null,
    version: row.version,
  };
}

/**
 * Batches as people read them: the list, one batch with its lines and totals by street (a street
 * officer sees only their street's), and what the reader may do with it now — the moves of
 * STIPEND_BATCH_MOVES their permissions allow, never approving a batch they prepared.
 */
@Injectable()
export class StipendBatchViewsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly repository: StipendBatchesRepository,
  ) {}

  /** A batch of a programme in the user's scope, 404 otherwise; row-locked when it is about to move. */
  async reachable(
    user: AuthUser,
    id: number,
    permission: 'stipends.read' | 'stipends.approve' | 'stipends.pay',
    manager: EntityManager,
    lock = false,
  ): Promise<StipendBatch> {
    await this.ownerOfReachable(user, id, permission, manager);
    const batch = await this.repository.find(manager, id, lock);
    if (!batch) throw new DomainError('NOT_FOUND');
    return batch;
  }

  /**
   * The unit that runs the programme of a batch in the user's scope (which lines they see
   * follows from it), 404 otherwise. One query: a page of lines reads nothing else of the batch.
   */
  async ownerOfReachable(
    user: AuthUser,
    id: number,
    permission: 'stipends.read' | 'stipends.approve' | 'stipends.pay',
    manager: EntityManager,
  ): Promise<number> {
    this.access.requirePermission(user, permission);
    const owner = await this.repository.reachableOwner(manager, user, id);
    if (owner === null) throw new DomainError('NOT_FOUND');
    return owner;
  }

  async list(user: AuthUser, query: StipendBatchListQuery): Promise<Page<StipendBatchSummaryView>> {
    this.access.requirePermission(user, 'stipends.read');
    const rows = await this.repository.page(this.dataSource.manager, user, query);
    const items = rows.slice(0, query.limit).map(summaryView);
    return { items, nextCursor: rows.length > query.limit ? items[items.length - 1].id : null };
  }

  /**
   * A batch with its street totals and its first lines; a street officer sees only their street's
   * lines and totals. The rest of the lines page through `lines()`.
   */
  async get(user: AuthUser, id: number, manager: EntityManager = this.dataSource.manager): Promise<StipendBatchView> {
    const ownerUnitId = await this.ownerOfReachable(user, id, 'stipends.read', manager);
    const batch = await this.repository.find(manager, id);
    if (!batch) throw new DomainError('NOT_FOUND');
    const { ruleVersion, rejectReason, paymentReference, ...summary } = await this.repository.detail(manager, id);
    const byStreet = await this.repository.streetTotals(manager, user, id);
    const first = await this.linesAfter(user, { id, ownerUnitId }, STIPEND_BATCH_FIRST_LINES, undefined, manager);
    return {
      ...summaryView(summary),
      ruleVersion,
      rejectReason,
      paymentReference,
      byStreet,
      lineCount: byStreet.reduce((sum, street) => sum + street.people, 0),
      lines: first.items,
      linesNextCursor: first.nextCursor,
      availableActions: this.actionsFor(user, batch),
    };
  }

  /** A page of a batch's lines the user may see, personal data masked. */
  async lines(user: AuthUser, id: number, query: StipendBatchLinesQuery): Promise<Page<StipendBatchLineView>> {
    const manager = this.dataSource.manager;
    const ownerUnitId = await this.ownerOfReachable(user, id, 'stipends.read', manager);
    return this.linesAfter(user, { id, ownerUnitId }, query.limit, query.cursor, manager);
  }

  private async linesAfter(
    user: AuthUser,
    batch: { id: number; ownerUnitId: number },
    limit: number,
    cursor: number | undefined,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Page<StipendBatchLineView>> {
    const rows = await this.repository.linesPage(manager, user, batch, limit, cursor);
    // Masked for every role: the clear values are an audited reveal, or the bank payroll.
    const show = personalData(false);
    const items = rows.slice(0, limit).map((line) => ({
      personId: line.personId,
      name: line.name,
      nationalId: show.nationalId(line.nationalId),
      street: line.street,
      community: line.community,
      bankName: line.bankName,
      bankAccount: show.bankAccount(line.bankAccount),
      months: line.months,
      monthlyRateFen: line.monthlyRateFen,
      amountFen: line.amountFen,
      detail: line.detail,
    }));
    return { items, nextCursor: rows.length > limit ? rows[limit - 1].lineId : null };
  }

  private actionsFor(user: AuthUser, batch: StipendBatch): StipendBatchView['availableActions'] {
    return actionsFrom(STIPEND_BATCH_MOVES, batch.status, [...user.permissions]).filter(
      (action) => action !== 'approve' || batch.preparedByUserId !== user.id,
    );
  }
}
