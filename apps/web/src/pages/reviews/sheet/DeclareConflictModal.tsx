import { useMutation } from '@tanstack/react-query';
import { DeclareConflictRequest } from '@xiaoshi/contracts';
import { useZodRules } from '../../../lib/zod-form';
import { conflictCategoryText } from '../../review-admin/labels';
import { App, Form, Input, Modal, Select, Typography } from 'antd';
import { reviewsApi } from '../../../api/reviews';
import { errorMessage } from '../../../lib/errors';
import { reviewsText } from '../text';
import { commonText } from '../../../i18n/common';
import { reviewAdminText } from '../../review-admin/text';

export function DeclareConflictModal({
  open,
  assignmentId,
  onClose,
  onDone,
}: {
  open: boolean;
  assignmentId: number;
  onClose: () => void;
  onDone: () => void;
}) {
  const t = reviewsText.useT();
  const tReviewAdmin = reviewAdminText.useT();
  const tc = commonText.useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<DeclareConflictRequest>();
  const rules = useZodRules(DeclareConflictRequest);
  const declare = useMutation({
    mutationFn: (body: DeclareConflictRequest) => reviewsApi.declareConflict(assignmentId, body),
  });
  const submit = async (values: DeclareConflictRequest) => {
    try {
      await declare.mutateAsync({ category: values.category, note: values.note.trim() });
      message.success(t('sheet.conflictDeclared'));
      onClose();
      onDone();
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  return (
    <Modal
      open={open}
      title={t('sheet.declareConflict')}
      okText={t('sheet.declare')}
      okButtonProps={{ danger: true }}
      cancelText={tc('cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={declare.isPending}
      forceRender
    >
      <Typography.Paragraph type="secondary">{t('sheet.declareHint')}</Typography.Paragraph>
      <Form<DeclareConflictRequest>
        form={form}
        layout="vertical"
        initialValues={{ category: 'affiliation' }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item name="category" label={tReviewAdmin('col.conflictCategory')} rules={rules('category')}>
          <Select options={conflictCategoryText.options()} />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('sheet.conflictNote')}
          rules={rules('note', { required: t('sheet.conflictNoteRequired') })}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
