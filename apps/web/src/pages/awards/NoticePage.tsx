import { CheckCircleOutlined, DownloadOutlined, ExportOutlined, ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PublicNoticeView } from '@xiaoshi/contracts';
import { formatScore } from '@xiaoshi/domain';
import {
  Alert,
  App,
  Badge,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  List,
  Modal,
  Popconfirm,
  Radio,
  Skeleton,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { awardsApi, type ObjectionOutcome, type ObjectionView } from '../../api/awards';
import { hasCode, isApiError } from '../../api/errors';
import { useAuth } from '../../app/auth/AuthContext';
import { Money } from '../../components/Money';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { saveFile } from '../../lib/download';
import { errorMessage } from '../../lib/errors';
import { reportFormError } from '../../lib/form-errors';
import { yuan } from '../../lib/money';
import { beijingDate, formatDateTime } from '../../lib/time';
import './awards.css';
import { AwardStatusTag } from './shared';
import { awardText } from './text';
import { commonText } from '../../i18n/common';
import { useLang } from '../../i18n/i18n';

type Item = PublicNoticeView['items'][number];

/** Calendar days from today (Beijing) to a date, for the "still N days" hint. */
function daysUntilDate(day: string): number {
  return Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${beijingDate()}T00:00:00Z`)) / 86_400_000);
}

/** 公示管理: the notice, its objections inbox, approval (立项) when the period is over, export. */
export default function NoticePage() {
  const { id } = useParams();
  const noticeId = Number(id);
  const a = awardText.useT();
  const t = commonText.useT();
  const { can } = useAuth();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const notice = useQuery({
    queryKey: ['awards', 'notice', noticeId],
    queryFn: ({ signal }) => awardsApi.notice(noticeId, signal),
  });
  const objections = useQuery({
    queryKey: ['awards', 'objections', noticeId],
    queryFn: ({ signal }) => awardsApi.objections(noticeId, signal),
  });
  const [closeError, setCloseError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const close = useMutation({ mutationFn: () => awardsApi.close(noticeId) });

  if (notice.isError) return <QueryError error={notice.error} onRetry={() => void notice.refetch()} />;
  if (notice.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  const n = notice.data;
  const pending = (objections.data ?? []).filter((objection) => objection.status === 'pending').length;
  const left = daysUntilDate(n.lastDay);
  const decide = can('awards.decide');

  const approve = async () => {
    setCloseError(null);
    try {
      const closed = await close.mutateAsync();
      queryClient.setQueryData(['awards', 'notice', noticeId], closed);
      void queryClient.invalidateQueries({ queryKey: ['awards'] });
      void queryClient.invalidateQueries({ queryKey: ['budgets'] });
      message.success(a('notice.closed'));
    } catch (error) {
      // The two refusals an official meets in practice, said in full; anything else as the API says it.
      if (hasCode(error, 'NOTICE_NOT_ENDED')) setCloseError(a('notice.notEnded', { last: n.lastDay }));
      else if (hasCode(error, 'OBJECTIONS_PENDING')) {
        setCloseError(a('notice.pending', { count: pending || 1 }));
        void objections.refetch();
      } else setCloseError(errorMessage(error));
    }
  };
  const exportList = async () => {
    setExporting(true);
    try {
      saveFile(await awardsApi.exportNotice(noticeId), `${n.title}.xlsx`);
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setExporting(false);
    }
  };

  const columns: TableColumnsType<Item> = [
    {
      title: a('notice.col.title'),
      dataIndex: 'title',
      minWidth: 200,
      render: (title: string, row) => (
        <Typography.Text delete={row.status === 'withdrawn'}>{title}</Typography.Text>
      ),
    },
    {
      title: a('notice.col.place'),
      key: 'place',
      width: 200,
      render: (_, row) => `${row.community} · ${row.street}`,
    },
    { title: a('notice.col.category'), dataIndex: 'category', width: 90 },
    {
      title: a('notice.col.score'),
      dataIndex: 'score',
      width: 80,
      align: 'right',
      render: (score: number | null) => formatScore(score),
    },
    {
      title: a('notice.col.amount'),
      dataIndex: 'amountFen',
      width: 170,
      align: 'right',
      render: (fen: number) => <Money fen={fen} showWan stacked />,
    },
    {
      title: a('notice.col.status'),
      dataIndex: 'status',
      width: 100,
      render: (status: string) => <AwardStatusTag status={status} />,
    },
  ];

  return (
    <>
      <PageHeader
        title={n.title}
        subtitle={`${a('notice.title')} · ${n.competitionTitle}`}
        extra={
          <>
            <Button icon={<ExportOutlined />} href={`/public/notices/${n.id}`} target="_blank">
              {a('notice.publicPage')}
            </Button>
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportList()}>
              {a('notice.export')}
            </Button>
            {decide && n.status === 'open' && (
              <Popconfirm
                title={a('notice.closeConfirm')}
                okText={t('confirm')}
                cancelText={t('cancel')}
                onConfirm={() => approve()}
              >
                <Button type="primary" icon={<CheckCircleOutlined />} loading={close.isPending}>
                  {a('notice.close')}
                </Button>
              </Popconfirm>
            )}
          </>
        }
      />
      <Flex vertical gap={16}>
        {closeError && (
          <Alert
            type="error"
            showIcon
            closable={{ onClose: () => setCloseError(null) }}
            title={closeError}
            data-testid="close-error"
          />
        )}
        <Card variant="borderless">
          <Descriptions column={{ xs: 1, md: 2 }} size="small">
            <Descriptions.Item label={a('decision.status')}>
              <Tag
                color={n.status === 'open' ? 'processing' : 'success'}
                data-testid="notice-status"
                data-status={n.status}
              >
                {n.status === 'open' || n.status === 'closed' ? a(`notice.status.${n.status}`) : n.status}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={a('notice.period')}>
              <span data-testid="notice-period">
                {a('notice.periodValue', { first: n.firstDay, last: n.lastDay, days: n.workingDays })}
              </span>
            </Descriptions.Item>
            {n.status === 'open' && (
              <Descriptions.Item label={a('notice.remaining')}>
                <Typography.Text type={left >= 0 ? 'secondary' : 'success'}>
                  {left >= 0 ? a('notice.daysLeft', { days: left + 1 }) : a('notice.ended')}
                </Typography.Text>
              </Descriptions.Item>
            )}
            <Descriptions.Item label={a('notice.contact')}>{n.contact}</Descriptions.Item>
            <Descriptions.Item label={a('notice.competition')}>{n.competitionTitle}</Descriptions.Item>
          </Descriptions>
        </Card>
        <Card variant="borderless" title={a('notice.items')}>
          <Table<Item>
            rowKey="awardId"
            size="small"
            columns={columns}
            dataSource={n.items}
            pagination={false}
            scroll={{ x: 720 }}
          />
        </Card>
        <Inbox
          noticeId={noticeId}
          items={n.items}
          objections={objections}
          pending={pending}
          canDecide={decide}
        />
      </Flex>
    </>
  );
}

function Inbox({
  noticeId,
  items,
  objections,
  pending,
  canDecide,
}: {
  noticeId: number;
  items: Item[];
  objections: ReturnType<typeof useQuery<ObjectionView[]>>;
  pending: number;
  canDecide: boolean;
}) {
  const a = awardText.useT();
  const t = commonText.useT();
  const lang = useLang();
  const [deciding, setDeciding] = useState<ObjectionView | null>(null);
  const [outcome, setOutcome] = useState<ObjectionOutcome | null>(null);
  const titles = new Map(items.map((item) => [item.awardId, item.title]));
  return (
    <Card
      variant="borderless"
      title={
        <Flex gap={8} align="center">
          {a('objections.title')}
          {pending > 0 && <Badge count={a('objections.pendingCount', { count: pending })} color="#f59e0b" />}
        </Flex>
      }
      extra={
        <Button size="small" icon={<ReloadOutlined />} onClick={() => void objections.refetch()}>
          {t('reload')}
        </Button>
      }
      data-testid="objections-inbox"
    >
      {outcome && (
        <Alert
          style={{ marginBottom: 12 }}
          showIcon
          closable={{ onClose: () => setOutcome(null) }}
          type={outcome.suggestion ? 'warning' : 'info'}
          title={
            outcome.suggestion
              ? a('objections.suggestion', {
                  title: outcome.suggestion.title,
                  amount: yuan(outcome.suggestion.awardFen),
                })
              : a('objections.noSuggestion')
          }
          data-testid="objection-suggestion"
        />
      )}
      {objections.isError ? (
        <QueryError error={objections.error} onRetry={() => void objections.refetch()} compact />
      ) : (
        <List<ObjectionView>
          loading={objections.isPending}
          dataSource={objections.data ?? []}
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={a('objections.empty')} />,
          }}
          renderItem={(objection) => (
            <List.Item
              data-testid={`objection-${objection.id}`}
              data-status={objection.status}
              actions={
                canDecide && objection.status === 'pending'
                  ? [
                      <Button key="decide" type="primary" size="small" onClick={() => setDeciding(objection)}>
                        {a('objections.decide')}
                      </Button>,
                    ]
                  : undefined
              }
            >
              <Flex vertical gap={4} style={{ minWidth: 0, width: '100%' }}>
                <Flex gap={8} wrap align="center">
                  <Tag
                    color={
                      objection.status === 'pending'
                        ? 'gold'
                        : objection.status === 'upheld'
                          ? 'red'
                          : 'default'
                    }
                    style={{ marginInlineEnd: 0 }}
                  >
                    {a(`objections.status.${objection.status}`)}
                  </Tag>
                  <Typography.Text strong>
                    {objection.awardId
                      ? a('objections.about', {
                          title: titles.get(objection.awardId) ?? `#${objection.awardId}`,
                        })
                      : a('objections.general')}
                  </Typography.Text>
                </Flex>
                <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>
                  {objection.text}
                </Typography.Paragraph>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {objection.contactName} ·{' '}
                  <span data-testid="objection-phone">{objection.contactPhone}</span>
                  {objection.contactPhone.includes('*') ? `（${a('objections.masked')}）` : ''} ·{' '}
                  {a('objections.filedAt', { time: formatDateTime(objection.createdAt, lang, false) })}
                </Typography.Text>
                {objection.investigation && (
                  <Alert
                    type={objection.status === 'upheld' ? 'warning' : 'info'}
                    title={`${a('objections.investigation')}：${objection.investigation}`}
                    description={
                      objection.decidedAt ? formatDateTime(objection.decidedAt, lang, false) : undefined
                    }
                  />
                )}
              </Flex>
            </List.Item>
          )}
        />
      )}
      <DecideModal
        noticeId={noticeId}
        objection={deciding}
        title={deciding?.awardId ? titles.get(deciding.awardId) : undefined}
        onClose={() => setDeciding(null)}
        onDecided={setOutcome}
      />
    </Card>
  );
}

