import { useMemo, type CSSProperties } from 'react';
import { EChart } from '../../components/charts/EChart';
import { NARROW_WIDTH, escapeHtml, type ChartOption } from '../../components/charts/echarts';

export interface Series {
  key: string;
  label: string;
  color: string;
}

export interface Group {
  key: string | number;
  label: string;
  /** Fen per series key. */
  values: Record<string, number>;
  /** Read out by screen readers and shown as the tooltip. */
  description: string;
}

/** Read by screen readers (and tests), not drawn: the chart's figures as a table. */
const SCREEN_READER_ONLY: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clipPath: 'inset(50%)',
  whiteSpace: 'nowrap',
};

/** 万元 with at most two decimals: 126,300.00 元 → 12.63. */
const wan = (fen: number) => Math.round(fen / 10_000) / 100;

/**
 * Horizontal grouped bars (Apache ECharts): one row per group (a budget line, a street), one bar
 * per series, values in 万元 at the ends of the last series. Follows its container's width; below
 * NARROW_WIDTH the labels shorten and the value labels give way to the tooltip.
 */
export function BarChart({
  series,
  groups,
  testId,
  unit = '万元',
}: {
  series: readonly Series[];
  groups: readonly Group[];
  testId?: string;
  unit?: string;
}) {
  const option = useMemo(() => {
    // ECharts draws the first category at the bottom: reversed, the list reads top-down.
    const rows = [...groups].reverse();
    return (width: number): ChartOption => {
      const narrow = width < NARROW_WIDTH;
      return {
        color: series.map((entry) => entry.color),
        legend: {
          top: 0,
          left: 0,
          type: 'scroll',
          itemWidth: 12,
          itemHeight: 10,
          data: series.map((entry) => entry.label),
        },
        grid: { left: 8, right: narrow ? 16 : 56, top: 32, bottom: 22, containLabel: true },
        tooltip: {
          trigger: 'axis',
          axisPointer: { type: 'shadow' },
          confine: true,
          formatter: (params: unknown) => {
            const index = (params as Array<{ dataIndex: number }>)[0]?.dataIndex ?? 0;
            return escapeHtml(rows[index].description);
          },
        },
        xAxis: {
          type: 'value',
          name: unit,
          nameLocation: 'middle',
          nameGap: 24,
          nameTextStyle: { fontSize: 11, color: '#64748b' },
          axisLabel: { fontSize: 11, hideOverlap: true },
          splitLine: { lineStyle: { color: '#e5e7eb' } },
        },
        yAxis: {
          type: 'category',
          data: rows.map((row) => row.label),
          axisLabel: {
            width: narrow ? 84 : Math.min(200, Math.floor(width * 0.3)),
            overflow: 'truncate',
            fontSize: narrow ? 11 : 12,
          },
          axisTick: { show: false },
        },
        series: series.map((entry, index) => ({
          type: 'bar' as const,
          name: entry.label,
          barMaxWidth: 14,
          barGap: '15%',
          data: rows.map((row) => wan(row.values[entry.key] ?? 0)),
          label: {
            show: !narrow && index === series.length - 1,
            position: 'right' as const,
            fontSize: 11,
            color: '#334155',
            formatter: (params: { value: unknown }) => (params.value ? String(params.value) : ''),
          },
        })),
      };
    };
  }, [series, groups, unit]);

  return (
    <div data-testid={testId} style={{ position: 'relative' }}>
      <EChart
        option={option}
        height={(width) =>
          Math.max(
            160,
            44 + groups.length * (width < NARROW_WIDTH ? 14 + series.length * 12 : 12 + series.length * 12),
          )
        }
        label={groups.map((group) => group.description).join('；')}
      />
      <table style={SCREEN_READER_ONLY}>
        <tbody>
          {groups.map((group) => (
            <tr key={group.key} data-group={group.key}>
              <th scope="row">{group.label}</th>
              {series.map((entry) => (
                <td key={entry.key} data-series={entry.key} data-value={group.values[entry.key] ?? 0}>
                  {entry.label} {wan(group.values[entry.key] ?? 0)} {unit}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
