import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DomainError,
  fieldMessage,
  type CreateTripRequest,
  type FieldErrors,
  type Page,
  type ReplaceTripParticipantsRequest,
  type ReturnTripRequest,
  type TripListQuery,
  type TripSummaryView,
  type TripView,
  type UpdateTripRequest,
} from '@xiaoshi/contracts';
import { TRIP_MOVES, canMove, estimateTripCost, tripDays, type TripAction } from '@xiaoshi/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthUser, AuthenticatedActor } from '../../common/actor.js';
import { requireMove } from '../../common/state-moves.js';
import { violationsToFields } from '../../common/violations.js';
import { AccessService } from '../access/access.service.js';
import { AuditService } from '../audit/audit.service.js';
import type { StudyTrip } from './trips.entities.js';
import { TripsRepository, type TripRow } from './trips.repository.js';

/** Who may take each action on a trip: the office that approves, or the one that organises. */
const APPROVING: ReadonlySet<TripAction> = new Set(['approve', 'return']);

function summary(row: TripRow): TripSummaryView {
  return {
    id: row.id,
    title: row.title,
    destination: row.destination,
    startDate: row.startDate,
    endDate: row.endDate,
    days: tripDays(row.startDate, row.endDate),
    status: row.status,
    participants: row.participants,
    communities: row.communities,
    attended: row.attended,
    estimateFen: row.estimateFen,
    actualFen: row.actualFen,
    budgetLine: row.budgetLine,
    isDemo: row.isDemo,
    version: row.version,
  };
}

type TripFacts = Pick<StudyTrip, 'startDate' | 'endDate' | 'category' | 'staffCount' | 'travelPerPersonFen' | 'unitId'>;

/**
 * Study trips from plan to approval: a district draft (dates, destination, norm category, budget
 * line), its participants from the communities, the estimate recomputed from the norm table on
 * every change, then submission and the district's approval or return. Completion (attendance,
 * evidence, actual costs) is TripCompletionService.
 */
