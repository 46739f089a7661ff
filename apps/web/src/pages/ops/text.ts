import { defineNamespace } from '../../i18n/i18n';

/** The ops page (运行状态): health of the services and the job queues, for district admins. */
export const text = defineNamespace(
  'ops',
  {
    title: '运行状态',
    subtitle: '数据库、缓存与后台任务队列的健康状况',
  },
  {
    title: 'System status',
    subtitle: 'Health of the database, the cache and the background job queues',
  },
);
