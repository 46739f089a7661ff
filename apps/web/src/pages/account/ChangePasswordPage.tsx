import { ChangePasswordRequest } from '@xiaoshi/contracts';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { meApi } from '../../api/endpoints';
import { useAuth, useSessionUser } from '../../app/auth/AuthContext';
import { reportFormError } from '../../lib/form-errors';
import { newPasswordRules } from '../../lib/password';
import { accountText } from './text';
import { shellText } from '../../app/text';
import { useZodRules } from '../../lib/zod-form';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/**
 * Changing the password revokes every session on the server, so success ends in a sign-out and a
 * fresh sign-in. The same page serves the forced change after a reset or on a new account.
 */
export default function ChangePasswordPage() {
  const user = useSessionUser();
  const { logout } = useAuth();
  const t = accountText.useT();
  const ts = shellText.useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const rules = useZodRules(ChangePasswordRequest);
  const forced = user.mustChangePassword;
  const mutation = useMutation({
    mutationFn: (values: Values) => meApi.changePassword(values.currentPassword, values.newPassword),
  });

  const submit = async (values: Values) => {
    try {
      await mutation.mutateAsync(values);
      await logout('password-changed');
    } catch (error) {
      reportFormError(form, error, message);
    }
  };

  return (
    <Flex justify="center" style={{ paddingTop: forced ? 24 : 0 }}>
      <Card
        variant="borderless"
        style={{ width: '100%', maxWidth: 480 }}
        title={
          <Flex align="center" gap={8}>
            <SafetyCertificateOutlined style={{ color: '#1d4ed8' }} />
            {forced ? t('forcedTitle') : t('title')}
          </Flex>
        }
      >
        {forced ? (
          <Alert type="warning" showIcon title={t('forcedHint')} style={{ marginBottom: 16 }} />
        ) : (
          <Typography.Paragraph type="secondary">{t('afterChange')}</Typography.Paragraph>
        )}
        <Form<Values>
          name="changePassword"
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={(values) => void submit(values)}
        >
          {/* Lets password managers pair the new password with this account. */}
          <input type="text" name="username" value={user.username} autoComplete="username" readOnly hidden />
          <Form.Item
            name="currentPassword"
            label={t('current')}
            rules={rules('currentPassword', { required: t('currentRequired') })}
          >
            <Input.Password autoComplete="current-password" maxLength={256} />
          </Form.Item>
          <Form.Item name="newPassword" label={t('new')} extra={t('rule')} rules={newPasswordRules()}>
            <Input.Password autoComplete="new-password" maxLength={128} />
          </Form.Item>
          <Form.Item
            name="confirmPassword"
            label={t('confirm')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('confirmRequired') },
              ({ getFieldValue }) => ({
                validator: (_, value?: string) =>
                  !value || value === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('mismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" maxLength={128} />
          </Form.Item>
          <Flex gap={8} justify="flex-end">
            {forced && <Button onClick={() => void logout()}>{ts('user.logout')}</Button>}
            <Button type="primary" htmlType="submit" loading={mutation.isPending}>
              {t('submit')}
            </Button>
          </Flex>
        </Form>
      </Card>
    </Flex>
  );
}
