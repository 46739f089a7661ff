import type {
  FunnelStageView,
  LineExecutionView,
  MonthExecutionView,
  StipendQuarterView,
  StreetExecutionView,
} from '@xiaoshi/contracts';
import { formatYuan, monthlyRunningTotals, rateBp } from '@xiaoshi/domain';
import { CHART_COLORS, NARROW_WIDTH, escapeHtml, type ChartOption } from '../../components/charts/echarts';
import type { TextOf } from '../../i18n/i18n';
import type { DashboardsKey } from './text';

/**
 * ECharts options of the dashboards, pure functions of the figures, the texts and the width of
 * the chart's container (compact below NARROW_WIDTH: a phone at 375 px). Money is drawn in 万元
 * (fen ÷ 1,000,000) and written exactly in 元 in tooltips.
 */

type T = TextOf<DashboardsKey>;

/** 万元, two decimals at most: the value a bar is drawn at. */
export const toWan = (fen: number) => Math.round(fen / 10_000) / 100;

export const percentText = (bp: number | null) =>
  bp === null ? '—' : `${(bp / 100).toFixed(2).replace(/\.?0+$/, '')}%`;

export const yuanText = (t: T, fen: number) => t('yuan', { amount: formatYuan(fen) });

/** How wide the category labels of a horizontal bar chart may be. */
const labelWidth = (width: number) => (width < NARROW_WIDTH ? 84 : Math.min(200, Math.floor(width * 0.3)));

const baseGrid = (width: number, extra: Record<string, number> = {}) => ({
  left: 8,
  right: width < NARROW_WIDTH ? 36 : 56,
  top: 36,
  bottom: 8,
  containLabel: true,
  ...extra,
});

const legend = (width: number) => ({
  top: 0,
  left: 0,
  type: 'scroll' as const,
  itemWidth: 12,
  itemHeight: 10,
  textStyle: { fontSize: width < NARROW_WIDTH ? 11 : 12 },
});

/** Rows of a horizontal bar chart get this much height each. */
export const barsHeight = (rows: number, series: number) => (width: number) =>
  Math.max(200, 56 + rows * (width < NARROW_WIDTH ? 14 + series * 12 : 12 + series * 12));

interface BarRow {
  name: string;
  /** Fen per series key. */
  values: Record<string, number>;
  /** Tooltip lines after the name. */
  detail: string[];
}

function horizontalBars(
  t: T,
  width: number,
  rows: readonly BarRow[],
  series: ReadonlyArray<{ key: string; name: string; color: string }>,
): ChartOption {
  // ECharts draws the first category at the bottom: reverse so the list reads top-down.
  const ordered = [...rows].reverse();
  return {
    color: series.map((entry) => entry.color),
    legend: { ...legend(width), data: series.map((entry) => entry.name) },
    grid: baseGrid(width, { bottom: 22 }),
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      confine: true,
      formatter: (params: unknown) => {
        const index = (params as Array<{ dataIndex: number }>)[0]?.dataIndex ?? 0;
        const row = ordered[index];
        return [`<b>${escapeHtml(row.name)}</b>`, ...row.detail.map(escapeHtml)].join('<br/>');
      },
    },
    xAxis: {
      type: 'value',
      // Under the axis: at its end the unit would run into the last tick's label.
      name: t('wanUnit'),
      nameLocation: 'middle',
      nameGap: 24,
      nameTextStyle: { fontSize: 11, color: '#64748b' },
      axisLabel: { fontSize: 11, hideOverlap: true },
      splitLine: { lineStyle: { color: '#e5e7eb' } },
    },
    yAxis: {
      type: 'category',
      data: ordered.map((row) => row.name),
      axisLabel: { width: labelWidth(width), overflow: 'truncate', fontSize: width < NARROW_WIDTH ? 11 : 12 },
      axisTick: { show: false },
    },
    series: series.map((entry) => ({
      type: 'bar' as const,
      name: entry.name,
      barMaxWidth: 14,
      barGap: '15%',
      data: ordered.map((row) => toWan(row.values[entry.key] ?? 0)),
      label:
        entry.key === 'paid'
          ? {
              show: width >= NARROW_WIDTH,
              position: 'right' as const,
              fontSize: 11,
              color: '#334155',
              formatter: (params: { value: unknown }) => (params.value ? String(params.value) : ''),
            }
          : undefined,
    })),
  };
}

