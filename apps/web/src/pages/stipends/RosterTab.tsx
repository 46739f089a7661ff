import { DownloadOutlined } from '@ant-design/icons';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { StipendPersonView, StipendProgrammeView } from '@xiaoshi/contracts';
import { App, Button, Flex, Input, Select, Table, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { stipendsApi, type StipendPeopleFilters } from '../../api/stipends';
import { useAuth } from '../../app/auth/AuthContext';
import { Money } from '../../components/Money';
import { useScopedUnits } from '../../components/UnitTreeSelect';
import { saveFile } from '../../lib/download';
import { errorMessage } from '../../lib/errors';
import { QueryError } from '../../components/QueryError';
import { ImportPanel } from './ImportPanel';
import { PersonDrawer } from './PersonDrawer';
import { RevealButton } from './RevealButton';
import { StatusTag } from './shared';
import { stipendText } from './i18n';
import { commonText } from '../../i18n/common';

const PAGE_SIZE = 50;
const STATUSES = ['active', 'suspended', 'deceased', 'removed'] as const;

export function RosterTab({ programme }: { programme: StipendProgrammeView }) {
  const s = stipendText.useT();
  const t = commonText.useT();
  const { can } = useAuth();
  const { message } = App.useApp();
  const units = useScopedUnits();
  const [filters, setFilters] = useState<StipendPeopleFilters>({});
  const [search, setSearch] = useState('');
  const [personId, setPersonId] = useState<number | null>(null);
  const [exporting, setExporting] = useState(false);

  const streets = useMemo(() => (units.data ?? []).filter((unit) => unit.kind === 'street'), [units.data]);
  const query: StipendPeopleFilters = { ...filters, programmeId: programme.id };
  const list = useInfiniteQuery({
    queryKey: ['stipends', 'people', query],
    queryFn: ({ pageParam, signal }) =>
      stipendsApi.people({ ...query, limit: PAGE_SIZE, cursor: pageParam ?? undefined }, signal),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];

  const download = async () => {
    setExporting(true);
    try {
      saveFile(await stipendsApi.exportRoster(programme.id), `${programme.name}-名册.xlsx`);
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setExporting(false);
    }
  };

  const columns: TableColumnsType<StipendPersonView> = [
    {
      title: s('roster.col.name'),
      key: 'name',
      width: 110,
      render: (_, row) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setPersonId(row.id)}>
          {row.name}
        </Button>
      ),
    },
    {
      title: s('roster.col.nationalId'),
      dataIndex: 'nationalId',
      width: 190,
      render: (value: string) => (
        <span style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>{value}</span>
      ),
    },
    {
      title: s('roster.col.unit'),
      key: 'unit',
      render: (_, row) => (
        <Flex vertical>
          <span>{row.community.name}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.street.name}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: s('roster.col.departure'),
      dataIndex: 'departureDate',
      width: 110,
      responsive: ['lg'],
    },
    {
      title: s('roster.col.rate'),
      dataIndex: 'monthlyRateFen',
      width: 130,
      align: 'right',
      render: (fen: number) => <Money fen={fen} />,
    },
    {
      title: s('roster.col.bank'),
      key: 'bank',
      responsive: ['xl'],
      render: (_, row) => (
        <Flex vertical>
          <span>{row.bankName}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontVariantNumeric: 'tabular-nums' }}>
            {row.bankAccount}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: s('roster.col.status'),
      key: 'status',
      width: 96,
      render: (_, row) => <StatusTag prefix="status" status={row.removedOn ? 'removed' : row.status} />,
    },
    ...(can('stipends.reveal')
      ? [
          {
            title: t('actions'),
            key: 'reveal',
            width: 90,
            render: (_: unknown, row: StipendPersonView) => <RevealButton personId={row.id} name={row.name} />,
          },
        ]
      : []),
  ];

  return (
    <Flex vertical gap={16}>
      {can('stipends.roster') && <ImportPanel programme={programme} />}
      <Flex gap={8} wrap justify="space-between">
        <Flex gap={8} wrap>
          {streets.length > 1 && (
            <Select
              aria-label={s('roster.filter.street')}
              placeholder={s('roster.filter.street')}
              allowClear
              style={{ width: 160 }}
              value={filters.streetId}
              options={streets.map((street) => ({ value: street.id, label: street.name }))}
              onChange={(value?: number) => setFilters({ ...filters, streetId: value })}
            />
          )}
          <Select
            aria-label={s('roster.filter.status')}
            placeholder={s('roster.filter.status')}
            allowClear
            style={{ width: 130 }}
            value={filters.status}
            options={STATUSES.map((status) => ({ value: status, label: s(`status.${status}`) }))}
            onChange={(value?: StipendPeopleFilters['status']) => setFilters({ ...filters, status: value })}
          />
          <Input.Search
            aria-label={s('roster.filter.q')}
            placeholder={s('roster.filter.q')}
            allowClear
            style={{ width: 240 }}
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            onSearch={(value) => setFilters({ ...filters, q: value.trim() || undefined })}
          />
        </Flex>
        <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void download()}>
          {s('roster.export')}
        </Button>
      </Flex>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} compact />
      ) : (
        <Table<StipendPersonView>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={list.isPending}
          pagination={false}
          scroll={{ x: 'max-content' }}
          onRow={(row) => ({ onDoubleClick: () => setPersonId(row.id) })}
        />
      )}
      <Flex justify="center" align="center" gap={12}>
        <Typography.Text type="secondary">
          {list.hasNextPage
            ? s('roster.count', { count: rows.length })
            : s('roster.all', { count: rows.length })}
        </Typography.Text>
        {list.hasNextPage && (
          <Button loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            {s('roster.more')}
          </Button>
        )}
      </Flex>
      <PersonDrawer personId={personId} onClose={() => setPersonId(null)} />
    </Flex>
  );
}
