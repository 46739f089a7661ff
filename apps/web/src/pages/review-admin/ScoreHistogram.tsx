import { useI18n } from '../../i18n/I18nProvider';

interface Props {
  scores: number[];
  /** The fundable threshold, drawn as a line. */
  threshold: number;
}

const WIDTH = 560;
const HEIGHT = 200;
const PAD = { left: 32, right: 12, top: 12, bottom: 28 };
const BINS = 10;

/** Score distribution in ten 10-point bins, with the fundable line; plain SVG. */
export function ScoreHistogram({ scores, threshold }: Props) {
  const { t } = useI18n();
  const counts = Array.from({ length: BINS }, () => 0);
  for (const score of scores) counts[Math.min(BINS - 1, Math.max(0, Math.floor(score / 10)))] += 1;
  const top = Math.max(1, ...counts);
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const barW = plotW / BINS;
  const x = (score: number) => PAD.left + (score / 100) * plotW;
  const y = (count: number) => PAD.top + plotH - (count / top) * plotH;
  const ticks = top <= 5 ? Array.from({ length: top + 1 }, (_, i) => i) : [0, Math.round(top / 2), top];

  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width="100%"
      style={{ maxWidth: WIDTH, display: 'block' }}
      role="img"
      aria-label={t('ranking.histogramLabel', { count: scores.length })}
      data-testid="score-histogram"
    >
      {ticks.map((tick) => (
        <g key={tick}>
          <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} stroke="#e5e7eb" />
          <text x={PAD.left - 6} y={y(tick) + 4} fontSize={11} textAnchor="end" fill="#64748b">
            {tick}
          </text>
        </g>
      ))}
      {counts.map((count, index) => {
        const low = index * 10;
        const fundable = low >= threshold;
        return (
          <g key={index}>
            {count > 0 && (
              <>
                <rect
                  x={PAD.left + index * barW + 3}
                  y={y(count)}
                  width={barW - 6}
                  height={PAD.top + plotH - y(count)}
                  rx={3}
                  fill={fundable ? '#16a34a' : '#3b82f6'}
                  opacity={0.85}
                >
                  <title>{t('ranking.binTitle', { low, high: low + 10, count })}</title>
                </rect>
                <text
                  x={PAD.left + index * barW + barW / 2}
                  y={y(count) - 4}
                  fontSize={11}
                  textAnchor="middle"
                  fill="#0f172a"
                >
                  {count}
                </text>
              </>
            )}
            <text
              x={PAD.left + index * barW}
              y={HEIGHT - 10}
              fontSize={11}
              textAnchor="middle"
              fill="#64748b"
            >
              {low}
            </text>
          </g>
        );
      })}
      <text x={WIDTH - PAD.right} y={HEIGHT - 10} fontSize={11} textAnchor="end" fill="#64748b">
        100
      </text>
      <line
        x1={x(threshold)}
        x2={x(threshold)}
        y1={PAD.top - 4}
        y2={PAD.top + plotH}
        stroke="#dc2626"
        strokeDasharray="5 4"
      />
      <text x={x(threshold) + 4} y={PAD.top + 8} fontSize={11} fill="#dc2626">
        {t('ranking.thresholdLine', { threshold })}
      </text>
    </svg>
  );
}
