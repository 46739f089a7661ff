import { PlusOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { ApplicationSummaryView } from '@xiaoshi/contracts';
import { isEditable, type ApplicationStatus } from '@xiaoshi/domain';
import { Badge, Button, Card, Flex, Table, Tabs, Typography, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import { applicationsApi, type ApplicationFilters as Filters } from '../../api/pipeline';
import { useAuth } from '../../app/auth/AuthContext';
import { ApplicationStatusTag } from '../../components/ApplicationStatusTag';
import { Money } from '../../components/Money';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { formatDateTime } from '../../lib/time';
import { useCompetitions } from '../competitions/useCompetitions';
import { ApplicationFilters } from './ApplicationFilters';
import { ExportButton } from './ExportButton';
import { effectiveStatuses, tabsFor } from './tabs';
import { useApplicationFilters } from './useApplicationFilters';
import { applicationsText } from './text';
import { commonText } from '../../i18n/common';
import { useLang } from '../../i18n/i18n';

const PAGE_SIZE = 50;

export default function ApplicationsPage() {
  const t = applicationsText.useT();
  const tc = commonText.useT();
  const lang = useLang();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [filters, setFilters] = useApplicationFilters();
  const tabs = tabsFor(can);
  const tab = tabs.find((candidate) => candidate.key === filters.tab) ?? tabs[0];
  const statuses = effectiveStatuses(tab, filters.status);
  const query: Filters = {
    competitionId: filters.competitionId,
    streetId: filters.streetId,
    communityId: filters.communityId,
    categoryId: filters.categoryId,
    status: statuses?.join(','),
    q: filters.q,
  };
  const competitions = useCompetitions({});
  const competitionTitle = useMemo(
    () => new Map((competitions.data ?? []).map((competition) => [competition.id, competition.title])),
    [competitions.data],
  );

  const list = useInfiniteQuery({
    queryKey: ['applications', 'list', query],
    queryFn: ({ pageParam, signal }) =>
      applicationsApi.list({ ...query, limit: PAGE_SIZE, cursor: pageParam ?? undefined }, signal),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];

  // The 待办 count on the first tab: one page of ids, shown as "200+" beyond that.
  const pendingTab = tabs.find((candidate) => candidate.key === 'pending');
  const pending = useQuery({
    queryKey: ['applications', 'pending-count', pendingTab?.statuses],
    queryFn: ({ signal }) =>
      applicationsApi.list({ status: pendingTab!.statuses!.join(','), limit: 200 }, signal),
    enabled: !!pendingTab,
  });
  const pendingCount = pending.data
    ? `${pending.data.items.length}${pending.data.nextCursor ? '+' : ''}`
    : null;

  const columns: TableColumnsType<ApplicationSummaryView> = [
    {
      title: t('col.title'),
      key: 'title',
      render: (_, row) => (
        <Flex vertical gap={2} style={{ minWidth: 0 }}>
          <Link to={`/applications/${row.id}`}>{row.title}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
            {competitionTitle.get(row.competitionId) ?? ''} · {row.category.name}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('col.unit'),
      key: 'unit',
      width: 170,
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
      title: t('col.subsidy'),
      dataIndex: 'requestedSubsidyFen',
      align: 'right',
      width: 140,
      render: (fen: number) => <Money fen={fen} />,
    },
    {
      title: t('col.totalCost'),
      dataIndex: 'totalCostFen',
      align: 'right',
      width: 140,
      responsive: ['xl'],
      render: (fen: number) => <Money fen={fen} />,
    },
    {
      title: t('col.beneficiaries'),
      dataIndex: 'beneficiariesCount',
      align: 'right',
      width: 100,
      responsive: ['lg'],
    },
    {
      title: t('col.status'),
      dataIndex: 'status',
      width: 130,
      render: (status: string) => <ApplicationStatusTag status={status} />,
    },
    {
      title: t('col.time'),
      key: 'time',
      width: 150,
      render: (_, row) => (
        <Flex vertical style={{ fontSize: 13 }}>
          <span>{formatDateTime(row.submittedAt ?? row.updatedAt, lang, false)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.submittedAt ? t('submittedAt') : t('updatedAt')}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: tc('actions'),
      key: 'actions',
      width: 110,
      fixed: 'right',
      render: (_, row) => (
        <Flex gap={0}>
          <Button type="link" size="small" onClick={() => void navigate(`/applications/${row.id}`)}>
            {can('applications.screen') && row.status === 'submitted'
              ? t('screen')
              : t('view')}
          </Button>
          {can('applications.edit') && isEditable(row.status as ApplicationStatus) && (
            <Button type="link" size="small" onClick={() => void navigate(`/applications/${row.id}/edit`)}>
              {tc('edit')}
            </Button>
          )}
        </Flex>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        extra={
          <>
            <ExportButton filters={query} />
            {can('applications.edit') && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() =>
                  void navigate(
                    `/applications/new${filters.competitionId ? `?competitionId=${filters.competitionId}` : ''}`,
                  )
                }
              >
                {t('create')}
              </Button>
            )}
          </>
        }
      />
      <Card variant="borderless">
        {tabs.length > 1 && (
          <Tabs
            activeKey={tab.key}
            onChange={(key) => setFilters({ ...filters, tab: key, status: [] })}
            items={tabs.map((candidate) => ({
              key: candidate.key,
              label:
                candidate.key === 'pending' && pendingCount ? (
                  <Flex gap={6} align="center">
                    {t(candidate.label)}
                    <Badge
                      count={pendingCount}
                      showZero
                      color={pendingCount === '0' ? '#bfbfbf' : undefined}
                    />
                  </Flex>
                ) : (
                  t(candidate.label)
                ),
            }))}
          />
        )}
        <ApplicationFilters value={filters} onChange={setFilters} statusOptions={tab.statuses} />
        {list.isError && !list.data ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <>
            <Table<ApplicationSummaryView>
              rowKey="id"
              size="middle"
              columns={columns}
              dataSource={rows}
              loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
              pagination={false}
              scroll={{ x: 900 }}
              locale={{ emptyText: t('empty') }}
              data-testid="application-table"
            />
            <Flex justify="center" align="center" gap={12} style={{ marginTop: 12 }}>
              <Typography.Text type="secondary">
                {list.hasNextPage
                  ? tc('loadedCount', { count: rows.length })
                  : tc('allLoaded', { count: rows.length })}
              </Typography.Text>
              {list.hasNextPage && (
                <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
                  {tc('loadMore')}
                </Button>
              )}
            </Flex>
          </>
        )}
      </Card>
    </>
  );
}
