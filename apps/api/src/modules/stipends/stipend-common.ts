import {
  STIPEND_MONTH_RULES,
  STIPEND_POSTS,
  type DomainError,
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
  type FieldProblem,
  type MonthRule,
  type Post,
} from '@xiaoshi/domain';
import { PG_UNIQUE_VIOLATION, pgErrorOf } from '../../database/postgres-errors.js';
import type { ProgrammeQuarter } from './stipend-reports.repository.js';

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

/** A programme's quarter with its first and last days. */
export function programmeQuarter(programmeId: number, year: number, quarter: number): ProgrammeQuarter {
  return { programmeId, year, quarter, start: quarterStart(year, quarter), end: quarterEnd(year, quarter) };
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

/** DomainError fields from the domain's field problems (the first problem of a field wins). */
export function problemsAsFields(problems: readonly FieldProblem[]): FieldErrors {
  return fields(problems.map((problem) => [problem.field, problem.zh, problem.en]));
}

/** Runs a write, turning a unique violation it hits into the caller's refusal. */
export async function refusingDuplicates<T>(work: () => Promise<T>, refusal: () => DomainError): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (pgErrorOf(error)?.code === PG_UNIQUE_VIOLATION) throw refusal();
    throw error;
  }
}

export const SEX_LABELS = { male: '男', female: '女' } as const;
