import { useI18n } from '../../i18n/I18nProvider';

interface Props {
  loads: Array<{ label: string; value: number }>;
  /** The per-reviewer cap, drawn as a dashed line. */
  cap: number;
}

const ROW = 24;
const LABEL = 110;
const WIDTH = 560;

/** Horizontal bars of assignments per reviewer against the cap; plain SVG, no chart library. */
export function LoadChart({ loads, cap }: Props) {
  const { t } = useI18n();
  if (!loads.length) return null;
  const max = Math.max(cap, ...loads.map((row) => row.value), 1);
  const plot = WIDTH - LABEL - 40;
  const x = (value: number) => LABEL + (value / max) * plot;
  const height = loads.length * ROW + 24;
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      style={{ maxWidth: WIDTH, display: 'block' }}
      role="img"
      aria-label={t('reviewAdmin.loadChart')}
    >
      {loads.map((row, index) => {
        const y = index * ROW + 4;
        const over = row.value > cap;
        return (
          <g key={`${row.label}-${index}`}>
            <text x={LABEL - 8} y={y + 14} textAnchor="end" fontSize={12} fill="#334155">
              {row.label.length > 8 ? `${row.label.slice(0, 8)}…` : row.label}
            </text>
            <rect
              x={LABEL}
              y={y + 2}
              width={Math.max(0, x(row.value) - LABEL)}
              height={ROW - 8}
              rx={3}
              fill={over ? '#dc2626' : '#3b82f6'}
            />
            <text x={x(row.value) + 6} y={y + 14} fontSize={12} fill="#0f172a">
              {row.value}
            </text>
          </g>
        );
      })}
      <line
        x1={x(cap)}
        x2={x(cap)}
        y1={0}
        y2={loads.length * ROW + 4}
        stroke="#f59e0b"
        strokeDasharray="4 3"
      />
      <text x={x(cap)} y={height - 6} fontSize={11} textAnchor="middle" fill="#b45309">
        {t('reviewAdmin.capLine', { cap })}
      </text>
    </svg>
  );
}
