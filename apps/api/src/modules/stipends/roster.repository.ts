import { Injectable } from '@nestjs/common';
import type { StipendPersonListQuery, StipendPostInput } from '@xiaoshi/contracts';
import { In, type EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/actor.js';
import { AccessService } from '../access/access.service.js';
import { StipendBuildingLeader } from './stipend-building-leader.entity.js';
import { StipendPerson, type StipendPersonStatus } from './stipend-person.entity.js';
import { StipendPost } from './stipend-post.entity.js';

export interface BuildingLeaderFactsRow {
  personId: number;
  buildings: string;
  buildingCount: number;
  units: string | null;
  households: number;
  phone: string;
}

export interface CommunityRow {
  id: number;
  name: string;
  streetId: number;
}

/** An org unit as the roster needs it: to place a person, or to check a street. */
export interface UnitRow {
  id: number;
  name: string;
  kind: string;
  parentId: number | null;
  ancestorIds: number[];
}

/** A roster person with their street, community and (building leaders) what they cover — in clear. */
export interface PersonRecord {
  id: number;
  programmeId: number;
  name: string;
  nationalId: string;
  sex: 'male' | 'female';
  street: { id: number; name: string };
  community: { id: number; name: string };
  departureDate: string | null;
  normalDeparture: boolean | null;
  eligibleFrom: string;
  monthlyRateFen: number;
  bankName: string;
  bankAccount: string;
  status: StipendPersonStatus;
  deathDate: string | null;
  removedOn: string | null;
  removalReason: string | null;
  building: Omit<BuildingLeaderFactsRow, 'personId'> | null;
  isDemo: boolean;
  version: number;
}

/** What a preview needs of a person: where they are and when they are paid. */
export interface PreviewPersonRow {
  id: number;
  name: string;
  streetId: number;
  streetName: string;
  eligibleFrom: string;
  deathDate: string | null;
  removedOn: string | null;
  status: StipendPersonStatus;
  monthlyRateFen: number;
}

/** A cadre who left office, for the one-off departure subsidy. */
export interface DeparturePersonRow {
  id: number;
  name: string;
  nationalId: string;
  streetId: number;
  streetName: string;
  communityId: number;
  communityName: string;
  departureDate: string;
  normalDeparture: boolean;
  bankName: string;
  bankAccount: string;
}

type PersonDbRow = {
  id: number;
  programme_id: number;
  name: string;
  national_id: string;
  sex: 'male' | 'female';
  street_id: number;
  street_name: string;
  community_id: number;
  community_name: string;
  departure_date: string | null;
  normal_departure: boolean | null;
  eligible_from: string;
  monthly_rate_fen: string;
  bank_name: string;
  bank_account: string;
  status: StipendPersonStatus;
  death_date: string | null;
  removed_on: string | null;
  removal_reason: string | null;
  is_demo: boolean;
  version: number;
  buildings: string | null;
  building_count: number | null;
  units: string | null;
  households: number | null;
  phone: string | null;
};

// Dates as text: node-postgres would turn them into Date objects at the host's midnight.
const PERSON_COLUMNS = `p.id, p.programme_id, p.name, p.national_id, p.sex,
  p.street_id, p.community_id, p.departure_date::text AS departure_date, p.normal_departure,
  p.eligible_from::text AS eligible_from, p.monthly_rate_fen, p.bank_name, p.bank_account, p.status,
  p.death_date::text AS death_date, p.removed_on::text AS removed_on, p.removal_reason, p.is_demo, p.version,
  s.name AS street_name, c.name AS community_name,
  bl.buildings, bl.building_count, bl.units, bl.households, bl.phone`;
const PERSON_JOINS = `JOIN org_unit s ON s.id = p.street_id JOIN org_unit c ON c.id = p.community_id
  LEFT JOIN stipend_building_leader bl ON bl.person_id = p.id`;

function toPersonRecord(row: PersonDbRow): PersonRecord {
  return {
    id: row.id,
    programmeId: row.programme_id,
    name: row.name,
    nationalId: row.national_id,
    sex: row.sex,
    street: { id: row.street_id, name: row.street_name },
    community: { id: row.community_id, name: row.community_name },
    departureDate: row.departure_date,
    normalDeparture: row.normal_departure,
    eligibleFrom: row.eligible_from,
    monthlyRateFen: Number(row.monthly_rate_fen),
    bankName: row.bank_name,
    bankAccount: row.bank_account,
    status: row.status,
    deathDate: row.death_date,
    removedOn: row.removed_on,
    removalReason: row.removal_reason,
    building:
      row.buildings === null
        ? null
        : {
            buildings: row.buildings,
            buildingCount: row.building_count ?? 0,
            units: row.units,
            households: row.households ?? 0,
            phone: row.phone ?? '',
          },
    isDemo: row.is_demo,
    version: row.version,
  };
}

/**
 * The roster: people (stipend_person), their posts (stipend_post) and what a building leader
 * covers (stipend_building_leader), and the org units people are placed in. Scope conditions come
 * from AccessService; nothing here decides.
 */
@Injectable()
export class RosterRepository {
  constructor(private readonly access: AccessService) {}

  // --- people as records (read)

  async record(manager: EntityManager, id: number): Promise<PersonRecord | null> {
    const [row]: PersonDbRow[] = await manager.query(
      `SELECT ${PERSON_COLUMNS} FROM stipend_person p ${PERSON_JOINS} WHERE p.id = $1`,
      [id],
    );
    return row ? toPersonRecord(row) : null;
  }

  /** A keyset page (by id) of the people in the user's scope that pass the filters; `limit + 1` rows. */
  async page(manager: EntityManager, user: AuthUser, query: StipendPersonListQuery): Promise<PersonRecord[]> {
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
    const rows: PersonDbRow[] = await manager.query(
      `SELECT ${PERSON_COLUMNS} FROM stipend_person p ${PERSON_JOINS}
       WHERE ${conditions.join(' AND ')} ORDER BY p.id LIMIT $${params.length}`,
      params,
    );
    return rows.map(toPersonRecord);
  }

  /** A programme's people in the user's scope, by street and community. */
  async ofProgramme(manager: EntityManager, user: AuthUser, programmeId: number): Promise<PersonRecord[]> {
    const rows: PersonDbRow[] = await manager.query(
      `SELECT ${PERSON_COLUMNS} FROM stipend_person p ${PERSON_JOINS}
       WHERE p.programme_id = $2 AND ${this.access.unitScopeCondition(user, 'p.community_id', 1)}
       ORDER BY p.street_id, p.community_id, p.id`,
      [user.unit.id, programmeId],
    );
    return rows.map(toPersonRecord);
  }

  async forPreview(manager: EntityManager, user: AuthUser, programmeId: number): Promise<PreviewPersonRow[]> {
    const rows: Array<{
      id: number;
      name: string;
      street_id: number;
      street_name: string;
      eligible_from: string;
      death_date: string | null;
      removed_on: string | null;
      status: StipendPersonStatus;
      monthly_rate_fen: string;
    }> = await manager.query(
      `SELECT p.id, p.name, p.street_id, s.name AS street_name, p.eligible_from::text AS eligible_from, p.death_date::text AS death_date,
              p.removed_on::text AS removed_on, p.status, p.monthly_rate_fen
       FROM stipend_person p JOIN org_unit s ON s.id = p.street_id
       WHERE p.programme_id = $2 AND ${this.access.unitScopeCondition(user, 'p.community_id', 1)} ORDER BY p.id`,
      [user.unit.id, programmeId],
    );
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      streetId: row.street_id,
      streetName: row.street_name,
      eligibleFrom: row.eligible_from,
      deathDate: row.death_date,
      removedOn: row.removed_on,
      status: row.status,
      monthlyRateFen: Number(row.monthly_rate_fen),
    }));
  }

  /**
   * The roster's normal departures between two days (inclusive), by street and community; within
   * the user's scope when one is given (a batch is computed for the whole district).
   */
  async departedBetween(
    manager: EntityManager,
    programmeId: number,
    from: string,
    until: string,
    user: AuthUser | null,
  ): Promise<DeparturePersonRow[]> {
    const params: unknown[] = [programmeId, from, until];
    let scope = '';
    if (user) {
      params.push(user.unit.id);
      scope = `AND ${this.access.unitScopeCondition(user, 'p.community_id', 4)}`;
    }
    const rows: Array<{
      id: number;
      name: string;
      national_id: string;
      street_id: number;
      street_name: string;
      community_id: number;
      community_name: string;
      departure_date: string;
      normal_departure: boolean;
      bank_name: string;
      bank_account: string;
    }> = await manager.query(
      `SELECT p.id, p.name, p.national_id, p.street_id, s.name AS street_name, p.community_id, c.name AS community_name,
              p.departure_date::text AS departure_date, p.normal_departure, p.bank_name, p.bank_account
       FROM stipend_person p JOIN org_unit s ON s.id = p.street_id JOIN org_unit c ON c.id = p.community_id
       WHERE p.programme_id = $1 AND p.normal_departure AND p.departure_date BETWEEN $2 AND $3 ${scope}
       ORDER BY p.street_id, p.community_id, p.id`,
      params,
    );
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      nationalId: row.national_id,
      streetId: row.street_id,
      streetName: row.street_name,
      communityId: row.community_id,
      communityName: row.community_name,
      departureDate: row.departure_date,
      normalDeparture: row.normal_departure,
      bankName: row.bank_name,
      bankAccount: row.bank_account,
    }));
  }

  // --- people as entities (edits)

  find(manager: EntityManager, id: number, lock = false): Promise<StipendPerson | null> {
    return manager.findOne(StipendPerson, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  newPerson(manager: EntityManager, fields: Partial<StipendPerson>): StipendPerson {
    return manager.create(StipendPerson, fields);
  }

  save(manager: EntityManager, person: StipendPerson): Promise<StipendPerson> {
    return manager.save(person);
  }

  /** Saves the person and bumps their version even when only what they cover changed. */
  async saveBumpingVersion(manager: EntityManager, person: StipendPerson): Promise<StipendPerson> {
    const saved = await manager.save(person);
    await manager.query(`UPDATE stipend_person SET version = version + 1, updated_at = now() WHERE id = $1`, [saved.id]);
    return saved;
  }

  /** People of a programme by ID number, row-locked (an import updates them). */
  async peopleByNationalId(
    manager: EntityManager,
    programmeId: number,
    nationalIds: readonly string[],
  ): Promise<StipendPerson[]> {
    if (!nationalIds.length) return [];
    return manager.find(StipendPerson, {
      where: { programmeId, nationalId: In([...nationalIds]) },
      lock: { mode: 'pessimistic_write' },
    });
  }

  // --- posts

  /** The posts of these people, earliest term first. */
  async posts(manager: EntityManager, personIds: readonly number[], source?: 'import' | 'manual'): Promise<StipendPost[]> {
    if (!personIds.length) return [];
    return manager.find(StipendPost, {
      where: { personId: In([...personIds]), ...(source ? { source } : {}) },
      order: { termStart: 'ASC', id: 'ASC' },
    });
  }

  async deletePosts(manager: EntityManager, personId: number, source?: 'import' | 'manual'): Promise<void> {
    await manager.delete(StipendPost, { personId, ...(source ? { source } : {}) });
  }

  async insertPosts(
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

  // --- what building leaders cover

  async factsOf(manager: EntityManager, personIds: readonly number[]): Promise<Map<number, BuildingLeaderFactsRow>> {
    if (!personIds.length) return new Map();
    const rows = await manager.find(StipendBuildingLeader, { where: { personId: In([...personIds]) } });
    return new Map(
      rows.map((row) => [
        row.personId,
        {
          personId: row.personId,
          buildings: row.buildings,
          buildingCount: row.buildingCount,
          units: row.units,
          households: row.households,
          phone: row.phone,
        },
      ]),
    );
  }

  async saveFacts(manager: EntityManager, facts: BuildingLeaderFactsRow): Promise<void> {
    await manager.upsert(StipendBuildingLeader, facts, ['personId']);
  }

  // --- org units (reference data)

  async unit(manager: EntityManager, id: number): Promise<UnitRow | null> {
    const [row]: Array<{ id: number; name: string; kind: string; parent_id: number | null; ancestor_ids: number[] }> =
      await manager.query(`SELECT id, name, kind, parent_id, ancestor_ids FROM org_unit WHERE id = $1`, [id]);
    return row
      ? { id: row.id, name: row.name, kind: row.kind, parentId: row.parent_id, ancestorIds: row.ancestor_ids }
      : null;
  }

  /** Active communities of a district in the user's scope, in id order. */
  async communitiesOf(manager: EntityManager, user: AuthUser, districtId: number): Promise<CommunityRow[]> {
    const rows: Array<{ id: number; name: string; parent_id: number }> = await manager.query(
      `SELECT c.id, c.name, c.parent_id FROM org_unit c
       WHERE c.kind = 'community' AND c.active AND c.ancestor_ids @> ARRAY[$2::int] AND ${this.access.unitScopeCondition(user, 'c.id', 1)}
       ORDER BY c.id`,
      [user.unit.id, districtId],
    );
    return rows.map((row) => ({ id: row.id, name: row.name, streetId: row.parent_id }));
  }
}
