import { useMutation } from '@tanstack/react-query';
import { RequestAcceptanceRequest, type ProjectView } from '@xiaoshi/contracts';
import { useZodRules } from '../../../lib/zod-form';
import { App, Form, Input, Modal, Typography } from 'antd';
import { deliveryApi } from '../../../api/delivery';
import { errorMessage } from '../../../lib/errors';
import { kindLabel, useDeliveryRefresh } from '../shared';
import { deliveryText } from '../i18n';
import { commonText } from '../../../i18n/common';

export function RequestAcceptanceModal({
  project: p,
  open,
  onClose,
}: {
  project: ProjectView;
  open: boolean;
  onClose: () => void;
}) {
  const d = deliveryText.useT();
  const t = commonText.useT();
  const { message } = App.useApp();
  const refresh = useDeliveryRefresh();
  const rules = useZodRules(RequestAcceptanceRequest);
  const [form] = Form.useForm<{ note?: string }>();
  const kind = kindLabel(d, p.finalInspectionKind);
  const request = useMutation({
    mutationFn: (note?: string) => deliveryApi.requestAcceptance(p.id, note?.trim() || undefined),
    onSuccess: async () => {
      void message.success(d('project.acceptanceRequested'));
      await refresh();
      onClose();
    },
    onError: (error) => void message.error(errorMessage(error)),
  });
  return (
    <Modal
      open={open}
      title={
        p.finalInspectionKind === 'supervision'
          ? d('project.requestSupervision')
          : d('project.requestAcceptance')
      }
      okText={t('confirm')}
      cancelText={t('cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={request.isPending}
      okButtonProps={{ id: 'acceptance-submit' }}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {d('project.requestAcceptanceConfirm', { title: p.title, kind })}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(values) => request.mutate(values.note)}>
        <Form.Item name="note" label={d('project.requestAcceptanceNote')} rules={rules('note')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
