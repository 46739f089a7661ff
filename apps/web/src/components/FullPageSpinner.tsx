import { commonText } from '../i18n/common';

/**
 * Shown while the session is restored and while a page's chunk loads. A CSS ring in antd's primary
 * colour rather than antd's Spin: it is on screen before the first page, which then needs none of
 * antd's components (see pages/login/LoginPage.tsx).
 */
export function FullPageSpinner() {
  const t = commonText.useT();
  return (
    <div className="xs-fullpage-center" role="status" aria-busy="true" aria-label={t('loading')}>
      <span className="xs-spinner" />
    </div>
  );
}
