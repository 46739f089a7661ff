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
    // Contrast (WCAG AA, 4.5:1 for text, checked by `npm run bench:lighthouse`): antd's grey texts
    // (0.45 and 0.25 black) and its red (#ff4d4f under white badge digits) fall short of it on white
    // and on the layout's grey. Descriptions, secondary text and placeholders are darkened just
    // enough; disabled text keeps its light grey (exempt, and it must still look disabled).
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextDescription: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
    colorError: '#d92d20',
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
    // The empty table's text is drawn in the disabled colour: it is content, so it gets a readable one.
    Table: { cellPaddingBlockSM: 8, colorTextDisabled: 'rgba(0, 0, 0, 0.56)' },
    // A status tag's text is its colour on the pale status background: the darker shades of each.
    Tag: { colorSuccess: '#237804', colorWarning: '#ad4e00', colorError: '#b42318' },
    // A submitted score sheet shows its figures in disabled boxes, units ("分") after them: still
    // content to read, so drawn in a readable grey.
    InputNumber: { colorTextDisabled: 'rgba(0, 0, 0, 0.56)' },
  },
};
