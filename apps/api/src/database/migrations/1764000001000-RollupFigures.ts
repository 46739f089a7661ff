import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 13 §2 and §6: the roll-ups across districts read figures kept with each write, not the
 * base rows. Measured on the 1,000,000-application data set (100 districts), a city officer's
 * roll-up counted every application, approved award and project of the year on each request
 * (awards 1.1 s, applications 0.3 s, projects 0.17 s at one connection; p50 8.4 s at 20).
 *
 * - `application_figure` (applications): per competition and status, how many applications.
 * - `award_figure` (awards): per competition and award status, how many awards and their sum.
 * - `project_line_figure` (delivery): per budget line, how many projects and how many accepted.
 *
 * Kept the way LedgerFigures1764000000900 keeps the ledger's: statement-level AFTER INSERT, UPDATE
 * and DELETE triggers on the owner's own table, in the writing statement's transaction, adding
 * signed counts with INSERT … ON CONFLICT DO UPDATE in key order (two writers never take the
 * figures' row locks in opposite orders within a statement). An update that moves nothing counted
 * (most updates: a title, a date) writes no figure and locks nothing. An award's competition is
 * its decision's (not its application's: an award deleted with its application is still counted out).
 *
 * The existing rows are counted in here (the tables are locked against writes meanwhile), so a
 * deployment is right as soon as it has migrated.
 */
export class RollupFigures1764000001000 implements MigrationInterface {
  name = 'RollupFigures1764000001000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`LOCK TABLE "application", "award", "award_decision", "project" IN SHARE MODE`);
    await queryRunner.query(
      `CREATE TABLE "application_figure" ("competition_id" integer NOT NULL, "status" character varying(30) NOT NULL, "applications" integer NOT NULL DEFAULT '0', CONSTRAINT "pk_application_figure" PRIMARY KEY ("competition_id", "status"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "award_figure" ("competition_id" integer NOT NULL, "status" character varying(20) NOT NULL, "awards" integer NOT NULL DEFAULT '0', "amount_fen" bigint NOT NULL DEFAULT '0', CONSTRAINT "pk_award_figure" PRIMARY KEY ("competition_id", "status"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "project_line_figure" ("budget_line_id" integer NOT NULL, "projects" integer NOT NULL DEFAULT '0', "accepted" integer NOT NULL DEFAULT '0', CONSTRAINT "pk_project_line_figure" PRIMARY KEY ("budget_line_id"))`,
    );

    // Each function reads the statement's changed rows signed: +1 as they are now, -1 as they were.
    const changed = (columns: string) => `CASE TG_OP
  WHEN 'INSERT' THEN 'SELECT ${columns}, 1 AS direction FROM new_rows n'
  WHEN 'DELETE' THEN 'SELECT ${columns.replaceAll('n.', 'o.')}, -1 AS direction FROM old_rows o'
  ELSE 'SELECT ${columns}, 1 AS direction FROM new_rows n UNION ALL SELECT ${columns.replaceAll('n.', 'o.')}, -1 FROM old_rows o' END`;

    await queryRunner.query(`CREATE FUNCTION application_figures() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE changed text := ${changed('n.competition_id, n.status')};
BEGIN
  EXECUTE format($f$
    INSERT INTO application_figure (competition_id, status, applications)
    SELECT competition_id, status, sum(direction)::int FROM (%s) e
    GROUP BY 1, 2 HAVING sum(direction) <> 0 ORDER BY 1, 2
    ON CONFLICT (competition_id, status) DO UPDATE SET
      applications = application_figure.applications + EXCLUDED.applications$f$, changed);
  RETURN NULL;
END $$`);
    await queryRunner.query(`CREATE FUNCTION award_figures() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE changed text := ${changed('n.decision_id, n.status, n.amount_fen')};
BEGIN
  EXECUTE format($f$
    INSERT INTO award_figure (competition_id, status, awards, amount_fen)
    SELECT * FROM (
      SELECT d.competition_id, e.status, sum(e.direction)::int AS awards, sum(e.direction * e.amount_fen) AS amount
      FROM (%s) e JOIN award_decision d ON d.id = e.decision_id GROUP BY 1, 2) f
    WHERE f.awards <> 0 OR f.amount <> 0
    ORDER BY 1, 2
    ON CONFLICT (competition_id, status) DO UPDATE SET
      awards = award_figure.awards + EXCLUDED.awards,
      amount_fen = award_figure.amount_fen + EXCLUDED.amount_fen$f$, changed);
  RETURN NULL;
END $$`);
    await queryRunner.query(`CREATE FUNCTION project_line_figures() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE changed text := ${changed(
      'n.budget_line_id, (n.acceptance_passed_at IS NOT NULL OR n.supervision_passed_at IS NOT NULL)::int AS accepted',
    )};
BEGIN
  EXECUTE format($f$
    INSERT INTO project_line_figure (budget_line_id, projects, accepted)
    SELECT * FROM (
      SELECT budget_line_id, sum(direction)::int AS projects, sum(direction * accepted)::int AS accepted
      FROM (%s) e GROUP BY 1) f
    WHERE f.projects <> 0 OR f.accepted <> 0
    ORDER BY 1
    ON CONFLICT (budget_line_id) DO UPDATE SET
      projects = project_line_figure.projects + EXCLUDED.projects,
      accepted = project_line_figure.accepted + EXCLUDED.accepted$f$, changed);
  RETURN NULL;
END $$`);

    for (const [table, fn] of [
      ['application', 'application_figures'],
      ['award', 'award_figures'],
      ['project', 'project_line_figures'],
    ] as const) {
      await queryRunner.query(`CREATE TRIGGER ${fn}_insert AFTER INSERT ON "${table}"
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
      await queryRunner.query(`CREATE TRIGGER ${fn}_update AFTER UPDATE ON "${table}"
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
      await queryRunner.query(`CREATE TRIGGER ${fn}_delete AFTER DELETE ON "${table}"
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
    }

    // What is there already.
    await queryRunner.query(`INSERT INTO application_figure (competition_id, status, applications)
      SELECT competition_id, status, count(*)::int FROM application GROUP BY 1, 2`);
    await queryRunner.query(`INSERT INTO award_figure (competition_id, status, awards, amount_fen)
      SELECT d.competition_id, w.status, count(*)::int, sum(w.amount_fen)
      FROM award w JOIN award_decision d ON d.id = w.decision_id GROUP BY 1, 2`);
    await queryRunner.query(`INSERT INTO project_line_figure (budget_line_id, projects, accepted)
      SELECT budget_line_id, count(*)::int,
             count(*) FILTER (WHERE acceptance_passed_at IS NOT NULL OR supervision_passed_at IS NOT NULL)::int
      FROM project GROUP BY 1`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, fn] of [
      ['application', 'application_figures'],
      ['award', 'award_figures'],
      ['project', 'project_line_figures'],
    ] as const) {
      for (const op of ['insert', 'update', 'delete'])
        await queryRunner.query(`DROP TRIGGER IF EXISTS ${fn}_${op} ON "${table}"`);
      await queryRunner.query(`DROP FUNCTION IF EXISTS ${fn}()`);
    }
    await queryRunner.query(`DROP TABLE IF EXISTS "project_line_figure"`);
    await queryRunner.query(`DROP TABLE IF EXISTS "award_figure"`);
    await queryRunner.query(`DROP TABLE IF EXISTS "application_figure"`);
  }
}
