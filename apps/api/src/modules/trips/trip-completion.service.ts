import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DomainError,
  fieldMessage,
  type RecordAttendanceRequest,
  type RecordTripCostsRequest,
  type TripEvidenceKind,
  type TripEvidenceUploadView,
  type TripView,
} from '@xiaoshi/contracts';
import { TRIP_MOVES, checkActualCosts, shanghaiDate, tripDays } from '@xiaoshi/domain';
import type { DataSource } from 'typeorm';
import type { AuthUser, AuthenticatedActor } from '../../common/actor.js';
import { requireMove } from '../../common/state-moves.js';
import { violationsToFields } from '../../common/violations.js';
import { AccessService } from '../access/access.service.js';
import { AuditService } from '../audit/audit.service.js';
import { BudgetsService } from '../budgets/budgets.service.js';
import { FileStore } from '../files/file-store.js';
import { TripsRepository } from './trips.repository.js';
import { TripsService } from './trips.service.js';

const EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;

/**
 * After an approved trip: who attended, the evidence (sign-in sheet, photos, receipts), and the
 * actual costs — checked against the norm ceiling for those who attended, then recorded as one
 * direct expenditure on the trip's budget line and committed through the budgets module, in the
 * same transaction that completes the trip (so a trip is never completed without its ledger entry,
 * and never costed twice).
 */
@Injectable()
export class TripCompletionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly budgets: BudgetsService,
    private readonly files: FileStore,
    private readonly repository: TripsRepository,
    private readonly trips: TripsService,
  ) {}

  async recordAttendance(actor: AuthenticatedActor, id: number, body: RecordAttendanceRequest, now = new Date()): Promise<TripView> {
    await this.dataSource.transaction(async (manager) => {
      const trip = await this.trips.editable(manager, actor.user, id, body.version, 'record_attendance');
      if (trip.startDate > shanghaiDate(now))
        throw new DomainError('VALIDATION_FAILED', {
          attendedParticipantIds: fieldMessage('学习考察开始后才能登记出勤', 'Attendance is recorded once the trip has begun'),
        });
      const known = new Set(await this.repository.participantIds(manager, id));
      const unknown = body.attendedParticipantIds.filter((participantId) => !known.has(participantId));
      if (unknown.length)
        throw new DomainError('VALIDATION_FAILED', {
          attendedParticipantIds: fieldMessage('包含不属于本次活动的人员', 'Lists people who are not on this trip'),
        });
      await this.repository.setAttendance(manager, id, body.attendedParticipantIds);
      await this.repository.saveTrip(manager, trip);
      await this.audit.record(manager, actor, {
        action: 'study_trip.attendance',
        entityType: 'study_trip',
        entityId: id,
        after: { attended: body.attendedParticipantIds.length, listed: known.size },
      });
    });
    return this.trips.get(actor.user, id);
  }

  async addEvidence(
    actor: AuthenticatedActor,
    id: number,
    kind: TripEvidenceKind,
    incoming: { filename: string; stream: Readable },
  ): Promise<TripEvidenceUploadView> {
    // Scope and status first, before accepting a byte.
    try {
      await this.access.requireRows(actor.user, 'trips.manage', 'study_trip', 'unit_id', [id]);
      const [trip] = await this.repository.trips([id]);
      requireMove(TRIP_MOVES, trip.status, 'add_evidence');
    } catch (error) {
      incoming.stream.resume();
      throw error;
    }
    const stored = await this.files.store(incoming.stream, EVIDENCE_MAX_BYTES);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const evidence = await this.repository.saveEvidence(manager, {
          tripId: id,
          kind,
          originalName: incoming.filename.slice(0, 200) || 'evidence',
          mimeType: stored.mimeType,
          sizeBytes: stored.sizeBytes,
          sha256: stored.sha256,
          storageKey: stored.storageKey,
          uploadedByUserId: actor.user.id,
        });
        await this.audit.record(manager, actor, {
          action: 'study_trip.evidence_added',
          entityType: 'study_trip',
          entityId: id,
          after: { evidenceId: evidence.id, kind, sha256: stored.sha256 },
        });
        return { id: evidence.id, kind, originalName: evidence.originalName, mimeType: evidence.mimeType, sizeBytes: evidence.sizeBytes };
      });
    } catch (error) {
      await this.files.remove(stored.storageKey);
      throw error;
    }
  }

  async openEvidence(user: AuthUser, evidenceId: number) {
    this.access.requirePermission(user, 'trips.read');
    const evidence = await this.repository.evidenceById(evidenceId);
    if (!evidence) throw new DomainError('NOT_FOUND');
    await this.access.requireRows(user, 'trips.read', 'study_trip', 'unit_id', [evidence.tripId]);
    const { stream, sizeBytes } = await this.files.open(evidence.storageKey);
    return { evidence, stream, sizeBytes };
  }

  /** Completes the trip with its actual costs: one direct expenditure, committed on the line. */
  async recordCosts(actor: AuthenticatedActor, id: number, body: RecordTripCostsRequest): Promise<TripView> {
    await this.dataSource.transaction(async (manager) => {
      const trip = await this.trips.editable(manager, actor.user, id, body.version, 'record_costs');
      const participants = await this.repository.participants(id, manager);
      if (participants.some((participant) => participant.attended === null))
        throw new DomainError('VALIDATION_FAILED', {
          attendance: fieldMessage('请先登记实际参加人员', 'Record who attended first'),
        });
      if (!(await this.repository.hasEvidence(manager, id, 'attendance_sheet')))
        throw new DomainError('VALIDATION_FAILED', {
          evidence: fieldMessage('请先上传签到表等出勤凭证', 'Upload the sign-in sheet first'),
        });
      const attended = participants.filter((participant) => participant.attended).length + trip.staffCount;
      const checked = checkActualCosts(body.items, {
        attended,
        days: tripDays(trip.startDate, trip.endDate),
        perPersonPerDayFen: trip.rateFen,
      });
      if (checked.violations.length) throw new DomainError('VALIDATION_FAILED', violationsToFields(checked.violations));
      const expenditure = await this.budgets.createDirectExpenditure(
        actor,
        {
          budgetLineId: trip.budgetLineId,
          title: `学习考察实际费用：${trip.title}`.slice(0, 100),
          description: `${trip.destination}，${trip.startDate}至${trip.endDate}，实际参加${attended}人（学习考察 #${trip.id}）`,
          plannedDate: trip.endDate,
          amountFen: checked.totalFen,
        },
        manager,
      );
      await this.budgets.approveDirectExpenditure(actor, expenditure.id, manager);
      await this.repository.saveCosts(manager, id, body.items);
      trip.actualFen = checked.totalFen;
      trip.directExpenditureId = expenditure.id;
      trip.status = requireMove(TRIP_MOVES, trip.status, 'record_costs').to;
      await this.repository.saveTrip(manager, trip);
      await this.audit.record(manager, actor, {
        action: 'study_trip.complete',
        entityType: 'study_trip',
        entityId: id,
        before: { status: 'approved' },
        after: {
          status: 'completed',
          actualFen: checked.totalFen,
          estimateFen: trip.estimateFen,
          directExpenditureId: expenditure.id,
          attended,
        },
      });
    });
    return this.trips.get(actor.user, id);
  }
}
