import { ChangePasswordRequest } from '@xiaoshi/contracts';
import type { FormRule } from 'antd';
import { accountText } from '../pages/account/text';
import { zodRule } from './zod-form';

/**
 * The API's password policy (contracts NewPassword: 10–128 characters with letters and digits) as
 * form rules. Letters and digits are the contracts' named messages, shown from the shared dictionary.
 */
export function newPasswordRules(): FormRule[] {
  return zodRule(ChangePasswordRequest, 'newPassword', {
    required: accountText.t('newRequired'),
    messages: { too_small: accountText.t('tooShort'), too_big: accountText.t('tooLong') },
  });
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
