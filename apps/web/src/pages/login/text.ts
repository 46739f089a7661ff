import { defineNamespace } from '../../i18n/i18n';

/** Sign-in page strings that the shared dictionary does not have. */
export const loginText = defineNamespace(
  'login',
  {
    throttled:
      '登录尝试过于频繁，请稍后再试（最长约 15 分钟）。在平时常用的网络下登录不受影响；如仍无法登录，请联系管理员重置密码。',
  },
  {
    throttled:
      'Too many sign-in attempts; try again later (at most about 15 minutes). Signing in from the network you usually use is not affected; if you still cannot sign in, ask an administrator to reset your password.',
  },
);
