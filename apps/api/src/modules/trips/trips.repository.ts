import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TripCostKindName, TripEvidenceKind, TripStatus } from '@xiaoshi/contracts';
import { In, type DataSource, type EntityManager } from 'typeorm';
import {
  StudyTrip,
  StudyTripCost,
  StudyTripEvidence,
  StudyTripParticipant,
  TrainingNormVersion,
} from './trips.entities.js';

export interface TripRow {
  id: number;
  title: string;
  destination: string;
  purpose: string | null;
  startDate: string;
  endDate: string;
  status: TripStatus;
  category: string;
  categoryLabel: string;
  staffCount: number;
  travelPerPersonFen: number;
  rateFen: number;
  estimateFen: number;
  actualFen: number | null;
  normVersion: { id: number; documentNumber: string; effectiveFrom: string };
  budgetLine: { id: number; name: string };
  participants: number;
  communities: number;
  attended: number | null;
  directExpenditureId: number | null;
  submittedBy: string | null;
  approvedBy: string | null;
  approvedAt: Date | null;
  returnReason: string | null;
  isDemo: boolean;
  version: number;
}

export interface ParticipantRow {
  id: number;
  community: { id: number; name: string };
  street: { id: number; name: string };
  name: string;
  post: string;
  attended: boolean | null;
}

export interface CommunityRow {
  id: number;
  streetId: number;
  districtId: number;
}

interface RawTrip {
  id: number;
  title: string;
  destination: string;
  purpose: string | null;
  start_date: string;
  end_date: string;
  status: TripStatus;
  category: string;
  category_label: string;
  staff_count: number;
  travel_per_person_fen: string;
  rate_fen: string;
  estimate_fen: string;
  actual_fen: string | null;
  norm_version_id: number;
  document_number: string;
  effective_from: string;
  budget_line_id: number;
  line_name: string;
  participants: number;
  communities: number;
  attended: number | null;
  direct_expenditure_id: number | null;
  submitted_by: string | null;
  approved_by: string | null;
  approved_at: Date | null;
  return_reason: string | null;
  is_demo: boolean;
  version: number;
}

const TRIP_SQL = `
  SELECT t.id, t.title, t.destination, t.purpose, t.start_date, t.end_date, t.status, t.category, t.category_label,
         t.staff_count, t.travel_per_person_fen, t.rate_fen, t.estimate_fen, t.actual_fen, t.norm_version_id,
         n.document_number, n.effective_from::text AS effective_from, t.budget_line_id, l.name AS line_name,
         t.direct_expenditure_id, su.display_name AS submitted_by, au.display_name AS approved_by, t.approved_at,
         t.return_reason, t.is_demo, t.version,
         (SELECT count(*)::int FROM study_trip_participant p WHERE p.trip_id = t.id) AS participants,
         (SELECT count(DISTINCT p.community_id)::int FROM study_trip_participant p WHERE p.trip_id = t.id) AS communities,
         (SELECT CASE WHEN bool_or(p.attended IS NOT NULL) THEN count(*) FILTER (WHERE p.attended)::int END
            FROM study_trip_participant p WHERE p.trip_id = t.id) AS attended
  FROM study_trip t
  JOIN training_norm_version n ON n.id = t.norm_version_id
  JOIN budget_line l ON l.id = t.budget_line_id
  LEFT JOIN app_user su ON su.id = t.submitted_by_user_id
  LEFT JOIN app_user au ON au.id = t.approved_by_user_id`;

function toTrip(row: RawTrip): TripRow {
  return {
    id: row.id,
    title: row.title,
    destination: row.destination,
    purpose: row.purpose,
    startDate: row.start_date,
    endDate: row.end_date,
    status: row.status,
    category: row.category,
    categoryLabel: row.category_label,
    staffCount: row.staff_count,
    travelPerPersonFen: Number(row.travel_per_person_fen),
    rateFen: Number(row.rate_fen),
    estimateFen: Number(row.estimate_fen),
    actualFen: row.actual_fen === null ? null : Number(row.actual_fen),
    normVersion: { id: row.norm_version_id, documentNumber: row.document_number, effectiveFrom: row.effective_from },
    budgetLine: { id: row.budget_line_id, name: row.line_name },
    participants: row.participants,
    communities: row.communities,
    attended: row.attended,
    directExpenditureId: row.direct_expenditure_id,
    submittedBy: row.submitted_by,
    approvedBy: row.approved_by,
    approvedAt: row.approved_at,
    returnReason: row.return_reason,
    isDemo: row.is_demo,
    version: row.version,
  };
}

