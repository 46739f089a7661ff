import { formatWan, formatYuan, yuanToFen } from '@xiaoshi/domain';
import { currentLang } from '../i18n/i18n';
import { scaledMoney } from './money-scale';

/** '126,300.00 元' ('126,300.00 yuan' in English) — how amounts are shown in tables and panels. */
export function yuan(fen: number): string {
  return currentLang() === 'en' ? `${formatYuan(fen)} yuan` : `${formatYuan(fen)} 元`;
}

/** '12.63 万元' — the unit officials use in budget documents ('0.13 M yuan' in English). */
export function wan(fen: number): string {
  return currentLang() === 'en' ? scaledMoney(fen, 'en') : `${formatWan(fen).replace(/万$/, '')} 万元`;
}

/** A typed 元 amount as fen: null when blank, NaN when it is not an amount (so rules can report it). */
export function parseYuan(text: string | undefined | null): number | null {
  if (text === undefined || text === null || text.trim() === '') return null;
  return yuanToFen(text) ?? Number.NaN;
}

/** Treats blank as zero; NaN stays NaN so a rule can name the field. */
export function fenOrZero(text: string | undefined | null): number {
  return parseYuan(text) ?? 0;
}

/** Basis points as a percentage with at most two decimals: 3000 → '30%'. */
export function percentOfBp(bp: number): string {
  return `${(bp / 100).toFixed(2).replace(/\.?0+$/, '')}%`;
}
