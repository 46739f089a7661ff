import { useQuery } from '@tanstack/react-query';
import type { IndicatorNatureKey, PerformanceGrade, TableVersionStatusKey } from '@xiaoshi/contracts';
import { NATURE_SYMBOLS } from '@xiaoshi/domain';
import { Tag } from 'antd';
import { beijingDate } from '../../lib/time';
import { performanceApi } from './api';
import { text, type PerformanceText } from './text';
import { useLang } from '../../i18n/i18n';

export const GRADE_COLORS: Record<PerformanceGrade, string> = {
  优: 'green',
  良: 'blue',
  中: 'gold',
  差: 'red',
};
const GRADE_EN: Record<PerformanceGrade, string> = { 优: 'Excellent', 良: 'Good', 中: 'Fair', 差: 'Poor' };

/** The current year in Beijing. */
export function currentYear(): number {
  return Number(beijingDate().slice(0, 4));
}

/** Up to two decimals, thousands grouped. */
export function formatNumber(value: number, lang: 'zh' | 'en' = 'zh'): string {
  return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'zh-CN', { maximumFractionDigits: 2 }).format(value);
}

/** A value in its unit: '98%', '2,665,280 元', '58 个'; '—' for none. */
export function formatValue(
  value: number | null | undefined,
  unit: string,
  lang: 'zh' | 'en' = 'zh',
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const number = formatNumber(value, lang);
  if (unit === '%') return `${number}%`;
  return unit ? `${number} ${unit}` : number;
}

export function natureLabel(nature: IndicatorNatureKey, t: PerformanceText): string {
  return nature === 'qualitative' ? t('nature.qualitative') : NATURE_SYMBOLS[nature].zh;
}

export function GradeTag({ grade }: { grade: PerformanceGrade }) {
  const lang = useLang();
  return (
    <Tag color={GRADE_COLORS[grade]} style={{ marginInlineEnd: 0 }}>
      {lang === 'en' ? GRADE_EN[grade] : grade}
    </Tag>
  );
}

const VERSION_COLORS: Record<TableVersionStatusKey, string> = {
  draft: 'gold',
  approved: 'green',
  superseded: 'default',
};

export function VersionTag({ number, status }: { number: number; status: TableVersionStatusKey }) {
  const t = text.useT();
  return (
    <Tag color={VERSION_COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {t('version.label', { number })} · {t(`version.status.${status}`)}
    </Tag>
  );
}

export function MetTag({ met, hasValue }: { met: boolean; hasValue: boolean }) {
  const t = text.useT();
  if (!hasValue) return <Tag style={{ marginInlineEnd: 0 }}>{t('actuals.noValue')}</Tag>;
  return (
    <Tag color={met ? 'green' : 'red'} style={{ marginInlineEnd: 0 }}>
      {met ? t('actuals.met') : t('actuals.notMet')}
    </Tag>
  );
}

export function useTable(id: number) {
  return useQuery({
    queryKey: ['performance', 'table', id],
    queryFn: ({ signal }) => performanceApi.table(id, signal),
  });
}

export function useMetrics() {
  return useQuery({
    queryKey: ['performance', 'metrics'],
    queryFn: ({ signal }) => performanceApi.metrics(signal),
    staleTime: 5 * 60_000,
  });
}

/** A drawer as wide as asked, never wider than the screen (phones). */
export function drawerWidth(wanted: number): number {
  return typeof window === 'undefined' ? wanted : Math.min(wanted, window.innerWidth);
}
