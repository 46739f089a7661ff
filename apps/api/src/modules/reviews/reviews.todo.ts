import { Injectable } from '@nestjs/common';
import { shanghaiDate } from '@xiaoshi/domain';
import type { AuthUser } from '../../common/actor.js';
import { TodoSource, type TodoItem, type TodoSourceProvider } from '../../common/todo-source.js';
import { ReviewsFiguresService } from './reviews-figures.service.js';

/** 待办 of a reviewer (评审专家): score sheets not yet submitted, due when the review period ends. */
@Injectable()
@TodoSource()
export class ReviewsTodo implements TodoSourceProvider {
  constructor(private readonly figures: ReviewsFiguresService) {}

  async todos(user: AuthUser, now: Date): Promise<TodoItem[]> {
    if (!user.permissions.has('reviews.score')) return [];
    const sheets = await this.figures.sheetsOf(user, now);
    const open = sheets.total - sheets.submitted;
    if (open === 0) return [];
    return [
      {
        kind: 'reviews.sheets_to_score',
        count: open,
        link: '/reviews',
        label: { zh: '待评分的评审表', en: 'Score sheets to complete' },
        oldestDue: sheets.firstClose ? shanghaiDate(sheets.firstClose) : null,
      },
    ];
  }
}
