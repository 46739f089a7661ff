import { Injectable } from '@nestjs/common';
import type { NoticePreviewQuery, NoticePreviewView } from '@xiaoshi/contracts';
import { noticeSchedule, type HolidayCalendar } from '@xiaoshi/domain';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/actor.js';
import { AccessService } from '../access/access.service.js';
import { AwardsRepository, type CalendarDayRow } from './awards.repository.js';

function holidayCalendarOf(days: CalendarDayRow[]): HolidayCalendar {
  return {
    holidays: days.filter((row) => row.kind === 'holiday').map((row) => row.day),
    makeUpWorkdays: days.filter((row) => row.kind === 'workday').map((row) => row.day),
  };
}

/** The working-day calendar (data an admin maintains) as the 公示 rules use it. */
@Injectable()
export class CalendarService {
  constructor(
    private readonly repository: AwardsRepository,
    private readonly access: AccessService,
  ) {}

  async holidayCalendar(manager?: EntityManager): Promise<HolidayCalendar> {
    return holidayCalendarOf(await this.repository.calendarDays(manager));
  }

  /**
   * When would an N-working-day notice published on `start` end, and why: the days counted and
   * the days skipped, from the same calendar rows a real notice uses. Any day may be asked about.
   */
  async noticePreview(user: AuthUser, query: NoticePreviewQuery): Promise<NoticePreviewView> {
    this.access.requirePermission(user, 'awards.read');
    const days = await this.repository.calendarDays();
    const names = new Map(days.map((row) => [row.day, row.name]));
    const schedule = noticeSchedule(query.start, query.workingDays, holidayCalendarOf(days));
    return {
      start: schedule.start,
      workingDays: schedule.workingDays,
      firstDay: schedule.firstDay,
      lastDay: schedule.lastDay,
      closesAt: schedule.closesAt.toISOString(),
      counted: schedule.counted.map((day) => ({ ...day, name: names.get(day.date) ?? null })),
      skipped: schedule.skipped.map((day) => ({ ...day, name: names.get(day.date) ?? null })),
    };
  }
}
