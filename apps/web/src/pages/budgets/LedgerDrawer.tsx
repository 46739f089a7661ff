import { useQuery } from '@tanstack/react-query';
import type { LedgerEntryView } from '@xiaoshi/contracts';
import { Descriptions, Drawer, Flex, Skeleton, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { budgetsApi } from '../../api/pipeline';
import { LedgerBar } from '../../components/LedgerBar';
import { Money } from '../../components/Money';
import { QueryError } from '../../components/QueryError';
import { ledgerKindText, ledgerSourceText } from './labels';
import { percentOfBp } from '../../lib/money';
import { formatDateTime } from '../../lib/time';
import { budgetsText } from './text';
import { commonText } from '../../i18n/common';
import { useLang } from '../../i18n/i18n';

const KIND_COLORS: Record<string, string> = {
  adjustment: 'purple',
  commitment: 'blue',
  decommitment: 'default',
  payment: 'green',
  payment_reversal: 'orange',
};

/** One budget line: its figures, the bar, and every movement on its ledger (newest first). */
export function LedgerDrawer({ lineId, onClose }: { lineId: number | null; onClose: () => void }) {
  const t = budgetsText.useT();
  const tc = commonText.useT();
  const lang = useLang();
  const kindLabel = ledgerKindText.useLabel();
  const sourceLabel = ledgerSourceText.useLabel();
  const line = useQuery({
    queryKey: ['budgets', 'line', lineId],
    queryFn: ({ signal }) => budgetsApi.line(lineId!, signal),
    enabled: lineId !== null,
  });
  const entries = useQuery({
    queryKey: ['budgets', 'ledger', lineId],
    queryFn: ({ signal }) => budgetsApi.ledger(lineId!, signal),
    enabled: lineId !== null,
  });

  const columns: TableColumnsType<LedgerEntryView> = [
    {
      title: t('ledger.col.time'),
      dataIndex: 'createdAt',
      width: 150,
      render: (value: string) => formatDateTime(value, lang, false),
    },
    {
      title: t('ledger.col.kind'),
      dataIndex: 'kind',
      width: 110,
      render: (kind: string) => (
        <Tag color={KIND_COLORS[kind]}>{kindLabel(kind)}</Tag>
      ),
    },
    {
      title: t('ledger.col.source'),
      key: 'source',
      width: 140,
      render: (_, entry) => (
        <span>
          {sourceLabel(entry.source)}
          {entry.sourceId !== null && <Typography.Text type="secondary"> #{entry.sourceId}</Typography.Text>}
        </span>
      ),
    },
    {
      title: t('ledger.col.amount'),
      dataIndex: 'amountFen',
      align: 'right',
      width: 150,
      render: (fen: number) => <Money fen={fen} type={fen < 0 ? 'danger' : undefined} />,
    },
    {
      title: t('ledger.col.reason'),
      dataIndex: 'reason',
      ellipsis: { showTitle: true },
      render: (reason: string | null) => reason ?? tc('none'),
    },
  ];

  const ledger = line.data?.ledger;
  return (
    <Drawer
      open={lineId !== null}
      onClose={onClose}
      size={760}
      title={line.data ? t('ledger.title', { name: line.data.name }) : t('ledger')}
    >
      {line.isError ? (
        <QueryError error={line.error} onRetry={() => void line.refetch()} compact />
      ) : !ledger ? (
        <Skeleton active />
      ) : (
        <Flex vertical gap={16}>
          <LedgerBar ledger={ledger} legend />
          <Descriptions
            size="small"
            bordered
            column={{ xs: 1, sm: 2 }}
            items={[
              {
                key: 'budget',
                label: t('ledger.budget'),
                children: <Money fen={ledger.budgetFen} showWan />,
              },
              {
                key: 'adjustments',
                label: t('ledger.adjustments'),
                children: <Money fen={ledger.adjustmentsFen} showWan />,
              },
              {
                key: 'adjusted',
                label: t('ledger.adjustedBudget'),
                children: <Money fen={ledger.adjustedBudgetFen} showWan strong />,
              },
              {
                key: 'committed',
                label: t('ledger.committed'),
                children: <Money fen={ledger.committedFen} showWan />,
              },
              {
                key: 'award',
                label: t('ledger.committedAwards'),
                children: <Money fen={ledger.committedBySource.award} />,
              },
              {
                key: 'direct',
                label: t('ledger.committedDirect'),
                children: <Money fen={ledger.committedBySource.direct_expenditure} />,
              },
              {
                key: 'stipend',
                label: t('ledger.committedStipends'),
                children: <Money fen={ledger.committedBySource.stipend} />,
              },
              { key: 'paid', label: t('ledger.paid'), children: <Money fen={ledger.paidFen} showWan /> },
              {
                key: 'available',
                label: t('ledger.available'),
                children: <Money fen={ledger.availableFen} showWan strong />,
              },
              {
                key: 'reserved',
                label: t('ledger.reserved'),
                children: <Money fen={ledger.reservedFen} showWan />,
              },
              {
                key: 'unreserved',
                label: t('ledger.unreserved'),
                children: <Money fen={ledger.unreservedFen} showWan />,
              },
              {
                key: 'rate',
                label: t('ledger.executionRate'),
                children: percentOfBp(ledger.executionRateBp),
              },
            ]}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('ledger.identity')}
          </Typography.Text>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('ledger.entries')}
          </Typography.Title>
          {entries.isError ? (
            <QueryError error={entries.error} onRetry={() => void entries.refetch()} compact />
          ) : (
            <Table<LedgerEntryView>
              rowKey="id"
              size="small"
              columns={columns}
              dataSource={entries.data ?? []}
              loading={entries.isPending}
              pagination={{ pageSize: 20, hideOnSinglePage: true, size: 'small' }}
              scroll={{ x: 640 }}
              locale={{ emptyText: t('ledger.noEntries') }}
            />
          )}
        </Flex>
      )}
    </Drawer>
  );
}
