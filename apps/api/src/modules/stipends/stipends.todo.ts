import { Injectable } from '@nestjs/common';
import { quarterOf, shanghaiDate } from '@xiaoshi/domain';
import type { AuthUser } from '../../common/actor.js';
import { TodoSource, type TodoItem, type TodoSourceProvider } from '../../common/todo-source.js';
import { quarterEnd, quarterStart } from './stipend-common.js';
import { StipendsFiguresRepository, type ProgrammeWorkRow } from './stipends-figures.repository.js';

type Tab = 'reports' | 'batches';

/** The page of a programme's tab: building leaders have their own page, one-off batches sit with the cadres'. */
function programmeLink(row: ProgrammeWorkRow, tab: Tab, extra: Record<string, string | number> = {}): string {
  const page = row.roster_kind === 'building_leader' ? '/building-leaders' : '/stipends';
  const params = new URLSearchParams();
  if (row.kind === 'monthly_quarterly') params.set('programme', String(row.programme_id));
  params.set('tab', tab);
  for (const [key, value] of Object.entries(extra)) params.set(key, String(value));
  return `${page}?${params.toString()}`;
}

function period(row: ProgrammeWorkRow): { year: number; quarter: number } | null {
  return row.first_period === null
    ? null
    : { year: Math.floor(row.first_period / 10), quarter: row.first_period % 10 };
}

/**
 * 待办 of the stipends cycle (docs/decisions/0005): a street reports its roster each quarter (due
 * by the quarter's last day); the district audits the reports; finance approves batches another
 * officer prepared (maker–checker) and marks approved batches paid. One item per programme.
 */
@Injectable()
@TodoSource()
export class StipendsTodo implements TodoSourceProvider {
  constructor(private readonly repository: StipendsFiguresRepository) {}

  async todos(user: AuthUser, now: Date): Promise<TodoItem[]> {
    const groups = await Promise.all([
      this.toFile(user, now),
      this.toAudit(user),
      this.batches(user, 'prepared'),
      this.batches(user, 'approved'),
    ]);
    return groups.flat();
  }

  private async toFile(user: AuthUser, now: Date): Promise<TodoItem[]> {
    if (!user.permissions.has('stipends.report') || user.unit.kind !== 'street') return [];
    const current = quarterOf(shanghaiDate(now));
    if (!current) return [];
    const { year, quarter } = current;
    const due = quarterEnd(year, quarter);
    const rows = await this.repository.reportsToFile(user, year, quarter, quarterStart(year, quarter), due);
    return rows.map((row) => ({
      kind: 'stipends.report_to_file',
      count: 1,
      link: programmeLink(row, 'reports', { year, quarter }),
      label: {
        zh: `${row.programme}：${year}年第${quarter}季度名册待报送`,
        en: `${row.programme}: roster for ${year} Q${quarter} to report`,
      },
      oldestDue: due,
    }));
  }

  private async toAudit(user: AuthUser): Promise<TodoItem[]> {
    if (!user.permissions.has('stipends.audit')) return [];
    const rows = await this.repository.reportsToAudit(user);
    return rows.map((row) => {
      const first = period(row);
      return {
        kind: 'stipends.report_to_audit',
        count: row.count,
        link: programmeLink(row, 'reports', first ?? {}),
        label: { zh: `${row.programme}：待审核的街道名册`, en: `${row.programme}: street rosters to audit` },
        oldestDue: first ? quarterEnd(first.year, first.quarter) : null,
      };
    });
  }

  private async batches(user: AuthUser, status: 'prepared' | 'approved'): Promise<TodoItem[]> {
    const permission = status === 'prepared' ? 'stipends.approve' : 'stipends.pay';
    if (!user.permissions.has(permission)) return [];
    const rows = await this.repository.batchesWaiting(user, status, status === 'prepared' ? user.id : null);
    return rows.map((row) => ({
      kind: status === 'prepared' ? 'stipends.batch_to_approve' : 'stipends.batch_to_pay',
      count: row.count,
      link: programmeLink(row, 'batches', row.only_id ? { batch: row.only_id } : {}),
      label:
        status === 'prepared'
          ? { zh: `${row.programme}：待审批的发放批次`, en: `${row.programme}: batches to approve` }
          : { zh: `${row.programme}：已审批、待发放的批次`, en: `${row.programme}: approved batches to pay` },
      oldestDue: null,
    }));
  }
}
