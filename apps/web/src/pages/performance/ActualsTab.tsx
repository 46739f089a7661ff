import { ReloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type {
  ActualValuesView,
  IndicatorActual,
  IndicatorView,
  PerformanceTableView,
} from '@xiaoshi/contracts';
import { Alert, Button, Card, Flex, Progress, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useAuth } from '../../app/auth/AuthContext';
import { PageSpinner } from '../../components/PageSpinner';
import { QueryError } from '../../components/QueryError';
import { yuan } from '../../lib/money';
import { formatDateTime } from '../../lib/time';
import { performanceApi } from './api';
import { BreakdownDrawer } from './BreakdownDrawer';
import { runSpans, targetLabel } from './IndicatorCells';
import { ManualValueModal } from './ManualValueModal';
import { GradeTag, MetTag, formatNumber, formatValue, natureLabel } from './shared';
import { text, type PerformanceText } from './text';
import { useLang } from '../../i18n/i18n';

export interface ActualRow {
  indicator: IndicatorView;
  actual: IndicatorActual;
}

export function actualLabel(row: ActualRow, t: PerformanceText, lang: 'zh' | 'en'): string {
  if (row.indicator.nature === 'qualitative') return row.actual.band ? t(`band.${row.actual.band}`) : '—';
  return formatValue(row.actual.actual, row.indicator.unit, lang);
}

export function useActualRows(table: PerformanceTableView) {
  const actuals = useQuery({
    queryKey: ['performance', 'actuals', table.id],
    queryFn: ({ signal }) => performanceApi.actuals(table.id, undefined, signal),
  });
  const versionId = actuals.data?.versionId;
  const version = useQuery({
    queryKey: ['performance', 'version', versionId],
    queryFn: ({ signal }) => performanceApi.version(versionId!, signal),
    enabled: versionId !== undefined,
  });
  const rows: ActualRow[] =
    actuals.data && version.data
      ? version.data.indicators.flatMap((indicator) => {
          const actual = actuals.data.indicators.find((candidate) => candidate.indicatorId === indicator.id);
          return actual ? [{ indicator, actual }] : [];
        })
      : [];
  return { actuals, version, rows };
}

function Summary({ view }: { view: ActualValuesView }) {
  const t = text.useT();
  const lang = useLang();
  const budget = view.budgetExecution;
  return (
    <div className="xs-pf-summary">
      <Card size="small">
        <Typography.Text type="secondary">{t('actuals.total')}</Typography.Text>
        <Flex align="baseline" gap={8}>
          <span className="xs-pf-big" data-testid="performance-total">
            {formatNumber(view.total, lang)}
          </span>
          <Typography.Text type="secondary">/ {formatNumber(view.maxTotal, lang)}</Typography.Text>
          <GradeTag grade={view.grade} />
        </Flex>
      </Card>
      {budget && (
        <Card size="small">
          <Typography.Text type="secondary">{t('actuals.budget')}</Typography.Text>
          <Progress percent={budget.rate === null ? 0 : Math.round(budget.rate * 1000) / 10} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('actuals.budgetDetail', {
              paid: yuan(budget.paidFen),
              budget: yuan(budget.adjustedBudgetFen),
            })}
            <br />
            {t('actuals.budgetScore', {
              points: formatNumber(budget.points, lang),
              max: formatNumber(budget.maxPoints, lang),
            })}
          </Typography.Text>
        </Card>
      )}
    </div>
  );
}

