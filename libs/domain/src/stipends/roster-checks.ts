import { maskBankAccount } from '../masking.js';
import { addDays } from './calendar-date.js';

/**
 * Rules of a roster person's record (docs/decisions/0005): the facts that must hold together when
 * a street adds or edits a retired cadre, the last day a person is paid, and what changed since a
 * street's last approved report. Pure: `today` is an argument.
 */

/** A problem with one field, in both languages. */
export interface FieldProblem {
  field: string;
  zh: string;
  en: string;
}

const problem = (field: string, zh: string, en: string): FieldProblem => ({ field, zh, en });

/**
 * The last day a person is paid for (inclusive): the date of death, or the day before a removal
 * takes effect, whichever is earlier; null while neither applies.
 */
export function eligibleUntilOf(person: { deathDate: string | null; removedOn: string | null }): string | null {
  const candidates = [person.deathDate, person.removedOn ? addDays(person.removedOn, -1) : null].filter(
    (date): date is string => date !== null,
  );
  return candidates.length ? candidates.sort()[0] : null;
}

export interface RosterPersonFacts {
  departureDate: string | null;
  eligibleFrom: string;
  status: string;
  deathDate: string | null;
}

/** The facts of a person that must hold together, as field problems. */
export function personProblems(person: RosterPersonFacts, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const { departureDate, eligibleFrom, status, deathDate } = person;
  if (departureDate && departureDate > today)
    problems.push(problem('departureDate', '离任日期不能晚于今天', 'The departure date cannot be in the future'));
  if (departureDate && eligibleFrom < departureDate)
    problems.push(problem('eligibleFrom', '享受起始日期不能早于离任日期', 'Eligibility cannot start before the departure'));
  if (deathDate && deathDate < eligibleFrom)
    problems.push(problem('deathDate', '死亡日期早于享受起始日期', 'The date of death is before the eligibility start'));
  if (status === 'deceased' && !deathDate)
    problems.push(problem('deathDate', '状态为“已故”时须填写死亡日期', 'Give the date of death'));
  if (status !== 'deceased' && deathDate)
    problems.push(
      problem('deathDate', '状态不是“已故”却填写了死亡日期', 'A death date is given but the status is not deceased'),
    );
  if (deathDate && departureDate && deathDate < departureDate)
    problems.push(problem('deathDate', '死亡日期早于离任日期', 'The date of death is before the departure'));
  if (deathDate && deathDate > today)
    problems.push(problem('deathDate', '死亡日期不能晚于今天', 'The date of death cannot be in the future'));
  return problems;
}

export interface PostTerm {
  termStart: string;
  termEnd?: string | null;
  electedAt?: string | null;
}

/** A cadre's terms of office, checked against each other and against the departure. */
export function postProblems(posts: readonly PostTerm[], departureDate: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  posts.forEach((post, index) => {
    if (post.termEnd && post.termEnd < post.termStart)
      problems.push(problem(`posts.${index}.termEnd`, '任职结束日期早于起始日期', 'The term ends before it starts'));
    if (post.electedAt && post.electedAt > post.termStart)
      problems.push(
        problem(`posts.${index}.electedAt`, '当届选举日期晚于任职起始日期', 'The election is after the term start'),
      );
    if (post.termStart > departureDate)
      problems.push(problem(`posts.${index}.termStart`, '任职起始日期晚于离任日期', 'The term starts after the departure'));
  });
  return problems;
}

export type RosterChangeKind = 'addition' | 'removal' | 'death' | 'bank_change' | 'rate_change' | 'status_change';

export interface RosterChange {
  kind: RosterChangeKind;
  personId: number;
  name: string;
  effectiveDate: string | null;
  before: string | null;
  after: string | null;
}

/** A person as a street's approved report froze them. */
export interface ReportedPerson {
  personId: number;
  status: string;
  eligibleUntil: string | null;
  monthlyRateFen: number;
  bankName: string;
  bankAccount: string;
}

/** A person on the roster now, with the monthly rate they are paid this quarter. */
export interface CurrentPerson {
  id: number;
  name: string;
  status: string;
  eligibleFrom: string;
  deathDate: string | null;
  removedOn: string | null;
  removalReason: string | null;
  monthlyRateFen: number;
  bankName: string;
  bankAccount: string;
}

const STATUS_LABELS: Record<string, string> = { active: '在册', suspended: '暂停', deceased: '已故' };

const perMonth = (fen: number) => `${(fen / 100).toFixed(2)} 元/月`;

/**
 * What changed between a street's last approved report and its roster now, person by person:
 * additions, a death (else a removal, else a status change), a new rate, new bank details (stored
 * masked: the report's history need not hold a second copy of the account).
 */
export function rosterChanges(previous: readonly ReportedPerson[], current: readonly CurrentPerson[]): RosterChange[] {
  const before = new Map(previous.map((entry) => [entry.personId, entry]));
  const changes: RosterChange[] = [];
  for (const person of current) {
    const change = (kind: RosterChangeKind, effectiveDate: string | null, was: string | null, now: string | null) =>
      changes.push({ kind, personId: person.id, name: person.name, effectiveDate, before: was, after: now });
    const old = before.get(person.id);
    if (!old) {
      change('addition', person.eligibleFrom, null, perMonth(person.monthlyRateFen));
      continue;
    }
    if (person.deathDate && old.status !== 'deceased') change('death', person.deathDate, STATUS_LABELS[old.status], '已故');
    else if (person.removedOn && old.eligibleUntil !== eligibleUntilOf(person))
      change('removal', person.removedOn, null, person.removalReason);
    else if (old.status !== person.status)
      change('status_change', null, STATUS_LABELS[old.status], STATUS_LABELS[person.status]);
    if (old.monthlyRateFen !== person.monthlyRateFen)
      change('rate_change', null, perMonth(old.monthlyRateFen), perMonth(person.monthlyRateFen));
    if (old.bankAccount !== person.bankAccount || old.bankName !== person.bankName)
      change(
        'bank_change',
        null,
        `${old.bankName} ${maskBankAccount(old.bankAccount)}`,
        `${person.bankName} ${maskBankAccount(person.bankAccount)}`,
      );
  }
  return changes;
}
