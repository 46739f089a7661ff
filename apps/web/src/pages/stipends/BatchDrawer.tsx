import { CheckOutlined, DownloadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ReturnWithReasonRequest,
  MarkStipendBatchPaidRequest,
  type StipendBatchView,
} from '@xiaoshi/contracts';
import { Alert, App, Button, Descriptions, Drawer, Flex, Form, Input, Modal, Table, Typography } from 'antd';
import { useState } from 'react';
import { hasCode } from '../../api/errors';
import { stipendsApi } from '../../api/stipends';
import { useAuth } from '../../app/auth/AuthContext';
import { Money } from '../../components/Money';
import { PageSpinner } from '../../components/PageSpinner';
import { QueryError } from '../../components/QueryError';
import { saveFile } from '../../lib/download';
import { errorMessage } from '../../lib/errors';
import { yuan } from '../../lib/money';
import { beijingDate, formatDateTime } from '../../lib/time';
import { BatchLinesTable } from './BatchLinesTable';
import { StatusTag } from './shared';
import { stipendText } from './i18n';
import { useLang } from '../../i18n/i18n';
import { useZodRules } from '../../lib/zod-form';

type StreetRow = StipendBatchView['byStreet'][number];

/** Batch review: totals by street, lines, and the finance actions (approve, reject, payroll, paid). */
export function BatchDrawer({ batchId, onClose }: { batchId: number | null; onClose: () => void }) {
  const s = stipendText.useT();
  const lang = useLang();
  const { can } = useAuth();
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const [actionError, setActionError] = useState<{ message: string; selfApproval: boolean } | null>(null);
  const [dialog, setDialog] = useState<'reject' | 'paid' | null>(null);
  const [downloading, setDownloading] = useState<'payroll' | 'export' | null>(null);

  const batch = useQuery({
    queryKey: ['stipends', 'batch', batchId],
    queryFn: ({ signal }) => stipendsApi.batch(batchId!, signal),
    enabled: batchId !== null,
  });
  const data = batch.data;
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['stipends'] });

  const close = () => {
    setActionError(null);
    onClose();
  };

  const approve = (current: StipendBatchView) =>
    modal.confirm({
      title: s('batches.approveConfirm', { total: yuan(current.totalFen) }),
      okText: s('batches.approve'),
      onOk: async () => {
        setActionError(null);
        try {
          await stipendsApi.approveBatch(current.id, current.version);
          void message.success(s('batches.approved'));
          await refresh();
        } catch (error) {
          setActionError({
            message: errorMessage(error),
            selfApproval: hasCode(error, 'STIPEND_SELF_APPROVAL'),
          });
        }
      },
    });

  const download = async (kind: 'payroll' | 'export', current: StipendBatchView) => {
    setDownloading(kind);
    try {
      const file =
        kind === 'payroll'
          ? await stipendsApi.payroll(current.id)
          : await stipendsApi.exportBatch(current.id);
      saveFile(file, `${current.programme.name}-${current.period}.xlsx`);
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setDownloading(null);
    }
  };

  const actions = data?.availableActions ?? [];
  // Finance sees the approve button on a prepared batch even when it is theirs, so that the
  // maker–checker rule is explained rather than silently hidden.
  const showApprove = !!data && data.status === 'prepared' && can('stipends.approve');

  return (
    <Drawer
      open={batchId !== null}
      onClose={close}
      size="large"
      destroyOnHidden
      title={data ? s('batches.detail', { period: data.period }) : s('batches.detail', { period: '' })}
      extra={data && <StatusTag prefix="batches.status" status={data.status} />}
    >
      {batch.isPending ? (
        <PageSpinner />
      ) : batch.isError ? (
        <QueryError error={batch.error} onRetry={() => void batch.refetch()} compact />
      ) : data ? (
        <Flex vertical gap={16} className="xs-stipend-batch">
          <Descriptions
            size="small"
            bordered
            column={{ xs: 1, sm: 2 }}
            items={[
              { key: 'programme', label: s('programme'), children: data.programme.name, span: 2 },
              {
                key: 'total',
                label: s('batches.total'),
                children: <Money fen={data.totalFen} strong showWan />,
              },
              { key: 'people', label: s('batches.col.people'), children: data.peopleCount },
              {
                key: 'prepared',
                label: s('batches.col.prepared'),
                children: `${data.preparedBy ?? '—'} · ${formatDateTime(data.preparedAt, lang, false)}`,
              },
              {
                key: 'approved',
                label: s('batches.col.approved'),
                children: data.approvedBy
                  ? `${data.approvedBy} · ${formatDateTime(data.approvedAt, lang, false)}`
                  : '—',
              },
              ...(data.paidAt
                ? [
                    {
                      key: 'paid',
                      label: s('batches.col.paid'),
                      children: `${data.paidBy ?? ''} · ${formatDateTime(data.paidAt, lang, false)}${
                        data.paymentReference
                          ? ` · ${s('batches.paymentReference', { reference: data.paymentReference })}`
                          : ''
                      }`,
                      span: 2,
                    },
                  ]
                : []),
              ...(data.ruleVersion
                ? [
                    {
                      key: 'rule',
                      label: s('batches.ruleLabel'),
                      children: s('batches.rule', {
                        doc: data.ruleVersion.documentNumber,
                        date: data.ruleVersion.effectiveFrom,
                      }),
                      span: 2,
                    },
                  ]
                : []),
            ]}
          />
          {data.rejectReason && (
            <Alert
              type="warning"
              showIcon
              title={s('batches.rejectReasonShown', { reason: data.rejectReason })}
            />
          )}
          {data.status === 'prepared' && (
            <Alert
              type="info"
              showIcon
              title={s('batches.makerChecker', { preparer: data.preparedBy ?? '—' })}
            />
          )}
          {actionError && (
            <Alert
              type="error"
              showIcon
              role="alert"
              className="xs-stipend-action-error"
              title={actionError.selfApproval ? s('batches.selfApproval') : actionError.message}
              description={actionError.selfApproval ? actionError.message : undefined}
              closable
              onClose={() => setActionError(null)}
            />
          )}
          <Flex gap={8} wrap>
            {showApprove && (
              <Button type="primary" icon={<CheckOutlined />} onClick={() => approve(data)}>
                {s('batches.approve')}
              </Button>
            )}
            {actions.includes('reject') && (
              <Button danger onClick={() => setDialog('reject')}>
                {s('batches.reject')}
              </Button>
            )}
            {actions.includes('payroll') && (
              <Button
                type="primary"
                icon={<DownloadOutlined />}
                loading={downloading === 'payroll'}
                onClick={() => void download('payroll', data)}
              >
                {s('batches.payroll')}
              </Button>
            )}
            {actions.includes('mark_paid') && (
              <Button onClick={() => setDialog('paid')}>{s('batches.markPaid')}</Button>
            )}
            <Button
              icon={<DownloadOutlined />}
              loading={downloading === 'export'}
              onClick={() => void download('export', data)}
            >
              {s('batches.export')}
            </Button>
          </Flex>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {s('batches.byStreet')}
          </Typography.Title>
          <Table<StreetRow>
            className="xs-stipend-by-street"
            size="small"
            rowKey={(row) => row.street.id}
            pagination={false}
            dataSource={data.byStreet}
            columns={[
              { title: s('reports.col.street'), key: 'street', render: (_, row) => row.street.name },
              { title: s('batches.col.people'), dataIndex: 'people', align: 'right' },
              {
                title: s('batches.col.total'),
                dataIndex: 'totalFen',
                align: 'right',
                render: (fen: number) => <Money fen={fen} />,
              },
            ]}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>
                  <Typography.Text strong>{s('batches.total')}</Typography.Text>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  <Typography.Text strong>{data.peopleCount}</Typography.Text>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">
                  <Money fen={data.totalFen} strong />
                </Table.Summary.Cell>
              </Table.Summary.Row>
            )}
          />
          <Typography.Title level={5} style={{ margin: 0 }}>
            {s('batches.lines')}
          </Typography.Title>
          <BatchLinesTable batch={data} />
          <ReasonOrPaidModal
            kind={dialog}
            batch={data}
            onClose={() => setDialog(null)}
            onDone={async (text) => {
              setDialog(null);
              void message.success(text);
              await refresh();
            }}
          />
        </Flex>
      ) : null}
    </Drawer>
  );
}

