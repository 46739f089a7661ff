import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 15: building leaders on the stipend engine (roster kind, what a leader covers, nullable
 * cadre-only columns, the rate detail frozen in report entries), study trips (the training-cost
 * norm table, trips, participants, costs, evidence) and the social organisations registry
 * (organisations, service agreements, evaluations, payment tranches with the 尾款 gate).
 */
export class AnnualPlan1764000000300 implements MigrationInterface {
  name = 'AnnualPlan1764000000300';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "stipend_building_leader" ("person_id" integer NOT NULL, "buildings" character varying(100) NOT NULL, "building_count" integer NOT NULL, "units" character varying(100), "households" integer NOT NULL, "phone" character varying(12) NOT NULL, CONSTRAINT "chk_stipend_building_leader_phone" CHECK ("phone" ~ '^[0-9]{10,12}$'), CONSTRAINT "chk_stipend_building_leader_households" CHECK ("households" BETWEEN 0 AND 5000), CONSTRAINT "chk_stipend_building_leader_count" CHECK ("building_count" BETWEEN 1 AND 50), CONSTRAINT "PK_e4aa49e8a3cdd5b36dea85830ff" PRIMARY KEY ("person_id"))`);
    await queryRunner.query(`CREATE TABLE "training_norm_version" ("id" SERIAL NOT NULL, "unit_id" integer NOT NULL, "document_number" character varying(100) NOT NULL, "title" text, "effective_from" date NOT NULL, "items" jsonb NOT NULL, "is_demo" boolean NOT NULL DEFAULT false, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c394e7f302f87a28d6e8e572e0a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_training_norm_version_effective" ON "training_norm_version"  ("unit_id", "effective_from") `);
    await queryRunner.query(`CREATE TABLE "study_trip" ("id" SERIAL NOT NULL, "unit_id" integer NOT NULL, "budget_line_id" integer NOT NULL, "title" character varying(100) NOT NULL, "destination" character varying(100) NOT NULL, "purpose" text, "start_date" date NOT NULL, "end_date" date NOT NULL, "category" character varying(30) NOT NULL, "category_label" character varying(50) NOT NULL, "staff_count" integer NOT NULL DEFAULT '0', "travel_per_person_fen" bigint NOT NULL DEFAULT '0', "norm_version_id" integer NOT NULL, "rate_fen" bigint NOT NULL, "estimate_fen" bigint NOT NULL, "status" character varying(12) NOT NULL DEFAULT 'draft', "created_by_user_id" integer NOT NULL, "submitted_by_user_id" integer, "approved_by_user_id" integer, "approved_at" TIMESTAMP WITH TIME ZONE, "return_reason" text, "actual_fen" bigint, "direct_expenditure_id" integer, "is_demo" boolean NOT NULL DEFAULT false, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_study_trip_returned" CHECK (("status" = 'returned') = ("return_reason" IS NOT NULL)), CONSTRAINT "chk_study_trip_approved" CHECK ("status" NOT IN ('approved', 'completed') OR ("approved_by_user_id" IS NOT NULL AND "approved_at" IS NOT NULL)), CONSTRAINT "chk_study_trip_completed" CHECK (("status" = 'completed') = ("direct_expenditure_id" IS NOT NULL AND "actual_fen" IS NOT NULL)), CONSTRAINT "chk_study_trip_money" CHECK ("estimate_fen" >= 0 AND "rate_fen" > 0 AND "travel_per_person_fen" >= 0), CONSTRAINT "chk_study_trip_dates" CHECK ("end_date" >= "start_date"), CONSTRAINT "chk_study_trip_status" CHECK ("status" IN ('draft', 'submitted', 'approved', 'returned', 'completed', 'cancelled')), CONSTRAINT "PK_076433b87893f82af0f56ddb39a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_study_trip_expenditure" ON "study_trip"  ("direct_expenditure_id") WHERE "direct_expenditure_id" IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "idx_study_trip_unit" ON "study_trip"  ("unit_id", "id") `);
    await queryRunner.query(`CREATE TABLE "study_trip_participant" ("id" SERIAL NOT NULL, "trip_id" integer NOT NULL, "community_id" integer NOT NULL, "street_id" integer NOT NULL, "name" character varying(50) NOT NULL, "post" character varying(50) NOT NULL, "attended" boolean, CONSTRAINT "PK_28bab3634004b131332994d2793" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_study_trip_participant_community" ON "study_trip_participant"  ("community_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_study_trip_participant" ON "study_trip_participant"  ("trip_id", "community_id", "name") `);
    await queryRunner.query(`CREATE TABLE "study_trip_cost" ("id" SERIAL NOT NULL, "trip_id" integer NOT NULL, "kind" character varying(20) NOT NULL, "amount_fen" bigint NOT NULL, "note" character varying(200), CONSTRAINT "chk_study_trip_cost_amount" CHECK ("amount_fen" > 0), CONSTRAINT "chk_study_trip_cost_kind" CHECK ("kind" IN ('accommodation', 'meals', 'venue', 'materials', 'local_transport', 'travel', 'other')), CONSTRAINT "PK_b4c446f5d87d19294eb46d11935" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_study_trip_cost_trip" ON "study_trip_cost"  ("trip_id") `);
    await queryRunner.query(`CREATE TABLE "study_trip_evidence" ("id" SERIAL NOT NULL, "trip_id" integer NOT NULL, "kind" character varying(20) NOT NULL, "original_name" character varying(200) NOT NULL, "mime_type" character varying(100) NOT NULL, "size_bytes" integer NOT NULL, "sha256" character(64) NOT NULL, "storage_key" character varying(200) NOT NULL, "uploaded_by_user_id" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_study_trip_evidence_kind" CHECK ("kind" IN ('attendance_sheet', 'photo', 'receipt', 'other')), CONSTRAINT "PK_0b577338ab74662990308d81ad5" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_study_trip_evidence_trip" ON "study_trip_evidence"  ("trip_id", "id") `);
    await queryRunner.query(`CREATE TABLE "social_org" ("id" SERIAL NOT NULL, "unit_id" integer NOT NULL, "name" character varying(100) NOT NULL, "credit_code" character(18) NOT NULL, "org_type" character varying(30) NOT NULL, "registration_authority" character varying(100), "registered_on" date, "qualifications" text array NOT NULL DEFAULT '{}', "service_areas" text array NOT NULL DEFAULT '{}', "contact_name" character varying(50) NOT NULL, "contact_phone" character varying(12) NOT NULL, "address" character varying(200), "introduced_year" integer, "note" text, "is_demo" boolean NOT NULL DEFAULT false, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_social_org_phone" CHECK ("contact_phone" ~ '^[0-9]{10,12}$'), CONSTRAINT "chk_social_org_credit_code" CHECK ("credit_code" ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'), CONSTRAINT "chk_social_org_type" CHECK ("org_type" IN ('social_work_agency', 'social_group', 'private_non_enterprise', 'foundation', 'other')), CONSTRAINT "PK_08a28f4afeb09f0f8de0efe4be4" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_social_org_credit_code" ON "social_org"  ("unit_id", "credit_code") `);
    await queryRunner.query(`CREATE TABLE "social_org_agreement" ("id" SERIAL NOT NULL, "unit_id" integer NOT NULL, "social_org_id" integer NOT NULL, "title" character varying(100) NOT NULL, "year" integer NOT NULL, "budget_line_id" integer NOT NULL, "amount_fen" bigint NOT NULL, "signed_on" date NOT NULL, "start_date" date NOT NULL, "end_date" date NOT NULL, "status" character varying(12) NOT NULL DEFAULT 'active', "service_community_ids" integer array NOT NULL DEFAULT '{}', "deliverables" jsonb NOT NULL, "criteria" jsonb NOT NULL, "pass_mark" integer NOT NULL, "created_by_user_id" integer NOT NULL, "is_demo" boolean NOT NULL DEFAULT false, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_social_org_agreement_pass_mark" CHECK ("pass_mark" > 0), CONSTRAINT "chk_social_org_agreement_dates" CHECK ("end_date" >= "start_date"), CONSTRAINT "chk_social_org_agreement_amount" CHECK ("amount_fen" > 0), CONSTRAINT "chk_social_org_agreement_status" CHECK ("status" IN ('active', 'completed', 'terminated')), CONSTRAINT "PK_e6861d4d96be3668413285add4c" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_social_org_agreement_unit" ON "social_org_agreement"  ("unit_id", "year") `);
    await queryRunner.query(`CREATE INDEX "idx_social_org_agreement_org" ON "social_org_agreement"  ("social_org_id", "id") `);
    await queryRunner.query(`CREATE TABLE "social_org_evaluation" ("id" SERIAL NOT NULL, "agreement_id" integer NOT NULL, "kind" character varying(10) NOT NULL, "evaluated_on" date NOT NULL, "evaluator" character varying(100) NOT NULL, "scores" jsonb NOT NULL, "total_points" numeric(5,1) NOT NULL, "max_points" integer NOT NULL, "pass_mark" integer NOT NULL, "passed" boolean NOT NULL, "summary" text NOT NULL, "recorded_by_user_id" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_social_org_evaluation_passed" CHECK ("passed" = ("total_points" >= "pass_mark")), CONSTRAINT "chk_social_org_evaluation_points" CHECK ("total_points" >= 0 AND "total_points" <= "max_points"), CONSTRAINT "chk_social_org_evaluation_kind" CHECK ("kind" IN ('midterm', 'final')), CONSTRAINT "PK_cad375bece79110185698fa1f03" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_social_org_evaluation_agreement" ON "social_org_evaluation"  ("agreement_id", "id") `);
    await queryRunner.query(`CREATE TABLE "social_org_tranche" ("id" SERIAL NOT NULL, "agreement_id" integer NOT NULL, "seq" integer NOT NULL, "label" character varying(50) NOT NULL, "amount_fen" bigint NOT NULL, "condition" character varying(20) NOT NULL, "status" character varying(20) NOT NULL DEFAULT 'pending', "direct_expenditure_id" integer, "payment_id" integer, "passed_evaluation_id" integer, "requested_by_user_id" integer, "requested_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "chk_social_org_tranche_requested" CHECK (("status" = 'requested') = ("payment_id" IS NOT NULL AND "direct_expenditure_id" IS NOT NULL AND "requested_at" IS NOT NULL)), CONSTRAINT "chk_social_org_tranche_gate" CHECK ("condition" <> 'after_evaluation' OR "status" <> 'requested' OR "passed_evaluation_id" IS NOT NULL), CONSTRAINT "chk_social_org_tranche_amount" CHECK ("amount_fen" > 0), CONSTRAINT "chk_social_org_tranche_status" CHECK ("status" IN ('pending', 'requested', 'settled_outside')), CONSTRAINT "chk_social_org_tranche_condition" CHECK ("condition" IN ('on_signing', 'on_midterm', 'after_evaluation')), CONSTRAINT "PK_ada094cf5eeac430300ac13fa91" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_social_org_tranche_expenditure" ON "social_org_tranche"  ("direct_expenditure_id") WHERE "direct_expenditure_id" IS NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_social_org_tranche_seq" ON "social_org_tranche"  ("agreement_id", "seq") `);
    await queryRunner.query(`ALTER TABLE "stipend_programme" ADD "roster_kind" character varying(20) NOT NULL DEFAULT 'retired_cadre'`);
    await queryRunner.query(`ALTER TABLE "stipend_report_entry" ADD "detail" jsonb`);
    await queryRunner.query(`ALTER TABLE "stipend_person" ALTER COLUMN "departure_date" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "stipend_person" ALTER COLUMN "normal_departure" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "stipend_programme" ADD CONSTRAINT "chk_stipend_programme_one_off_cadres" CHECK ("kind" <> 'one_off' OR "roster_kind" = 'retired_cadre')`);
    await queryRunner.query(`ALTER TABLE "stipend_programme" ADD CONSTRAINT "chk_stipend_programme_roster_kind" CHECK ("roster_kind" IN ('retired_cadre', 'building_leader'))`);
    await queryRunner.query(`ALTER TABLE "stipend_person" ADD CONSTRAINT "chk_stipend_person_departure" CHECK (("departure_date" IS NULL) = ("normal_departure" IS NULL))`);
    await queryRunner.query(`ALTER TABLE "stipend_building_leader" ADD CONSTRAINT "FK_e4aa49e8a3cdd5b36dea85830ff" FOREIGN KEY ("person_id") REFERENCES "stipend_person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "training_norm_version" ADD CONSTRAINT "FK_5968b4d365e67baa68312cc9b9a" FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "study_trip" ADD CONSTRAINT "FK_98e26b2c321036eedbc87c0fe81" FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "study_trip" ADD CONSTRAINT "FK_32db30a770837b40b707ab9d412" FOREIGN KEY ("budget_line_id") REFERENCES "budget_line"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "study_trip" ADD CONSTRAINT "FK_28c32faeceef12657cd28ab9a2f" FOREIGN KEY ("norm_version_id") REFERENCES "training_norm_version"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "study_trip" ADD CONSTRAINT "FK_e4d82ac0f097c45841e8038f7f7" FOREIGN KEY ("created_by_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "study_trip" ADD CONSTRAINT "FK_0c68d6f3a140b619628d2111b77" FOREIGN KEY ("submitted_by_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "study_trip" ADD CONSTRAINT "FK_6321ab1ce6e54da97101acd6fba" FOREIGN KEY ("approved_by_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "study_trip" ADD CONSTRAINT "FK_933f2273fc766fce48561a74bec" FOREIGN KEY ("direct_expenditure_id") REFERENCES "direct_expenditure"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "study_trip_participant" ADD CONSTRAINT "FK_652a2845993f200d35fea159c94" FOREIGN KEY ("trip_id") REFERENCES "study_trip"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "study_trip_participant" ADD CONSTRAINT "FK_37fed7b8f220c4ecbb8586a27e2" FOREIGN KEY ("community_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "study_trip_participant" ADD CONSTRAINT "FK_1955a06659f07d10461b4e3afe8" FOREIGN KEY ("street_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "study_trip_cost" ADD CONSTRAINT "FK_b7de85e43f0696bf197fe338898" FOREIGN KEY ("trip_id") REFERENCES "study_trip"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "study_trip_evidence" ADD CONSTRAINT "FK_44d0f489624b0d2a57cbdcf7668" FOREIGN KEY ("trip_id") REFERENCES "study_trip"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "study_trip_evidence" ADD CONSTRAINT "FK_10dbdf69022ed290575f6485007" FOREIGN KEY ("uploaded_by_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "social_org" ADD CONSTRAINT "FK_18667fd3779a8a422926dcfd0f8" FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "social_org_agreement" ADD CONSTRAINT "FK_9cd049eb429d3667ca7dde928ac" FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "social_org_agreement" ADD CONSTRAINT "FK_5c1e1823ff257f15e2398b60917" FOREIGN KEY ("social_org_id") REFERENCES "social_org"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "social_org_agreement" ADD CONSTRAINT "FK_101223a42f892b1510863d9c2d9" FOREIGN KEY ("budget_line_id") REFERENCES "budget_line"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "social_org_agreement" ADD CONSTRAINT "FK_73b6a1b7d627df0d7444219e881" FOREIGN KEY ("created_by_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "social_org_evaluation" ADD CONSTRAINT "FK_8cf6bd02d1cdafc0c36376e3d78" FOREIGN KEY ("agreement_id") REFERENCES "social_org_agreement"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "social_org_evaluation" ADD CONSTRAINT "FK_b3d32a036f2fead881029e94ae6" FOREIGN KEY ("recorded_by_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "social_org_tranche" ADD CONSTRAINT "FK_e64361a7e4a085267310c6e1176" FOREIGN KEY ("agreement_id") REFERENCES "social_org_agreement"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "social_org_tranche" ADD CONSTRAINT "FK_c4d6d3e49aae28f5a21f53f6b2e" FOREIGN KEY ("direct_expenditure_id") REFERENCES "direct_expenditure"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "social_org_tranche" ADD CONSTRAINT "FK_fdf997300d45a86f2e60d03867d" FOREIGN KEY ("payment_id") REFERENCES "payment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "social_org_tranche" ADD CONSTRAINT "FK_fa866d5d59d5b66e911adf8ab86" FOREIGN KEY ("passed_evaluation_id") REFERENCES "social_org_evaluation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "social_org_tranche" ADD CONSTRAINT "FK_fdd26ff7ee82663778077e2a9a2" FOREIGN KEY ("requested_by_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "social_org_tranche" DROP CONSTRAINT "FK_fdd26ff7ee82663778077e2a9a2"`);
    await queryRunner.query(`ALTER TABLE "social_org_tranche" DROP CONSTRAINT "FK_fa866d5d59d5b66e911adf8ab86"`);
    await queryRunner.query(`ALTER TABLE "social_org_tranche" DROP CONSTRAINT "FK_fdf997300d45a86f2e60d03867d"`);
    await queryRunner.query(`ALTER TABLE "social_org_tranche" DROP CONSTRAINT "FK_c4d6d3e49aae28f5a21f53f6b2e"`);
    await queryRunner.query(`ALTER TABLE "social_org_tranche" DROP CONSTRAINT "FK_e64361a7e4a085267310c6e1176"`);
    await queryRunner.query(`ALTER TABLE "social_org_evaluation" DROP CONSTRAINT "FK_b3d32a036f2fead881029e94ae6"`);
    await queryRunner.query(`ALTER TABLE "social_org_evaluation" DROP CONSTRAINT "FK_8cf6bd02d1cdafc0c36376e3d78"`);
    await queryRunner.query(`ALTER TABLE "social_org_agreement" DROP CONSTRAINT "FK_73b6a1b7d627df0d7444219e881"`);
    await queryRunner.query(`ALTER TABLE "social_org_agreement" DROP CONSTRAINT "FK_101223a42f892b1510863d9c2d9"`);
    await queryRunner.query(`ALTER TABLE "social_org_agreement" DROP CONSTRAINT "FK_5c1e1823ff257f15e2398b60917"`);
    await queryRunner.query(`ALTER TABLE "social_org_agreement" DROP CONSTRAINT "FK_9cd049eb429d3667ca7dde928ac"`);
    await queryRunner.query(`ALTER TABLE "social_org" DROP CONSTRAINT "FK_18667fd3779a8a422926dcfd0f8"`);
    await queryRunner.query(`ALTER TABLE "study_trip_evidence" DROP CONSTRAINT "FK_10dbdf69022ed290575f6485007"`);
    await queryRunner.query(`ALTER TABLE "study_trip_evidence" DROP CONSTRAINT "FK_44d0f489624b0d2a57cbdcf7668"`);
    await queryRunner.query(`ALTER TABLE "study_trip_cost" DROP CONSTRAINT "FK_b7de85e43f0696bf197fe338898"`);
    await queryRunner.query(`ALTER TABLE "study_trip_participant" DROP CONSTRAINT "FK_1955a06659f07d10461b4e3afe8"`);
    await queryRunner.query(`ALTER TABLE "study_trip_participant" DROP CONSTRAINT "FK_37fed7b8f220c4ecbb8586a27e2"`);
    await queryRunner.query(`ALTER TABLE "study_trip_participant" DROP CONSTRAINT "FK_652a2845993f200d35fea159c94"`);
    await queryRunner.query(`ALTER TABLE "study_trip" DROP CONSTRAINT "FK_933f2273fc766fce48561a74bec"`);
    await queryRunner.query(`ALTER TABLE "study_trip" DROP CONSTRAINT "FK_6321ab1ce6e54da97101acd6fba"`);
    await queryRunner.query(`ALTER TABLE "study_trip" DROP CONSTRAINT "FK_0c68d6f3a140b619628d2111b77"`);
    await queryRunner.query(`ALTER TABLE "study_trip" DROP CONSTRAINT "FK_e4d82ac0f097c45841e8038f7f7"`);
    await queryRunner.query(`ALTER TABLE "study_trip" DROP CONSTRAINT "FK_28c32faeceef12657cd28ab9a2f"`);
    await queryRunner.query(`ALTER TABLE "study_trip" DROP CONSTRAINT "FK_32db30a770837b40b707ab9d412"`);
    await queryRunner.query(`ALTER TABLE "study_trip" DROP CONSTRAINT "FK_98e26b2c321036eedbc87c0fe81"`);
    await queryRunner.query(`ALTER TABLE "training_norm_version" DROP CONSTRAINT "FK_5968b4d365e67baa68312cc9b9a"`);
    await queryRunner.query(`ALTER TABLE "stipend_building_leader" DROP CONSTRAINT "FK_e4aa49e8a3cdd5b36dea85830ff"`);
    await queryRunner.query(`ALTER TABLE "stipend_person" DROP CONSTRAINT "chk_stipend_person_departure"`);
    await queryRunner.query(`ALTER TABLE "stipend_programme" DROP CONSTRAINT "chk_stipend_programme_roster_kind"`);
    await queryRunner.query(`ALTER TABLE "stipend_programme" DROP CONSTRAINT "chk_stipend_programme_one_off_cadres"`);
    await queryRunner.query(`ALTER TABLE "stipend_person" ALTER COLUMN "normal_departure" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "stipend_person" ALTER COLUMN "departure_date" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "stipend_report_entry" DROP COLUMN "detail"`);
    await queryRunner.query(`ALTER TABLE "stipend_programme" DROP COLUMN "roster_kind"`);
    await queryRunner.query(`DROP INDEX "public"."uq_social_org_tranche_seq"`);
    await queryRunner.query(`DROP INDEX "public"."uq_social_org_tranche_expenditure"`);
    await queryRunner.query(`DROP TABLE "social_org_tranche"`);
    await queryRunner.query(`DROP INDEX "public"."idx_social_org_evaluation_agreement"`);
    await queryRunner.query(`DROP TABLE "social_org_evaluation"`);
    await queryRunner.query(`DROP INDEX "public"."idx_social_org_agreement_org"`);
    await queryRunner.query(`DROP INDEX "public"."idx_social_org_agreement_unit"`);
    await queryRunner.query(`DROP TABLE "social_org_agreement"`);
    await queryRunner.query(`DROP INDEX "public"."uq_social_org_credit_code"`);
    await queryRunner.query(`DROP TABLE "social_org"`);
    await queryRunner.query(`DROP INDEX "public"."idx_study_trip_evidence_trip"`);
    await queryRunner.query(`DROP TABLE "study_trip_evidence"`);
    await queryRunner.query(`DROP INDEX "public"."idx_study_trip_cost_trip"`);
    await queryRunner.query(`DROP TABLE "study_trip_cost"`);
    await queryRunner.query(`DROP INDEX "public"."uq_study_trip_participant"`);
    await queryRunner.query(`DROP INDEX "public"."idx_study_trip_participant_community"`);
    await queryRunner.query(`DROP TABLE "study_trip_participant"`);
    await queryRunner.query(`DROP INDEX "public"."idx_study_trip_unit"`);
    await queryRunner.query(`DROP INDEX "public"."uq_study_trip_expenditure"`);
    await queryRunner.query(`DROP TABLE "study_trip"`);
    await queryRunner.query(`DROP INDEX "public"."uq_training_norm_version_effective"`);
    await queryRunner.query(`DROP TABLE "training_norm_version"`);
    await queryRunner.query(`DROP TABLE "stipend_building_leader"`);
  }
}