export function linesOption(t: T, rows: readonly LineExecutionView[], streetView: boolean) {
  const series = [
    ...(streetView ? [] : [{ key: 'budget', name: t('series.budget'), color: CHART_COLORS.budget }]),
    { key: 'committed', name: t('series.committed'), color: CHART_COLORS.committed },
    { key: 'paid', name: t('series.paid'), color: CHART_COLORS.paid },
  ];
  const data: BarRow[] = rows.map((row) => ({
    name: row.name,
    values: { budget: row.adjustedBudgetFen ?? 0, committed: row.committedFen, paid: row.paidFen },
    detail: [
      row.programme,
      ...(row.adjustedBudgetFen === null
        ? []
        : [`${t('series.budget')}：${yuanText(t, row.adjustedBudgetFen)}`]),
      `${t('series.committed')}：${yuanText(t, row.committedFen)}`,
      `${t('series.paid')}：${yuanText(t, row.paidFen)}`,
      ...(row.executionRateBp === null ? [] : [`${t('series.rate')}：${percentText(row.executionRateBp)}`]),
    ],
  }));
  return { series: series.length, option: (width: number) => horizontalBars(t, width, data, series) };
}

export function streetsOption(t: T, rows: readonly StreetExecutionView[]) {
  const series = [
    { key: 'committed', name: t('series.committed'), color: CHART_COLORS.committed },
    { key: 'paid', name: t('series.paid'), color: CHART_COLORS.paid },
  ];
  const data: BarRow[] = rows.map((row) => ({
    name: `${row.name}（${row.projectsAccepted}/${row.projects}）`,
    values: { committed: row.committedFen, paid: row.paidFen },
    detail: [
      `${t('series.committed')}：${yuanText(t, row.committedFen)}`,
      `${t('series.paid')}：${yuanText(t, row.paidFen)}`,
      `${t('kpi.projects')}：${row.projectsAccepted} / ${row.projects}`,
    ],
  }));
  return (width: number) => horizontalBars(t, width, data, series);
}

/**
 * Paid per month as bars; the district's running execution rate (paid to date ÷ adjusted budget,
 * the domain's arithmetic) or a street's paid to date as a line.
 */
export function monthsOption(
  t: T,
  year: number,
  months: readonly MonthExecutionView[],
  adjustedBudgetFen: number | null,
) {
  const running = monthlyRunningTotals(
    year,
    months.map((row) => ({ month: row.month, amountFen: row.paidFen })),
  );
  const district = adjustedBudgetFen !== null;
  const committed = new Map(months.map((row) => [row.month, row.committedFen ?? 0]));
  return (width: number): ChartOption => ({
    color: [CHART_COLORS.committed, CHART_COLORS.paid, CHART_COLORS.line],
    legend: legend(width),
    // Room under the legend for the axes' unit names.
    grid: baseGrid(width, { right: 8, top: 52 }),
    tooltip: {
      trigger: 'axis',
      confine: true,
      formatter: (params: unknown) => {
        const index = (params as Array<{ dataIndex: number }>)[0]?.dataIndex ?? 0;
        const row = running[index];
        const lines = [
          `<b>${t('year', { year })} ${t('month', { month: index + 1 })}</b>`,
          ...(district
            ? [`${t('series.monthCommitted')}：${yuanText(t, committed.get(row.month) ?? 0)}`]
            : []),
          `${t('series.monthPaid')}：${yuanText(t, row.amountFen)}`,
          `${t('series.cumulativePaid')}：${yuanText(t, row.cumulativeFen)}`,
          ...(district
            ? [
                `${t('series.cumulativeRate')}：${percentText(rateBp(row.cumulativeFen, adjustedBudgetFen) ?? 0)}`,
              ]
            : []),
        ];
        return lines.join('<br/>');
      },
    },
    xAxis: {
      type: 'category',
      data: running.map((_, index) => t('month', { month: index + 1 })),
      axisLabel: { fontSize: 11, interval: width < NARROW_WIDTH ? 1 : 0 },
      axisTick: { alignWithLabel: true },
    },
    yAxis: [
      {
        type: 'value',
        name: t('wanUnit'),
        nameTextStyle: { fontSize: 11, color: '#64748b', align: 'left' },
        axisLabel: { fontSize: 11 },
        splitLine: { lineStyle: { color: '#e5e7eb' } },
      },
      district
        ? {
            type: 'value',
            name: '%',
            min: 0,
            max: (value: { max: number }) => Math.max(100, Math.ceil(value.max / 10) * 10),
            nameTextStyle: { fontSize: 11, color: '#64748b' },
            axisLabel: { fontSize: 11 },
            splitLine: { show: false },
          }
        : { type: 'value', show: false },
    ],
    series: [
      ...(district
        ? [
            {
              type: 'bar' as const,
              name: t('series.monthCommitted'),
              barMaxWidth: 14,
              data: running.map((row) => toWan(committed.get(row.month) ?? 0)),
            },
          ]
        : []),
      {
        type: 'bar' as const,
        name: t('series.monthPaid'),
        barMaxWidth: 14,
        data: running.map((row) => toWan(row.amountFen)),
      },
      district
        ? {
            type: 'line' as const,
            name: t('series.cumulativeRate'),
            yAxisIndex: 1,
            smooth: false,
            symbolSize: 5,
            data: running.map((row) => (rateBp(row.cumulativeFen, adjustedBudgetFen) ?? 0) / 100),
          }
        : {
            type: 'line' as const,
            name: t('series.cumulativePaid'),
            symbolSize: 5,
            data: running.map((row) => toWan(row.cumulativeFen)),
          },
    ],
  });
}

