import { endOfShanghaiDay } from './shanghai-time.js';
import { violation, type Violation } from './violation.js';

/** The dates and counts of a call (比选活动) as entered: ISO instants, the deadline a date. */
export interface CompetitionSchedule {
  submissionOpensAt: string;
  submissionClosesAt: string;
  reviewOpensAt: string;
  reviewClosesAt: string;
  /** 'YYYY-MM-DD', Beijing: the project must be done by the end of that day. */
  implementationDeadline: string;
  awardMin: number;
  awardMax: number;
  minPerStreet: number;
  maxPerStreet?: number | null;
  /** Category keys, when the categories are given. */
  categoryKeys?: readonly string[];
}

/**
 * The order of a call's windows — submissions open, close, review opens, closes, the projects'
 * deadline after the review — and counts that make sense (product.md, "Competitions").
 */
export function checkCompetitionSchedule(schedule: CompetitionSchedule): Violation[] {
  const out: Violation[] = [];
  const opens = Date.parse(schedule.submissionOpensAt);
  const closes = Date.parse(schedule.submissionClosesAt);
  const reviewOpens = Date.parse(schedule.reviewOpensAt);
  const reviewCloses = Date.parse(schedule.reviewClosesAt);
  if (!(opens < closes))
    out.push(violation('submissionClosesAt', 'WINDOW_ORDER', '截止时间须晚于开始时间', 'The window must close after it opens'));
  if (!(closes <= reviewOpens))
    out.push(violation('reviewOpensAt', 'REVIEW_BEFORE_CLOSE', '评审须在申报截止后开始', 'Review must start after submissions close'));
  if (!(reviewOpens < reviewCloses))
    out.push(violation('reviewClosesAt', 'REVIEW_ORDER', '评审截止须晚于评审开始', 'Review must close after it opens'));
  if (endOfShanghaiDay(schedule.implementationDeadline).getTime() < reviewCloses) {
    out.push(
      violation(
        'implementationDeadline',
        'DEADLINE_BEFORE_REVIEW',
        '实施截止日期须晚于评审结束',
        'The implementation deadline must follow the review',
      ),
    );
  }
  if (schedule.awardMin > schedule.awardMax)
    out.push(violation('awardMax', 'AWARD_RANGE', '最多立项数不能少于最少立项数', 'The maximum award count is below the minimum'));
  if (schedule.maxPerStreet !== null && schedule.maxPerStreet !== undefined && schedule.maxPerStreet < schedule.minPerStreet) {
    out.push(violation('maxPerStreet', 'STREET_RANGE', '每街道上限不能低于下限', 'The per-street maximum is below the minimum'));
  }
  if (schedule.categoryKeys && new Set(schedule.categoryKeys).size !== schedule.categoryKeys.length)
    out.push(violation('categories', 'CATEGORY_KEYS_REPEAT', '类别编码重复', 'Category keys repeat'));
  return out;
}

/** The rubric is fixed once a published call has opened for submissions. */
export function isRubricLocked(status: string, opensAt: Date, now: Date): boolean {
  return status !== 'draft' && now >= opensAt;
}

/** Whether a call takes submissions at `now`: published and inside its half-open window. */
export function isWindowOpen(status: string, opensAt: Date, closesAt: Date, now: Date): boolean {
  return status === 'published' && opensAt <= now && now < closesAt;
}
