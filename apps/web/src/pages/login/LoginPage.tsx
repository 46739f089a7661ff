import {
  CloseCircleFilled,
  EyeInvisibleOutlined,
  EyeOutlined,
  InfoCircleFilled,
  LoadingOutlined,
  LockOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useAuth } from '../../app/auth/AuthContext';
import { PRERENDERING } from '../../app/prerendered';
import { preloadSignedInShell } from '../../app/shell-chunks';
import { isApiError } from '../../api/errors';
import { errorMessage } from '../../lib/errors';
import { LoginBrand } from './LoginBrand';
import { LoginLanguageSwitch } from './LoginLanguageSwitch';
import { loginText } from './text';

type Field = 'username' | 'password';
type FieldErrors = Partial<Record<Field, string>>;

/**
 * The sign-in page: the first page most visitors load, so it is drawn with plain elements and
 * styles.css, not antd's components. Their CSS-in-JS (styles computed and inserted at run time,
 * component by component) and their script were most of this page's main-thread work on a phone
 * (npm run bench:lighthouse). It looks and behaves as the antd form it replaces: the same labels,
 * field messages (role="alert", checked on submit and on each change), notices and loading button.
 */
export default function LoginPage() {
  const t = loginText.useT();
  const { login, signedOutReason } = useAuth();
  const [values, setValues] = useState<Record<Field, string>>({ username: '', password: '' });
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [showPassword, setShowPassword] = useState(false);
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  const notice =
    signedOutReason === 'expired'
      ? t('sessionExpired')
      : signedOutReason === 'password-changed'
        ? t('passwordChanged')
        : signedOutReason === 'signed-out'
          ? t('signedOut')
          : null;

  const check = (field: Field, value: string): string | undefined => {
    if (field === 'username') return value.trim() ? undefined : t('usernameRequired');
    return value ? undefined : t('passwordRequired');
  };

  const change = (field: Field, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setFieldErrors((current) => ({ ...current, [field]: check(field, value) }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (submitting) return;
    const found: FieldErrors = {
      username: check('username', values.username),
      password: check('password', values.password),
    };
    setFieldErrors(found);
    if (found.username || found.password) {
      (found.username ? usernameRef : passwordRef).current?.focus();
      return;
    }
    setSubmitting(true);
    setError(null);
    preloadSignedInShell();
    try {
      // On success the auth provider takes over and the route guard leaves this page.
      await login(values.username.trim(), values.password);
    } catch (caught) {
      setValues((current) => ({ ...current, password: '' }));
      // A 400's field messages go under their fields, as on every other form.
      if (isApiError(caught)) {
        const { username, password } = caught.fields;
        if (username || password) setFieldErrors({ username, password });
      }
      // Throttled (429): say how long at most, and that the usual network is not affected.
      setError(
        isApiError(caught) && caught.code === 'TOO_MANY_REQUESTS' ? t('throttled') : errorMessage(caught),
      );
      setSubmitting(false);
    }
  };

  const PasswordEye = showPassword ? EyeOutlined : EyeInvisibleOutlined;
  return (
    <div className="xs-login">
      <LoginBrand />
      <main className="xs-login-panel">
        <div className="xs-login-lang">
          <LoginLanguageSwitch />
        </div>
        <div className="xs-login-card">
          {/* h2: the page's h1 is the brand panel's title (heading levels must not skip). */}
          <h2 className="xs-login-title">{t('title')}</h2>
          <p className="xs-login-secondary">{t('subtitle')}</p>
          {notice && !error && <Notice type="info">{notice}</Notice>}
          {error && <Notice type="error">{error}</Notice>}
          <form name="login" className="xs-login-form" noValidate onSubmit={(event) => void submit(event)}>
            <LoginField id="login_username" label={t('username')} error={fieldErrors.username}>
              <UserOutlined className="xs-login-input-prefix" />
              <input
                ref={usernameRef}
                id="login_username"
                name="username"
                type="text"
                autoComplete="username"
                autoFocus
                disabled={PRERENDERING || undefined}
                maxLength={64}
                value={values.username}
                onChange={(event) => change('username', event.target.value)}
                aria-invalid={fieldErrors.username ? true : undefined}
                aria-describedby={fieldErrors.username ? 'login_username_help' : undefined}
              />
            </LoginField>
            <LoginField id="login_password" label={t('password')} error={fieldErrors.password}>
              <LockOutlined className="xs-login-input-prefix" />
              <input
                ref={passwordRef}
                id="login_password"
                name="password"
                type={showPassword ? 'text' : 'password'}
                autoComplete="current-password"
                disabled={PRERENDERING || undefined}
                maxLength={256}
                value={values.password}
                onChange={(event) => change('password', event.target.value)}
                aria-invalid={fieldErrors.password ? true : undefined}
                aria-describedby={fieldErrors.password ? 'login_password_help' : undefined}
              />
              {/* Like antd's password box: the eye is a pointer affordance, the field keeps focus. */}
              <PasswordEye
                className="xs-login-input-suffix"
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => setShowPassword((shown) => !shown)}
              />
            </LoginField>
            <button
              type="submit"
              className="xs-login-submit"
              disabled={submitting || PRERENDERING}
              aria-busy={submitting || undefined}
            >
              {submitting && <LoadingOutlined />}
              <span>{t('submit')}</span>
            </button>
          </form>
          <p className="xs-login-secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
            {t('help')}
          </p>
        </div>
      </main>
    </div>
  );
}

function LoginField({
  id,
  label,
  error,
  children,
}: {
  id: string;
  label: string;
  error: string | undefined;
  children: ReactNode;
}) {
  return (
    <div className={`xs-login-field${error ? ' xs-login-field-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <span className="xs-login-input">{children}</span>
      {error && (
        <div id={`${id}_help`} className="xs-login-field-message" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}

/** antd's Alert (showIcon), as the page used it; role="alert" as antd gives every Alert. */
function Notice({ type, children }: { type: 'info' | 'error'; children: ReactNode }) {
  const Icon = type === 'info' ? InfoCircleFilled : CloseCircleFilled;
  return (
    <div className={`xs-login-notice xs-login-notice-${type}`} role="alert">
      <Icon className="xs-login-notice-icon" />
      <div>{children}</div>
    </div>
  );
}
