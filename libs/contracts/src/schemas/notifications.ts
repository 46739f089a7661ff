import { z } from 'zod';
import { PageQuery } from './common.js';

export const NotificationListQuery = PageQuery.extend({
  unreadOnly: z.enum(['true', 'false']).transform((value) => value === 'true').optional(),
});
export type NotificationListQuery = z.infer<typeof NotificationListQuery>;

export interface NotificationView {
  id: number;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  readAt: string | null;
  createdAt: string;
}
