/**
 * DEMO ONLY — the clock of the demo year. Nothing here runs outside `apps/api/src/seed/`.
 *
 * The story is told step by step, each step on a date of 2026 (Asia/Shanghai), and every service
 * it calls gets that date as its `now` wherever the service takes one (submissions, notices,
 * inspections, payments, stipend batches, ledger entries, survey answers…).
 *
 * Some rows are stamped by the database or by the service's own clock instead — `created_at`
 * defaults, a history row, a notification, an attachment's upload time. After each step this
 * clock moves those stamps, and only those, to the step's date: every timestamp written during
 * the step (between the step's start and end by the real clock) is set to the story's instant.
 * Stamps the services set from the story's `now` lie in the past and are left alone, and so are
 * future dates a step sets on purpose (deadlines, closing dates). The audit log is never touched:
 * it is append-only and hash-chained, and it records when the demo was really seeded.
 */
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import type { SeedContext } from './seed-context.js';

/** Tables whose timestamps the clock never moves. */
const UNTOUCHED = new Set(['audit_event', 'audit_chain_check', 'migrations', 'refresh_token', 'typeorm_metadata']);

/** 'YYYY-MM-DD' or 'YYYY-MM-DD HH:mm', Asia/Shanghai → the instant. */
export function shanghai(when: string): Date {
  const [day, time = '10:00'] = when.split(' ');
  return new Date(`${day}T${time}:00+08:00`);
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export class StoryClock {
  private statement: string | null = null;

  constructor(private readonly context: SeedContext) {}

  private get dataSource() {
    return this.context.dataSource;
  }

  /**
   * Runs one step of the story at `when` (Asia/Shanghai) — with the jobs it asked for, as the
   * worker would run them — then dates what it stamped.
   */
  async step<T>(when: string, run: (now: Date) => Promise<T>): Promise<T> {
    const now = shanghai(when);
    const [{ started }]: [{ started: Date }] = await this.dataSource.query(`SELECT clock_timestamp() AS started`);
    const result = await run(now);
    await this.context.runJobs();
    await this.backdate(started, now);
    return result;
  }

  /**
   * Every timestamp written since `started` (by the real clock) becomes `now`. The statement spans
   * the whole schema, so it is prepared once per connection (a named statement): planning it
   * afresh at every step would cost more than running it.
   */
  private async backdate(started: Date, now: Date): Promise<void> {
    const statement = this.statement ?? (this.statement = await this.buildStatement());
    const pool = (this.dataSource.driver as PostgresDriver).master as {
      query(config: { name: string; text: string; values: unknown[] }): Promise<unknown>;
    };
    await pool.query({ name: 'xiaoshi_story_clock_backdate', text: statement, values: [now, started] });
  }

  /** One statement over every stamped column of the schema, grouped by table. */
  private async buildStatement(): Promise<string> {
    const columns: Array<{ table_name: string; column_name: string }> = await this.dataSource.query(
      `SELECT c.table_name, c.column_name FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
       JOIN pg_class k ON k.oid = to_regclass(quote_ident(c.table_name))
       WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND NOT k.relispartition
         AND c.data_type = 'timestamp with time zone'
       ORDER BY c.table_name, c.column_name`,
    );
    const byTable = new Map<string, string[]>();
    for (const { table_name: table, column_name: column } of columns) {
      if (UNTOUCHED.has(table)) continue;
      byTable.set(table, [...(byTable.get(table) ?? []), column]);
    }
    // $1 the story's instant, $2 the step's real start; the upper bound is the statement's own
    // clock, so that a date set on purpose in the future is never moved.
    const inStep = (column: string) => `(${quote(column)} >= $2 AND ${quote(column)} <= clock_timestamp())`;
    const updates = [...byTable.entries()].map(([table, list], index) => {
      const sets = list.map((column) => `${quote(column)} = CASE WHEN ${inStep(column)} THEN $1 ELSE ${quote(column)} END`);
      return `u${index} AS (UPDATE ${quote(table)} SET ${sets.join(', ')} WHERE ${list.map(inStep).join(' OR ')})`;
    });
    return `WITH ${updates.join(',\n')} SELECT 1`;
  }
}
