import { BellOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { NotificationView } from '@xiaoshi/contracts';
import { Badge, Button, Empty, Flex, List, Popover, Spin, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { notificationsApi } from '../../api/notifications';
import { text } from '../../pages/notifications/text';
import { formatDateTime } from '../../lib/time';
import { useMarkRead, useOpenNotification, useUnreadCount } from './useNotifications';
import { useLang } from '../../i18n/i18n';

/** The header bell: unread count (polled), the latest few, and the way to the inbox. */
export function NotificationBell() {
  const t = text.useT();
  const [open, setOpen] = useState(false);
  const unread = useUnreadCount();
  const count = unread.data?.unread ?? 0;
  return (
    <Popover
      trigger="click"
      open={open}
      onOpenChange={setOpen}
      placement="bottomRight"
      arrow={false}
      title={
        <Flex justify="space-between" align="center">
          <span>{t('title')}</span>
          <MarkAllRead disabled={count === 0} />
        </Flex>
      }
      content={<LatestNotifications onNavigate={() => setOpen(false)} />}
      destroyOnHidden
    >
      <Badge count={count} size="small" overflowCount={99} offset={[-4, 4]}>
        <Button
          type="text"
          shape="circle"
          icon={<BellOutlined style={{ fontSize: 18 }} />}
          aria-label={count ? t('bellUnread', { count }) : t('bell')}
          data-testid="notification-bell"
        />
      </Badge>
    </Popover>
  );
}

function MarkAllRead({ disabled }: { disabled: boolean }) {
  const t = text.useT();
  const markRead = useMarkRead();
  return (
    <Button
      type="link"
      size="small"
      disabled={disabled}
      loading={markRead.isPending}
      onClick={() => markRead.mutate('all')}
    >
      {t('markAllRead')}
    </Button>
  );
}

function LatestNotifications({ onNavigate }: { onNavigate: () => void }) {
  const t = text.useT();
  const latest = useQuery({
    queryKey: ['notifications', 'list', 'latest'],
    queryFn: ({ signal }) => notificationsApi.list({ limit: 6 }, signal),
    staleTime: 0,
  });
  const openNotification = useOpenNotification(onNavigate);
  return (
    <div className="xs-bell-panel">
      {latest.isPending ? (
        <Flex justify="center" style={{ padding: 24 }}>
          <Spin />
        </Flex>
      ) : latest.data?.items.length ? (
        <List<NotificationView>
          size="small"
          dataSource={latest.data.items}
          renderItem={(item) => <NotificationItem item={item} onOpen={openNotification} compact />}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('empty')} />
      )}
      <Flex justify="center" style={{ borderTop: '1px solid #f0f0f0', paddingTop: 8 }}>
        <Link to="/notifications" onClick={onNavigate}>
          {t('viewAll')}
        </Link>
      </Flex>
    </div>
  );
}

export function NotificationItem({
  item,
  onOpen,
  compact,
}: {
  item: NotificationView;
  onOpen: (item: NotificationView) => void;
  compact?: boolean;
}) {
  const lang = useLang();
  const t = text.useT();
  const unread = !item.readAt;
  return (
    <List.Item
      className={`xs-notification${unread ? ' xs-notification-unread' : ''}`}
      onClick={() => onOpen(item)}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          onOpen(item);
        }
      }}
      tabIndex={0}
      role="link"
      data-testid="notification-item"
    >
      <Flex vertical gap={2} style={{ minWidth: 0, width: '100%' }}>
        <Flex justify="space-between" gap={8} align="baseline">
          <Typography.Text strong={unread} ellipsis={compact} style={{ minWidth: 0 }}>
            {unread && <Badge status="processing" style={{ marginInlineEnd: 6 }} />}
            {item.title}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12, flex: 'none' }}>
            {formatDateTime(item.createdAt, lang, false)}
          </Typography.Text>
        </Flex>
        <Typography.Text
          type="secondary"
          ellipsis={compact ? { tooltip: false } : undefined}
          style={{ fontSize: 13 }}
        >
          {item.body}
        </Typography.Text>
        {!compact && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`topic.${item.topic}`)}
          </Typography.Text>
        )}
      </Flex>
    </List.Item>
  );
}
