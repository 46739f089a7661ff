import { useI18n } from '../../i18n/I18nProvider';

export function LoginBrand() {
  const { t } = useI18n();
  return (
    <section className="xs-login-brand">
      <div>
        <div style={{ display: 'flex', alignItems: 'center', gap: 12, marginBottom: 28 }}>
          <span className="xs-brand-mark" style={{ background: 'rgba(255,255,255,0.18)' }} aria-hidden>
            实
          </span>
          <strong style={{ fontSize: 18, letterSpacing: 1 }}>{t('app.name')}</strong>
        </div>
        <h1>{t('login.brandTitle')}</h1>
        <p>{t('app.tagline')}</p>
      </div>
      <div className="xs-login-brand-detail">
        <p>{t('login.brandLine1')}</p>
        <p>{t('login.brandLine2')}</p>
        <p style={{ marginTop: 20, fontSize: 13, opacity: 0.7 }}>{t('login.brandNote')}</p>
      </div>
    </section>
  );
}
