import { loginText } from './text';
import { commonText } from '../../i18n/common';

export function LoginBrand() {
  const t = loginText.useT();
  const tc = commonText.useT();
  return (
    <section className="xs-login-brand">
      <div>
        <div style={{ display: 'flex', alignItems: 'center', gap: 12, marginBottom: 28 }}>
          <span className="xs-brand-mark" style={{ background: 'rgba(255,255,255,0.18)' }} aria-hidden>
            实
          </span>
          <strong style={{ fontSize: 18, letterSpacing: 1 }}>{tc('app.name')}</strong>
        </div>
        <h1>{t('brandTitle')}</h1>
        <p>{tc('app.tagline')}</p>
      </div>
      <div className="xs-login-brand-detail">
        <p>{t('brandLine1')}</p>
        <p>{t('brandLine2')}</p>
        <p style={{ marginTop: 20, fontSize: 13, opacity: 0.7 }}>{t('brandNote')}</p>
      </div>
    </section>
  );
}
