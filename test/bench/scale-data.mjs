// The scale data set of issue 13, generated set-based in SQL (generate_series) into a freshly
// migrated database: valid rows of the project's own schema (every CHECK and foreign key holds,
// the ledger totals of each budget line equal its entries). Used by test/bench/scale.mjs.
//
// One city above 100 districts (issue 13 §6), each with its own programme, budget line, reviewers
// and competitions: 3 streets × 10 communities per district, 300 streets and 3,000 communities in all.
//
// Layout for `applications` = N:
//   competitions   C = ceil(N / 10,000), 10,000 applications each, 3 categories. Every ninth, from
//                  the first (1, 10, 19, …), belongs to the admin's district (the first one); the
//                  others go round the other 99 districts (each competition: its district's line,
//                  communities and reviewers). At 1,000,000 applications the admin's district holds
//                  120,000 (about 116,400 beyond drafts: what its admin lists and exports), 88 districts
//                  10,000 each. Spread over the id range rather than its first ids: the district's rows
//                  are then as frequent at every id as the planner assumes (a district's newest-first
//                  page walks back through the ids), as when districts' applications arrive together
//   accounts       admin and finance of the first district, street1 (its first street), city (the
//                  city officer), one officer per community, 10 reviewers per district
//   applications   N, statuses spread over the whole lifecycle; a third awarded (approved → closed)
//   ranking        one row per application (as the ranking job writes it), rank per category
//   reviews        `reviewsPerApplication` assignments and score sheets per application
//   awards         one approved award per awarded application, one approved decision per competition
//   projects       one per award; payments (paid) for in-progress (half) and accepted/closed (full)
//   ledger         a commitment per award, a payment entry per payment; line totals from the entries
//   figures        ledger figures by line and month, by street and line; project counts by street and status;
//                  the roll-up figures (applications, awards by competition and status; projects by line)
//   stipends       one quarterly retired-cadre programme of the admin's district on a budget line of
//                  its own, with N / 10 people (100,000 at 1,000,000) over its 30 communities, each
//                  street's report of STIPEND_QUARTER approved: what that quarter's batch is made from
//   audit          `audit` rows through the hash-chain trigger (valid chain), 0 to skip: edits of
//                  applications by the community officers of every district, spread evenly over
//                  2026-01-01 … 2026-11-30 (the monthly partitions), a district's share 1 %

export const DISTRICTS = 100;
export const STREETS_PER_DISTRICT = 3;
export const STREETS = DISTRICTS * STREETS_PER_DISTRICT;
export const COMMUNITIES_PER_STREET = 10;
export const LINES = DISTRICTS; // one programme and one budget line per district
/** org_unit ids: 1 the city, then the districts, the streets and the communities. */
export const FIRST_DISTRICT = 2;
export const FIRST_STREET = FIRST_DISTRICT + DISTRICTS;
export const FIRST_COMMUNITY = FIRST_STREET + STREETS;
export const COMMUNITIES = STREETS * COMMUNITIES_PER_STREET;
/** app_user ids: 1 admin, 2 finance, 3 street1, 4 city, 5 cityaudit (an auditor at the city), then one officer per community (`c0`, `c1`, …). */
export const FIRST_OFFICER = 6;
export const PER_COMPETITION = 10_000;
export const REVIEWERS = 1000;
/** Every this-many-th competition, from the first, belongs to the admin's district. */
export const ADMIN_COMPETITION_EVERY = 9;
/** The stipend programme (of the admin's district) has one person per this many applications. */
export const APPLICATIONS_PER_STIPEND_PERSON = 10;
export const STIPEND_PROGRAMME = 1;
/** The quarter whose street reports are approved: the bench prepares its batch. */
export const STIPEND_QUARTER = { year: 2026, quarter: 1 };

/** How many competitions (1, 10, 19, …; 10,000 applications each) the admin's district holds. */
export const adminCompetitions = (applications) =>
  Math.floor((Math.ceil(applications / PER_COMPETITION) - 1) / ADMIN_COMPETITION_EVERY) + 1;
