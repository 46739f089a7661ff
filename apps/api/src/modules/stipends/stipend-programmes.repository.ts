import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/actor.js';
import { AccessService } from '../access/access.service.js';
import { StipendProgramme } from './stipend-programme.entity.js';
import { StipendRuleVersion } from './stipend-rule-version.entity.js';

export interface RuleVersionRow {
  id: number;
  programmeId: number;
  documentNumber: string;
  title: string | null;
  effectiveFrom: string;
  rules: Record<string, unknown>;
  createdAt: Date;
}

/** A programme with the budget line it pays from (its name and its budget programme's). */
export interface ProgrammeRow {
  id: number;
  kind: StipendProgramme['kind'];
  rosterKind: StipendProgramme['rosterKind'];
  name: string;
  rosterProgrammeId: number | null;
  reportReminderDays: number;
  isDemo: boolean;
  version: number;
  budgetLine: { id: number; name: string; programmeName: string; year: number };
}

/** A budget line's reference data and ledger totals, read for display (the ledger is the budgets module's). */
export interface BudgetLineFiguresRow {
  id: number;
  unitId: number;
  amountFen: number;
  adjustedFen: number;
  committedFen: number;
}

type RuleVersionDbRow = {
  id: number;
  programme_id: number;
  document_number: string;
  title: string | null;
  effective_from: string;
  rules: Record<string, unknown>;
  created_at: Date;
};

const RULE_VERSION_COLUMNS = `id, programme_id, document_number, title, effective_from::text AS effective_from, rules, created_at`;

function toRuleVersion(row: RuleVersionDbRow): RuleVersionRow {
  return {
    id: row.id,
    programmeId: row.programme_id,
    documentNumber: row.document_number,
    title: row.title,
    effectiveFrom: row.effective_from,
    rules: row.rules,
    createdAt: row.created_at,
  };
}

/**
 * Stipend programmes (stipend_programme) and their versioned policy rules (stipend_rule_version).
 * Scope conditions come from AccessService; nothing here decides.
 */
@Injectable()
export class StipendProgrammesRepository {
  constructor(private readonly access: AccessService) {}

  /** Whether the programme belongs to the user's unit or one above it (programmes are district reference data). */
  async isReachable(manager: EntityManager, user: AuthUser, id: number): Promise<boolean> {
    const rows: Array<{ id: number }> = await manager.query(
      `SELECT p.id FROM stipend_programme p WHERE p.id = $2 AND ${this.access.ancestorScopeCondition('p.unit_id', 1)}`,
      [user.unit.id, id],
    );
    return rows.length > 0;
  }

  find(manager: EntityManager, id: number, lock = false): Promise<StipendProgramme | null> {
    return manager.findOne(StipendProgramme, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  async idsInScope(manager: EntityManager, user: AuthUser): Promise<number[]> {
    const rows: Array<{ id: number }> = await manager.query(
      `SELECT p.id FROM stipend_programme p WHERE ${this.access.ancestorScopeCondition('p.unit_id', 1)} ORDER BY p.id`,
      [user.unit.id],
    );
    return rows.map((row) => row.id);
  }

  async rows(manager: EntityManager, ids: readonly number[]): Promise<ProgrammeRow[]> {
    if (!ids.length) return [];
    const rows: Array<{
      id: number;
      kind: ProgrammeRow['kind'];
      roster_kind: ProgrammeRow['rosterKind'];
      name: string;
      roster_programme_id: number | null;
      report_reminder_days: number;
      is_demo: boolean;
      version: number;
      line_id: number;
      line_name: string;
      budget_programme_name: string;
      year: number;
    }> = await manager.query(
      `SELECT p.id, p.kind, p.roster_kind, p.name, p.roster_programme_id, p.report_reminder_days, p.is_demo, p.version,
              l.id AS line_id, l.name AS line_name, bp.name AS budget_programme_name, bp.year
       FROM stipend_programme p JOIN budget_line l ON l.id = p.budget_line_id JOIN programme bp ON bp.id = l.programme_id
       WHERE p.id = ANY($1::int[]) ORDER BY p.id`,
      [ids],
    );
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      rosterKind: row.roster_kind,
      name: row.name,
      rosterProgrammeId: row.roster_programme_id,
      reportReminderDays: row.report_reminder_days,
      isDemo: row.is_demo,
      version: row.version,
      budgetLine: { id: row.line_id, name: row.line_name, programmeName: row.budget_programme_name, year: row.year },
    }));
  }

  async budgetLine(manager: EntityManager, id: number): Promise<BudgetLineFiguresRow | null> {
    const [row]: Array<{ id: number; unit_id: number; amount_fen: string; adjusted_fen: string; committed_fen: string }> =
      await manager.query(`SELECT id, unit_id, amount_fen, adjusted_fen, committed_fen FROM budget_line WHERE id = $1`, [id]);
    return row
      ? {
          id: row.id,
          unitId: row.unit_id,
          amountFen: Number(row.amount_fen),
          adjustedFen: Number(row.adjusted_fen),
          committedFen: Number(row.committed_fen),
        }
      : null;
  }

  create(manager: EntityManager, fields: Partial<StipendProgramme>): Promise<StipendProgramme> {
    return manager.save(manager.create(StipendProgramme, fields));
  }

  // --- rule versions

  /** The rule versions of the programmes, oldest first. */
  async ruleVersions(manager: EntityManager, programmeIds: readonly number[]): Promise<RuleVersionRow[]> {
    if (!programmeIds.length) return [];
    const rows: RuleVersionDbRow[] = await manager.query(
      `SELECT ${RULE_VERSION_COLUMNS} FROM stipend_rule_version WHERE programme_id = ANY($1::int[]) ORDER BY effective_from, id`,
      [programmeIds],
    );
    return rows.map(toRuleVersion);
  }

  /** The programme's latest version on or before `date`. */
  async ruleVersionOn(manager: EntityManager, programmeId: number, date: string): Promise<RuleVersionRow | null> {
    const [row]: RuleVersionDbRow[] = await manager.query(
      `SELECT ${RULE_VERSION_COLUMNS} FROM stipend_rule_version
       WHERE programme_id = $1 AND effective_from <= $2 ORDER BY effective_from DESC LIMIT 1`,
      [programmeId, date],
    );
    return row ? toRuleVersion(row) : null;
  }

  async addRuleVersion(manager: EntityManager, fields: Partial<StipendRuleVersion>): Promise<StipendRuleVersion> {
    return manager.save(manager.create(StipendRuleVersion, fields));
  }
}
