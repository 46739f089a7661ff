import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DomainError,
  type CreateStipendPersonRequest,
  type Page,
  type RemoveStipendPersonRequest,
  type ReplaceStipendPostsRequest,
  type StipendPersonDetailView,
  type StipendPersonListQuery,
  type StipendPersonView,
  type StipendPost as StipendPostName,
  type StipendPostInput,
  type UpdateStipendPersonRequest,
} from '@xiaoshi/contracts';
import { checkNationalId, maskBankAccount, maskNationalId, maskPhone, shanghaiDate } from '@xiaoshi/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthUser, AuthenticatedActor } from '../../common/actor.js';
import { PG_UNIQUE_VIOLATION, pgErrorOf } from '../../database/postgres-errors.js';
import { AccessService } from '../access/access.service.js';
import { AuditService } from '../audit/audit.service.js';
import { OrgUnit } from '../orgs/org-unit.entity.js';
import { SEX_LABELS, fields, periodLabel, personalData } from './stipend-common.js';
import { rosterWorkbook } from './stipend-excel.js';
import { StipendPerson } from './stipend-person.entity.js';
import { StipendPost } from './stipend-post.entity.js';
import { StipendProgrammesService } from './stipend-programmes.service.js';

// Dates as text: node-postgres would turn them into Date objects at the host's midnight.
export const PERSON_COLUMNS = `p.id, p.programme_id, p.name, p.national_id, p.birth_date::text AS birth_date, p.sex,
  p.street_id, p.community_id, p.departure_date::text AS departure_date, p.normal_departure,
  p.eligible_from::text AS eligible_from, p.monthly_rate_fen, p.bank_name, p.bank_account, p.status,
  p.death_date::text AS death_date, p.removed_on::text AS removed_on, p.removal_reason, p.is_demo, p.version,
  s.name AS street_name, c.name AS community_name,
  bl.buildings, bl.building_count, bl.units, bl.households, bl.phone`;
export const PERSON_JOINS = `JOIN org_unit s ON s.id = p.street_id JOIN org_unit c ON c.id = p.community_id
  LEFT JOIN stipend_building_leader bl ON bl.person_id = p.id`;

/** What the audit log keeps of a person: never the ID number or the account in clear. */
export function auditedPerson(person: StipendPerson) {
  return {
    id: person.id,
    programmeId: person.programmeId,
    name: person.name,
    nationalId: maskNationalId(person.nationalId),
    communityId: person.communityId,
    departureDate: person.departureDate,
    normalDeparture: person.normalDeparture,
    eligibleFrom: person.eligibleFrom,
    monthlyRateFen: person.monthlyRateFen,
    bankName: person.bankName,
    bankAccount: maskBankAccount(person.bankAccount),
    status: person.status,
    deathDate: person.deathDate,
    removedOn: person.removedOn,
    removalReason: person.removalReason,
  };
}

/**
 * A roster person as every role sees them: ID number, bank account and phone masked, birth date
 * withheld (with the masked ID it would give the number away). The clear values are an audited
 * reveal of one person (StipendPersonalDataService), and the bank payroll file.
 */
export function toPersonView(row: Record<string, unknown>): StipendPersonView {
  const show = personalData(false);
  return {
    id: row.id as number,
    programmeId: row.programme_id as number,
    name: row.name as string,
    nationalId: show.nationalId(row.national_id as string),
    birthDate: null,
    sex: row.sex as 'male' | 'female',
    street: { id: row.street_id as number, name: row.street_name as string },
    community: { id: row.community_id as number, name: row.community_name as string },
    departureDate: row.departure_date as string | null,
    normalDeparture: row.normal_departure as boolean | null,
    eligibleFrom: row.eligible_from as string,
    monthlyRateFen: Number(row.monthly_rate_fen),
    bankName: row.bank_name as string,
    bankAccount: show.bankAccount(row.bank_account as string),
    status: row.status as StipendPersonView['status'],
    deathDate: row.death_date as string | null,
    removedOn: row.removed_on as string | null,
    removalReason: row.removal_reason as string | null,
    building:
      row.buildings === null || row.buildings === undefined
        ? null
        : {
            buildings: row.buildings as string,
            buildingCount: row.building_count as number,
            units: row.units as string | null,
            households: row.households as number,
            phone: maskPhone(row.phone as string) ?? '',
          },
    isDemo: row.is_demo as boolean,
    version: row.version as number,
  };
}

