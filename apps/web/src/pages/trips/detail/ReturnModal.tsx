import { useQueryClient } from '@tanstack/react-query';
import { ReturnTripRequest, type TripView } from '@xiaoshi/contracts';
import { App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { reportFormError } from '../../../lib/form-errors';
import { useZodRules } from '../../../lib/zod-form';
import { tripsApi } from '../api';
import { text } from '../text';

export function ReturnModal({ open, trip, onClose }: { open: boolean; trip: TripView; onClose: () => void }) {
  const t = text.useT();
  const rules = useZodRules(ReturnTripRequest);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ reason: string }>();
  const [saving, setSaving] = useState(false);
  const save = async ({ reason }: { reason: string }) => {
    setSaving(true);
    try {
      await tripsApi.returnTrip(trip.id, reason.trim(), trip.version);
      await queryClient.invalidateQueries({ queryKey: ['trips'] });
      onClose();
    } catch (error) {
      reportFormError(form, error, message);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={open}
      title={t('action.return')}
      okText={t('action.return')}
      cancelText={t('form.cancel')}
      okButtonProps={{ danger: true, loading: saving }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(values) => void save(values)}>
        <Form.Item
          name="reason"
          label={t('action.reason')}
          rules={rules('reason', { required: t('form.required', { field: t('action.reason') }) })}
        >
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
