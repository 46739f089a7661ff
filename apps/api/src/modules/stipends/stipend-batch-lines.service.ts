import { Injectable } from '@nestjs/common';
import { DomainError, type GenerateStipendBatchRequest } from '@xiaoshi/contracts';
import { quarterAmount, quarterMonths } from '@xiaoshi/domain';
import type { EntityManager } from 'typeorm';
import type { StipendBatchKind } from './stipend-batch.entity.js';
import { StipendBatchesRepository, type NewBatchLine } from './stipend-batches.repository.js';
import { fields, programmeQuarter } from './stipend-common.js';
import { StipendDeparturesService } from './stipend-departures.service.js';
import type { StipendProgramme } from './stipend-programme.entity.js';
import { StipendRatesService } from './stipend-rates.service.js';

/** What a batch will pay: its period, the rules it was computed with, one line per payee. */
export interface PreparedLines {
  kind: StipendBatchKind;
  year: number;
  quarter: number | null;
  electionDate: string | null;
  ruleVersionId: number | null;
  lines: NewBatchLine[];
}

/**
 * What a new batch pays (docs/decisions/0005): a quarter from its approved street reports only —
 * and only once every street that must report is approved — under the month rule in force on its
 * first day; an election's departures from the one-off rule tables. Refuses a period that already
 * has a live batch (the programme row lock held by the caller serialises this check).
 */
@Injectable()
export class StipendBatchLinesService {
  constructor(
    private readonly rates: StipendRatesService,
    private readonly departures: StipendDeparturesService,
    private readonly repository: StipendBatchesRepository,
  ) {}

  forProgramme(manager: EntityManager, programme: StipendProgramme, body: GenerateStipendBatchRequest): Promise<PreparedLines> {
    return programme.kind === 'monthly_quarterly' ? this.quarterly(manager, programme, body) : this.oneOff(manager, programme, body);
  }

  private async quarterly(manager: EntityManager, programme: StipendProgramme, body: GenerateStipendBatchRequest): Promise<PreparedLines> {
    const { year, quarter } = body;
    if (year === undefined || quarter === undefined || body.electionDate !== undefined) {
      throw new DomainError('VALIDATION_FAILED', fields([['quarter', '请给出年度和季度', 'Give the year and the quarter']]));
    }
    if (await this.repository.hasLiveBatch(manager, programme.id, { kind: 'quarterly', year, quarter }))
      throw new DomainError('STIPEND_BATCH_EXISTS');
    const period = programmeQuarter(programme.id, year, quarter);
    const pending = await this.repository.streetsNotApproved(manager, period);
    if (pending.length) {
      const names = pending.join('、');
      throw new DomainError(
        'STIPEND_REPORTS_PENDING',
        fields([['streets', `以下街道的季度报送尚未审核通过：${names}`, `Not yet approved: ${names}`]]),
      );
    }
    const { rule, version } = await this.rates.monthRuleOn(manager, programme.id, period.start);
    const months = quarterMonths(year, quarter);
    const lines: NewBatchLine[] = [];
    for (const entry of await this.repository.approvedEntries(manager, period)) {
      const { months: paid, amount } = quarterAmount(
        {
          eligibleFrom: entry.eligibleFrom,
          eligibleUntil: entry.eligibleUntil,
          monthlyRate: entry.monthlyRateFen,
          suspendedMonths: entry.status === 'suspended' ? months : [],
        },
        year,
        quarter,
        rule,
      );
      if (amount === 0) continue;
      const { eligibleFrom: _from, eligibleUntil: _until, status: _status, ...frozen } = entry;
      lines.push({ ...frozen, months: paid, amountFen: amount });
    }
    return { kind: 'quarterly', year, quarter, electionDate: null, ruleVersionId: version?.id ?? null, lines };
  }

  private async oneOff(manager: EntityManager, programme: StipendProgramme, body: GenerateStipendBatchRequest): Promise<PreparedLines> {
    const { electionDate } = body;
    if (!electionDate || body.year !== undefined || body.quarter !== undefined) {
      throw new DomainError('VALIDATION_FAILED', fields([['electionDate', '请给出换届选举日期', 'Give the election date']]));
    }
    if (await this.repository.hasLiveBatch(manager, programme.id, { kind: 'one_off', electionDate }))
      throw new DomainError('STIPEND_BATCH_EXISTS');
    const computed = await this.departures.compute(manager, programme, electionDate, null);
    return {
      kind: 'one_off',
      year: Number(electionDate.slice(0, 4)),
      quarter: null,
      electionDate,
      ruleVersionId: computed.ruleVersionId,
      lines: computed.lines,
    };
  }
}
