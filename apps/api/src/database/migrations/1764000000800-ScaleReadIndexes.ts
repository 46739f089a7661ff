import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 13 §2: indexes behind the filters the application list offers (street, status, category,
 * title search), each ending in the id the list pages by (keyset, newest first); the ranking's
 * keyset walk per competition in rank order; and the ledger dashboard's per-street sums read from
 * the indexes alone (approved awards, paid payments).
 */
export class ScaleReadIndexes1764000000800 implements MigrationInterface {
  name = 'ScaleReadIndexes1764000000800';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "idx_application_street_status" ON "application" ("street_id", "status", "id")`,
    );
    await queryRunner.query(`CREATE INDEX "idx_application_status_id" ON "application" ("status", "id")`);
    await queryRunner.query(`CREATE INDEX "idx_application_category" ON "application" ("category_id", "id")`);
    await queryRunner.query(
      `CREATE INDEX "idx_application_community_status" ON "application" ("community_id", "status", "id")`,
    );
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(
      `CREATE INDEX "idx_application_title_trgm" ON "application" USING gin ("title" gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_application_ranking_walk" ON "application_ranking" ("competition_id", "rank", "application_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_award_approved_amount" ON "award" ("application_id") INCLUDE ("amount_fen") WHERE "status" = 'approved'`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_payment_paid_project" ON "payment" ("project_id") INCLUDE ("amount_fen") WHERE "status" = 'paid'`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_project_street_status" ON "project" ("street_id", "status") INCLUDE ("id")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_project_street_status"`);
    await queryRunner.query(`DROP INDEX "public"."idx_payment_paid_project"`);
    await queryRunner.query(`DROP INDEX "public"."idx_award_approved_amount"`);
    await queryRunner.query(`DROP INDEX "public"."idx_application_ranking_walk"`);
    await queryRunner.query(`DROP INDEX "public"."idx_application_title_trgm"`);
    await queryRunner.query(`DROP INDEX "public"."idx_application_community_status"`);
    await queryRunner.query(`DROP INDEX "public"."idx_application_category"`);
    await queryRunner.query(`DROP INDEX "public"."idx_application_status_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_application_street_status"`);
  }
}
