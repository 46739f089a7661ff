import { Injectable } from '@nestjs/common';
import { shanghaiDate } from '@xiaoshi/domain';
import type { AuthUser } from '../../common/actor.js';
import { TodoSource, type TodoItem, type TodoSourceProvider } from '../../common/todo-source.js';
import { DeliveryFiguresRepository } from './delivery-figures.repository.js';

/** The last day of the month of `today` ('YYYY-MM-DD'): monthly progress reports are due by then. */
function monthEnd(today: string): string {
  const [year, month] = today.split('-').map(Number);
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${today.slice(0, 7)}-${String(last).padStart(2, '0')}`;
}

/**
 * 待办 of project delivery: an inspector's open inspection rounds; the district's projects that
 * requested acceptance and wait for inspectors; the community's and street's open projects without
 * this month's progress report (the rule of DeliveryService.remindOverdue).
 */
@Injectable()
@TodoSource()
export class DeliveryTodo implements TodoSourceProvider {
  constructor(private readonly repository: DeliveryFiguresRepository) {}

  async todos(user: AuthUser, now: Date): Promise<TodoItem[]> {
    const items: TodoItem[] = [];
    if (user.permissions.has('delivery.inspect')) {
      const row = await this.repository.inspectionsAssigned(user.id);
      if (row.count > 0)
        items.push({
          kind: 'delivery.inspections_assigned',
          count: row.count,
          link: row.only_id ? `/inspections/${row.only_id}` : '/projects?status=inspecting',
          label: { zh: '待完成的验收检查', en: 'Inspections assigned to you' },
          oldestDue: row.first_due,
        });
    }
    if (user.permissions.has('delivery.manage')) {
      const row = await this.repository.projectsInStatus(user, 'acceptance_requested');
      if (row.count > 0)
        items.push({
          kind: 'delivery.acceptance_to_assign',
          count: row.count,
          link: row.only_id ? `/projects/${row.only_id}` : '/projects?status=acceptance_requested',
          label: { zh: '已申请验收、待指派验收人员', en: 'Acceptance requested, inspectors to assign' },
          oldestDue: null,
        });
    }
    if (user.permissions.has('delivery.report') && user.unit.kind !== 'district') {
      const today = shanghaiDate(now);
      const row = await this.repository.progressReportsDue(user, today.slice(0, 7));
      if (row.count > 0)
        items.push({
          kind: 'delivery.progress_reports_due',
          count: row.count,
          link: row.only_id ? `/projects/${row.only_id}` : '/projects?overdue=1',
          label: { zh: '本月进度报告待提交', en: 'Progress reports due this month' },
          oldestDue: monthEnd(today),
        });
    }
    return items;
  }
}
