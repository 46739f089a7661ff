import { useMutation } from '@tanstack/react-query';
import type { UserView } from '@xiaoshi/contracts';
import { Alert, App, Button, Form, Input, Modal, Space } from 'antd';
import { useEffect } from 'react';
import { usersApi } from '../../api/endpoints';
import { reportFormError } from '../../lib/form-errors';
import { generatePassword, newPasswordRules } from '../../lib/password';
import { usersText } from './text';
import { commonText } from '../../i18n/common';
import { accountText } from '../account/text';

interface Props {
  user: UserView | null;
  onClose: () => void;
  onDone: () => void;
}

export function ResetPasswordModal({ user, onClose, onDone }: Props) {
  const t = usersText.useT();
  const tc = commonText.useT();
  const tAccount = accountText.useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ temporaryPassword: string }>();
  const mutation = useMutation({
    mutationFn: (temporaryPassword: string) => usersApi.resetPassword(user!.id, temporaryPassword),
  });

  useEffect(() => {
    if (user) form.setFieldsValue({ temporaryPassword: generatePassword() });
  }, [user, form]);

  const submit = async () => {
    if (!user) return;
    const { temporaryPassword } = await form.validateFields();
    try {
      await mutation.mutateAsync(temporaryPassword);
      message.success(t('resetDone', { name: user.displayName }));
      onDone();
      onClose();
    } catch (error) {
      reportFormError(form, error, message);
    }
  };

  return (
    <Modal
      open={!!user}
      title={user ? t('resetTitle', { name: user.displayName }) : ''}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText={t('resetPassword')}
      okButtonProps={{ danger: true }}
      cancelText={tc('cancel')}
      confirmLoading={mutation.isPending}
      forceRender
    >
      <Alert type="warning" showIcon title={t('resetHint')} style={{ marginBottom: 16 }} />
      <Form name="resetPassword" form={form} layout="vertical">
        <Form.Item label={t('temporaryPassword')} extra={tAccount('rule')} required>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name="temporaryPassword" noStyle rules={newPasswordRules()}>
              <Input autoComplete="off" maxLength={128} style={{ fontFamily: 'monospace' }} />
            </Form.Item>
            <Button onClick={() => form.setFieldValue('temporaryPassword', generatePassword())}>
              {tc('generate')}
            </Button>
          </Space.Compact>
        </Form.Item>
      </Form>
    </Modal>
  );
}
