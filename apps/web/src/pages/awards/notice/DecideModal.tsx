import { ObjectionDecisionRequest, type ObjectionDecisionView, type ObjectionView } from '@xiaoshi/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Radio, Typography } from 'antd';
import { useEffect } from 'react';
import { awardsApi } from '../../../api/awards';
import { isApiError } from '../../../api/errors';
import { reportFormError } from '../../../lib/form-errors';
import '../awards.css';
import { awardText } from '../text';
import { commonText } from '../../../i18n/common';
import { useZodRules } from '../../../lib/zod-form';

export interface DecideValues {
  outcome: 'upheld' | 'dismissed';
  investigation: string;
}

export function DecideModal({
  noticeId,
  objection,
  title,
  onClose,
  onDecided,
}: {
  noticeId: number;
  objection: ObjectionView | null;
  title?: string;
  onClose: () => void;
  onDecided: (outcome: ObjectionDecisionView | null) => void;
}) {
  const a = awardText.useT();
  const t = commonText.useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<DecideValues>();
  const rules = useZodRules(ObjectionDecisionRequest);
  const decide = useMutation({
    mutationFn: (values: DecideValues) =>
      awardsApi.decideObjection(objection!.id, {
        outcome: values.outcome,
        investigation: values.investigation.trim(),
      }),
  });
  useEffect(() => {
    if (objection) form.resetFields();
  }, [objection, form]);

  const submit = async (values: DecideValues) => {
    try {
      const result = await decide.mutateAsync(values);
      message.success(a('objections.saved'));
      onDecided(values.outcome === 'upheld' ? result : null);
      void queryClient.invalidateQueries({ queryKey: ['awards', 'objections', noticeId] });
      void queryClient.invalidateQueries({ queryKey: ['awards', 'notice', noticeId] });
      onClose();
    } catch (error) {
      if (isApiError(error) && error.status === 409)
        void queryClient.invalidateQueries({ queryKey: ['awards'] });
      reportFormError(form, error, message);
    }
  };

  return (
    <Modal
      open={!!objection}
      title={a('objections.decide')}
      okText={t('submit')}
      cancelText={t('cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={decide.isPending}
      forceRender
    >
      {objection && (
        <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
          {title ? `${a('objections.about', { title })}\n` : ''}
          {objection.text}
        </Typography.Paragraph>
      )}
      <Form<DecideValues>
        form={form}
        layout="vertical"
        initialValues={{ outcome: 'dismissed' }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item name="outcome" label={a('objections.outcome')} rules={rules('outcome')}>
          <Radio.Group
            options={[
              { value: 'dismissed', label: a('objections.dismissed') },
              {
                value: 'upheld',
                label: a('objections.upheld'),
                disabled: !objection?.awardId,
                title: objection?.awardId ? undefined : a('objections.upheldNoAward'),
              },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="investigation"
          label={a('objections.investigation')}
          rules={rules('investigation', { required: a('objections.investigationRequired') })}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
