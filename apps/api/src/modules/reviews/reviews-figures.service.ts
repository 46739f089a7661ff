import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../../common/actor.js';
import { ReviewsFiguresRepository } from './reviews-figures.repository.js';

export interface ReviewerSheets {
  total: number;
  submitted: number;
  /** The earliest review deadline among the sheets not yet submitted. */
  firstClose: Date | null;
}

/** The reviews module's published figures: a reviewer's sheets, done of total. */
@Injectable()
export class ReviewsFiguresService {
  constructor(private readonly repository: ReviewsFiguresRepository) {}

  async sheetsOf(user: AuthUser, now: Date): Promise<ReviewerSheets> {
    const row = await this.repository.sheetsOf(user.id, now);
    return { total: row.total, submitted: row.submitted, firstClose: row.first_close };
  }
}
