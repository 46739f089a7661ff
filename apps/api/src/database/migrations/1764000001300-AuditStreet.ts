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
    // The street of a unit: itself, or for a community its parent (trigger trg_org_unit_parent_kind:
    // a community sits only under a street, a street only under a district); NULL otherwise.
    await queryRunner.query(`
      CREATE FUNCTION org_unit_street(unit integer) RETURNS integer LANGUAGE sql STABLE AS $$
        SELECT CASE u.kind WHEN 'street' THEN u.id WHEN 'community' THEN u.parent_id END
        FROM org_unit u WHERE u.id = unit
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
    // New events: AuditDistrict's lookups, the street read off the same unit row (by the rule of
    // org_unit_street) — no lookup more than before. Each a primary-key probe; plans kept by PL/pgSQL.
    await queryRunner.query(`
      CREATE FUNCTION audit_event_filing() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        entity integer;
      BEGIN
        NEW.district_id := NULL;
        NEW.street_id := NULL;
        IF NEW.actor_user_id IS NOT NULL THEN
          SELECT d.id, CASE o.kind WHEN 'street' THEN o.id WHEN 'community' THEN o.parent_id END
          INTO NEW.district_id, NEW.street_id
          FROM app_user u JOIN org_unit o ON o.id = u.unit_id
               JOIN org_unit d ON d.id = ANY(o.ancestor_ids || o.id) AND d.kind = 'district'
          WHERE u.id = NEW.actor_user_id;
          RETURN NEW;
        END IF;
        IF NEW.entity_id IS NULL OR NEW.entity_id !~ '^[0-9]{1,9}$' THEN
          RETURN NEW;
        END IF;
        entity := NEW.entity_id::integer;
        IF NEW.entity_type = 'application' THEN
          SELECT a.district_id, a.street_id INTO NEW.district_id, NEW.street_id FROM application a WHERE a.id = entity;
        ELSIF NEW.entity_type = 'project' THEN
          SELECT s.parent_id, p.street_id INTO NEW.district_id, NEW.street_id
          FROM project p JOIN org_unit s ON s.id = p.street_id WHERE p.id = entity;
        ELSIF NEW.entity_type = 'payment' THEN
          SELECT d.id, CASE o.kind WHEN 'street' THEN o.id WHEN 'community' THEN o.parent_id END
          INTO NEW.district_id, NEW.street_id
          FROM payment p JOIN org_unit o ON o.id = p.unit_id
               JOIN org_unit d ON d.id = ANY(o.ancestor_ids || o.id) AND d.kind = 'district'
          WHERE p.id = entity;
        ELSIF NEW.entity_type = 'org_unit' THEN
          SELECT d.id, CASE o.kind WHEN 'street' THEN o.id WHEN 'community' THEN o.parent_id END
          INTO NEW.district_id, NEW.street_id
          FROM org_unit o JOIN org_unit d ON d.id = ANY(o.ancestor_ids || o.id) AND d.kind = 'district'
          WHERE o.id = entity;
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
