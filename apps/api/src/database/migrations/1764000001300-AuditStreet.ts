import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 13 §7: an audit event carries the street it belongs to as well as its district, so that a
 * street's page of a 10,000,000-event log is one indexed walk. A street's reader used to walk its
 * district's events newest first through all fifty monthly partitions, testing each against the
 * street's subtree; every partition had to find its first event of the street before the page
 * could start (87–133 ms p99 at 20 connections on the scale data set, against a goal of 100).
 *
 * Filed by the rule of AuditDistrict, one level down: the street of the actor's unit, or — for a
 * system event — of the record it is about (an org unit, an application, a project or a payment);
 * NULL for events of accounts and records above streets. Like the district, the street is where an
 * event was made: an account moved to another street leaves its earlier events with the street it
 * was in. Not part of the hash chain. Existing events are filled once here, the append-only guard
 * lifted for these statements only, inside this migration's transaction. The trigger of
 * AuditDistrict is replaced by one that files both columns with the same lookups.
 */
export class AuditStreet1764000001300 implements MigrationInterface {
  name = 'AuditStreet1764000001300';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // The street of a unit: itself, or the ancestor that is one (NULL above streets).
    await queryRunner.query(`
      CREATE FUNCTION org_unit_street(unit integer) RETURNS integer LANGUAGE sql STABLE AS $$
        SELECT s.id FROM org_unit u JOIN org_unit s ON s.id = ANY(u.ancestor_ids || u.id)
        WHERE u.id = unit AND s.kind = 'street'
      $$`);
    await queryRunner.query(`ALTER TABLE "audit_event" ADD "street_id" integer`);
    await queryRunner.query(`DROP TRIGGER audit_event_no_update_delete ON audit_event`);
    await queryRunner.query(`
      UPDATE audit_event e SET street_id = x.street
      FROM (SELECT u.id, org_unit_street(u.unit_id) AS street FROM app_user u) x
      WHERE e.actor_user_id = x.id AND x.street IS NOT NULL`);
    await queryRunner.query(`
      UPDATE audit_event e SET street_id = x.street
      FROM (
        SELECT 'org_unit' AS entity_type, o.id::text AS entity_id, org_unit_street(o.id) AS street FROM org_unit o
        UNION ALL SELECT 'application', a.id::text, a.street_id FROM application a
        UNION ALL SELECT 'project', p.id::text, p.street_id FROM project p
        UNION ALL SELECT 'payment', p.id::text, org_unit_street(p.unit_id) FROM payment p
      ) x
      WHERE e.actor_user_id IS NULL AND e.entity_type = x.entity_type AND e.entity_id = x.entity_id
        AND x.street IS NOT NULL`);
    await queryRunner.query(
      `CREATE TRIGGER audit_event_no_update_delete BEFORE UPDATE OR DELETE ON audit_event FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change()`,
    );
    // New events: the district and the street of the actor's unit, or of the record, in one lookup
    // per event (each a primary-key probe; plans kept by PL/pgSQL).
    await queryRunner.query(`
      CREATE FUNCTION audit_event_filing() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        entity integer;
        unit integer;
      BEGIN
        NEW.district_id := NULL;
        NEW.street_id := NULL;
        IF NEW.actor_user_id IS NOT NULL THEN
          SELECT u.unit_id INTO unit FROM app_user u WHERE u.id = NEW.actor_user_id;
        ELSIF NEW.entity_id IS NULL OR NEW.entity_id !~ '^[0-9]{1,9}$' THEN
          RETURN NEW;
        ELSE
          entity := NEW.entity_id::integer;
          IF NEW.entity_type = 'application' THEN
            SELECT a.district_id, a.street_id INTO NEW.district_id, NEW.street_id FROM application a WHERE a.id = entity;
            RETURN NEW;
          ELSIF NEW.entity_type = 'project' THEN
            SELECT s.parent_id, p.street_id INTO NEW.district_id, NEW.street_id
            FROM project p JOIN org_unit s ON s.id = p.street_id WHERE p.id = entity;
            RETURN NEW;
          ELSIF NEW.entity_type = 'payment' THEN
            SELECT p.unit_id INTO unit FROM payment p WHERE p.id = entity;
          ELSIF NEW.entity_type = 'org_unit' THEN
            unit := entity;
          END IF;
        END IF;
        IF unit IS NOT NULL THEN
          SELECT max(x.id) FILTER (WHERE x.kind = 'district'), max(x.id) FILTER (WHERE x.kind = 'street')
          INTO NEW.district_id, NEW.street_id
          FROM org_unit o JOIN org_unit x ON x.id = ANY(o.ancestor_ids || o.id)
          WHERE o.id = unit;
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`DROP TRIGGER audit_event_district ON audit_event`);
    await queryRunner.query(
      `CREATE TRIGGER audit_event_filing BEFORE INSERT ON audit_event FOR EACH ROW EXECUTE FUNCTION audit_event_filing()`,
    );
    await queryRunner.query(`CREATE INDEX "idx_audit_event_street" ON "audit_event" ("street_id", "seq")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_audit_event_street"`);
    await queryRunner.query(`DROP TRIGGER audit_event_filing ON audit_event`);
    await queryRunner.query(`DROP FUNCTION audit_event_filing()`);
    await queryRunner.query(
      `CREATE TRIGGER audit_event_district BEFORE INSERT ON audit_event FOR EACH ROW EXECUTE FUNCTION audit_event_district()`,
    );
    await queryRunner.query(`ALTER TABLE "audit_event" DROP COLUMN "street_id"`);
    await queryRunner.query(`DROP FUNCTION org_unit_street(integer)`);
  }
}
