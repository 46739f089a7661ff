import { CheckCircleFilled } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ChannelChoice,
  NotificationLanguage,
  NotificationPreferencesView,
  NotificationTopic,
  TopicPreferenceView,
} from '@xiaoshi/contracts';
import { App, Button, Card, Descriptions, Flex, Grid, Input, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { notificationSettingsApi } from '../../api/notifications';
import { PageHeader } from '../../components/PageHeader';
import { PageSpinner } from '../../components/PageSpinner';
import { QueryError } from '../../components/QueryError';
import { errorMessage } from './errors';
import { text } from './text';

const KEY = ['notification-settings'];

/** Each user's channels per topic, the language of e-mails and texts, and phone verification. */
export default function NotificationPreferencesPage() {
  const t = text.useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const screens = Grid.useBreakpoint();
  const settings = useQuery({ queryKey: KEY, queryFn: ({ signal }) => notificationSettingsApi.get(signal) });
  const update = useMutation({
    mutationFn: notificationSettingsApi.update,
    onSuccess: (view) => {
      queryClient.setQueryData(KEY, view);
      void message.success(t('prefs.saved'));
    },
    onError: (error) => void message.error(errorMessage(error)),
  });

  if (settings.isPending) return <PageSpinner />;
  if (settings.isError) return <QueryError error={settings.error} onRetry={() => void settings.refetch()} />;
  const view = settings.data;

  const setTopic = (topic: NotificationTopic, choice: ChannelChoice | null) =>
    update.mutate({ topics: { [topic]: choice } });

  return (
    <>
      <PageHeader title={t('prefs.title')} subtitle={t('prefs.subtitle')} />
      <Flex vertical gap={16}>
        <Card variant="borderless">
          <Descriptions
            column={1}
            size="small"
            layout={screens.sm ? 'horizontal' : 'vertical'}
            styles={{ label: screens.sm ? { width: 160 } : {} }}
          >
            <Descriptions.Item label={t('prefs.language')}>
              <Select<NotificationLanguage>
                value={view.language}
                onChange={(language) => update.mutate({ language })}
                options={[
                  { value: 'zh-CN', label: t('prefs.language.zh-CN') },
                  { value: 'en', label: t('prefs.language.en') },
                ]}
                style={{ width: 160 }}
                aria-label={t('prefs.language')}
              />
            </Descriptions.Item>
            <Descriptions.Item label={t('prefs.email')}>
              {view.email ?? <Typography.Text type="secondary">{t('prefs.none')}</Typography.Text>}
              {!view.channels.email && (
                <Tag style={{ marginInlineStart: 8 }}>{t('prefs.channelOff', { channel: t('channel.email') })}</Tag>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('prefs.phone')}>
              <PhoneVerification view={view} />
            </Descriptions.Item>
          </Descriptions>
        </Card>
        <Card variant="borderless">
          <Table<TopicPreferenceView>
            rowKey="topic"
            size="small"
            pagination={false}
            dataSource={view.topics}
            columns={[
              {
                title: t('prefs.column.topic'),
                dataIndex: 'topic',
                render: (topic: NotificationTopic) => t(`topic.${topic}`),
              },
              {
                title: t('channel.inApp'),
                key: 'inApp',
                width: 90,
                responsive: ['sm'],
                render: () => <Switch size="small" checked disabled />,
              },
              {
                title: t('channel.email'),
                key: 'email',
                width: 72,
                render: (_, row) => (
                  <Switch
                    size="small"
                    checked={row.email}
                    disabled={update.isPending}
                    aria-label={`${t(`topic.${row.topic}`)} ${t('channel.email')}`}
                    onChange={(email) => setTopic(row.topic, { email, sms: row.sms })}
                  />
                ),
              },
              {
                title: t('channel.sms'),
                key: 'sms',
                width: 72,
                render: (_, row) => (
                  <Switch
                    size="small"
                    checked={row.sms}
                    disabled={update.isPending}
                    aria-label={`${t(`topic.${row.topic}`)} ${t('channel.sms')}`}
                    onChange={(sms) => setTopic(row.topic, { email: row.email, sms })}
                  />
                ),
              },
              {
                title: t('prefs.column.source'),
                key: 'source',
                width: 150,
                responsive: ['md'],
                render: (_, row) => (
                  <Space size={4}>
                    <Typography.Text type="secondary">{t(`source.${row.source}`)}</Typography.Text>
                    {row.source === 'user' && (
                      <Button size="small" type="link" onClick={() => setTopic(row.topic, null)}>
                        {t('prefs.reset')}
                      </Button>
                    )}
                  </Space>
                ),
              },
            ]}
          />
        </Card>
      </Flex>
    </>
  );
}

function PhoneVerification({ view }: { view: NotificationPreferencesView }) {
  const t = text.useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const start = useMutation({
    mutationFn: notificationSettingsApi.startPhoneVerification,
    onSuccess: (result) => setSentTo(result.phone),
    onError: (error) => void message.error(errorMessage(error)),
  });
  const confirm = useMutation({
    mutationFn: () => notificationSettingsApi.confirmPhoneVerification(code),
    onSuccess: () => {
      setSentTo(null);
      setCode('');
      void message.success(t('prefs.verifiedNow'));
      void queryClient.invalidateQueries({ queryKey: KEY });
    },
    onError: (error) => void message.error(errorMessage(error)),
  });
  if (!view.phone) return <Typography.Text type="secondary">{t('prefs.none')}</Typography.Text>;
  return (
    <Flex vertical gap={8}>
      <Flex gap={8} align="center" wrap>
        <span>{view.phone}</span>
        {view.phoneVerified ? (
          <Tag color="success" icon={<CheckCircleFilled />}>
            {t('prefs.verified')}
          </Tag>
        ) : (
          <Typography.Text type="warning">{t('prefs.unverified')}</Typography.Text>
        )}
        {!view.channels.sms && <Tag>{t('prefs.channelOff', { channel: t('channel.sms') })}</Tag>}
      </Flex>
      {!view.phoneVerified && view.channels.sms && (
        <Flex gap={8} wrap align="center">
          <Button onClick={() => start.mutate()} loading={start.isPending} data-testid="send-code">
            {t('prefs.sendCode')}
          </Button>
          {sentTo && (
            <>
              <Input
                value={code}
                onChange={(event) => setCode(event.target.value.replace(/\D/g, '').slice(0, 6))}
                placeholder={t('prefs.codePlaceholder')}
                inputMode="numeric"
                autoComplete="one-time-code"
                style={{ width: 140 }}
                aria-label={t('prefs.codePlaceholder')}
              />
              <Button type="primary" disabled={code.length !== 6} loading={confirm.isPending} onClick={() => confirm.mutate()}>
                {t('prefs.confirm')}
              </Button>
              <Typography.Text type="secondary" style={{ width: '100%' }}>
                {t('prefs.codeSent', { phone: sentTo })}
              </Typography.Text>
            </>
          )}
        </Flex>
      )}
    </Flex>
  );
}
