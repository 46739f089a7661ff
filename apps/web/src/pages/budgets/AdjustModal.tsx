import { useMutation } from '@tanstack/react-query';
import { BudgetAdjustmentRequest, type BudgetLineView } from '@xiaoshi/contracts';
import { Alert, App, Descriptions, Form, Input, Modal, Segmented } from 'antd';
import { useEffect } from 'react';
import { budgetsApi } from '../../api/pipeline';
import { Money } from '../../components/Money';
import { reportFormError } from '../../lib/form-errors';
import { parseYuan } from '../../lib/money';
import { useBudgetsRefresh } from './useBudgets';
import { budgetsText } from './text';
import { commonText } from '../../i18n/common';
import { useZodRules, yuanOptions } from '../../lib/zod-form';

interface Values {
  direction: 'increase' | 'decrease';
  amount: string;
  reason: string;
}

/** 预算调整: a signed amount with its reason; the figures after the change are shown as it is typed. */
export function AdjustModal({ line, onClose }: { line: BudgetLineView | null; onClose: () => void }) {
  const t = budgetsText.useT();
  const tc = commonText.useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const rules = useZodRules(BudgetAdjustmentRequest);
  const refresh = useBudgetsRefresh();
  const direction = Form.useWatch('direction', form) ?? 'increase';
  const amountText = Form.useWatch('amount', form);
  const adjust = useMutation({
    mutationFn: ({ id, amountFen, reason }: { id: number; amountFen: number; reason: string }) =>
      budgetsApi.adjust(id, { amountFen, reason }),
  });

  useEffect(() => {
    if (line) form.setFieldsValue({ direction: 'increase', amount: '', reason: '' });
  }, [line, form]);

  const parsed = parseYuan(amountText);
  const delta = parsed !== null && !Number.isNaN(parsed) ? (direction === 'decrease' ? -parsed : parsed) : 0;
  const overDrawn =
    !!line && direction === 'decrease' && delta !== 0 && line.ledger.unreservedFen + delta < 0;

  const submit = async (values: Values) => {
    if (!line) return;
    const fen = parseYuan(values.amount) ?? 0;
    try {
      await adjust.mutateAsync({
        id: line.id,
        amountFen: values.direction === 'decrease' ? -fen : fen,
        reason: values.reason.trim(),
      });
      message.success(t('adjusted', { name: line.name }));
      await refresh();
      onClose();
    } catch (error) {
      reportFormError(form, error, message);
    }
  };

  return (
    <Modal
      open={!!line}
      title={t('adjustTitle', { name: line?.name ?? '' })}
      okText={tc('submit')}
      cancelText={tc('cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={adjust.isPending}
      forceRender
      width={560}
    >
      <Form<Values> form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item name="direction" label={t('adjustDirection')}>
          <Segmented<Values['direction']>
            options={[
              { label: t('increase'), value: 'increase' },
              { label: t('decrease'), value: 'decrease' },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="amount"
          label={t('adjustAmount')}
          rules={rules('amountFen', yuanOptions({ messages: { custom: commonText.t('money.positive') } }))}
        >
          <Input
            suffix="元"
            inputMode="decimal"
            style={{ maxWidth: 240 }}
            prefix={direction === 'decrease' ? '−' : '+'}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('adjustReason')}
          rules={rules('reason', { required: t('reasonRequired') })}
        >
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('adjustReasonPlaceholder')} />
        </Form.Item>
      </Form>
      {line && (
        <Descriptions
          size="small"
          bordered
          column={1}
          items={[
            {
              key: 'before',
              label: t('col.adjustedBudget'),
              children: <Money fen={line.ledger.adjustedBudgetFen} showWan />,
            },
            {
              key: 'after',
              label: t('afterAdjustment'),
              children: <Money fen={line.ledger.adjustedBudgetFen + delta} showWan strong />,
            },
            {
              key: 'unreserved',
              label: t('unreservedAfter'),
              children: (
                <Money
                  fen={line.ledger.unreservedFen + delta}
                  showWan
                  type={line.ledger.unreservedFen + delta < 0 ? 'danger' : undefined}
                />
              ),
            },
          ]}
        />
      )}
      {overDrawn && <Alert type="warning" showIcon title={t('decreaseTooLarge')} style={{ marginTop: 12 }} />}
    </Modal>
  );
}
