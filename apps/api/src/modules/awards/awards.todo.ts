import { Injectable } from '@nestjs/common';
import { shanghaiDate } from '@xiaoshi/domain';
import type { AuthUser } from '../../common/actor.js';
import { TodoSource, type TodoItem, type TodoSourceProvider } from '../../common/todo-source.js';
import { AwardsFiguresRepository, type NoticeWorkRow } from './awards-figures.repository.js';

const noticeLink = (row: NoticeWorkRow) =>
  row.notice_id ? `/notices/${row.notice_id}` : '/awards?tab=decisions';

/**
 * 待办 of the 公示: objections to investigate and decide (due by the notice's last day, since a
 * notice cannot close while one is pending), and notices whose period is over but still open.
 */
@Injectable()
@TodoSource()
export class AwardsTodo implements TodoSourceProvider {
  constructor(private readonly repository: AwardsFiguresRepository) {}

  async todos(user: AuthUser, now: Date): Promise<TodoItem[]> {
    if (!user.permissions.has('awards.decide')) return [];
    const [objections, notices] = await Promise.all([
      this.repository.pendingObjections(user),
      this.repository.endedOpenNotices(user, shanghaiDate(now)),
    ]);
    const items: TodoItem[] = [];
    if (objections.count > 0) {
      items.push({
        kind: 'awards.objections_to_decide',
        count: objections.count,
        link: noticeLink(objections),
        label: { zh: '待处理的公示异议', en: 'Objections to decide' },
        oldestDue: objections.first_due,
      });
    }
    if (notices.count > 0) {
      items.push({
        kind: 'awards.notices_to_close',
        count: notices.count,
        link: noticeLink(notices),
        label: { zh: '公示期满待结束的公示', en: 'Notices ended, to close' },
        oldestDue: notices.first_due,
      });
    }
    return items;
  }
}
