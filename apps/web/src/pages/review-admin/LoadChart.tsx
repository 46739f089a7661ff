import { useMemo } from 'react';
import { EChart } from '../../components/charts/EChart';
import { CHART_COLORS, NARROW_WIDTH, type ChartOption } from '../../components/charts/echarts';
import { reviewAdminText } from './text';

interface Props {
  loads: Array<{ label: string; value: number }>;
  /** The per-reviewer cap, drawn as a dashed line. */
  cap: number;
}

/** Horizontal bars of assignments per reviewer against the cap (Apache ECharts); over the cap in red. */
export function LoadChart({ loads, cap }: Props) {
  const t = reviewAdminText.useT();
  const option = useMemo(() => {
    const rows = [...loads].reverse();
    return (width: number): ChartOption => ({
      grid: { left: 8, right: 24, top: 24, bottom: 4, containLabel: true },
      tooltip: { trigger: 'item', confine: true },
      xAxis: {
        type: 'value',
        minInterval: 1,
        max: (value: { max: number }) => Math.max(cap, value.max) + 1,
        axisLabel: { fontSize: 11 },
        splitLine: { lineStyle: { color: '#e5e7eb' } },
      },
      yAxis: {
        type: 'category',
        data: rows.map((row) => row.label),
        axisLabel: { width: width < NARROW_WIDTH ? 72 : 120, overflow: 'truncate', fontSize: 12 },
        axisTick: { show: false },
      },
      series: [
        {
          type: 'bar',
          name: t('loadChart'),
          barMaxWidth: 14,
          data: rows.map((row) => ({
            value: row.value,
            itemStyle: { color: row.value > cap ? CHART_COLORS.bad : '#3b82f6', borderRadius: [0, 3, 3, 0] },
          })),
          label: { show: true, position: 'right', fontSize: 11 },
          markLine: {
            silent: true,
            symbol: 'none',
            lineStyle: { color: CHART_COLORS.warn, type: 'dashed' },
            label: {
              formatter: t('capLine', { cap }),
              color: '#b45309',
              fontSize: 11,
              position: 'end',
            },
            data: [{ xAxis: cap }],
          },
        },
      ],
    });
  }, [loads, cap, t]);
  if (!loads.length) return null;
  return (
    <EChart
      option={option}
      height={Math.max(120, 40 + loads.length * 26)}
      label={loads.map((row) => `${row.label} ${row.value}`).join('；')}
    />
  );
}
