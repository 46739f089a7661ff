import { useQuery } from '@tanstack/react-query';
import type { DecisionView } from '@xiaoshi/contracts';
import { Table, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { awardsApi } from '../../api/awards';
import { Money } from '../../components/Money';
import { QueryError } from '../../components/QueryError';
import { formatDateTime } from '../../lib/time';
import { AwardStatusTag, methodLabel } from './shared';
import { awardText } from './text';
import { useLang } from '../../i18n/i18n';

/** Every decision of a competition, newest first: proposals, superseded ones, the one in notice. */
export function DecisionsList({ competitionId }: { competitionId: number }) {
  const a = awardText.useT();
  const lang = useLang();
  const decisions = useQuery({
    queryKey: ['awards', 'decisions', competitionId],
    queryFn: ({ signal }) => awardsApi.decisions(competitionId, signal),
  });
  if (decisions.isError)
    return <QueryError error={decisions.error} onRetry={() => void decisions.refetch()} compact />;
  const columns: TableColumnsType<DecisionView> = [
    {
      title: a('decisions.col.id'),
      dataIndex: 'id',
      width: 90,
      render: (id: number) => <Link to={`/decisions/${id}`}>#{id}</Link>,
    },
    {
      title: a('decisions.col.createdAt'),
      dataIndex: 'createdAt',
      width: 170,
      render: (iso: string) => formatDateTime(iso, lang, false),
    },
    {
      title: a('decisions.col.method'),
      dataIndex: 'method',
      render: (method: string) => methodLabel(method, a),
    },
    {
      title: a('decisions.col.count'),
      key: 'count',
      width: 90,
      align: 'right',
      render: (_, row) => row.awards.length,
    },
    {
      title: a('decisions.col.total'),
      dataIndex: 'totalFen',
      width: 190,
      align: 'right',
      render: (fen: number) => <Money fen={fen} showWan stacked />,
    },
    {
      title: a('decisions.col.status'),
      dataIndex: 'status',
      width: 110,
      render: (status: string) => <AwardStatusTag status={status} kind="decision" />,
    },
    {
      title: '',
      key: 'open',
      width: 80,
      render: (_, row) => <Link to={`/decisions/${row.id}`}>{a('decisions.open')}</Link>,
    },
  ];
  return (
    <Table<DecisionView>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={decisions.data ?? []}
      loading={decisions.isPending}
      pagination={false}
      scroll={{ x: 700 }}
      locale={{ emptyText: a('decisions.empty') }}
    />
  );
}
