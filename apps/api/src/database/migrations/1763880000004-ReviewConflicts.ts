import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Conflicts of interest as one view, and a trigger that makes a conflicted assignment impossible
 * whatever code path inserts it.
 *
 * Automatic conflicts: a reviewer's affiliations are the units in their profile plus their own
 * account's unit (the district itself excluded: everyone belongs to it). A reviewer conflicts with
 * an application when an affiliation is its street, its community or its partner organisation.
 */
export class ReviewConflicts1763880000004 implements MigrationInterface {
  name = 'ReviewConflicts1763880000004';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE VIEW reviewer_affiliation AS
      SELECT u.id AS reviewer_user_id, x.unit_id
      FROM app_user u
      LEFT JOIN reviewer_profile p ON p.user_id = u.id
      CROSS JOIN LATERAL unnest(coalesce(p.affiliation_unit_ids, '{}') || u.unit_id) AS x(unit_id)
      JOIN org_unit o ON o.id = x.unit_id AND o.kind <> 'district'
      WHERE 'reviewer' = ANY(u.roles)`);
    await queryRunner.query(`
      CREATE VIEW review_conflict AS
      SELECT a.id AS application_id, r.reviewer_user_id, 'automatic'::varchar AS kind, 'affiliation'::varchar AS category
        FROM reviewer_affiliation r JOIN application a ON a.street_id = r.unit_id
      UNION
      SELECT a.id, r.reviewer_user_id, 'automatic', 'affiliation'
        FROM reviewer_affiliation r JOIN application a ON a.community_id = r.unit_id
      UNION
      SELECT a.id, r.reviewer_user_id, 'automatic', 'affiliation'
        FROM reviewer_affiliation r JOIN application a ON a.partner_org_id = r.unit_id
      UNION
      SELECT application_id, reviewer_user_id, kind, category FROM review_conflict_record`);
    await queryRunner.query(`
      CREATE FUNCTION review_assignment_refuse_conflict() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM review_conflict c
                   WHERE c.application_id = NEW.application_id AND c.reviewer_user_id = NEW.reviewer_user_id) THEN
          RAISE EXCEPTION 'reviewer % has a conflict of interest with application %', NEW.reviewer_user_id, NEW.application_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'review_assignment_no_conflict';
        END IF;
        RETURN NEW;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER review_assignment_no_conflict BEFORE INSERT OR UPDATE ON review_assignment
      FOR EACH ROW EXECUTE FUNCTION review_assignment_refuse_conflict()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER review_assignment_no_conflict ON review_assignment`);
    await queryRunner.query(`DROP FUNCTION review_assignment_refuse_conflict()`);
    await queryRunner.query(`DROP VIEW review_conflict`);
    await queryRunner.query(`DROP VIEW reviewer_affiliation`);
  }
}
