import { useMemo } from 'react';
import { EChart } from '../../components/charts/EChart';
import { CHART_COLORS, NARROW_WIDTH, type ChartOption } from '../../components/charts/echarts';
import { reviewAdminText } from './text';

interface Props {
  scores: number[];
  /** The fundable threshold, drawn as a line. */
  threshold: number;
}

const BINS = 10;

/**
 * Score distribution in ten 10-point bins (Apache ECharts) with the fundable line: bins at or
 * above the threshold in green. Bars sit on a 0–100 value axis so the line falls where the
 * threshold really is, between bins or inside one.
 */
export function ScoreHistogram({ scores, threshold }: Props) {
  const t = reviewAdminText.useT();
  const counts = useMemo(() => {
    const bins = Array.from({ length: BINS }, () => 0);
    for (const score of scores) bins[Math.min(BINS - 1, Math.max(0, Math.floor(score / 10)))] += 1;
    return bins;
  }, [scores]);

  const option = useMemo(
    () =>
      (width: number): ChartOption => {
        const narrow = width < NARROW_WIDTH;
        // The plot is the width less the y-axis labels; each bin takes a tenth of it.
        const barWidth = Math.max(6, Math.floor(((width - 48) / BINS) * 0.7));
        return {
          grid: { left: 8, right: 16, top: 28, bottom: 4, containLabel: true },
          tooltip: {
            trigger: 'item',
            confine: true,
            formatter: (params: unknown) => {
              const index = (params as { dataIndex: number }).dataIndex;
              return t('ranking.binTitle', { low: index * 10, high: index * 10 + 10, count: counts[index] });
            },
          },
          xAxis: {
            type: 'value',
            min: 0,
            max: 100,
            interval: narrow ? 20 : 10,
            axisLabel: { fontSize: 11 },
            splitLine: { show: false },
          },
          yAxis: {
            type: 'value',
            minInterval: 1,
            axisLabel: { fontSize: 11 },
            splitLine: { lineStyle: { color: '#e5e7eb' } },
          },
          series: [
            {
              type: 'bar',
              barWidth,
              data: counts.map((count, index) => ({
                value: [index * 10 + 5, count],
                itemStyle: {
                  color: index * 10 >= threshold ? CHART_COLORS.good : '#3b82f6',
                  borderRadius: [3, 3, 0, 0],
                },
              })),
              label: {
                show: true,
                position: 'top',
                fontSize: 11,
                formatter: (params: { value: unknown }) => {
                  const count = (params.value as [number, number])[1];
                  return count > 0 ? String(count) : '';
                },
              },
              markLine: {
                silent: true,
                symbol: 'none',
                lineStyle: { color: CHART_COLORS.bad, type: 'dashed' },
                label: {
                  formatter: t('ranking.thresholdLine', { threshold }),
                  color: CHART_COLORS.bad,
                  fontSize: 11,
                  position: 'end',
                },
                data: [{ xAxis: threshold }],
              },
            },
          ],
        };
      },
    [counts, threshold, t],
  );

  return (
    <EChart
      option={option}
      height={220}
      label={t('ranking.histogramLabel', { count: scores.length })}
      testId="score-histogram"
    />
  );
}
