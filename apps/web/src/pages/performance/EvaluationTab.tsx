import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EvaluationRowView, EvaluationView, PerformanceTableView } from '@xiaoshi/contracts';
import { App, Alert, Button, Card, Flex, Input, Popconfirm, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../../api/errors';
import { useAuth } from '../../app/auth/AuthContext';
import { PageSpinner } from '../../components/PageSpinner';
import { QueryError } from '../../components/QueryError';
import { saveFile } from '../../lib/download';
import { errorMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/time';
import { performanceApi } from './api';
import { GradeTag, formatNumber, formatValue, natureLabel } from './shared';
import { StreetReportsPanel } from './StreetReportsPanel';
import { text, type PerformanceText } from './text';
import { useLang } from '../../i18n/i18n';

function rowActual(row: EvaluationRowView, t: PerformanceText, lang: 'zh' | 'en') {
  if (row.nature === 'qualitative') return row.band ? t(`band.${row.band}`) : '—';
  return formatValue(row.actual, row.unit, lang);
}

function target(row: EvaluationRowView, t: PerformanceText, lang: 'zh' | 'en') {
  return row.nature === 'qualitative'
    ? t('nature.qualitative')
    : `${natureLabel(row.nature, t)} ${formatValue(row.target, row.unit, lang)}`;
}

function useSaved(tableId: number) {
  const queryClient = useQueryClient();
  return (view: EvaluationView) => {
    queryClient.setQueryData(['performance', 'evaluation', tableId], view);
    void queryClient.invalidateQueries({ queryKey: ['performance', 'summary'] });
  };
}

function DistrictEvaluation({ table, view }: { table: PerformanceTableView; view: EvaluationView }) {
  const t = text.useT();
  const lang = useLang();
  const { can } = useAuth();
  const { message } = App.useApp();
  const saved = useSaved(table.id);
  const [drafts, setDrafts] = useState<Record<string, string>>(() =>
    Object.fromEntries(view.rows.map((row) => [row.key, row.reason ?? ''])),
  );
  const open = view.status === 'open';
  const manage = open && can('performance.manage');
  const reasons = useMutation({
    mutationFn: () =>
      performanceApi.saveReasons(
        table.id,
        view.rows
          .filter((row) => row.needsReason || row.reason)
          .map((row) => ({ indicatorKey: row.key, text: drafts[row.key] ?? '' })),
      ),
    onSuccess: (next) => {
      saved(next);
      void message.success(t('evaluation.saved'));
    },
    onError: (error) => void message.error(errorMessage(error)),
  });
  const submit = useMutation({
    mutationFn: () => performanceApi.submit(table.id),
    onSuccess: (next) => {
      saved(next);
      void message.success(t('evaluation.submittedOk'));
    },
    onError: (error) => void message.error(errorMessage(error)),
  });
  const download = async () => {
    try {
      saveFile(await performanceApi.exportEvaluation(table.id), `${table.year}${table.name}.xlsx`);
    } catch (error) {
      void message.error(errorMessage(error));
    }
  };
  const notesOf = (key: string) => view.streetNotes.filter((note) => note.indicatorKey === key);
  const columns: ColumnsType<EvaluationRowView> = [
    {
      title: t('col.level3'),
      key: 'name',
      width: 190,
      render: (_, row) => (
        <Flex vertical>
          <Typography.Text>{row.name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.level1} / {row.level2}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('col.target'), key: 'target', width: 110, render: (_, row) => target(row, t, lang) },
    { title: t('col.actual'), key: 'actual', width: 110, render: (_, row) => rowActual(row, t, lang) },
    {
      title: t('col.score'),
      key: 'score',
      width: 90,
      align: 'right',
      render: (_, row) => `${formatNumber(row.points, lang)} / ${formatNumber(row.maxPoints, lang)}`,
    },
    {
      title: t('col.reason'),
      key: 'reason',
      width: 360,
      render: (_, row) => (
        <Flex vertical gap={6}>
          {manage && row.needsReason ? (
            <Input.TextArea
              aria-label={`${t('col.reason')} ${row.name}`}
              autoSize={{ minRows: 2, maxRows: 8 }}
              maxLength={5000}
              status={
                view.missingReasons.includes(row.key) && !drafts[row.key]?.trim() ? 'warning' : undefined
              }
              placeholder={t('evaluation.reasonPlaceholder')}
              value={drafts[row.key] ?? ''}
              onChange={(event) => setDrafts((current) => ({ ...current, [row.key]: event.target.value }))}
            />
          ) : (
            <Typography.Text className="xs-pf-text">
              {row.reason ?? (row.needsReason ? '—' : '')}
            </Typography.Text>
          )}
          {notesOf(row.key).map((note) => (
            <Typography.Text key={note.street.id} type="secondary" style={{ fontSize: 12 }}>
              【{note.street.name}】{note.text}
            </Typography.Text>
          ))}
        </Flex>
      ),
    },
  ];
  return (
    <Flex vertical gap={16}>
      <Alert
        type={open ? (view.missingReasons.length ? 'warning' : 'info') : 'success'}
        showIcon
        message={
          open
            ? t('evaluation.open')
            : t('evaluation.submitted', { date: formatDateTime(view.submittedAt, lang, false) })
        }
        description={
          open && view.missingReasons.length
            ? t('evaluation.missing', { count: view.missingReasons.length })
            : undefined
        }
      />
      <Flex gap={8} wrap justify="space-between" align="center">
        <Flex gap={8} align="center">
          <Typography.Text type="secondary">{t('actuals.total')}</Typography.Text>
          <span className="xs-pf-big">{formatNumber(view.total, lang)}</span>
          <GradeTag grade={view.grade} />
        </Flex>
        <Flex gap={8} wrap>
          {manage && (
            <>
              <Button onClick={() => reasons.mutate()} loading={reasons.isPending}>
                {t('evaluation.saveReasons')}
              </Button>
              <Popconfirm title={t('evaluation.submitConfirm')} onConfirm={() => submit.mutate()}>
                <Button type="primary" loading={submit.isPending}>
                  {t('evaluation.submit')}
                </Button>
              </Popconfirm>
            </>
          )}
          <Button icon={<DownloadOutlined />} onClick={() => void download()}>
            {t('evaluation.export')}
          </Button>
          <Link to={`/performance/tables/${table.id}/print`}>
            <Button icon={<PrinterOutlined />}>{t('evaluation.print')}</Button>
          </Link>
        </Flex>
      </Flex>
      <Table<EvaluationRowView>
        rowKey="key"
        size="small"
        bordered
        columns={columns}
        dataSource={view.rows}
        pagination={false}
        scroll={{ x: 860 }}
        summary={() =>
          view.budgetExecution && (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>{t('actuals.budget')}</Table.Summary.Cell>
              <Table.Summary.Cell index={1}>≥ 100%</Table.Summary.Cell>
              <Table.Summary.Cell index={2}>
                {view.budgetExecution.rate === null
                  ? '—'
                  : `${formatNumber(view.budgetExecution.rate * 100, lang)}%`}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">
                {formatNumber(view.budgetExecution.points, lang)} /{' '}
                {formatNumber(view.budgetExecution.maxPoints, lang)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4} />
            </Table.Summary.Row>
          )
        }
      />
      <StreetReportsPanel table={table} view={view} />
    </Flex>
  );
}

function StreetEvaluation({ table, view }: { table: PerformanceTableView; view: EvaluationView }) {
  const t = text.useT();
  const lang = useLang();
  const { can } = useAuth();
  const { message } = App.useApp();
  const saved = useSaved(table.id);
  const report = view.streetReports[0] ?? null;
  const editable =
    view.status === 'open' && can('performance.report') && (!report || report.status === 'returned');
  const [drafts, setDrafts] = useState<Record<string, string>>(() =>
    Object.fromEntries(view.streetNotes.map((note) => [note.indicatorKey, note.text])),
  );
  const notes = useMutation({
    mutationFn: () =>
      performanceApi.saveStreetNotes(
        table.id,
        view.rows
          .filter((row) => row.needsReason)
          .map((row) => ({ indicatorKey: row.key, text: drafts[row.key] ?? '' })),
      ),
    onSuccess: (next) => {
      saved(next);
      void message.success(t('evaluation.saved'));
    },
    onError: (error) => void message.error(errorMessage(error)),
  });
  const submit = useMutation({
    mutationFn: async () => {
      await performanceApi.saveStreetNotes(
        table.id,
        view.rows
          .filter((row) => row.needsReason)
          .map((row) => ({ indicatorKey: row.key, text: drafts[row.key] ?? '' })),
      );
      return performanceApi.submitStreetReport(table.id);
    },
    onSuccess: (next) => {
      saved(next);
      void message.success(t('evaluation.street.submitted'));
    },
    onError: (error) => void message.error(errorMessage(error)),
  });
  const columns: ColumnsType<EvaluationRowView> = [
    { title: t('col.level3'), dataIndex: 'name', width: 180 },
    { title: t('col.target'), key: 'target', width: 110, render: (_, row) => target(row, t, lang) },
    {
      title: t('col.streetActual'),
      key: 'actual',
      width: 120,
      render: (_, row) =>
        row.source === 'manual' ? (
          <Typography.Text type="secondary">{t('actuals.districtOnly')}</Typography.Text>
        ) : (
          rowActual(row, t, lang)
        ),
    },
    {
      title: t('col.shortfall'),
      key: 'shortfall',
      width: 100,
      render: (_, row) =>
        row.needsReason ? (
          <Tag color="red">{t('evaluation.street.shortfall')}</Tag>
        ) : (
          t('evaluation.street.ok')
        ),
    },
    {
      title: t('col.note'),
      key: 'note',
      width: 320,
      render: (_, row) =>
        row.needsReason ? (
          editable ? (
            <Input.TextArea
              aria-label={`${t('col.note')} ${row.name}`}
              autoSize={{ minRows: 2, maxRows: 6 }}
              maxLength={5000}
              value={drafts[row.key] ?? ''}
              onChange={(event) => setDrafts((current) => ({ ...current, [row.key]: event.target.value }))}
            />
          ) : (
            <Typography.Text className="xs-pf-text">{drafts[row.key] || '—'}</Typography.Text>
          )
        ) : null,
    },
  ];
  const status = report ? t(`evaluation.reportStatus.${report.status}`) : t('evaluation.reportStatus.none');
  return (
    <Flex vertical gap={16}>
      <Alert type="info" showIcon message={t('evaluation.street.intro')} />
      <Alert
        type={report?.status === 'returned' ? 'error' : report?.status === 'approved' ? 'success' : 'warning'}
        showIcon
        message={t('evaluation.street.status', { status })}
        description={
          report?.returnReason ? t('evaluation.returnedBecause', { reason: report.returnReason }) : undefined
        }
      />
      <Table<EvaluationRowView>
        rowKey="key"
        size="small"
        bordered
        columns={columns}
        dataSource={view.rows}
        pagination={false}
        scroll={{ x: 760 }}
      />
      {editable && (
        <Flex gap={8} wrap>
          <Button onClick={() => notes.mutate()} loading={notes.isPending}>
            {t('evaluation.street.save')}
          </Button>
          <Button type="primary" onClick={() => submit.mutate()} loading={submit.isPending}>
            {t('evaluation.street.submit')}
          </Button>
        </Flex>
      )}
    </Flex>
  );
}

/** The self-evaluation: the district's table with reasons and street reports, or a street's own part. */
export function EvaluationTab({ table }: { table: PerformanceTableView }) {
  const t = text.useT();
  const evaluation = useQuery({
    queryKey: ['performance', 'evaluation', table.id],
    queryFn: ({ signal }) => performanceApi.evaluation(table.id, signal),
  });
  if (evaluation.isPending) return <PageSpinner />;
  if (evaluation.isError) {
    if (isApiError(evaluation.error) && evaluation.error.code === 'PERFORMANCE_NOT_APPROVED') {
      return <Alert type="warning" showIcon message={t('evaluation.notApproved')} />;
    }
    return <QueryError error={evaluation.error} onRetry={() => void evaluation.refetch()} />;
  }
  const view = evaluation.data;
  return (
    <Card size="small" variant="borderless">
      {view.scope.kind === 'district' ? (
        <DistrictEvaluation
          key={`${view.status}-${view.rows.map((row) => row.reason).join('|')}`}
          table={table}
          view={view}
        />
      ) : (
        <StreetEvaluation
          key={view.streetReports.map((report) => report.status).join('|')}
          table={table}
          view={view}
        />
      )}
    </Card>
  );
}
