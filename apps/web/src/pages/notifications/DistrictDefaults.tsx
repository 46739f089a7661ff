import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationTopic } from '@xiaoshi/contracts';
import { App, Button, Flex, Switch, Table, Typography } from 'antd';
import { notificationSettingsApi } from '../../api/notifications';
import { useAuth } from '../../app/auth/AuthContext';
import { QueryError } from '../../components/QueryError';
import { errorMessage } from './errors';
import { text } from './text';

type Row = { topic: NotificationTopic; email: boolean; sms: boolean; source: 'district' | 'builtin' };

/** The district admin's default channels per topic (users may still choose their own). */
export function DistrictDefaults() {
  const t = text.useT();
  const { message } = App.useApp();
  const canEdit = useAuth().can('notifications.manage');
  const queryClient = useQueryClient();
  const defaults = useQuery({
    queryKey: ['notification-defaults'],
    queryFn: ({ signal }) => notificationSettingsApi.districtDefaults(signal),
  });
  const update = useMutation({
    mutationFn: notificationSettingsApi.updateDistrictDefaults,
    onSuccess: (view) => {
      queryClient.setQueryData(['notification-defaults'], view);
      void message.success(t('prefs.saved'));
    },
    onError: (error) => void message.error(errorMessage(error)),
  });
  if (defaults.isError) return <QueryError error={defaults.error} onRetry={() => void defaults.refetch()} />;
  const set = (topic: NotificationTopic, choice: { email: boolean; sms: boolean } | null) =>
    update.mutate({ topics: { [topic]: choice } });
  const channelSwitch = (row: Row, channel: 'email' | 'sms') => (
    <Switch
      size="small"
      checked={row[channel]}
      disabled={!canEdit || update.isPending}
      aria-label={`${t(`topic.${row.topic}`)} ${t(`channel.${channel}`)}`}
      onChange={(value) => set(row.topic, { email: row.email, sms: row.sms, [channel]: value })}
    />
  );
  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">{t('deliveries.defaultsHint')}</Typography.Text>
      <Table<Row>
        rowKey="topic"
        size="small"
        pagination={false}
        loading={defaults.isPending}
        dataSource={defaults.data?.topics ?? []}
        scroll={{ x: 480 }}
        columns={[
          { title: t('prefs.column.topic'), dataIndex: 'topic', render: (topic: NotificationTopic) => t(`topic.${topic}`) },
          { title: t('channel.email'), key: 'email', width: 80, render: (_, row) => channelSwitch(row, 'email') },
          { title: t('channel.sms'), key: 'sms', width: 80, render: (_, row) => channelSwitch(row, 'sms') },
          {
            title: t('prefs.column.source'),
            key: 'source',
            width: 160,
            render: (_, row) => (
              <Flex gap={4} align="center">
                <Typography.Text type="secondary">{t(`source.${row.source}`)}</Typography.Text>
                {canEdit && row.source === 'district' && (
                  <Button size="small" type="link" onClick={() => set(row.topic, null)}>
                    {t('prefs.reset')}
                  </Button>
                )}
              </Flex>
            ),
          },
        ]}
      />
    </Flex>
  );
}
