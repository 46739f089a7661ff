import { NOTIFICATION_TOPICS, REMINDER_KINDS, type NotificationTopic } from '@xiaoshi/contracts';
import type { TextOf } from '../../i18n/i18n';
import type { text } from './text';

type Key = Parameters<typeof text.t>[0];

/** Topic options for a select, reminders and activity in two groups. */
export function topicOptions(t: TextOf<Key>) {
  const label = (topic: NotificationTopic) => t(`topic.${topic}` as Key);
  const reminders = new Set<string>(REMINDER_KINDS);
  return [
    {
      label: t('group.reminders'),
      options: NOTIFICATION_TOPICS.filter((topic) => reminders.has(topic)).map((topic) => ({ value: topic, label: label(topic) })),
    },
    {
      label: t('group.events'),
      options: NOTIFICATION_TOPICS.filter((topic) => !reminders.has(topic)).map((topic) => ({ value: topic, label: label(topic) })),
    },
  ];
}
