import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Net commitments and net payments of ledger entries `e` (their amounts are signed). */
const COMMITTED = `coalesce(sum(e.amount_fen) FILTER (WHERE e.kind IN ('commitment', 'decommitment')), 0)`;
const PAID = `coalesce(sum(e.amount_fen) FILTER (WHERE e.kind IN ('payment', 'payment_reversal')), 0)`;
/** The same over changed entries carrying their `direction` (+1 added, -1 taken away). */
const signed = (sum: string) => sum.replace('sum(e.amount_fen)', 'sum(e.direction * e.amount_fen)');
const MONTH = `to_char(e.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')`;

/**
 * Issue 13 §2: the ledger's figures kept with each money movement, so that the dashboards read a
 * few rows instead of grouping the award, payment, project and ledger tables on every request.
 *
 * - `ledger_figure` (budgets): per budget line and month, net commitments, net payments, entries.
 * - `ledger_street_figure` (budgets): per street and budget line, what its awards committed and
 *   what was paid to its projects (ledger entries of source 'award', by the application's street).
 * - `project_figure` (delivery): per street and status, how many projects.
 *
 * Kept by statement-level AFTER INSERT, UPDATE and DELETE triggers on the owning module's own
 * table (ledger_entry for the budgets' figures, project for the delivery's), declared here: they
 * run inside the writing statement's transaction whatever the writer (the services, the seeds,
 * set-based imports), roll back with it, and add to the figures with INSERT … ON CONFLICT DO
 * UPDATE SET x = x + EXCLUDED.x, which the row lock on the figure makes exact under concurrent
 * writers. Rows of one statement are
 * upserted in key order, so two writers never take the figures' row locks in opposite orders within
 * a statement; ledger movements come after the budget line's row lock (LedgerService), so the
 * ledger figures of a line are written by one transaction at a time.
 *
 * A ledger entry's street is its application's, read when the entry is written (an application
 * keeps its street once it is funded).
 *
 * The existing rows are summed in here (the tables are locked against writes meanwhile), so a
 * deployment is right as soon as it has migrated.
 */
