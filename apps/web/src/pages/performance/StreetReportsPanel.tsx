import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  ReturnStreetReportRequest,
  type EvaluationView,
  type PerformanceTableView,
  type StreetReportView,
} from '@xiaoshi/contracts';
import { App, Button, Card, Empty, Flex, Form, Input, Modal, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../app/auth/AuthContext';
import { errorMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/time';
import { performanceApi } from './api';
import { text } from './text';
import { useLang } from '../../i18n/i18n';
import { useZodRules } from '../../lib/zod-form';

interface StreetRow {
  id: number;
  name: string;
  report: StreetReportView | null;
}

const STATUS_COLORS: Record<string, string> = { submitted: 'processing', approved: 'green', returned: 'red' };

/** The district's audit of the streets' reports (like their quarterly stipend reports). */
export function StreetReportsPanel({ table, view }: { table: PerformanceTableView; view: EvaluationView }) {
  const t = text.useT();
  const lang = useLang();
  const { can } = useAuth();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [returning, setReturning] = useState<StreetReportView | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const rules = useZodRules(ReturnStreetReportRequest);
  const refresh = () =>
    void queryClient.invalidateQueries({ queryKey: ['performance', 'evaluation', table.id] });
  const approve = useMutation({
    mutationFn: (id: number) => performanceApi.approveReport(id),
    onSuccess: () => {
      void message.success(t('evaluation.approvedOk'));
      refresh();
    },
    onError: (error) => void message.error(errorMessage(error)),
  });
  const reject = useMutation({
    mutationFn: ({ id, reason }: { id: number; reason: string }) => performanceApi.returnReport(id, reason),
    onSuccess: () => {
      void message.success(t('evaluation.returnedOk'));
      setReturning(null);
      refresh();
    },
    onError: (error) => void message.error(errorMessage(error)),
  });
  const rows: StreetRow[] = [
    ...view.streetsRequired.map((street) => ({
      id: street.id,
      name: street.name,
      report: view.streetReports.find((report) => report.street.id === street.id) ?? null,
    })),
    ...view.streetReports
      .filter((report) => !view.streetsRequired.some((street) => street.id === report.street.id))
      .map((report) => ({ id: report.street.id, name: report.street.name, report })),
  ];
  const manage = view.status === 'open' && can('performance.manage');
  return (
    <Card size="small" title={t('evaluation.streets')}>
      <Typography.Paragraph type="secondary">{t('evaluation.streetsHint')}</Typography.Paragraph>
      {rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('evaluation.noStreets')} />
      ) : (
        <Table<StreetRow>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={rows}
          scroll={{ x: 640 }}
          columns={[
            { title: t('col.street'), dataIndex: 'name', width: 120 },
            {
              title: t('col.status'),
              key: 'status',
              width: 100,
              render: (_, row) => (
                <Tag color={row.report ? STATUS_COLORS[row.report.status] : 'default'}>
                  {row.report
                    ? t(`evaluation.reportStatus.${row.report.status}`)
                    : t('evaluation.reportStatus.none')}
                </Tag>
              ),
            },
            {
              title: t('evaluation.figures'),
              key: 'detail',
              render: (_, row) =>
                row.report && (
                  <Flex vertical>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('evaluation.submittedBy', {
                        name: row.report.submittedBy,
                        time: formatDateTime(row.report.submittedAt, lang, false),
                      })}
                    </Typography.Text>
                    {row.report.returnReason && (
                      <Typography.Text type="danger" style={{ fontSize: 12 }}>
                        {t('evaluation.returnedBecause', { reason: row.report.returnReason })}
                      </Typography.Text>
                    )}
                  </Flex>
                ),
            },
            ...(manage
              ? [
                  {
                    title: t('col.actions'),
                    key: 'actions',
                    width: 150,
                    render: (_: unknown, row: StreetRow) =>
                      row.report?.status === 'submitted' && (
                        <Flex gap={4}>
                          <Button size="small" type="primary" onClick={() => approve.mutate(row.report!.id)}>
                            {t('evaluation.approve')}
                          </Button>
                          <Button size="small" danger onClick={() => setReturning(row.report)}>
                            {t('evaluation.return')}
                          </Button>
                        </Flex>
                      ),
                  },
                ]
              : []),
          ]}
        />
      )}
      <Modal
        open={returning !== null}
        title={`${t('evaluation.return')} · ${returning?.street.name ?? ''}`}
        onCancel={() => setReturning(null)}
        onOk={() => form.submit()}
        confirmLoading={reject.isPending}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(values) => reject.mutate({ id: returning!.id, reason: values.reason })}
        >
          <Form.Item
            name="reason"
            label={t('evaluation.returnReason')}
            rules={rules('reason', { required: t('manual.required') })}
          >
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