interface DecideValues {
  outcome: 'upheld' | 'dismissed';
  investigation: string;
}

function DecideModal({
  noticeId,
  objection,
  title,
  onClose,
  onDecided,
}: {
  noticeId: number;
  objection: ObjectionView | null;
  title?: string;
  onClose: () => void;
  onDecided: (outcome: ObjectionOutcome | null) => void;
}) {
  const a = awardText.useT();
  const t = commonText.useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<DecideValues>();
  const decide = useMutation({
    mutationFn: (values: DecideValues) =>
      awardsApi.decideObjection(objection!.id, {
        outcome: values.outcome,
        investigation: values.investigation.trim(),
      }),
  });
  useEffect(() => {
    if (objection) form.resetFields();
  }, [objection, form]);

  const submit = async (values: DecideValues) => {
    try {
      const result = await decide.mutateAsync(values);
      message.success(a('objections.saved'));
      onDecided(values.outcome === 'upheld' ? result : null);
      void queryClient.invalidateQueries({ queryKey: ['awards', 'objections', noticeId] });
      void queryClient.invalidateQueries({ queryKey: ['awards', 'notice', noticeId] });
      onClose();
    } catch (error) {
      if (isApiError(error) && error.status === 409)
        void queryClient.invalidateQueries({ queryKey: ['awards'] });
      reportFormError(form, error, message);
    }
  };

  return (
    <Modal
      open={!!objection}
      title={a('objections.decide')}
      okText={t('submit')}
      cancelText={t('cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={decide.isPending}
      forceRender
    >
      {objection && (
        <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
          {title ? `${a('objections.about', { title })}\n` : ''}
          {objection.text}
        </Typography.Paragraph>
      )}
      <Form<DecideValues>
        form={form}
        layout="vertical"
        initialValues={{ outcome: 'dismissed' }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item name="outcome" label={a('objections.outcome')} rules={[{ required: true }]}>
          <Radio.Group
            options={[
              { value: 'dismissed', label: a('objections.dismissed') },
              {
                value: 'upheld',
                label: a('objections.upheld'),
                disabled: !objection?.awardId,
                title: objection?.awardId ? undefined : a('objections.upheldNoAward'),
              },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="investigation"
          label={a('objections.investigation')}
          rules={[{ required: true, whitespace: true, message: a('objections.investigationRequired') }]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
