import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../app/auth/AuthContext';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { isApiError } from '../../api/errors';
import { errorMessage } from '../../lib/errors';
import { applyFieldErrors } from '../../lib/form-errors';
import { LoginBrand } from './LoginBrand';
import { loginText } from './text';

interface LoginForm {
  username: string;
  password: string;
}

export default function LoginPage() {
  const t = loginText.useT();
  const l = loginText.useT();
  const { login, signedOutReason } = useAuth();
  const [form] = Form.useForm<LoginForm>();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const notice =
    signedOutReason === 'expired'
      ? t('sessionExpired')
      : signedOutReason === 'password-changed'
        ? t('passwordChanged')
        : signedOutReason === 'signed-out'
          ? t('signedOut')
          : null;

  const submit = async (values: LoginForm) => {
    setSubmitting(true);
    setError(null);
    try {
      // On success the auth provider takes over and the route guard leaves this page.
      await login(values.username.trim(), values.password);
    } catch (caught) {
      form.setFieldValue('password', '');
      applyFieldErrors(form, caught);
      // Throttled (429): say how long at most, and that the usual network is not affected.
      setError(
        isApiError(caught) && caught.code === 'TOO_MANY_REQUESTS' ? l('throttled') : errorMessage(caught),
      );
      setSubmitting(false);
    }
  };

  return (
    <div className="xs-login">
      <LoginBrand />
      <main className="xs-login-panel">
        <div className="xs-login-lang">
          <LanguageSwitch />
        </div>
        {/* Plain elements styled like antd's Card and Typography: those two components (with the
            tabs and tooltips they bring) were a tenth of the first page's script. */}
        <div className="xs-login-card">
          <h3 className="xs-login-title">{t('title')}</h3>
          <p className="xs-login-secondary">{t('subtitle')}</p>
          {notice && !error && <Alert type="info" showIcon title={notice} style={{ marginBottom: 16 }} />}
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
          <Form<LoginForm>
            name="login"
            form={form}
            layout="vertical"
            requiredMark={false}
            onFinish={(values) => void submit(values)}
            size="large"
          >
            <Form.Item
              name="username"
              label={t('username')}
              rules={[{ required: true, whitespace: true, message: t('usernameRequired') }]}
            >
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus maxLength={64} />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('password')}
              rules={[{ required: true, message: t('passwordRequired') }]}
            >
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" maxLength={256} />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={submitting}>
              {t('submit')}
            </Button>
          </Form>
          <p className="xs-login-secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
            {t('help')}
          </p>
        </div>
      </main>
    </div>
  );
}
