import { maskBankAccount, maskEmail, maskNationalId, maskPhone } from './masking.js';

describe('PII masking', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['0871-63540564', '087******0564'],
    ['12345', '*****'],
  ])('masks phone %s as %s', (input, expected) => {
    expect(maskPhone(input)).toBe(expected);
  });

  it('keeps the region and last four of a national id', () => {
    expect(maskNationalId('53012119800101001X')).toBe('530121********001X');
  });

  it('keeps only the last four digits of a bank account, ignoring spaces', () => {
    expect(maskBankAccount('6222 0210 0112 3456 789')).toBe('***************6789');
  });

  it('masks the local part of an e-mail address', () => {
    expect(maskEmail('zhang.san@example.cn')).toBe('z********@example.cn');
  });

  it('passes empty values through', () => {
    expect(maskPhone(null)).toBeNull();
    expect(maskNationalId(undefined)).toBeNull();
    expect(maskBankAccount('')).toBe('');
  });
});
