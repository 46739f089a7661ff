import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DomainError,
  type CreateStipendPersonRequest,
  type RemoveStipendPersonRequest,
  type ReplaceStipendPostsRequest,
  type StipendPersonDetailView,
  type UpdateStipendPersonRequest,
} from '@xiaoshi/contracts';
import {
  STIPEND_PERSON_MOVES,
  checkNationalId,
  personProblems,
  postProblems,
  rosterStanding,
  shanghaiDate,
  type FieldProblem,
} from '@xiaoshi/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthenticatedActor } from '../../common/actor.js';
import { requireMove } from '../../common/state-moves.js';
import { AuditService } from '../audit/audit.service.js';
import { RosterRepository } from './roster.repository.js';
import { auditedPerson } from './roster-views.js';
import { fields, problemsAsFields, refusingDuplicates } from './stipend-common.js';
import type { StipendProgramme } from './stipend-programme.entity.js';
import { StipendProgrammesService } from './stipend-programmes.service.js';
import { StipendRosterService } from './stipend-roster.service.js';

const INVALID_NATIONAL_ID: FieldProblem = {
  field: 'nationalId',
  zh: '身份证号无效（校验位或出生日期错误）',
  en: 'The ID number is invalid (check digit or birth date)',
};

/**
 * A street's edits of its retired cadres (离任社区干部): adding one with their posts, editing their
 * record or posts, and removing anyone from the roster (停发, building leaders too). Every edit is
 * audited in its transaction; the facts that must hold together are libs/domain's roster checks.
 */
@Injectable()
export class StipendPeopleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly programmes: StipendProgrammesService,
    private readonly roster: StipendRosterService,
    private readonly repository: RosterRepository,
  ) {}

  /** The person's programme, which must list retired cadres. */
  private async cadreProgramme(actor: AuthenticatedActor, programmeId: number, manager: EntityManager): Promise<StipendProgramme> {
    const programme = await this.programmes.reachable(actor.user, programmeId, 'stipends.roster', manager);
    this.programmes.requireRosterKind(programme, 'retired_cadre');
    return programme;
  }

  async create(
    actor: AuthenticatedActor,
    programmeId: number,
    body: CreateStipendPersonRequest,
    now = new Date(),
  ): Promise<StipendPersonDetailView> {
    const id = await refusingDuplicates(
      () =>
        this.dataSource.transaction(async (manager) => {
          const programme = await this.programmes.reachable(actor.user, programmeId, 'stipends.roster', manager);
          this.programmes.requireKind(programme, 'monthly_quarterly');
          this.programmes.requireRosterKind(programme, 'retired_cadre');
          const community = await this.roster.communityOf(actor.user, body.communityId, manager, programme.unitId);
          const check = checkNationalId(body.nationalId);
          const eligibleFrom = body.eligibleFrom ?? body.departureDate;
          const problems = [
            ...(check.valid ? [] : [INVALID_NATIONAL_ID]),
            ...personProblems({ ...body, eligibleFrom, deathDate: body.deathDate ?? null }, shanghaiDate(now)),
            ...postProblems(body.posts, body.departureDate),
          ];
          if (problems.length || !check.valid) throw new DomainError('VALIDATION_FAILED', problemsAsFields(problems));
          const person = await this.repository.save(
            manager,
            this.repository.newPerson(manager, {
              programmeId,
              streetId: community.parentId,
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
            }),
          );
          await this.repository.insertPosts(manager, person.id, body.posts, 'manual');
          await this.audit.record(manager, actor, {
            action: 'stipend_person.create',
            entityType: 'stipend_person',
            entityId: person.id,
            after: auditedPerson(person),
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
    body: UpdateStipendPersonRequest,
    now = new Date(),
  ): Promise<StipendPersonDetailView> {
    await this.dataSource.transaction(async (manager) => {
      const person = await this.roster.reachable(actor.user, id, 'stipends.roster', manager, true);
      if (person.version !== body.version) throw new DomainError('CONFLICT');
      const programme = await this.cadreProgramme(actor, person.programmeId, manager);
      const before = auditedPerson(person);
      const { version: _version, communityId, deathDate, ...rest } = body;
      if (communityId !== undefined && communityId !== person.communityId) {
        const community = await this.roster.communityOf(actor.user, communityId, manager, programme.unitId);
        person.communityId = community.id;
        person.streetId = community.parentId;
      }
      // The eligibility start follows the departure date unless it was set apart from it.
      if (rest.departureDate && rest.eligibleFrom === undefined && person.eligibleFrom === person.departureDate) {
        person.eligibleFrom = rest.departureDate;
      }
      Object.assign(person, rest);
      if (deathDate !== undefined) person.deathDate = deathDate;
      if (body.status !== undefined && body.status !== 'deceased' && deathDate === undefined) person.deathDate = null;
      const problems = personProblems(person, shanghaiDate(now));
      if (problems.length) throw new DomainError('VALIDATION_FAILED', problemsAsFields(problems));
      await this.repository.save(manager, person);
      await this.audit.record(manager, actor, {
        action: 'stipend_person.update',
        entityType: 'stipend_person',
        entityId: id,
        before,
        after: auditedPerson(person),
      });
    });
    return this.roster.get(actor.user, id);
  }

  async replacePosts(actor: AuthenticatedActor, id: number, body: ReplaceStipendPostsRequest): Promise<StipendPersonDetailView> {
    await this.dataSource.transaction(async (manager) => {
      const person = await this.roster.reachable(actor.user, id, 'stipends.roster', manager, true);
      if (person.version !== body.version) throw new DomainError('CONFLICT');
      await this.cadreProgramme(actor, person.programmeId, manager);
      const problems = postProblems(body.posts, person.departureDate ?? person.eligibleFrom);
      if (problems.length) throw new DomainError('VALIDATION_FAILED', problemsAsFields(problems));
      const before = await this.repository.posts(manager, [id]);
      await this.repository.deletePosts(manager, id);
      await this.repository.insertPosts(manager, id, body.posts, 'manual');
      // Bump the version: the posts are part of the person's record.
      await this.repository.save(manager, person);
      await this.audit.record(manager, actor, {
        action: 'stipend_person.posts_replaced',
        entityType: 'stipend_person',
        entityId: id,
        before: before.map(({ post, termStart, termEnd, electedAt }) => ({ post, termStart, termEnd, electedAt })),
        after: body.posts,
      });
    });
    return this.roster.get(actor.user, id);
  }

  /** 停发: the person is paid up to the day before `effectiveDate`. */
  async remove(actor: AuthenticatedActor, id: number, body: RemoveStipendPersonRequest): Promise<StipendPersonDetailView> {
    await this.dataSource.transaction(async (manager) => {
      const person = await this.roster.reachable(actor.user, id, 'stipends.roster', manager, true);
      if (person.version !== body.version) throw new DomainError('CONFLICT');
      requireMove(STIPEND_PERSON_MOVES, rosterStanding(person), 'remove');
      if (body.effectiveDate <= person.eligibleFrom) {
        throw new DomainError(
          'VALIDATION_FAILED',
          fields([['effectiveDate', '停发日期须晚于享受起始日期', 'The removal must take effect after the eligibility start']]),
        );
      }
      const before = auditedPerson(person);
      person.removedOn = body.effectiveDate;
      person.removalReason = body.reason;
      await this.repository.save(manager, person);
      await this.audit.record(manager, actor, {
        action: 'stipend_person.remove',
        entityType: 'stipend_person',
        entityId: id,
        before,
        after: auditedPerson(person),
      });
    });
    return this.roster.get(actor.user, id);
  }
}
