import { MigrationInterface, QueryRunner } from 'typeorm';

export class Stipends1763880000100 implements MigrationInterface {
  name = 'Stipends1763880000100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "stipend_programme" (
                "id" SERIAL NOT NULL,
                "budget_line_id" integer NOT NULL,
                "kind" character varying(20) NOT NULL,
                "name" character varying(100) NOT NULL,
                "roster_programme_id" integer,
                "report_reminder_days" integer NOT NULL DEFAULT '10',
                "unit_id" integer NOT NULL,
                "is_demo" boolean NOT NULL DEFAULT false,
                "version" integer NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "chk_stipend_programme_reminder" CHECK (
                    "report_reminder_days" BETWEEN 0 AND 60
                ),
                CONSTRAINT "chk_stipend_programme_roster" CHECK (
                    ("kind" = 'one_off') = ("roster_programme_id" IS NOT NULL)
                ),
                CONSTRAINT "chk_stipend_programme_kind" CHECK ("kind" IN ('monthly_quarterly', 'one_off')),
                CONSTRAINT "PK_b30338984f489efba26cfd605bc" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_stipend_programme_unit" ON "stipend_programme" ("unit_id", "id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_stipend_programme_line" ON "stipend_programme" ("budget_line_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "stipend_rule_version" (
                "id" SERIAL NOT NULL,
                "programme_id" integer NOT NULL,
                "document_number" character varying(100) NOT NULL,
                "title" text,
                "effective_from" date NOT NULL,
                "rules" jsonb NOT NULL,
                "created_by_user_id" integer,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_c623653adbe947cd6aa90852976" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_stipend_rule_version_effective" ON "stipend_rule_version" ("programme_id", "effective_from")
        `);
    await queryRunner.query(`
            CREATE TABLE "stipend_batch" (
                "id" SERIAL NOT NULL,
                "programme_id" integer NOT NULL,
                "kind" character varying(12) NOT NULL,
                "year" integer NOT NULL,
                "quarter" integer,
                "election_date" date,
                "status" character varying(12) NOT NULL DEFAULT 'prepared',
                "total_fen" bigint NOT NULL,
                "people_count" integer NOT NULL,
                "rule_version_id" integer,
                "prepared_by_user_id" integer NOT NULL,
                "prepared_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "approved_by_user_id" integer,
                "approved_at" TIMESTAMP WITH TIME ZONE,
                "reject_reason" text,
                "paid_by_user_id" integer,
                "paid_at" TIMESTAMP WITH TIME ZONE,
                "paid_on" date,
                "payment_reference" character varying(100),
                "version" integer NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "chk_stipend_batch_paid" CHECK (("status" = 'paid') = ("paid_at" IS NOT NULL)),
                CONSTRAINT "chk_stipend_batch_approved" CHECK (
                    ("status" IN ('approved', 'paid')) = (
                        "approved_by_user_id" IS NOT NULL
                        AND "approved_at" IS NOT NULL
                    )
                ),
                CONSTRAINT "chk_stipend_batch_maker_checker" CHECK (
                    "approved_by_user_id" IS NULL
                    OR "approved_by_user_id" <> "prepared_by_user_id"
                ),
                CONSTRAINT "chk_stipend_batch_total" CHECK (
                    "total_fen" > 0
                    AND "people_count" > 0
                ),
                CONSTRAINT "chk_stipend_batch_period" CHECK (
                    (
                        "kind" = 'quarterly'
                        AND "quarter" BETWEEN 1 AND 4
                        AND "election_date" IS NULL
                    )
                    OR (
                        "kind" = 'one_off'
                        AND "quarter" IS NULL
                        AND "election_date" IS NOT NULL
                    )
                ),
                CONSTRAINT "chk_stipend_batch_status" CHECK (
                    "status" IN ('prepared', 'approved', 'paid', 'rejected')
                ),
                CONSTRAINT "chk_stipend_batch_kind" CHECK ("kind" IN ('quarterly', 'one_off')),
                CONSTRAINT "PK_88139bd61b5a465aa54c5ba832a" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_stipend_batch_programme" ON "stipend_batch" ("programme_id", "id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_stipend_batch_election" ON "stipend_batch" ("programme_id", "election_date")
            WHERE "kind" = 'one_off'
                AND "status" <> 'rejected'
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_stipend_batch_quarter" ON "stipend_batch" ("programme_id", "year", "quarter")
            WHERE "kind" = 'quarterly'
                AND "status" <> 'rejected'
        `);
    await queryRunner.query(`
            CREATE TABLE "stipend_person" (
                "id" SERIAL NOT NULL,
                "programme_id" integer NOT NULL,
                "street_id" integer NOT NULL,
                "community_id" integer NOT NULL,
                "name" character varying(50) NOT NULL,
                "national_id" character varying(18) NOT NULL,
                "birth_date" date NOT NULL,
                "sex" character varying(6) NOT NULL,
                "departure_date" date NOT NULL,
                "normal_departure" boolean NOT NULL,
                "eligible_from" date NOT NULL,
                "monthly_rate_fen" bigint NOT NULL,
                "bank_name" character varying(100) NOT NULL,
                "bank_account" character varying(30) NOT NULL,
                "status" character varying(12) NOT NULL DEFAULT 'active',
                "death_date" date,
                "removed_on" date,
                "removal_reason" text,
                "is_demo" boolean NOT NULL DEFAULT false,
                "version" integer NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "chk_stipend_person_removal" CHECK (
                    ("removed_on" IS NULL) = ("removal_reason" IS NULL)
                ),
                CONSTRAINT "chk_stipend_person_rate" CHECK ("monthly_rate_fen" > 0),
                CONSTRAINT "chk_stipend_person_death" CHECK (
                    ("status" = 'deceased') = ("death_date" IS NOT NULL)
                ),
                CONSTRAINT "chk_stipend_person_status" CHECK ("status" IN ('active', 'suspended', 'deceased')),
                CONSTRAINT "chk_stipend_person_sex" CHECK ("sex" IN ('male', 'female')),
                CONSTRAINT "chk_stipend_person_bank_account" CHECK ("bank_account" ~ '^[0-9]{12,30}$'),
                CONSTRAINT "chk_stipend_person_national_id" CHECK ("national_id" ~ '^[0-9]{17}[0-9X]$'),
                CONSTRAINT "PK_b3adbae939f0622b93442535149" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_stipend_person_community" ON "stipend_person" ("community_id", "id")
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_stipend_person_street" ON "stipend_person" ("programme_id", "street_id", "id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_stipend_person_national_id" ON "stipend_person" ("programme_id", "national_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "stipend_batch_line" (
                "id" SERIAL NOT NULL,
                "batch_id" integer NOT NULL,
                "person_id" integer NOT NULL,
                "street_id" integer NOT NULL,
                "community_id" integer NOT NULL,
                "name" character varying(50) NOT NULL,
                "national_id" character varying(18) NOT NULL,
                "bank_name" character varying(100) NOT NULL,
                "bank_account" character varying(30) NOT NULL,
                "months" character varying(7) array NOT NULL DEFAULT '{}',
                "monthly_rate_fen" bigint NOT NULL,
                "amount_fen" bigint NOT NULL,
                "detail" jsonb,
                CONSTRAINT "chk_stipend_batch_line_amount" CHECK (
                    "amount_fen" > 0
                    AND "monthly_rate_fen" >= 0
                ),
                CONSTRAINT "PK_822e2bb1b0387334ed30f67f0a2" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_stipend_batch_line_person" ON "stipend_batch_line" ("person_id", "batch_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_stipend_batch_line_person" ON "stipend_batch_line" ("batch_id", "person_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "stipend_post" (
                "id" SERIAL NOT NULL,
                "person_id" integer NOT NULL,
                "post" character varying(30) NOT NULL,
                "term_start" date NOT NULL,
                "term_end" date,
                "elected_at" date,
                "source" character varying(10) NOT NULL DEFAULT 'manual',
                CONSTRAINT "chk_stipend_post_source" CHECK ("source" IN ('import', 'manual')),
                CONSTRAINT "chk_stipend_post_elected" CHECK (
                    "elected_at" IS NULL
                    OR "elected_at" <= "term_start"
                ),
                CONSTRAINT "chk_stipend_post_term" CHECK (
                    "term_end" IS NULL
                    OR "term_end" >= "term_start"
                ),
                CONSTRAINT "chk_stipend_post_post" CHECK (
                    "post" IN (
                        'secretary_and_director',
                        'secretary',
                        'director',
                        'deputy_secretary',
                        'deputy_director',
                        'supervisory_director',
                        'committee_member'
                    )
                ),
                CONSTRAINT "PK_e817f26ddf4d44c90dccb2cb484" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_stipend_post_person" ON "stipend_post" ("person_id", "term_start")
        `);
    await queryRunner.query(`
            CREATE TABLE "stipend_street_report" (
                "id" SERIAL NOT NULL,
                "programme_id" integer NOT NULL,
                "street_id" integer NOT NULL,
                "year" integer NOT NULL,
                "quarter" integer NOT NULL,
                "status" character varying(12) NOT NULL,
                "note" text,
                "changes" jsonb NOT NULL DEFAULT '[]',
                "people_count" integer NOT NULL,
                "monthly_total_fen" bigint NOT NULL,
                "submitted_by_user_id" integer NOT NULL,
                "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "audited_by_user_id" integer,
                "audited_at" TIMESTAMP WITH TIME ZONE,
                "return_reason" text,
                "version" integer NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "chk_stipend_street_report_reason" CHECK (
                    ("status" = 'returned') = ("return_reason" IS NOT NULL)
                ),
                CONSTRAINT "chk_stipend_street_report_audit" CHECK (
                    ("status" = 'submitted') = ("audited_by_user_id" IS NULL)
                ),
                CONSTRAINT "chk_stipend_street_report_quarter" CHECK (
                    "quarter" BETWEEN 1 AND 4
                ),
                CONSTRAINT "chk_stipend_street_report_status" CHECK (
                    "status" IN ('submitted', 'approved', 'returned')
                ),
                CONSTRAINT "PK_41fda5e067cd2ec54102abbcf5b" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_stipend_street_report_quarter" ON "stipend_street_report" ("programme_id", "street_id", "year", "quarter")
        `);
    await queryRunner.query(`
            CREATE TABLE "stipend_report_entry" (
                "id" SERIAL NOT NULL,
                "report_id" integer NOT NULL,
                "person_id" integer NOT NULL,
                "community_id" integer NOT NULL,
                "name" character varying(50) NOT NULL,
                "national_id" character varying(18) NOT NULL,
                "monthly_rate_fen" bigint NOT NULL,
                "eligible_from" date NOT NULL,
                "eligible_until" date,
                "status" character varying(12) NOT NULL,
                "bank_name" character varying(100) NOT NULL,
                "bank_account" character varying(30) NOT NULL,
                CONSTRAINT "chk_stipend_report_entry_until" CHECK (
                    "eligible_until" IS NULL
                    OR "eligible_until" >= "eligible_from"
                ),
                CONSTRAINT "chk_stipend_report_entry_status" CHECK ("status" IN ('active', 'suspended', 'deceased')),
                CONSTRAINT "chk_stipend_report_entry_rate" CHECK ("monthly_rate_fen" > 0),
                CONSTRAINT "PK_c554044519e0244d13ff8efc5a9" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_stipend_report_entry_person" ON "stipend_report_entry" ("person_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_stipend_report_entry_person" ON "stipend_report_entry" ("report_id", "person_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "stipend_programme"
            ADD CONSTRAINT "FK_6aff8b1c8b75cfcd28990949513" FOREIGN KEY ("budget_line_id") REFERENCES "budget_line"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "stipend_programme"
            ADD CONSTRAINT "FK_1957fab461bd0cb7c2f424dc0e2" FOREIGN KEY ("roster_programme_id") REFERENCES "stipend_programme"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "stipend_programme"
            ADD CONSTRAINT "FK_312cca6b8c3f911eeada6b1efa3" FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "stipend_rule_version"
            ADD CONSTRAINT "FK_29a3ab7a15ce1b64ed175266dfa" FOREIGN KEY ("programme_id") REFERENCES "stipend_programme"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "stipend_rule_version"
            ADD CONSTRAINT "FK_4bf5431e6baa01976811cd87b04" FOREIGN KEY ("created_by_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "stipend_batch"
            ADD CONSTRAINT "FK_cd24b222f8c134c6054d7ef5d0f" FOREIGN KEY ("programme_id") REFERENCES "stipend_programme"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "stipend_batch"
            ADD CONSTRAINT "FK_cc203ee3536993f6191411eaec0" FOREIGN KEY ("rule_version_id") REFERENCES "stipend_rule_version"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "stipend_batch"
            ADD CONSTRAINT "FK_94010d7972c075c941d945866dc" FOREIGN KEY ("prepared_by_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "stipend_batch"
            ADD CONSTRAINT "FK_ed21ec604c38202a7a7cd669e67" FOREIGN KEY ("approved_by_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "stipend_batch"
            ADD CONSTRAINT "FK_1ed70f76bc89d70dace9fbf72c0" FOREIGN KEY ("paid_by_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "stipend_person"
            ADD CONSTRAINT "FK_48dfe30f6fcdc6d6f03f076fed8" FOREIGN KEY ("programme_id") REFERENCES "stipend_programme"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "stipend_person"
            ADD CONSTRAINT "FK_9ef421fc9c1d7c50568768e2d2b" FOREIGN KEY ("street_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "stipend_person"
            ADD CONSTRAINT "FK_f13c75bc5797d483c15b24a85b5" FOREIGN KEY ("community_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "stipend_batch_line"
            ADD CONSTRAINT "FK_7374e2d18af1a91935ac934c90b" FOREIGN KEY ("batch_id") REFERENCES "stipend_batch"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "stipend_batch_line"
            ADD CONSTRAINT "FK_05bce9d5d0c96fdbd9e5c611151" FOREIGN KEY ("person_id") REFERENCES "stipend_person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "stipend_batch_line"
            ADD CONSTRAINT "FK_f0b54452d3c920aa2fc0aaa9c52" FOREIGN KEY ("street_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "stipend_batch_line"
            ADD CONSTRAINT "FK_3120db66910b0e3c1d965516106" FOREIGN KEY ("community_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "stipend_post"
            ADD CONSTRAINT "FK_d25d73336eb222ff80fed2e4ef0" FOREIGN KEY ("person_id") REFERENCES "stipend_person"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "stipend_street_report"
            ADD CONSTRAINT "FK_c269e303b8eeabbf19cecb817bc" FOREIGN KEY ("programme_id") REFERENCES "stipend_programme"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "stipend_street_report"
            ADD CONSTRAINT "FK_f717dc4d19d163b1fe1c7643e38" FOREIGN KEY ("street_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "stipend_street_report"
            ADD CONSTRAINT "FK_976ca50351e28d19bc76e74fdb6" FOREIGN KEY ("submitted_by_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "stipend_street_report"
            ADD CONSTRAINT "FK_bf170957a76a2714298ba8547cb" FOREIGN KEY ("audited_by_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "stipend_report_entry"
            ADD CONSTRAINT "FK_0d96c2d3f78aeb622a36e03a456" FOREIGN KEY ("report_id") REFERENCES "stipend_street_report"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "stipend_report_entry"
            ADD CONSTRAINT "FK_64e6107d0d761f411664d25bef6" FOREIGN KEY ("person_id") REFERENCES "stipend_person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "stipend_report_entry"
            ADD CONSTRAINT "FK_25095509b051efec53ef7699908" FOREIGN KEY ("community_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "stipend_report_entry" DROP CONSTRAINT "FK_25095509b051efec53ef7699908"
        `);
    await queryRunner.query(`
            ALTER TABLE "stipend_report_entry" DROP CONSTRAINT "FK_64e6107d0d761f411664d25bef6"
        `);
    await queryRunner.query(`
            ALTER TABLE "stipend_report_entry" DROP CONSTRAINT "FK_0d96c2d3f78aeb622a36e03a456"
        `);
    await queryRunner.query(`
            ALTER TABLE "stipend_street_report" DROP CONSTRAINT "FK_bf170957a76a2714298ba8547cb"
        `);
    await queryRunner.query(`
            ALTER TABLE "stipend_street_report" DROP CONSTRAINT "FK_976ca50351e28d19bc76e74fdb6"
        `);
    await queryRunner.query(`
            ALTER TABLE "stipend_street_report" DROP CONSTRAINT "FK_f717dc4d19d163b1fe1c7643e38"
        `);
    await queryRunner.query(`
            ALTER TABLE "stipend_street_report" DROP CONSTRAINT "FK_c269e303b8eeabbf19cecb817bc"
        `);
    await queryRunner.query(`
            ALTER TABLE "stipend_post" DROP CONSTRAINT "FK_d25d73336eb222ff80fed2e4ef0"
        `);
    await queryRunner.query(`
            ALTER TABLE "stipend_batch_line" DROP CONSTRAINT "FK_3120db66910b0e3c1d965516106"
        `);
    await queryRunner.query(`
            ALTER TABLE "stipend_batch_line" DROP CONSTRAINT "FK_f0b54452d3c920aa2fc0aaa9c52"
        `);
    await queryRunner.query(`
            ALTER TABLE "stipend_batch_line" DROP CONSTRAINT "FK_05bce9d5d0c96fdbd9e5c611151"
        `);
    await queryRunner.query(`
            ALTER TABLE "stipend_batch_line" DROP CONSTRAINT "FK_7374e2d18af1a91935ac934c90b"
        `);
    await queryRunner.query(`
            ALTER TABLE "stipend_person" DROP CONSTRAINT "FK_f13c75bc5797d483c15b24a85b5"
        `);
    await queryRunner.query(`
            ALTER TABLE "stipend_person" DROP CONSTRAINT "FK_9ef421fc9c1d7c50568768e2d2b"
        `);
    await queryRunner.query(`
            ALTER TABLE "stipend_person" DROP CONSTRAINT "FK_48dfe30f6fcdc6d6f03f076fed8"
        `);
    await queryRunner.query(`
            ALTER TABLE "stipend_batch" DROP CONSTRAINT "FK_1ed70f76bc89d70dace9fbf72c0"
        `);
    await queryRunner.query(`
            ALTER TABLE "stipend_batch" DROP CONSTRAINT "FK_ed21ec604c38202a7a7cd669e67"
        `);
    await queryRunner.query(`
            ALTER TABLE "stipend_batch" DROP CONSTRAINT "FK_94010d7972c075c941d945866dc"
        `);
    await queryRunner.query(`
            ALTER TABLE "stipend_batch" DROP CONSTRAINT "FK_cc203ee3536993f6191411eaec0"
        `);
    await queryRunner.query(`
            ALTER TABLE "stipend_batch" DROP CONSTRAINT "FK_cd24b222f8c134c6054d7ef5d0f"
        `);
    await queryRunner.query(`
            ALTER TABLE "stipend_rule_version" DROP CONSTRAINT "FK_4bf5431e6baa01976811cd87b04"
        `);
    await queryRunner.query(`
            ALTER TABLE "stipend_rule_version" DROP CONSTRAINT "FK_29a3ab7a15ce1b64ed175266dfa"
        `);
    await queryRunner.query(`
            ALTER TABLE "stipend_programme" DROP CONSTRAINT "FK_312cca6b8c3f911eeada6b1efa3"
        `);
    await queryRunner.query(`
            ALTER TABLE "stipend_programme" DROP CONSTRAINT "FK_1957fab461bd0cb7c2f424dc0e2"
        `);
    await queryRunner.query(`
            ALTER TABLE "stipend_programme" DROP CONSTRAINT "FK_6aff8b1c8b75cfcd28990949513"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_stipend_report_entry_person"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_stipend_report_entry_person"
        `);
    await queryRunner.query(`
            DROP TABLE "stipend_report_entry"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_stipend_street_report_quarter"
        `);
    await queryRunner.query(`
            DROP TABLE "stipend_street_report"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_stipend_post_person"
        `);
    await queryRunner.query(`
            DROP TABLE "stipend_post"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_stipend_batch_line_person"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_stipend_batch_line_person"
        `);
    await queryRunner.query(`
            DROP TABLE "stipend_batch_line"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_stipend_person_national_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_stipend_person_street"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_stipend_person_community"
        `);
    await queryRunner.query(`
            DROP TABLE "stipend_person"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_stipend_batch_quarter"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_stipend_batch_election"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_stipend_batch_programme"
        `);
    await queryRunner.query(`
            DROP TABLE "stipend_batch"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_stipend_rule_version_effective"
        `);
    await queryRunner.query(`
            DROP TABLE "stipend_rule_version"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_stipend_programme_line"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_stipend_programme_unit"
        `);
    await queryRunner.query(`
            DROP TABLE "stipend_programme"
        `);
  }
}