const STAGE_COLORS = ['#1e3a8a', '#1d4ed8', '#3b82f6', '#60a5fa', '#16a34a', '#22c55e'];

export function funnelOption(t: T, stages: readonly FunnelStageView[]) {
  const submitted = stages[0]?.count ?? 0;
  const money = (stage: FunnelStageView) => {
    const amount = yuanText(t, stage.amountFen);
    if (stage.stage === 'awarded' || stage.stage === 'accepted')
      return t('funnel.amount.awarded', { amount });
    if (stage.stage === 'paid') return t('funnel.amount.paid', { amount });
    return t('funnel.amount.requested', { amount });
  };
  const data = stages.map((stage, index) => ({
    name: t(`funnel.stage.${stage.stage}` as DashboardsKey),
    value: stage.count,
    itemStyle: { color: STAGE_COLORS[index] },
    detail: [money(stage), t('funnel.conversion', { percent: percentText(rateBp(stage.count, submitted)) })],
  }));
  return (width: number): ChartOption => {
    const narrow = width < NARROW_WIDTH;
    return {
      tooltip: {
        trigger: 'item',
        confine: true,
        formatter: (params: unknown) => {
          const { dataIndex } = params as { dataIndex: number };
          const row = data[dataIndex];
          return [`<b>${escapeHtml(row.name)}：${row.value}</b>`, ...row.detail.map(escapeHtml)].join(
            '<br/>',
          );
        },
      },
      series: [
        {
          type: 'funnel',
          sort: 'none',
          left: narrow ? 4 : '8%',
          right: narrow ? 4 : '8%',
          top: 8,
          bottom: 8,
          minSize: '22%',
          maxSize: '100%',
          gap: 3,
          label: {
            show: true,
            position: 'inside',
            color: '#fff',
            fontSize: narrow ? 11 : 13,
            formatter: (params: { name: string; value: unknown }) => `${params.name} ${String(params.value)}`,
          },
          labelLine: { show: false },
          data: data.map(({ name, value, itemStyle }) => ({ name, value, itemStyle })),
        },
      ],
    };
  };
}

export function passRateOption(rateBpValue: number) {
  const percent = rateBpValue / 100;
  const color = percent >= 100 ? CHART_COLORS.good : percent >= 80 ? CHART_COLORS.warn : CHART_COLORS.bad;
  return (width: number): ChartOption => ({
    series: [
      {
        type: 'gauge',
        startAngle: 210,
        endAngle: -30,
        min: 0,
        max: 100,
        radius: '92%',
        center: ['50%', '56%'],
        progress: { show: true, width: width < NARROW_WIDTH ? 12 : 16, itemStyle: { color } },
        axisLine: { lineStyle: { width: width < NARROW_WIDTH ? 12 : 16, color: [[1, '#e5e7eb']] } },
        axisTick: { show: false },
        splitLine: { show: false },
        axisLabel: { show: false },
        pointer: { show: false },
        anchor: { show: false },
        title: { show: false },
        detail: {
          valueAnimation: true,
          offsetCenter: [0, 0],
          fontSize: width < NARROW_WIDTH ? 22 : 28,
          fontWeight: 600,
          color: '#0f172a',
          formatter: () => percentText(rateBpValue),
        },
        data: [{ value: Math.min(100, percent) }],
      },
    ],
  });
}

