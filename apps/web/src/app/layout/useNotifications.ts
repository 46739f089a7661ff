import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationView } from '@xiaoshi/contracts';
import { useNavigate } from 'react-router';
import { notificationsApi } from '../../api/notifications';

export const UNREAD_POLL_MS = 60_000;

/** The unread count, polled once a minute while the tab is visible. */
export function useUnreadCount() {
  return useQuery({
    queryKey: ['notifications', 'unread'],
    queryFn: ({ signal }) => notificationsApi.unreadCount(signal),
    refetchInterval: UNREAD_POLL_MS,
    refetchIntervalInBackground: false,
    staleTime: 15_000,
  });
}

/** Marks one (or all) read and refreshes the bell and every inbox list. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number | 'all') =>
      id === 'all' ? notificationsApi.markAllRead() : notificationsApi.markRead(id),
    onSuccess: (result) => {
      queryClient.setQueryData(['notifications', 'unread'], result);
      void queryClient.invalidateQueries({ queryKey: ['notifications', 'list'] });
    },
  });
}

/** Only links inside the portal are followed; anything else is shown but not opened. */
export function isInternalLink(link: string | null): link is string {
  return !!link && link.startsWith('/') && !link.startsWith('//');
}

/** Opening a notification marks it read and goes to its link. */
export function useOpenNotification(after?: () => void) {
  const navigate = useNavigate();
  const markRead = useMarkRead();
  return (notification: NotificationView) => {
    if (!notification.readAt) markRead.mutate(notification.id);
    if (isInternalLink(notification.link)) void navigate(notification.link);
    after?.();
  };
}
