import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 13 §3: a batch's lines page by keyset on (batch_id, id) — lines are written in street,
 * community, person order, so the id is the reading order.
 */
export class StipendBatchLinePages1764000000995 implements MigrationInterface {
  name = 'StipendBatchLinePages1764000000995';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "idx_stipend_batch_line_page" ON "stipend_batch_line" ("batch_id", "id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_stipend_batch_line_page"`);
  }
}
