import { Injectable } from '@nestjs/common';
import { shanghaiDate } from '@xiaoshi/domain';
import type { AuthUser } from '../../common/actor.js';
import { TodoSource, type TodoItem, type TodoSourceProvider } from '../../common/todo-source.js';
import { ApplicationsFiguresRepository, type WaitingByStatusRow } from './applications-figures.repository.js';
import { ApplicationsFiguresService } from './applications-figures.service.js';

interface StatusTodo {
  status: string;
  kind: string;
  label: { zh: string; en: string };
  /** Which deadline the waiting items run against. */
  due: 'close' | 'review';
  applies(user: AuthUser): boolean;
}

/**
 * 待办 of the application pipeline: the district screens what streets submitted (形式审查, due before
 * review opens); a street forwards what its communities prepared and revises what came back; a
 * community finishes its drafts; a street short of a call's minimum count is told how many are
 * missing.
 */
const BY_STATUS: readonly StatusTodo[] = [
  {
    status: 'submitted',
    kind: 'applications.to_screen',
    label: { zh: '待形式审查的申报', en: 'Applications to screen' },
    due: 'review',
    applies: (user) => user.permissions.has('applications.screen'),
  },
  {
    status: 'awaiting_street',
    kind: 'applications.to_submit',
    label: { zh: '社区已提交、待街道报送区级', en: 'Applications to submit to the district' },
    due: 'close',
    applies: (user) => user.permissions.has('applications.submit'),
  },
  {
    status: 'returned',
    kind: 'applications.returned',
    label: { zh: '退回修改的申报', en: 'Applications returned for revision' },
    due: 'close',
    applies: (user) => user.permissions.has('applications.edit') && user.unit.kind !== 'district',
  },
  {
    status: 'draft',
    kind: 'applications.drafts',
    label: { zh: '未提交街道的草稿', en: 'Drafts not yet sent to the street' },
    due: 'close',
    applies: (user) => user.permissions.has('applications.edit') && user.unit.kind === 'community',
  },
];

function linkOf(status: string, row: WaitingByStatusRow): string {
  const competition = row.competition_id ? `&competitionId=${row.competition_id}` : '';
  return `/applications?status=${status}${competition}`;
}

@Injectable()
@TodoSource()
export class ApplicationsTodo implements TodoSourceProvider {
  constructor(
    private readonly repository: ApplicationsFiguresRepository,
    private readonly figures: ApplicationsFiguresService,
  ) {}

  async todos(user: AuthUser, now: Date): Promise<TodoItem[]> {
    const wanted = BY_STATUS.filter((entry) => entry.applies(user));
    const rows = wanted.length
      ? await this.repository.waitingByStatus(
          user,
          wanted.map((entry) => entry.status),
        )
      : [];
    const items: TodoItem[] = [];
    for (const entry of wanted) {
      const row = rows.find((candidate) => candidate.status === entry.status);
      if (!row || row.count === 0) continue;
      items.push({
        kind: entry.kind,
        count: row.count,
        link: linkOf(entry.status, row),
        label: entry.label,
        oldestDue: shanghaiDate(entry.due === 'review' ? row.first_review : row.first_close),
      });
    }
    if (user.permissions.has('applications.submit')) {
      for (const call of await this.figures.streetMinimums(user, now)) {
        if (call.submitted >= call.minimum) continue;
        items.push({
          kind: 'applications.below_minimum',
          count: call.minimum - call.submitted,
          link: `/applications?competitionId=${call.competitionId}`,
          label: {
            zh: `「${call.title}」距最低申报数还差`,
            en: `Still needed for the minimum of “${call.title}”`,
          },
          oldestDue: shanghaiDate(call.closesAt),
        });
      }
    }
    return items;
  }
}
