import { PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { EvaluationRowView } from '@xiaoshi/contracts';
import { Button, Flex } from 'antd';
import { Link, useParams } from 'react-router';
import { PageSpinner } from '../../components/PageSpinner';
import { QueryError } from '../../components/QueryError';
import { formatDateTime } from '../../lib/time';
import { performanceApi } from './api';
import { runSpans } from './IndicatorCells';
import { formatNumber, natureLabel, useTable } from './shared';
import { text } from './text';
import './performance.css';
import { useLang } from '../../i18n/i18n';

const COLUMNS = [
  'col.level1',
  'col.level2',
  'col.level3',
  'col.nature',
  'col.target',
  'col.unit',
  'col.actual',
  'col.points',
  'col.score',
  'col.reason',
] as const;

/** The self-evaluation as a print-ready A4 (landscape) page in the official layout. */
export default function PrintPage() {
  const t = text.useT();
  const lang = useLang();
  const id = Number(useParams().id);
  const table = useTable(id);
  const evaluation = useQuery({
    queryKey: ['performance', 'evaluation', id],
    queryFn: ({ signal }) => performanceApi.evaluation(id, signal),
  });
  const versionId = evaluation.data?.versionId;
  const version = useQuery({
    queryKey: ['performance', 'version', versionId],
    queryFn: ({ signal }) => performanceApi.version(versionId!, signal),
    enabled: versionId !== undefined,
  });
  if (table.isPending || evaluation.isPending || version.isPending) return <PageSpinner />;
  const error = table.error ?? evaluation.error ?? version.error;
  if (error || !table.data || !evaluation.data || !version.data) return <QueryError error={error} />;
  const view = evaluation.data;
  const rows = view.rows;
  const level1 = runSpans(rows, (row) => row.level1);
  const level2 = runSpans(rows, (row) => `${row.level1}\u0000${row.level2}`);
  const actual = (row: EvaluationRowView) =>
    row.nature === 'qualitative'
      ? row.band
        ? t(`band.${row.band}`)
        : ''
      : row.actual === null
        ? ''
        : formatNumber(row.actual, lang);
  const budget = view.budgetExecution;
  return (
    <div className="xs-pf-print-screen">
      <Flex gap={8} className="xs-no-print" style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('print.print')}
        </Button>
        <Link to={`/performance/tables/${id}?tab=evaluation`}>
          <Button>{t('print.back')}</Button>
        </Link>
      </Flex>
      <article className="xs-pf-print">
        <h1>{t('print.title', { year: table.data.year })}</h1>
        <p className="xs-pf-print-meta">
          <span>{t('print.programme', { name: table.data.name })}</span>
          <span>{t('print.score', { total: formatNumber(view.total, lang), grade: view.grade })}</span>
          <span>
            {view.status === 'submitted'
              ? t('print.status.submitted', {
                  date: formatDateTime(view.submittedAt, lang, false).slice(0, 10),
                })
              : t('print.status.open')}
          </span>
        </p>
        <p className="xs-pf-print-goal">
          <strong>{t('print.annualGoal')}</strong>
          {version.data.annualGoal}
        </p>
        <table>
          <thead>
            <tr>
              {COLUMNS.map((column) => (
                <th key={column}>{t(column)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={row.key}>
                {level1[index] > 0 && <td rowSpan={level1[index]}>{row.level1}</td>}
                {level2[index] > 0 && <td rowSpan={level2[index]}>{row.level2}</td>}
                <td>{row.name}</td>
                <td className="xs-pf-c">{natureLabel(row.nature, t)}</td>
                <td className="xs-pf-n">{row.target === null ? '' : formatNumber(row.target, lang)}</td>
                <td className="xs-pf-c">{row.unit}</td>
                <td className="xs-pf-n">{actual(row)}</td>
                <td className="xs-pf-n">{formatNumber(row.maxPoints, lang)}</td>
                <td className="xs-pf-n">{formatNumber(row.points, lang)}</td>
                <td className="xs-pf-reason">{row.reason ?? ''}</td>
              </tr>
            ))}
            {budget && (
              <tr>
                <td>{t('actuals.budget')}</td>
                <td>{t('actuals.budget')}</td>
                <td>{t('print.budgetRow')}</td>
                <td className="xs-pf-c">≥</td>
                <td className="xs-pf-n">100</td>
                <td className="xs-pf-c">%</td>
                <td className="xs-pf-n">
                  {budget.rate === null ? '' : formatNumber(budget.rate * 100, lang)}
                </td>
                <td className="xs-pf-n">{formatNumber(budget.maxPoints, lang)}</td>
                <td className="xs-pf-n">{formatNumber(budget.points, lang)}</td>
                <td />
              </tr>
            )}
            <tr className="xs-pf-total">
              <td colSpan={7}>{t('print.total')}</td>
              <td className="xs-pf-n">{formatNumber(view.maxTotal, lang)}</td>
              <td className="xs-pf-n">{formatNumber(view.total, lang)}</td>
              <td>
                {t('evaluation.grade')}：{view.grade}
              </td>
            </tr>
          </tbody>
        </table>
      </article>
    </div>
  );
}
