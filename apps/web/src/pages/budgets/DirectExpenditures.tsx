import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  CreateDirectExpenditureRequest,
  type DirectExpenditureView,
  type ProgrammeView,
} from '@xiaoshi/contracts';
import {
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { awardsApi } from '../../api/awards';
import { budgetsApi } from '../../api/pipeline';
import { Money } from '../../components/Money';
import { directExpenditureStatusText } from './labels';
import { errorMessage } from '../../lib/errors';
import { reportFormError } from '../../lib/form-errors';
import { parseYuan, yuan } from '../../lib/money';
import { flattenLines, useBudgetsRefresh } from './useBudgets';
import { budgetsText } from './text';
import { commonText } from '../../i18n/common';
import { useZodRules, yuanOptions } from '../../lib/zod-form';

const STATUS_COLORS: Record<string, string> = {
  planned: 'gold',
  committed: 'blue',
  paid: 'green',
  cancelled: 'default',
};

/** 直接支出: event costs and final payments booked on a line without a competition. */
export function DirectExpenditures({
  programmes,
  canManage,
}: {
  programmes: ProgrammeView[];
  canManage: boolean;
}) {
  const t = budgetsText.useT();
  const tc = commonText.useT();
  const [lineFilter, setLineFilter] = useState<number | undefined>();
  const [creating, setCreating] = useState(false);
  const lines = useMemo(() => flattenLines(programmes), [programmes]);
  const lineIds = useMemo(() => new Set(lines.map((line) => line.id)), [lines]);
  const lineName = useMemo(() => new Map(lines.map((line) => [line.id, line.name])), [lines]);
  const list = useQuery({
    queryKey: ['budgets', 'direct-expenditures', lineFilter ?? 'all'],
    queryFn: ({ signal }) => budgetsApi.directExpenditures(lineFilter, signal),
  });
  const { message } = App.useApp();
  const refresh = useBudgetsRefresh();
  // 审批入账: commits the planned amount on its line (409 BUDGET_EXCEEDED says the line is short).
  const approving = useMutation({ mutationFn: (id: number) => awardsApi.approveExpenditure(id) });
  const approve = async (id: number) => {
    try {
      await approving.mutateAsync(id);
      message.success(t('directExpenditure.approved'));
      await refresh();
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  // The API lists every year; this page shows the year's lines only.
  const rows = (list.data ?? []).filter((row) => lineIds.has(row.budgetLineId));

  const statusLabel = directExpenditureStatusText.useLabel();
  const columns: TableColumnsType<DirectExpenditureView> = [
    {
      title: t('directExpenditure.col.title'),
      key: 'title',
      render: (_, row) => (
        <div>
          <Typography.Text>{row.title}</Typography.Text>
          {row.description && (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {row.description}
              </Typography.Text>
            </div>
          )}
        </div>
      ),
    },
    {
      title: t('directExpenditure.col.line'),
      dataIndex: 'budgetLineId',
      width: 240,
      ellipsis: true,
      render: (id: number) => lineName.get(id) ?? `#${id}`,
    },
    {
      title: t('directExpenditure.col.plannedDate'),
      dataIndex: 'plannedDate',
      width: 120,
      render: (date: string | null) => date ?? t('directExpenditure.noDate'),
    },
    {
      title: t('directExpenditure.col.amount'),
      dataIndex: 'amountFen',
      width: 170,
      align: 'right',
      render: (fen: number) => <Money fen={fen} showWan stacked />,
    },
    {
      title: t('directExpenditure.col.status'),
      dataIndex: 'status',
      width: 100,
      render: (status: string) => <Tag color={STATUS_COLORS[status]}>{statusLabel(status)}</Tag>,
    },
    ...(canManage
      ? [
          {
            title: tc('actions'),
            key: 'actions',
            width: 110,
            render: (_: unknown, row: DirectExpenditureView) =>
              row.status === 'planned' ? (
                <Popconfirm
                  title={t('directExpenditure.approveConfirm')}
                  okText={tc('confirm')}
                  cancelText={tc('cancel')}
                  onConfirm={() => approve(row.id)}
                >
                  <Button size="small" loading={approving.isPending && approving.variables === row.id}>
                    {t('directExpenditure.approve')}
                  </Button>
                </Popconfirm>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <Card
      variant="borderless"
      title={t('directExpenditure.title')}
      extra={
        <>
          <Select<number>
            allowClear
            placeholder={t('directExpenditure.allLines')}
            value={lineFilter}
            onChange={(value) => setLineFilter(value ?? undefined)}
            options={lines.map((line) => ({ value: line.id, label: line.name }))}
            style={{ width: 220, marginInlineEnd: canManage ? 8 : 0 }}
            popupMatchSelectWidth={false}
          />
          {canManage && (
            <Button icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('directExpenditure.create')}
            </Button>
          )}
        </>
      }
    >
      <Table<DirectExpenditureView>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        loading={list.isPending}
        pagination={false}
        scroll={{ x: canManage ? 870 : 760 }}
        locale={{ emptyText: t('directExpenditure.empty') }}
      />
      <ExpenditureModal
        open={creating}
        programmes={programmes}
        defaultLine={lineFilter}
        onClose={() => setCreating(false)}
      />
    </Card>
  );
}

interface Values {
  budgetLineId: number;
  title: string;
  amount: string;
  plannedDate?: Dayjs | null;
  description?: string;
}

function ExpenditureModal({
  open,
  programmes,
  defaultLine,
  onClose,
}: {
  open: boolean;
  programmes: ProgrammeView[];
  defaultLine?: number;
  onClose: () => void;
}) {
  const t = budgetsText.useT();
  const tc = commonText.useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const rules = useZodRules(CreateDirectExpenditureRequest);
  const refresh = useBudgetsRefresh();
  const lines = useMemo(() => flattenLines(programmes), [programmes]);
  const lineId = Form.useWatch('budgetLineId', form);
  const selected = lines.find((line) => line.id === lineId);
  const create = useMutation({ mutationFn: budgetsApi.createDirectExpenditure });

  useEffect(() => {
    if (open) {
      form.resetFields();
      if (defaultLine) form.setFieldValue('budgetLineId', defaultLine);
    }
  }, [open, defaultLine, form]);

  const submit = async (values: Values) => {
    try {
      await create.mutateAsync({
        budgetLineId: values.budgetLineId,
        title: values.title.trim(),
        amountFen: parseYuan(values.amount) ?? 0,
        plannedDate: values.plannedDate ? values.plannedDate.format('YYYY-MM-DD') : undefined,
        description: values.description?.trim() || undefined,
      });
      message.success(t('directExpenditure.created'));
      await refresh();
      onClose();
    } catch (error) {
      reportFormError(form, error, message);
    }
  };

  return (
    <Modal
      open={open}
      title={t('directExpenditure.create')}
      okText={tc('submit')}
      cancelText={tc('cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      forceRender
    >
      <Form<Values> form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item
          name="budgetLineId"
          label={t('directExpenditure.col.line')}
          rules={rules('budgetLineId', { required: t('directExpenditure.lineRequired') })}
          extra={
            selected
              ? t('directExpenditure.lineRoom', { amount: yuan(selected.ledger.unreservedFen) })
              : undefined
          }
        >
          <Select<number> options={lines.map((line) => ({ value: line.id, label: line.name }))} />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('directExpenditure.col.title')}
          rules={rules('title', { required: t('directExpenditure.titleRequired') })}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="amount"
          label={t('directExpenditure.col.amount')}
          rules={[
            ...rules('amountFen', yuanOptions()),
            {
              validator: (_, value?: string) => {
                const fen = parseYuan(value);
                return selected && fen !== null && fen > selected.ledger.unreservedFen
                  ? Promise.reject(
                      new Error(
                        t('directExpenditure.overRoom', { amount: yuan(selected.ledger.unreservedFen) }),
                      ),
                    )
                  : Promise.resolve();
              },
            },
          ]}
        >
          <Input suffix="元" inputMode="decimal" style={{ maxWidth: 240 }} />
        </Form.Item>
        <Form.Item name="plannedDate" label={t('directExpenditure.col.plannedDate')}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="description" label={t('field.description')} rules={rules('description')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
