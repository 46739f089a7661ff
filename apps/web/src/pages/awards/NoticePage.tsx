import { CheckCircleOutlined, DownloadOutlined, ExportOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { formatScore } from '@xiaoshi/domain';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Popconfirm,
  Skeleton,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { awardsApi } from '../../api/awards';
import { hasCode } from '../../api/errors';
import { useAuth } from '../../app/auth/AuthContext';
import { Money } from '../../components/Money';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { saveFile } from '../../lib/download';
import { errorMessage } from '../../lib/errors';
import { beijingDate } from '../../lib/time';
import './awards.css';
import { AwardStatusTag } from './shared';
import { awardText } from './text';
import { commonText } from '../../i18n/common';
import { Inbox, type Item } from './notice/Inbox';

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
