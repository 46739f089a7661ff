import type { ThemeConfig } from 'antd';

/** A calm, dense back-office look: government blue, system CJK fonts, compact tables. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1d4ed8',
    colorInfo: '#1d4ed8',
    borderRadius: 6,
    fontSize: 14,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Zen Hei', 'Helvetica Neue', Arial, sans-serif",
    colorBgLayout: '#f3f5f9',
  },
  components: {
    Layout: {
      headerBg: '#ffffff',
      headerHeight: 56,
      headerPadding: '0 16px',
      siderBg: '#ffffff',
      footerPadding: '12px 24px',
    },
    Menu: { itemBorderRadius: 6, itemMarginInline: 8, itemHeight: 40 },
    Table: { cellPaddingBlockSM: 8 },
  },
};
