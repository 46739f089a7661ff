import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 13 §7: the audit log at 10M rows. `audit_event` becomes a table partitioned by month of
 * `occurred_at` (Asia/Shanghai months), with the hash chain unchanged:
 * - existing rows are copied as they are (same seq, hashes and links), so the chain stays valid;
 * - the insert trigger finds its predecessor in `audit_chain_head` (one row, kept under the same
 *   advisory lock) instead of searching every partition for the highest seq;
 * - `audit_event_ensure_partitions(months_ahead)` creates the monthly partitions ahead of time (the
 *   nightly verification job calls it); a default partition catches anything outside them;
 * - every partition refuses UPDATE, DELETE and TRUNCATE like the table itself;
 * - a chain check records where it stopped (`last_seq`, `last_hash`), so the nightly verification
 *   only reads the events written since the last good check.
 */
/**
 * The digest of one event given the previous event's hash, exactly as migration AuditChain
 * declared it (it takes the table's row type, so it is declared again for the new table).
 */
const DIGEST_FUNCTION = `
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
  $$`;

export class AuditPartitions1764000000990 implements MigrationInterface {
  name = 'AuditPartitions1764000000990';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "audit_event" RENAME TO "audit_event_unpartitioned"`);
    await queryRunner.query(`ALTER TABLE "audit_event_unpartitioned" RENAME CONSTRAINT "PK_53300da00860bdf4dc3ef7daae6" TO "audit_event_unpartitioned_pk"`);
    await queryRunner.query(`ALTER INDEX "idx_audit_event_actor" RENAME TO "idx_audit_event_unpartitioned_actor"`);
    await queryRunner.query(`ALTER INDEX "idx_audit_event_entity" RENAME TO "idx_audit_event_unpartitioned_entity"`);
    await queryRunner.query(`
      CREATE TABLE "audit_event" (
        "seq" bigint NOT NULL,
        "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "actor_user_id" integer,
        "actor_username" character varying(32),
        "action" character varying(80) NOT NULL,
        "entity_type" character varying(50) NOT NULL,
        "entity_id" character varying(50),
        "before" jsonb,
        "after" jsonb,
        "request_id" character varying(64),
        "ip" character varying(64),
        "prev_hash" character(64) NOT NULL,
        "hash" character(64) NOT NULL,
        CONSTRAINT "pk_audit_event" PRIMARY KEY ("seq", "occurred_at")
      ) PARTITION BY RANGE ("occurred_at")`);
    await queryRunner.query(`CREATE INDEX "idx_audit_event_actor" ON "audit_event" ("actor_user_id", "seq")`);
    await queryRunner.query(`CREATE INDEX "idx_audit_event_entity" ON "audit_event" ("entity_type", "entity_id", "seq")`);
    await queryRunner.query(`CREATE TABLE "audit_event_default" PARTITION OF "audit_event" DEFAULT`);

    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION audit_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION audit_chain_head_keep() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        carried text[] := string_to_array(current_setting('xiaoshi.audit_chain', true), ':');
      BEGIN
        IF carried[1] = txid_current()::text THEN
          UPDATE audit_chain_head SET seq = carried[2]::bigint, hash = carried[3] WHERE id = 1;
        END IF;
        RETURN NULL;
      END
      $$`);
    // Row triggers on the parent are cloned onto every partition; statement triggers (TRUNCATE, keeping
    // the head row after a direct insert into a partition) are not, so each partition gets its own.
    await queryRunner.query(`
      CREATE FUNCTION audit_event_ensure_partitions(months_ahead int, from_month date DEFAULT NULL) RETURNS int
      LANGUAGE plpgsql AS $$
      DECLARE
        current_month date := date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai')::date;
        month date := coalesce(date_trunc('month', from_month)::date, current_month);
        name text;
        created int := 0;
      BEGIN
        SET LOCAL lock_timeout = '5s';
        WHILE month <= current_month + make_interval(months => months_ahead) LOOP
          name := format('audit_event_y%sm%s', to_char(month, 'YYYY'), to_char(month, 'MM'));
          IF to_regclass(name) IS NULL THEN
            -- Rows already in the default partition for this month would make the new one fail:
            -- leave that month to the default partition rather than fail the caller.
            IF NOT EXISTS (
              SELECT 1 FROM audit_event_default
              WHERE occurred_at >= (month::timestamp AT TIME ZONE 'Asia/Shanghai')
                AND occurred_at < ((month + interval '1 month')::timestamp AT TIME ZONE 'Asia/Shanghai')
            ) THEN
              EXECUTE format(
                'CREATE TABLE %I PARTITION OF audit_event FOR VALUES FROM (%L) TO (%L)',
                name,
                month::timestamp AT TIME ZONE 'Asia/Shanghai',
                (month + interval '1 month')::timestamp AT TIME ZONE 'Asia/Shanghai'
              );
              EXECUTE format(
                'CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change()',
                name
              );
              EXECUTE format(
                'CREATE TRIGGER audit_chain_head_keep AFTER INSERT ON %I FOR EACH STATEMENT EXECUTE FUNCTION audit_chain_head_keep()',
                name
              );
              created := created + 1;
            END IF;
          END IF;
          month := month + interval '1 month';
        END LOOP;
        RETURN created;
      END
      $$`);
    // From the oldest event (or two years back) to two years ahead.
    await queryRunner.query(`
      SELECT audit_event_ensure_partitions(
        24,
        least(
          (SELECT min(occurred_at AT TIME ZONE 'Asia/Shanghai')::date FROM audit_event_unpartitioned),
          (now() AT TIME ZONE 'Asia/Shanghai')::date - 730
        )
      )`);
    await queryRunner.query(`INSERT INTO "audit_event" SELECT * FROM "audit_event_unpartitioned"`);

    // The digest takes the table's row type: it goes with the old table and is declared again,
    // with the same text, for the new one.
    await queryRunner.query(`DROP TABLE "audit_event_unpartitioned" CASCADE`);
    await queryRunner.query(DIGEST_FUNCTION);

    await queryRunner.query(`
      CREATE TABLE "audit_chain_head" (
        "id" smallint NOT NULL,
        "seq" bigint NOT NULL,
        "hash" character(64) NOT NULL,
        CONSTRAINT "pk_audit_chain_head" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`
      INSERT INTO "audit_chain_head" (id, seq, hash)
      SELECT 1, coalesce(max(seq), 0), coalesce((SELECT hash FROM audit_event ORDER BY seq DESC LIMIT 1), repeat('0', 64))
      FROM audit_event`);
    // The lock makes sequence order equal commit order: the next writer waits until this
    // transaction ends, so it always links to a committed predecessor. Within a transaction the
    // last link is carried from row to row in a transaction-local setting (tagged with the
    // transaction id), and written to the head row once per statement: a statement inserting many
    // events (a bulk load) does not update the head row once per event.
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION audit_event_chain() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        carried text[] := string_to_array(current_setting('xiaoshi.audit_chain', true), ':');
        previous text;
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtext('audit_event_chain'));
        IF carried[1] = txid_current()::text THEN
          previous := carried[3];
        ELSE
          SELECT hash INTO previous FROM audit_chain_head WHERE id = 1;
        END IF;
        NEW.seq := nextval('audit_event_seq');
        NEW.prev_hash := coalesce(previous, repeat('0', 64));
        NEW.hash := audit_event_digest(NEW, NEW.prev_hash);
        PERFORM set_config('xiaoshi.audit_chain', concat_ws(':', txid_current(), NEW.seq, NEW.hash), true);
        RETURN NEW;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_event_chain BEFORE INSERT ON audit_event
      FOR EACH ROW EXECUTE FUNCTION audit_event_chain()`);
    await queryRunner.query(`
      CREATE TRIGGER audit_chain_head_keep AFTER INSERT ON audit_event
      FOR EACH STATEMENT EXECUTE FUNCTION audit_chain_head_keep()`);
    await queryRunner.query(`
      CREATE TRIGGER audit_event_no_update_delete BEFORE UPDATE OR DELETE ON audit_event
      FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change()`);
    await queryRunner.query(`
      CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
      FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change()`);
    await queryRunner.query(`
      CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event_default
      FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change()`);
    await queryRunner.query(`
      CREATE TRIGGER audit_chain_head_keep AFTER INSERT ON audit_event_default
      FOR EACH STATEMENT EXECUTE FUNCTION audit_chain_head_keep()`);

    await queryRunner.query(`ALTER TABLE "audit_chain_check" ADD "from_seq" bigint`);
    await queryRunner.query(`ALTER TABLE "audit_chain_check" ADD "last_seq" bigint`);
    await queryRunner.query(`ALTER TABLE "audit_chain_check" ADD "last_hash" character(64)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "audit_chain_check" DROP COLUMN "last_hash"`);
    await queryRunner.query(`ALTER TABLE "audit_chain_check" DROP COLUMN "last_seq"`);
    await queryRunner.query(`ALTER TABLE "audit_chain_check" DROP COLUMN "from_seq"`);
    await queryRunner.query(`
      CREATE TABLE "audit_event_unpartitioned" (LIKE "audit_event" INCLUDING DEFAULTS)`);
    await queryRunner.query(`INSERT INTO "audit_event_unpartitioned" SELECT * FROM "audit_event"`);
    await queryRunner.query(`DROP TABLE "audit_event" CASCADE`);
    await queryRunner.query(`DROP FUNCTION audit_chain_head_keep()`);
    await queryRunner.query(`DROP FUNCTION audit_event_ensure_partitions(int, date)`);
    await queryRunner.query(`DROP TABLE "audit_chain_head"`);
    await queryRunner.query(`ALTER TABLE "audit_event_unpartitioned" RENAME TO "audit_event"`);
    await queryRunner.query(`ALTER TABLE "audit_event" ADD CONSTRAINT "PK_53300da00860bdf4dc3ef7daae6" PRIMARY KEY ("seq")`);
    await queryRunner.query(`CREATE INDEX "idx_audit_event_actor" ON "audit_event" ("actor_user_id", "seq")`);
    await queryRunner.query(`CREATE INDEX "idx_audit_event_entity" ON "audit_event" ("entity_type", "entity_id", "seq")`);
    await queryRunner.query(DIGEST_FUNCTION);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION audit_event_chain() RETURNS trigger LANGUAGE plpgsql AS $$
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
    await queryRunner.query(`CREATE TRIGGER audit_event_chain BEFORE INSERT ON audit_event FOR EACH ROW EXECUTE FUNCTION audit_event_chain()`);
    await queryRunner.query(`CREATE TRIGGER audit_event_no_update_delete BEFORE UPDATE OR DELETE ON audit_event FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change()`);
    await queryRunner.query(`CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change()`);
  }
}
