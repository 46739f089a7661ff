import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { TripStatus, TripSummaryView } from '@xiaoshi/contracts';
import { Button, Card, Flex, Select, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useAuth } from '../../app/auth/AuthContext';
import { Money } from '../../components/Money';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { beijingYear } from '../../lib/time';
import { tripsApi } from './api';
import { NormsTab } from './NormsTab';
import { TripDetail } from './TripDetail';
import { TripFormModal } from './TripForm';
import { TripStatusTag } from './TripStatusTag';
import { text } from './text';

/** 学习考察: the trips of a year and the training-cost norm table; /trips/:id is one trip. */
export default function TripsPage() {
  const t = text.useT();
  const { id } = useParams();
  const [params, setParams] = useSearchParams();
  if (id) return <TripDetail id={Number(id)} />;
  const tab = params.get('tab') === 'norms' ? 'norms' : 'trips';
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Card variant="borderless" styles={{ body: { paddingTop: 8 } }}>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams(key === 'norms' ? { tab: 'norms' } : {}, { replace: true })}
          destroyOnHidden
          items={[
            { key: 'trips', label: t('tab.trips'), children: <TripList /> },
            { key: 'norms', label: t('tab.norms'), children: <NormsTab /> },
          ]}
        />
      </Card>
    </>
  );
}

function TripList() {
  const t = text.useT();
  const { can } = useAuth();
  const navigate = useNavigate();
  const thisYear = beijingYear();
  const [year, setYear] = useState<number | undefined>(undefined);
  const [creating, setCreating] = useState(false);
  const list = useQuery({
    queryKey: ['trips', 'list', year],
    queryFn: ({ signal }) => tripsApi.list({ year, limit: 100 }, signal),
  });

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" gap={8} wrap>
        <Select
          aria-label={t('year')}
          placeholder={t('year')}
          allowClear
          style={{ width: 120 }}
          value={year}
          options={[thisYear + 1, thisYear, thisYear - 1].map((value) => ({ value, label: String(value) }))}
          onChange={(value?: number) => setYear(value)}
        />
        {can('trips.manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('new')}
          </Button>
        )}
      </Flex>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} compact />
      ) : (
        <Table<TripSummaryView>
          className="xs-trips"
          rowKey="id"
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('empty') }}
          columns={[
            {
              title: t('col.title'),
              key: 'title',
              render: (_, row) => (
                <Flex vertical>
                  <Flex gap={6} align="center" wrap>
                    <Link to={`/trips/${row.id}`}>{row.title}</Link>
                    {row.isDemo && <Tag color="orange">{t('demo')}</Tag>}
                  </Flex>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {row.destination}
                  </Typography.Text>
                </Flex>
              ),
            },
            {
              title: t('col.dates'),
              key: 'dates',
              render: (_, row) => (
                <Flex vertical>
                  <span>
                    {row.startDate} ~ {row.endDate}
                  </span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('col.days', { days: row.days })}
                  </Typography.Text>
                </Flex>
              ),
            },
            {
              title: t('col.participants'),
              key: 'participants',
              responsive: ['md'],
              render: (_, row) => (
                <Flex vertical>
                  <span>{t('col.participantsValue', { people: row.participants, communities: row.communities })}</span>
                  {row.attended !== null && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('col.attended', { count: row.attended })}
                    </Typography.Text>
                  )}
                </Flex>
              ),
            },
            { title: t('col.estimate'), dataIndex: 'estimateFen', align: 'right', render: (fen: number) => <Money fen={fen} /> },
            {
              title: t('col.actual'),
              dataIndex: 'actualFen',
              align: 'right',
              responsive: ['sm'],
              render: (fen: number | null) => (fen === null ? '—' : <Money fen={fen} strong />),
            },
            { title: t('col.status'), dataIndex: 'status', render: (status: TripStatus) => <TripStatusTag status={status} /> },
          ]}
          onRow={(row) => ({ onDoubleClick: () => void navigate(`/trips/${row.id}`) })}
        />
      )}
      <TripFormModal open={creating} trip={null} onClose={() => setCreating(false)} onSaved={(saved) => void navigate(`/trips/${saved.id}`)} />
    </Flex>
  );
}
