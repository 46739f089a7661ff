import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What TypeORM cannot declare: the GIN index for org scope, and the audit log's hash chain and
 * immutability, enforced by the database so that no code path can skip or rewrite them.
 */
export class AuditChain1763880000001 implements MigrationInterface {
  name = 'AuditChain1763880000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "idx_org_unit_ancestors" ON "org_unit" USING gin ("ancestor_ids")`);
    await queryRunner.query(`CREATE SEQUENCE "audit_event_seq" AS bigint`);
    // The digest of one event given the previous event's hash. Used by the insert trigger and by
    // the verification query, so both compute exactly the same text.
    await queryRunner.query(`
      CREATE FUNCTION audit_event_digest(e audit_event, previous_hash text) RETURNS text
      LANGUAGE sql IMMUTABLE AS $$
        SELECT encode(sha256(convert_to(concat_ws(E'\\x1f',
          e.seq::text,
          previous_hash,
          to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
          coalesce(e.actor_user_id::text, ''),
          coalesce(e.actor_username, ''),
          e.action,
          e.entity_type,
          coalesce(e.entity_id, ''),
          coalesce(e.before::text, ''),
          coalesce(e.after::text, ''),
          coalesce(e.request_id, ''),
          coalesce(e.ip, '')
        ), 'UTF8')), 'hex')
      $$`);
    // The lock makes sequence order equal commit order: the next writer waits until this
    // transaction ends, so it always links to a committed predecessor.
    await queryRunner.query(`
      CREATE FUNCTION audit_event_chain() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        previous text;
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtext('audit_event_chain'));
        SELECT hash INTO previous FROM audit_event ORDER BY seq DESC LIMIT 1;
        NEW.seq := nextval('audit_event_seq');
        NEW.occurred_at := coalesce(NEW.occurred_at, now());
        NEW.prev_hash := coalesce(previous, repeat('0', 64));
        NEW.hash := audit_event_digest(NEW, NEW.prev_hash);
        RETURN NEW;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_event_chain BEFORE INSERT ON audit_event
      FOR EACH ROW EXECUTE FUNCTION audit_event_chain()`);
    await queryRunner.query(`
      CREATE FUNCTION audit_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_event_no_update_delete BEFORE UPDATE OR DELETE ON audit_event
      FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change()`);
    await queryRunner.query(`
      CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
      FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER audit_event_no_truncate ON audit_event`);
    await queryRunner.query(`DROP TRIGGER audit_event_no_update_delete ON audit_event`);
    await queryRunner.query(`DROP TRIGGER audit_event_chain ON audit_event`);
    await queryRunner.query(`DROP FUNCTION audit_event_refuse_change()`);
    await queryRunner.query(`DROP FUNCTION audit_event_chain()`);
    await queryRunner.query(`DROP FUNCTION audit_event_digest(audit_event, text)`);
    await queryRunner.query(`DROP SEQUENCE audit_event_seq`);
    await queryRunner.query(`DROP INDEX "idx_org_unit_ancestors"`);
  }
}
