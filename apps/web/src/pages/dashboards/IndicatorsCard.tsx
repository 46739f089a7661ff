import { useQuery } from '@tanstack/react-query';
import type { ActualValuesView, IndicatorView, PerformanceTableView } from '@xiaoshi/contracts';
import { Card, Empty, Flex, Skeleton, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { EChart } from '../../components/charts/EChart';
import { escapeHtml } from '../../components/charts/echarts';
import { dashboardsApi } from './api';
import { indicatorsOption, type IndicatorBar } from './charts';
import { text } from './text';
import { useLang } from '../../i18n/i18n';

interface TableFigures {
  table: PerformanceTableView;
  indicators: IndicatorView[];
  actuals: ActualValuesView | undefined;
}

const number = (value: number, lang: 'zh' | 'en') =>
  new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'zh-CN', { maximumFractionDigits: 2 }).format(value);

const withUnit = (value: number | null, unit: string, lang: 'zh' | 'en') =>
  value === null
    ? '—'
    : unit === '%'
      ? `${number(value, lang)}%`
      : `${number(value, lang)}${unit ? ` ${unit}` : ''}`;

/**
 * 绩效指标 against their targets, from the performance module (/api/performance): the year's
 * approved tables, their indicators' names and targets, and the live actual values in the
 * viewer's scope (a street sees its own part).
 */
export function IndicatorsCard({ year }: { year: number }) {
  const t = text.useT();
  const figures = useQuery({
    queryKey: ['dashboards', 'indicators', year],
    queryFn: async ({ signal }): Promise<TableFigures[]> => {
      const [tables, summary] = await Promise.all([
        dashboardsApi.performanceTables(year, signal),
        dashboardsApi.performanceSummary(year, signal),
      ]);
      const current = tables.filter((table) => table.current);
      const versions = await Promise.all(
        current.map((table) => dashboardsApi.performanceVersion(table.current!.id, signal)),
      );
      return current.map((table, index) => ({
        table,
        indicators: versions[index].indicators,
        actuals: summary.find((entry) => entry.tableId === table.id),
      }));
    },
  });

  return (
    <Card variant="borderless" title={t('indicators.title')} data-testid="chart-indicators">
      {figures.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : figures.isError ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('indicators.unavailable')} />
      ) : figures.data.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('indicators.none')} />
      ) : (
        <Flex vertical gap={24}>
          {figures.data.map((entry) => (
            <TableChart key={entry.table.id} figures={entry} />
          ))}
        </Flex>
      )}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
        {t('indicators.hint')}
      </Typography.Paragraph>
    </Card>
  );
}

function TableChart({ figures }: { figures: TableFigures }) {
  const t = text.useT();
  const lang = useLang();
  const bars = useMemo<IndicatorBar[]>(() => {
    const actual = new Map((figures.actuals?.indicators ?? []).map((row) => [row.indicatorId, row]));
    return figures.indicators.flatMap((indicator) => {
      const row = actual.get(indicator.id);
      if (!row || row.completionRate === null || indicator.target === null) return [];
      const completion = `${number(row.completionRate * 100, lang)}%`;
      return [
        {
          name: indicator.name,
          completion: row.completionRate,
          met: row.met,
          tooltip: t('indicators.tooltip', {
            name: escapeHtml(indicator.name),
            actual: escapeHtml(withUnit(row.actual, indicator.unit, lang)),
            target: escapeHtml(
              `${indicator.nature === 'qualitative' ? '' : indicator.nature.replace('>=', '≥').replace('<=', '≤')} ${withUnit(indicator.target, indicator.unit, lang)}`,
            ),
            completion,
            points: number(row.points, lang),
            max: number(row.maxPoints, lang),
          }),
        },
      ];
    });
  }, [figures, lang, t]);
  const option = useMemo(() => indicatorsOption(t, bars), [t, bars]);
  return (
    <div>
      <Flex justify="space-between" align="baseline" wrap gap={8} style={{ marginBottom: 8 }}>
        <Typography.Text strong>{figures.table.name}</Typography.Text>
        <Link to={`/performance/tables/${figures.table.id}`}>{t('indicators.open')}</Link>
      </Flex>
      {bars.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('indicators.noValues')} />
      ) : (
        <EChart
          option={option}
          height={(width) => Math.max(160, 40 + bars.length * (width < 520 ? 30 : 28))}
          label={t('indicators.label', { table: figures.table.name })}
          testId={`indicators-${figures.table.id}`}
        />
      )}
    </div>
  );
}
