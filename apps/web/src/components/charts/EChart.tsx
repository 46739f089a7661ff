import { useEffect, useRef, useState } from 'react';
import { echarts, type ChartOption } from './echarts';

interface Props {
  /** The option, or a function of the container's width (compact layouts below NARROW_WIDTH). */
  option: ChartOption | ((width: number) => ChartOption);
  /** Pixels, or a function of the container's width. */
  height: number | ((width: number) => number);
  /** What the chart shows, read out by screen readers (the canvas itself says nothing). */
  label: string;
  testId?: string;
}

/**
 * One ECharts instance on a canvas that follows its container's width (ResizeObserver), so charts
 * fit a phone at 375 px and a wide desktop alike. Disposed with the component.
 */
export function EChart({ option, height, label, testId }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const [width, setWidth] = useState(0);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const instance = echarts.init(element, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry.contentRect.width)));
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  const pixels = typeof height === 'function' ? height(width) : height;

  useEffect(() => {
    const instance = chart.current;
    if (!instance || width === 0) return;
    instance.setOption(typeof option === 'function' ? option(width) : option, { notMerge: true });
    instance.resize();
  }, [option, width, pixels]);

  return (
    <div
      ref={box}
      role="img"
      aria-label={label}
      data-testid={testId}
      className="xs-echart"
      style={{ width: '100%', height: pixels }}
    />
  );
}
