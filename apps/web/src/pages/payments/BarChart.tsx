import { Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';

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
  /** Read out by screen readers and shown as a tooltip. */
  description: string;
}

/** A 'nice' step for about `count` grid lines up to `max`. */
function niceStep(max: number, count = 4): number {
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const unit = raw / power;
  return (unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 5 ? 5 : 10) * power;
}

/** 万元 with at most two decimals: 126,300.00 元 → '12.63', 36,000.00 元 → '3.6'. */
const wanText = (fen: number) => String(Number((fen / 1_000_000).toFixed(2)));

/** Grid labels in 万元 with as many decimals as the step needs. */
const tickText = (fen: number, step: number) => {
  const decimals = step >= 1_000_000 ? 0 : step >= 100_000 ? 1 : 2;
  return (fen / 1_000_000).toFixed(decimals);
};

/**
 * Horizontal grouped bars drawn as SVG (no chart library): one group per row (a budget line or a
 * street), one bar per series, values in 万元 at the bar ends. Fits its container's width.
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
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(720);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) =>
      setWidth(Math.max(280, Math.floor(entry.contentRect.width))),
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const narrow = width < 520;
  const labelWidth = narrow ? 0 : Math.min(200, Math.floor(width * 0.28));
  const valueRoom = 64;
  const plot = Math.max(80, width - labelWidth - valueRoom - 8);
  const barHeight = 12;
  const barGap = 3;
  const titleRoom = narrow ? 18 : 0;
  const groupHeight = titleRoom + series.length * (barHeight + barGap) + 14;
  const top = 20;
  const height = top + groups.length * groupHeight + 4;
  const max = Math.max(1, ...groups.flatMap((g) => series.map((s) => g.values[s.key] ?? 0)));
  const step = niceStep(max);
  const ceiling = Math.ceil(max / step) * step;
  const x = (fen: number) => labelWidth + (Math.max(0, fen) / ceiling) * plot;
  const ticks = Array.from({ length: Math.round(ceiling / step) + 1 }, (_, i) => i * step);

  return (
    <div ref={box} className="xs-chart" data-testid={testId}>
      <div className="xs-chart-legend">
        {series.map((s) => (
          <span key={s.key} style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
            <span className="xs-legend-dot" style={{ background: s.color }} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {s.label}
            </Typography.Text>
          </span>
        ))}
        <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 'auto' }}>
          {unit}
        </Typography.Text>
      </div>
      <svg width={width} height={height} role="img" aria-label={groups.map((g) => g.description).join('；')}>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={x(tick)} x2={x(tick)} y1={top - 4} y2={height - 4} stroke="#e5e7eb" />
            <text x={x(tick)} y={12} fontSize={11} fill="#64748b" textAnchor="middle">
              {tickText(tick, step)}
            </text>
          </g>
        ))}
        {groups.map((group, gi) => {
          const y0 = top + gi * groupHeight + 6;
          return (
            <g key={group.key} data-group={group.key}>
              <title>{group.description}</title>
              {narrow ? (
                <text x={0} y={y0 + 10} fontSize={12} fill="#0f172a">
                  {group.label}
                </text>
              ) : (
                <text
                  x={labelWidth - 8}
                  y={y0 + (series.length * (barHeight + barGap)) / 2 + 4}
                  fontSize={12}
                  fill="#0f172a"
                  textAnchor="end"
                >
                  {group.label.length > 14 ? `${group.label.slice(0, 13)}…` : group.label}
                </text>
              )}
              {series.map((s, si) => {
                const value = group.values[s.key] ?? 0;
                const y = y0 + titleRoom + si * (barHeight + barGap);
                return (
                  <g key={s.key} data-series={s.key} data-value={value}>
                    <rect
                      x={labelWidth}
                      y={y}
                      width={Math.max(value > 0 ? 2 : 0, x(value) - labelWidth)}
                      height={barHeight}
                      rx={2}
                      fill={s.color}
                    />
                    {value > 0 && (
                      <text x={x(value) + 4} y={y + barHeight - 2} fontSize={11} fill="#334155">
                        {wanText(value)}
                      </text>
                    )}
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
    </div>
  );
}