export class LedgerFigures1764000000900 implements MigrationInterface {
  name = 'LedgerFigures1764000000900';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`LOCK TABLE "ledger_entry", "project" IN SHARE MODE`);
    await queryRunner.query(`CREATE TABLE "ledger_figure" ("budget_line_id" integer NOT NULL, "month" character varying(7) NOT NULL, "committed_fen" bigint NOT NULL DEFAULT '0', "paid_fen" bigint NOT NULL DEFAULT '0', "entries" integer NOT NULL DEFAULT '0', CONSTRAINT "pk_ledger_figure" PRIMARY KEY ("budget_line_id", "month"))`);
    await queryRunner.query(`CREATE TABLE "ledger_street_figure" ("street_id" integer NOT NULL, "budget_line_id" integer NOT NULL, "awarded_fen" bigint NOT NULL DEFAULT '0', "paid_fen" bigint NOT NULL DEFAULT '0', CONSTRAINT "pk_ledger_street_figure" PRIMARY KEY ("street_id", "budget_line_id"))`);
    await queryRunner.query(`CREATE TABLE "project_figure" ("street_id" integer NOT NULL, "status" character varying(30) NOT NULL, "projects" integer NOT NULL DEFAULT '0', CONSTRAINT "pk_project_figure" PRIMARY KEY ("street_id", "status"))`);

    // One function for the three triggers: the changed entries signed (+1 as they are now, -1 as
    // they were), so an insert adds, a delete takes away and an update (the demo's story clock
    // re-dates entries) moves the amounts between months. Rows whose sums do not move are skipped,
    // so an update that changes nothing here locks no figure. The transition tables differ per
    // operation, hence the dynamic statement.
    await queryRunner.query(`CREATE FUNCTION ledger_entry_figures() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE changed text := CASE TG_OP
  WHEN 'INSERT' THEN 'SELECT n.*, 1 AS direction FROM new_rows n'
  WHEN 'DELETE' THEN 'SELECT o.*, -1 AS direction FROM old_rows o'
  ELSE 'SELECT n.*, 1 AS direction FROM new_rows n UNION ALL SELECT o.*, -1 FROM old_rows o' END;
BEGIN
  EXECUTE format($f$
    INSERT INTO ledger_figure (budget_line_id, month, committed_fen, paid_fen, entries)
    SELECT * FROM (
      SELECT e.budget_line_id, ${MONTH} AS month, ${signed(COMMITTED)} AS committed, ${signed(PAID)} AS paid,
             sum(e.direction)::int AS entries
      FROM (%s) e WHERE e.kind <> 'adjustment' GROUP BY 1, 2) f
    WHERE f.committed <> 0 OR f.paid <> 0 OR f.entries <> 0
    ORDER BY 1, 2
    ON CONFLICT (budget_line_id, month) DO UPDATE SET
      committed_fen = ledger_figure.committed_fen + EXCLUDED.committed_fen,
      paid_fen = ledger_figure.paid_fen + EXCLUDED.paid_fen,
      entries = ledger_figure.entries + EXCLUDED.entries$f$, changed);
  EXECUTE format($f$
    INSERT INTO ledger_street_figure (street_id, budget_line_id, awarded_fen, paid_fen)
    SELECT * FROM (
      SELECT a.street_id, e.budget_line_id, ${signed(COMMITTED)} AS committed, ${signed(PAID)} AS paid
      FROM (%s) e JOIN application a ON a.id = e.source_id
      WHERE e.source = 'award' AND e.kind <> 'adjustment' GROUP BY 1, 2) f
    WHERE f.committed <> 0 OR f.paid <> 0
    ORDER BY 1, 2
    ON CONFLICT (street_id, budget_line_id) DO UPDATE SET
      awarded_fen = ledger_street_figure.awarded_fen + EXCLUDED.awarded_fen,
      paid_fen = ledger_street_figure.paid_fen + EXCLUDED.paid_fen$f$, changed);
  RETURN NULL;
END $$`);
    await queryRunner.query(`CREATE TRIGGER ledger_entry_figures_insert AFTER INSERT ON "ledger_entry"
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_entry_figures()`);
    await queryRunner.query(`CREATE TRIGGER ledger_entry_figures_update AFTER UPDATE ON "ledger_entry"
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_entry_figures()`);
    await queryRunner.query(`CREATE TRIGGER ledger_entry_figures_delete AFTER DELETE ON "ledger_entry"
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_entry_figures()`);

    await queryRunner.query(`CREATE FUNCTION project_figures() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO project_figure (street_id, status, projects)
    SELECT street_id, status, count(*)::int FROM new_rows GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (street_id, status) DO UPDATE SET projects = project_figure.projects + EXCLUDED.projects;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO project_figure (street_id, status, projects)
    SELECT street_id, status, -count(*)::int FROM old_rows GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (street_id, status) DO UPDATE SET projects = project_figure.projects + EXCLUDED.projects;
  ELSE
    -- Only the rows whose street or status changed move a count.
    INSERT INTO project_figure (street_id, status, projects)
    SELECT street_id, status, sum(n)::int
    FROM (SELECT n.street_id, n.status, 1 AS n FROM new_rows n JOIN old_rows o ON o.id = n.id
            WHERE (n.street_id, n.status) IS DISTINCT FROM (o.street_id, o.status)
          UNION ALL
          SELECT o.street_id, o.status, -1 FROM new_rows n JOIN old_rows o ON o.id = n.id
            WHERE (n.street_id, n.status) IS DISTINCT FROM (o.street_id, o.status)) moved
    GROUP BY 1, 2 HAVING sum(n) <> 0 ORDER BY 1, 2
    ON CONFLICT (street_id, status) DO UPDATE SET projects = project_figure.projects + EXCLUDED.projects;
  END IF;
  RETURN NULL;
END $$`);
    await queryRunner.query(`CREATE TRIGGER project_figures_insert AFTER INSERT ON "project"
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION project_figures()`);
    await queryRunner.query(`CREATE TRIGGER project_figures_update AFTER UPDATE ON "project"
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION project_figures()`);
    await queryRunner.query(`CREATE TRIGGER project_figures_delete AFTER DELETE ON "project"
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION project_figures()`);

    // What is there already.
    await queryRunner.query(`INSERT INTO ledger_figure (budget_line_id, month, committed_fen, paid_fen, entries)
      SELECT e.budget_line_id, ${MONTH}, ${COMMITTED}, ${PAID}, count(*)::int
      FROM ledger_entry e WHERE e.kind <> 'adjustment' GROUP BY 1, 2`);
    await queryRunner.query(`INSERT INTO ledger_street_figure (street_id, budget_line_id, awarded_fen, paid_fen)
      SELECT a.street_id, e.budget_line_id, ${COMMITTED}, ${PAID}
      FROM ledger_entry e JOIN application a ON a.id = e.source_id
      WHERE e.source = 'award' AND e.kind <> 'adjustment' GROUP BY 1, 2`);
    await queryRunner.query(`INSERT INTO project_figure (street_id, status, projects)
      SELECT street_id, status, count(*)::int FROM project GROUP BY 1, 2`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER project_figures_delete ON "project"`);
    await queryRunner.query(`DROP TRIGGER project_figures_update ON "project"`);
    await queryRunner.query(`DROP TRIGGER project_figures_insert ON "project"`);
    await queryRunner.query(`DROP FUNCTION project_figures()`);
    await queryRunner.query(`DROP TRIGGER ledger_entry_figures_delete ON "ledger_entry"`);
    await queryRunner.query(`DROP TRIGGER ledger_entry_figures_update ON "ledger_entry"`);
    await queryRunner.query(`DROP TRIGGER ledger_entry_figures_insert ON "ledger_entry"`);
    await queryRunner.query(`DROP FUNCTION ledger_entry_figures()`);
    await queryRunner.query(`DROP TABLE "project_figure"`);
    await queryRunner.query(`DROP TABLE "ledger_street_figure"`);
    await queryRunner.query(`DROP TABLE "ledger_figure"`);
  }
}
