import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 11 §7–8: indexes behind the dashboards' and the 工作台's set-based figures — what waits by
 * status within an org scope (applications, projects), an inspector's open rounds, a year's
 * projects and payments by budget line.
 */
export class DashboardIndexes1764000000400 implements MigrationInterface {
  name = 'DashboardIndexes1764000000400';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "idx_application_status_community" ON "application" ("status", "community_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_project_status_community" ON "project" ("status", "community_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_project_line_street" ON "project" ("budget_line_id", "street_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_inspection_inspector_user" ON "inspection_inspector" ("user_id", "inspection_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_payment_line_status" ON "payment" ("budget_line_id", "status") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_payment_line_status"`);
    await queryRunner.query(`DROP INDEX "public"."idx_inspection_inspector_user"`);
    await queryRunner.query(`DROP INDEX "public"."idx_project_line_street"`);
    await queryRunner.query(`DROP INDEX "public"."idx_project_status_community"`);
    await queryRunner.query(`DROP INDEX "public"."idx_application_status_community"`);
  }
}
