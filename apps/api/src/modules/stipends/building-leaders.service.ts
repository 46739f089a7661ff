import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DomainError,
  type BuildingLeaderRateQuery,
  type BuildingLeaderRateView,
  type CreateBuildingLeaderRequest,
  type StipendPersonDetailView,
  type UpdateBuildingLeaderRequest,
} from '@xiaoshi/contracts';
import { checkNationalId, maskPhone, shanghaiDate } from '@xiaoshi/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthUser, AuthenticatedActor } from '../../common/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { RosterRepository, type BuildingLeaderFactsRow } from './roster.repository.js';
import { addDaysIso, fields, refusingDuplicates } from './stipend-common.js';
import type { StipendPerson } from './stipend-person.entity.js';
import type { StipendProgramme } from './stipend-programme.entity.js';
import { StipendProgrammesService } from './stipend-programmes.service.js';
import { StipendRatesService } from './stipend-rates.service.js';
import { auditedPerson } from './roster-views.js';
import { StipendRosterService } from './stipend-roster.service.js';

type Problems = Array<[string, string, string]>;

/** Dates of a leader's service that must hold together. */
function serviceProblems(startDate: string, endDate: string | null | undefined, today: string): Problems {
  const problems: Problems = [];
  if (startDate > today)
    problems.push(['startDate', '任职起始日期不能晚于今天', 'The start date cannot be in the future']);
  if (endDate && endDate < startDate)
    problems.push(['endDate', '任职结束日期早于起始日期', 'The end date is before the start date']);
  return problems;
}

/** What a new leader covers. */
function coverage(personId: number, body: CreateBuildingLeaderRequest): BuildingLeaderFactsRow {
  return {
    personId,
    buildings: body.buildings,
    buildingCount: body.buildingCount,
    units: body.units ?? null,
    households: body.households,
    phone: body.phone,
  };
}

/** The audit snapshot of a leader: the person (masked) and what they cover (phone masked). */
export function auditedLeader(person: StipendPerson, facts: BuildingLeaderFactsRow) {
  return { ...auditedPerson(person), building: { ...facts, phone: maskPhone(facts.phone) } };
}

/**
 * The building-leader (楼栋长) roster: a street adds and edits its leaders; each one's stored
 * monthly rate is the district's table in force today applied to what they cover (a quarterly
 * report recomputes it with the table in force on the quarter's first day). Removal (停发) and
 * everything after — reports, audit, batches, payroll — is the stipend engine's.
 */
