import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { BudgetLineView, LedgerEntryView } from '@xiaoshi/contracts';
import { ledgerFigures } from '@xiaoshi/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { BudgetLine } from './budget-line.entity.js';
import { Programme } from './programme.entity.js';

interface LineRow {
  id: number;
  programme_id: number;
  name: string;
  description: string | null;
  amount_fen: string;
  adjusted_fen: string;
  committed_fen: string;
  paid_fen: string;
  version: number;
  committed_award: string;
  committed_direct: string;
  committed_stipend: string;
  reserved: string;
}

export interface ProgrammeRow {
  id: number;
  year: number;
  name: string;
  policy_refs: string[];
  description: string | null;
  version: number;
}

interface LedgerEntryRow {
  id: number;
  kind: string;
  source: string;
  source_id: number | null;
  amount_fen: string;
  reason: string | null;
  actor_user_id: number | null;
  created_at: Date;
}

/**
 * Per line: totals from the row, commitments split by source, and what live competitions and
 * planned direct expenditures have reserved but not yet committed. (The reservation reads the
 * competitions' envelopes and their awarded applications: a read across the dependency line,
 * kept to this one query.)
 */
const LINE_SQL = `
  SELECT l.id, l.programme_id, l.name, l.description, l.amount_fen, l.adjusted_fen, l.committed_fen, l.paid_fen, l.version,
    coalesce(src.award, 0) AS committed_award,
    coalesce(src.direct, 0) AS committed_direct,
    coalesce(src.stipend, 0) AS committed_stipend,
    coalesce(envelopes.open, 0) + coalesce(planned.total, 0) AS reserved
  FROM budget_line l
  LEFT JOIN LATERAL (
    SELECT sum(e.amount_fen) FILTER (WHERE e.source = 'award') AS award,
           sum(e.amount_fen) FILTER (WHERE e.source = 'direct_expenditure') AS direct,
           sum(e.amount_fen) FILTER (WHERE e.source = 'stipend') AS stipend
    FROM ledger_entry e WHERE e.budget_line_id = l.id AND e.kind IN ('commitment', 'decommitment')
  ) src ON true
  LEFT JOIN LATERAL (
    SELECT sum(greatest(c.envelope_fen - coalesce((
      SELECT sum(e.amount_fen) FROM ledger_entry e JOIN application a ON a.id = e.source_id
      WHERE e.budget_line_id = l.id AND e.source = 'award' AND e.kind IN ('commitment', 'decommitment')
        AND a.competition_id = c.id), 0), 0)) AS open
    FROM competition c WHERE c.budget_line_id = l.id AND c.status <> 'cancelled'
  ) envelopes ON true
  LEFT JOIN LATERAL (
    SELECT sum(d.amount_fen) AS total FROM direct_expenditure d WHERE d.budget_line_id = l.id AND d.status = 'planned'
  ) planned ON true`;

/** A line's row as its view: the ledger figures come from the domain's one ledger arithmetic. */
function toLineView(row: LineRow): BudgetLineView {
  const figures = ledgerFigures({
    budgetFen: Number(row.amount_fen),
    adjustmentsFen: Number(row.adjusted_fen),
    committedFen: Number(row.committed_fen),
    paidFen: Number(row.paid_fen),
  });
  const reservedFen = Number(row.reserved);
  return {
    id: row.id,
    programmeId: row.programme_id,
    name: row.name,
    description: row.description,
    ledger: {
      budgetFen: figures.budgetFen,
      adjustmentsFen: figures.adjustmentsFen,
      adjustedBudgetFen: figures.adjustedBudgetFen,
      committedFen: figures.committedFen,
      committedBySource: {
        award: Number(row.committed_award),
        direct_expenditure: Number(row.committed_direct),
        stipend: Number(row.committed_stipend),
      },
      paidFen: figures.paidFen,
      availableFen: figures.availableFen,
      reservedFen,
      unreservedFen: figures.availableFen - reservedFen,
      executionRateBp: figures.executionRateBp,
    },
    version: row.version,
  };
}

/** Programmes, budget lines and their ledger entries (read side; LedgerRepository moves totals). */
@Injectable()
export class BudgetsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Programmes whose unit satisfies `scope` (SQL over p.unit_id with $1), optionally one year. */
  programmes(scope: string, unitId: number, year?: number): Promise<ProgrammeRow[]> {
    const params: unknown[] = [unitId];
    if (year) params.push(year);
    return this.dataSource.query(
      `SELECT p.id, p.year, p.name, p.policy_refs, p.description, p.version FROM programme p
       WHERE ${scope} ${year ? 'AND p.year = $2' : ''}
       ORDER BY p.year DESC, p.id`,
      params,
    );
  }

  async linesOfProgrammes(programmeIds: readonly number[]): Promise<BudgetLineView[]> {
    const rows: LineRow[] = await this.dataSource.query(
      `${LINE_SQL} WHERE l.programme_id = ANY($1::int[]) ORDER BY l.id`,
      [programmeIds],
    );
    return rows.map(toLineView);
  }

  async line(id: number, manager?: EntityManager): Promise<BudgetLineView | null> {
    const [row]: LineRow[] = await (manager ?? this.dataSource.manager).query(`${LINE_SQL} WHERE l.id = $1`, [id]);
    return row ? toLineView(row) : null;
  }

  /** The unit (district) that owns a line's money. */
  async lineUnit(id: number, manager?: EntityManager): Promise<number | null> {
    const [row]: Array<{ unit_id: number }> = await (manager ?? this.dataSource.manager).query(
      `SELECT unit_id FROM budget_line WHERE id = $1`,
      [id],
    );
    return row?.unit_id ?? null;
  }

  async ledgerEntries(lineId: number, limit: number): Promise<LedgerEntryView[]> {
    const rows: LedgerEntryRow[] = await this.dataSource.query(
      `SELECT id, kind, source, source_id, amount_fen, reason, actor_user_id, created_at FROM ledger_entry
       WHERE budget_line_id = $1 ORDER BY id DESC LIMIT $2`,
      [lineId, limit],
    );
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      source: row.source,
      sourceId: row.source_id,
      amountFen: Number(row.amount_fen),
      reason: row.reason,
      actorUserId: row.actor_user_id,
      createdAt: row.created_at.toISOString(),
    }));
  }

  programme(manager: EntityManager, id: number): Promise<Programme | null> {
    return manager.findOneBy(Programme, { id });
  }

  insertProgramme(manager: EntityManager, fields: Partial<Programme>): Promise<Programme> {
    return manager.save(manager.create(Programme, fields));
  }

  insertLine(manager: EntityManager, fields: Partial<BudgetLine>): Promise<BudgetLine> {
    return manager.save(manager.create(BudgetLine, fields));
  }
}
