import type pg from 'pg';

/**
 * The ledger and project figures (migration 1764000000900) and the roll-up figures (1764000001000) recomputed from the base rows, as
 * differences: one row per key where the kept figure and the recomputed one differ. Empty when
 * the figures are exact. A kept row of zeros with nothing behind it (all its entries deleted, or
 * all its projects moved to another status) is no difference.
 */
export async function figureDifferences(db: pg.Pool): Promise<string[]> {
  const checks: Record<string, string> = {
    // Per budget line and month (Asia/Shanghai) of the entry: net commitments, net payments, entries.
    ledger_figure: `
      WITH recomputed AS (
        SELECT e.budget_line_id, to_char(e.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month,
               coalesce(sum(e.amount_fen) FILTER (WHERE e.kind IN ('commitment', 'decommitment')), 0) AS committed_fen,
               coalesce(sum(e.amount_fen) FILTER (WHERE e.kind IN ('payment', 'payment_reversal')), 0) AS paid_fen,
               count(*)::int AS entries
        FROM ledger_entry e WHERE e.kind <> 'adjustment' GROUP BY 1, 2
      )
      SELECT coalesce(r.budget_line_id, f.budget_line_id) || ' ' || coalesce(r.month, f.month) AS key,
             json_build_object('committed', r.committed_fen, 'paid', r.paid_fen, 'entries', r.entries) AS recomputed,
             json_build_object('committed', f.committed_fen, 'paid', f.paid_fen, 'entries', f.entries) AS kept
      FROM recomputed r FULL JOIN ledger_figure f ON f.budget_line_id = r.budget_line_id AND f.month = r.month
      WHERE (coalesce(r.committed_fen, 0), coalesce(r.paid_fen, 0), coalesce(r.entries, 0))
            IS DISTINCT FROM (coalesce(f.committed_fen, 0), coalesce(f.paid_fen, 0), coalesce(f.entries, 0))`,
    // Per street and line: the street's approved awards (by the application's street, on their
    // competition's line) and the paid payments to its projects (by the project's street and line),
    // from the award and payment rows themselves — what the ledger dashboard summed before.
    ledger_street_figure: `
      WITH awarded AS (
        SELECT a.street_id, c.budget_line_id, sum(w.amount_fen) AS fen
        FROM award w JOIN application a ON a.id = w.application_id JOIN competition c ON c.id = a.competition_id
        WHERE w.status = 'approved' GROUP BY 1, 2
      ), paid AS (
        SELECT p.street_id, pay.budget_line_id, sum(pay.amount_fen) AS fen
        FROM payment pay JOIN project p ON p.id = pay.project_id WHERE pay.status = 'paid' GROUP BY 1, 2
      ), recomputed AS (
        SELECT coalesce(awarded.street_id, paid.street_id) AS street_id,
               coalesce(awarded.budget_line_id, paid.budget_line_id) AS budget_line_id,
               coalesce(awarded.fen, 0) AS awarded_fen, coalesce(paid.fen, 0) AS paid_fen
        FROM awarded FULL JOIN paid ON paid.street_id = awarded.street_id AND paid.budget_line_id = awarded.budget_line_id
      )
      SELECT coalesce(r.street_id, f.street_id) || ' ' || coalesce(r.budget_line_id, f.budget_line_id) AS key,
             json_build_object('awarded', r.awarded_fen, 'paid', r.paid_fen) AS recomputed,
             json_build_object('awarded', f.awarded_fen, 'paid', f.paid_fen) AS kept
      FROM recomputed r FULL JOIN ledger_street_figure f ON f.street_id = r.street_id AND f.budget_line_id = r.budget_line_id
      WHERE (coalesce(r.awarded_fen, 0), coalesce(r.paid_fen, 0)) IS DISTINCT FROM (coalesce(f.awarded_fen, 0), coalesce(f.paid_fen, 0))`,
    // Per street and status: projects.
    project_figure: `
      WITH recomputed AS (SELECT street_id, status, count(*)::int AS projects FROM project GROUP BY 1, 2)
      SELECT coalesce(r.street_id, f.street_id) || ' ' || coalesce(r.status, f.status) AS key,
             json_build_object('projects', r.projects) AS recomputed, json_build_object('projects', f.projects) AS kept
      FROM recomputed r FULL JOIN project_figure f ON f.street_id = r.street_id AND f.status = r.status
      WHERE coalesce(r.projects, 0) <> coalesce(f.projects, 0)`,
    // Roll-up figures (migration 1764000001000). Per competition and status: applications.
    application_figure: `
      WITH recomputed AS (SELECT competition_id, status, count(*)::int AS n FROM application GROUP BY 1, 2)
      SELECT coalesce(r.competition_id, f.competition_id) || ' ' || coalesce(r.status, f.status) AS key,
             json_build_object('applications', r.n) AS recomputed, json_build_object('applications', f.applications) AS kept
      FROM recomputed r FULL JOIN application_figure f ON f.competition_id = r.competition_id AND f.status = r.status
      WHERE coalesce(r.n, 0) <> coalesce(f.applications, 0)`,
    // Per competition (the award's decision's) and award status: awards and their amounts.
    award_figure: `
      WITH recomputed AS (
        SELECT d.competition_id, w.status, count(*)::int AS n, sum(w.amount_fen) AS fen
        FROM award w JOIN award_decision d ON d.id = w.decision_id GROUP BY 1, 2
      )
      SELECT coalesce(r.competition_id, f.competition_id) || ' ' || coalesce(r.status, f.status) AS key,
             json_build_object('awards', r.n, 'fen', r.fen) AS recomputed,
             json_build_object('awards', f.awards, 'fen', f.amount_fen) AS kept
      FROM recomputed r FULL JOIN award_figure f ON f.competition_id = r.competition_id AND f.status = r.status
      WHERE (coalesce(r.n, 0), coalesce(r.fen, 0)) IS DISTINCT FROM (coalesce(f.awards, 0), coalesce(f.amount_fen, 0))`,
    // Per budget line: projects, and those accepted (acceptance or supervision passed).
    project_line_figure: `
      WITH recomputed AS (
        SELECT budget_line_id, count(*)::int AS n,
               count(*) FILTER (WHERE acceptance_passed_at IS NOT NULL OR supervision_passed_at IS NOT NULL)::int AS accepted
        FROM project GROUP BY 1
      )
      SELECT coalesce(r.budget_line_id, f.budget_line_id)::text AS key,
             json_build_object('projects', r.n, 'accepted', r.accepted) AS recomputed,
             json_build_object('projects', f.projects, 'accepted', f.accepted) AS kept
      FROM recomputed r FULL JOIN project_line_figure f ON f.budget_line_id = r.budget_line_id
      WHERE (coalesce(r.n, 0), coalesce(r.accepted, 0)) IS DISTINCT FROM (coalesce(f.projects, 0), coalesce(f.accepted, 0))`,
  };
  const differences: string[] = [];
  for (const [table, sql] of Object.entries(checks)) {
    const rows = (await db.query(sql)).rows as Array<{ key: string; recomputed: unknown; kept: unknown }>;
    for (const row of rows)
      differences.push(
        `${table} ${row.key}: recomputed ${JSON.stringify(row.recomputed)}, kept ${JSON.stringify(row.kept)}`,
      );
  }
  return differences;
}

