import { formatWan } from '@xiaoshi/domain';
import type { Lang } from '../i18n/i18n';

/**
 * A large amount the way each reader counts: '8.33 万元' in Chinese (budget documents count in
 * 万元), '0.08 M yuan' in English. Rounded half up on the last digit shown, computed on integer
 * fen (no float arithmetic on money); exact amounts are shown next to it with formatYuan.
 */
export function scaledMoney(fen: number, lang: Lang): string {
  if (lang === 'zh') return `${formatWan(fen).replace(/万$/, '')} 万元`;
  const sign = fen < 0 ? '-' : '';
  // 0.01 M yuan = 10,000 yuan = 1,000,000 fen.
  const hundredths = Math.floor((Math.abs(fen) + 500_000) / 1_000_000);
  return `${hundredths === 0 ? '' : sign}${Math.floor(hundredths / 100).toLocaleString('en-GB')}.${String(hundredths % 100).padStart(2, '0')} M yuan`;
}
