import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { auditApi } from '../../api/endpoints';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { AuditFilters, type AuditFilterValues } from './AuditFilters';
import { AuditTable } from './AuditTable';
import { ChainVerdict, ChainVerifyButton, useChainVerify } from './ChainVerify';
import { ScheduledChecks } from './ScheduledChecks';
import { commonText } from '../../i18n/common';
import { auditText } from './text';

const PAGE_SIZE = 50;

export default function AuditPage() {
  const t = commonText.useT();
  const tAudit = auditText.useT();
  const [filters, setFilters] = useState<AuditFilterValues>({});
  const verify = useChainVerify();
  // Newest first; the cursor is the last sequence number seen.
  const events = useInfiniteQuery({
    queryKey: ['audit', 'events', filters],
    queryFn: ({ pageParam, signal }) =>
      auditApi.list({ ...filters, limit: PAGE_SIZE, cursor: pageParam }, signal),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const rows = events.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <PageHeader
        title={tAudit('title')}
        subtitle={tAudit('subtitle')}
        extra={
          <>
            <ScheduledChecks />
            <ChainVerifyButton verify={verify} />
          </>
        }
      />
      <ChainVerdict verify={verify} />
      <Card variant="borderless">
        <AuditFilters value={filters} onChange={setFilters} />
        {events.isError && !events.data ? (
          <QueryError error={events.error} onRetry={() => void events.refetch()} />
        ) : (
          <>
            <AuditTable
              events={rows}
              loading={events.isPending || (events.isFetching && !events.isFetchingNextPage)}
            />
            <Flex justify="center" align="center" gap={12} style={{ marginTop: 12 }}>
              <Typography.Text type="secondary">
                {events.hasNextPage
                  ? t('loadedCount', { count: rows.length })
                  : t('allLoaded', { count: rows.length })}
              </Typography.Text>
              {events.hasNextPage && (
                <Button onClick={() => void events.fetchNextPage()} loading={events.isFetchingNextPage}>
                  {t('loadMore')}
                </Button>
              )}
            </Flex>
          </>
        )}
      </Card>
    </>
  );
}
