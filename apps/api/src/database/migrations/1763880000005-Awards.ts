import { MigrationInterface, QueryRunner } from "typeorm";

export class Awards1763880000005 implements MigrationInterface {
    name = 'Awards1763880000005'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "award_decision" (
                "id" SERIAL NOT NULL,
                "competition_id" integer NOT NULL,
                "method" character varying(20) NOT NULL,
                "algorithm_version" character varying(40) NOT NULL,
                "inputs" jsonb NOT NULL,
                "result" jsonb NOT NULL,
                "reasons" jsonb NOT NULL DEFAULT '{}',
                "status" character varying(20) NOT NULL DEFAULT 'proposed',
                "total_fen" bigint NOT NULL,
                "decided_by_user_id" integer NOT NULL,
                "version" integer NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "chk_award_decision_status" CHECK (
                    "status" IN (
                        'proposed',
                        'in_notice',
                        'approved',
                        'superseded'
                    )
                ),
                CONSTRAINT "chk_award_decision_method" CHECK ("method" IN ('rank_order', 'optimal', 'manual')),
                CONSTRAINT "PK_a074a5905501410f850713528a3" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "idx_award_decision_competition" ON "award_decision" ("competition_id", "id")
        `);
        await queryRunner.query(`
            CREATE TABLE "award" (
                "id" SERIAL NOT NULL,
                "decision_id" integer NOT NULL,
                "application_id" integer NOT NULL,
                "amount_fen" bigint NOT NULL,
                "status" character varying(20) NOT NULL DEFAULT 'proposed',
                "score" numeric(8, 4),
                "rank" integer,
                "withdrawn_reason" text,
                "version" integer NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "chk_award_amount" CHECK ("amount_fen" > 0),
                CONSTRAINT "chk_award_status" CHECK (
                    "status" IN ('proposed', 'in_notice', 'approved', 'withdrawn')
                ),
                CONSTRAINT "PK_e887e4e69663925ebb60d3a7775" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "idx_award_decision" ON "award" ("decision_id", "id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_award_live_application" ON "award" ("application_id")
            WHERE "status" <> 'withdrawn'
        `);
        await queryRunner.query(`
            CREATE TABLE "public_notice" (
                "id" SERIAL NOT NULL,
                "competition_id" integer NOT NULL,
                "decision_id" integer NOT NULL,
                "title" character varying(200) NOT NULL,
                "contact" character varying(200) NOT NULL,
                "published_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "first_day" date NOT NULL,
                "last_day" date NOT NULL,
                "working_days" integer NOT NULL,
                "status" character varying(20) NOT NULL DEFAULT 'open',
                "closed_at" TIMESTAMP WITH TIME ZONE,
                "version" integer NOT NULL,
                CONSTRAINT "chk_public_notice_period" CHECK ("first_day" <= "last_day"),
                CONSTRAINT "chk_public_notice_status" CHECK ("status" IN ('open', 'closed', 'cancelled')),
                CONSTRAINT "PK_69742227b5bc4c38c2ee4bc11da" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "idx_public_notice_competition" ON "public_notice" ("competition_id", "id")
        `);
        await queryRunner.query(`
            CREATE TABLE "objection" (
                "id" SERIAL NOT NULL,
                "notice_id" integer NOT NULL,
                "award_id" integer,
                "contact_name" character varying(50) NOT NULL,
                "contact_phone" character varying(20) NOT NULL,
                "text" text NOT NULL,
                "status" character varying(20) NOT NULL DEFAULT 'pending',
                "investigation" text,
                "decided_by_user_id" integer,
                "decided_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL,
                CONSTRAINT "chk_objection_status" CHECK ("status" IN ('pending', 'upheld', 'dismissed')),
                CONSTRAINT "PK_f66a92a8254c445494f6cc3be60" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "idx_objection_notice" ON "objection" ("notice_id", "id")
        `);
        await queryRunner.query(`
            CREATE TABLE "calendar_day" (
                "day" date NOT NULL,
                "kind" character varying(10) NOT NULL,
                "name" character varying(50),
                CONSTRAINT "chk_calendar_day_kind" CHECK ("kind" IN ('holiday', 'workday')),
                CONSTRAINT "PK_0f0fd32432f4e23544a28c0562b" PRIMARY KEY ("day")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_ledger_entry_commitment" ON "ledger_entry" ("source", "source_id")
            WHERE "kind" = 'commitment'
                AND "source_id" IS NOT NULL
        `);
        await queryRunner.query(`
            ALTER TABLE "award_decision"
            ADD CONSTRAINT "FK_bbcab5d2570eda9dfc93944c373" FOREIGN KEY ("competition_id") REFERENCES "competition"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "award_decision"
            ADD CONSTRAINT "FK_13a9a9ba9e15bc561a82ca587a9" FOREIGN KEY ("decided_by_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "award"
            ADD CONSTRAINT "FK_a074a5905501410f850713528a3" FOREIGN KEY ("decision_id") REFERENCES "award_decision"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "award"
            ADD CONSTRAINT "FK_3bae242286234f20ef744409aca" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "public_notice"
            ADD CONSTRAINT "FK_e343f468383ccea876ce8c70422" FOREIGN KEY ("competition_id") REFERENCES "competition"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "public_notice"
            ADD CONSTRAINT "FK_b8a3877a82644126ca6b85dc479" FOREIGN KEY ("decision_id") REFERENCES "award_decision"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "objection"
            ADD CONSTRAINT "FK_1f4ddfde422ade5bc08e0bb905e" FOREIGN KEY ("notice_id") REFERENCES "public_notice"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "objection"
            ADD CONSTRAINT "FK_8af6a40ee09b6b8c297b86bf645" FOREIGN KEY ("award_id") REFERENCES "award"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "objection" DROP CONSTRAINT "FK_8af6a40ee09b6b8c297b86bf645"
        `);
        await queryRunner.query(`
            ALTER TABLE "objection" DROP CONSTRAINT "FK_1f4ddfde422ade5bc08e0bb905e"
        `);
        await queryRunner.query(`
            ALTER TABLE "public_notice" DROP CONSTRAINT "FK_b8a3877a82644126ca6b85dc479"
        `);
        await queryRunner.query(`
            ALTER TABLE "public_notice" DROP CONSTRAINT "FK_e343f468383ccea876ce8c70422"
        `);
        await queryRunner.query(`
            ALTER TABLE "award" DROP CONSTRAINT "FK_3bae242286234f20ef744409aca"
        `);
        await queryRunner.query(`
            ALTER TABLE "award" DROP CONSTRAINT "FK_a074a5905501410f850713528a3"
        `);
        await queryRunner.query(`
            ALTER TABLE "award_decision" DROP CONSTRAINT "FK_13a9a9ba9e15bc561a82ca587a9"
        `);
        await queryRunner.query(`
            ALTER TABLE "award_decision" DROP CONSTRAINT "FK_bbcab5d2570eda9dfc93944c373"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_ledger_entry_commitment"
        `);
        await queryRunner.query(`
            DROP TABLE "calendar_day"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."idx_objection_notice"
        `);
        await queryRunner.query(`
            DROP TABLE "objection"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."idx_public_notice_competition"
        `);
        await queryRunner.query(`
            DROP TABLE "public_notice"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_award_live_application"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."idx_award_decision"
        `);
        await queryRunner.query(`
            DROP TABLE "award"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."idx_award_decision_competition"
        `);
        await queryRunner.query(`
            DROP TABLE "award_decision"
        `);
    }

}
