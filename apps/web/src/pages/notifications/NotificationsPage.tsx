import { SettingOutlined } from '@ant-design/icons';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { NotificationTopic, NotificationView } from '@xiaoshi/contracts';
import { Button, Card, Empty, Flex, List, Segmented, Select, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { notificationsApi } from '../../api/notifications';
import { NotificationItem } from '../../app/layout/NotificationBell';
import { useMarkRead, useOpenNotification, useUnreadCount } from '../../app/layout/useNotifications';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { text } from './text';
import { topicOptions } from './topics';

const PAGE_SIZE = 30;

/** The notification centre: every message, filtered by type and read state, mark all read. */
export default function NotificationsPage() {
  const t = text.useT();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [topic, setTopic] = useState<NotificationTopic | null>(null);
  const unread = useUnreadCount();
  const markRead = useMarkRead();
  const openNotification = useOpenNotification();
  const list = useInfiniteQuery({
    queryKey: ['notifications', 'list', { unreadOnly, topic }],
    queryFn: ({ pageParam, signal }) =>
      notificationsApi.list({ unreadOnly, topic, limit: PAGE_SIZE, cursor: pageParam }, signal),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];
  const count = unread.data?.unread ?? 0;

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={count ? t('unreadCount', { count }) : t('allRead')}
        extra={
          <>
            <Link to="/notifications/preferences">
              <Button icon={<SettingOutlined />}>{t('settings')}</Button>
            </Link>
            <Button disabled={count === 0} loading={markRead.isPending} onClick={() => markRead.mutate('all')}>
              {t('markAllRead')}
            </Button>
          </>
        }
      />
      <Card variant="borderless">
        <Flex gap={12} wrap style={{ marginBottom: 12 }}>
          <Segmented<'all' | 'unread'>
            value={unreadOnly ? 'unread' : 'all'}
            onChange={(value) => setUnreadOnly(value === 'unread')}
            options={[
              { label: t('filter.all'), value: 'all' },
              { label: t('filter.unread'), value: 'unread' },
            ]}
          />
          <Select<NotificationTopic>
            allowClear
            value={topic ?? undefined}
            placeholder={t('filter.anyTopic')}
            aria-label={t('filter.topic')}
            onChange={(value) => setTopic(value ?? null)}
            options={topicOptions(t)}
            style={{ minWidth: 220, maxWidth: '100%' }}
            data-testid="notification-topic-filter"
          />
        </Flex>
        {list.isError && !list.data ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <>
            <List<NotificationView>
              loading={list.isPending}
              dataSource={rows}
              locale={{ emptyText: <Empty description={t('empty')} /> }}
              renderItem={(item) => <NotificationItem item={item} onOpen={openNotification} />}
            />
            {rows.length > 0 && (
              <Flex justify="center" align="center" gap={12} style={{ marginTop: 12 }}>
                <Typography.Text type="secondary">
                  {list.hasNextPage ? t('loaded', { count: rows.length }) : t('allLoaded', { count: rows.length })}
                </Typography.Text>
                {list.hasNextPage && (
                  <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
                    {t('loadMore')}
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
