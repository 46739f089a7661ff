import type {
  IndicatorBinding,
  IndicatorView,
  MetricCatalogueEntry,
  PerformanceTableView,
} from '@xiaoshi/contracts';
import { Flex, Tag, Typography } from 'antd';
import { formatValue } from './shared';
import { text } from './text';
import { useLang } from '../../i18n/i18n';

/**
 * rowSpan per row for a column whose equal neighbours merge (一级 / 二级 as the official table
 * prints them): the first row of a run spans it, the others vanish.
 */
export function runSpans<T>(rows: readonly T[], key: (row: T) => string): number[] {
  const spans = rows.map(() => 0);
  let start = 0;
  for (let index = 1; index <= rows.length; index++) {
    if (index === rows.length || key(rows[index]) !== key(rows[start])) {
      spans[start] = index - start;
      start = index;
    }
  }
  return spans;
}

/** The target as printed ('58个'), else the number in its unit. */
export function targetLabel(
  indicator: Pick<IndicatorView, 'target' | 'targetText' | 'unit' | 'nature'>,
  lang: 'zh' | 'en',
) {
  if (indicator.nature === 'qualitative') return '—';
  return indicator.targetText || formatValue(indicator.target, indicator.unit, lang);
}

/** Where an indicator's actual value comes from, in words. */
export function BindingSummary({
  binding,
  catalogue,
  table,
}: {
  binding: IndicatorBinding;
  catalogue: readonly MetricCatalogueEntry[] | undefined;
  table: Pick<PerformanceTableView, 'lines'>;
}) {
  const t = text.useT();
  const lang = useLang();
  if (binding.kind === 'manual') return <Tag style={{ marginInlineEnd: 0 }}>{t('binding.manual')}</Tag>;
  return (
    <Flex vertical gap={2}>
      <Flex gap={4} wrap>
        <Tag color="blue" style={{ marginInlineEnd: 0 }}>
          {t('binding.metric')}
        </Tag>
        {binding.terms.length > 1 && (
          <Tag style={{ marginInlineEnd: 0 }}>
            {binding.combine === 'union' ? t('binding.union') : t('binding.sum')}
          </Tag>
        )}
      </Flex>
      {binding.terms.map((term, index) => {
        const metric = catalogue?.find((entry) => entry.key === term.metric);
        const line =
          term.budgetLineId === 'table'
            ? t('binding.allLines')
            : term.budgetLineId === null
              ? t('binding.noLine')
              : (table.lines.find((candidate) => candidate.id === term.budgetLineId)?.name ??
                `#${term.budgetLineId}`);
        return (
          <Typography.Text key={index} type="secondary" style={{ fontSize: 12 }}>
            {metric
              ? lang === 'en'
                ? metric.name.en
                : metric.name.zh
              : t('binding.unknown', { key: term.metric })}
            {' · '}
            {line}
          </Typography.Text>
        );
      })}
    </Flex>
  );
}