function ReasonOrPaidModal({
  kind,
  batch,
  onClose,
  onDone,
}: {
  kind: 'reject' | 'paid' | null;
  batch: StipendBatchView;
  onClose: () => void;
  onDone: (text: string) => Promise<void>;
}) {
  const s = stipendText.useT();
  const [form] = Form.useForm<{ reason?: string; paidOn?: string; reference?: string }>();
  const rejectRules = useZodRules(ReturnWithReasonRequest);
  const paidRules = useZodRules(MarkStipendBatchPaidRequest);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const save = async (values: { reason?: string; paidOn?: string; reference?: string }) => {
    setSaving(true);
    setError(null);
    try {
      if (kind === 'reject') {
        await stipendsApi.rejectBatch(batch.id, batch.version, (values.reason ?? '').trim());
        await onDone(s('batches.rejected'));
      } else {
        await stipendsApi.markPaid(batch.id, {
          version: batch.version,
          paidOn: values.paidOn || undefined,
          reference: values.reference?.trim() || undefined,
        });
        await onDone(s('batches.markedPaid'));
      }
      form.resetFields();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={kind !== null}
      title={kind === 'reject' ? s('batches.reject') : s('batches.markPaid')}
      okText={kind === 'reject' ? s('batches.reject') : s('batches.markPaid')}
      okButtonProps={{ danger: kind === 'reject', loading: saving }}
      onOk={() => form.submit()}
      onCancel={() => {
        setError(null);
        onClose();
      }}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => void save(values)}
        initialValues={{ paidOn: beijingDate() }}
      >
        {kind === 'reject' ? (
          <Form.Item
            name="reason"
            label={s('batches.rejectReason')}
            rules={rejectRules('reason', { required: s('reports.reasonRequired') })}
          >
            <Input.TextArea rows={3} maxLength={1000} showCount />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="paidOn" label={s('batches.paidOn')} rules={paidRules('paidOn')}>
              <Input type="date" />
            </Form.Item>
            <Form.Item name="reference" label={s('batches.reference')} rules={paidRules('reference')}>
              <Input maxLength={100} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
