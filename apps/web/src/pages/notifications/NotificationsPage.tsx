import { useInfiniteQuery } from '@tanstack/react-query';
import type { NotificationView } from '@xiaoshi/contracts';
import { Button, Card, Empty, Flex, List, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { notificationsApi } from '../../api/notifications';
import { NotificationItem } from '../../app/layout/NotificationBell';
import { useMarkRead, useOpenNotification, useUnreadCount } from '../../app/layout/useNotifications';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { useI18n } from '../../i18n/I18nProvider';

const PAGE_SIZE = 30;

export default function NotificationsPage() {
  const { t } = useI18n();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const unread = useUnreadCount();
  const markRead = useMarkRead();
  const openNotification = useOpenNotification();
  const list = useInfiniteQuery({
    queryKey: ['notifications', 'list', { unreadOnly }],
    queryFn: ({ pageParam, signal }) =>
      notificationsApi.list({ unreadOnly, limit: PAGE_SIZE, cursor: pageParam }, signal),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];
  const count = unread.data?.unread ?? 0;

  return (
    <>
      <PageHeader
        title={t('notifications.title')}
        subtitle={count ? t('notifications.unreadCount', { count }) : t('notifications.allRead')}
        extra={
          <Button disabled={count === 0} loading={markRead.isPending} onClick={() => markRead.mutate('all')}>
            {t('notifications.markAllRead')}
          </Button>
        }
      />
      <Card variant="borderless">
        <Segmented<'all' | 'unread'>
          value={unreadOnly ? 'unread' : 'all'}
          onChange={(value) => setUnreadOnly(value === 'unread')}
          options={[
            { label: t('notifications.filter.all'), value: 'all' },
            { label: t('notifications.filter.unread'), value: 'unread' },
          ]}
          style={{ marginBottom: 12 }}
        />
        {list.isError && !list.data ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <>
            <List<NotificationView>
              loading={list.isPending}
              dataSource={rows}
              locale={{ emptyText: <Empty description={t('notifications.empty')} /> }}
              renderItem={(item) => <NotificationItem item={item} onOpen={openNotification} />}
            />
            {rows.length > 0 && (
              <Flex justify="center" align="center" gap={12} style={{ marginTop: 12 }}>
                <Typography.Text type="secondary">
                  {list.hasNextPage
                    ? t('common.loadedCount', { count: rows.length })
                    : t('common.allLoaded', { count: rows.length })}
                </Typography.Text>
                {list.hasNextPage && (
                  <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
                    {t('common.loadMore')}
                  </Button>
                )}
              </Flex>
            )}
          </>
        )}
      </Card>
    </>
  );
}
