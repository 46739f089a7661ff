/**
 * PII is masked by default: only roles that need the clear value (finance, district admin) see it.
 * Masks keep enough to recognise a record on the phone with its owner.
 */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return phone ?? null;
  if (phone.length <= 7) return '*'.repeat(phone.length);
  return phone.slice(0, 3) + '*'.repeat(phone.length - 7) + phone.slice(-4);
}

/** 身份证号: keep the first 6 (region) and last 4. */
export function maskNationalId(id: string | null | undefined): string | null {
  if (!id) return id ?? null;
  if (id.length <= 10) return '*'.repeat(id.length);
  return id.slice(0, 6) + '*'.repeat(id.length - 10) + id.slice(-4);
}

/** Bank account: last 4 digits only. */
export function maskBankAccount(account: string | null | undefined): string | null {
  if (!account) return account ?? null;
  const digits = account.replace(/\s+/g, '');
  if (digits.length <= 4) return '*'.repeat(digits.length);
  return '*'.repeat(digits.length - 4) + digits.slice(-4);
}

export function maskEmail(email: string | null | undefined): string | null {
  if (!email) return email ?? null;
  const at = email.indexOf('@');
  if (at <= 1) return '*' + email.slice(Math.max(at, 0));
  return email[0] + '*'.repeat(at - 1) + email.slice(at);
}