export function stipendsOption(t: T, rows: readonly StipendQuarterView[]) {
  const programmes = [...new Map(rows.map((row) => [row.programmeId, row.programme])).entries()];
  const cell = (programmeId: number, quarter: number) =>
    rows.find((row) => row.programmeId === programmeId && row.quarter === quarter);
  return (width: number): ChartOption => ({
    color: [...CHART_COLORS.palette],
    legend: { ...legend(width), data: programmes.map(([, name]) => name) },
    grid: baseGrid(width, { top: 52, right: 8 }),
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      confine: true,
      formatter: (params: unknown) => {
        const index = (params as Array<{ dataIndex: number }>)[0]?.dataIndex ?? 0;
        const quarter = index + 1;
        const lines = programmes.flatMap(([id, name]) => {
          const row = cell(id, quarter);
          return row
            ? [
                escapeHtml(
                  t('stipends.tooltip', {
                    programme: name,
                    people: row.people,
                    amount: yuanText(t, row.amountFen),
                  }),
                ),
              ]
            : [];
        });
        return [`<b>${t('stipends.quarter', { quarter })}</b>`, ...lines].join('<br/>');
      },
    },
    xAxis: {
      type: 'category',
      data: [1, 2, 3, 4].map((quarter) => t('stipends.quarter', { quarter })),
      axisLabel: { fontSize: 11 },
    },
    yAxis: {
      type: 'value',
      name: t('wanUnit'),
      nameTextStyle: { fontSize: 11, color: '#64748b', align: 'left' },
      axisLabel: { fontSize: 11 },
      splitLine: { lineStyle: { color: '#e5e7eb' } },
    },
    series: programmes.map(([id, name]) => ({
      type: 'bar' as const,
      name,
      barMaxWidth: 22,
      data: [1, 2, 3, 4].map((quarter) => toWan(cell(id, quarter)?.amountFen ?? 0)),
      label: {
        show: true,
        position: 'top' as const,
        fontSize: 11,
        color: '#334155',
        formatter: (params: { dataIndex: number }) => {
          const row = cell(id, params.dataIndex + 1);
          return row ? t('stipends.people', { people: row.people }) : '';
        },
      },
    })),
  });
}

export interface IndicatorBar {
  name: string;
  /** actual ÷ target, as a fraction */
  completion: number;
  met: boolean;
  tooltip: string;
}

/** Completion of each indicator against 100%, drawn up to 150% (the tooltip says the exact value). */
export function indicatorsOption(t: T, rows: readonly IndicatorBar[]) {
  const ordered = [...rows].reverse();
  return (width: number): ChartOption => ({
    grid: baseGrid(width, { top: 16, right: width < NARROW_WIDTH ? 40 : 56 }),
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (params: unknown) => ordered[(params as { dataIndex: number }).dataIndex].tooltip,
    },
    xAxis: {
      type: 'value',
      min: 0,
      max: 150,
      interval: 50,
      axisLabel: { fontSize: 11, formatter: '{value}%' },
      splitLine: { lineStyle: { color: '#e5e7eb' } },
    },
    yAxis: {
      type: 'category',
      data: ordered.map((row) => row.name),
      axisLabel: { width: labelWidth(width), overflow: 'truncate', fontSize: width < NARROW_WIDTH ? 11 : 12 },
      axisTick: { show: false },
    },
    series: [
      {
        type: 'bar',
        name: t('indicators.completion'),
        barMaxWidth: 14,
        data: ordered.map((row) => ({
          value: Math.min(150, Math.round(row.completion * 1000) / 10),
          itemStyle: { color: row.met ? CHART_COLORS.good : CHART_COLORS.warn },
        })),
        label: {
          show: true,
          position: 'right',
          fontSize: 11,
          color: '#334155',
          formatter: (params: { dataIndex: number }) =>
            `${(Math.round(ordered[params.dataIndex].completion * 1000) / 10).toString()}%`,
        },
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { color: '#0f172a', type: 'dashed' },
          label: { show: false },
          data: [{ xAxis: 100 }],
        },
      },
    ],
  });
}
