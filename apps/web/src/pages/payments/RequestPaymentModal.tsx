import { useMutation, useQuery } from '@tanstack/react-query';
import { CreatePaymentRequest, type ProjectView } from '@xiaoshi/contracts';
import { Alert, App, Descriptions, Form, Input, Modal, Segmented, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { deliveryApi, newIdempotencyKey, paymentsApi } from '../../api/delivery';
import { budgetsApi } from '../../api/pipeline';
import { Money } from '../../components/Money';
import { parseYuan, yuan } from '../../lib/money';
import { conditionLabel, paidPerTranche, showFormError, useDeliveryRefresh } from '../delivery/shared';
import { deliveryText, type DeliveryText } from '../delivery/i18n';
import { commonText } from '../../i18n/common';
import { useZodRules, yuanOptions } from '../../lib/zod-form';

interface Values {
  projectId?: number;
  directExpenditureId?: number;
  amount: string;
  purpose: string;
}

type Source = 'project' | 'expenditure';

/** The purpose and amount proposed for a project: the first released tranche not yet covered. */
function proposal(project: ProjectView, d: DeliveryText) {
  const paid = paidPerTranche(project);
  let counted = project.money.paidFen + project.money.requestedFen;
  for (const [i, tranche] of project.tranches.entries()) {
    const covered = Math.min(counted, tranche.amountFen);
    counted -= covered;
    if (tranche.released && covered < tranche.amountFen && paid[i] < tranche.amountFen) {
      return {
        amount: Math.min(tranche.amountFen - covered, project.money.availableFen),
        purpose: d('payments.purposeAdvance', {
          n: i + 1,
          condition: conditionLabel(d, tranche.condition, tranche.conditionLabel),
        }),
      };
    }
  }
  return { amount: project.money.availableFen, purpose: '' };
}

/**
 * 申请拨付: for a project (≤ its released, unrequested amount) or a committed direct expenditure.
 * One idempotency key per opening of the form: a retried submit cannot create a second request.
 */
export function RequestPaymentModal({
  open,
  project: fixed,
  onClose,
}: {
  open: boolean;
  /** Preselected (from the project page); otherwise the officer picks one. */
  project?: ProjectView;
  onClose: () => void;
}) {
  const d = deliveryText.useT();
  const t = commonText.useT();
  const { message } = App.useApp();
  const refresh = useDeliveryRefresh();
  const [form] = Form.useForm<Values>();
  const rules = useZodRules(CreatePaymentRequest);
  const [source, setSource] = useState<Source>('project');
  const [key, setKey] = useState(newIdempotencyKey);
  const projects = useQuery({
    queryKey: ['delivery', 'projects', { status: undefined, overdue: false }],
    queryFn: ({ signal }) => deliveryApi.projects({}, signal),
    enabled: open && !fixed,
  });
  const expenditures = useQuery({
    queryKey: ['budgets', 'expenditures', 'all'],
    queryFn: ({ signal }) => budgetsApi.directExpenditures(undefined, signal),
    enabled: open && !fixed && source === 'expenditure',
  });
  const projectId = Form.useWatch('projectId', form);
  const expenditureId = Form.useWatch('directExpenditureId', form);
  const project = fixed ?? projects.data?.find((p) => p.id === projectId);
  const expenditure = expenditures.data?.find((e) => e.id === expenditureId);
  const max = source === 'project' ? (project?.money.availableFen ?? 0) : (expenditure?.amountFen ?? 0);
  const choices = useMemo(
    () => (projects.data ?? []).filter((p) => p.money.availableFen > 0),
    [projects.data],
  );

  const submit = useMutation({
    mutationFn: (values: Values) =>
      paymentsApi.request({
        ...(source === 'project'
          ? { projectId: fixed?.id ?? values.projectId }
          : { directExpenditureId: values.directExpenditureId }),
        amountFen: parseYuan(values.amount)!,
        purpose: values.purpose.trim(),
        idempotencyKey: key,
      }),
    onSuccess: async () => {
      message.success(d('payments.requested'));
      await refresh();
      close();
    },
    onError: (error) =>
      showFormError(
        form,
        error,
        {
          amountFen: 'amount',
          purpose: 'purpose',
          projectId: 'projectId',
          directExpenditureId: 'directExpenditureId',
        },
        (text) => void message.error(text),
      ),
  });

  const close = () => {
    form.resetFields();
    setKey(newIdempotencyKey());
    onClose();
  };

  const proposed = fixed ? proposal(fixed, d) : null;
  const initial: Partial<Values> = proposed
    ? { amount: proposed.amount > 0 ? (proposed.amount / 100).toFixed(2) : '', purpose: proposed.purpose }
    : {};

  const adopt = (next: ProjectView | undefined) => {
    if (!next) return;
    const { amount, purpose } = proposal(next, d);
    form.setFieldsValue({ amount: amount > 0 ? (amount / 100).toFixed(2) : '', purpose });
  };

  return (
    <Modal
      open={open}
      title={fixed ? `${d('payments.request')}：${fixed.title}` : d('payments.request')}
      okText={d('payments.request')}
      cancelText={t('cancel')}
      onCancel={close}
      onOk={() => form.submit()}
      confirmLoading={submit.isPending}
      okButtonProps={{ id: 'payment-request-submit', disabled: max <= 0 }}
      destroyOnHidden
      width={560}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={initial}
        onFinish={(values) => submit.mutate(values)}
        onValuesChange={(changed: Partial<Values>) => {
          if ('projectId' in changed) adopt(projects.data?.find((p) => p.id === changed.projectId));
          if ('directExpenditureId' in changed) {
            const chosen = expenditures.data?.find((e) => e.id === changed.directExpenditureId);
            if (chosen)
              form.setFieldsValue({ amount: (chosen.amountFen / 100).toFixed(2), purpose: chosen.title });
          }
        }}
      >
        {!fixed && (
          <Form.Item label={d('payments.source')}>
            <Segmented<Source>
              value={source}
              onChange={(value) => {
                setSource(value);
                form.resetFields();
              }}
              options={[
                { value: 'project', label: d('payments.source.project') },
                { value: 'expenditure', label: d('payments.source.expenditure') },
              ]}
            />
          </Form.Item>
        )}
        {!fixed && source === 'project' && (
          <Form.Item
            name="projectId"
            label={d('payments.project')}
            rules={rules('projectId', { optional: false })}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={projects.isPending}
              aria-label={d('payments.project')}
              options={choices.map((p) => ({
                value: p.id,
                label: `${p.title}（${p.community.name}）`,
              }))}
            />
          </Form.Item>
        )}
        {!fixed && source === 'expenditure' && (
          <Form.Item
            name="directExpenditureId"
            label={d('payments.expenditure')}
            rules={rules('directExpenditureId', { optional: false })}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={expenditures.isPending}
              aria-label={d('payments.expenditure')}
              options={(expenditures.data ?? [])
                .filter((e) => e.status === 'committed')
                .map((e) => ({ value: e.id, label: `${e.title}（${yuan(e.amountFen)}）` }))}
            />
          </Form.Item>
        )}
        {source === 'project' && project && (
          <Descriptions
            size="small"
            column={2}
            bordered
            style={{ marginBottom: 16 }}
            items={[
              { label: d('project.released'), children: <Money fen={project.money.releasedFen} /> },
              { label: d('project.requested'), children: <Money fen={project.money.requestedFen} /> },
              { label: d('project.paid'), children: <Money fen={project.money.paidFen} /> },
              {
                label: d('project.available'),
                children: <Money fen={project.money.availableFen} strong />,
              },
            ]}
          />
        )}
        {source === 'project' && project && project.money.availableFen <= 0 && (
          <Alert type="info" showIcon title={d('payments.nothingAvailable')} style={{ marginBottom: 16 }} />
        )}
        <Form.Item
          name="amount"
          label={d('payments.amount')}
          extra={max > 0 ? d('payments.max', { amount: yuan(max) }) : undefined}
          rules={[
            ...rules('amountFen', yuanOptions()),
            {
              validator: (_, value?: string) => {
                const fen = parseYuan(value);
                if (fen !== null && !Number.isNaN(fen) && max > 0 && fen > max)
                  return Promise.reject(new Error(d('payments.overMax', { amount: yuan(max) })));
                return Promise.resolve();
              },
            },
          ]}
        >
          <Input inputMode="decimal" suffix="元" aria-label={d('payments.amount')} />
        </Form.Item>
        <Form.Item name="purpose" label={d('payments.purpose')} rules={rules('purpose')}>
          <Input maxLength={200} aria-label={d('payments.purpose')} />
        </Form.Item>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {d('payments.subtitle')}
        </Typography.Text>
      </Form>
    </Modal>
  );
}