@Injectable()
export class BuildingLeadersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly programmes: StipendProgrammesService,
    private readonly roster: StipendRosterService,
    private readonly rates: StipendRatesService,
    private readonly repository: RosterRepository,
  ) {}

  private async leaderProgramme(user: AuthUser, id: number, manager?: EntityManager): Promise<StipendProgramme> {
    const programme = await this.programmes.reachable(user, id, 'stipends.roster', manager);
    this.programmes.requireKind(programme, 'monthly_quarterly');
    this.programmes.requireRosterKind(programme, 'building_leader');
    return programme;
  }

  /** What a leader covering this much would be paid a month under the table in force on a day. */
  async rate(user: AuthUser, programmeId: number, query: BuildingLeaderRateQuery): Promise<BuildingLeaderRateView> {
    const programme = await this.programmes.reachable(user, programmeId, 'stipends.read');
    this.programmes.requireRosterKind(programme, 'building_leader');
    return this.rates.rateFor(this.dataSource.manager, programme, query, query.date);
  }

  async create(
    actor: AuthenticatedActor,
    programmeId: number,
    body: CreateBuildingLeaderRequest,
    now = new Date(),
  ): Promise<StipendPersonDetailView> {
    const today = shanghaiDate(now);
    const id = await refusingDuplicates(
      () =>
        this.dataSource.transaction(async (manager) => {
          const programme = await this.leaderProgramme(actor.user, programmeId, manager);
          const community = await this.roster.communityOf(actor.user, body.communityId, manager, programme.unitId);
          const check = checkNationalId(body.nationalId);
          const problems: Problems = [
            ...(check.valid
              ? []
              : ([['nationalId', '身份证号无效（校验位或出生日期错误）', 'The ID number is invalid (check digit or birth date)']] as Problems)),
            ...serviceProblems(body.startDate, body.endDate, today),
          ];
          if (problems.length || !check.valid) throw new DomainError('VALIDATION_FAILED', fields(problems));
          const rate = await this.rates.rateFor(manager, programme, body, today);
          const person = await this.repository.saveBumpingVersion(
            manager,
            this.repository.newPerson(manager, {
              programmeId,
              streetId: community.parentId,
              communityId: community.id,
              name: body.name,
              nationalId: body.nationalId,
              birthDate: check.birthDate,
              sex: check.sex,
              departureDate: null,
              normalDeparture: null,
              eligibleFrom: body.startDate,
              monthlyRateFen: rate.monthlyRateFen,
              bankName: body.bankName,
              bankAccount: body.bankAccount,
              status: 'active',
              // The last day served is paid; the day after is the first day not paid.
              removedOn: body.endDate ? addDaysIso(body.endDate, 1) : null,
              removalReason: body.endDate ? '任职结束' : null,
            }),
          );
          const facts = coverage(person.id, body);
          await this.repository.saveFacts(manager, facts);
          await this.audit.record(manager, actor, {
            action: 'stipend_person.create',
            entityType: 'stipend_person',
            entityId: person.id,
            after: auditedLeader(person, facts),
          });
          return person.id;
        }),
      () => new DomainError('STIPEND_PERSON_EXISTS', fields([['nationalId', '该身份证号已在名册中', 'Already on the roster']])),
    );
    return this.roster.get(actor.user, id);
  }

  async update(
    actor: AuthenticatedActor,
    id: number,
    body: UpdateBuildingLeaderRequest,
    now = new Date(),
  ): Promise<StipendPersonDetailView> {
    const today = shanghaiDate(now);
    await this.dataSource.transaction(async (manager) => {
      const person = await this.roster.reachable(actor.user, id, 'stipends.roster', manager, true);
      if (person.version !== body.version) throw new DomainError('CONFLICT');
      const programme = await this.leaderProgramme(actor.user, person.programmeId, manager);
      const factsBefore = (await this.repository.factsOf(manager, [id])).get(id);
      if (!factsBefore) throw new DomainError('NOT_FOUND');
      const before = auditedLeader(person, factsBefore);
      if (body.communityId !== undefined && body.communityId !== person.communityId) {
        const community = await this.roster.communityOf(actor.user, body.communityId, manager, programme.unitId);
        person.communityId = community.id;
        person.streetId = community.parentId;
      }
      const facts: BuildingLeaderFactsRow = {
        personId: id,
        buildings: body.buildings ?? factsBefore.buildings,
        buildingCount: body.buildingCount ?? factsBefore.buildingCount,
        units: body.units === undefined ? factsBefore.units : body.units,
        households: body.households ?? factsBefore.households,
        phone: body.phone ?? factsBefore.phone,
      };
      if (body.startDate !== undefined) person.eligibleFrom = body.startDate;
      const problems = serviceProblems(person.eligibleFrom, null, today);
      if (problems.length) throw new DomainError('VALIDATION_FAILED', fields(problems));
      if (body.name !== undefined) person.name = body.name;
      if (body.bankName !== undefined) person.bankName = body.bankName;
      if (body.bankAccount !== undefined) person.bankAccount = body.bankAccount;
      person.monthlyRateFen = (await this.rates.rateFor(manager, programme, facts, today)).monthlyRateFen;
      await this.repository.saveBumpingVersion(manager, person);
      await this.repository.saveFacts(manager, facts);
      await this.audit.record(manager, actor, {
        action: 'stipend_person.update',
        entityType: 'stipend_person',
        entityId: id,
        before,
        after: auditedLeader(person, facts),
      });
    });
    return this.roster.get(actor.user, id);
  }
}
