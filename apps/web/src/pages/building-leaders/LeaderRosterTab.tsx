import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { StipendPersonView, StipendProgrammeView } from '@xiaoshi/contracts';
import { App, Button, Flex, Input, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { stipendsApi } from '../../api/stipends';
import { useAuth } from '../../app/auth/AuthContext';
import { Money } from '../../components/Money';
import { QueryError } from '../../components/QueryError';
import { useScopedUnits } from '../../components/UnitTreeSelect';
import { saveFile } from '../../lib/download';
import { errorMessage } from '../../lib/errors';
import { ImportPanel } from '../stipends/ImportPanel';
import { PersonDrawer } from '../stipends/PersonDrawer';
import { RevealButton } from '../stipends/RevealButton';
import { previousDay } from './dates';
import { EndModal, LeaderFormModal } from './LeaderForms';
import { text } from './text';

const PAGE_SIZE = 100;

/** The street's building leaders: import, add, edit, record a departure; masked for everyone. */
export function LeaderRosterTab({ programme }: { programme: StipendProgrammeView }) {
  const t = text.useT();
  const { can } = useAuth();
  const { message } = App.useApp();
  const units = useScopedUnits();
  const [streetId, setStreetId] = useState<number | undefined>();
  const [q, setQ] = useState<string | undefined>();
  const [search, setSearch] = useState('');
  const [personId, setPersonId] = useState<number | null>(null);
  const [editing, setEditing] = useState<StipendPersonView | 'new' | null>(null);
  const [ending, setEnding] = useState<StipendPersonView | null>(null);
  const streets = useMemo(() => (units.data ?? []).filter((unit) => unit.kind === 'street'), [units.data]);
  const query = { programmeId: programme.id, streetId, q };
  const list = useInfiniteQuery({
    queryKey: ['stipends', 'people', query],
    queryFn: ({ pageParam, signal }) =>
      stipendsApi.people({ ...query, limit: PAGE_SIZE, cursor: pageParam ?? undefined }, signal),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];
  const editable = can('stipends.roster');

  const columns: TableColumnsType<StipendPersonView> = [
    {
      title: t('roster.col.name'),
      key: 'name',
      fixed: 'left',
      render: (_, row) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setPersonId(row.id)}>
          {row.name}
        </Button>
      ),
    },
    {
      title: t('roster.col.unit'),
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
      title: t('roster.col.building'),
      key: 'building',
      render: (_, row) =>
        row.building && (
          <Flex vertical>
            <span>{row.building.buildings}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('roster.buildings', { count: row.building.buildingCount })} · {t('roster.households', { count: row.building.households })}
            </Typography.Text>
          </Flex>
        ),
    },
    {
      title: t('roster.col.rate'),
      dataIndex: 'monthlyRateFen',
      align: 'right',
      render: (fen: number) => <Money fen={fen} />,
    },
    {
      title: t('roster.col.phone'),
      key: 'phone',
      responsive: ['md'],
      render: (_, row) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{row.building?.phone}</span>,
    },
    {
      title: t('roster.col.account'),
      key: 'account',
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
      title: t('roster.col.period'),
      key: 'period',
      responsive: ['xl'],
      render: (_, row) => `${row.eligibleFrom} ~ ${row.removedOn ? previousDay(row.removedOn) : t('roster.present')}`,
    },
    {
      title: t('roster.col.status'),
      key: 'status',
      render: (_, row) =>
        row.removedOn ? <Tag>{t('roster.ended')}</Tag> : <Tag color="green">{t('roster.serving')}</Tag>,
    },
    {
      title: t('roster.col.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, row) => (
        <Flex gap={4} wrap>
          {editable && (
            <Button size="small" onClick={() => setEditing(row)}>
              {t('roster.edit')}
            </Button>
          )}
          {editable && !row.removedOn && (
            <Button size="small" danger onClick={() => setEnding(row)}>
              {t('roster.end')}
            </Button>
          )}
          <RevealButton personId={row.id} name={row.name} />
        </Flex>
      ),
    },
  ];

  const exportRoster = async () => {
    try {
      saveFile(await stipendsApi.exportRoster(programme.id), `${programme.name}-名册.xlsx`);
    } catch (error) {
      void message.error(errorMessage(error));
    }
  };

  return (
    <Flex vertical gap={16}>
      {editable && <ImportPanel programme={programme} />}
      <Flex gap={8} wrap justify="space-between">
        <Flex gap={8} wrap>
          {streets.length > 1 && (
            <Select
              aria-label={t('roster.filter.street')}
              placeholder={t('roster.filter.street')}
              allowClear
              style={{ width: 150 }}
              value={streetId}
              options={streets.map((street) => ({ value: street.id, label: street.name }))}
              onChange={(value?: number) => setStreetId(value)}
            />
          )}
          <Input.Search
            aria-label={t('roster.filter.q')}
            placeholder={t('roster.filter.q')}
            allowClear
            style={{ width: 230 }}
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            onSearch={(value) => setQ(value.trim() || undefined)}
          />
        </Flex>
        <Flex gap={8} wrap>
          <Button icon={<DownloadOutlined />} onClick={() => void exportRoster()}>
            {t('roster.export')}
          </Button>
          {editable && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('roster.add')}
            </Button>
          )}
        </Flex>
      </Flex>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} compact />
      ) : (
        <Table<StipendPersonView>
          className="xs-leader-roster"
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={list.isPending}
          pagination={false}
          scroll={{ x: 'max-content' }}
        />
      )}
      <Flex justify="center" align="center" gap={12}>
        <Typography.Text type="secondary">{t('roster.all', { count: rows.length })}</Typography.Text>
        {list.hasNextPage && (
          <Button loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            {t('roster.more')}
          </Button>
        )}
      </Flex>
      <PersonDrawer personId={personId} onClose={() => setPersonId(null)} />
      <LeaderFormModal programme={programme} leader={editing} onClose={() => setEditing(null)} />
      <EndModal leader={ending} onClose={() => setEnding(null)} />
    </Flex>
  );
}