/** The facts of a person that must hold together, as field problems. */
function personProblems(
  person: {
    departureDate: string | null;
    eligibleFrom: string;
    status: string;
    deathDate: string | null;
    removedOn?: string | null;
  },
  today: string,
): Array<[string, string, string]> {
  const problems: Array<[string, string, string]> = [];
  if (person.departureDate && person.departureDate > today)
    problems.push(['departureDate', '离任日期不能晚于今天', 'The departure date cannot be in the future']);
  if (person.departureDate && person.eligibleFrom < person.departureDate) {
    problems.push([
      'eligibleFrom',
      '享受起始日期不能早于离任日期',
      'Eligibility cannot start before the departure',
    ]);
  }
  if (person.deathDate && person.deathDate < person.eligibleFrom) {
    problems.push([
      'deathDate',
      '死亡日期早于享受起始日期',
      'The date of death is before the eligibility start',
    ]);
  }
  if (person.status === 'deceased' && !person.deathDate)
    problems.push(['deathDate', '状态为“已故”时须填写死亡日期', 'Give the date of death']);
  if (person.status !== 'deceased' && person.deathDate) {
    problems.push([
      'deathDate',
      '状态不是“已故”却填写了死亡日期',
      'A death date is given but the status is not deceased',
    ]);
  }
  if (person.deathDate && person.departureDate && person.deathDate < person.departureDate) {
    problems.push(['deathDate', '死亡日期早于离任日期', 'The date of death is before the departure']);
  }
  if (person.deathDate && person.deathDate > today)
    problems.push(['deathDate', '死亡日期不能晚于今天', 'The date of death cannot be in the future']);
  return problems;
}

function postProblems(
  posts: readonly StipendPostInput[],
  departureDate: string,
): Array<[string, string, string]> {
  const problems: Array<[string, string, string]> = [];
  posts.forEach((post, index) => {
    if (post.termEnd && post.termEnd < post.termStart)
      problems.push([`posts.${index}.termEnd`, '任职结束日期早于起始日期', 'The term ends before it starts']);
    if (post.electedAt && post.electedAt > post.termStart) {
      problems.push([
        `posts.${index}.electedAt`,
        '当届选举日期晚于任职起始日期',
        'The election is after the term start',
      ]);
    }
    if (post.termStart > departureDate)
      problems.push([
        `posts.${index}.termStart`,
        '任职起始日期晚于离任日期',
        'The term starts after the departure',
      ]);
  });
  return problems;
}

