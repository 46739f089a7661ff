import { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1763880000000 implements MigrationInterface {
  name = 'Init1763880000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "audit_chain_check" (
                "id" SERIAL NOT NULL,
                "checked_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "ok" boolean NOT NULL,
                "checked_events" bigint NOT NULL,
                "first_broken_seq" bigint,
                CONSTRAINT "PK_69b83a9ce613edb2437669f9378" PRIMARY KEY ("id")
            )
        `);
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
                CONSTRAINT "PK_53300da00860bdf4dc3ef7daae6" PRIMARY KEY ("seq")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_audit_event_actor" ON "audit_event" ("actor_user_id", "seq")
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_audit_event_entity" ON "audit_event" ("entity_type", "entity_id", "seq")
        `);
    await queryRunner.query(`
            CREATE TABLE "org_unit" (
                "id" SERIAL NOT NULL,
                "kind" character varying(20) NOT NULL,
                "name" character varying(100) NOT NULL,
                "code" character varying(32),
                "parent_id" integer,
                "ancestor_ids" integer array NOT NULL DEFAULT '{}',
                "organisation_type" character varying(30),
                "credit_code" character varying(18),
                "contact_name" character varying(50),
                "contact_phone" character varying(20),
                "active" boolean NOT NULL DEFAULT true,
                "is_demo" boolean NOT NULL DEFAULT false,
                "version" integer NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "UQ_b030ad27296e9df74659dcb8ec6" UNIQUE ("code"),
                CONSTRAINT "chk_org_unit_parent" CHECK (("kind" = 'district') = ("parent_id" IS NULL)),
                CONSTRAINT "chk_org_unit_kind" CHECK (
                    "kind" IN (
                        'district',
                        'street',
                        'community',
                        'organisation'
                    )
                ),
                CONSTRAINT "PK_ba1c59043dc14bb66023c1d07c7" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_org_unit_parent" ON "org_unit" ("parent_id", "id")
        `);
    await queryRunner.query(`
            CREATE TABLE "app_user" (
                "id" SERIAL NOT NULL,
                "username" character varying(32) NOT NULL,
                "display_name" character varying(50) NOT NULL,
                "password_hash" character varying(200) NOT NULL,
                "unit_id" integer NOT NULL,
                "roles" character varying(30) array NOT NULL,
                "phone" character varying(20),
                "email" character varying(100),
                "active" boolean NOT NULL DEFAULT true,
                "must_change_password" boolean NOT NULL DEFAULT false,
                "failed_login_count" integer NOT NULL DEFAULT '0',
                "locked_until" TIMESTAMP WITH TIME ZONE,
                "last_login_at" TIMESTAMP WITH TIME ZONE,
                "is_demo" boolean NOT NULL DEFAULT false,
                "version" integer NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "UQ_c480e576dd71729addbc2d51b67" UNIQUE ("username"),
                CONSTRAINT "chk_app_user_username" CHECK ("username" = lower("username")),
                CONSTRAINT "chk_app_user_roles" CHECK (
                    cardinality("roles") > 0
                    AND "roles" <@ ARRAY ['district_admin', 'finance', 'street_officer', 'community_officer', 'partner', 'reviewer', 'inspector', 'auditor']::varchar []
                ),
                CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_app_user_unit" ON "app_user" ("unit_id", "id")
        `);
    await queryRunner.query(`
            CREATE TABLE "refresh_token" (
                "id" SERIAL NOT NULL,
                "user_id" integer NOT NULL,
                "family_id" uuid NOT NULL,
                "token_hash" character(64) NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "used_at" TIMESTAMP WITH TIME ZONE,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "created_ip" character varying(64),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "UQ_f0812282fad2e352cdaf83ef0a9" UNIQUE ("token_hash"),
                CONSTRAINT "PK_b575dd3c21fb0831013c909e7fe" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_refresh_token_user" ON "refresh_token" ("user_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_refresh_token_family" ON "refresh_token" ("family_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "org_unit"
            ADD CONSTRAINT "FK_b8e4301109a2850200ba2c7c512" FOREIGN KEY ("parent_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "app_user"
            ADD CONSTRAINT "FK_055c5291f4320e6e092162ae36c" FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "refresh_token"
            ADD CONSTRAINT "FK_6bbe63d2fe75e7f0ba1710351d4" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "refresh_token" DROP CONSTRAINT "FK_6bbe63d2fe75e7f0ba1710351d4"
        `);
    await queryRunner.query(`
            ALTER TABLE "app_user" DROP CONSTRAINT "FK_055c5291f4320e6e092162ae36c"
        `);
    await queryRunner.query(`
            ALTER TABLE "org_unit" DROP CONSTRAINT "FK_b8e4301109a2850200ba2c7c512"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_refresh_token_family"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_refresh_token_user"
        `);
    await queryRunner.query(`
            DROP TABLE "refresh_token"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_app_user_unit"
        `);
    await queryRunner.query(`
            DROP TABLE "app_user"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_org_unit_parent"
        `);
    await queryRunner.query(`
            DROP TABLE "org_unit"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_audit_event_entity"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_audit_event_actor"
        `);
    await queryRunner.query(`
            DROP TABLE "audit_event"
        `);
    await queryRunner.query(`
            DROP TABLE "audit_chain_check"
        `);
  }
}
