import fc from 'fast-check';
import {
  DEFAULT_TERM_TOLERANCE_DAYS,
  DEPARTURE_RULES_CHENGGONG_2018 as T,
  POSTS,
  POST_RANK,
  type DepartureRuleTable,
  type Post,
  type PostHeld,
  analyseTerms,
  departureRulesFor,
  departureSubsidy,
  fullContinuousTerms,
  highestPost,
  termLengthFor,
} from './departure-subsidy.js';

const row = (post: Post, termStart: string, termEnd: string | null, electedAt?: string): PostHeld =>
  electedAt ? { post, termStart, termEnd, electedAt } : { post, termStart, termEnd };

describe('the Chenggong 2018 rule table (seed 002)', () => {
  it('is data tied to its document', () => {
    expect(T.documentNumber).toBe('呈组通〔2018〕88号');
    expect(T.monthlyRates).toEqual({
      secretary_and_director: 240_000,
      secretary: 220_000,
      director: 220_000,
      deputy_secretary: 210_000,
      deputy_director: 210_000,
      supervisory_director: 210_000,
      committee_member: null,
    });
    expect(T.monthsByFullTerms).toEqual([
      { minFullTerms: 1, months: 1 },
      { minFullTerms: 2, months: 2 },
    ]);
    expect(DEFAULT_TERM_TOLERANCE_DAYS).toBe(31);
  });

  it.each([
    ['2013-03-01', 3],
    ['2016-03-15', 3],
    ['2018-12-28', 3],
    ['2018-12-29', 5],
    ['2021-01-10', 5],
    ['2026-01-05', 5],
  ])('a term elected %s lasts %i years', (electedAt, years) => {
    expect(termLengthFor(electedAt, T)).toBe(years);
  });
});