/** Every read and write of the trips module's tables. Scope SQL comes from AccessService. */
@Injectable()
export class TripsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private run(manager?: EntityManager) {
    return manager ?? this.dataSource.manager;
  }

  // --- norm table

  async normVersions(scopeCondition: string, userUnitId: number): Promise<Array<TrainingNormVersion & { usedByTrips: number }>> {
    const rows: Array<{ id: number; used: number }> = await this.dataSource.query(
      `SELECT n.id, (SELECT count(*)::int FROM study_trip t WHERE t.norm_version_id = n.id) AS used
       FROM training_norm_version n WHERE ${scopeCondition} ORDER BY n.effective_from DESC, n.id DESC`,
      [userUnitId],
    );
    if (!rows.length) return [];
    const versions = await this.dataSource.manager.findBy(TrainingNormVersion, { id: In(rows.map((row) => row.id)) });
    return rows.map((row) => ({ ...versions.find((version) => version.id === row.id)!, usedByTrips: row.used }));
  }

  /** The district's norm version in force on a day (latest effective on or before it). */
  async normVersionOn(manager: EntityManager | undefined, districtId: number, date: string): Promise<TrainingNormVersion | null> {
    return this.run(manager)
      .createQueryBuilder(TrainingNormVersion, 'n')
      .where('n.unit_id = :districtId AND n.effective_from <= :date', { districtId, date })
      .orderBy('n.effective_from', 'DESC')
      .getOne();
  }

  async lockNormVersion(manager: EntityManager, id: number): Promise<TrainingNormVersion | null> {
    return manager.findOne(TrainingNormVersion, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async saveNormVersion(manager: EntityManager, version: Partial<TrainingNormVersion>): Promise<TrainingNormVersion> {
    return manager.save(manager.create(TrainingNormVersion, version));
  }

  // --- trips

  async tripIds(
    scopeCondition: string,
    userUnitId: number,
    filters: { year?: number; status?: TripStatus; cursor?: number; limit: number },
  ): Promise<number[]> {
    const params: unknown[] = [userUnitId];
    const conditions = [scopeCondition];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      conditions.push(sql.replace('?', `$${params.length}`));
    };
    if (filters.year) add(`extract(year FROM t.start_date) = ?`, filters.year);
    if (filters.status) add('t.status = ?', filters.status);
    if (filters.cursor) add('t.id < ?', filters.cursor);
    params.push(filters.limit);
    const rows: Array<{ id: number }> = await this.dataSource.query(
      `SELECT t.id FROM study_trip t WHERE ${conditions.join(' AND ')} ORDER BY t.id DESC LIMIT $${params.length}`,
      params,
    );
    return rows.map((row) => row.id);
  }

  async trips(ids: readonly number[], manager?: EntityManager): Promise<TripRow[]> {
    if (!ids.length) return [];
    const rows: RawTrip[] = await this.run(manager).query(`${TRIP_SQL} WHERE t.id = ANY($1::int[]) ORDER BY t.id DESC`, [
      [...ids],
    ]);
    return rows.map(toTrip);
  }

  async lockTrip(manager: EntityManager, id: number): Promise<StudyTrip | null> {
    return manager.findOne(StudyTrip, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async saveTrip(manager: EntityManager, trip: Partial<StudyTrip>): Promise<StudyTrip> {
    return manager.save(manager.create(StudyTrip, trip));
  }

  async participants(tripId: number, manager?: EntityManager): Promise<ParticipantRow[]> {
    const rows: Array<{
      id: number;
      community_id: number;
      community_name: string;
      street_id: number;
      street_name: string;
      name: string;
      post: string;
      attended: boolean | null;
    }> = await this.run(manager).query(
      `SELECT p.id, p.community_id, c.name AS community_name, p.street_id, s.name AS street_name, p.name, p.post, p.attended
       FROM study_trip_participant p JOIN org_unit c ON c.id = p.community_id JOIN org_unit s ON s.id = p.street_id
       WHERE p.trip_id = $1 ORDER BY p.street_id, p.community_id, p.id`,
      [tripId],
    );
    return rows.map((row) => ({
      id: row.id,
      community: { id: row.community_id, name: row.community_name },
      street: { id: row.street_id, name: row.street_name },
      name: row.name,
      post: row.post,
      attended: row.attended,
    }));
  }

  async replaceParticipants(
    manager: EntityManager,
    tripId: number,
    participants: ReadonlyArray<{ communityId: number; streetId: number; name: string; post: string }>,
  ): Promise<void> {
    await manager.delete(StudyTripParticipant, { tripId });
    if (participants.length)
      await manager.save(participants.map((participant) => manager.create(StudyTripParticipant, { ...participant, tripId })));
  }

  async setAttendance(manager: EntityManager, tripId: number, attendedIds: readonly number[]): Promise<number> {
    const rows: Array<{ id: number }> = await manager.query(
      `UPDATE study_trip_participant SET attended = (id = ANY($2::int[])) WHERE trip_id = $1 RETURNING id`,
      [tripId, [...attendedIds]],
    );
    return rows.length;
  }

  async participantIds(manager: EntityManager, tripId: number): Promise<number[]> {
    const rows: Array<{ id: number }> = await manager.query(`SELECT id FROM study_trip_participant WHERE trip_id = $1`, [tripId]);
    return rows.map((row) => row.id);
  }

  /** Communities among `ids` with their street and district (id order). */
  async communities(manager: EntityManager, ids: readonly number[]): Promise<CommunityRow[]> {
    if (!ids.length) return [];
    const rows: Array<{ id: number; parent_id: number; district_id: number }> = await manager.query(
      `SELECT c.id, c.parent_id, s.parent_id AS district_id FROM org_unit c JOIN org_unit s ON s.id = c.parent_id
       WHERE c.kind = 'community' AND c.id = ANY($1::int[])`,
      [[...new Set(ids)]],
    );
    return rows.map((row) => ({ id: row.id, streetId: row.parent_id, districtId: row.district_id }));
  }

  async budgetLineUnit(manager: EntityManager, budgetLineId: number): Promise<number | null> {
    const [row]: Array<{ unit_id: number }> = await manager.query(`SELECT unit_id FROM budget_line WHERE id = $1`, [budgetLineId]);
    return row?.unit_id ?? null;
  }

  // --- costs and evidence

  async costs(tripId: number, manager?: EntityManager): Promise<Array<{ kind: TripCostKindName; amountFen: number; note: string | null }>> {
    const rows = await this.run(manager).find(StudyTripCost, { where: { tripId }, order: { id: 'ASC' } });
    return rows.map((row) => ({ kind: row.kind, amountFen: row.amountFen, note: row.note }));
  }

  async saveCosts(
    manager: EntityManager,
    tripId: number,
    items: ReadonlyArray<{ kind: TripCostKindName; amountFen: number; note?: string | null }>,
  ): Promise<void> {
    await manager.save(
      items.map((item) => manager.create(StudyTripCost, { tripId, kind: item.kind, amountFen: item.amountFen, note: item.note ?? null })),
    );
  }

  async evidence(tripId: number, manager?: EntityManager): Promise<StudyTripEvidence[]> {
    return this.run(manager).find(StudyTripEvidence, { where: { tripId }, order: { id: 'ASC' } });
  }

  async evidenceById(id: number): Promise<StudyTripEvidence | null> {
    return this.dataSource.manager.findOneBy(StudyTripEvidence, { id });
  }

  async saveEvidence(manager: EntityManager, evidence: Partial<StudyTripEvidence>): Promise<StudyTripEvidence> {
    return manager.save(manager.create(StudyTripEvidence, evidence));
  }

  async hasEvidence(manager: EntityManager, tripId: number, kind: TripEvidenceKind): Promise<boolean> {
    return (await manager.countBy(StudyTripEvidence, { tripId, kind })) > 0;
  }

  // --- figures for the performance tables (trips.metrics.ts)

  /** Participants who attended completed trips starting in a year, in a unit's subtree. */
  async attendedParticipants(year: number, unitId: number): Promise<
    Array<{ id: number; trip_id: number; trip_title: string; name: string; community_id: number; community_name: string }>
  > {
    return this.dataSource.query(
      `SELECT p.id, t.id AS trip_id, t.title AS trip_title, p.name, p.community_id, c.name AS community_name
       FROM study_trip_participant p JOIN study_trip t ON t.id = p.trip_id JOIN org_unit c ON c.id = p.community_id
       WHERE t.status = 'completed' AND p.attended AND extract(year FROM t.start_date) = $1
         AND (c.id = $2 OR c.ancestor_ids @> ARRAY[$2::int])
       ORDER BY c.id, p.id`,
      [year, unitId],
    );
  }

  async completedTrips(year: number, unitId: number): Promise<Array<{ id: number; title: string; actual_fen: string }>> {
    return this.dataSource.query(
      `SELECT t.id, t.title, t.actual_fen FROM study_trip t
       WHERE t.status = 'completed' AND extract(year FROM t.start_date) = $1
         AND (t.unit_id IN (SELECT u.id FROM org_unit u WHERE u.id = $2 OR u.ancestor_ids @> ARRAY[$2::int])
              OR EXISTS (SELECT 1 FROM study_trip_participant p JOIN org_unit c ON c.id = p.community_id
                         WHERE p.trip_id = t.id AND p.attended AND (c.id = $2 OR c.ancestor_ids @> ARRAY[$2::int])))
       ORDER BY t.id`,
      [year, unitId],
    );
  }
}
