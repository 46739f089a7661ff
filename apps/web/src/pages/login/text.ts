import { defineNamespace } from '../../i18n/i18n';

/** Sign-in page strings that the shared dictionary does not have. */
export const loginText = defineNamespace(
  'login',
  {
    title: '登录',
    subtitle: '请使用单位分配的账号登录',
    username: '用户名',
    password: '密码',
    usernameRequired: '请输入用户名',
    passwordRequired: '请输入密码',
    submit: '登录',
    sessionExpired: '登录已过期，请重新登录',
    passwordChanged: '密码已修改，请使用新密码重新登录',
    signedOut: '您已退出登录',
    help: '忘记密码或账号被锁定，请联系本单位管理员重置。',
    brandTitle: '社区微实事管理平台',
    brandLine1: '征集申报 · 形式审查 · 专家评审 · 立项公示',
    brandLine2: '项目实施 · 验收 · 分批拨付 · 绩效评价',
    brandNote: '区、街道、社区与合作单位协同办理，全程留痕可追溯',
    throttled:
      '登录尝试过于频繁，请稍后再试（最长约 15 分钟）。在平时常用的网络下登录不受影响；如仍无法登录，请联系管理员重置密码。',
  },
  {
    title: 'Sign in',
    subtitle: 'Use the account issued by your unit',
    username: 'Username',
    password: 'Password',
    usernameRequired: 'Enter your username',
    passwordRequired: 'Enter your password',
    submit: 'Sign in',
    sessionExpired: 'Your session has expired; please sign in again',
    passwordChanged: 'Password changed; sign in with your new password',
    signedOut: 'You have signed out',
    help: 'Forgot your password or locked out? Ask your unit administrator to reset it.',
    brandTitle: 'Community Micro-Projects Portal',
    brandLine1: 'Calls · Screening · Panel review · Public notice',
    brandLine2: 'Delivery · Acceptance · Payment tranches · Performance',
    brandNote: 'District, streets, communities and partners on one auditable record',
    throttled:
      'Too many sign-in attempts; try again later (at most about 15 minutes). Signing in from the network you usually use is not affected; if you still cannot sign in, ask an administrator to reset your password.',
  },
);