@Injectable()
export class TripsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly repository: TripsRepository,
  ) {}

  async list(user: AuthUser, query: TripListQuery): Promise<Page<TripSummaryView>> {
    this.access.requirePermission(user, 'trips.read');
    const ids = await this.repository.tripIds(this.access.unitScopeCondition(user, 't.unit_id', 1), user.unit.id, {
      year: query.year,
      status: query.status,
      cursor: query.cursor,
      limit: query.limit + 1,
    });
    const rows = await this.repository.trips(ids.slice(0, query.limit));
    return { items: rows.map(summary), nextCursor: ids.length > query.limit ? ids[query.limit - 1] : null };
  }

  async get(user: AuthUser, id: number, manager?: EntityManager): Promise<TripView> {
    await this.access.requireRows(user, 'trips.read', 'study_trip', 'unit_id', [id], manager);
    const [row] = await this.repository.trips([id], manager);
    const participants = await this.repository.participants(id, manager);
    const evidence = await this.repository.evidence(id, manager);
    const costs = await this.repository.costs(id, manager);
    const headcount = participants.length + row.staffCount;
    const days = tripDays(row.startDate, row.endDate);
    const manage = user.permissions.has('trips.manage');
    const approves = user.permissions.has('trips.approve');
    // The buttons are the table's moves from this status, for the user's permissions.
    const offered: Array<[TripAction, TripView['availableActions'][number], boolean]> = [
      ['edit', 'edit', manage],
      ['submit', 'submit', manage],
      ['approve', 'approve', approves],
      ['return', 'return', approves],
      ['record_attendance', 'attendance', manage],
      ['record_costs', 'costs', manage],
      ['cancel', 'cancel', manage],
    ];
    const actions = offered
      .filter(([action, , allowed]) => allowed && canMove(TRIP_MOVES, row.status, action))
      .map(([, button]) => button);
    return {
      ...summary(row),
      purpose: row.purpose,
      category: row.category,
      categoryLabel: row.categoryLabel,
      staffCount: row.staffCount,
      travelPerPersonFen: row.travelPerPersonFen,
      estimate: {
        normVersion: row.normVersion,
        perPersonPerDayFen: row.rateFen,
        headcount,
        days,
        normFen: headcount * days * row.rateFen,
        travelFen: headcount * row.travelPerPersonFen,
        totalFen: row.estimateFen,
      },
      participantList: participants,
      evidence: evidence.map((item) => ({
        id: item.id,
        kind: item.kind,
        originalName: item.originalName,
        mimeType: item.mimeType,
        sizeBytes: item.sizeBytes,
        uploadedAt: item.createdAt.toISOString(),
      })),
      costs,
      directExpenditureId: row.directExpenditureId,
      submittedBy: row.submittedBy,
      approvedBy: row.approvedBy,
      approvedAt: row.approvedAt?.toISOString() ?? null,
      returnReason: row.returnReason,
      availableActions: actions,
    };
  }

  /**
   * The norm rate for the trip's category (from the version in force on its first day) and the
   * estimate for its headcount; with nobody on it yet, the estimate is zero.
   */
  private async costed(manager: EntityManager, facts: TripFacts, participants: number) {
    const version = await this.repository.normVersionOn(manager, facts.unitId, facts.startDate);
    const item = version?.items.find((candidate) => candidate.category === facts.category);
    if (!version || !item)
      throw new DomainError('VALIDATION_FAILED', {
        category: fieldMessage(
          `${facts.startDate} 生效的培训费定额标准中没有该类别`,
          `The training-cost norms in force on ${facts.startDate} have no such category`,
        ),
      });
    const headcount = participants + facts.staffCount;
    const result = estimateTripCost({
      startDate: facts.startDate,
      endDate: facts.endDate,
      headcount: Math.max(headcount, 1),
      perPersonPerDayFen: item.perPersonPerDayFen,
      travelPerPersonFen: facts.travelPerPersonFen,
    });
    if (!result.ok) throw new DomainError('VALIDATION_FAILED', violationsToFields(result.violations));
    return {
      normVersionId: version.id,
      rateFen: item.perPersonPerDayFen,
      categoryLabel: item.label,
      estimateFen: headcount === 0 ? 0 : result.estimate.totalFen,
    };
  }

  async create(actor: AuthenticatedActor, body: CreateTripRequest): Promise<TripView> {
    const id = await this.dataSource.transaction(async (manager) => {
      await this.access.requireRows(actor.user, 'trips.manage', 'budget_line', 'unit_id', [body.budgetLineId], manager);
      const unitId = (await this.repository.budgetLineUnit(manager, body.budgetLineId))!;
      const facts = { ...body, unitId };
      const costed = await this.costed(manager, facts, 0);
      const trip = await this.repository.saveTrip(manager, {
        ...facts,
        purpose: body.purpose ?? null,
        ...costed,
        status: 'draft',
        createdByUserId: actor.user.id,
      });
      await this.audit.record(manager, actor, {
        action: 'study_trip.create',
        entityType: 'study_trip',
        entityId: trip.id,
        after: { title: trip.title, startDate: trip.startDate, endDate: trip.endDate, estimateFen: trip.estimateFen },
      });
      return trip.id;
    });
    return this.get(actor.user, id);
  }

  /**
   * A trip the user may take `action` on: in scope, row-locked, at the version they saw, in a
   * status TRIP_MOVES allows the action from.
   */
  async editable(
    manager: EntityManager,
    user: AuthUser,
    id: number,
    version: number,
    action: TripAction,
  ): Promise<StudyTrip> {
    const permission = APPROVING.has(action) ? 'trips.approve' : 'trips.manage';
    await this.access.requireRows(user, permission, 'study_trip', 'unit_id', [id], manager);
    const trip = await this.repository.lockTrip(manager, id);
    if (!trip) throw new DomainError('NOT_FOUND');
    if (trip.version !== version) throw new DomainError('CONFLICT');
    requireMove(TRIP_MOVES, trip.status, action);
    return trip;
  }

  async update(actor: AuthenticatedActor, id: number, body: UpdateTripRequest): Promise<TripView> {
    await this.dataSource.transaction(async (manager) => {
      const trip = await this.editable(manager, actor.user, id, body.version, 'edit');
      const before = { title: trip.title, startDate: trip.startDate, endDate: trip.endDate, estimateFen: trip.estimateFen };
      const { version: _version, ...changes } = body;
      if (changes.budgetLineId !== undefined && changes.budgetLineId !== trip.budgetLineId) {
        await this.access.requireRows(actor.user, 'trips.manage', 'budget_line', 'unit_id', [changes.budgetLineId], manager);
        trip.unitId = (await this.repository.budgetLineUnit(manager, changes.budgetLineId))!;
      }
      Object.assign(trip, changes);
      const participants = (await this.repository.participantIds(manager, id)).length;
      Object.assign(trip, await this.costed(manager, trip, participants));
      await this.repository.saveTrip(manager, trip);
      await this.audit.record(manager, actor, {
        action: 'study_trip.update',
        entityType: 'study_trip',
        entityId: id,
        before,
        after: { title: trip.title, startDate: trip.startDate, endDate: trip.endDate, estimateFen: trip.estimateFen },
      });
    });
    return this.get(actor.user, id);
  }

  /** Participants are community cadres of the trip's district; the estimate follows the headcount. */
  async replaceParticipants(actor: AuthenticatedActor, id: number, body: ReplaceTripParticipantsRequest): Promise<TripView> {
    await this.dataSource.transaction(async (manager) => {
      const trip = await this.editable(manager, actor.user, id, body.version, 'edit');
      const communities = new Map(
        (await this.repository.communities(manager, body.participants.map((participant) => participant.communityId))).map(
          (community) => [community.id, community],
        ),
      );
      const problems: FieldErrors = {};
      const seen = new Set<string>();
      body.participants.forEach((participant, index) => {
        const community = communities.get(participant.communityId);
        if (!community || community.districtId !== trip.unitId)
          problems[`participants.${index}.communityId`] = fieldMessage('请选择本区的社区', 'Choose a community of the district');
        const key = `${participant.communityId}:${participant.name}`;
        if (seen.has(key))
          problems[`participants.${index}.name`] = fieldMessage('同一社区的人员重复', 'Listed twice for the same community');
        seen.add(key);
      });
      if (Object.keys(problems).length) throw new DomainError('VALIDATION_FAILED', problems);
      await this.repository.replaceParticipants(
        manager,
        id,
        body.participants.map((participant) => ({
          ...participant,
          streetId: communities.get(participant.communityId)!.streetId,
        })),
      );
      Object.assign(trip, await this.costed(manager, trip, body.participants.length));
      await this.repository.saveTrip(manager, trip);
      await this.audit.record(manager, actor, {
        action: 'study_trip.participants_replaced',
        entityType: 'study_trip',
        entityId: id,
        after: { participants: body.participants.length, communities: new Set(body.participants.map((p) => p.communityId)).size, estimateFen: trip.estimateFen },
      });
    });
    return this.get(actor.user, id);
  }

  async submit(actor: AuthenticatedActor, id: number, version: number): Promise<TripView> {
    await this.dataSource.transaction(async (manager) => {
      const trip = await this.editable(manager, actor.user, id, version, 'submit');
      const participants = (await this.repository.participantIds(manager, id)).length;
      if (participants === 0)
        throw new DomainError('VALIDATION_FAILED', {
          participants: fieldMessage('请至少添加一名参加人员', 'Add at least one participant'),
        });
      Object.assign(trip, await this.costed(manager, trip, participants));
      await this.transition(manager, actor, trip, 'submit', { submittedByUserId: actor.user.id, returnReason: null });
    });
    return this.get(actor.user, id);
  }

  async approve(actor: AuthenticatedActor, id: number, version: number, now = new Date()): Promise<TripView> {
    await this.dataSource.transaction(async (manager) => {
      const trip = await this.editable(manager, actor.user, id, version, 'approve');
      await this.transition(manager, actor, trip, 'approve', { approvedByUserId: actor.user.id, approvedAt: now });
    });
    return this.get(actor.user, id);
  }

  async returnTrip(actor: AuthenticatedActor, id: number, body: ReturnTripRequest): Promise<TripView> {
    await this.dataSource.transaction(async (manager) => {
      const trip = await this.editable(manager, actor.user, id, body.version, 'return');
      await this.transition(manager, actor, trip, 'return', { returnReason: body.reason });
    });
    return this.get(actor.user, id);
  }

  async cancel(actor: AuthenticatedActor, id: number, version: number): Promise<TripView> {
    await this.dataSource.transaction(async (manager) => {
      const trip = await this.editable(manager, actor.user, id, version, 'cancel');
      await this.transition(manager, actor, trip, 'cancel', { returnReason: null });
    });
    return this.get(actor.user, id);
  }

  private async transition(
    manager: EntityManager,
    actor: AuthenticatedActor,
    trip: StudyTrip,
    action: 'submit' | 'approve' | 'return' | 'cancel',
    changes: Partial<StudyTrip>,
  ): Promise<void> {
    const from = trip.status;
    const { to } = requireMove(TRIP_MOVES, from, action);
    Object.assign(trip, changes, { status: to });
    await this.repository.saveTrip(manager, trip);
    await this.audit.record(manager, actor, {
      action: `study_trip.${action}`,
      entityType: 'study_trip',
      entityId: trip.id,
      before: { status: from },
      after: { status: to, estimateFen: trip.estimateFen, reason: trip.returnReason },
    });
  }
}
