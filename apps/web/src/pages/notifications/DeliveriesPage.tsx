import { ReloadOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  DELIVERY_STATUSES,
  NOTIFICATION_CHANNELS,
  type DeliveryStatus,
  type DeliveryView,
  type NotificationChannelName,
} from '@xiaoshi/contracts';
import { App, Badge, Button, Card, Flex, Select, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { notificationSettingsApi } from '../../api/notifications';
import { useAuth } from '../../app/auth/AuthContext';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { formatDateTime } from '../../lib/time';
import { DistrictDefaults } from './DistrictDefaults';
import { errorMessage } from './errors';
import { text } from './text';
import { useLang } from '../../i18n/i18n';

const STATUS_COLOUR: Record<DeliveryStatus, string> = {
  pending: 'processing',
  sending: 'processing',
  sent: 'success',
  failed: 'error',
  skipped: 'default',
  unconfirmed: 'warning',
};

/** Admins: what happened to every e-mail and SMS, why it failed, and a retry. */
export default function DeliveriesPage() {
  const t = text.useT();
  return (
    <>
      <PageHeader title={t('deliveries.title')} subtitle={t('deliveries.subtitle')} />
      <Card variant="borderless">
        <Tabs
          items={[
            { key: 'deliveries', label: t('deliveries.title'), children: <DeliveriesTable /> },
            { key: 'defaults', label: t('deliveries.defaults'), children: <DistrictDefaults /> },
          ]}
        />
      </Card>
    </>
  );
}

function DeliveriesTable() {
  const t = text.useT();
  const lang = useLang();
  const canRetry = useAuth().can('notifications.manage');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<DeliveryStatus | null>(null);
  const [channel, setChannel] = useState<NotificationChannelName | null>(null);
  const summary = useQuery({
    queryKey: ['notification-deliveries', 'summary'],
    queryFn: ({ signal }) => notificationSettingsApi.deliverySummary(signal),
  });
  const list = useInfiniteQuery({
    queryKey: ['notification-deliveries', 'list', { status, channel }],
    queryFn: ({ pageParam, signal }) =>
      notificationSettingsApi.deliveries({ status: status ?? undefined, channel: channel ?? undefined, limit: 50, cursor: pageParam ?? undefined }, signal),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const retry = useMutation({
    mutationFn: notificationSettingsApi.retryDelivery,
    onSuccess: () => {
      void message.success(t('deliveries.retried'));
      void queryClient.invalidateQueries({ queryKey: ['notification-deliveries'] });
    },
    onError: (error) => void message.error(errorMessage(error)),
  });
  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];
  const counts = summary.data?.counts;

  return (
    <Flex vertical gap={12}>
      {summary.data && (
        <Flex gap={8} wrap align="center">
          <Typography.Text type="secondary">{t('deliveries.channels')}:</Typography.Text>
          {NOTIFICATION_CHANNELS.map((name) => (
            <Tag key={name} color={summary.data.channels[name] ? 'green' : 'default'}>
              {t(`channel.${name}`)} · {summary.data.channels[name] ? t('deliveries.on') : t('deliveries.off')}
            </Tag>
          ))}
        </Flex>
      )}
      <Flex gap={8} wrap>
        <Select<DeliveryStatus>
          allowClear
          placeholder={t('deliveries.anyStatus')}
          value={status ?? undefined}
          onChange={(value) => setStatus(value ?? null)}
          style={{ minWidth: 160 }}
          aria-label={t('deliveries.column.status')}
          options={DELIVERY_STATUSES.map((value) => ({
            value,
            label: `${t(`status.${value}`)}${counts ? ` (${counts[value]})` : ''}`,
          }))}
        />
        <Select<NotificationChannelName>
          allowClear
          placeholder={t('deliveries.anyChannel')}
          value={channel ?? undefined}
          onChange={(value) => setChannel(value ?? null)}
          style={{ minWidth: 140 }}
          aria-label={t('deliveries.column.channel')}
          options={NOTIFICATION_CHANNELS.map((value) => ({ value, label: t(`channel.${value}`) }))}
        />
        <Button icon={<ReloadOutlined />} onClick={() => void queryClient.invalidateQueries({ queryKey: ['notification-deliveries'] })} aria-label={t('deliveries.reload')} />
      </Flex>
      {list.isError && !list.data ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<DeliveryView>
          rowKey="id"
          size="small"
          loading={list.isPending}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 900 }}
          data-testid="delivery-table"
          columns={[
            {
              title: t('deliveries.column.status'),
              key: 'status',
              width: 120,
              render: (_, row) => <Badge status={STATUS_COLOUR[row.status] as 'success'} text={t(`status.${row.status}`)} />,
            },
            {
              title: t('deliveries.column.recipient'),
              key: 'recipient',
              width: 170,
              render: (_, row) => (
                <Flex vertical>
                  <span>{row.recipient.displayName}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {row.recipient.unitName}
                  </Typography.Text>
                </Flex>
              ),
            },
            {
              title: t('deliveries.column.message'),
              key: 'message',
              render: (_, row) => (
                <Flex vertical>
                  <Typography.Text ellipsis={{ tooltip: row.title }} style={{ maxWidth: 280 }}>
                    {row.title}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t(`topic.${row.topic}`)}
                  </Typography.Text>
                </Flex>
              ),
            },
            {
              title: t('deliveries.column.channel'),
              key: 'channel',
              width: 130,
              render: (_, row) => (
                <Flex vertical>
                  <span>{t(`channel.${row.channel}`)}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {row.address ?? '—'}
                  </Typography.Text>
                </Flex>
              ),
            },
            { title: t('deliveries.column.attempts'), dataIndex: 'attempts', width: 80, align: 'right', responsive: ['md'] },
            {
              title: t('deliveries.column.reason'),
              key: 'reason',
              width: 180,
              render: (_, row) =>
                row.reason ? (
                  <Flex vertical>
                    <span>{t(`reason.${row.reason}`)}</span>
                    {row.detail && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }} code>
                        {row.detail}
                      </Typography.Text>
                    )}
                  </Flex>
                ) : (
                  '—'
                ),
            },
            {
              key: 'actions',
              width: 80,
              render: (_, row) =>
                canRetry && (row.status === 'failed' || row.status === 'unconfirmed') ? (
                  <Button size="small" onClick={() => retry.mutate(row.id)} loading={retry.isPending && retry.variables === row.id}>
                    {t('deliveries.retry')}
                  </Button>
                ) : null,
            },
            {
              title: t('deliveries.column.time'),
              dataIndex: 'createdAt',
              width: 150,
              responsive: ['md'],
              render: (value: string) => formatDateTime(value, lang, false),
            },
          ]}
        />
      )}
      {list.hasNextPage && (
        <Flex justify="center">
          <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('loadMore')}
          </Button>
        </Flex>
      )}
    </Flex>
  );
}
