import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 13 §2 and §6: an application carries its district, the tenant key of a multi-district
 * deployment, so that a district's lists are one indexed equality. Measured on the
 * 1,000,000-application data set (100 districts): a district admin's newest-first page, with the
 * district reached through `community_id IN (the district's subtree)`, walked back through every
 * newer application of the other 99 districts (990,002 rows filtered, 1.1–1.2 s), and a rare status
 * over the whole district filtered ~9,900 rows of other districts (p99 160 ms at 20 connections).
 *
 * The column is derived, never written by the API: a BEFORE INSERT OR UPDATE OF street_id trigger
 * sets it to the street's district (a street's parent is always a district: org_unit's parent-kind
 * trigger), so every writer — the drafts service, the demo seed, the scale generator, the tests —
 * gets it right without knowing of it. Org units are created and renamed, never moved.
 */
export class ApplicationDistrict1764000001100 implements MigrationInterface {
  name = 'ApplicationDistrict1764000001100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "application" ADD "district_id" integer`);
    await queryRunner.query(
      `UPDATE "application" a SET "district_id" = s."parent_id" FROM "org_unit" s WHERE s."id" = a."street_id"`,
    );
    await queryRunner.query(`ALTER TABLE "application" ALTER COLUMN "district_id" SET NOT NULL`);
    await queryRunner.query(`CREATE FUNCTION application_district() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT parent_id INTO NEW.district_id FROM org_unit WHERE id = NEW.street_id;
  RETURN NEW;
END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "trg_application_district" BEFORE INSERT OR UPDATE OF "street_id" ON "application" FOR EACH ROW EXECUTE FUNCTION application_district()`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_application_district_status" ON "application" ("district_id", "status", "id")`,
    );
    // The district's own page, newest first: exactly the rows a district-level account may see (what
    // streets have submitted), so the walk reads no row it then drops. Without it PostgreSQL took
    // the primary key backwards and filtered by district (40,002 rows dropped for a page of 51 at
    // 50,000 applications: 7.6 ms; 0.04 ms with it).
    await queryRunner.query(
      `CREATE INDEX "idx_application_district_submitted" ON "application" ("district_id", "id") WHERE "status" NOT IN ('draft', 'awaiting_street')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_application_district_submitted"`);
    await queryRunner.query(`DROP INDEX "public"."idx_application_district_status"`);
    await queryRunner.query(`DROP TRIGGER "trg_application_district" ON "application"`);
    await queryRunner.query(`DROP FUNCTION application_district()`);
    await queryRunner.query(`ALTER TABLE "application" DROP COLUMN "district_id"`);
  }
}
