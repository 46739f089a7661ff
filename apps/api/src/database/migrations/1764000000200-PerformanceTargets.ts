import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 11: performance target tables (versions, indicators, hand-entered values with evidence,
 * the self-evaluation with street reports and deviation notes) and satisfaction surveys (surveys,
 * respondent tokens, answers — one per token by a UNIQUE index).
 */
export class PerformanceTargets1764000000200 implements MigrationInterface {
  name = 'PerformanceTargets1764000000200';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "performance_table" ("id" SERIAL NOT NULL, "unit_id" integer NOT NULL, "programme_id" integer NOT NULL, "programme_name" character varying(100) NOT NULL, "year" integer NOT NULL, "name" character varying(100) NOT NULL, "is_demo" boolean NOT NULL DEFAULT false, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3370b2c4b7bfaaf0ecf3eb67f5d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_performance_table_unit_year" ON "performance_table" ("unit_id", "year")`,
    );
    await queryRunner.query(
      `CREATE TABLE "performance_table_line" ("table_id" integer NOT NULL, "budget_line_id" integer NOT NULL, "name" character varying(100) NOT NULL, "position" integer NOT NULL, CONSTRAINT "PK_a66d33f50f27ea899cbc35c9822" PRIMARY KEY ("table_id", "budget_line_id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_performance_table_line_line" ON "performance_table_line" ("budget_line_id")`,
    );
    await queryRunner.query(
      `CREATE TABLE "performance_table_version" ("id" SERIAL NOT NULL, "table_id" integer NOT NULL, "number" integer NOT NULL, "status" character varying(12) NOT NULL, "long_term_period" character varying(40) NOT NULL DEFAULT '', "long_term_goal" text NOT NULL DEFAULT '', "annual_goal" text NOT NULL DEFAULT '', "budget_execution_points" numeric(5,2) NOT NULL DEFAULT '10', "change_note" text, "created_by_user_id" integer, "approved_by_user_id" integer, "approved_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_performance_table_version_points" CHECK ("budget_execution_points" BETWEEN 0 AND 100), CONSTRAINT "chk_performance_table_version_approved" CHECK (("status" = 'draft') = ("approved_at" IS NULL)), CONSTRAINT "chk_performance_table_version_status" CHECK ("status" IN ('draft', 'approved', 'superseded')), CONSTRAINT "PK_17dbbc375288aac6105303fe4ee" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_performance_table_version_approved" ON "performance_table_version" ("table_id") WHERE "status" = 'approved'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_performance_table_version_draft" ON "performance_table_version" ("table_id") WHERE "status" = 'draft'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_performance_table_version_number" ON "performance_table_version" ("table_id", "number")`,
    );
    await queryRunner.query(
      `CREATE TABLE "performance_indicator" ("id" SERIAL NOT NULL, "version_id" integer NOT NULL, "key" character varying(40) NOT NULL, "position" integer NOT NULL, "level1" character varying(40) NOT NULL, "level2" character varying(40) NOT NULL, "name" character varying(200) NOT NULL, "nature" character varying(12) NOT NULL, "target" numeric(20,4), "target_text" character varying(50) NOT NULL DEFAULT '', "unit" character varying(20) NOT NULL, "points" numeric(5,2) NOT NULL, "rule" character varying(20) NOT NULL, "rule_text" character varying(500) NOT NULL DEFAULT '', "deduction_per_unit" numeric(8,4), "attribute_code" character varying(10) NOT NULL DEFAULT '', "content" text NOT NULL DEFAULT '', "basis" text NOT NULL DEFAULT '', "data_source" character varying(500) NOT NULL DEFAULT '', "binding" jsonb NOT NULL, CONSTRAINT "chk_performance_indicator_points" CHECK ("points" BETWEEN 0 AND 100), CONSTRAINT "chk_performance_indicator_qualitative" CHECK (("nature" = 'qualitative') = ("rule" = 'qualitative') AND ("nature" = 'qualitative') = ("target" IS NULL)), CONSTRAINT "chk_performance_indicator_rule" CHECK ("rule" IN ('proportional', 'all_or_nothing', 'deduct', 'qualitative')), CONSTRAINT "chk_performance_indicator_nature" CHECK ("nature" IN ('=', '>=', '<=', 'qualitative')), CONSTRAINT "PK_cd199b9a6cd2cb00abacbf13720" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_performance_indicator_position" ON "performance_indicator" ("version_id", "position")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_performance_indicator_key" ON "performance_indicator" ("version_id", "key")`,
    );
    await queryRunner.query(
      `CREATE TABLE "performance_evidence" ("id" SERIAL NOT NULL, "table_id" integer NOT NULL, "original_name" character varying(200) NOT NULL, "mime_type" character varying(100) NOT NULL, "size_bytes" integer NOT NULL, "sha256" character(64) NOT NULL, "storage_key" character varying(200) NOT NULL, "uploaded_by_user_id" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2feefff11196a3f45affeedb860" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_performance_evidence_table" ON "performance_evidence" ("table_id", "id")`,
    );
    await queryRunner.query(
      `CREATE TABLE "performance_manual_value" ("id" SERIAL NOT NULL, "table_id" integer NOT NULL, "indicator_key" character varying(40) NOT NULL, "value" numeric(20,4), "band" character varying(20), "band_fraction" numeric(5,4), "note" text NOT NULL DEFAULT '', "evidence_id" integer NOT NULL, "entered_by_user_id" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_performance_manual_value_fraction" CHECK ("band_fraction" IS NULL OR "band_fraction" BETWEEN 0 AND 1), CONSTRAINT "chk_performance_manual_value_band" CHECK ("band" IS NULL OR "band" IN ('achieved', 'partly', 'not_achieved')), CONSTRAINT "chk_performance_manual_value_kind" CHECK (("value" IS NULL) <> ("band" IS NULL)), CONSTRAINT "PK_ba7da16adbd64bb5f5326111304" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_performance_manual_value_indicator" ON "performance_manual_value" ("table_id", "indicator_key", "id")`,
    );
    await queryRunner.query(
      `CREATE TABLE "performance_evaluation" ("id" SERIAL NOT NULL, "table_id" integer NOT NULL, "status" character varying(12) NOT NULL DEFAULT 'open', "submitted_version_id" integer, "snapshot" jsonb, "submitted_by_user_id" integer, "submitted_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_performance_evaluation_submitted" CHECK (("status" = 'submitted') = ("submitted_at" IS NOT NULL AND "snapshot" IS NOT NULL AND "submitted_version_id" IS NOT NULL)), CONSTRAINT "chk_performance_evaluation_status" CHECK ("status" IN ('open', 'submitted')), CONSTRAINT "PK_cbbd7d7002f90274183c145f13d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_performance_evaluation_table" ON "performance_evaluation" ("table_id")`,
    );
    await queryRunner.query(
      `CREATE TABLE "performance_deviation_note" ("id" SERIAL NOT NULL, "evaluation_id" integer NOT NULL, "unit_id" integer NOT NULL, "indicator_key" character varying(40) NOT NULL, "text" text NOT NULL, "updated_by_user_id" integer NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d90ef853fe25db22b69ad4a0b48" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_performance_deviation_note" ON "performance_deviation_note" ("evaluation_id", "unit_id", "indicator_key")`,
    );
    await queryRunner.query(
      `CREATE TABLE "performance_street_report" ("id" SERIAL NOT NULL, "evaluation_id" integer NOT NULL, "street_id" integer NOT NULL, "status" character varying(12) NOT NULL, "figures" jsonb NOT NULL, "submitted_by_user_id" integer NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "audited_by_user_id" integer, "audited_at" TIMESTAMP WITH TIME ZONE, "return_reason" text, "version" integer NOT NULL, CONSTRAINT "chk_performance_street_report_reason" CHECK (("status" = 'returned') = ("return_reason" IS NOT NULL)), CONSTRAINT "chk_performance_street_report_audit" CHECK (("status" = 'submitted') = ("audited_by_user_id" IS NULL)), CONSTRAINT "chk_performance_street_report_status" CHECK ("status" IN ('submitted', 'approved', 'returned')), CONSTRAINT "PK_45d8e82ec30638bad031d696800" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_performance_street_report" ON "performance_street_report" ("evaluation_id", "street_id")`,
    );
    await queryRunner.query(
      `CREATE TABLE "survey" ("id" SERIAL NOT NULL, "title" character varying(100) NOT NULL, "description" text NOT NULL DEFAULT '', "subject_kind" character varying(20) NOT NULL, "subject_id" integer NOT NULL, "subject_name" character varying(200) NOT NULL, "budget_line_id" integer NOT NULL, "budget_line_name" character varying(100) NOT NULL, "unit_id" integer NOT NULL, "year" integer NOT NULL, "status" character varying(12) NOT NULL DEFAULT 'open', "count_basically_satisfied" boolean NOT NULL DEFAULT true, "ask_group" boolean NOT NULL DEFAULT true, "max_answers_per_address" integer NOT NULL DEFAULT '50', "closes_at" TIMESTAMP WITH TIME ZONE, "code" character varying(32) NOT NULL, "address_salt" character(32) NOT NULL, "is_demo" boolean NOT NULL DEFAULT false, "created_by_user_id" integer, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_survey_address_cap" CHECK ("max_answers_per_address" BETWEEN 1 AND 1000), CONSTRAINT "chk_survey_status" CHECK ("status" IN ('open', 'closed')), CONSTRAINT "chk_survey_subject" CHECK ("subject_kind" IN ('project', 'budget_line', 'stipend_recipients')), CONSTRAINT "PK_f0da32b9181e9c02ecf0be11ed3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_survey_unit_year" ON "survey" ("unit_id", "year")`);
    await queryRunner.query(`CREATE INDEX "idx_survey_line" ON "survey" ("budget_line_id", "id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_survey_code" ON "survey" ("code")`);
    await queryRunner.query(
      `CREATE TABLE "survey_token" ("id" SERIAL NOT NULL, "survey_id" integer NOT NULL, "token_hash" character(64) NOT NULL, "kind" character varying(12) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_survey_token_kind" CHECK ("kind" IN ('device', 'invitation')), CONSTRAINT "PK_721c52719dccf258165a634af70" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_survey_token_survey" ON "survey_token" ("survey_id", "id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_survey_token_hash" ON "survey_token" ("token_hash")`);
    await queryRunner.query(
      `CREATE TABLE "survey_answer" ("id" SERIAL NOT NULL, "survey_id" integer NOT NULL, "token_id" integer NOT NULL, "choice" character varying(24) NOT NULL, "respondent_group" character varying(24), "comment" text NOT NULL DEFAULT '', "address_hash" character(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_survey_answer_group" CHECK ("respondent_group" IS NULL OR "respondent_group" IN ('community_cadre', 'resident', 'social_organisation')), CONSTRAINT "chk_survey_answer_choice" CHECK ("choice" IN ('satisfied', 'basically_satisfied', 'dissatisfied')), CONSTRAINT "PK_5a2a931b95ad2a866f8bc039db9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_survey_answer_address" ON "survey_answer" ("survey_id", "address_hash")`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_survey_answer_survey" ON "survey_answer" ("survey_id", "choice")`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_survey_answer_token" ON "survey_answer" ("token_id")`);
    await queryRunner.query(
      `ALTER TABLE "performance_table" ADD CONSTRAINT "FK_ea63e247cda49a1f0f0ee79dc6a" FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "performance_table" ADD CONSTRAINT "FK_bdbe76798dfecf7e28e0d413465" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "performance_table_line" ADD CONSTRAINT "FK_05c601f1aecc20ea3a19dc60aeb" FOREIGN KEY ("table_id") REFERENCES "performance_table"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "performance_table_line" ADD CONSTRAINT "FK_21c48f7b29027fef9a35972374c" FOREIGN KEY ("budget_line_id") REFERENCES "budget_line"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "performance_table_version" ADD CONSTRAINT "FK_7711d253cf52110ea24af25b434" FOREIGN KEY ("table_id") REFERENCES "performance_table"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "performance_table_version" ADD CONSTRAINT "FK_6200b613765ee9300277cb811cd" FOREIGN KEY ("created_by_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "performance_table_version" ADD CONSTRAINT "FK_5bf4c28e378d93a76a5623e2a2f" FOREIGN KEY ("approved_by_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "performance_indicator" ADD CONSTRAINT "FK_8d79c8b7469d33bf063497667aa" FOREIGN KEY ("version_id") REFERENCES "performance_table_version"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "performance_evidence" ADD CONSTRAINT "FK_ac4c1dd3e2845098f8b47097708" FOREIGN KEY ("table_id") REFERENCES "performance_table"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "performance_evidence" ADD CONSTRAINT "FK_bb1de5fc98e5c1ee5be8c48d3b9" FOREIGN KEY ("uploaded_by_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "performance_manual_value" ADD CONSTRAINT "FK_415612dec81eada91654f37a766" FOREIGN KEY ("table_id") REFERENCES "performance_table"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "performance_manual_value" ADD CONSTRAINT "FK_362b9542cace2c37852692ef0de" FOREIGN KEY ("evidence_id") REFERENCES "performance_evidence"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "performance_manual_value" ADD CONSTRAINT "FK_263b5209ceaa91efa67c2db65d5" FOREIGN KEY ("entered_by_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "performance_evaluation" ADD CONSTRAINT "FK_5e7d1f67ac7784d0003dec41ce1" FOREIGN KEY ("table_id") REFERENCES "performance_table"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "performance_evaluation" ADD CONSTRAINT "FK_85e8e6e3e04ba8ee637f9dd290c" FOREIGN KEY ("submitted_version_id") REFERENCES "performance_table_version"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "performance_evaluation" ADD CONSTRAINT "FK_3ec2881041a47f42e853fa930fb" FOREIGN KEY ("submitted_by_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "performance_deviation_note" ADD CONSTRAINT "FK_0b646f7d52789e5de41a709d7c7" FOREIGN KEY ("evaluation_id") REFERENCES "performance_evaluation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "performance_deviation_note" ADD CONSTRAINT "FK_c69b22212eab433ad30de1599d3" FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "performance_deviation_note" ADD CONSTRAINT "FK_c513e0287a8cbd0f79d848ae755" FOREIGN KEY ("updated_by_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "performance_street_report" ADD CONSTRAINT "FK_bf6cf92e54c6e0630c6d0d7a94b" FOREIGN KEY ("evaluation_id") REFERENCES "performance_evaluation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "performance_street_report" ADD CONSTRAINT "FK_91c349316a0ceb83c14a7ecea53" FOREIGN KEY ("street_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "performance_street_report" ADD CONSTRAINT "FK_d539ae0b0bf3a7584ea7378d3dd" FOREIGN KEY ("submitted_by_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "performance_street_report" ADD CONSTRAINT "FK_a9424ae24f721720ac5cbd02c31" FOREIGN KEY ("audited_by_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey" ADD CONSTRAINT "FK_da6e49763427a12141cbcdfd0a3" FOREIGN KEY ("budget_line_id") REFERENCES "budget_line"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey" ADD CONSTRAINT "FK_40daa1e26bd38792b02d5147e19" FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey" ADD CONSTRAINT "FK_a84c659047c52807136d8b827fb" FOREIGN KEY ("created_by_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_token" ADD CONSTRAINT "FK_367730178794cb6266d0c08500d" FOREIGN KEY ("survey_id") REFERENCES "survey"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_answer" ADD CONSTRAINT "FK_ca5d0e0e096f8874883140eac9c" FOREIGN KEY ("survey_id") REFERENCES "survey"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_answer" ADD CONSTRAINT "FK_e95602580f2ad10c6f9f10d206f" FOREIGN KEY ("token_id") REFERENCES "survey_token"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "survey_answer"`);
    await queryRunner.query(`DROP TABLE "survey_token"`);
    await queryRunner.query(`DROP TABLE "survey"`);
    await queryRunner.query(`DROP TABLE "performance_street_report"`);
    await queryRunner.query(`DROP TABLE "performance_deviation_note"`);
    await queryRunner.query(`DROP TABLE "performance_evaluation"`);
    await queryRunner.query(`DROP TABLE "performance_manual_value"`);
    await queryRunner.query(`DROP TABLE "performance_evidence"`);
    await queryRunner.query(`DROP TABLE "performance_indicator"`);
    await queryRunner.query(`DROP TABLE "performance_table_version"`);
    await queryRunner.query(`DROP TABLE "performance_table_line"`);
    await queryRunner.query(`DROP TABLE "performance_table"`);
  }
}
