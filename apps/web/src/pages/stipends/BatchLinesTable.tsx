import { useInfiniteQuery } from '@tanstack/react-query';
import type { StipendBatchLineView, StipendBatchView } from '@xiaoshi/contracts';
import { Button, Flex, Table, Typography } from 'antd';
import { stipendsApi } from '../../api/stipends';
import { Money } from '../../components/Money';
import { stipendText } from './i18n';

/**
 * A batch's lines: the first page comes with the batch, the rest load STIPEND_BATCH_FIRST_LINES at a
 * time (a city's quarter can pay tens of thousands of people; its payroll file holds them all).
 */
export function BatchLinesTable({ batch }: { batch: StipendBatchView }) {
  const s = stipendText.useT();
  const more = useInfiniteQuery({
    queryKey: ['stipends', 'batch', batch.id, 'lines', batch.version],
    queryFn: ({ pageParam, signal }) => stipendsApi.batchLines(batch.id, pageParam, signal),
    initialPageParam: batch.linesNextCursor ?? 0,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    enabled: false,
  });
  const loaded = more.data?.pages ?? [];
  const lines: StipendBatchLineView[] = [...batch.lines, ...loaded.flatMap((page) => page.items)];
  const hasMore = loaded.length ? more.hasNextPage : batch.linesNextCursor !== null;
  const loadMore = () => void (loaded.length ? more.fetchNextPage() : more.refetch());

  return (
    <Flex vertical gap={8}>
      <Table<StipendBatchLineView>
        size="small"
        rowKey="personId"
        dataSource={lines}
        pagination={{ pageSize: 20, size: 'small', hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: s('roster.col.name'), dataIndex: 'name' },
          {
            title: s('roster.col.unit'),
            key: 'unit',
            render: (_, row) => `${row.street} / ${row.community}`,
          },
          { title: s('roster.col.nationalId'), dataIndex: 'nationalId' },
          { title: s('person.months'), dataIndex: 'months', render: (months: string[]) => months.length },
          {
            title: s('roster.col.rate'),
            dataIndex: 'monthlyRateFen',
            align: 'right',
            render: (fen: number) => <Money fen={fen} />,
          },
          {
            title: s('person.amount'),
            dataIndex: 'amountFen',
            align: 'right',
            render: (fen: number) => <Money fen={fen} />,
          },
          { title: s('person.account'), dataIndex: 'bankAccount' },
        ]}
      />
      {hasMore && (
        <Flex align="center" gap={12} wrap>
          <Typography.Text type="secondary">
            {s('batches.linesShown', { shown: lines.length, total: batch.lineCount })}
          </Typography.Text>
          <Button size="small" loading={more.isFetching} onClick={loadMore}>
            {s('batches.moreLines')}
          </Button>
        </Flex>
      )}
    </Flex>
  );
}
