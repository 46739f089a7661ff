import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { meApi } from '../../api/endpoints';
import { useAuth, useSessionUser } from '../../app/auth/AuthContext';
import { useI18n } from '../../i18n/I18nProvider';
import { reportFormError } from '../../lib/errors';
import { newPasswordRules } from '../../lib/password';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const FIELDS = ['currentPassword', 'newPassword'];

/**
 * Changing the password revokes every session on the server, so success ends in a sign-out and a
 * fresh sign-in. The same page serves the forced change after a reset or on a new account.
 */
export default function ChangePasswordPage() {
  const user = useSessionUser();
  const { logout } = useAuth();
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const forced = user.mustChangePassword;
  const mutation = useMutation({
    mutationFn: (values: Values) => meApi.changePassword(values.currentPassword, values.newPassword),
  });

  const submit = async (values: Values) => {
    try {
      await mutation.mutateAsync(values);
      await logout('password-changed');
    } catch (error) {
      reportFormError(form, error, FIELDS, message, t);
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
            {forced ? t('password.forcedTitle') : t('password.title')}
          </Flex>
        }
      >
        {forced ? (
          <Alert type="warning" showIcon title={t('password.forcedHint')} style={{ marginBottom: 16 }} />
        ) : (
          <Typography.Paragraph type="secondary">{t('password.afterChange')}</Typography.Paragraph>
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
            label={t('password.current')}
            rules={[{ required: true, message: t('password.currentRequired') }]}
          >
            <Input.Password autoComplete="current-password" maxLength={256} />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('password.new')}
            extra={t('password.rule')}
            rules={newPasswordRules(t)}
          >
            <Input.Password autoComplete="new-password" maxLength={128} />
          </Form.Item>
          <Form.Item
            name="confirmPassword"
            label={t('password.confirm')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('password.confirmRequired') },
              ({ getFieldValue }) => ({
                validator: (_, value?: string) =>
                  !value || value === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('password.mismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" maxLength={128} />
          </Form.Item>
          <Flex gap={8} justify="flex-end">
            {forced && <Button onClick={() => void logout()}>{t('user.logout')}</Button>}
            <Button type="primary" htmlType="submit" loading={mutation.isPending}>
              {t('password.submit')}
            </Button>
          </Flex>
        </Form>
      </Card>
    </Flex>
  );
}
