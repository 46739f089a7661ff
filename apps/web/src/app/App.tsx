import { QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect, useMemo, useState } from 'react';
import { RouterProvider } from 'react-router';
import { commonText } from '../i18n/common';
import { localeOf, useLang } from '../i18n/i18n';
import { AuthProvider } from './auth/AuthContext';
import { createQueryClient } from './queryClient';
import { createAppRouter } from './router';
import { theme } from './theme';
import { usePrefersReducedMotion } from '../lib/reduced-motion';

/** antd, dayjs and the document follow the language i18next shows (switched in the header). */
function LocalisedApp() {
  const lang = useLang();
  const t = commonText.useT();
  const [router] = useState(createAppRouter);
  // Users who ask their system for less motion get none: antd's slides, zooms and ripples are off.
  // (Through antd's own switch: a global `animation-duration: 0.01ms` rule would break its popup
  // placement, ant-design#58176.)
  const reducedMotion = usePrefersReducedMotion();
  const appTheme = useMemo(
    () => (reducedMotion ? { ...theme, token: { ...theme.token, motion: false } } : theme),
    [reducedMotion],
  );
  useEffect(() => {
    dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
    document.documentElement.lang = localeOf(lang);
    document.title = `${t('app.name')} · ${t('app.fullName')}`;
  }, [lang, t]);
  return (
    // autoInsertSpace off: antd would otherwise render 提交 as 提 交.
    <ConfigProvider
      locale={lang === 'en' ? enUS : zhCN}
      theme={appTheme}
      button={{ autoInsertSpace: false }}
      wave={reducedMotion ? { disabled: true } : undefined}
    >
      {/* antd's <App> (message, notification and modal hooks) wraps the signed-in shell only
          (AppLayout): the login page does without its ~20 kB gzip. */}
      <AuthProvider>
        <RouterProvider router={router} />
      </AuthProvider>
    </ConfigProvider>
  );
}

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <LocalisedApp />
    </QueryClientProvider>
  );
}
