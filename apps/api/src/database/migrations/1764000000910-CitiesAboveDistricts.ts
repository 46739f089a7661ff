import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 13 §6: the org tree can hold a city (市) and a province (省) above the districts. A province
 * is a root, a city sits at the root or under a province, a district at the root or under a city or
 * province; streets, communities and organisations keep their parents. `ancestor_ids` keeps every
 * ancestor, root first, so a subtree is still one containment test. The trigger checks the kind
 * of the parent, which a CHECK constraint cannot see. Accounts may hold the role `city_officer`.
 */
export class CitiesAboveDistricts1764000000910 implements MigrationInterface {
  name = 'CitiesAboveDistricts1764000000910';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "org_unit" DROP CONSTRAINT "chk_org_unit_kind"`);
    await queryRunner.query(`ALTER TABLE "org_unit" DROP CONSTRAINT "chk_org_unit_parent"`);
    await queryRunner.query(
      `ALTER TABLE "org_unit" ADD CONSTRAINT "chk_org_unit_kind" CHECK ("kind" IN ('province', 'city', 'district', 'street', 'community', 'organisation'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "org_unit" ADD CONSTRAINT "chk_org_unit_parent" CHECK (("kind" = 'province' AND "parent_id" IS NULL) OR "kind" IN ('city', 'district') OR "parent_id" IS NOT NULL)`,
    );
    await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "chk_app_user_roles"`);
    await queryRunner.query(
      `ALTER TABLE "app_user" ADD CONSTRAINT "chk_app_user_roles" CHECK (cardinality("roles") > 0 AND "roles" <@ ARRAY['district_admin', 'finance', 'street_officer', 'community_officer', 'partner', 'reviewer', 'inspector', 'auditor', 'city_officer']::varchar[])`,
    );
    await queryRunner.query(`
      CREATE FUNCTION org_unit_parent_kind_check() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE parent_kind varchar;
      BEGIN
        IF NEW.parent_id IS NOT NULL THEN
          SELECT kind INTO parent_kind FROM org_unit WHERE id = NEW.parent_id;
        END IF;
        IF NOT (
          (NEW.kind = 'province' AND parent_kind IS NULL)
          OR (NEW.kind = 'city' AND (parent_kind IS NULL OR parent_kind = 'province'))
          OR (NEW.kind = 'district' AND (parent_kind IS NULL OR parent_kind IN ('city', 'province')))
          OR (NEW.kind = 'street' AND parent_kind = 'district')
          OR (NEW.kind = 'community' AND parent_kind = 'street')
          OR (NEW.kind = 'organisation' AND parent_kind = 'district')
        ) THEN
          RAISE EXCEPTION 'org_unit % (%) cannot sit under a % unit', NEW.id, NEW.kind, coalesce(parent_kind, 'missing')
            USING ERRCODE = 'check_violation', CONSTRAINT = 'chk_org_unit_parent';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER trg_org_unit_parent_kind BEFORE INSERT OR UPDATE OF kind, parent_id ON "org_unit"
       FOR EACH ROW EXECUTE FUNCTION org_unit_parent_kind_check()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER trg_org_unit_parent_kind ON "org_unit"`);
    await queryRunner.query(`DROP FUNCTION org_unit_parent_kind_check()`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "chk_app_user_roles"`);
    await queryRunner.query(
      `ALTER TABLE "app_user" ADD CONSTRAINT "chk_app_user_roles" CHECK (cardinality("roles") > 0 AND "roles" <@ ARRAY['district_admin', 'finance', 'street_officer', 'community_officer', 'partner', 'reviewer', 'inspector', 'auditor']::varchar[])`,
    );
    await queryRunner.query(`ALTER TABLE "org_unit" DROP CONSTRAINT "chk_org_unit_parent"`);
    await queryRunner.query(`ALTER TABLE "org_unit" DROP CONSTRAINT "chk_org_unit_kind"`);
    await queryRunner.query(
      `ALTER TABLE "org_unit" ADD CONSTRAINT "chk_org_unit_kind" CHECK ("kind" IN ('district', 'street', 'community', 'organisation'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "org_unit" ADD CONSTRAINT "chk_org_unit_parent" CHECK (("kind" = 'district') = ("parent_id" IS NULL))`,
    );
  }
}
