import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 12, one owner per table:
 * - the old per-account lockout columns go (sign-in is throttled per address and account pair in
 *   Redis since decision 0007; nothing reads or writes them any more);
 * - a direct expenditure made for a social organisation's tranche carries that source, so the
 *   budgets module can refuse to approve it anywhere but through the tranche's own flow (the 尾款
 *   gate: a passed evaluation first).
 */
export class ModuleOwnership1764000000750 implements MigrationInterface {
  name = 'ModuleOwnership1764000000750';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "failed_login_count"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "locked_until"`);
    await queryRunner.query(`ALTER TABLE "direct_expenditure" ADD "source" character varying(30)`);
    await queryRunner.query(`ALTER TABLE "direct_expenditure" ADD "source_id" integer`);
    await queryRunner.query(
      `ALTER TABLE "direct_expenditure" ADD CONSTRAINT "chk_direct_expenditure_source" CHECK (("source" IS NULL AND "source_id" IS NULL) OR ("source" = 'social_org_tranche' AND "source_id" IS NOT NULL))`,
    );
    // The demo's 2025 尾款 (and any expenditure a tranche already pays) belongs to its tranche.
    await queryRunner.query(
      `UPDATE "direct_expenditure" d SET "source" = 'social_org_tranche', "source_id" = t."id"
       FROM "social_org_tranche" t WHERE t."direct_expenditure_id" = d."id"`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "direct_expenditure" DROP CONSTRAINT "chk_direct_expenditure_source"`);
    await queryRunner.query(`ALTER TABLE "direct_expenditure" DROP COLUMN "source_id"`);
    await queryRunner.query(`ALTER TABLE "direct_expenditure" DROP COLUMN "source"`);
    await queryRunner.query(`ALTER TABLE "app_user" ADD "locked_until" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "app_user" ADD "failed_login_count" integer NOT NULL DEFAULT '0'`);
  }
}