describe('fullContinuousTerms', () => {
  it.each<[string, PostHeld[], string, number]>([
    ['one 3-year term from 2016', [row('director', '2016-03-15', '2019-03-15')], '2019-03-15', 1],
    ['a 2016 term cut short after 2 years', [row('director', '2016-03-15', '2018-03-15')], '2018-03-15', 0],
    ['one 5-year term from 2021', [row('director', '2021-01-10', '2026-01-05')], '2026-01-05', 1],
    [
      'a 2021 term after only 3 years is not full',
      [row('director', '2021-01-10', '2024-01-10')],
      '2024-01-10',
      0,
    ],
    ['an open row runs to the departure date', [row('director', '2021-01-10', null)], '2026-01-08', 1],
    [
      'a row past the departure date is cut at it',
      [row('director', '2021-01-10', '2028-01-01')],
      '2025-01-10',
      0,
    ],
    ['a term 31 days short is still full', [row('director', '2021-01-10', '2025-12-10')], '2026-01-05', 1],
    ['a term 32 days short is not', [row('director', '2021-01-10', '2025-12-09')], '2026-01-05', 0],
    [
      'a 3-year term then a 5-year term → 2',
      [row('director', '2016-03-15', '2019-03-10'), row('director', '2019-03-10', '2024-03-12')],
      '2024-03-12',
      2,
    ],
    [
      'a 2016 term extended to the 2021 re-election is one term, then a 5-year term → 2',
      [row('secretary', '2016-03-15', '2021-01-10'), row('secretary', '2021-01-10', '2026-01-05')],
      '2026-01-05',
      2,
    ],
    [
      'three continuous terms → 3',
      [
        row('deputy_director', '2013-03-01', '2016-03-15'),
        row('deputy_director', '2016-03-15', '2021-01-10'),
        row('director', '2021-01-10', '2026-01-05'),
      ],
      '2026-01-05',
      3,
    ],
    [
      're-election 20 days late keeps the run continuous',
      [row('director', '2016-03-15', '2021-01-10'), row('director', '2021-01-30', '2026-01-05')],
      '2026-01-05',
      2,
    ],
    [
      'interrupted career: only the last continuous run counts',
      [
        row('director', '2010-03-01', '2013-03-01'),
        row('director', '2013-03-01', '2016-03-01'),
        row('director', '2021-01-10', '2026-01-05'),
      ],
      '2026-01-05',
      1,
    ],
    [
      'a gap of 32 days breaks the run',
      [row('director', '2016-03-15', '2021-01-10'), row('director', '2021-02-11', '2026-02-11')],
      '2026-02-11',
      1,
    ],
    [
      'a mid-term post change with electedAt stays one term',
      [
        row('deputy_director', '2021-01-10', '2023-06-30'),
        row('director', '2023-06-30', '2026-01-05', '2021-01-10'),
      ],
      '2026-01-05',
      1,
    ],
    [
      'a mid-term post change without electedAt is two partial terms (conservative)',
      [row('deputy_director', '2021-01-10', '2023-06-30'), row('director', '2023-06-30', '2026-01-05')],
      '2026-01-05',
      0,
    ],
    [
      'concurrent posts of the same election are one term',
      [row('secretary', '2021-01-10', '2026-01-05'), row('director', '2021-01-20', '2026-01-05')],
      '2026-01-05',
      1,
    ],
    [
      'terms as 委员 only do not count (ineligible post), but keep the run continuous',
      [
        row('committee_member', '2016-03-15', '2021-01-10'),
        row('deputy_director', '2021-01-10', '2026-01-05'),
      ],
      '2026-01-05',
      1,
    ],
    [
      'rows after the departure date are ignored',
      [row('director', '2016-03-15', '2019-03-15'), row('director', '2021-01-10', null)],
      '2019-03-15',
      1,
    ],
    ['no rows', [], '2026-01-05', 0],
  ])('%s', (_name, posts, departure, expected) => {
    expect(fullContinuousTerms(posts, departure, T)).toBe(expected);
  });

  it('the tolerance is a parameter', () => {
    const posts = [row('director', '2021-01-10', '2025-12-20')];
    expect(fullContinuousTerms(posts, '2025-12-20', T)).toBe(1);
    expect(fullContinuousTerms(posts, '2025-12-20', T, { toleranceDays: 10 })).toBe(0);
    const gap = [row('director', '2016-03-15', '2021-01-10'), row('director', '2021-03-01', '2026-03-01')];
    expect(fullContinuousTerms(gap, '2026-03-01', T)).toBe(1);
    expect(fullContinuousTerms(gap, '2026-03-01', T, { toleranceDays: 60 })).toBe(2);
  });

  it('shows its working term by term', () => {
    const result = analyseTerms(
      [
        row('director', '2016-03-15', '2019-03-10'),
        row('secretary_and_director', '2019-03-10', '2024-03-12'),
      ],
      '2024-03-12',
      T,
    );
    expect(result.terms).toEqual([
      {
        electedAt: '2016-03-15',
        years: 3,
        scheduledEnd: '2019-03-15',
        servedFrom: '2016-03-15',
        servedUntil: '2019-03-10',
        posts: ['director'],
        full: true,
        counted: true,
        gapBeforeDays: null,
      },
      {
        electedAt: '2019-03-10',
        years: 5,
        scheduledEnd: '2024-03-10',
        servedFrom: '2019-03-10',
        servedUntil: '2024-03-12',
        posts: ['secretary_and_director'],
        full: true,
        counted: true,
        gapBeforeDays: 0,
      },
    ]);
    expect(result.countedRun).toHaveLength(2);
  });

  it.each<[string, PostHeld[], string, string]>([
    ['bad start', [row('director', '2021-02-30', null)], '2026-01-05', 'posts[0].termStart:invalid_date'],
    [
      'end before start',
      [row('director', '2021-02-01', '2020-01-01')],
      '2026-01-05',
      'posts[0].termEnd:end_before_start',
    ],
    ['bad departure', [row('director', '2021-02-01', null)], '2026/1/5', 'departureDate:invalid_date'],
    [
      'elected after start',
      [row('director', '2021-02-01', null, '2021-03-01')],
      '2026-01-05',
      'posts[0].electedAt:elected_after_start',
    ],
    ['unknown post', [row('mayor' as Post, '2021-02-01', null)], '2026-01-05', 'posts[0].post:unknown_post'],
  ])('reports invalid input (%s) and counts nothing', (_name, posts, departure, expected) => {
    const result = analyseTerms(posts, departure, T);
    expect(result.violations.map((v) => `${v.field}:${v.code}`)).toEqual([expected]);
    expect(result.fullTerms).toBe(0);
  });
});

