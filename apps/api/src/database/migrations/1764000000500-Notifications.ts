import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 14: notifications that reach people — a delivery row per (event, recipient, channel) with
 * its status and reason, channel preferences per user and district defaults, each user's language
 * and verified phone, and phone verification codes (hashed). Reminders keep their parameters on the
 * notification so e-mails are rendered in the recipient's language.
 */
export class Notifications1764000000500 implements MigrationInterface {
  name = 'Notifications1764000000500';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "notification_delivery" ("id" SERIAL NOT NULL, "notification_id" integer NOT NULL, "user_id" integer NOT NULL, "channel" character varying(10) NOT NULL, "event_key" character varying(160) NOT NULL, "status" character varying(12) NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "reason" character varying(40), "detail" character varying(200), "provider_message_id" character varying(200), "attempt_started_at" TIMESTAMP WITH TIME ZONE, "sent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_notification_delivery_sent" CHECK (("status" = 'sent') = ("sent_at" IS NOT NULL)), CONSTRAINT "chk_notification_delivery_status" CHECK ("status" IN ('pending', 'sending', 'sent', 'failed', 'skipped', 'unconfirmed')), CONSTRAINT "chk_notification_delivery_channel" CHECK ("channel" IN ('email', 'sms')), CONSTRAINT "PK_109dea88c25343da49d86de6bfd" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_notification_delivery_notification" ON "notification_delivery"  ("notification_id")`);
    await queryRunner.query(`CREATE INDEX "idx_notification_delivery_status" ON "notification_delivery"  ("status", "id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_notification_delivery_event" ON "notification_delivery"  ("event_key", "user_id", "channel")`);
    await queryRunner.query(`CREATE TABLE "notification_preference" ("user_id" integer NOT NULL, "topic" character varying(60) NOT NULL, "email" boolean NOT NULL, "sms" boolean NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_021f185262bebf39e7807d20483" PRIMARY KEY ("user_id", "topic"))`);
    await queryRunner.query(`CREATE TABLE "notification_district_default" ("district_id" integer NOT NULL, "topic" character varying(60) NOT NULL, "email" boolean NOT NULL, "sms" boolean NOT NULL, "updated_by_user_id" integer NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ba3d1f56bd54ec9910112c8f65c" PRIMARY KEY ("district_id", "topic"))`);
    await queryRunner.query(`CREATE TABLE "notification_profile" ("user_id" integer NOT NULL, "language" character varying(5) NOT NULL DEFAULT 'zh-CN', "verified_phone" character varying(20), "phone_verified_at" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_notification_profile_verified" CHECK (("verified_phone" IS NULL) = ("phone_verified_at" IS NULL)), CONSTRAINT "chk_notification_profile_language" CHECK ("language" IN ('zh-CN', 'en')), CONSTRAINT "PK_5bfbd557b82a018441c24899065" PRIMARY KEY ("user_id"))`);
    await queryRunner.query(`CREATE TABLE "phone_verification" ("id" SERIAL NOT NULL, "user_id" integer NOT NULL, "phone" character varying(20) NOT NULL, "code_hash" character(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "consumed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_028d02e37d668b794d82247591b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_phone_verification_user" ON "phone_verification"  ("user_id", "id")`);
    await queryRunner.query(`ALTER TABLE "notification" ADD "params" jsonb`);
    await queryRunner.query(`ALTER TABLE "notification_delivery" ADD CONSTRAINT "FK_2e70a64359ce7416b06a4d7a432" FOREIGN KEY ("notification_id") REFERENCES "notification"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "notification_delivery" ADD CONSTRAINT "FK_ec0ae00b82685d300c8dad83cab" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "notification_preference" ADD CONSTRAINT "FK_ff040d2d2e35c49b00525783829" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "notification_district_default" ADD CONSTRAINT "FK_b53e656b5332c36a55b548534fb" FOREIGN KEY ("district_id") REFERENCES "org_unit"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "notification_profile" ADD CONSTRAINT "FK_5bfbd557b82a018441c24899065" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "phone_verification" ADD CONSTRAINT "FK_a54ab2a703e3f3708837d788cc4" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification" DROP COLUMN "params"`);
    await queryRunner.query(`DROP TABLE "phone_verification"`);
    await queryRunner.query(`DROP TABLE "notification_profile"`);
    await queryRunner.query(`DROP TABLE "notification_district_default"`);
    await queryRunner.query(`DROP TABLE "notification_preference"`);
    await queryRunner.query(`DROP TABLE "notification_delivery"`);
  }
}
