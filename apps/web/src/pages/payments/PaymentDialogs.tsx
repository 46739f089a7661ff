import { useMutation } from '@tanstack/react-query';
import { RecordPaymentRequest, RejectPaymentRequest, type PaymentView } from '@xiaoshi/contracts';
import { Alert, App, Descriptions, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { newIdempotencyKey, paymentsApi } from '../../api/delivery';
import { Money } from '../../components/Money';
import { beijingDate } from '../../lib/time';
import { showFormError, useDeliveryRefresh } from '../delivery/shared';
import { deliveryText } from '../delivery/i18n';
import { commonText } from '../../i18n/common';
import { useZodRules } from '../../lib/zod-form';

function Summary({ payment }: { payment: PaymentView }) {
  const d = deliveryText.useT();
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      style={{ marginBottom: 16 }}
      items={[
        { label: d('payments.col.title'), children: payment.title },
        { label: d('payments.col.payee'), children: payment.payee },
        { label: d('payments.col.amount'), children: <Money fen={payment.amountFen} showWan strong /> },
        { label: d('payments.col.purpose'), children: payment.purpose },
      ]}
    />
  );
}

interface RecordValues {
  paidOn: string;
  voucherNo: string;
  bankReference: string;
}

/** 登记支付: date, voucher number and bank reference, once (idempotency key per opening). */
export function RecordPaymentModal({
  payment,
  onClose,
}: {
  payment: PaymentView | null;
  onClose: () => void;
}) {
  const d = deliveryText.useT();
  const t = commonText.useT();
  const { message } = App.useApp();
  const refresh = useDeliveryRefresh();
  const [form] = Form.useForm<RecordValues>();
  const rules = useZodRules(RecordPaymentRequest);
  const [key, setKey] = useState(newIdempotencyKey);
  const close = () => {
    setKey(newIdempotencyKey());
    onClose();
  };
  const record = useMutation({
    mutationFn: (values: RecordValues) =>
      paymentsApi.record(payment!.id, {
        paidOn: values.paidOn,
        voucherNo: values.voucherNo.trim(),
        bankReference: values.bankReference.trim(),
        idempotencyKey: key,
      }),
    onSuccess: async () => {
      void message.success(d('payments.recorded'));
      await refresh();
      close();
    },
    onError: (error) =>
      showFormError(
        form,
        error,
        { paidOn: 'paidOn', voucherNo: 'voucherNo', bankReference: 'bankReference' },
        (text) => void message.error(text),
      ),
  });
  return (
    <Modal
      open={!!payment}
      title={payment ? d('payments.recordTitle', { id: payment.id }) : ''}
      okText={d('payments.recordPaid')}
      cancelText={t('cancel')}
      onCancel={close}
      onOk={() => form.submit()}
      confirmLoading={record.isPending}
      okButtonProps={{ id: 'payment-record-submit' }}
      destroyOnHidden
    >
      {payment && <Summary payment={payment} />}
      <Form<RecordValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ paidOn: beijingDate(), voucherNo: '', bankReference: '' }}
        onFinish={(values) => record.mutate(values)}
      >
        <Form.Item name="paidOn" label={d('payments.paidOn')} rules={rules('paidOn')}>
          <Input type="date" max={beijingDate()} aria-label={d('payments.paidOn')} />
        </Form.Item>
        <Form.Item name="voucherNo" label={d('payments.voucherNo')} rules={rules('voucherNo')}>
          <Input maxLength={50} aria-label={d('payments.voucherNo')} />
        </Form.Item>
        <Form.Item name="bankReference" label={d('payments.bankReference')} rules={rules('bankReference')}>
          <Input maxLength={100} aria-label={d('payments.bankReference')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 驳回 (approver) or 冲销 (recorder), each with a reason. */
export function ReasonModal({
  payment,
  action,
  onClose,
}: {
  payment: PaymentView | null;
  action: 'reject' | 'reverse';
  onClose: () => void;
}) {
  const d = deliveryText.useT();
  const t = commonText.useT();
  const { message } = App.useApp();
  const refresh = useDeliveryRefresh();
  const [form] = Form.useForm<{ reason: string }>();
  const rules = useZodRules(RejectPaymentRequest);
  const run = useMutation({
    mutationFn: (reason: string) =>
      action === 'reject'
        ? paymentsApi.reject(payment!.id, reason)
        : paymentsApi.reverse(payment!.id, reason),
    onSuccess: async () => {
      void message.success(action === 'reject' ? d('payments.rejected') : d('payments.reversed'));
      await refresh();
      onClose();
    },
    onError: (error) => showFormError(form, error, { reason: 'reason' }, (text) => void message.error(text)),
  });
  return (
    <Modal
      open={!!payment}
      title={
        payment
          ? action === 'reject'
            ? d('payments.rejectTitle', { id: payment.id })
            : d('payments.reverseTitle', { id: payment.id })
          : ''
      }
      okText={action === 'reject' ? d('payments.reject') : d('payments.reverse')}
      okButtonProps={{ danger: true, id: 'payment-reason-submit' }}
      cancelText={t('cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={run.isPending}
      destroyOnHidden
    >
      {payment && <Summary payment={payment} />}
      {action === 'reverse' && (
        <Alert type="warning" showIcon title={d('payments.reverseHelp')} style={{ marginBottom: 16 }} />
      )}
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => run.mutate(values.reason.trim())}
      >
        <Form.Item name="reason" label={d('payments.reason')} rules={rules('reason')}>
          <Input.TextArea rows={3} maxLength={500} aria-label={d('payments.reason')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