describe('departureSubsidy', () => {
  const ONE_TERM = (post: Post): PostHeld[] => [row(post, '2021-01-10', '2026-01-05')];
  const TWO_TERMS = (post: Post): PostHeld[] => [
    row(post, '2016-03-15', '2021-01-10'),
    row(post, '2021-01-10', '2026-01-05'),
  ];
  const THREE_TERMS = (post: Post): PostHeld[] => [row(post, '2013-03-01', '2016-03-15'), ...TWO_TERMS(post)];
  const PARTIAL = (post: Post): PostHeld[] => [row(post, '2023-05-01', '2026-01-05')];

  const expected: Record<Post, number | null> = {
    secretary_and_director: 240_000,
    secretary: 220_000,
    director: 220_000,
    deputy_secretary: 210_000,
    deputy_director: 210_000,
    supervisory_director: 210_000,
    committee_member: null,
  };

  const combos = POSTS.flatMap((post) =>
    (
      [
        ['partial term', PARTIAL, 0, 0],
        ['1 full term', ONE_TERM, 1, 1],
        ['2 full terms', TWO_TERMS, 2, 2],
        ['3 full terms', THREE_TERMS, 3, 2],
      ] as const
    ).map(([label, build, terms, months]) => [post, label, build(post), terms, months] as const),
  );

  it.each(combos)('%s, %s', (post, _label, posts, terms, months) => {
    const result = departureSubsidy({ posts, departureDate: '2026-01-05', normalDeparture: true }, T);
    const rate = expected[post];
    const eligible = rate !== null && terms >= 1;
    expect(result).toMatchObject({
      eligible,
      highestPost: post,
      monthlyRate: rate ?? 0,
      fullTerms: post === 'committee_member' ? 0 : terms,
      months: eligible ? months : 0,
      amount: eligible ? (rate as number) * months : 0,
    });
    expect(result.reasons.length).toBeGreaterThan(0);
  });

  it('一肩挑, two terms: 2 × 2,400 元 = 4,800 元, with the reason spelt out', () => {
    const result = departureSubsidy(
      { posts: TWO_TERMS('secretary_and_director'), departureDate: '2026-01-05', normalDeparture: true },
      T,
    );
    expect(result.amount).toBe(480_000);
    expect(result.reasons).toEqual([
      {
        zh: '按呈组通〔2018〕88号：最高职务书记、主任“一肩挑”，每月2,400元；连续任满2届，发放2个月，共4,800元',
        en: 'Under 呈组通〔2018〕88号: highest post Party secretary and committee director (one person), 2,400 yuan a month; 2 full continuous term(s), 2 month(s), 4,800 yuan in total',
      },
    ]);
  });

  it('a 3-year term then a 5-year term as 副职 → 2 months × 2,100 元', () => {
    const result = departureSubsidy(
      {
        posts: [
          row('deputy_director', '2016-03-15', '2019-03-10'),
          row('deputy_director', '2019-03-10', '2024-03-12'),
        ],
        departureDate: '2024-03-12',
        normalDeparture: true,
      },
      T,
    );
    expect(result).toMatchObject({ eligible: true, fullTerms: 2, months: 2, amount: 420_000 });
  });

  it('一肩挑 for only part of the run: the highest post held during the run sets the rate', () => {
    const result = departureSubsidy(
      {
        posts: [
          row('deputy_director', '2016-03-15', '2021-01-10'),
          row('director', '2021-01-10', '2023-06-30'),
          row('secretary_and_director', '2023-06-30', '2026-01-05', '2021-01-10'),
        ],
        departureDate: '2026-01-05',
        normalDeparture: true,
      },
      T,
    );
    expect(result).toMatchObject({
      eligible: true,
      highestPost: 'secretary_and_director',
      fullTerms: 2,
      months: 2,
      amount: 480_000,
    });
  });

  it('一肩挑 held in an earlier, interrupted run does not count', () => {
    const result = departureSubsidy(
      {
        posts: [
          row('secretary_and_director', '2010-03-01', '2013-03-01'),
          row('deputy_director', '2021-01-10', '2026-01-05'),
        ],
        departureDate: '2026-01-05',
        normalDeparture: true,
      },
      T,
    );
    expect(result).toMatchObject({
      eligible: true,
      highestPost: 'deputy_director',
      fullTerms: 1,
      amount: 210_000,
    });
  });

  it('委员 then 副职: rate of 副职, only the 副职 term counts', () => {
    const result = departureSubsidy(
      {
        posts: [
          row('committee_member', '2016-03-15', '2021-01-10'),
          row('deputy_director', '2021-01-10', '2026-01-05'),
        ],
        departureDate: '2026-01-05',
        normalDeparture: true,
      },
      T,
    );
    expect(result).toMatchObject({
      eligible: true,
      highestPost: 'deputy_director',
      fullTerms: 1,
      months: 1,
      amount: 210_000,
    });
  });

  it('not a normal departure → not eligible, whatever the terms', () => {
    const result = departureSubsidy(
      { posts: TWO_TERMS('secretary'), departureDate: '2026-01-05', normalDeparture: false },
      T,
    );
    expect(result).toMatchObject({
      eligible: false,
      fullTerms: 2,
      months: 0,
      amount: 0,
      monthlyRate: 220_000,
    });
    expect(result.reasons.map((r) => r.zh)).toEqual(['非正常离任，不享受一次性补助']);
  });

  it('fewer than one full term → not eligible', () => {
    const result = departureSubsidy(
      { posts: PARTIAL('director'), departureDate: '2026-01-05', normalDeparture: true },
      T,
    );
    expect(result.eligible).toBe(false);
    expect(result.reasons.map((r) => r.en)).toEqual(['Less than one full continuous term served']);
  });

  it('委员 only → not eligible, with the reason', () => {
    const result = departureSubsidy(
      { posts: TWO_TERMS('committee_member'), departureDate: '2026-01-05', normalDeparture: true },
      T,
    );
    expect(result.eligible).toBe(false);
    expect(result.reasons.map((r) => r.zh)).toContain('最高职务为“两委”委员，不在补助范围内');
  });

  it('no posts → not eligible', () => {
    const result = departureSubsidy({ posts: [], departureDate: '2026-01-05', normalDeparture: true }, T);
    expect(result).toMatchObject({ eligible: false, highestPost: null, amount: 0 });
  });

  it('invalid input → not eligible, violations returned, never throws', () => {
    const result = departureSubsidy(
      { posts: [row('director', 'yesterday', null)], departureDate: '2026-01-05', normalDeparture: true },
      T,
    );
    expect(result.eligible).toBe(false);
    expect(result.violations).toHaveLength(1);
  });

  it('a departure before the table took effect is not covered by it', () => {
    const table: DepartureRuleTable = { ...T, effectiveFrom: '2019-01-01' };
    const result = departureSubsidy(
      {
        posts: [row('director', '2015-03-01', '2018-03-01')],
        departureDate: '2018-03-01',
        normalDeparture: true,
      },
      table,
    );
    expect(result.eligible).toBe(false);
    expect(result.amount).toBe(0);
  });

  it('the alternative reading "months per year of the counted terms" is data, not code', () => {
    const table: DepartureRuleTable = { ...T, monthsBasis: 'per_year_of_counted_terms' };
    const posts = [row('director', '2016-03-15', '2019-03-10'), row('director', '2019-03-10', '2024-03-12')];
    const result = departureSubsidy({ posts, departureDate: '2024-03-12', normalDeparture: true }, table);
    // 2 full terms → 2 months per year × (3 + 5) years = 16 months × 2,200 元.
    expect(result).toMatchObject({ months: 16, amount: 16 * 220_000 });
  });

  it('picks the rule table in force on the departure date', () => {
    const v2: DepartureRuleTable = { ...T, documentNumber: 'v2', effectiveFrom: '2025-01-01' };
    expect(departureRulesFor([T, v2], '2024-12-31')).toBe(T);
    expect(departureRulesFor([T, v2], '2025-01-01')).toBe(v2);
    expect(departureRulesFor([T, v2], '2017-01-01')).toBeNull();
  });

  it('ranks posts: 一肩挑 > 正职 > 副职 = 监委会主任 > 委员', () => {
    expect(highestPost(['committee_member', 'deputy_director', 'supervisory_director'], T)).toBe(
      'deputy_director',
    );
    expect(highestPost(['deputy_secretary', 'director'], T)).toBe('director');
    expect(highestPost(['secretary', 'secretary_and_director', 'director'], T)).toBe(
      'secretary_and_director',
    );
    expect(highestPost([], T)).toBeNull();
  });

  it('properties: amount = rate × months when eligible, else 0; the highest post outranks the run', () => {
    const date = fc.integer({ min: 14_600, max: 20_800 }); // 2009-12 .. 2026-12 as day numbers
    const career = fc.array(fc.tuple(fc.constantFrom(...POSTS), date, fc.integer({ min: 200, max: 2_200 })), {
      minLength: 1,
      maxLength: 5,
    });
    const iso = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);
    fc.assert(
      fc.property(career, fc.boolean(), (rows, normal) => {
        const posts = rows.map(([post, start, length]) => row(post, iso(start), iso(start + length)));
        const departure = iso(Math.max(...rows.map(([, start, length]) => start + length)));
        const result = departureSubsidy({ posts, departureDate: departure, normalDeparture: normal }, T);
        expect(Number.isSafeInteger(result.amount)).toBe(true);
        if (result.eligible) {
          expect(result.amount).toBe(result.monthlyRate * result.months);
          expect(result.amount).toBeGreaterThan(0);
          expect(result.fullTerms).toBeGreaterThanOrEqual(1);
          expect(normal).toBe(true);
        } else {
          expect(result.amount).toBe(0);
        }
        const analysis = analyseTerms(posts, departure, T);
        expect(analysis.fullTerms).toBeLessThanOrEqual(analysis.countedRun.length);
        for (const term of analysis.countedRun) {
          for (const p of term.posts) {
            expect(POST_RANK[result.highestPost as Post]).toBeGreaterThanOrEqual(POST_RANK[p]);
          }
        }
      }),
    );
  });
});
