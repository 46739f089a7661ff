import { QueryClientProvider } from '@tanstack/react-query';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect, useState } from 'react';
import { RouterProvider } from 'react-router';
import { commonText } from '../i18n/common';
import { localeOf, useLang } from '../i18n/i18n';
import { AuthProvider } from './auth/AuthContext';
import { createQueryClient } from './queryClient';
import { createAppRouter } from './router';

/**
 * dayjs and the document follow the language i18next shows (switched in the header); antd follows
 * it in AntdScope, which the router puts around every page but the sign-in page.
 */
function LocalisedApp() {
  const lang = useLang();
  const t = commonText.useT();
  const [router] = useState(createAppRouter);
  useEffect(() => {
    dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
    document.documentElement.lang = localeOf(lang);
    document.title = `${t('app.name')} · ${t('app.fullName')}`;
  }, [lang, t]);
  return (
    <AuthProvider>
      <RouterProvider router={router} />
    </AuthProvider>
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