export const stipendPeople = (applications) => Math.round(applications / APPLICATIONS_PER_STIPEND_PERSON);

// Statuses by bucket (0–99) of a scrambled id, so that neighbouring ids differ.
const STATUS_BUCKETS = [
  [2, 'draft'],
  [3, 'awaiting_street'],
  [6, 'submitted'],
  [7, 'returned'],
  [10, 'eligible'],
  [12, 'ineligible'],
  [13, 'withdrawn'],
  [20, 'in_review'],
  [30, 'scored'],
  [32, 'proposed'],
  [34, 'in_notice'],
  [67, 'not_funded'],
  [72, 'approved'],
  [87, 'in_progress'],
  [89, 'acceptance_requested'],
  [90, 'rectification'],
  [97, 'accepted'],
  [100, 'closed'],
];
export const AWARDED_STATUSES = [
  'approved',
  'in_progress',
  'acceptance_requested',
  'rectification',
  'accepted',
  'closed',
];

// GB 11643 ID numbers: the weights of the first 17 digits and the check characters (mod 11).
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

// Every single-column foreign key of the generated tables holds, no review assignment pairs a
// reviewer with an application they have a conflict of interest with (the trigger's rule), and the
// stipend roster and reports keep the API's rules.
const CHECKS = `DO $$
DECLARE fk record; broken bigint;
BEGIN
  FOR fk IN
    SELECT c.conname, c.conrelid::regclass AS child, a.attname AS col, c.confrelid::regclass AS parent, pa.attname AS pcol
    FROM pg_constraint c
    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
    JOIN pg_attribute pa ON pa.attrelid = c.confrelid AND pa.attnum = c.confkey[1]
    WHERE c.contype = 'f' AND cardinality(c.conkey) = 1 AND c.connamespace = 'public'::regnamespace
  LOOP
    EXECUTE format('SELECT count(*) FROM %s x WHERE x.%I IS NOT NULL AND NOT EXISTS (SELECT 1 FROM %s p WHERE p.%I = x.%I)',
                   fk.child, fk.col, fk.parent, fk.pcol, fk.col) INTO broken;
    IF broken > 0 THEN RAISE EXCEPTION 'foreign key % of %: % rows without a parent', fk.conname, fk.child, broken; END IF;
  END LOOP;
  IF EXISTS (SELECT 1 FROM review_assignment ra JOIN review_conflict c
             ON c.application_id = ra.application_id AND c.reviewer_user_id = ra.reviewer_user_id) THEN
    RAISE EXCEPTION 'generated review assignments break the conflict-of-interest rule';
  END IF;
  IF EXISTS (SELECT 1 FROM application a JOIN org_unit s ON s.id = a.street_id WHERE a.district_id <> s.parent_id) THEN
    RAISE EXCEPTION 'generated applications name another district than their street''s';
  END IF;
  -- The roster rules the API applies to a person (libs/domain checkNationalId: GB 11643 check
  -- character, birth date and sex from the number; a community of the programme's district).
  IF EXISTS (SELECT 1 FROM stipend_person p JOIN org_unit c ON c.id = p.community_id JOIN stipend_programme pr ON pr.id = p.programme_id
             WHERE c.kind <> 'community' OR p.street_id <> c.parent_id OR NOT c.ancestor_ids @> ARRAY[pr.unit_id]
                OR p.birth_date <> to_date(substr(p.national_id, 7, 8), 'YYYYMMDD')
                OR p.sex <> CASE WHEN substr(p.national_id, 17, 1)::int % 2 = 1 THEN 'male' ELSE 'female' END
                OR substr(p.national_id, 18, 1) <> substr('${ID_CHECK}', 1 + (
                     SELECT sum(substr(p.national_id, i, 1)::int * (ARRAY[${ID_WEIGHTS}])[i]) FROM generate_series(1, 17) i
                   )::int % 11, 1)
                OR p.eligible_from < p.departure_date) THEN
    RAISE EXCEPTION 'generated stipend people break the roster rules';
  END IF;
  -- A street report freezes its street's people of the programme, and sums them.
  IF EXISTS (SELECT 1 FROM stipend_report_entry e JOIN stipend_street_report r ON r.id = e.report_id
             JOIN stipend_person p ON p.id = e.person_id
             WHERE p.programme_id <> r.programme_id OR p.street_id <> r.street_id OR e.community_id <> p.community_id
                OR e.national_id <> p.national_id OR e.monthly_rate_fen <> p.monthly_rate_fen)
     OR EXISTS (SELECT 1 FROM stipend_street_report r
                WHERE (r.people_count, r.monthly_total_fen, jsonb_array_length(r.changes))
                      <> (SELECT count(*)::int, sum(e.monthly_rate_fen), count(*)::int FROM stipend_report_entry e WHERE e.report_id = r.id)) THEN
    RAISE EXCEPTION 'generated stipend reports do not freeze their street''s roster';
  END IF;
END $$;`;

