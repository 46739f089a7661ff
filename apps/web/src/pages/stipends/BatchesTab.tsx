import { CalculatorOutlined, DownloadOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import type { StipendBatchSummaryView, StipendProgrammeView } from '@xiaoshi/contracts';
import { Alert, App, Button, Card, Col, Flex, Row, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../api/errors';
import { stipendsApi } from '../../api/stipends';
import { useAuth } from '../../app/auth/AuthContext';
import { Money } from '../../components/Money';
import { QueryError } from '../../components/QueryError';
import { errorMessage } from '../../lib/errors';
import { yuan } from '../../lib/money';
import { formatDateTime } from '../../lib/time';
import { BatchDrawer } from './BatchDrawer';
import { PeriodPicker, StatusTag } from './shared';
import { stipendText } from './i18n';
import { commonText } from '../../i18n/common';
import { useLang } from '../../i18n/i18n';

interface Props {
  programme: StipendProgrammeView;
  period: { year: number; quarter: number };
  onPeriod: (next: { year: number; quarter: number }) => void;
  batchId: number | null;
  onBatch: (id: number | null) => void;
  /** Other programmes whose batches belong on this page (a cadre roster's one-off subsidies). */
  relatedProgrammeIds?: number[];
}

/** Generate a quarter's batch from the audited reports (preview first), and the batch history. */
export function BatchesTab({ programme, period, onPeriod, batchId, onBatch, relatedProgrammeIds = [] }: Props) {
  const programmeIds = [programme.id, ...relatedProgrammeIds];
  const s = stipendText.useT();
  const t = commonText.useT();
  const lang = useLang();
  const { can } = useAuth();
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const [generateError, setGenerateError] = useState<{ message: string; detail: string[] } | null>(null);
  const periodText = s('period.yq', period);

  const preview = useQuery({
    queryKey: ['stipends', 'preview', programme.id, period.year, period.quarter],
    queryFn: ({ signal }) => stipendsApi.preview(programme.id, period.year, period.quarter, signal),
  });
  const history = useInfiniteQuery({
    queryKey: ['stipends', 'batches', programme.rosterKind],
    queryFn: ({ pageParam, signal }) =>
      stipendsApi.batches({ limit: 20, cursor: pageParam ?? undefined }, signal),
    // A cadre programme's page lists its one-off subsidies too; a building leaders' page its own.
    select: (data) => ({
      ...data,
      pages: data.pages.map((page) => ({
        ...page,
        items: page.items.filter((batch) => programmeIds.includes(batch.programme.id)),
      })),
    }),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const batches = history.data?.pages.flatMap((page) => page.items) ?? [];

  const generate = () =>
    modal.confirm({
      title: s('batches.generateConfirm', { period: periodText }),
      content: preview.data && `${s('batches.previewTotal')}：${yuan(preview.data.totalFen)}`,
      okText: s('batches.generate'),
      onOk: async () => {
        setGenerateError(null);
        try {
          const batch = await stipendsApi.generateBatch(programme.id, period);
          void message.success(s('batches.generated'));
          await queryClient.invalidateQueries({ queryKey: ['stipends'] });
          onBatch(batch.id);
        } catch (error) {
          const detail = isApiError(error)
            ? Object.entries(error.fields).map(([key, text]) =>
                key === 'streets' ? s('batches.pendingStreets', { streets: text }) : text,
              )
            : [];
          setGenerateError({ message: errorMessage(error), detail });
        }
      },
    });

  return (
    <Flex vertical gap={16}>
      <Card
        size="small"
        title={
          <Flex gap={8} align="center" wrap>
            <CalculatorOutlined />
            {s('batches.previewTitle', { period: periodText })}
          </Flex>
        }
        extra={
          <Flex gap={8} wrap>
            <PeriodPicker year={period.year} quarter={period.quarter} onChange={onPeriod} />
          </Flex>
        }
      >
        {preview.isError ? (
          <QueryError error={preview.error} onRetry={() => void preview.refetch()} compact />
        ) : (
          <Flex vertical gap={12}>
            <Row gutter={[16, 16]}>
              <Col xs={24} md={10}>
                <Statistic
                  title={s('batches.previewTotal')}
                  loading={preview.isPending}
                  value={preview.data ? yuan(preview.data.totalFen) : ''}
                />
              </Col>
              <Col xs={12} md={7}>
                <Statistic
                  title={s('batches.previewPeople')}
                  loading={preview.isPending}
                  value={preview.data?.people}
                />
              </Col>
              <Col xs={12} md={7}>
                <Statistic
                  title={s('batches.previewPersonMonths')}
                  loading={preview.isPending}
                  value={preview.data?.personMonths}
                />
              </Col>
            </Row>
            {preview.data && preview.data.byStreet.length > 0 && (
              <Table
                size="small"
                rowKey={(row) => row.street.id}
                pagination={false}
                dataSource={preview.data.byStreet}
                scroll={{ x: 'max-content' }}
                columns={[
                  { title: s('reports.col.street'), key: 'street', render: (_, row) => row.street.name },
                  { title: s('batches.previewPeople'), dataIndex: 'people', align: 'right' },
                  { title: s('batches.previewPersonMonths'), dataIndex: 'personMonths', align: 'right' },
                  {
                    title: s('batches.col.total'),
                    dataIndex: 'totalFen',
                    align: 'right',
                    render: (fen: number) => <Money fen={fen} />,
                  },
                ]}
              />
            )}
            {generateError && (
              <Alert
                type="error"
                showIcon
                closable
                onClose={() => setGenerateError(null)}
                title={generateError.message}
                description={generateError.detail.length > 0 && generateError.detail.join('；')}
              />
            )}
            {can('stipends.prepare') && (
              <Flex justify="flex-end">
                <Button type="primary" disabled={!preview.data?.totalFen} onClick={generate}>
                  {s('batches.generate')}
                </Button>
              </Flex>
            )}
          </Flex>
        )}
      </Card>

      <Typography.Title level={5} style={{ margin: 0 }}>
        {s('batches.history')}
      </Typography.Title>
      {history.isError ? (
        <QueryError error={history.error} onRetry={() => void history.refetch()} compact />
      ) : (
        <Table<StipendBatchSummaryView>
          className="xs-stipend-batches"
          rowKey="id"
          size="middle"
          loading={history.isPending}
          dataSource={batches}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              title: s('batches.col.period'),
              key: 'period',
              render: (_, row) => (
                <Flex vertical>
                  <Button
                    type="link"
                    size="small"
                    style={{ padding: 0, height: 'auto' }}
                    onClick={() => onBatch(row.id)}
                  >
                    {row.period}
                  </Button>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    #{row.id} · {row.programme.name}
                  </Typography.Text>
                </Flex>
              ),
            },
            {
              title: s('batches.col.kind'),
              dataIndex: 'kind',
              responsive: ['lg'],
              render: (kind: string) => (
                <Tag>{s(kind === 'one_off' ? 'batches.kind.one_off' : 'batches.kind.quarterly')}</Tag>
              ),
            },
            {
              title: s('batches.col.total'),
              dataIndex: 'totalFen',
              align: 'right',
              render: (fen: number) => <Money fen={fen} strong />,
            },
            { title: s('batches.col.people'), dataIndex: 'peopleCount', align: 'right' },
            {
              title: s('batches.col.status'),
              dataIndex: 'status',
              render: (status: string) => <StatusTag prefix="batches.status" status={status} />,
            },
            {
              title: s('batches.col.prepared'),
              key: 'prepared',
              responsive: ['md'],
              render: (_, row) => <Who name={row.preparedBy} at={row.preparedAt} lang={lang} />,
            },
            {
              title: s('batches.col.approved'),
              key: 'approved',
              responsive: ['lg'],
              render: (_, row) => <Who name={row.approvedBy} at={row.approvedAt} lang={lang} />,
            },
            {
              title: s('batches.col.paid'),
              key: 'paid',
              responsive: ['xl'],
              render: (_, row) => <Who name={row.paidBy} at={row.paidAt} lang={lang} />,
            },
            {
              title: t('actions'),
              key: 'actions',
              render: (_, row) => (
                <Button
                  size="small"
                  icon={row.status === 'approved' ? <DownloadOutlined /> : undefined}
                  onClick={() => onBatch(row.id)}
                >
                  {s('batches.open')}
                </Button>
              ),
            },
          ]}
        />
      )}
      {history.hasNextPage && (
        <Flex justify="center">
          <Button loading={history.isFetchingNextPage} onClick={() => void history.fetchNextPage()}>
            {s('roster.more')}
          </Button>
        </Flex>
      )}
      <BatchDrawer batchId={batchId} onClose={() => onBatch(null)} />
    </Flex>
  );
}

function Who({ name, at, lang }: { name: string | null; at: string | null; lang: 'zh' | 'en' }) {
  if (!name && !at) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Flex vertical style={{ fontSize: 12 }}>
      <span>{name ?? '—'}</span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {formatDateTime(at, lang, false)}
      </Typography.Text>
    </Flex>
  );
}
