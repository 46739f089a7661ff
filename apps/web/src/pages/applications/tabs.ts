import { APPLICATION_STATUSES } from '@xiaoshi/domain';
import type { KeyOf } from '../../i18n/i18n';
import type { applicationsText } from './text';

export interface ListTab {
  key: 'pending' | 'done' | 'all';
  label: KeyOf<typeof applicationsText>;
  /** null: every status. */
  statuses: string[] | null;
}

const AFTER_SCREENING = APPLICATION_STATUSES.filter(
  (status) => !['draft', 'awaiting_street', 'submitted'].includes(status),
);
const AFTER_STREET = APPLICATION_STATUSES.filter(
  (status) => !['draft', 'awaiting_street', 'returned'].includes(status),
);
const AFTER_COMMUNITY = APPLICATION_STATUSES.filter((status) => !['draft', 'returned'].includes(status));

/**
 * The familiar approval tabs: the district screens what streets submitted (待审核 / 已审核); a street
 * sends its communities' entries on (待送审 / 已送审); a community hands its drafts to the street.
 */
export function tabsFor(
  can: (permission: 'applications.screen' | 'applications.submit' | 'applications.edit') => boolean,
): ListTab[] {
  const all: ListTab = { key: 'all', label: 'tab.all', statuses: null };
  if (can('applications.screen')) {
    return [
      { key: 'pending', label: 'tab.toScreen', statuses: ['submitted'] },
      { key: 'done', label: 'tab.screened', statuses: AFTER_SCREENING },
      all,
    ];
  }
  if (can('applications.submit')) {
    return [
      {
        key: 'pending',
        label: 'tab.toSubmit',
        statuses: ['draft', 'awaiting_street', 'returned'],
      },
      { key: 'done', label: 'tab.submitted', statuses: AFTER_STREET },
      all,
    ];
  }
  if (can('applications.edit')) {
    return [
      { key: 'pending', label: 'tab.toSend', statuses: ['draft', 'returned'] },
      { key: 'done', label: 'tab.sent', statuses: AFTER_COMMUNITY },
      all,
    ];
  }
  return [all];
}

/** The tab's statuses narrowed by the status filter (or the filter alone on the 全部 tab). */
export function effectiveStatuses(tab: ListTab, chosen: string[]): string[] | null {
  if (!chosen.length) return tab.statuses;
  if (!tab.statuses) return chosen;
  const narrowed = chosen.filter((status) => tab.statuses!.includes(status));
  // Nothing in common: ask for a status no application has, so the list is honestly empty.
  return narrowed.length ? narrowed : ['none'];
}