/** Every kept figure, for comparing before and after a refused change. */
export async function figureSnapshot(db: pg.Pool): Promise<unknown[]> {
  const rows = await db.query(
    `SELECT 'ledger_figure' AS t, budget_line_id || ' ' || month AS key, committed_fen || ' ' || paid_fen || ' ' || entries AS v FROM ledger_figure
     UNION ALL SELECT 'ledger_street_figure', street_id || ' ' || budget_line_id, awarded_fen || ' ' || paid_fen FROM ledger_street_figure
     UNION ALL SELECT 'project_figure', street_id || ' ' || status, projects::text FROM project_figure
     UNION ALL SELECT 'application_figure', competition_id || ' ' || status, applications::text FROM application_figure
     UNION ALL SELECT 'award_figure', competition_id || ' ' || status, awards || ' ' || amount_fen FROM award_figure
     UNION ALL SELECT 'project_line_figure', budget_line_id::text, projects || ' ' || accepted FROM project_line_figure
     ORDER BY 1, 2`,
  );
  return rows.rows;
}

/** How many rows the figures hold (the differences above are only meaningful when they hold some). */
export async function figureRows(db: pg.Pool): Promise<Record<string, number>> {
  const row = (
    await db.query(
      `SELECT (SELECT count(*) FROM ledger_figure)::int AS ledger_figure,
              (SELECT count(*) FROM ledger_street_figure)::int AS ledger_street_figure,
              (SELECT count(*) FROM project_figure)::int AS project_figure,
              (SELECT count(*) FROM application_figure)::int AS application_figure,
              (SELECT count(*) FROM award_figure)::int AS award_figure,
              (SELECT count(*) FROM project_line_figure)::int AS project_line_figure`,
    )
  ).rows[0];
  return row;
}
