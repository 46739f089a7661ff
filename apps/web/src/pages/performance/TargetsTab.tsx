import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  NewTableVersionRequest,
  type IndicatorView,
  type PerformanceTableView,
  type TableVersionView,
} from '@xiaoshi/contracts';
import {
  App,
  Alert,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Table,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useAuth } from '../../app/auth/AuthContext';
import { PageSpinner } from '../../components/PageSpinner';
import { QueryError } from '../../components/QueryError';
import { errorMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/time';
import { performanceApi } from './api';
import { BindingSummary, runSpans, targetLabel } from './IndicatorCells';
import { VersionTag, formatNumber, natureLabel, useMetrics } from './shared';
import { text } from './text';
import { VersionEditor } from './VersionEditor';
import { useLang } from '../../i18n/i18n';
import { useZodRules } from '../../lib/zod-form';

function IndicatorTable({ version, table }: { version: TableVersionView; table: PerformanceTableView }) {
  const t = text.useT();
  const lang = useLang();
  const metrics = useMetrics();
  const rows = version.indicators;
  const level1 = runSpans(rows, (row) => row.level1);
  const level2 = runSpans(rows, (row) => `${row.level1}\u0000${row.level2}`);
  const index = (row: IndicatorView) => rows.indexOf(row);
  const columns: ColumnsType<IndicatorView> = [
    {
      title: t('col.level1'),
      dataIndex: 'level1',
      width: 96,
      responsive: ['md'],
      onCell: (row) => ({ rowSpan: level1[index(row)] }),
    },
    {
      title: t('col.level2'),
      dataIndex: 'level2',
      width: 110,
      responsive: ['md'],
      onCell: (row) => ({ rowSpan: level2[index(row)] }),
    },
    { title: t('col.level3'), dataIndex: 'name', width: 200 },
    { title: t('col.nature'), key: 'nature', width: 80, render: (_, row) => natureLabel(row.nature, t) },
    { title: t('col.target'), key: 'target', width: 110, render: (_, row) => targetLabel(row, lang) },
    { title: t('col.unit'), dataIndex: 'unit', width: 70 },
    {
      title: t('col.points'),
      key: 'points',
      width: 70,
      align: 'right',
      render: (_, row) => formatNumber(row.points, lang),
    },
    {
      title: t('col.rule'),
      key: 'rule',
      width: 200,
      render: (_, row) => row.ruleText || t(`rule.${row.rule}`),
    },
    {
      title: t('col.source'),
      key: 'binding',
      width: 220,
      render: (_, row) => <BindingSummary binding={row.binding} catalogue={metrics.data} table={table} />,
    },
  ];
  return (
    <Flex vertical gap={8}>
      <Table<IndicatorView>
        rowKey="id"
        size="small"
        bordered
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1100 }}
        expandable={{
          expandedRowRender: (row) => (
            <Descriptions size="small" column={1} bordered>
              <Descriptions.Item label={t('col.content')}>
                <span className="xs-pf-text">{row.content || '—'}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('col.basis')}>
                <span className="xs-pf-text">{row.basis || '—'}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('editor.dataSource')}>{row.dataSource || '—'}</Descriptions.Item>
              <Descriptions.Item label={t('col.attribute')}>{row.attributeCode || '—'}</Descriptions.Item>
            </Descriptions>
          ),
        }}
      />
      <Typography.Text type="secondary">
        {t('actuals.budget')} · {t('col.points')} {formatNumber(version.budgetExecutionPoints, lang)}
      </Typography.Text>
    </Flex>
  );
}