/** Roster people: street scope, masking, edits, removals and the per-person payment history. */
@Injectable()
export class StipendRosterService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly programmes: StipendProgrammesService,
  ) {}

  /** A person in the user's scope (their street's communities), 404 otherwise. */
  async reachable(
    user: AuthUser,
    id: number,
    permission: 'stipends.read' | 'stipends.roster',
    manager: EntityManager,
    lock = false,
  ): Promise<StipendPerson> {
    await this.access.requireRows(user, permission, 'stipend_person', 'community_id', [id], manager);
    const person = await manager.findOne(StipendPerson, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!person) throw new DomainError('NOT_FOUND');
    return person;
  }

  async list(user: AuthUser, query: StipendPersonListQuery): Promise<Page<StipendPersonView>> {
    this.access.requirePermission(user, 'stipends.read');
    const params: unknown[] = [user.unit.id];
    const conditions = [this.access.unitScopeCondition(user, 'p.community_id', 1)];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      conditions.push(sql.replaceAll('?', `$${params.length}`));
    };
    if (query.cursor) add('p.id > ?', query.cursor);
    if (query.programmeId) add('p.programme_id = ?', query.programmeId);
    if (query.streetId) add('p.street_id = ?', query.streetId);
    if (query.communityId) add('p.community_id = ?', query.communityId);
    if (query.status === 'removed') conditions.push('p.removed_on IS NOT NULL');
    else if (query.status) add('p.status = ? AND p.removed_on IS NULL', query.status);
    if (query.q) {
      // A name fragment, or the last digits of the ID number (what a masked number shows).
      const escaped = query.q.replace(/[%_\\]/g, '\\$&');
      add(`(p.name ILIKE '%' || ? || '%' OR (length(?) >= 4 AND p.national_id LIKE '%' || ?))`, escaped);
    }
    params.push(query.limit + 1);
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT ${PERSON_COLUMNS} FROM stipend_person p ${PERSON_JOINS}
       WHERE ${conditions.join(' AND ')} ORDER BY p.id LIMIT $${params.length}`,
      params,
    );
    const items = rows.slice(0, query.limit).map((row) => toPersonView(row));
    return { items, nextCursor: rows.length > query.limit ? items[items.length - 1].id : null };
  }

  async get(
    user: AuthUser,
    id: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<StipendPersonDetailView> {
    await this.reachable(user, id, 'stipends.read', manager);
    const [row]: Array<Record<string, unknown>> = await manager.query(
      `SELECT ${PERSON_COLUMNS} FROM stipend_person p ${PERSON_JOINS} WHERE p.id = $1`,
      [id],
    );
    const posts = await manager.find(StipendPost, {
      where: { personId: id },
      order: { termStart: 'ASC', id: 'ASC' },
    });
    const payments: Array<Record<string, unknown>> = await manager.query(
      `SELECT b.id, b.kind, b.year, b.quarter, b.election_date::text AS election_date, b.status, b.paid_at, pr.name AS programme_name, l.months, l.amount_fen
       FROM stipend_batch_line l JOIN stipend_batch b ON b.id = l.batch_id JOIN stipend_programme pr ON pr.id = b.programme_id
       WHERE l.person_id = $1 AND b.status <> 'rejected' ORDER BY b.id DESC`,
      [id],
    );
    return {
      ...toPersonView(row),
      posts: posts.map((post) => ({
        id: post.id,
        post: post.post as StipendPostName,
        termStart: post.termStart,
        termEnd: post.termEnd,
        electedAt: post.electedAt,
        source: post.source,
      })),
      payments: payments.map((payment) => ({
        batchId: payment.id as number,
        programmeName: payment.programme_name as string,
        period: periodLabel({
          kind: payment.kind as string,
          year: payment.year as number,
          quarter: payment.quarter as number | null,
          electionDate: payment.election_date as string | null,
        }),
        batchStatus: payment.status as string,
        months: payment.months as string[],
        amountFen: Number(payment.amount_fen),
        paidAt: payment.paid_at ? (payment.paid_at as Date).toISOString() : null,
      })),
    };
  }

  /** The community (in scope, a community) and its street. */
  async communityOf(
    user: AuthUser,
    communityId: number,
    manager: EntityManager,
    programmeUnitId: number,
  ): Promise<OrgUnit> {
    await this.access.requireUnits(user, 'stipends.roster', [communityId], manager);
    const community = await manager.findOneByOrFail(OrgUnit, { id: communityId });
    if (
      community.kind !== 'community' ||
      !community.ancestorIds.includes(programmeUnitId) ||
      community.parentId === null
    ) {
      throw new DomainError(
        'VALIDATION_FAILED',
        fields([['communityId', '请选择本区的社区', 'Choose a community of the district']]),
      );
    }
    return community;
  }

  async create(
    actor: AuthenticatedActor,
    programmeId: number,
    body: CreateStipendPersonRequest,
    now = new Date(),
  ): Promise<StipendPersonDetailView> {
    let id: number;
    try {
      id = await this.dataSource.transaction(async (manager) => {
        const programme = await this.programmes.reachable(
          actor.user,
          programmeId,
          'stipends.roster',
          manager,
        );
        this.programmes.requireKind(programme, 'monthly_quarterly');
        this.programmes.requireRosterKind(programme, 'retired_cadre');
        const community = await this.communityOf(actor.user, body.communityId, manager, programme.unitId);
        const check = checkNationalId(body.nationalId);
        const eligibleFrom = body.eligibleFrom ?? body.departureDate;
        const problems = [
          ...(check.valid
            ? []
            : ([
                [
                  'nationalId',
                  '身份证号无效（校验位或出生日期错误）',
                  'The ID number is invalid (check digit or birth date)',
                ],
              ] as Array<[string, string, string]>)),
          ...personProblems({ ...body, eligibleFrom, deathDate: body.deathDate ?? null }, shanghaiDate(now)),
          ...postProblems(body.posts, body.departureDate),
        ];
        if (problems.length || !check.valid) throw new DomainError('VALIDATION_FAILED', fields(problems));
        const person = manager.create(StipendPerson, {
          programmeId,
          streetId: community.parentId!,
          communityId: community.id,
          name: body.name,
          nationalId: body.nationalId,
          birthDate: check.birthDate,
          sex: check.sex,
          departureDate: body.departureDate,
          normalDeparture: body.normalDeparture,
          eligibleFrom,
          monthlyRateFen: body.monthlyRateFen,
          bankName: body.bankName,
          bankAccount: body.bankAccount,
          status: body.status,
          deathDate: body.deathDate ?? null,
        });
        await manager.save(person);
        await this.savePosts(manager, person.id, body.posts, 'manual');
        await this.audit.record(manager, actor, {
          action: 'stipend_person.create',
          entityType: 'stipend_person',
          entityId: person.id,
          after: auditedPerson(person),
        });
        return person.id;
      });
    } catch (error) {
      if (pgErrorOf(error)?.code === PG_UNIQUE_VIOLATION)
        throw new DomainError(
          'STIPEND_PERSON_EXISTS',
          fields([['nationalId', '该身份证号已在名册中', 'Already on the roster']]),
        );
      throw error;
    }
    return this.get(actor.user, id);
  }

  async update(
    actor: AuthenticatedActor,
    id: number,
    body: UpdateStipendPersonRequest,
    now = new Date(),
  ): Promise<StipendPersonDetailView> {
    await this.dataSource.transaction(async (manager) => {
      const person = await this.reachable(actor.user, id, 'stipends.roster', manager, true);
      if (person.version !== body.version) throw new DomainError('CONFLICT');
      const programme = await this.programmes.reachable(
        actor.user,
        person.programmeId,
        'stipends.roster',
        manager,
      );
      this.programmes.requireRosterKind(programme, 'retired_cadre');
      const before = auditedPerson(person);
      const { version: _version, communityId, deathDate, ...rest } = body;
      if (communityId !== undefined && communityId !== person.communityId) {
        const community = await this.communityOf(actor.user, communityId, manager, programme.unitId);
        person.communityId = community.id;
        person.streetId = community.parentId!;
      }
      // The eligibility start follows the departure date unless it was set apart from it.
      if (
        rest.departureDate &&
        rest.eligibleFrom === undefined &&
        person.eligibleFrom === person.departureDate
      ) {
        person.eligibleFrom = rest.departureDate;
      }
      Object.assign(person, rest);
      if (deathDate !== undefined) person.deathDate = deathDate;
      if (body.status !== undefined && body.status !== 'deceased' && deathDate === undefined)
        person.deathDate = null;
      const problems = personProblems(person, shanghaiDate(now));
      if (problems.length) throw new DomainError('VALIDATION_FAILED', fields(problems));
      await manager.save(person);
      await this.audit.record(manager, actor, {
        action: 'stipend_person.update',
        entityType: 'stipend_person',
        entityId: id,
        before,
        after: auditedPerson(person),
      });
    });
    return this.get(actor.user, id);
  }

  async replacePosts(
    actor: AuthenticatedActor,
    id: number,
    body: ReplaceStipendPostsRequest,
  ): Promise<StipendPersonDetailView> {
    await this.dataSource.transaction(async (manager) => {
      const person = await this.reachable(actor.user, id, 'stipends.roster', manager, true);
      if (person.version !== body.version) throw new DomainError('CONFLICT');
      this.programmes.requireRosterKind(
        await this.programmes.reachable(actor.user, person.programmeId, 'stipends.roster', manager),
        'retired_cadre',
      );
      const problems = postProblems(body.posts, person.departureDate ?? person.eligibleFrom);
      if (problems.length) throw new DomainError('VALIDATION_FAILED', fields(problems));
      const before = await manager.find(StipendPost, { where: { personId: id } });
      await manager.delete(StipendPost, { personId: id });
      await this.savePosts(manager, id, body.posts, 'manual');
      // Bump the version: the posts are part of the person's record.
      await manager.save(person);
      await this.audit.record(manager, actor, {
        action: 'stipend_person.posts_replaced',
        entityType: 'stipend_person',
        entityId: id,
        before: before.map(({ post, termStart, termEnd, electedAt }) => ({
          post,
          termStart,
          termEnd,
          electedAt,
        })),
        after: body.posts,
      });
    });
    return this.get(actor.user, id);
  }

  /** 停发: the person is paid up to the day before `effectiveDate`. */
  async remove(
    actor: AuthenticatedActor,
    id: number,
    body: RemoveStipendPersonRequest,
  ): Promise<StipendPersonDetailView> {
    await this.dataSource.transaction(async (manager) => {
      const person = await this.reachable(actor.user, id, 'stipends.roster', manager, true);
      if (person.version !== body.version) throw new DomainError('CONFLICT');
      if (person.removedOn) throw new DomainError('INVALID_TRANSITION');
      if (body.effectiveDate <= person.eligibleFrom) {
        throw new DomainError(
          'VALIDATION_FAILED',
          fields([
            [
              'effectiveDate',
              '停发日期须晚于享受起始日期',
              'The removal must take effect after the eligibility start',
            ],
          ]),
        );
      }
      const before = auditedPerson(person);
      person.removedOn = body.effectiveDate;
      person.removalReason = body.reason;
      await manager.save(person);
      await this.audit.record(manager, actor, {
        action: 'stipend_person.remove',
        entityType: 'stipend_person',
        entityId: id,
        before,
        after: auditedPerson(person),
      });
    });
    return this.get(actor.user, id);
  }

  /** The roster as Excel for officials: masked whoever asks (it is not the bank's file). */
  async exportRoster(user: AuthUser, programmeId: number): Promise<{ fileName: string; bytes: Buffer }> {
    const programme = await this.programmes.reachable(user, programmeId, 'stipends.read');
    this.programmes.requireKind(programme, 'monthly_quarterly');
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT ${PERSON_COLUMNS} FROM stipend_person p ${PERSON_JOINS}
       WHERE p.programme_id = $2 AND ${this.access.unitScopeCondition(user, 'p.community_id', 1)}
       ORDER BY p.street_id, p.community_id, p.id`,
      [user.unit.id, programmeId],
    );
    const statusLabels: Record<string, string> = { active: '在册', suspended: '暂停', deceased: '已故' };
    const bytes = await rosterWorkbook(
      `${programme.name} 名册（导出于 ${shanghaiDate(new Date())}，身份证号、银行账号和电话已脱敏）`,
      programme.rosterKind,
      rows.map((row) => {
        const view = toPersonView(row);
        return {
          street: view.street.name,
          community: view.community.name,
          name: view.name,
          nationalId: view.nationalId,
          sex: SEX_LABELS[view.sex],
          departureDate: view.departureDate,
          normalDeparture: view.normalDeparture,
          eligibleFrom: view.eligibleFrom,
          monthlyRateFen: view.monthlyRateFen,
          bankName: view.bankName,
          bankAccount: view.bankAccount,
          status: view.removedOn ? '已停发' : statusLabels[view.status],
          deathDate: view.deathDate,
          removedOn: view.removedOn,
          building: view.building,
        };
      }),
    );
    return { fileName: `${programme.name}-名册.xlsx`, bytes };
  }

  async savePosts(
    manager: EntityManager,
    personId: number,
    posts: readonly StipendPostInput[],
    source: 'import' | 'manual',
  ): Promise<void> {
    if (!posts.length) return;
    await manager.save(
      posts.map((post) =>
        manager.create(StipendPost, {
          personId,
          post: post.post,
          termStart: post.termStart,
          termEnd: post.termEnd ?? null,
          electedAt: post.electedAt ?? null,
          source,
        }),
      ),
    );
  }
}
