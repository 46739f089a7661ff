import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  BuildingLeaderRules,
  DepartureRules,
  DomainError,
  MonthlyRules,
  fieldMessage,
  type CreateStipendProgrammeRequest,
  type CreateStipendRuleVersionRequest,
  type Permission,
  type StipendProgrammeView,
  type StipendRuleVersionView,
} from '@xiaoshi/contracts';
import {
  DEFAULT_MONTH_RULE,
  departureRulesFor,
  validateRateTable,
  type DepartureRuleTable,
  type MonthRule,
} from '@xiaoshi/domain';
import { z } from 'zod';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthUser, AuthenticatedActor } from '../../common/actor.js';
import { fieldErrorsOf } from '../../common/validation.js';
import { PG_UNIQUE_VIOLATION, pgErrorOf } from '../../database/postgres-errors.js';
import { AccessService } from '../access/access.service.js';
import { AuditService } from '../audit/audit.service.js';
import { BudgetLine } from '../budgets/budget-line.entity.js';
import { StipendProgramme } from './stipend-programme.entity.js';
import { StipendRuleVersion } from './stipend-rule-version.entity.js';

/** A one-off programme's stored rules: the domain's table plus the departure window. */
export type StoredDepartureRules = DepartureRuleTable & { departureWindowDays: number };

const DEFAULT_DEPARTURE_WINDOW_DAYS = 180;

function ruleVersionView(version: StipendRuleVersion): StipendRuleVersionView {
  return {
    id: version.id,
    documentNumber: version.documentNumber,
    title: version.title,
    effectiveFrom: version.effectiveFrom,
    rules: version.rules,
    createdAt: version.createdAt.toISOString(),
  };
}

