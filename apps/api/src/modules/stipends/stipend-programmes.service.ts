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
  type FieldErrors,
  type Permission,
  type StipendProgrammeView,
} from '@xiaoshi/contracts';
import { validateRateTable } from '@xiaoshi/domain';
import type { z } from 'zod';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthUser, AuthenticatedActor } from '../../common/actor.js';
import { fieldErrorsOf } from '../../common/validation.js';
import { AccessService } from '../access/access.service.js';
import { AuditService } from '../audit/audit.service.js';
import { refusingDuplicates } from './stipend-common.js';
import type { StipendProgramme } from './stipend-programme.entity.js';
import { StipendProgrammesRepository, type RuleVersionRow } from './stipend-programmes.repository.js';
import type { StoredDepartureRules } from './stipend-rates.service.js';

function ruleVersionView(version: RuleVersionRow): StipendProgrammeView['ruleVersions'][number] {
  return {
    id: version.id,
    documentNumber: version.documentNumber,
    title: version.title,
    effectiveFrom: version.effectiveFrom,
    rules: version.rules,
    createdAt: version.createdAt.toISOString(),
  };
}

/** Programmes and their versioned policy rules; the programme scope check the other stipend services use. */
@Injectable()
export class StipendProgrammesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly repository: StipendProgrammesRepository,
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
    if (!(await this.repository.isReachable(manager, user, id))) throw new DomainError('NOT_FOUND');
    const programme = await this.repository.find(manager, id, lock);
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
            ? fieldMessage('该项目不是按月标准、按季度发放的项目', 'This programme is not paid monthly by quarter')
            : fieldMessage('该项目不是一次性补助项目', 'This programme is not a one-off subsidy'),
      });
    }
  }

  async list(user: AuthUser): Promise<StipendProgrammeView[]> {
    this.access.requirePermission(user, 'stipends.read');
    return this.views(await this.repository.idsInScope(this.dataSource.manager, user));
  }

  async get(user: AuthUser, id: number): Promise<StipendProgrammeView> {
    await this.reachable(user, id, 'stipends.read');
    return (await this.views([id]))[0];
  }

  private async views(ids: number[]): Promise<StipendProgrammeView[]> {
    const manager = this.dataSource.manager;
    const rows = await this.repository.rows(manager, ids);
    const versions = await this.repository.ruleVersions(manager, ids);
    return rows.map(({ budgetLine, ...row }) => ({
      id: row.id,
      kind: row.kind,
      rosterKind: row.rosterKind,
      name: row.name,
      budgetLine,
      rosterProgrammeId: row.rosterProgrammeId,
      reportReminderDays: row.reportReminderDays,
      ruleVersions: versions.filter((version) => version.programmeId === row.id).map(ruleVersionView),
      isDemo: row.isDemo,
      version: row.version,
    }));
  }

  async create(actor: AuthenticatedActor, body: CreateStipendProgrammeRequest): Promise<StipendProgrammeView> {
    const id = await refusingDuplicates(
      () =>
        this.dataSource.transaction(async (manager) => {
          await this.access.requireRows(actor.user, 'stipends.manage', 'budget_line', 'unit_id', [body.budgetLineId], manager);
          const line = await this.repository.budgetLine(manager, body.budgetLineId);
          if (!line) throw new DomainError('NOT_FOUND');
          await this.checkRoster(actor.user, body, manager);
          const programme = await this.repository.create(manager, {
            budgetLineId: line.id,
            kind: body.kind,
            rosterKind: body.rosterKind,
            name: body.name,
            rosterProgrammeId: body.rosterProgrammeId ?? null,
            reportReminderDays: body.reportReminderDays,
            unitId: line.unitId,
          });
          await this.audit.record(manager, actor, {
            action: 'stipend_programme.create',
            entityType: 'stipend_programme',
            entityId: programme.id,
            after: programme,
          });
          return programme.id;
        }),
      () =>
        new DomainError('CONFLICT', {
          budgetLineId: fieldMessage('该预算线已设有发放项目', 'This budget line already has a stipend programme'),
        }),
    );
    return (await this.views([id]))[0];
  }

  /** A one-off programme draws on a quarterly retired-cadre roster; a quarterly one keeps its own. */
  private async checkRoster(user: AuthUser, body: CreateStipendProgrammeRequest, manager: EntityManager): Promise<void> {
    if (body.kind !== 'one_off') {
      if (body.rosterProgrammeId) {
        throw new DomainError('VALIDATION_FAILED', {
          rosterProgrammeId: fieldMessage('按季度发放的项目有自己的名册', 'A quarterly programme keeps its own roster'),
        });
      }
      return;
    }
    if (!body.rosterProgrammeId) {
      throw new DomainError('VALIDATION_FAILED', {
        rosterProgrammeId: fieldMessage(
          '一次性补助项目须指定人员名册所在的项目',
          'Name the programme whose roster a one-off subsidy draws on',
        ),
      });
    }
    const roster = await this.reachable(user, body.rosterProgrammeId, 'stipends.manage', manager);
    this.requireKind(roster, 'monthly_quarterly', 'rosterProgrammeId');
    // Departure subsidies are for cadres leaving office after an election.
    this.requireRosterKind(roster, 'retired_cadre', 'rosterProgrammeId');
    if (body.rosterKind !== 'retired_cadre') this.requireRosterKind(roster, body.rosterKind, 'rosterKind');
  }

  /** A new policy version. The rules are checked against the programme's kind. */
  async addRuleVersion(
    actor: AuthenticatedActor,
    programmeId: number,
    body: CreateStipendRuleVersionRequest,
  ): Promise<StipendProgrammeView> {
    await refusingDuplicates(
      () =>
        this.dataSource.transaction(async (manager) => {
          const programme = await this.reachable(actor.user, programmeId, 'stipends.manage', manager);
          await this.access.requireUnits(actor.user, 'stipends.manage', [programme.unitId], manager);
          const version = await this.repository.addRuleVersion(manager, {
            programmeId,
            documentNumber: body.documentNumber,
            title: body.title ?? null,
            effectiveFrom: body.effectiveFrom,
            rules: this.checkedRules(programme, body),
            createdByUserId: actor.user.id,
          });
          await this.audit.record(manager, actor, {
            action: 'stipend_rule_version.create',
            entityType: 'stipend_programme',
            entityId: programmeId,
            after: version,
          });
        }),
      () =>
        new DomainError('CONFLICT', {
          effectiveFrom: fieldMessage('该日期已有一个规则版本', 'A rule version already takes effect on that day'),
        }),
    );
    return (await this.views([programmeId]))[0];
  }

  /** The rules as stored: parsed by the programme's kind, a leader rate table checked whole. */
  private checkedRules(programme: StipendProgramme, body: CreateStipendRuleVersionRequest): Record<string, unknown> {
    const schema: z.ZodType =
      programme.kind === 'one_off'
        ? DepartureRules
        : programme.rosterKind === 'building_leader'
          ? BuildingLeaderRules
          : MonthlyRules;
    const parsed = schema.safeParse(body.rules);
    if (!parsed.success) {
      const problems = fieldErrorsOf(parsed.error);
      throw new DomainError('VALIDATION_FAILED', prefixed('rules.', problems));
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
    return programme.kind === 'one_off'
      ? ({
          ...(parsed.data as DepartureRules),
          documentNumber: body.documentNumber,
          effectiveFrom: body.effectiveFrom,
        } satisfies StoredDepartureRules)
      : (parsed.data as MonthlyRules);
  }
}

function prefixed(prefix: string, problems: FieldErrors): FieldErrors {
  return Object.fromEntries(Object.entries(problems).map(([path, message]) => [`${prefix}${path}`, message]));
}