/** Live actual values: each indicator's figure, how it scores, and the rows behind it. */
export function ActualsTab({ table }: { table: PerformanceTableView }) {
  const t = text.useT();
  const lang = useLang();
  const { can } = useAuth();
  const { actuals, version, rows } = useActualRows(table);
  const [open, setOpen] = useState<ActualRow | null>(null);
  const [entering, setEntering] = useState<ActualRow | null>(null);

  if (actuals.isPending || (actuals.isSuccess && version.isPending)) return <PageSpinner />;
  if (actuals.isError) return <QueryError error={actuals.error} onRetry={() => void actuals.refetch()} />;
  if (version.isError) return <QueryError error={version.error} onRetry={() => void version.refetch()} />;
  const view = actuals.data;
  const district = view.scope.kind === 'district';
  const mayEnter = district && can('performance.manage');
  const level1 = runSpans(rows, (row) => row.indicator.level1);
  const level2 = runSpans(rows, (row) => `${row.indicator.level1}\u0000${row.indicator.level2}`);
  const at = (row: ActualRow) => rows.indexOf(row);
  const columns: ColumnsType<ActualRow> = [
    {
      title: t('col.level1'),
      key: 'l1',
      width: 92,
      responsive: ['md'],
      render: (_, row) => row.indicator.level1,
      onCell: (row) => ({ rowSpan: level1[at(row)] }),
    },
    {
      title: t('col.level2'),
      key: 'l2',
      width: 100,
      responsive: ['md'],
      render: (_, row) => row.indicator.level2,
      onCell: (row) => ({ rowSpan: level2[at(row)] }),
    },
    { title: t('col.level3'), key: 'name', width: 200, render: (_, row) => row.indicator.name },
    {
      title: t('col.target'),
      key: 'target',
      width: 120,
      render: (_, row) => `${natureLabel(row.indicator.nature, t)} ${targetLabel(row.indicator, lang)}`,
    },
    {
      title: t('col.actual'),
      key: 'actual',
      width: 160,
      render: (_, row) =>
        row.actual.source === 'manual' && !district ? (
          <Typography.Text type="secondary">{t('actuals.districtOnly')}</Typography.Text>
        ) : (
          <Flex gap={6} align="center" wrap>
            <Typography.Text strong data-testid={`actual-${row.indicator.key}`}>
              {actualLabel(row, t, lang)}
            </Typography.Text>
            <Tag color={row.actual.source === 'metric' ? 'blue' : 'default'} style={{ marginInlineEnd: 0 }}>
              {row.actual.source === 'metric' ? t('actuals.auto') : t('actuals.manual')}
            </Tag>
          </Flex>
        ),
    },
    {
      title: t('col.completion'),
      key: 'completion',
      width: 90,
      align: 'right',
      render: (_, row) =>
        row.actual.completionRate === null ? '—' : `${formatNumber(row.actual.completionRate * 100, lang)}%`,
    },
    ...(district
      ? ([
          {
            title: t('col.score'),
            key: 'score',
            width: 90,
            align: 'right',
            render: (_, row) =>
              `${formatNumber(row.actual.points, lang)} / ${formatNumber(row.actual.maxPoints, lang)}`,
          },
          {
            title: t('col.status'),
            key: 'status',
            width: 90,
            render: (_, row) => (
              <MetTag
                met={row.actual.met}
                hasValue={row.actual.actual !== null || row.actual.band !== null}
              />
            ),
          },
        ] satisfies ColumnsType<ActualRow>)
      : []),
    {
      title: t('col.actions'),
      key: 'actions',
      width: 130,
      fixed: 'right',
      render: (_, row) => (
        <Space size={4} wrap>
          <Button size="small" onClick={() => setOpen(row)}>
            {t('actuals.details')}
          </Button>
          {mayEnter && row.actual.source === 'manual' && (
            <Button size="small" type="primary" ghost onClick={() => setEntering(row)}>
              {t('actuals.enter')}
            </Button>
          )}
        </Space>
      ),
    },
  ];
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Alert
          style={{ flex: 1 }}
          type={district ? 'info' : 'warning'}
          showIcon
          message={t(district ? 'actuals.scopeDistrict' : 'actuals.scopeStreet', {
            unit: view.scope.unitName,
            time: formatDateTime(view.computedAt, lang, false),
          })}
        />
        <Button icon={<ReloadOutlined />} onClick={() => void actuals.refetch()} loading={actuals.isFetching}>
          {t('actuals.refresh')}
        </Button>
      </Flex>
      {district && <Summary view={view} />}
      <Table<ActualRow>
        rowKey={(row) => row.indicator.id}
        size="small"
        bordered
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1000 }}
      />
      {open && <BreakdownDrawer table={table} row={open} onClose={() => setOpen(null)} />}
      {entering && <ManualValueModal table={table} row={entering} onClose={() => setEntering(null)} />}
    </Flex>
  );
}
