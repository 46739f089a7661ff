import { MigrationInterface, QueryRunner } from 'typeorm';

export class CompetitionPipeline1763880000002 implements MigrationInterface {
  name = 'CompetitionPipeline1763880000002';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "programme" (
                "id" SERIAL NOT NULL,
                "year" integer NOT NULL,
                "name" character varying(100) NOT NULL,
                "policy_refs" character varying(200) array NOT NULL DEFAULT '{}',
                "description" text,
                "unit_id" integer NOT NULL,
                "is_demo" boolean NOT NULL DEFAULT false,
                "version" integer NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_76ff6b30b74f213944d1ac0a660" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_programme_unit_year" ON "programme" ("unit_id", "year")
        `);
    await queryRunner.query(`
            CREATE TABLE "budget_line" (
                "id" SERIAL NOT NULL,
                "programme_id" integer NOT NULL,
                "name" character varying(100) NOT NULL,
                "description" text,
                "amount_fen" bigint NOT NULL,
                "adjusted_fen" bigint NOT NULL DEFAULT '0',
                "committed_fen" bigint NOT NULL DEFAULT '0',
                "paid_fen" bigint NOT NULL DEFAULT '0',
                "unit_id" integer NOT NULL,
                "is_demo" boolean NOT NULL DEFAULT false,
                "version" integer NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "chk_budget_line_paid" CHECK (
                    "paid_fen" >= 0
                    AND "paid_fen" <= "committed_fen"
                ),
                CONSTRAINT "chk_budget_line_committed" CHECK (
                    "committed_fen" >= 0
                    AND "committed_fen" <= "amount_fen" + "adjusted_fen"
                ),
                CONSTRAINT "chk_budget_line_amount" CHECK (
                    "amount_fen" >= 0
                    AND "amount_fen" + "adjusted_fen" >= 0
                ),
                CONSTRAINT "PK_18b9f7e8a4626eb7f1fd4a63f57" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_budget_line_programme" ON "budget_line" ("programme_id", "id")
        `);
    await queryRunner.query(`
            CREATE TABLE "competition" (
                "id" SERIAL NOT NULL,
                "budget_line_id" integer NOT NULL,
                "kind" character varying(20) NOT NULL,
                "title" character varying(120) NOT NULL,
                "description" text,
                "envelope_fen" bigint NOT NULL,
                "submission_opens_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "submission_closes_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "review_opens_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "review_closes_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "implementation_deadline" date NOT NULL,
                "min_per_street" integer NOT NULL DEFAULT '0',
                "max_per_street" integer,
                "award_min" integer NOT NULL,
                "award_max" integer NOT NULL,
                "required_sources" character varying(30) array NOT NULL DEFAULT '{}',
                "min_cofunding_share_bp" integer,
                "required_attachment_types" character varying(30) array NOT NULL DEFAULT '{}',
                "rubric" jsonb NOT NULL,
                "tranche_plan" jsonb NOT NULL,
                "notice_working_days" integer NOT NULL DEFAULT '5',
                "reviewers_per_application" integer NOT NULL DEFAULT '5',
                "requires_partner" boolean NOT NULL DEFAULT false,
                "reminder_days_before_close" integer NOT NULL DEFAULT '7',
                "status" character varying(20) NOT NULL DEFAULT 'draft',
                "is_demo" boolean NOT NULL DEFAULT false,
                "version" integer NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "chk_competition_per_street" CHECK (
                    "min_per_street" >= 0
                    AND (
                        "max_per_street" IS NULL
                        OR "max_per_street" >= "min_per_street"
                    )
                ),
                CONSTRAINT "chk_competition_award_range" CHECK (
                    "award_min" >= 0
                    AND "award_min" <= "award_max"
                ),
                CONSTRAINT "chk_competition_windows" CHECK (
                    "submission_opens_at" < "submission_closes_at"
                    AND "submission_closes_at" <= "review_opens_at"
                    AND "review_opens_at" < "review_closes_at"
                ),
                CONSTRAINT "chk_competition_envelope" CHECK ("envelope_fen" > 0),
                CONSTRAINT "chk_competition_status" CHECK (
                    "status" IN ('draft', 'published', 'closed', 'cancelled')
                ),
                CONSTRAINT "chk_competition_kind" CHECK (
                    "kind" IN (
                        'livelihood',
                        'governance',
                        'volunteer',
                        'generic'
                    )
                ),
                CONSTRAINT "PK_a52a6248db574777b226e9445bc" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_competition_line" ON "competition" ("budget_line_id", "id")
        `);
    await queryRunner.query(`
            CREATE TABLE "competition_category" (
                "id" SERIAL NOT NULL,
                "competition_id" integer NOT NULL,
                "key" character varying(30) NOT NULL,
                "name" character varying(50) NOT NULL,
                "cap_fen" bigint NOT NULL,
                CONSTRAINT "chk_competition_category_cap" CHECK ("cap_fen" > 0),
                CONSTRAINT "PK_052c89fe240aeced49d1cbbe27d" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_competition_category_key" ON "competition_category" ("competition_id", "key")
        `);
    await queryRunner.query(`
            CREATE TABLE "application" (
                "id" SERIAL NOT NULL,
                "competition_id" integer NOT NULL,
                "category_id" integer NOT NULL,
                "street_id" integer NOT NULL,
                "community_id" integer NOT NULL,
                "partner_org_id" integer,
                "title" character varying(120) NOT NULL,
                "summary" text NOT NULL,
                "plan" text NOT NULL,
                "location" character varying(200) NOT NULL,
                "beneficiaries_count" integer NOT NULL,
                "beneficiaries_description" text NOT NULL,
                "start_date" date NOT NULL,
                "end_date" date NOT NULL,
                "total_cost_fen" bigint NOT NULL,
                "cost_items" jsonb NOT NULL,
                "resident_money_fen" bigint NOT NULL DEFAULT '0',
                "resident_labour_fen" bigint NOT NULL DEFAULT '0',
                "social_support_fen" bigint NOT NULL DEFAULT '0',
                "community_self_fen" bigint NOT NULL DEFAULT '0',
                "street_support_fen" bigint NOT NULL DEFAULT '0',
                "requested_subsidy_fen" bigint NOT NULL DEFAULT '0',
                "contact_name" character varying(50) NOT NULL,
                "contact_phone" character varying(20) NOT NULL,
                "status" character varying(30) NOT NULL DEFAULT 'draft',
                "submitted_at" TIMESTAMP WITH TIME ZONE,
                "last_reason" text,
                "created_by_user_id" integer NOT NULL,
                "is_demo" boolean NOT NULL DEFAULT false,
                "version" integer NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "chk_application_beneficiaries" CHECK ("beneficiaries_count" >= 0),
                CONSTRAINT "chk_application_money" CHECK (
                    "total_cost_fen" >= 0
                    AND "resident_money_fen" >= 0
                    AND "resident_labour_fen" >= 0
                    AND "social_support_fen" >= 0
                    AND "community_self_fen" >= 0
                    AND "street_support_fen" >= 0
                    AND "requested_subsidy_fen" >= 0
                ),
                CONSTRAINT "PK_569e0c3e863ebdf5f2408ee1670" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_application_partner" ON "application" ("partner_org_id", "id")
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_application_community" ON "application" ("community_id", "id")
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_application_street" ON "application" ("street_id", "id")
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_application_competition" ON "application" ("competition_id", "status", "id")
        `);
    await queryRunner.query(`
            CREATE TABLE "application_status_change" (
                "id" SERIAL NOT NULL,
                "application_id" integer NOT NULL,
                "from_status" character varying(30),
                "to_status" character varying(30) NOT NULL,
                "action" character varying(40) NOT NULL,
                "reason" text,
                "actor_user_id" integer,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_b09e3364dbddaa6218d352f1c50" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_application_status_change_app" ON "application_status_change" ("application_id", "id")
        `);
    await queryRunner.query(`
            CREATE TABLE "direct_expenditure" (
                "id" SERIAL NOT NULL,
                "budget_line_id" integer NOT NULL,
                "title" character varying(100) NOT NULL,
                "description" text,
                "planned_date" date,
                "amount_fen" bigint NOT NULL,
                "status" character varying(20) NOT NULL DEFAULT 'planned',
                "is_demo" boolean NOT NULL DEFAULT false,
                "version" integer NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "chk_direct_expenditure_amount" CHECK ("amount_fen" > 0),
                CONSTRAINT "chk_direct_expenditure_status" CHECK (
                    "status" IN ('planned', 'committed', 'paid', 'cancelled')
                ),
                CONSTRAINT "PK_9780113d768e30a1b8ed1e87025" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_direct_expenditure_line" ON "direct_expenditure" ("budget_line_id", "id")
        `);
    await queryRunner.query(`
            CREATE TABLE "ledger_entry" (
                "id" SERIAL NOT NULL,
                "budget_line_id" integer NOT NULL,
                "kind" character varying(20) NOT NULL,
                "source" character varying(20) NOT NULL,
                "source_id" integer,
                "amount_fen" bigint NOT NULL,
                "reason" text,
                "actor_user_id" integer,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "chk_ledger_entry_source" CHECK (
                    "source" IN (
                        'adjustment',
                        'award',
                        'direct_expenditure',
                        'stipend'
                    )
                ),
                CONSTRAINT "chk_ledger_entry_kind" CHECK (
                    "kind" IN (
                        'adjustment',
                        'commitment',
                        'decommitment',
                        'payment',
                        'payment_reversal'
                    )
                ),
                CONSTRAINT "PK_04e9d274911f909a5848a15cd74" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_ledger_entry_source" ON "ledger_entry" ("source", "source_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_ledger_entry_line" ON "ledger_entry" ("budget_line_id", "id")
        `);
    await queryRunner.query(`
            CREATE TABLE "export_job" (
                "id" SERIAL NOT NULL,
                "kind" character varying(40) NOT NULL,
                "params" jsonb NOT NULL,
                "status" character varying(20) NOT NULL DEFAULT 'queued',
                "file_name" character varying(200),
                "storage_key" character varying(200),
                "row_count" integer,
                "error" text,
                "requested_by_user_id" integer NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "finished_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "chk_export_job_status" CHECK (
                    "status" IN ('queued', 'running', 'done', 'failed')
                ),
                CONSTRAINT "PK_2edcb6f1780d22e5a9f2f29f466" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_export_job_user" ON "export_job" ("requested_by_user_id", "id")
        `);
    await queryRunner.query(`
            CREATE TABLE "attachment" (
                "id" SERIAL NOT NULL,
                "application_id" integer NOT NULL,
                "type" character varying(30) NOT NULL,
                "original_name" character varying(200) NOT NULL,
                "mime_type" character varying(100) NOT NULL,
                "size_bytes" integer NOT NULL,
                "sha256" character(64) NOT NULL,
                "storage_key" character varying(200) NOT NULL,
                "uploaded_by_user_id" integer NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_d2a80c3a8d467f08a750ac4b420" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_attachment_application" ON "attachment" ("application_id", "id")
        `);
    await queryRunner.query(`
            CREATE TABLE "notification" (
                "id" SERIAL NOT NULL,
                "user_id" integer NOT NULL,
                "kind" character varying(40) NOT NULL,
                "title" character varying(200) NOT NULL,
                "body" text NOT NULL,
                "link" character varying(200),
                "dedupe_key" character varying(120),
                "read_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_notification_dedupe" ON "notification" ("dedupe_key")
            WHERE "dedupe_key" IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_notification_user" ON "notification" ("user_id", "id")
        `);
    await queryRunner.query(`
            ALTER TABLE "programme"
            ADD CONSTRAINT "FK_b7b24e1bfec634412482c107330" FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "budget_line"
            ADD CONSTRAINT "FK_e6627cedbd73ac1deacfe42c6a9" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "budget_line"
            ADD CONSTRAINT "FK_a7c4579e66ad5269234163444d3" FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "competition"
            ADD CONSTRAINT "FK_af787471fee821277c8093bfa2a" FOREIGN KEY ("budget_line_id") REFERENCES "budget_line"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "competition_category"
            ADD CONSTRAINT "FK_8c1a0890665ed8ab60daa889c89" FOREIGN KEY ("competition_id") REFERENCES "competition"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "application"
            ADD CONSTRAINT "FK_27e7904cfc1dfbabe71f141d176" FOREIGN KEY ("competition_id") REFERENCES "competition"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "application"
            ADD CONSTRAINT "FK_0ecf74813535fa5cf6efe00ac53" FOREIGN KEY ("category_id") REFERENCES "competition_category"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "application"
            ADD CONSTRAINT "FK_dac5667e26373b77d621d23ed5c" FOREIGN KEY ("street_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "application"
            ADD CONSTRAINT "FK_dcad650d75f96ee3e1985c1c432" FOREIGN KEY ("community_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "application"
            ADD CONSTRAINT "FK_9b08a1922d2fcc7398e757b762d" FOREIGN KEY ("partner_org_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "application"
            ADD CONSTRAINT "FK_14fb4cafbba335ebb2f4920de56" FOREIGN KEY ("created_by_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "application_status_change"
            ADD CONSTRAINT "FK_dfa7b556c6fb0d1f4a328e9cecb" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "direct_expenditure"
            ADD CONSTRAINT "FK_fdb093e42d87c5870002f217b1e" FOREIGN KEY ("budget_line_id") REFERENCES "budget_line"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "ledger_entry"
            ADD CONSTRAINT "FK_c2561fa88f56d7099865fb94015" FOREIGN KEY ("budget_line_id") REFERENCES "budget_line"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "export_job"
            ADD CONSTRAINT "FK_516fec59e6fe6e12259006075f9" FOREIGN KEY ("requested_by_user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "attachment"
            ADD CONSTRAINT "FK_f4018b7de47b11c1065d0c4bd1b" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "notification"
            ADD CONSTRAINT "FK_928b7aa1754e08e1ed7052cb9d8" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "notification" DROP CONSTRAINT "FK_928b7aa1754e08e1ed7052cb9d8"
        `);
    await queryRunner.query(`
            ALTER TABLE "attachment" DROP CONSTRAINT "FK_f4018b7de47b11c1065d0c4bd1b"
        `);
    await queryRunner.query(`
            ALTER TABLE "export_job" DROP CONSTRAINT "FK_516fec59e6fe6e12259006075f9"
        `);
    await queryRunner.query(`
            ALTER TABLE "ledger_entry" DROP CONSTRAINT "FK_c2561fa88f56d7099865fb94015"
        `);
    await queryRunner.query(`
            ALTER TABLE "direct_expenditure" DROP CONSTRAINT "FK_fdb093e42d87c5870002f217b1e"
        `);
    await queryRunner.query(`
            ALTER TABLE "application_status_change" DROP CONSTRAINT "FK_dfa7b556c6fb0d1f4a328e9cecb"
        `);
    await queryRunner.query(`
            ALTER TABLE "application" DROP CONSTRAINT "FK_14fb4cafbba335ebb2f4920de56"
        `);
    await queryRunner.query(`
            ALTER TABLE "application" DROP CONSTRAINT "FK_9b08a1922d2fcc7398e757b762d"
        `);
    await queryRunner.query(`
            ALTER TABLE "application" DROP CONSTRAINT "FK_dcad650d75f96ee3e1985c1c432"
        `);
    await queryRunner.query(`
            ALTER TABLE "application" DROP CONSTRAINT "FK_dac5667e26373b77d621d23ed5c"
        `);
    await queryRunner.query(`
            ALTER TABLE "application" DROP CONSTRAINT "FK_0ecf74813535fa5cf6efe00ac53"
        `);
    await queryRunner.query(`
            ALTER TABLE "application" DROP CONSTRAINT "FK_27e7904cfc1dfbabe71f141d176"
        `);
    await queryRunner.query(`
            ALTER TABLE "competition_category" DROP CONSTRAINT "FK_8c1a0890665ed8ab60daa889c89"
        `);
    await queryRunner.query(`
            ALTER TABLE "competition" DROP CONSTRAINT "FK_af787471fee821277c8093bfa2a"
        `);
    await queryRunner.query(`
            ALTER TABLE "budget_line" DROP CONSTRAINT "FK_a7c4579e66ad5269234163444d3"
        `);
    await queryRunner.query(`
            ALTER TABLE "budget_line" DROP CONSTRAINT "FK_e6627cedbd73ac1deacfe42c6a9"
        `);
    await queryRunner.query(`
            ALTER TABLE "programme" DROP CONSTRAINT "FK_b7b24e1bfec634412482c107330"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_notification_user"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_notification_dedupe"
        `);
    await queryRunner.query(`
            DROP TABLE "notification"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_attachment_application"
        `);
    await queryRunner.query(`
            DROP TABLE "attachment"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_export_job_user"
        `);
    await queryRunner.query(`
            DROP TABLE "export_job"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_ledger_entry_line"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_ledger_entry_source"
        `);
    await queryRunner.query(`
            DROP TABLE "ledger_entry"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_direct_expenditure_line"
        `);
    await queryRunner.query(`
            DROP TABLE "direct_expenditure"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_application_status_change_app"
        `);
    await queryRunner.query(`
            DROP TABLE "application_status_change"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_application_competition"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_application_street"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_application_community"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_application_partner"
        `);
    await queryRunner.query(`
            DROP TABLE "application"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_competition_category_key"
        `);
    await queryRunner.query(`
            DROP TABLE "competition_category"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_competition_line"
        `);
    await queryRunner.query(`
            DROP TABLE "competition"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_budget_line_programme"
        `);
    await queryRunner.query(`
            DROP TABLE "budget_line"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_programme_unit_year"
        `);
    await queryRunner.query(`
            DROP TABLE "programme"
        `);
  }
}
