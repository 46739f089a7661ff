import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { Outlet } from 'react-router';
import { useLang } from '../i18n/i18n';
import { theme } from './theme';

/**
 * antd's theme and locale, for every route but the sign-in page (router.tsx): that page is drawn
 * without antd components, and outside this provider it does not pay for deriving the theme's
 * tokens either (a good part of the first page's main-thread work on a phone).
 */
export default function AntdScope() {
  const lang = useLang();
  return (
    // autoInsertSpace off: antd would otherwise render 提交 as 提 交.
    <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={theme} button={{ autoInsertSpace: false }}>
      <Outlet />
    </ConfigProvider>
  );
}
