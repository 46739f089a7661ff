import { CopyOutlined, DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SurveyChoiceKey, SurveyView } from '@xiaoshi/contracts';
import { SURVEY_CHOICES } from '@xiaoshi/domain';
import {
  App,
  Button,
  Card,
  Descriptions,
  Drawer,
  Empty,
  Flex,
  Input,
  InputNumber,
  List,
  Popconfirm,
  Progress,
  Skeleton,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useState } from 'react';
import { useAuth } from '../../app/auth/AuthContext';
import { QueryError } from '../../components/QueryError';
import { errorMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/time';
import { surveyLink, surveysApi } from './api';
import { QrCode } from './QrCode';
import { text } from './text';
import { useLang } from '../../i18n/i18n';

const CHOICE_COLORS: Record<SurveyChoiceKey, string> = {
  satisfied: '#52c41a',
  basically_satisfied: '#1677ff',
  dissatisfied: '#ff4d4f',
};

function copy(textToCopy: string) {
  return navigator.clipboard?.writeText(textToCopy) ?? Promise.reject(new Error('clipboard'));
}

function Results({ survey }: { survey: SurveyView }) {
  const t = text.useT();
  const lang = useLang();
  const { results } = survey;
  if (results.answers === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.noAnswers')} />;
  return (
    <Flex vertical gap={12}>
      <Typography.Title level={4} style={{ margin: 0 }} data-testid="survey-satisfaction">
        {t('detail.satisfaction', {
          value: results.satisfaction === null ? '—' : `${Math.round(results.satisfaction * 100) / 100}%`,
        })}
      </Typography.Title>
      <Typography.Text type="secondary">
        {survey.countBasicallySatisfied ? t('detail.rule.basic') : t('detail.rule.strict')} ·{' '}
        {results.answers}
      </Typography.Text>
      {SURVEY_CHOICES.map((choice) => (
        <Flex key={choice} gap={8} align="center">
          <span style={{ width: 88 }}>{t(`choice.${choice}`)}</span>
          <Progress
            style={{ flex: 1, margin: 0 }}
            percent={Math.round((results.counts[choice] / results.answers) * 1000) / 10}
            strokeColor={CHOICE_COLORS[choice]}
            format={() => results.counts[choice]}
          />
        </Flex>
      ))}
      <Typography.Text strong>{t('detail.byGroup')}</Typography.Text>
      <Table
        size="small"
        pagination={false}
        rowKey={(row) => row.group ?? 'none'}
        dataSource={results.byGroup}
        columns={[
          {
            title: '',
            key: 'group',
            render: (_, row) => (row.group ? t(`group.${row.group}`) : t('group.none')),
          },
          ...SURVEY_CHOICES.map((choice) => ({
            title: t(`choice.${choice}`),
            key: choice,
            align: 'right' as const,
            render: (_: unknown, row: (typeof results.byGroup)[number]) => row.counts[choice],
          })),
        ]}
      />
      <Typography.Text strong>{t('detail.comments')}</Typography.Text>
      {results.comments.length === 0 ? (
        <Typography.Text type="secondary">{t('detail.noComments')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={results.comments}
          renderItem={(comment) => (
            <List.Item>
              <Flex vertical>
                <Typography.Text>{comment.comment}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t(`choice.${comment.choice}`)}
                  {comment.group && ` · ${t(`group.${comment.group}`)}`} ·{' '}
                  {formatDateTime(comment.answeredAt, lang, false)}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Flex>
  );
}

function Invitations({ survey }: { survey: SurveyView }) {
  const t = text.useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [count, setCount] = useState(10);
  const [links, setLinks] = useState<string[]>([]);
  const invite = useMutation({
    mutationFn: () => surveysApi.invite(survey.id, count),
    onSuccess: (made) => {
      setLinks(made.tokens.map((token) => surveyLink(survey.code, token)));
      void message.success(t('detail.invited', { count: made.tokens.length }));
      void queryClient.invalidateQueries({ queryKey: ['surveys'] });
    },
    onError: (error) => void message.error(errorMessage(error)),
  });
  return (
    <Card
      size="small"
      title={t('detail.invitations')}
      extra={<Tag>{t('detail.sent', { count: survey.invitations })}</Tag>}
    >
      <Flex vertical gap={8}>
        <Typography.Text type="secondary">{t('detail.invitationsHint')}</Typography.Text>
        <Flex gap={8} wrap>
          <InputNumber
            aria-label={t('detail.invitationCount')}
            min={1}
            max={500}
            value={count}
            onChange={(value) => setCount(value ?? 1)}
          />
          <Button
            onClick={() => invite.mutate()}
            loading={invite.isPending}
            disabled={survey.status !== 'open'}
          >
            {t('detail.invite')}
          </Button>
        </Flex>
        {links.length > 0 && (
          <>
            <Input.TextArea readOnly value={links.join('\n')} autoSize={{ minRows: 3, maxRows: 8 }} />
            <Button
              icon={<CopyOutlined />}
              onClick={() => void copy(links.join('\n')).then(() => message.success(t('detail.copied')))}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('detail.copyAll')}
            </Button>
          </>
        )}
      </Flex>
    </Card>
  );
}

/** One survey: its public link and QR code, live results, invitations, close/reopen. */
export function SurveyDrawer({ id, onClose }: { id: number; onClose: () => void }) {
  const t = text.useT();
  const { can } = useAuth();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [qr, setQr] = useState<string | null>(null);
  const onQr = useCallback((url: string) => setQr(url), []);
  const survey = useQuery({
    queryKey: ['surveys', 'one', id],
    queryFn: ({ signal }) => surveysApi.get(id, signal),
  });
  const toggle = useMutation({
    mutationFn: (open: boolean) => (open ? surveysApi.reopen(id) : surveysApi.close(id)),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['surveys'] }),
    onError: (error) => void message.error(errorMessage(error)),
  });
  const width = typeof window === 'undefined' ? 720 : Math.min(720, window.innerWidth);
  return (
    <Drawer open onClose={onClose} size={width} title={survey.data?.title ?? t('title')}>
      {survey.isPending ? (
        <Skeleton active />
      ) : survey.isError ? (
        <QueryError error={survey.error} onRetry={() => void survey.refetch()} />
      ) : (
        <Flex vertical gap={16}>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('col.subject')}>
              {t(`subject.${survey.data.subject.kind}`)} · {survey.data.subject.name}
            </Descriptions.Item>
            <Descriptions.Item label={t('col.line')}>{survey.data.budgetLine.name}</Descriptions.Item>
            <Descriptions.Item label={t('col.status')}>
              <Tag color={survey.data.status === 'open' ? 'green' : 'default'}>
                {t(`status.${survey.data.status}`)}
              </Tag>
            </Descriptions.Item>
          </Descriptions>
          <Card size="small" title={t('detail.link')}>
            <Flex gap={16} wrap align="center">
              <QrCode
                value={surveyLink(survey.data.code)}
                alt={t('detail.qrAlt', { title: survey.data.title })}
                size={180}
                onReady={onQr}
              />
              <Flex vertical gap={8} style={{ minWidth: 0, flex: 1 }}>
                <Typography.Text
                  copyable={{ text: surveyLink(survey.data.code) }}
                  data-testid="survey-link"
                  style={{ wordBreak: 'break-all' }}
                >
                  {surveyLink(survey.data.code)}
                </Typography.Text>
                {qr && (
                  <a href={qr} download={`${survey.data.title}.png`}>
                    <Button icon={<DownloadOutlined />}>{t('detail.downloadQr')}</Button>
                  </a>
                )}
              </Flex>
            </Flex>
          </Card>
          <Card size="small" title={t('detail.results')}>
            <Results survey={survey.data} />
          </Card>
          {can('surveys.manage') && (
            <>
              <Invitations survey={survey.data} />
              <Popconfirm
                title={survey.data.status === 'open' ? t('detail.close') : t('detail.reopen')}
                onConfirm={() => toggle.mutate(survey.data.status !== 'open')}
              >
                <Button
                  danger={survey.data.status === 'open'}
                  loading={toggle.isPending}
                  style={{ alignSelf: 'flex-start' }}
                >
                  {survey.data.status === 'open' ? t('detail.close') : t('detail.reopen')}
                </Button>
              </Popconfirm>
            </>
          )}
        </Flex>
      )}
    </Drawer>
  );
}
