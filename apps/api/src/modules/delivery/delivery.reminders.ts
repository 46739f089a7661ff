import { Injectable } from '@nestjs/common';
import { lastWorkingDayOfMonth, nudgeDue, reminderOffsetDue } from '@xiaoshi/domain';
import {
  ReminderSource,
  type DueReminder,
  type ReminderContext,
  type ReminderSourceProvider,
} from '../../common/reminder-source.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { DeliveryRemindersRepository } from './delivery-reminders.repository.js';

/** An assigned inspection is nudged on the first working day after assignment, then every 5 working days. */
export const INSPECTION_NUDGE_EVERY = 5;

/**
 * The delivery reminders: the month's progress report (due on the month's last working day;
 * reminded 3 and 1 working days before, to the project's community and street officers), and
 * inspections assigned but not yet recorded (to their inspectors).
 */
@Injectable()
@ReminderSource()
export class DeliveryReminders implements ReminderSourceProvider {
  constructor(
    private readonly repository: DeliveryRemindersRepository,
    private readonly notifications: NotificationsService,
  ) {}

  async reminders(context: ReminderContext): Promise<DueReminder[]> {
    return [...(await this.reportsDue(context)), ...(await this.inspections(context))];
  }

  private async reportsDue(context: ReminderContext): Promise<DueReminder[]> {
    const dueDay = lastWorkingDayOfMonth(context.date, context.calendar);
    if (reminderOffsetDue(context.date, dueDay, [3, 1], context.calendar) === null) return [];
    const month = context.date.slice(0, 7);
    const projects = await this.repository.unreportedProjects(month);
    if (!projects.length) return [];
    const [community, street] = await Promise.all([
      this.notifications.usersWithRoleByUnit('community_officer', projects.map((row) => row.community_id)),
      this.notifications.usersWithRoleByUnit('street_officer', projects.map((row) => row.street_id)),
    ]);
    return projects.map((project) => ({
      kind: 'project.report_due',
      recipients: [...(community.get(project.community_id) ?? []), ...(street.get(project.street_id) ?? [])],
      subject: { type: 'project', id: project.id },
      due: dueDay,
      params: { project: project.title, month, dueDay },
      link: `/projects/${project.id}`,
    }));
  }

  private async inspections(context: ReminderContext): Promise<DueReminder[]> {
    return (await this.repository.assignedInspections())
      .filter((row) => nudgeDue(row.assigned_on, context.date, INSPECTION_NUDGE_EVERY, context.calendar))
      .map((row) => ({
        kind: 'inspection.scheduled' as const,
        recipients: row.inspector_user_ids,
        subject: { type: 'inspection', id: row.id },
        due: null,
        params: { project: row.project_title, inspectionKind: row.kind, round: row.round, assignedOn: row.assigned_on },
        link: `/inspections/${row.id}`,
      }));
  }
}
