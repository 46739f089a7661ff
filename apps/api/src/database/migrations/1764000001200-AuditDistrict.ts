import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 13 §6 and §7: an audit event carries the district it belongs to, so that a district's page
 * of a 10,000,000-event log is one indexed walk. The page used to test every event against the
 * reader's subtree (the actor's account, or for a system event the record it is about) while
 * walking the log newest first through all fifty monthly partitions: at 10,000,000 events over 100
 * districts (1 % a district's) that read ~6,000 rows of other districts for a page of 50 — 28 ms of
 * planning and 35–41 ms of execution alone, seconds at 20 connections.
 *
 * The column is derived, never written by the API: a BEFORE INSERT trigger sets it to the district
 * of the actor's unit, or — for a system event (no actor) — of the record the event is about (an
 * org unit, an application, a project or a payment), which is exactly the test the page made.
 * Events of accounts above districts (a city's) and system events about nothing district-bound
 * keep NULL and are read through the subtree test, as before. Not part of the hash chain (the
 * chain covers what happened; the district is where it is filed, derived from what the chain
 * covers). Existing events are filled once here, the append-only guard lifted for that statement
 * only, inside this migration's transaction.
 */
export class AuditDistrict1764000001200 implements MigrationInterface {
  name = 'AuditDistrict1764000001200';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // The district of a unit: itself, or the ancestor that is one (NULL above districts).
    await queryRunner.query(`
      CREATE FUNCTION org_unit_district(unit integer) RETURNS integer LANGUAGE sql STABLE AS $$
        SELECT d.id FROM org_unit u JOIN org_unit d ON d.id = ANY(u.ancestor_ids || u.id)
        WHERE u.id = unit AND d.kind = 'district'
      $$`);
    await queryRunner.query(`ALTER TABLE "audit_event" ADD "district_id" integer`);
    // Existing events, set-based (an account's, then a system event's by its record), with the
    // append-only guard lifted for these statements only.
    await queryRunner.query(`DROP TRIGGER audit_event_no_update_delete ON audit_event`);
    await queryRunner.query(`
      UPDATE audit_event e SET district_id = x.district
      FROM (SELECT u.id, org_unit_district(u.unit_id) AS district FROM app_user u) x
      WHERE e.actor_user_id = x.id AND x.district IS NOT NULL`);
    await queryRunner.query(`
      UPDATE audit_event e SET district_id = x.district
      FROM (
        SELECT 'org_unit' AS entity_type, o.id::text AS entity_id, org_unit_district(o.id) AS district FROM org_unit o
        UNION ALL SELECT 'application', a.id::text, a.district_id FROM application a
        UNION ALL SELECT 'project', p.id::text, s.parent_id FROM project p JOIN org_unit s ON s.id = p.street_id
        UNION ALL SELECT 'payment', p.id::text, org_unit_district(p.unit_id) FROM payment p
      ) x
      WHERE e.actor_user_id IS NULL AND e.entity_type = x.entity_type AND e.entity_id = x.entity_id
        AND x.district IS NOT NULL`);
    await queryRunner.query(
      `CREATE TRIGGER audit_event_no_update_delete BEFORE UPDATE OR DELETE ON audit_event FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change()`,
    );
    // New events: the same rule per row, each lookup a primary-key probe (plans kept by PL/pgSQL).
    await queryRunner.query(`
      CREATE FUNCTION audit_event_district() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        entity integer;
      BEGIN
        IF NEW.actor_user_id IS NOT NULL THEN
          SELECT d.id INTO NEW.district_id
          FROM app_user u JOIN org_unit o ON o.id = u.unit_id
               JOIN org_unit d ON d.id = ANY(o.ancestor_ids || o.id) AND d.kind = 'district'
          WHERE u.id = NEW.actor_user_id;
          RETURN NEW;
        END IF;
        NEW.district_id := NULL;
        IF NEW.entity_id IS NULL OR NEW.entity_id !~ '^[0-9]{1,9}$' THEN
          RETURN NEW;
        END IF;
        entity := NEW.entity_id::integer;
        IF NEW.entity_type = 'application' THEN
          SELECT a.district_id INTO NEW.district_id FROM application a WHERE a.id = entity;
        ELSIF NEW.entity_type = 'project' THEN
          SELECT s.parent_id INTO NEW.district_id FROM project p JOIN org_unit s ON s.id = p.street_id WHERE p.id = entity;
        ELSIF NEW.entity_type = 'payment' THEN
          SELECT d.id INTO NEW.district_id
          FROM payment p JOIN org_unit o ON o.id = p.unit_id
               JOIN org_unit d ON d.id = ANY(o.ancestor_ids || o.id) AND d.kind = 'district'
          WHERE p.id = entity;
        ELSIF NEW.entity_type = 'org_unit' THEN
          SELECT d.id INTO NEW.district_id
          FROM org_unit o JOIN org_unit d ON d.id = ANY(o.ancestor_ids || o.id) AND d.kind = 'district'
          WHERE o.id = entity;
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER audit_event_district BEFORE INSERT ON audit_event FOR EACH ROW EXECUTE FUNCTION audit_event_district()`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_audit_event_district" ON "audit_event" ("district_id", "seq")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_audit_event_district"`);
    await queryRunner.query(`DROP TRIGGER audit_event_district ON audit_event`);
    await queryRunner.query(`DROP FUNCTION audit_event_district()`);
    await queryRunner.query(`ALTER TABLE "audit_event" DROP COLUMN "district_id"`);
    await queryRunner.query(`DROP FUNCTION org_unit_district(integer)`);
  }
}
