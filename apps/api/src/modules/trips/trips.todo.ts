import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../../common/actor.js';
import { TodoSource, type TodoItem, type TodoSourceProvider } from '../../common/todo-source.js';
import { TripsFiguresService } from './trips-figures.service.js';

/** 待办 of study trips (学习考察): trips submitted for approval, due before they start. */
@Injectable()
@TodoSource()
export class TripsTodo implements TodoSourceProvider {
  constructor(private readonly figures: TripsFiguresService) {}

  async todos(user: AuthUser): Promise<TodoItem[]> {
    if (!user.permissions.has('trips.approve')) return [];
    const waiting = await this.figures.awaitingApproval(user);
    if (waiting.count === 0) return [];
    return [
      {
        kind: 'trips.to_approve',
        count: waiting.count,
        link: waiting.onlyId ? `/trips/${waiting.onlyId}` : '/trips',
        label: { zh: '待审批的学习考察', en: 'Study trips to approve' },
        oldestDue: waiting.firstStart,
      },
    ];
  }
}
