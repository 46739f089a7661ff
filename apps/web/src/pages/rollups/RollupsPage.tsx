import { useQuery } from '@tanstack/react-query';
import type { RollupDistrictRow, RollupRow, RollupView } from '@xiaoshi/contracts';
import { Card, Select, Table, Typography, type TableColumnsType } from 'antd';
import { useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { useLang } from '../../i18n/i18n';
import { percentOfBp } from '../../lib/money';
import { scaledMoney } from '../../lib/money-scale';
import { beijingYear, formatDateTime } from '../../lib/time';
import { text } from './text';
import './rollups.css';

type Row = RollupRow & { key: string; name: string };

/**
 * 各区汇总 for a city / province officer (issue 13 §6): one row per district below, the totals
 * row last. Read-only; the year lives in the URL. The table scrolls sideways on a phone with the
 * district column kept in view.
 */
export default function RollupsPage() {
  const t = text.useT();
  const lang = useLang();
  const [params, setParams] = useSearchParams();
  const thisYear = beijingYear();
  const asked = Number(params.get('year'));
  const year = Number.isSafeInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : thisYear;
  const rollup = useQuery({
    queryKey: ['rollups', year],
    queryFn: ({ signal }) => api<RollupView>('/api/rollups', { query: { year }, signal }),
    placeholderData: (previous) => previous,
  });
  const money = (fen: number) => scaledMoney(fen, lang);
  const columns: TableColumnsType<Row> = [
    { title: t('district'), dataIndex: 'name', key: 'name', fixed: 'left', width: 120 },
    { title: t('budget'), key: 'budget', align: 'right', render: (_, row) => money(row.execution.budgetFen) },
    { title: t('committed'), key: 'committed', align: 'right', render: (_, row) => money(row.execution.committedFen) },
    { title: t('paid'), key: 'paid', align: 'right', render: (_, row) => money(row.execution.paidFen) },
    {
      title: t('rate'),
      key: 'rate',
      align: 'right',
      render: (_, row) => (row.execution.executionRateBp === null ? t('noRate') : percentOfBp(row.execution.executionRateBp)),
    },
    { title: t('applications'), key: 'applications', align: 'right', render: (_, row) => row.funnel.applications },
    { title: t('awards'), key: 'awards', align: 'right', render: (_, row) => row.funnel.awards },
    { title: t('awarded'), key: 'awarded', align: 'right', render: (_, row) => money(row.funnel.awardedFen) },
    {
      title: t('projects'),
      key: 'projects',
      align: 'right',
      render: (_, row) => `${row.funnel.projectsAccepted} / ${row.funnel.projects}`,
    },
    {
      title: t('indicators'),
      key: 'indicators',
      align: 'right',
      render: (_, row) => t('indicatorsValue', { met: row.indicators.met, total: row.indicators.total }),
    },
  ];
  const data = rollup.data;
  const rows: Row[] = (data?.districts ?? []).map((row: RollupDistrictRow) => ({ ...row, key: String(row.district.id), name: row.district.name }));
  const totalRow: Row | null = data && rows.length > 1 ? { ...data.total, key: 'total', name: t('total') } : null;
  const years = [thisYear - 2, thisYear - 1, thisYear, thisYear + 1];
  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={data ? t('subtitle', { unit: data.unit.name }) : undefined}
        extra={
          <Select
            aria-label={t('yearLabel')}
            value={year}
            style={{ width: 110 }}
            options={years.map((value) => ({ value, label: t('year', { year: value }) }))}
            onChange={(value: number) => setParams({ year: String(value) }, { replace: true })}
          />
        }
      />
      {rollup.isError ? (
        <QueryError error={rollup.error} onRetry={() => void rollup.refetch()} />
      ) : (
        <Card variant="borderless" styles={{ body: { padding: 0 } }}>
          <Table<Row>
            size="small"
            rowKey="key"
            loading={rollup.isLoading}
            columns={columns}
            dataSource={totalRow ? [...rows, totalRow] : rows}
            rowClassName={(row) => (row.key === 'total' ? 'xs-rollup-total' : '')}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('none') }}
          />
        </Card>
      )}
      {data && (
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
          {t('computedAt', { time: formatDateTime(data.computedAt, lang, false) })}
        </Typography.Text>
      )}
    </>
  );
}
