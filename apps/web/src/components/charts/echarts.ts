import {
  BarChart,
  FunnelChart,
  GaugeChart,
  LineChart,
  type BarSeriesOption,
  type FunnelSeriesOption,
  type GaugeSeriesOption,
  type LineSeriesOption,
} from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type MarkLineComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

/**
 * Apache ECharts with only the charts and components the portal draws (tree-shaken from
 * 'echarts/core'). Imported by chart pages only, so it rides in their lazy chunks: the login
 * route and the 工作台 never download it.
 */
echarts.use([
  BarChart,
  LineChart,
  FunnelChart,
  GaugeChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export type ChartOption = echarts.ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | FunnelSeriesOption
  | GaugeSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | TooltipComponentOption
>;

export { echarts };

/** The portal's chart colours: budget grey, committed light blue, paid dark blue, then accents. */
export const CHART_COLORS = {
  budget: '#cbd5e1',
  committed: '#60a5fa',
  paid: '#1e3a8a',
  good: '#16a34a',
  warn: '#f59e0b',
  bad: '#dc2626',
  line: '#f97316',
  palette: ['#1e3a8a', '#60a5fa', '#16a34a', '#f59e0b', '#a855f7', '#0ea5e9', '#f43f5e'],
} as const;

/** Below this container width, charts switch to their compact layout (a phone at 375 px). */
export const NARROW_WIDTH = 520;

/** Escapes text taken from data (names) before it goes into an HTML tooltip. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
