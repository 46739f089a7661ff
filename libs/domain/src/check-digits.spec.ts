import {
  checkNationalId,
  creditCodeCheckCharacter,
  isValidCreditCode,
  nationalIdCheckCharacter,
} from './check-digits.js';

describe('GB 11643 national id', () => {
  // The standard's own worked example: 11010519491231002 → X.
  it('computes the check character of the GB 11643 example', () => {
    expect(nationalIdCheckCharacter('11010519491231002')).toBe('X');
    expect(checkNationalId('11010519491231002X')).toEqual({
      valid: true,
      birthDate: '1949-12-31',
      sex: 'female',
    });
  });

  it('derives sex from the 17th digit', () => {
    const first17 = '53012119650815003';
    const id = first17 + nationalIdCheckCharacter(first17);
    expect(checkNationalId(id)).toMatchObject({ valid: true, birthDate: '1965-08-15', sex: 'male' });
  });

  it('rejects a wrong check digit, an impossible date and a bad format', () => {
    expect(checkNationalId('110105194912310021')).toEqual({ valid: false, reason: 'check_digit' });
    expect(checkNationalId('110105194902301234')).toEqual({ valid: false, reason: 'birth_date' });
    expect(checkNationalId('11010519491231002')).toEqual({ valid: false, reason: 'format' });
  });

  it('accepts a lower-case x', () => {
    expect(checkNationalId('11010519491231002x').valid).toBe(true);
  });
});

describe('GB 32100 unified social credit code', () => {
  it('accepts a code whose check character matches', () => {
    // The department's own code from seed 000.
    expect(isValidCreditCode('11530121MB08424272')).toBe(true);
  });

  it('rejects a changed character and a forbidden letter', () => {
    expect(isValidCreditCode('11530121MB08424273')).toBe(false);
    expect(creditCodeCheckCharacter('1153012IMB0842427')).toBeNull();
    expect(isValidCreditCode('1153012')).toBe(false);
  });
});
