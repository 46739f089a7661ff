import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ReturnWithReasonRequest,
  type StipendProgrammeView,
  type StipendReportView,
  type StipendStreetReportStatus,
} from '@xiaoshi/contracts';
import { Alert, App, Button, Drawer, Empty, Flex, Form, Input, Modal, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { stipendsApi } from '../../api/stipends';
import { useAuth } from '../../app/auth/AuthContext';
import { Money } from '../../components/Money';
import { PageSpinner } from '../../components/PageSpinner';
import { QueryError } from '../../components/QueryError';
import { errorMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/time';
import { type StipendKey } from './i18n';
import { PeriodPicker, StatusTag } from './shared';
import { stipendText } from './i18n';
import { commonText } from '../../i18n/common';
import { useLang } from '../../i18n/i18n';
import { useZodRules } from '../../lib/zod-form';

interface Props {
  programme: StipendProgrammeView;
  period: { year: number; quarter: number };
  onPeriod: (next: { year: number; quarter: number }) => void;
}

/** Streets report their quarter; the district audits (approve, or return with a reason). */
export function ReportsTab({ programme, period, onPeriod }: Props) {
  const s = stipendText.useT();
  const t = commonText.useT();
  const lang = useLang();
  const { can } = useAuth();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [viewing, setViewing] = useState<number | null>(null);
  const [returning, setReturning] = useState<StipendStreetReportStatus | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const periodText = s('period.yq', period);

  const status = useQuery({
    queryKey: ['stipends', 'reports', programme.id, period.year, period.quarter],
    queryFn: ({ signal }) => stipendsApi.reportStatus(programme.id, period.year, period.quarter, signal),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['stipends'] });

  const submit = (row: StipendStreetReportStatus) =>
    modal.confirm({
      title: s('reports.submitConfirm', { street: row.street.name, period: periodText }),
      content: s('reports.submitConfirmBody', { people: row.rosterPeople }),
      okText: row.report ? s('reports.resubmit') : s('reports.submit'),
      onOk: async () => {
        try {
          await stipendsApi.submitReport(programme.id, { streetId: row.street.id, ...period });
          void message.success(s('reports.submitted'));
          await refresh();
        } catch (error) {
          void message.error(errorMessage(error));
        }
      },
    });

  const approve = (row: StipendStreetReportStatus) =>
    modal.confirm({
      title: s('reports.approveConfirm', { street: row.street.name }),
      okText: s('reports.approve'),
      onOk: async () => {
        setBusy(row.report!.id);
        try {
          const current = await stipendsApi.report(row.report!.id);
          await stipendsApi.approveReport(current.id, current.version);
          void message.success(`${row.street.name} · ${s('reports.approved')}`);
          await refresh();
        } catch (error) {
          void message.error(errorMessage(error));
        } finally {
          setBusy(null);
        }
      },
    });

  const rows = status.data ?? [];
  const due = rows.filter((row) => row.rosterPeople > 0 || row.report);
  const approved = due.filter((row) => row.report?.status === 'approved').length;
  const pending = due.filter((row) => row.report?.status === 'submitted').length;

  return (
    <Flex vertical gap={16}>
      <Flex gap={8} wrap align="center" justify="space-between">
        <Flex gap={8} wrap align="center">
          <PeriodPicker year={period.year} quarter={period.quarter} onChange={onPeriod} />
        </Flex>
        {status.data && (
          <Typography.Text type="secondary">
            {s('reports.summary', {
              due: due.length,
              approved,
              pending,
              missing: due.length - approved - pending,
            })}
          </Typography.Text>
        )}
      </Flex>
      {status.isError ? (
        <QueryError error={status.error} onRetry={() => void status.refetch()} compact />
      ) : (
        <Table<StipendStreetReportStatus>
          className="xs-stipend-reports"
          rowKey={(row) => row.street.id}
          size="middle"
          loading={status.isPending}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: s('reports.col.street'), key: 'street', render: (_, row) => row.street.name },
            {
              title: s('reports.col.people'),
              dataIndex: 'rosterPeople',
              align: 'right',
              width: 90,
            },
            { title: s('reports.col.due'), dataIndex: 'dueDate', width: 110, responsive: ['lg'] },
            {
              title: s('reports.col.status'),
              key: 'status',
              render: (_, row) =>
                row.report ? (
                  <Flex vertical gap={2} align="flex-start">
                    <StatusTag prefix="reports.status" status={row.report.status} />
                    {row.report.status === 'returned' && row.report.returnReason && (
                      <Typography.Text type="danger" style={{ fontSize: 12, maxWidth: 220 }}>
                        {s('reports.returnReason', { reason: row.report.returnReason })}
                      </Typography.Text>
                    )}
                  </Flex>
                ) : row.rosterPeople > 0 ? (
                  <Tag color="warning" style={{ marginInlineEnd: 0 }}>
                    {s('reports.notSubmitted')}
                  </Tag>
                ) : (
                  <Typography.Text type="secondary">{s('reports.notRequired')}</Typography.Text>
                ),
            },
            {
              title: s('reports.col.snapshot'),
              key: 'snapshot',
              align: 'right',
              render: (_, row) =>
                row.report ? (
                  <Flex vertical align="flex-end">
                    <span>{row.report.peopleCount}</span>
                    <Money fen={row.report.monthlyTotalFen} type="secondary" style={{ fontSize: 12 }} />
                  </Flex>
                ) : (
                  '—'
                ),
            },
            {
              title: s('reports.col.changes'),
              key: 'changes',
              align: 'right',
              width: 70,
              responsive: ['lg'],
              render: (_, row) => row.report?.changes ?? '—',
            },
            {
              title: s('reports.col.submittedAt'),
              key: 'submittedAt',
              responsive: ['xl'],
              render: (_, row) => (row.report ? formatDateTime(row.report.submittedAt, lang, false) : '—'),
            },
            {
              title: t('actions'),
              key: 'actions',
              render: (_, row) => {
                const report = row.report;
                const canSubmit =
                  can('stipends.report') &&
                  (row.rosterPeople > 0 || report) &&
                  (!report || report.status === 'returned');
                return (
                  <Flex gap={4} wrap>
                    {report && (
                      <Button size="small" type="link" onClick={() => setViewing(report.id)}>
                        {s('reports.view')}
                      </Button>
                    )}
                    {canSubmit && (
                      <Button size="small" type="primary" onClick={() => submit(row)}>
                        {report ? s('reports.resubmit') : s('reports.submit')}
                      </Button>
                    )}
                    {can('stipends.audit') && report?.status === 'submitted' && (
                      <>
                        <Button
                          size="small"
                          type="primary"
                          loading={busy === report.id}
                          onClick={() => approve(row)}
                        >
                          {s('reports.approve')}
                        </Button>
                        <Button size="small" danger onClick={() => setReturning(row)}>
                          {s('reports.return')}
                        </Button>
                      </>
                    )}
                  </Flex>
                );
              },
            },
          ]}
        />
      )}
      <ReturnModal row={returning} onClose={() => setReturning(null)} onDone={refresh} />
      <ReportDrawer reportId={viewing} onClose={() => setViewing(null)} />
    </Flex>
  );
}