const statusCase = (bucket) =>
  `CASE ${STATUS_BUCKETS.map(([below, status]) => `WHEN ${bucket} < ${below} THEN '${status}'`).join(' ')} END`;

/**
 * The SQL steps, in order, as { label, sql, triggers } (triggers: false = run with
 * session_replication_role = replica). `passwordHash` is an argon2 hash every generated
 * account gets (the bench logs in as `admin`, `finance` and `street1`).
 */
export function scaleSteps({ applications, reviewsPerApplication, audit, passwordHash }) {
  const N = applications;
  const C = Math.ceil(N / PER_COMPETITION);
  const communities = COMMUNITIES;
  const firstCommunity = FIRST_COMMUNITY;
  const perDistrict = STREETS_PER_DISTRICT * COMMUNITIES_PER_STREET; // communities per district
  const reviewersPerDistrict = REVIEWERS / DISTRICTS;
  const firstOfficer = FIRST_OFFICER;
  const firstReviewer = firstOfficer + communities;
  const P = stipendPeople(N);
  // The district (0-based) of competition `c`: every ADMIN_COMPETITION_EVERY-th from the first is the
  // admin's (0), the others go round districts 1–99 in order.
  const every = ADMIN_COMPETITION_EVERY;
  const districtOf = (c) =>
    `(CASE WHEN (${c} - 1) % ${every} = 0 THEN 0 ELSE 1 + (${c} - 2 - (${c} - 1) / ${every}) % ${DISTRICTS - 1} END)`;
  const hash = passwordHash.replaceAll("'", "''");
  if (reviewsPerApplication > reviewersPerDistrict) {
    throw new Error(`at most ${reviewersPerDistrict} reviews per application (the reviewers of one district)`);
  }
  const steps = [];
  const step = (label, sql, { triggers = false } = {}) => steps.push({ label, sql, triggers });

  step(
    'org tree',
    `INSERT INTO org_unit (id, kind, name, code, parent_id, ancestor_ids, version)
     VALUES (1, 'city', '压测市', 'BENCH-CITY', NULL, '{}', 1);
     INSERT INTO org_unit (id, kind, name, code, parent_id, ancestor_ids, version)
     SELECT ${FIRST_DISTRICT} + d, 'district', '压测区' || d, 'BENCH-D' || d, 1, ARRAY[1], 1
     FROM generate_series(0, ${DISTRICTS - 1}) d;
     INSERT INTO org_unit (id, kind, name, code, parent_id, ancestor_ids, version)
     SELECT ${FIRST_STREET} + s, 'street', '压测街道' || s, 'BENCH-S' || s, ${FIRST_DISTRICT} + s / ${STREETS_PER_DISTRICT},
            ARRAY[1, ${FIRST_DISTRICT} + s / ${STREETS_PER_DISTRICT}], 1
     FROM generate_series(0, ${STREETS - 1}) s;
     INSERT INTO org_unit (id, kind, name, code, parent_id, ancestor_ids, version)
     SELECT ${firstCommunity} + n, 'community', '压测社区' || n, 'BENCH-C' || n,
            ${FIRST_STREET} + n / ${COMMUNITIES_PER_STREET},
            ARRAY[1, ${FIRST_DISTRICT} + n / ${perDistrict}, ${FIRST_STREET} + n / ${COMMUNITIES_PER_STREET}], 1
     FROM generate_series(0, ${communities - 1}) n;`,
  );
  step(
    'accounts',
    `INSERT INTO app_user (id, username, display_name, password_hash, unit_id, roles, version) VALUES
       (1, 'admin', '压测管理员', '${hash}', ${FIRST_DISTRICT}, ARRAY['district_admin']::varchar[], 1),
       (2, 'finance', '压测财务', '${hash}', ${FIRST_DISTRICT}, ARRAY['finance']::varchar[], 1),
       (3, 'street1', '压测街道干部', '${hash}', ${FIRST_STREET}, ARRAY['street_officer']::varchar[], 1),
       (4, 'city', '压测市级干部', '${hash}', 1, ARRAY['city_officer']::varchar[], 1),
       (5, 'cityaudit', '压测市级审计', '${hash}', 1, ARRAY['auditor']::varchar[], 1);
     INSERT INTO app_user (id, username, display_name, password_hash, unit_id, roles, version)
     SELECT ${firstOfficer} + n, 'c' || n, '压测社区干部' || n, '${hash}', ${firstCommunity} + n,
            ARRAY['community_officer']::varchar[], 1
     FROM generate_series(0, ${communities - 1}) n;
     INSERT INTO app_user (id, username, display_name, password_hash, unit_id, roles, version)
     SELECT ${firstReviewer} + n, 'r' || n, '压测评审' || n, '${hash}', ${FIRST_DISTRICT} + n % ${DISTRICTS},
            ARRAY['reviewer']::varchar[], 1
     FROM generate_series(0, ${REVIEWERS - 1}) n;`,
  );
  step(
    'programme, budget lines, competitions, categories, panels',
    `INSERT INTO programme (id, year, name, unit_id, version)
     SELECT p, 2026, '压测项目' || p, ${FIRST_DISTRICT - 1} + p, 1 FROM generate_series(1, ${LINES}) p;
     INSERT INTO budget_line (id, programme_id, name, amount_fen, unit_id, version)
     SELECT l, l, '压测预算线' || l, 100000000000, ${FIRST_DISTRICT - 1} + l, 1 FROM generate_series(1, ${LINES}) l;
     INSERT INTO competition (id, budget_line_id, kind, title, envelope_fen, submission_opens_at, submission_closes_at,
       review_opens_at, review_closes_at, implementation_deadline, award_min, award_max, rubric, tranche_plan, status, version)
     SELECT c, 1 + ${districtOf('c')}, 'generic', '压测大赛' || c, 50000000000,
            '2026-01-05', '2026-02-05', '2026-02-10', '2026-03-10', '2026-12-31', 1, 5000,
            '[{"key":"need","name":"需求","maxPoints":100}]', '[{"percentBp":10000,"condition":"on_approval"}]', 'closed', 1
     FROM generate_series(1, ${C}) c;
     INSERT INTO competition_category (id, competition_id, key, name, cap_fen)
     SELECT (c - 1) * 3 + k, c, 'cat' || k, (ARRAY['生活服务', '环境改善', '文化活动'])[k], 20000000000
     FROM generate_series(1, ${C}) c, generate_series(1, 3) k;
     INSERT INTO review_panel (id, competition_id, version) SELECT c, c, 1 FROM generate_series(1, ${C}) c;`,
  );
  // Community m: a scrambled pick among the 30 of the competition's district; its street follows.
  step(
    `applications (${N.toLocaleString('en')})`,
    `INSERT INTO application (id, competition_id, category_id, district_id, street_id, community_id, title, summary, plan, location,
       beneficiaries_count, beneficiaries_description, start_date, end_date, total_cost_fen, cost_items,
       resident_money_fen, community_self_fen, requested_subsidy_fen, contact_name, contact_phone, status, submitted_at,
       created_by_user_id, version, created_at, updated_at)
     SELECT g, c, (c - 1) * 3 + 1 + g % 3, ${FIRST_DISTRICT} + m / ${perDistrict},
            ${FIRST_STREET} + m / ${COMMUNITIES_PER_STREET}, ${firstCommunity} + m,
            '压测申请' || g || '号 楼道改造', '压测摘要', '压测实施方案', '压测地点', 50 + g % 500, '压测受益人',
            '2026-04-01', '2026-10-31', 1000000 + (g % 97) * 10000,
            '[{"item":"材料","amountFen":1000000}]', 100000, 100000, 800000 + (g % 97) * 10000,
            '压测联系人', '1380000' || lpad((g % 10000)::text, 4, '0'), st,
            CASE WHEN st IN ('draft', 'awaiting_street') THEN NULL ELSE timestamptz '2026-02-01' + (g % 86400) * interval '1 second' END,
            ${firstOfficer} + m, 1, timestamptz '2026-01-10' + (g % 86400) * interval '1 second', now()
     FROM (SELECT g, 1 + (g - 1) / ${PER_COMPETITION} AS c,
                  ${districtOf(`(1 + (g - 1) / ${PER_COMPETITION})`)} * ${perDistrict} + (g::bigint * 104729) % ${perDistrict} AS m,
                  ${statusCase(`((g::bigint * 2654435761) / 65536) % 100`)} AS st
           FROM generate_series(1, ${N}) g) x;`,
  );
  step(
    'ranking (one row per application, rank per category)',
    `INSERT INTO application_ranking (application_id, competition_id, score, method, sheets_used, sheets_submitted,
       sheets_due, spread, disagreement, criterion_means, rank, fundable, computed_at)
     SELECT id, competition_id, score, 'trimmed_mean', 3, 5, 5, 12.5, false, jsonb_build_object('need', score),
            row_number() OVER (PARTITION BY competition_id, category_id ORDER BY score DESC, id), score >= 60, now()
     FROM (SELECT id, competition_id, category_id, round(40 + ((id * 2654435761) % 6000) / 100.0, 4) AS score
           FROM application) a;`,
  );
  if (reviewsPerApplication > 0) {
    step(
      `review assignments (${(N * reviewsPerApplication).toLocaleString('en')})`,
      `INSERT INTO review_assignment (id, panel_id, application_id, reviewer_user_id, method, created_at)
       SELECT (a.id - 1) * ${reviewsPerApplication} + k, a.competition_id, a.id,
              ${firstReviewer} + (a.district_id - ${FIRST_DISTRICT})
                + ${DISTRICTS} * ((a.id * ${reviewsPerApplication} + k) % ${reviewersPerDistrict}),
              'automatic', timestamptz '2026-02-10'
       FROM application a, generate_series(0, ${reviewsPerApplication - 1}) k;`,
    );
    step(
      `score sheets (${(N * reviewsPerApplication).toLocaleString('en')})`,
      `INSERT INTO score_sheet (id, assignment_id, status, scores, total, submitted_at, version)
       SELECT ra.id, ra.id, 'submitted', jsonb_build_object('need', t), t, timestamptz '2026-03-01', 1
       FROM (SELECT id, round(40 + (id::bigint * 40503 % 6000) / 100.0, 2) AS t FROM review_assignment) ra;`,
    );
  }
  const awarded = `(${AWARDED_STATUSES.map((s) => `'${s}'`).join(', ')})`;
  step(
    'award decisions, awards, projects',
    `INSERT INTO award_decision (id, competition_id, method, algorithm_version, inputs, result, status, total_fen,
       decided_by_user_id, version)
     SELECT c, c, 'rank_order', 'bench-1', '{}', '{}', 'approved',
            (SELECT coalesce(sum(requested_subsidy_fen), 0) FROM application a WHERE a.competition_id = c AND a.status IN ${awarded}),
            1, 1
     FROM generate_series(1, ${C}) c;
     INSERT INTO award (id, decision_id, application_id, amount_fen, status, score, rank, version)
     SELECT a.id, a.competition_id, a.id, a.requested_subsidy_fen, 'approved', r.score, r.rank, 1
     FROM application a JOIN application_ranking r ON r.application_id = a.id WHERE a.status IN ${awarded};
     INSERT INTO project (id, application_id, award_id, competition_id, budget_line_id, street_id, community_id, title,
       amount_fen, status, final_inspection_kind, rectification_deadline, acceptance_passed_at, version)
     SELECT a.id, a.id, a.id, a.competition_id, c.budget_line_id, a.street_id, a.community_id, a.title, a.requested_subsidy_fen,
            CASE a.status WHEN 'approved' THEN 'in_progress' ELSE a.status END, 'acceptance',
            CASE WHEN a.status = 'rectification' THEN date '2026-11-30' END,
            CASE WHEN a.status IN ('accepted', 'closed') THEN timestamptz '2026-11-01' END, 1
     FROM application a JOIN competition c ON c.id = a.competition_id WHERE a.status IN ${awarded};`,
  );
  step(
    'ledger: commitments, payments, line totals',
    `INSERT INTO ledger_entry (id, budget_line_id, kind, source, source_id, amount_fen, actor_user_id, created_at)
     SELECT w.id, p.budget_line_id, 'commitment', 'award', w.id, w.amount_fen, 1, timestamptz '2026-03-20'
     FROM award w JOIN project p ON p.award_id = w.id;
     INSERT INTO ledger_entry (id, budget_line_id, kind, source, source_id, amount_fen, actor_user_id, created_at)
     SELECT ${N} + p.id, p.budget_line_id, 'payment', 'award', p.award_id,
            CASE WHEN p.status IN ('accepted', 'closed') THEN p.amount_fen ELSE p.amount_fen / 2 END, 2,
            timestamptz '2026-04-01' + (p.id % 200) * interval '1 day'
     FROM project p WHERE p.status IN ('in_progress', 'accepted', 'closed');
     INSERT INTO payment (id, source, project_id, budget_line_id, unit_id, amount_fen, purpose, status, requested_by_user_id,
       requested_at, approved_by_user_id, approved_at, paid_on, voucher_no, bank_reference, recorded_by_user_id, recorded_at,
       ledger_entry_id, version)
     SELECT e.id, 'award', p.id, e.budget_line_id, p.street_id, e.amount_fen, '压测拨付', 'paid', 1, e.created_at, 2, e.created_at,
            e.created_at::date, 'BENCH-V' || e.id, 'BENCH-B' || e.id, 2, e.created_at, e.id, 1
     FROM ledger_entry e JOIN project p ON p.award_id = e.source_id WHERE e.kind = 'payment';
     UPDATE budget_line l SET
       committed_fen = coalesce((SELECT sum(amount_fen) FROM ledger_entry e WHERE e.budget_line_id = l.id AND e.kind = 'commitment'), 0),
       paid_fen = coalesce((SELECT sum(amount_fen) FROM ledger_entry e WHERE e.budget_line_id = l.id AND e.kind = 'payment'), 0);`,
  );
  // The figures the triggers of migration 1764000000900 keep (they do not fire under
  // session_replication_role = replica): summed here as that migration sums existing rows.
  step(
    'ledger and project figures',
    `INSERT INTO ledger_figure (budget_line_id, month, committed_fen, paid_fen, entries)
     SELECT e.budget_line_id, to_char(e.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM'),
            coalesce(sum(e.amount_fen) FILTER (WHERE e.kind IN ('commitment', 'decommitment')), 0),
            coalesce(sum(e.amount_fen) FILTER (WHERE e.kind IN ('payment', 'payment_reversal')), 0), count(*)
     FROM ledger_entry e WHERE e.kind <> 'adjustment' GROUP BY 1, 2;
     INSERT INTO ledger_street_figure (street_id, budget_line_id, awarded_fen, paid_fen)
     SELECT a.street_id, e.budget_line_id,
            coalesce(sum(e.amount_fen) FILTER (WHERE e.kind IN ('commitment', 'decommitment')), 0),
            coalesce(sum(e.amount_fen) FILTER (WHERE e.kind IN ('payment', 'payment_reversal')), 0)
     FROM ledger_entry e JOIN application a ON a.id = e.source_id
     WHERE e.source = 'award' AND e.kind <> 'adjustment' GROUP BY 1, 2;
     INSERT INTO project_figure (street_id, status, projects) SELECT street_id, status, count(*) FROM project GROUP BY 1, 2;`,
  );
  // Likewise the roll-up figures of migration 1764000001000 (the city officer's roll-ups read them).
  step(
    'roll-up figures',
    `INSERT INTO application_figure (competition_id, status, applications)
     SELECT competition_id, status, count(*)::int FROM application GROUP BY 1, 2;
     INSERT INTO award_figure (competition_id, status, awards, amount_fen)
     SELECT d.competition_id, w.status, count(*)::int, sum(w.amount_fen)
     FROM award w JOIN award_decision d ON d.id = w.decision_id GROUP BY 1, 2;
     INSERT INTO project_line_figure (budget_line_id, projects, accepted)
     SELECT budget_line_id, count(*)::int,
            count(*) FILTER (WHERE acceptance_passed_at IS NOT NULL OR supervision_passed_at IS NOT NULL)::int
     FROM project GROUP BY 1;`,
  );
  // The admin's district pays its retired community cadres by quarter (a programme on a budget line
  // of its own, the month rule in a rule version). ID numbers: region 530114, a birth date in
  // 1945–1959 and a sequence number (unique together), the GB 11643 check character computed here.
  // Each street's report of STIPEND_QUARTER is approved (submitted and audited by the district
  // admin, who may do both); as a first report, its changes are every person's addition.
  const { year, quarter } = STIPEND_QUARTER;
  step(
    `stipends: programme, ${P.toLocaleString('en')} people, approved ${year}Q${quarter} street reports`,
    `INSERT INTO budget_line (id, programme_id, name, amount_fen, unit_id, version)
     VALUES (${LINES + 1}, 1, '压测离任社区干部生活补贴', 100000000000, ${FIRST_DISTRICT}, 1);
     INSERT INTO stipend_programme (id, budget_line_id, kind, roster_kind, name, report_reminder_days, unit_id, version)
     VALUES (${STIPEND_PROGRAMME}, ${LINES + 1}, 'monthly_quarterly', 'retired_cadre', '压测离任社区干部生活补贴', 10, ${FIRST_DISTRICT}, 1);
     INSERT INTO stipend_rule_version (id, programme_id, document_number, title, effective_from, rules, created_by_user_id)
     VALUES (1, ${STIPEND_PROGRAMME}, '压测〔2018〕1号', '压测发放规则', '2018-01-01',
             '{"monthRule":"start_next_month_end_month_inclusive"}', 1);
     INSERT INTO stipend_person (id, programme_id, street_id, community_id, name, national_id, birth_date, sex, departure_date,
       normal_departure, eligible_from, monthly_rate_fen, bank_name, bank_account, status, version)
     SELECT i, ${STIPEND_PROGRAMME}, ${FIRST_STREET} + m / ${COMMUNITIES_PER_STREET}, ${firstCommunity} + m, '压测人员' || i,
            f || substr('${ID_CHECK}', 1 + (
              SELECT sum(substr(f, k, 1)::int * (ARRAY[${ID_WEIGHTS}])[k]) FROM generate_series(1, 17) k)::int % 11, 1),
            birth, CASE WHEN seq % 2 = 1 THEN 'male' ELSE 'female' END, departure, true, departure,
            50000 + (i % 7) * 5000, '压测银行', '6228480099' || lpad(i::text, 9, '0'), 'active', 1
     FROM (SELECT i, (i::bigint * 7919) % ${perDistrict} AS m, date '1945-01-01' + i % 5475 AS birth, i / 5475 AS seq,
                  (ARRAY[date '2013-04-15', date '2016-03-20', date '2021-01-10'])[1 + i % 3] AS departure
           FROM generate_series(1, ${P}) i) x,
          LATERAL (SELECT '530114' || to_char(x.birth, 'YYYYMMDD') || lpad(x.seq::text, 3, '0') AS f) nid;
     INSERT INTO stipend_street_report (id, programme_id, street_id, year, quarter, status, changes, people_count,
       monthly_total_fen, submitted_by_user_id, submitted_at, audited_by_user_id, audited_at, version)
     SELECT row_number() OVER (ORDER BY p.street_id), ${STIPEND_PROGRAMME}, p.street_id, ${year}, ${quarter}, 'approved',
            jsonb_agg(jsonb_build_object('kind', 'addition', 'personId', p.id, 'name', p.name,
                                         'effectiveDate', p.eligible_from::text, 'before', NULL,
                                         'after', to_char(p.monthly_rate_fen / 100.0, 'FM999999990.00') || ' 元/月')
                      ORDER BY p.id),
            count(*), sum(p.monthly_rate_fen), 1, timestamptz '${year}-01-01' + interval '3 months 2 days', 1,
            timestamptz '${year}-01-01' + interval '3 months 7 days', 2
     FROM stipend_person p WHERE p.programme_id = ${STIPEND_PROGRAMME} GROUP BY p.street_id;
     INSERT INTO stipend_report_entry (id, report_id, person_id, community_id, name, national_id, monthly_rate_fen,
       eligible_from, eligible_until, status, bank_name, bank_account, detail)
     SELECT p.id, r.id, p.id, p.community_id, p.name, p.national_id, p.monthly_rate_fen, p.eligible_from, NULL, p.status,
            p.bank_name, p.bank_account, NULL
     FROM stipend_person p JOIN stipend_street_report r ON r.programme_id = p.programme_id AND r.street_id = p.street_id
       AND r.year = ${year} AND r.quarter = ${quarter};`,
  );
  // Everything above runs with session_replication_role = replica (no per-row foreign-key and
  // conflict-of-interest triggers: 5M review rows would take most of an hour); the same rules are
  // then checked set-based. The audit rows need their trigger (it computes the hash chain).
  step('checks: every foreign key, the conflict-of-interest rule, the stipend rules, set-based', CHECKS, {
    triggers: true,
  });
  if (audit > 0) {
    step(
      `audit rows (${audit.toLocaleString('en')}, hash chain by the trigger)`,
      `INSERT INTO audit_event (occurred_at, actor_user_id, actor_username, action, entity_type, entity_id, after)
       SELECT timestamptz '2026-01-01 00:00+08' + g * (interval '334 days' / ${audit}), ${firstOfficer} + g % ${communities},
              'c' || (g % ${communities}), (ARRAY['application.update','application.submit','application.street_forward'])[1 + g % 3],
              'application', (1 + g % ${N})::text, jsonb_build_object('n', g)
       FROM generate_series(1, ${audit}) g;`,
      { triggers: true },
    );
  }
  step(
    'sequences',
    `DO $$ DECLARE t text; BEGIN
       FOREACH t IN ARRAY ARRAY['org_unit','app_user','programme','budget_line','competition','competition_category',
         'review_panel','application','review_assignment','score_sheet','award_decision','award','project','ledger_entry','payment',
         'stipend_programme','stipend_rule_version','stipend_person','stipend_street_report','stipend_report_entry']
       LOOP
         EXECUTE format('SELECT setval(pg_get_serial_sequence(%L, ''id''), (SELECT coalesce(max(id), 0) + 1 FROM %I), false)', t, t);
       END LOOP;
     END $$;`,
  );
  step('vacuum analyze', 'VACUUM ANALYZE', { triggers: true });
  return steps;
}
