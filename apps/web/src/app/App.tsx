import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect, useState } from 'react';
import { RouterProvider } from 'react-router';
import { I18nProvider, useI18n } from '../i18n/I18nProvider';
import { AuthProvider } from './auth/AuthContext';
import { createQueryClient } from './queryClient';
import { createAppRouter } from './router';
import { theme } from './theme';

function LocalisedApp() {
  const { lang } = useI18n();
  const [router] = useState(createAppRouter);
  useEffect(() => {
    dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
  }, [lang]);
  return (
    // autoInsertSpace off: antd would otherwise render 提交 as 提 交.
    <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp>
        <AuthProvider>
          <RouterProvider router={router} />
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <LocalisedApp />
      </I18nProvider>
    </QueryClientProvider>
  );
}
