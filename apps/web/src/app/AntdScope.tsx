import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useMemo } from 'react';
import { Outlet } from 'react-router';
import { useLang } from '../i18n/i18n';
import { usePrefersReducedMotion } from '../lib/reduced-motion';
import { theme } from './theme';

/**
 * antd's theme and locale, for every route but the sign-in page (router.tsx): that page is drawn
 * without antd components, and outside this provider it does not pay for deriving the theme's
 * tokens either (a good part of the first page's main-thread work on a phone).
 */
export default function AntdScope() {
  const lang = useLang();
  // Users who ask their system for less motion get none: antd's slides, zooms and ripples are off.
  // (Through antd's own switch: a global `animation-duration: 0.01ms` rule would break its popup
  // placement, ant-design#58176.)
  const reducedMotion = usePrefersReducedMotion();
  const appTheme = useMemo(
    () => (reducedMotion ? { ...theme, token: { ...theme.token, motion: false } } : theme),
    [reducedMotion],
  );
  return (
    // autoInsertSpace off: antd would otherwise render 提交 as 提 交.
    <ConfigProvider
      locale={lang === 'en' ? enUS : zhCN}
      theme={appTheme}
      button={{ autoInsertSpace: false }}
      wave={reducedMotion ? { disabled: true } : undefined}
    >
      <Outlet />
    </ConfigProvider>
  );
}
