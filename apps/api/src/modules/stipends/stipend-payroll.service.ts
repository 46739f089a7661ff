import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { POST_LABELS, STIPEND_BATCH_MOVES, type Post } from '@xiaoshi/domain';
import type { DataSource } from 'typeorm';
import type { AuthenticatedActor } from '../../common/actor.js';
import { requireMove } from '../../common/state-moves.js';
import { AuditService } from '../audit/audit.service.js';
import { StipendBatchViewsService } from './stipend-batch-views.service.js';
import { StipendBatchesRepository, type BatchLineRow } from './stipend-batches.repository.js';
import { periodLabel, periodLabelZh, personalData } from './stipend-common.js';
import { writePayrollWorkbook, type PayrollLine } from './stipend-excel.js';
import { StipendProgrammesService } from './stipend-programmes.service.js';

/** The payroll's 备注: how a one-off subsidy or a building leader's rate was reached. */
function noteOf(detail: BatchLineRow['detail']): string {
  if (detail && typeof detail.highestPost === 'string')
    return `${POST_LABELS[detail.highestPost as Post].zh}，连续任满${String(detail.fullTerms)}届，${String(detail.months)}个月`;
  if (detail && typeof detail.buildings === 'string') return `${detail.buildings}，${String(detail.households)}户`;
  return '';
}

/**
 * 发放表: the bank's payroll of a batch (full ID numbers and accounts) — finance only, approved or
 * paid batches only, every download audited — or, masked, a review copy anyone who reads batches
 * may take (a street officer's has their street's lines only).
 */
@Injectable()
export class StipendPayrollService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly programmes: StipendProgrammesService,
    private readonly views: StipendBatchViewsService,
    private readonly repository: StipendBatchesRepository,
  ) {}

  /**
   * The workbook is streamed from the lines (read a page at a time) into a temporary file, then
   * sent from it and removed: memory stays flat whatever the batch's size, and a failure while
   * writing answers an error rather than a truncated download.
   */
  async workbook(
    actor: AuthenticatedActor,
    id: number,
    masked: boolean,
  ): Promise<{ fileName: string; stream: Readable; sizeBytes: number }> {
    const manager = this.dataSource.manager;
    const batch = await this.views.reachable(actor.user, id, masked ? 'stipends.read' : 'stipends.pay', manager);
    if (!masked) requireMove(STIPEND_BATCH_MOVES, batch.status, 'payroll', [...actor.user.permissions]);
    const programme = await this.programmes.reachable(actor.user, batch.programmeId, 'stipends.read', manager);
    const show = personalData(!masked);
    const repository = this.repository;
    async function* payroll(): AsyncGenerator<PayrollLine> {
      for await (const line of repository.eachLine(manager, actor.user, { id, ownerUnitId: programme.unitId })) {
        yield {
          street: line.street,
          community: line.community,
          name: line.name,
          nationalId: show.nationalId(line.nationalId),
          bankName: line.bankName,
          bankAccount: show.bankAccount(line.bankAccount),
          months: line.months,
          monthlyRateFen: line.monthlyRateFen,
          amountFen: line.amountFen,
          note: noteOf(line.detail),
        };
      }
    }
    const title = `${programme.name} ${periodLabelZh(batch)} 发放表（批次 #${batch.id}）`;
    const directory = await mkdtemp(path.join(tmpdir(), 'xiaoshi-payroll-'));
    const target = path.join(directory, 'payroll.xlsx');
    try {
      const written = await writePayrollWorkbook(target, title, payroll(), masked);
      if (!masked) {
        await this.audit.recordAlone(actor, {
          action: 'stipend_batch.payroll_export',
          entityType: 'stipend_batch',
          entityId: id,
          after: { lines: written.people, totalFen: batch.totalFen },
        });
      }
      const { size } = await stat(target);
      const stream = createReadStream(target);
      stream.once('close', () => void rm(directory, { recursive: true, force: true }));
      const fileName = `${programme.name}-${periodLabel(batch).replace(/\s+/g, '')}-${masked ? '核对表' : '发放表'}.xlsx`;
      return { fileName, stream, sizeBytes: size };
    } catch (error) {
      await rm(directory, { recursive: true, force: true });
      throw error;
    }
  }
}
