import { MigrationInterface, QueryRunner } from 'typeorm';

export class Delivery1763880000200 implements MigrationInterface {
  name = 'Delivery1763880000200';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "project" (
                "id" SERIAL NOT NULL,
                "application_id" integer NOT NULL,
                "award_id" integer NOT NULL,
                "competition_id" integer NOT NULL,
                "budget_line_id" integer NOT NULL,
                "street_id" integer NOT NULL,
                "community_id" integer NOT NULL,
                "title" character varying(200) NOT NULL,
                "amount_fen" bigint NOT NULL,
                "status" character varying(30) NOT NULL DEFAULT 'in_progress',
                "final_inspection_kind" character varying(20) NOT NULL,
                "start_date" date,
                "end_date" date,
                "plan" text,
                "acceptance_passed_at" TIMESTAMP WITH TIME ZONE,
                "supervision_passed_at" TIMESTAMP WITH TIME ZONE,
                "midterm_reported_at" TIMESTAMP WITH TIME ZONE,
                "rectification_deadline" date,
                "version" integer NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "chk_project_rectification" CHECK (
                    "status" <> 'rectification'
                    OR "rectification_deadline" IS NOT NULL
                ),
                CONSTRAINT "chk_project_final_kind" CHECK (
                    "final_inspection_kind" IN ('acceptance', 'supervision')
                ),
                CONSTRAINT "chk_project_amount" CHECK ("amount_fen" > 0),
                CONSTRAINT "chk_project_status" CHECK (
                    "status" IN (
                        'in_progress',
                        'acceptance_requested',
                        'inspecting',
                        'rectification',
                        'accepted',
                        'failed',
                        'closed'
                    )
                ),
                CONSTRAINT "PK_4d68b1358bb5b766d3e78f32f57" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_project_community" ON "project" ("community_id", "id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_project_application" ON "project" ("application_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "project_milestone" (
                "id" SERIAL NOT NULL,
                "project_id" integer NOT NULL,
                "position" integer NOT NULL,
                "title" character varying(200) NOT NULL,
                "due_date" date NOT NULL,
                "done" boolean NOT NULL DEFAULT false,
                CONSTRAINT "PK_7a9da5fbeade8826432de525d1a" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_project_milestone_project" ON "project_milestone" ("project_id", "position")
        `);
    await queryRunner.query(`
            CREATE TABLE "project_tranche" (
                "project_id" integer NOT NULL,
                "index" integer NOT NULL,
                "percent_bp" integer NOT NULL,
                "condition" character varying(40) NOT NULL,
                "amount_fen" bigint NOT NULL,
                CONSTRAINT "chk_project_tranche_condition" CHECK (
                    "condition" IN (
                        'on_approval',
                        'on_midterm_report',
                        'after_acceptance',
                        'after_supervision_evaluation'
                    )
                ),
                CONSTRAINT "chk_project_tranche_amount" CHECK (
                    "amount_fen" >= 0
                    AND "percent_bp" > 0
                    AND "percent_bp" <= 10000
                ),
                CONSTRAINT "PK_445b11969be6a45f047e5ed5094" PRIMARY KEY ("project_id", "index")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "progress_report" (
                "id" SERIAL NOT NULL,
                "project_id" integer NOT NULL,
                "period" character(7) NOT NULL,
                "text" text NOT NULL,
                "percent_complete" integer NOT NULL,
                "midterm" boolean NOT NULL DEFAULT false,
                "created_by_user_id" integer NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "chk_progress_report_percent" CHECK (
                    "percent_complete" BETWEEN 0 AND 100
                ),
                CONSTRAINT "PK_de44d4f311d5a0132f49f9f0820" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_progress_report_project" ON "progress_report" ("project_id", "id")
        `);
    await queryRunner.query(`
            CREATE TABLE "inspection" (
                "id" SERIAL NOT NULL,
                "project_id" integer NOT NULL,
                "kind" character varying(20) NOT NULL,
                "round" integer NOT NULL,
                "status" character varying(20) NOT NULL DEFAULT 'assigned',
                "checklist" jsonb NOT NULL,
                "answers" jsonb,
                "findings" text,
                "outcome" character varying(20),
                "rectification_deadline" date,
                "inspected_on" date,
                "assigned_by_user_id" integer NOT NULL,
                "recorded_by_user_id" integer,
                "recorded_at" TIMESTAMP WITH TIME ZONE,
                "version" integer NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "chk_inspection_rectification" CHECK (
                    "outcome" IS DISTINCT
                    FROM 'rectification'
                        OR "rectification_deadline" IS NOT NULL
                ),
                CONSTRAINT "chk_inspection_outcome" CHECK (
                    (
                        "status" = 'assigned'
                        AND "outcome" IS NULL
                    )
                    OR (
                        "status" = 'recorded'
                        AND "outcome" IN ('passed', 'rectification', 'failed')
                    )
                ),
                CONSTRAINT "chk_inspection_status" CHECK ("status" IN ('assigned', 'recorded')),
                CONSTRAINT "chk_inspection_kind" CHECK ("kind" IN ('acceptance', 'supervision')),
                CONSTRAINT "PK_1e895c2ae7b7d9d1ec464950013" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_inspection_open" ON "inspection" ("project_id")
            WHERE "status" = 'assigned'
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_inspection_round" ON "inspection" ("project_id", "kind", "round")
        `);
    await queryRunner.query(`
            CREATE TABLE "inspection_inspector" (
                "inspection_id" integer NOT NULL,
                "user_id" integer NOT NULL,
                CONSTRAINT "PK_1a5d58008461e22b087d3b0c867" PRIMARY KEY ("inspection_id", "user_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "inspector_conflict" (
                "id" SERIAL NOT NULL,
                "project_id" integer NOT NULL,
                "user_id" integer NOT NULL,
                "reason" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_ab46ba939a7f07cd79faaef866b" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_inspector_conflict" ON "inspector_conflict" ("project_id", "user_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "project_photo" (
                "id" SERIAL NOT NULL,
                "project_id" integer NOT NULL,
                "progress_report_id" integer,
                "inspection_id" integer,
                "type" character varying(30) NOT NULL,
                "original_name" character varying(200) NOT NULL,
                "mime_type" character varying(100) NOT NULL,
                "size_bytes" integer NOT NULL,
                "sha256" character(64) NOT NULL,
                "storage_key" character varying(200) NOT NULL,
                "uploaded_by_user_id" integer NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "chk_project_photo_owner" CHECK (
                    (
                        "type" = 'progress_photo'
                        AND "progress_report_id" IS NOT NULL
                        AND "inspection_id" IS NULL
                    )
                    OR (
                        "type" = 'inspection_photo'
                        AND "inspection_id" IS NOT NULL
                        AND "progress_report_id" IS NULL
                    )
                ),
                CONSTRAINT "chk_project_photo_type" CHECK ("type" IN ('progress_photo', 'inspection_photo')),
                CONSTRAINT "PK_c24a04e26269103eb19427429cd" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_project_photo_project" ON "project_photo" ("project_id", "id")
        `);
    await queryRunner.query(`
            CREATE TABLE "payment" (
                "id" SERIAL NOT NULL,
                "source" character varying(20) NOT NULL,
                "project_id" integer,
                "direct_expenditure_id" integer,
                "budget_line_id" integer NOT NULL,
                "unit_id" integer NOT NULL,
                "amount_fen" bigint NOT NULL,
                "purpose" character varying(200) NOT NULL,
                "status" character varying(20) NOT NULL DEFAULT 'requested',
                "request_key" character varying(100),
                "requested_by_user_id" integer NOT NULL,
                "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "approved_by_user_id" integer,
                "approved_at" TIMESTAMP WITH TIME ZONE,
                "rejected_reason" text,
                "paid_on" date,
                "voucher_no" character varying(50),
                "bank_reference" character varying(100),
                "record_key" character varying(100),
                "recorded_by_user_id" integer,
                "recorded_at" TIMESTAMP WITH TIME ZONE,
                "ledger_entry_id" integer,
                "reversal_entry_id" integer,
                "reversed_reason" text,
                "reversed_by_user_id" integer,
                "reversed_at" TIMESTAMP WITH TIME ZONE,
                "version" integer NOT NULL,
                CONSTRAINT "chk_payment_reversed" CHECK (
                    "status" <> 'reversed'
                    OR (
                        "reversal_entry_id" IS NOT NULL
                        AND "reversed_reason" IS NOT NULL
                    )
                ),
                CONSTRAINT "chk_payment_paid" CHECK (
                    "status" NOT IN ('paid', 'reversed')
                    OR (
                        "paid_on" IS NOT NULL
                        AND "voucher_no" IS NOT NULL
                        AND "bank_reference" IS NOT NULL
                        AND "ledger_entry_id" IS NOT NULL
                        AND "approved_by_user_id" IS NOT NULL
                    )
                ),
                CONSTRAINT "chk_payment_maker_checker" CHECK (
                    "approved_by_user_id" IS NULL
                    OR "approved_by_user_id" <> "requested_by_user_id"
                ),
                CONSTRAINT "chk_payment_source" CHECK (
                    (
                        "source" = 'award'
                        AND "project_id" IS NOT NULL
                        AND "direct_expenditure_id" IS NULL
                    )
                    OR (
                        "source" = 'direct_expenditure'
                        AND "direct_expenditure_id" IS NOT NULL
                        AND "project_id" IS NULL
                    )
                ),
                CONSTRAINT "chk_payment_amount" CHECK ("amount_fen" > 0),
                CONSTRAINT "chk_payment_status" CHECK (
                    "status" IN (
                        'requested',
                        'approved',
                        'rejected',
                        'paid',
                        'reversed'
                    )
                ),
                CONSTRAINT "PK_fcaec7df5adf9cac408c686b2ab" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_payment_reversal_entry" ON "payment" ("reversal_entry_id")
            WHERE "reversal_entry_id" IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_payment_ledger_entry" ON "payment" ("ledger_entry_id")
            WHERE "ledger_entry_id" IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_payment_voucher_no" ON "payment" ("voucher_no")
            WHERE "voucher_no" IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_payment_record_key" ON "payment" ("record_key")
            WHERE "record_key" IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_payment_request_key" ON "payment" ("request_key")
            WHERE "request_key" IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_payment_status" ON "payment" ("status", "id")
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_payment_expenditure" ON "payment" ("direct_expenditure_id", "id")
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_payment_project" ON "payment" ("project_id", "id")
        `);
    await queryRunner.query(`
            ALTER TABLE "project"
            ADD CONSTRAINT "FK_ecd1c6a0d3ee2a4d9096532bfc4" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "project"
            ADD CONSTRAINT "FK_8096102b83ac4aac5e1b460ae71" FOREIGN KEY ("award_id") REFERENCES "award"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "project"
            ADD CONSTRAINT "FK_4c827ea832482c87ab496a76773" FOREIGN KEY ("competition_id") REFERENCES "competition"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "project"
            ADD CONSTRAINT "FK_993ce27a6b966f68932af190bd3" FOREIGN KEY ("budget_line_id") REFERENCES "budget_line"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "project"
            ADD CONSTRAINT "FK_d64a2c3bf7f733b964b163baf00" FOREIGN KEY ("street_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "project"
            ADD CONSTRAINT "FK_d60f7d06b5083b53e6e14a7d6a1" FOREIGN KEY ("community_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "project_milestone"
            ADD CONSTRAINT "FK_a111304a8272ba72e9c44eac47c" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "project_tranche"
            ADD CONSTRAINT "FK_81fe8e48281fad11eaf1262f5e4" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "progress_report"
            ADD CONSTRAINT "FK_41c35dba1c93898cd50b5a3dca5" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "progress_report"
            ADD CONSTRAINT "FK_93d2032fb9e0cd26394c04cbe44" FOREIGN KEY ("created_by_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "inspection"
            ADD CONSTRAINT "FK_301eae1c921dd8b4059aa47267c" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "inspection"
            ADD CONSTRAINT "FK_ef63b2ea7a1edd368332d2762d4" FOREIGN KEY ("assigned_by_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "inspection"
            ADD CONSTRAINT "FK_2224e23ef5e05013be000d41279" FOREIGN KEY ("recorded_by_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "inspection_inspector"
            ADD CONSTRAINT "FK_391ad7b91022eb352a4e2eaefac" FOREIGN KEY ("inspection_id") REFERENCES "inspection"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "inspection_inspector"
            ADD CONSTRAINT "FK_960a892141ed614019bda588799" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "inspector_conflict"
            ADD CONSTRAINT "FK_55c0890acd6a003a4a0389bdbcc" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "inspector_conflict"
            ADD CONSTRAINT "FK_77714408328d0566a0655027953" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "project_photo"
            ADD CONSTRAINT "FK_68ece99b8799c2a87f60ad3dc1c" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "project_photo"
            ADD CONSTRAINT "FK_29a9366905235e7fa508e0cd281" FOREIGN KEY ("progress_report_id") REFERENCES "progress_report"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "project_photo"
            ADD CONSTRAINT "FK_1d31ee5b45735de66a5c209ec06" FOREIGN KEY ("inspection_id") REFERENCES "inspection"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "payment"
            ADD CONSTRAINT "FK_5065290877a726db6049e3378d8" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "payment"
            ADD CONSTRAINT "FK_a1a07bfee4f54c838108d957610" FOREIGN KEY ("direct_expenditure_id") REFERENCES "direct_expenditure"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "payment"
            ADD CONSTRAINT "FK_71e3006418e5135742d0a7b1151" FOREIGN KEY ("budget_line_id") REFERENCES "budget_line"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "payment"
            ADD CONSTRAINT "FK_bf3ed1ba02c981541fe37ad835e" FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "payment"
            ADD CONSTRAINT "FK_79e8c797e1189ca5e497211a0e9" FOREIGN KEY ("requested_by_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "payment"
            ADD CONSTRAINT "FK_32022f496a8d18b7cd6d5647026" FOREIGN KEY ("approved_by_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "payment"
            ADD CONSTRAINT "FK_b6515da2a44e02c392af3cfb5f1" FOREIGN KEY ("recorded_by_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "payment"
            ADD CONSTRAINT "FK_a915dc204a80ab4242f97107f8c" FOREIGN KEY ("ledger_entry_id") REFERENCES "ledger_entry"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "payment"
            ADD CONSTRAINT "FK_4bb703a27eb236267502e61fd95" FOREIGN KEY ("reversal_entry_id") REFERENCES "ledger_entry"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "payment"
            ADD CONSTRAINT "FK_5380be5830747021f6e8bc98e40" FOREIGN KEY ("reversed_by_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "payment" DROP CONSTRAINT "FK_5380be5830747021f6e8bc98e40"
        `);
    await queryRunner.query(`
            ALTER TABLE "payment" DROP CONSTRAINT "FK_4bb703a27eb236267502e61fd95"
        `);
    await queryRunner.query(`
            ALTER TABLE "payment" DROP CONSTRAINT "FK_a915dc204a80ab4242f97107f8c"
        `);
    await queryRunner.query(`
            ALTER TABLE "payment" DROP CONSTRAINT "FK_b6515da2a44e02c392af3cfb5f1"
        `);
    await queryRunner.query(`
            ALTER TABLE "payment" DROP CONSTRAINT "FK_32022f496a8d18b7cd6d5647026"
        `);
    await queryRunner.query(`
            ALTER TABLE "payment" DROP CONSTRAINT "FK_79e8c797e1189ca5e497211a0e9"
        `);
    await queryRunner.query(`
            ALTER TABLE "payment" DROP CONSTRAINT "FK_bf3ed1ba02c981541fe37ad835e"
        `);
    await queryRunner.query(`
            ALTER TABLE "payment" DROP CONSTRAINT "FK_71e3006418e5135742d0a7b1151"
        `);
    await queryRunner.query(`
            ALTER TABLE "payment" DROP CONSTRAINT "FK_a1a07bfee4f54c838108d957610"
        `);
    await queryRunner.query(`
            ALTER TABLE "payment" DROP CONSTRAINT "FK_5065290877a726db6049e3378d8"
        `);
    await queryRunner.query(`
            ALTER TABLE "project_photo" DROP CONSTRAINT "FK_1d31ee5b45735de66a5c209ec06"
        `);
    await queryRunner.query(`
            ALTER TABLE "project_photo" DROP CONSTRAINT "FK_29a9366905235e7fa508e0cd281"
        `);
    await queryRunner.query(`
            ALTER TABLE "project_photo" DROP CONSTRAINT "FK_68ece99b8799c2a87f60ad3dc1c"
        `);
    await queryRunner.query(`
            ALTER TABLE "inspector_conflict" DROP CONSTRAINT "FK_77714408328d0566a0655027953"
        `);
    await queryRunner.query(`
            ALTER TABLE "inspector_conflict" DROP CONSTRAINT "FK_55c0890acd6a003a4a0389bdbcc"
        `);
    await queryRunner.query(`
            ALTER TABLE "inspection_inspector" DROP CONSTRAINT "FK_960a892141ed614019bda588799"
        `);
    await queryRunner.query(`
            ALTER TABLE "inspection_inspector" DROP CONSTRAINT "FK_391ad7b91022eb352a4e2eaefac"
        `);
    await queryRunner.query(`
            ALTER TABLE "inspection" DROP CONSTRAINT "FK_2224e23ef5e05013be000d41279"
        `);
    await queryRunner.query(`
            ALTER TABLE "inspection" DROP CONSTRAINT "FK_ef63b2ea7a1edd368332d2762d4"
        `);
    await queryRunner.query(`
            ALTER TABLE "inspection" DROP CONSTRAINT "FK_301eae1c921dd8b4059aa47267c"
        `);
    await queryRunner.query(`
            ALTER TABLE "progress_report" DROP CONSTRAINT "FK_93d2032fb9e0cd26394c04cbe44"
        `);
    await queryRunner.query(`
            ALTER TABLE "progress_report" DROP CONSTRAINT "FK_41c35dba1c93898cd50b5a3dca5"
        `);
    await queryRunner.query(`
            ALTER TABLE "project_tranche" DROP CONSTRAINT "FK_81fe8e48281fad11eaf1262f5e4"
        `);
    await queryRunner.query(`
            ALTER TABLE "project_milestone" DROP CONSTRAINT "FK_a111304a8272ba72e9c44eac47c"
        `);
    await queryRunner.query(`
            ALTER TABLE "project" DROP CONSTRAINT "FK_d60f7d06b5083b53e6e14a7d6a1"
        `);
    await queryRunner.query(`
            ALTER TABLE "project" DROP CONSTRAINT "FK_d64a2c3bf7f733b964b163baf00"
        `);
    await queryRunner.query(`
            ALTER TABLE "project" DROP CONSTRAINT "FK_993ce27a6b966f68932af190bd3"
        `);
    await queryRunner.query(`
            ALTER TABLE "project" DROP CONSTRAINT "FK_4c827ea832482c87ab496a76773"
        `);
    await queryRunner.query(`
            ALTER TABLE "project" DROP CONSTRAINT "FK_8096102b83ac4aac5e1b460ae71"
        `);
    await queryRunner.query(`
            ALTER TABLE "project" DROP CONSTRAINT "FK_ecd1c6a0d3ee2a4d9096532bfc4"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_payment_project"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_payment_expenditure"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_payment_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_payment_request_key"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_payment_record_key"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_payment_voucher_no"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_payment_ledger_entry"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_payment_reversal_entry"
        `);
    await queryRunner.query(`
            DROP TABLE "payment"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_project_photo_project"
        `);
    await queryRunner.query(`
            DROP TABLE "project_photo"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_inspector_conflict"
        `);
    await queryRunner.query(`
            DROP TABLE "inspector_conflict"
        `);
    await queryRunner.query(`
            DROP TABLE "inspection_inspector"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_inspection_round"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_inspection_open"
        `);
    await queryRunner.query(`
            DROP TABLE "inspection"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_progress_report_project"
        `);
    await queryRunner.query(`
            DROP TABLE "progress_report"
        `);
    await queryRunner.query(`
            DROP TABLE "project_tranche"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_project_milestone_project"
        `);
    await queryRunner.query(`
            DROP TABLE "project_milestone"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_project_application"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_project_community"
        `);
    await queryRunner.query(`
            DROP TABLE "project"
        `);
  }
}
