import {
  STIPEND_MONTH_RULES,
  STIPEND_POSTS,
  fieldMessage,
  type FieldErrors,
  type StipendPost,
} from '@xiaoshi/contracts';
import {
  MONTH_RULES,
  POSTS,
  maskBankAccount,
  maskNationalId,
  quarterMonths,
  type MonthRule,
  type Post,
} from '@xiaoshi/domain';

// The contracts repeat the domain's value lists (they do not import the domain); prove they agree.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const postsAgree: Same<StipendPost, Post> = true;
const monthRulesAgree: Same<(typeof STIPEND_MONTH_RULES)[number], MonthRule> = true;
void postsAgree;
void monthRulesAgree;
if (STIPEND_POSTS.length !== POSTS.length || STIPEND_MONTH_RULES.length !== MONTH_RULES.length) {
  throw new Error('stipend value lists in contracts and domain differ');
}

const DAY_MS = 86_400_000;

/** 'YYYY-MM-DD' plus whole days (calendar arithmetic in UTC, so no time zone can shift it). */
export function addDaysIso(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function quarterStart(year: number, quarter: number): string {
  return `${quarterMonths(year, quarter)[0]}-01`;
}

export function quarterEnd(year: number, quarter: number): string {
  const next = quarter === 4 ? `${year + 1}-01-01` : `${quarterMonths(year, quarter + 1)[0]}-01`;
  return addDaysIso(next, -1);
}

export function periodLabel(batch: {
  kind: string;
  year: number;
  quarter: number | null;
  electionDate: string | null;
}): string {
  return batch.kind === 'quarterly' ? `${batch.year}Q${batch.quarter}` : `换届 ${batch.electionDate}`;
}

export function periodLabelZh(batch: {
  kind: string;
  year: number;
  quarter: number | null;
  electionDate: string | null;
}): string {
  return batch.kind === 'quarterly'
    ? `${batch.year}年第${batch.quarter}季度`
    : `${batch.electionDate}换届离任一次性补助`;
}

/**
 * The last day a person is paid for (inclusive): the date of death, or the day before a removal
 * takes effect, whichever is earlier; null while neither applies.
 */
export function eligibleUntilOf(person: {
  deathDate: string | null;
  removedOn: string | null;
}): string | null {
  const candidates = [person.deathDate, person.removedOn ? addDaysIso(person.removedOn, -1) : null].filter(
    (date): date is string => date !== null,
  );
  return candidates.length ? candidates.sort()[0] : null;
}

/** Personal data for the caller: in clear for finance and district admins, masked for the rest. */
export function personalData(clear: boolean) {
  return {
    nationalId: (id: string) => (clear ? id : (maskNationalId(id) ?? '')),
    bankAccount: (account: string) => (clear ? account : (maskBankAccount(account) ?? '')),
  };
}

/** DomainError fields from a set of (path → zh / en) problems. */
export function fields(entries: Array<[string, string, string]>): FieldErrors {
  const result: FieldErrors = {};
  for (const [path, zh, en] of entries) result[path] ??= fieldMessage(zh, en);
  return result;
}

export const SEX_LABELS = { male: '男', female: '女' } as const;
