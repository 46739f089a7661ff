import { MigrationInterface, QueryRunner } from "typeorm";

export class Reviews1763880000003 implements MigrationInterface {
    name = 'Reviews1763880000003'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "reviewer_profile" (
                "user_id" integer NOT NULL,
                "expertise_tags" character varying(40) array NOT NULL DEFAULT '{}',
                "affiliation_unit_ids" integer array NOT NULL DEFAULT '{}',
                "active" boolean NOT NULL DEFAULT true,
                "version" integer NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_d34b8f44042c8a5268bdb2226ae" PRIMARY KEY ("user_id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "review_panel" (
                "id" SERIAL NOT NULL,
                "competition_id" integer NOT NULL,
                "chair_user_id" integer,
                "reviewers_per_application" integer NOT NULL DEFAULT '5',
                "max_load" integer NOT NULL DEFAULT '30',
                "blind" boolean NOT NULL DEFAULT false,
                "aggregation" character varying(20) NOT NULL DEFAULT 'trimmed_mean',
                "fundable_threshold" numeric(5, 2) NOT NULL DEFAULT '60',
                "disagreement_spread" integer NOT NULL DEFAULT '20',
                "comment_required_at_extremes" boolean NOT NULL DEFAULT true,
                "rank_by_category" boolean NOT NULL DEFAULT false,
                "draw_seed" character varying(64),
                "draw_tags" character varying(40) array NOT NULL DEFAULT '{}',
                "version" integer NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "chk_review_panel_method" CHECK ("aggregation" IN ('mean', 'trimmed_mean')),
                CONSTRAINT "chk_review_panel_k" CHECK (
                    "reviewers_per_application" >= 1
                    AND "max_load" >= 1
                ),
                CONSTRAINT "PK_58f5dee695d53ead41f3032c60e" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_review_panel_competition" ON "review_panel" ("competition_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "review_panel_member" (
                "panel_id" integer NOT NULL,
                "user_id" integer NOT NULL,
                CONSTRAINT "PK_f645ba79701187ee67f392cdae4" PRIMARY KEY ("panel_id", "user_id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "review_conflict_record" (
                "id" SERIAL NOT NULL,
                "application_id" integer NOT NULL,
                "reviewer_user_id" integer NOT NULL,
                "kind" character varying(20) NOT NULL,
                "category" character varying(20) NOT NULL,
                "note" text,
                "created_by_user_id" integer NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "chk_review_conflict_category" CHECK (
                    "category" IN ('affiliation', 'personal', 'financial', 'other')
                ),
                CONSTRAINT "chk_review_conflict_kind" CHECK ("kind" IN ('declared', 'pinned')),
                CONSTRAINT "PK_92f6cc601536f905594bd7b189e" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_review_conflict_record" ON "review_conflict_record" ("application_id", "reviewer_user_id", "kind")
        `);
        await queryRunner.query(`
            CREATE TABLE "review_assignment" (
                "id" SERIAL NOT NULL,
                "panel_id" integer NOT NULL,
                "application_id" integer NOT NULL,
                "reviewer_user_id" integer NOT NULL,
                "method" character varying(20) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "chk_review_assignment_method" CHECK ("method" IN ('manual', 'automatic')),
                CONSTRAINT "PK_86c7b2c46cd7a61d3fd26e3ef80" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "idx_review_assignment_reviewer" ON "review_assignment" ("reviewer_user_id", "id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_review_assignment_pair" ON "review_assignment" ("application_id", "reviewer_user_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "score_sheet" (
                "id" SERIAL NOT NULL,
                "assignment_id" integer NOT NULL,
                "status" character varying(20) NOT NULL DEFAULT 'draft',
                "scores" jsonb NOT NULL DEFAULT '{}',
                "comments" jsonb NOT NULL DEFAULT '{}',
                "total" numeric(6, 2) NOT NULL DEFAULT '0',
                "submitted_at" TIMESTAMP WITH TIME ZONE,
                "version" integer NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "chk_score_sheet_total" CHECK (
                    "total" >= 0
                    AND "total" <= 100
                ),
                CONSTRAINT "chk_score_sheet_status" CHECK ("status" IN ('draft', 'submitted')),
                CONSTRAINT "PK_2d456b20d675a5e607486b79440" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_score_sheet_assignment" ON "score_sheet" ("assignment_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "application_ranking" (
                "application_id" integer NOT NULL,
                "competition_id" integer NOT NULL,
                "score" numeric(8, 4),
                "method" character varying(20) NOT NULL,
                "sheets_used" integer NOT NULL,
                "sheets_submitted" integer NOT NULL,
                "sheets_due" integer NOT NULL,
                "spread" numeric(6, 2),
                "disagreement" boolean NOT NULL,
                "criterion_means" jsonb NOT NULL,
                "rank" integer NOT NULL,
                "fundable" boolean NOT NULL,
                "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_42442194248ca467a33fb43d58b" PRIMARY KEY ("application_id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "idx_application_ranking_competition" ON "application_ranking" ("competition_id", "rank")
        `);
        await queryRunner.query(`
            ALTER TABLE "reviewer_profile"
            ADD CONSTRAINT "FK_d34b8f44042c8a5268bdb2226ae" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "review_panel"
            ADD CONSTRAINT "FK_9921c9afcddae1ab23e638589ce" FOREIGN KEY ("competition_id") REFERENCES "competition"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "review_panel"
            ADD CONSTRAINT "FK_c9ecce607f053e52dd778fda2e8" FOREIGN KEY ("chair_user_id") REFERENCES "app_user"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "review_panel_member"
            ADD CONSTRAINT "FK_602cbb2e74547664e470c907bcc" FOREIGN KEY ("panel_id") REFERENCES "review_panel"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "review_panel_member"
            ADD CONSTRAINT "FK_c491370fcb1dacb4992d395bce4" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "review_conflict_record"
            ADD CONSTRAINT "FK_87935dd8ec80e2de633e46f7801" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "review_conflict_record"
            ADD CONSTRAINT "FK_7e13c44ee7c6968bbe8594b4a55" FOREIGN KEY ("reviewer_user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "review_assignment"
            ADD CONSTRAINT "FK_129e39888a51024cc3aeed7b2de" FOREIGN KEY ("panel_id") REFERENCES "review_panel"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "review_assignment"
            ADD CONSTRAINT "FK_1cb9e028cb47ccf8a9f0fdea9a3" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "review_assignment"
            ADD CONSTRAINT "FK_14c81c15ae43dc5a0b6be9fd7b1" FOREIGN KEY ("reviewer_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "score_sheet"
            ADD CONSTRAINT "FK_c1a502e3608582ef42a78393b11" FOREIGN KEY ("assignment_id") REFERENCES "review_assignment"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "application_ranking"
            ADD CONSTRAINT "FK_42442194248ca467a33fb43d58b" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "application_ranking" DROP CONSTRAINT "FK_42442194248ca467a33fb43d58b"
        `);
        await queryRunner.query(`
            ALTER TABLE "score_sheet" DROP CONSTRAINT "FK_c1a502e3608582ef42a78393b11"
        `);
        await queryRunner.query(`
            ALTER TABLE "review_assignment" DROP CONSTRAINT "FK_14c81c15ae43dc5a0b6be9fd7b1"
        `);
        await queryRunner.query(`
            ALTER TABLE "review_assignment" DROP CONSTRAINT "FK_1cb9e028cb47ccf8a9f0fdea9a3"
        `);
        await queryRunner.query(`
            ALTER TABLE "review_assignment" DROP CONSTRAINT "FK_129e39888a51024cc3aeed7b2de"
        `);
        await queryRunner.query(`
            ALTER TABLE "review_conflict_record" DROP CONSTRAINT "FK_7e13c44ee7c6968bbe8594b4a55"
        `);
        await queryRunner.query(`
            ALTER TABLE "review_conflict_record" DROP CONSTRAINT "FK_87935dd8ec80e2de633e46f7801"
        `);
        await queryRunner.query(`
            ALTER TABLE "review_panel_member" DROP CONSTRAINT "FK_c491370fcb1dacb4992d395bce4"
        `);
        await queryRunner.query(`
            ALTER TABLE "review_panel_member" DROP CONSTRAINT "FK_602cbb2e74547664e470c907bcc"
        `);
        await queryRunner.query(`
            ALTER TABLE "review_panel" DROP CONSTRAINT "FK_c9ecce607f053e52dd778fda2e8"
        `);
        await queryRunner.query(`
            ALTER TABLE "review_panel" DROP CONSTRAINT "FK_9921c9afcddae1ab23e638589ce"
        `);
        await queryRunner.query(`
            ALTER TABLE "reviewer_profile" DROP CONSTRAINT "FK_d34b8f44042c8a5268bdb2226ae"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."idx_application_ranking_competition"
        `);
        await queryRunner.query(`
            DROP TABLE "application_ranking"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_score_sheet_assignment"
        `);
        await queryRunner.query(`
            DROP TABLE "score_sheet"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_review_assignment_pair"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."idx_review_assignment_reviewer"
        `);
        await queryRunner.query(`
            DROP TABLE "review_assignment"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_review_conflict_record"
        `);
        await queryRunner.query(`
            DROP TABLE "review_conflict_record"
        `);
        await queryRunner.query(`
            DROP TABLE "review_panel_member"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_review_panel_competition"
        `);
        await queryRunner.query(`
            DROP TABLE "review_panel"
        `);
        await queryRunner.query(`
            DROP TABLE "reviewer_profile"
        `);
    }

}