function NewVersionButton({ table }: { table: PerformanceTableView }) {
  const t = text.useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ changeNote: string }>();
  const rules = useZodRules(NewTableVersionRequest);
  const create = useMutation({
    mutationFn: (changeNote: string) => performanceApi.newVersion(table.id, changeNote),
    onSuccess: (version) => {
      void message.success(t('version.created', { number: version.number }));
      void queryClient.invalidateQueries({ queryKey: ['performance'] });
      setOpen(false);
    },
    onError: (error) => void message.error(errorMessage(error)),
  });
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('version.new')}</Button>
      <Modal
        open={open}
        title={t('version.new')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('version.newHint')}</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={(values) => create.mutate(values.changeNote)}>
          <Form.Item
            name="changeNote"
            label={t('version.changeNote')}
            rules={rules('changeNote', { required: t('manual.required') })}
          >
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** The table's content per version: goals and the indicator tree; drafts edited and approved here. */
export function TargetsTab({ table }: { table: PerformanceTableView }) {
  const t = text.useT();
  const lang = useLang();
  const { can } = useAuth();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [picked, setPicked] = useState<number | null>(null);
  const [editing, setEditing] = useState(false);
  const versionId = picked ?? table.current?.id ?? table.draft?.id ?? table.versions[0]?.id;
  const version = useQuery({
    queryKey: ['performance', 'version', versionId],
    queryFn: ({ signal }) => performanceApi.version(versionId!, signal),
    enabled: versionId !== undefined,
  });
  const approve = useMutation({
    mutationFn: (v: TableVersionView) => performanceApi.approve(v.id, v.version),
    onSuccess: () => {
      void message.success(t('version.approved'));
      setPicked(null);
      void queryClient.invalidateQueries({ queryKey: ['performance'] });
    },
    onError: (error) => void message.error(errorMessage(error)),
  });
  const manage = can('performance.manage');

  if (versionId === undefined) return null;
  if (version.isPending) return <PageSpinner />;
  if (version.isError) return <QueryError error={version.error} onRetry={() => void version.refetch()} />;
  const v = version.data;
  const approvedLine = v.approvedAt
    ? v.approvedBy
      ? t('version.approvedBy', { name: v.approvedBy, date: formatDateTime(v.approvedAt, lang, false) })
      : t('version.approvedSeed', { date: formatDateTime(v.approvedAt, lang, false).slice(0, 10) })
    : null;
  return (
    <Flex vertical gap={16}>
      <Flex gap={8} wrap align="center" justify="space-between">
        <Flex gap={8} wrap align="center">
          <Select
            aria-label={t('version.pick')}
            value={v.id}
            style={{ minWidth: 180 }}
            onChange={setPicked}
            options={table.versions.map((candidate) => ({
              value: candidate.id,
              label: <VersionTag number={candidate.number} status={candidate.status} />,
            }))}
          />
          {approvedLine && <Typography.Text type="secondary">{approvedLine}</Typography.Text>}
        </Flex>
        {manage && (
          <Flex gap={8} wrap>
            {v.status === 'draft' && (
              <>
                <Button onClick={() => setEditing(true)}>{t('version.edit')}</Button>
                <Popconfirm title={t('version.approveConfirm')} onConfirm={() => approve.mutate(v)}>
                  <Button type="primary" loading={approve.isPending}>
                    {t('version.approve')}
                  </Button>
                </Popconfirm>
              </>
            )}
            {v.status !== 'draft' && table.draft && (
              <Button onClick={() => setPicked(table.draft!.id)}>{t('version.openDraft')}</Button>
            )}
            {v.status === 'approved' && !table.draft && <NewVersionButton table={table} />}
          </Flex>
        )}
      </Flex>
      {v.changeNote && <Alert type="info" showIcon message={`${t('version.changeNote')}：${v.changeNote}`} />}
      {v.status === 'approved' && <Alert type="success" showIcon message={t('version.frozen')} />}
      <Card size="small">
        <Descriptions column={1} size="small" bordered layout="vertical">
          <Descriptions.Item label={`${t('goals.longTerm')}（${v.longTermPeriod}）`}>
            <span className="xs-pf-text">{v.longTermGoal || '—'}</span>
          </Descriptions.Item>
          <Descriptions.Item label={`${t('goals.annual')}（${table.year}）`}>
            <span className="xs-pf-text">{v.annualGoal || '—'}</span>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <IndicatorTable version={v} table={table} />
      {editing && v.status === 'draft' && (
        <VersionEditor table={table} version={v} onClose={() => setEditing(false)} />
      )}
    </Flex>
  );
}
