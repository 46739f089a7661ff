import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type {
  ManualValueView,
  MetricRowView,
  MetricUnitKey,
  PerformanceTableView,
  TermActual,
} from '@xiaoshi/contracts';
import {
  App,
  Button,
  Card,
  Descriptions,
  Drawer,
  Empty,
  Flex,
  List,
  Skeleton,
  Table,
  Typography,
} from 'antd';
import { Link } from 'react-router';
import { saveFile } from '../../lib/download';
import { errorMessage } from '../../lib/errors';
import { yuan } from '../../lib/money';
import { formatDateTime } from '../../lib/time';
import { QueryError } from '../../components/QueryError';
import type { ActualRow } from './ActualsTab';
import { actualLabel } from './ActualsTab';
import { performanceApi } from './api';
import { drawerWidth, formatNumber, useMetrics } from './shared';
import { text } from './text';
import { useLang } from '../../i18n/i18n';

function metricValue(value: number | null, unit: MetricUnitKey | null, lang: 'zh' | 'en'): string {
  if (value === null) return '—';
  if (unit === 'fen') return yuan(value);
  if (unit === 'percent') return `${formatNumber(value, lang)}%`;
  return formatNumber(value, lang);
}

function TermCard({
  term,
  unit,
}: {
  term: TermActual & { rows: MetricRowView[] };
  unit: MetricUnitKey | null;
}) {
  const t = text.useT();
  const lang = useLang();
  const metrics = useMetrics();
  const definition = metrics.data?.find((metric) => metric.key === term.metric);
  const name = term.name
    ? lang === 'en'
      ? term.name.en
      : term.name.zh
    : t('binding.unknown', { key: term.metric });
  return (
    <Card size="small" title={name} extra={term.budgetLine?.name}>
      <Flex vertical gap={8}>
        {definition && (
          <Typography.Text type="secondary">
            {lang === 'en' ? definition.description.en : definition.description.zh}
          </Typography.Text>
        )}
        <Typography.Text strong>
          {metricValue(term.value, unit, lang)}
          {term.numerator !== null && term.denominator !== null && unit === 'percent' && (
            <Typography.Text type="secondary">
              {'  '}(
              {t('drawer.ratio', {
                numerator: formatNumber(term.numerator, lang),
                denominator: formatNumber(term.denominator, lang),
              })}
              )
            </Typography.Text>
          )}
        </Typography.Text>
        <Typography.Text type="secondary">
          {term.rows.length < term.rowCount
            ? t('drawer.rowsShown', { shown: term.rows.length, count: term.rowCount })
            : t('drawer.rows', { count: term.rowCount })}
        </Typography.Text>
        {term.rows.length > 0 ? (
          <Table<MetricRowView>
            rowKey="ref"
            size="small"
            pagination={term.rows.length > 20 ? { pageSize: 20, size: 'small' } : false}
            dataSource={term.rows}
            scroll={{ x: 480 }}
            columns={[
              {
                title: t('drawer.row.label'),
                dataIndex: 'label',
                render: (label: string, row) => (row.href ? <Link to={row.href}>{label}</Link> : label),
              },
              {
                title: t('drawer.row.unit'),
                dataIndex: 'unitName',
                width: 120,
                render: (value: string | null) => value ?? '—',
              },
              {
                title: t('drawer.row.value'),
                dataIndex: 'value',
                width: 120,
                align: 'right',
                render: (value: number) => metricValue(value, unit, lang),
              },
            ]}
          />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('drawer.noRows')} />
        )}
      </Flex>
    </Card>
  );
}

function ManualEntry({ entry }: { entry: ManualValueView }) {
  const t = text.useT();
  const lang = useLang();
  const { message } = App.useApp();
  const download = async () => {
    try {
      saveFile(await performanceApi.evidence(entry.evidence.id), entry.evidence.name);
    } catch (error) {
      void message.error(errorMessage(error));
    }
  };
  return (
    <Flex vertical gap={2}>
      <Typography.Text strong>
        {entry.band ? t(`band.${entry.band}`) : formatNumber(entry.value ?? 0, lang)}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('drawer.enteredBy', {
          name: entry.enteredBy.name,
          time: formatDateTime(entry.enteredAt, lang, false),
        })}
      </Typography.Text>
      {entry.note && <Typography.Text>{entry.note}</Typography.Text>}
      <Button
        size="small"
        type="link"
        icon={<DownloadOutlined />}
        onClick={() => void download()}
        style={{ paddingInline: 0, alignSelf: 'flex-start' }}
      >
        {entry.evidence.name}
      </Button>
    </Flex>
  );
}

/** The drill-down: how the actual value was computed, down to the rows behind it. */
export function BreakdownDrawer({
  table,
  row,
  onClose,
}: {
  table: PerformanceTableView;
  row: ActualRow;
  onClose: () => void;
}) {
  const t = text.useT();
  const lang = useLang();
  const metric = row.actual.metric;
  const breakdown = useQuery({
    queryKey: ['performance', 'breakdown', table.id, row.indicator.id],
    queryFn: ({ signal }) => performanceApi.breakdown(table.id, row.indicator.id, signal),
    enabled: metric !== null,
  });
  const history = useQuery({
    queryKey: ['performance', 'history', table.id, row.indicator.key],
    queryFn: ({ signal }) => performanceApi.valueHistory(table.id, row.indicator.key, signal),
    enabled: metric === null,
  });
  return (
    <Drawer
      open
      onClose={onClose}
      size={drawerWidth(720)}
      title={t('drawer.title', { name: row.indicator.name })}
    >
      <Flex vertical gap={16}>
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label={t('drawer.value')}>
            <Typography.Text strong>{actualLabel(row, t, lang)}</Typography.Text>
          </Descriptions.Item>
          {metric && (
            <Descriptions.Item label={t('drawer.how')}>
              {metric.combine === 'union' ? t('drawer.combine.union') : t('drawer.combine.sum')}
              {metric.numerator !== null && metric.denominator !== null && (
                <div>
                  {t('drawer.ratio', {
                    numerator: formatNumber(metric.numerator, lang),
                    denominator: formatNumber(metric.denominator, lang),
                  })}
                </div>
              )}
            </Descriptions.Item>
          )}
          {row.indicator.dataSource && (
            <Descriptions.Item label={t('editor.dataSource')}>{row.indicator.dataSource}</Descriptions.Item>
          )}
        </Descriptions>
        {metric ? (
          breakdown.isPending ? (
            <Skeleton active />
          ) : breakdown.isError ? (
            <QueryError compact error={breakdown.error} onRetry={() => void breakdown.refetch()} />
          ) : (
            breakdown.data.terms.map((term, index) => <TermCard key={index} term={term} unit={term.unit} />)
          )
        ) : history.isPending ? (
          <Skeleton active />
        ) : history.isError ? (
          <QueryError compact error={history.error} onRetry={() => void history.refetch()} />
        ) : history.data.length === 0 ? (
          <Empty description={row.actual.source === 'manual' ? t('drawer.manualNone') : t('drawer.noRows')} />
        ) : (
          <Card size="small" title={t('drawer.history')}>
            <List
              dataSource={history.data}
              renderItem={(entry) => (
                <List.Item>
                  <ManualEntry entry={entry} />
                </List.Item>
              )}
            />
          </Card>
        )}
      </Flex>
    </Drawer>
  );
}
