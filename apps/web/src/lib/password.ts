import type { FormRule } from 'antd';
import type { Translate } from '../i18n/I18nProvider';

/** The API's policy (contracts NewPassword): 10–128 characters with letters and digits. */
export function newPasswordRules(t: Translate): FormRule[] {
  return [
    { required: true, message: t('password.newRequired') },
    { min: 10, message: t('password.tooShort') },
    { max: 128, message: t('password.tooLong') },
    { pattern: /[A-Za-z]/, message: t('password.needLetter') },
    { pattern: /\d/, message: t('password.needDigit') },
  ];
}

const LETTERS = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
const SYMBOLS = '#@%+=';

function pick(alphabet: string, random: number): string {
  return alphabet[random % alphabet.length];
}

/** A 14-character temporary password that satisfies the policy; unambiguous characters only. */
export function generatePassword(): string {
  const random = new Uint32Array(14);
  crypto.getRandomValues(random);
  const all = LETTERS + DIGITS + SYMBOLS;
  const chars = [pick(LETTERS, random[0]), pick(DIGITS, random[1]), pick(SYMBOLS, random[2])];
  for (let i = 3; i < random.length; i += 1) chars.push(pick(all, random[i]));
  // Shuffle so the guaranteed classes are not always first.
  const order = new Uint32Array(chars.length);
  crypto.getRandomValues(order);
  for (let i = chars.length - 1; i > 0; i -= 1) {
    const j = order[i] % (i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}
