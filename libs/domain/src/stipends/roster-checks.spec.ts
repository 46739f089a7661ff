import {
  eligibleUntilOf,
  personProblems,
  postProblems,
  rosterChanges,
  type CurrentPerson,
  type ReportedPerson,
} from './roster-checks.js';

const TODAY = '2026-12-03';

describe('the last day paid', () => {
  it.each<[string | null, string | null, string | null]>([
    [null, null, null],
    ['2026-04-20', null, '2026-04-20'],
    [null, '2026-05-01', '2026-04-30'],
    [null, '2026-03-01', '2026-02-28'],
    ['2026-04-20', '2026-05-01', '2026-04-20'],
    ['2026-05-20', '2026-05-01', '2026-04-30'],
  ])('death %s, removal from %s: paid until %s', (deathDate, removedOn, expected) => {
    expect(eligibleUntilOf({ deathDate, removedOn })).toBe(expected);
  });
});

describe('a person’s facts', () => {
  const fine: { departureDate: string; eligibleFrom: string; status: string; deathDate: string | null } = {
    departureDate: '2021-01-10',
    eligibleFrom: '2021-01-10',
    status: 'active',
    deathDate: null,
  };
  const fieldsOf = (facts: Partial<typeof fine> & { deathDate?: string | null }) =>
    personProblems({ ...fine, ...facts }, TODAY).map((problem) => problem.field);

  it('accepts a consistent record', () => {
    expect(personProblems(fine, TODAY)).toEqual([]);
    expect(fieldsOf({ status: 'deceased', deathDate: '2026-04-20' })).toEqual([]);
  });

  it.each<[string, Partial<typeof fine> & { deathDate?: string | null }, string[]]>([
    ['a departure in the future', { departureDate: '2027-01-01', eligibleFrom: '2027-01-01' }, ['departureDate']],
    ['eligibility before the departure', { eligibleFrom: '2020-12-31' }, ['eligibleFrom']],
    ['deceased without a date', { status: 'deceased' }, ['deathDate']],
    ['a date of death while active', { deathDate: '2026-04-20' }, ['deathDate']],
    ['a death before eligibility and departure', { status: 'deceased', deathDate: '2020-01-01' }, ['deathDate', 'deathDate']],
    ['a death in the future', { status: 'deceased', deathDate: '2027-01-01' }, ['deathDate']],
  ])('refuses %s', (_, facts, fields) => {
    expect(fieldsOf(facts)).toEqual(fields);
  });

  it('speaks both languages', () => {
    expect(personProblems({ ...fine, status: 'deceased' }, TODAY)[0]).toEqual({
      field: 'deathDate',
      zh: '状态为“已故”时须填写死亡日期',
      en: 'Give the date of death',
    });
  });
});

describe('terms of office', () => {
  it('names the post and the date that is wrong', () => {
    expect(
      postProblems(
        [
          { termStart: '2016-01-10', termEnd: '2021-01-10' },
          { termStart: '2019-01-10', termEnd: '2018-01-10', electedAt: '2019-02-01' },
          { termStart: '2022-01-10' },
        ],
        '2021-01-10',
      ).map((problem) => problem.field),
    ).toEqual(['posts.1.termEnd', 'posts.1.electedAt', 'posts.2.termStart']);
  });
});

describe('the changes a street reports', () => {
  const reported = (personId: number, overrides: Partial<ReportedPerson> = {}): ReportedPerson => ({
    personId,
    status: 'active',
    eligibleUntil: null,
    monthlyRateFen: 66_000,
    bankName: '农行',
    bankAccount: '6228480010012345678',
    ...overrides,
  });
  const current = (id: number, overrides: Partial<CurrentPerson> = {}): CurrentPerson => ({
    id,
    name: `人员${id}`,
    status: 'active',
    eligibleFrom: '2021-01-10',
    deathDate: null,
    removedOn: null,
    removalReason: null,
    monthlyRateFen: 66_000,
    bankName: '农行',
    bankAccount: '6228480010012345678',
    ...overrides,
  });

  it('reports nothing when nothing changed', () => {
    expect(rosterChanges([reported(1)], [current(1)])).toEqual([]);
  });

  it('reports an addition with its rate, a death, a removal, a status, a rate and a bank change', () => {
    const changes = rosterChanges(
      [reported(2), reported(3), reported(4), reported(5)],
      [
        current(1, { eligibleFrom: '2026-02-01', monthlyRateFen: 65_050 }),
        current(2, { status: 'deceased', deathDate: '2026-04-20' }),
        current(3, { removedOn: '2026-05-01', removalReason: '户籍迁出' }),
        current(4, { status: 'suspended', monthlyRateFen: 70_000 }),
        current(5, { bankName: '建行', bankAccount: '6217003860001234567' }),
      ],
    );
    expect(changes).toEqual([
      { kind: 'addition', personId: 1, name: '人员1', effectiveDate: '2026-02-01', before: null, after: '650.50 元/月' },
      { kind: 'death', personId: 2, name: '人员2', effectiveDate: '2026-04-20', before: '在册', after: '已故' },
      { kind: 'removal', personId: 3, name: '人员3', effectiveDate: '2026-05-01', before: null, after: '户籍迁出' },
      { kind: 'status_change', personId: 4, name: '人员4', effectiveDate: null, before: '在册', after: '暂停' },
      { kind: 'rate_change', personId: 4, name: '人员4', effectiveDate: null, before: '660.00 元/月', after: '700.00 元/月' },
      {
        kind: 'bank_change',
        personId: 5,
        name: '人员5',
        effectiveDate: null,
        before: '农行 ***************5678',
        after: '建行 ***************4567',
      },
    ]);
  });

  it('does not report a removal again once a report carried it', () => {
    expect(
      rosterChanges([reported(3, { eligibleUntil: '2026-04-30' })], [current(3, { removedOn: '2026-05-01' })]),
    ).toEqual([]);
  });
});
