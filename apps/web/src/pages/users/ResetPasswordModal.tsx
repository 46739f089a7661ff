import { useMutation } from '@tanstack/react-query';
import type { UserView } from '@xiaoshi/contracts';
import { Alert, App, Button, Form, Input, Modal, Space } from 'antd';
import { useEffect } from 'react';
import { usersApi } from '../../api/endpoints';
import { useI18n } from '../../i18n/I18nProvider';
import { reportFormError } from '../../lib/errors';
import { generatePassword, newPasswordRules } from '../../lib/password';

interface Props {
  user: UserView | null;
  onClose: () => void;
  onDone: () => void;
}

export function ResetPasswordModal({ user, onClose, onDone }: Props) {
  const { t } = useI18n();
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
      message.success(t('users.resetDone', { name: user.displayName }));
      onDone();
      onClose();
    } catch (error) {
      reportFormError(form, error, ['temporaryPassword'], message, t);
    }
  };

  return (
    <Modal
      open={!!user}
      title={user ? t('users.resetTitle', { name: user.displayName }) : ''}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText={t('users.resetPassword')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      forceRender
    >
      <Alert type="warning" showIcon title={t('users.resetHint')} style={{ marginBottom: 16 }} />
      <Form name="resetPassword" form={form} layout="vertical">
        <Form.Item label={t('users.temporaryPassword')} extra={t('password.rule')} required>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name="temporaryPassword" noStyle rules={newPasswordRules(t)}>
              <Input autoComplete="off" maxLength={128} style={{ fontFamily: 'monospace' }} />
            </Form.Item>
            <Button onClick={() => form.setFieldValue('temporaryPassword', generatePassword())}>
              {t('common.generate')}
            </Button>
          </Space.Compact>
        </Form.Item>
      </Form>
    </Modal>
  );
}