/** Programmes and their versioned policy rules; the scope checks the other stipend services use. */
@Injectable()
export class StipendProgrammesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  /**
   * A programme the user may work with: programmes are their district's reference data, so a
   * street officer reaches those of the district above them. 404 otherwise.
   */
  async reachable(
    user: AuthUser,
    id: number,
    permission: Permission,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<StipendProgramme> {
    this.access.requirePermission(user, permission);
    const [row]: Array<{ id: number }> = await manager.query(
      `SELECT p.id FROM stipend_programme p WHERE p.id = $2 AND ${this.access.ancestorScopeCondition('p.unit_id', 1)}`,
      [user.unit.id, id],
    );
    if (!row) throw new DomainError('NOT_FOUND');
    const programme = await manager.findOne(StipendProgramme, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!programme) throw new DomainError('NOT_FOUND');
    return programme;
  }

  /** Roster edits and imports of one kind refuse a programme whose roster lists the other kind. */
  requireRosterKind(programme: StipendProgramme, kind: StipendProgramme['rosterKind'], field = 'programmeId'): void {
    if (programme.rosterKind !== kind) {
      throw new DomainError('VALIDATION_FAILED', {
        [field]:
          kind === 'building_leader'
            ? fieldMessage('该项目的名册不是楼栋长名册', 'This programme’s roster does not list building leaders')
            : fieldMessage('该项目的名册不是离任社区干部名册', 'This programme’s roster does not list retired cadres'),
      });
    }
  }

  requireKind(programme: StipendProgramme, kind: StipendProgramme['kind'], field = 'programmeId'): void {
    if (programme.kind !== kind) {
      throw new DomainError('VALIDATION_FAILED', {
        [field]:
          kind === 'monthly_quarterly'
            ? fieldMessage(
                '该项目不是按月标准、按季度发放的项目',
                'This programme is not paid monthly by quarter',
              )
            : fieldMessage('该项目不是一次性补助项目', 'This programme is not a one-off subsidy'),
      });
    }
  }

  async list(user: AuthUser): Promise<StipendProgrammeView[]> {
    this.access.requirePermission(user, 'stipends.read');
    const rows: Array<{ id: number }> = await this.dataSource.query(
      `SELECT p.id FROM stipend_programme p WHERE ${this.access.ancestorScopeCondition('p.unit_id', 1)} ORDER BY p.id`,
      [user.unit.id],
    );
    return this.views(rows.map((row) => row.id));
  }

  async get(user: AuthUser, id: number): Promise<StipendProgrammeView> {
    await this.reachable(user, id, 'stipends.read');
    return (await this.views([id]))[0];
  }

  private async views(
    ids: number[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<StipendProgrammeView[]> {
    if (!ids.length) return [];
    const rows: Array<Record<string, unknown>> = await manager.query(
      `SELECT p.id, p.kind, p.roster_kind, p.name, p.roster_programme_id, p.report_reminder_days, p.is_demo, p.version,
              l.id AS line_id, l.name AS line_name, bp.name AS budget_programme_name, bp.year
       FROM stipend_programme p JOIN budget_line l ON l.id = p.budget_line_id JOIN programme bp ON bp.id = l.programme_id
       WHERE p.id = ANY($1::int[]) ORDER BY p.id`,
      [ids],
    );
    const versions = await manager.find(StipendRuleVersion, {
      where: ids.map((programmeId) => ({ programmeId })),
      order: { effectiveFrom: 'ASC' },
    });
    return rows.map((row) => ({
      id: row.id as number,
      kind: row.kind as StipendProgrammeView['kind'],
      rosterKind: row.roster_kind as StipendProgrammeView['rosterKind'],
      name: row.name as string,
      budgetLine: {
        id: row.line_id as number,
        name: row.line_name as string,
        programmeName: row.budget_programme_name as string,
        year: row.year as number,
      },
      rosterProgrammeId: row.roster_programme_id as number | null,
      reportReminderDays: row.report_reminder_days as number,
      ruleVersions: versions.filter((version) => version.programmeId === row.id).map(ruleVersionView),
      isDemo: row.is_demo as boolean,
      version: row.version as number,
    }));
  }

  async create(
    actor: AuthenticatedActor,
    body: CreateStipendProgrammeRequest,
  ): Promise<StipendProgrammeView> {
    let id: number;
    try {
      id = await this.dataSource.transaction(async (manager) => {
        await this.access.requireRows(
          actor.user,
          'stipends.manage',
          'budget_line',
          'unit_id',
          [body.budgetLineId],
          manager,
        );
        const line = await manager.findOneByOrFail(BudgetLine, { id: body.budgetLineId });
        if (body.kind === 'one_off') {
          if (!body.rosterProgrammeId) {
            throw new DomainError('VALIDATION_FAILED', {
              rosterProgrammeId: fieldMessage(
                '一次性补助项目须指定人员名册所在的项目',
                'Name the programme whose roster a one-off subsidy draws on',
              ),
            });
          }
          const roster = await this.reachable(actor.user, body.rosterProgrammeId, 'stipends.manage', manager);
          this.requireKind(roster, 'monthly_quarterly', 'rosterProgrammeId');
          // Departure subsidies are for cadres leaving office after an election.
          this.requireRosterKind(roster, 'retired_cadre', 'rosterProgrammeId');
          if (body.rosterKind !== 'retired_cadre') this.requireRosterKind(roster, body.rosterKind, 'rosterKind');
        } else if (body.rosterProgrammeId) {
          throw new DomainError('VALIDATION_FAILED', {
            rosterProgrammeId: fieldMessage(
              '按季度发放的项目有自己的名册',
              'A quarterly programme keeps its own roster',
            ),
          });
        }
        const programme = manager.create(StipendProgramme, {
          budgetLineId: line.id,
          kind: body.kind,
          rosterKind: body.rosterKind,
          name: body.name,
          rosterProgrammeId: body.rosterProgrammeId ?? null,
          reportReminderDays: body.reportReminderDays,
          unitId: line.unitId,
        });
        await manager.save(programme);
        await this.audit.record(manager, actor, {
          action: 'stipend_programme.create',
          entityType: 'stipend_programme',
          entityId: programme.id,
          after: programme,
        });
        return programme.id;
      });
    } catch (error) {
      if (pgErrorOf(error)?.code === PG_UNIQUE_VIOLATION) {
        throw new DomainError('CONFLICT', {
          budgetLineId: fieldMessage(
            '该预算线已设有发放项目',
            'This budget line already has a stipend programme',
          ),
        });
      }
      throw error;
    }
    return (await this.views([id]))[0];
  }

  /** A new policy version. The rules are checked against the programme's kind. */
  async addRuleVersion(
    actor: AuthenticatedActor,
    programmeId: number,
    body: CreateStipendRuleVersionRequest,
  ): Promise<StipendProgrammeView> {
    try {
      await this.dataSource.transaction(async (manager) => {
        const programme = await this.reachable(actor.user, programmeId, 'stipends.manage', manager);
        await this.access.requireUnits(actor.user, 'stipends.manage', [programme.unitId], manager);
        const schema: z.ZodType =
          programme.kind === 'one_off'
            ? DepartureRules
            : programme.rosterKind === 'building_leader'
              ? BuildingLeaderRules
              : MonthlyRules;
        const parsed = schema.safeParse(body.rules);
        if (!parsed.success) {
          const problems = fieldErrorsOf(parsed.error);
          throw new DomainError(
            'VALIDATION_FAILED',
            Object.fromEntries(Object.entries(problems).map(([path, message]) => [`rules.${path}`, message])),
          );
        }
        if (programme.rosterKind === 'building_leader') {
          const tableProblems = validateRateTable((parsed.data as BuildingLeaderRules).rates);
          if (tableProblems.length) {
            throw new DomainError(
              'VALIDATION_FAILED',
              Object.fromEntries(
                tableProblems.map((problem) => [`rules.rates.${problem.field}`, fieldMessage(problem.zh, problem.en)]),
              ),
            );
          }
        }
        const rules: Record<string, unknown> =
          programme.kind === 'one_off'
            ? ({
                ...(parsed.data as DepartureRules),
                documentNumber: body.documentNumber,
                effectiveFrom: body.effectiveFrom,
              } satisfies StoredDepartureRules)
            : (parsed.data as MonthlyRules);
        const version = manager.create(StipendRuleVersion, {
          programmeId,
          documentNumber: body.documentNumber,
          title: body.title ?? null,
          effectiveFrom: body.effectiveFrom,
          rules,
          createdByUserId: actor.user.id,
        });
        await manager.save(version);
        await this.audit.record(manager, actor, {
          action: 'stipend_rule_version.create',
          entityType: 'stipend_programme',
          entityId: programmeId,
          after: version,
        });
      });
    } catch (error) {
      if (pgErrorOf(error)?.code === PG_UNIQUE_VIOLATION) {
        throw new DomainError('CONFLICT', {
          effectiveFrom: fieldMessage(
            '该日期已有一个规则版本',
            'A rule version already takes effect on that day',
          ),
        });
      }
      throw error;
    }
    return (await this.views([programmeId]))[0];
  }

  /** The month rule in force on a day (the programme's latest version on or before it). */
  async monthRuleOn(
    manager: EntityManager,
    programmeId: number,
    date: string,
  ): Promise<{ rule: MonthRule; version: StipendRuleVersion | null }> {
    const [version] = await manager.query(
      `SELECT id FROM stipend_rule_version WHERE programme_id = $1 AND effective_from <= $2 ORDER BY effective_from DESC LIMIT 1`,
      [programmeId, date],
    );
    if (!version) return { rule: DEFAULT_MONTH_RULE, version: null };
    const found = await manager.findOneByOrFail(StipendRuleVersion, { id: version.id as number });
    return {
      rule: ((found.rules as Partial<MonthlyRules>).monthRule ?? DEFAULT_MONTH_RULE) as MonthRule,
      version: found,
    };
  }

  /** Every departure rule table of a one-off programme, and a picker by departure date. */
  async departureTables(manager: EntityManager, programmeId: number) {
    const versions = await manager.find(StipendRuleVersion, {
      where: { programmeId },
      order: { effectiveFrom: 'ASC' },
    });
    const tables = versions.map((version) => ({
      version,
      table: version.rules as unknown as StoredDepartureRules,
    }));
    return {
      versions,
      forDeparture(date: string) {
        const table = departureRulesFor(
          tables.map((entry) => entry.table),
          date,
        );
        return table ? (tables.find((entry) => entry.table === table) ?? null) : null;
      },
      windowDaysOn(date: string): number {
        const table = departureRulesFor(
          tables.map((entry) => entry.table),
          date,
        ) as StoredDepartureRules | null;
        return table?.departureWindowDays ?? DEFAULT_DEPARTURE_WINDOW_DAYS;
      },
    };
  }
}
