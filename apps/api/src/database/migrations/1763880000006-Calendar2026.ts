import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reference data: the 2026 statutory holidays and make-up working days from
 * 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04). Admins maintain later years in the app.
 */
const HOLIDAYS: Array<[string, string, string]> = [
  ['2026-01-01', '2026-01-03', '元旦'],
  ['2026-02-15', '2026-02-23', '春节'],
  ['2026-04-04', '2026-04-06', '清明节'],
  ['2026-05-01', '2026-05-05', '劳动节'],
  ['2026-06-19', '2026-06-21', '端午节'],
  ['2026-09-25', '2026-09-27', '中秋节'],
  ['2026-10-01', '2026-10-07', '国庆节'],
];
const MAKE_UP_WORKDAYS: Array<[string, string]> = [
  ['2026-01-04', '元旦调休'],
  ['2026-02-14', '春节调休'],
  ['2026-02-28', '春节调休'],
  ['2026-05-09', '劳动节调休'],
  ['2026-09-20', '国庆节调休'],
  ['2026-10-10', '国庆节调休'],
];

export class Calendar20261763880000006 implements MigrationInterface {
  name = 'Calendar20261763880000006';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [first, last, name] of HOLIDAYS) {
      await queryRunner.query(
        `INSERT INTO calendar_day (day, kind, name) SELECT d::date, 'holiday', $3 FROM generate_series($1::date, $2::date, interval '1 day') AS d
         ON CONFLICT (day) DO NOTHING`,
        [first, last, name],
      );
    }
    for (const [day, name] of MAKE_UP_WORKDAYS) {
      await queryRunner.query(`INSERT INTO calendar_day (day, kind, name) VALUES ($1, 'workday', $2) ON CONFLICT (day) DO NOTHING`, [day, name]);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM calendar_day WHERE day BETWEEN '2026-01-01' AND '2026-12-31'`);
  }
}