function ReturnModal({
  row,
  onClose,
  onDone,
}: {
  row: StipendStreetReportStatus | null;
  onClose: () => void;
  onDone: () => Promise<unknown>;
}) {
  const s = stipendText.useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const rules = useZodRules(ReturnWithReasonRequest);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const save = async ({ reason }: { reason: string }) => {
    if (!row?.report) return;
    setSaving(true);
    setError(null);
    try {
      const current = await stipendsApi.report(row.report.id);
      await stipendsApi.returnReport(current.id, current.version, reason.trim());
      void message.success(`${row.street.name} · ${s('reports.returned')}`);
      form.resetFields();
      onClose();
      await onDone();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={row !== null}
      title={row ? s('reports.returnTitle', { street: row.street.name }) : ''}
      okText={s('reports.return')}
      okButtonProps={{ danger: true, loading: saving }}
      onOk={() => form.submit()}
      onCancel={() => {
        setError(null);
        onClose();
      }}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={(values) => void save(values)}>
        <Form.Item
          name="reason"
          label={s('reports.reason')}
          rules={rules('reason', { required: s('reports.reasonRequired') })}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type Entry = StipendReportView['entries'][number];
type Change = StipendReportView['changes'][number];

function ReportDrawer({ reportId, onClose }: { reportId: number | null; onClose: () => void }) {
  const s = stipendText.useT();
  const lang = useLang();
  const report = useQuery({
    queryKey: ['stipends', 'report', reportId],
    queryFn: ({ signal }) => stipendsApi.report(reportId!, signal),
    enabled: reportId !== null,
  });
  const data = report.data;
  return (
    <Drawer
      open={reportId !== null}
      onClose={onClose}
      size="large"
      destroyOnHidden
      title={
        data
          ? `${s('reports.detail')} · ${data.street.name} · ${s('period.yq', { year: data.year, quarter: data.quarter })}`
          : s('reports.detail')
      }
    >
      {report.isPending ? (
        <PageSpinner />
      ) : report.isError ? (
        <QueryError error={report.error} onRetry={() => void report.refetch()} compact />
      ) : data ? (
        <Flex vertical gap={16}>
          <Flex gap={12} wrap align="center">
            <StatusTag prefix="reports.status" status={data.status} />
            <span>
              {data.submittedBy} · {formatDateTime(data.submittedAt, lang, false)}
            </span>
            {data.auditedBy && (
              <Typography.Text type="secondary">
                {data.auditedBy} · {formatDateTime(data.auditedAt, lang, false)}
              </Typography.Text>
            )}
          </Flex>
          {data.returnReason && (
            <Alert type="warning" showIcon title={s('reports.returnReason', { reason: data.returnReason })} />
          )}
          {data.note && <Typography.Paragraph>{data.note}</Typography.Paragraph>}
          <Typography.Title level={5} style={{ margin: 0 }}>
            {s('reports.changes')}
          </Typography.Title>
          {data.changes.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={s('reports.noChanges')} />
          ) : (
            <Table<Change>
              size="small"
              rowKey={(row, index) => `${row.kind}-${row.personId}-${index}`}
              dataSource={data.changes}
              pagination={data.changes.length > 10 ? { pageSize: 10, size: 'small' } : false}
              columns={[
                {
                  title: s('roster.col.status'),
                  dataIndex: 'kind',
                  render: (kind: string) => <Tag>{s(`change.${kind}` as StipendKey)}</Tag>,
                },
                { title: s('roster.col.name'), dataIndex: 'name' },
                {
                  title: s('person.period'),
                  dataIndex: 'effectiveDate',
                  render: (d: string | null) => d ?? '—',
                },
                {
                  title: '',
                  key: 'delta',
                  render: (_, row) =>
                    row.before || row.after ? `${row.before ?? '—'} → ${row.after ?? '—'}` : '',
                },
              ]}
            />
          )}
          <Typography.Title level={5} style={{ margin: 0 }}>
            {s('reports.entries')} · {data.peopleCount} · <Money fen={data.monthlyTotalFen} />
          </Typography.Title>
          <Table<Entry>
            size="small"
            rowKey="personId"
            dataSource={data.entries}
            pagination={data.entries.length > 20 ? { pageSize: 20, size: 'small' } : false}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: s('roster.col.name'), dataIndex: 'name' },
              { title: s('roster.col.nationalId'), dataIndex: 'nationalId' },
              { title: s('person.community'), dataIndex: 'community' },
              {
                title: s('roster.col.rate'),
                dataIndex: 'monthlyRateFen',
                align: 'right',
                render: (fen: number) => <Money fen={fen} />,
              },
              { title: s('person.account'), dataIndex: 'bankAccount' },
            ]}
          />
        </Flex>
      ) : null}
    </Drawer>
  );
}
