import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { StipendBuildingLeader } from './stipend-building-leader.entity.js';
import { StipendPerson } from './stipend-person.entity.js';

export interface RuleVersionRow {
  id: number;
  documentNumber: string;
  effectiveFrom: string;
  rules: Record<string, unknown>;
}

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

/**
 * Roster reads and writes for the building-leader roster, the rate lookups and the personal-data
 * reveal: people (stipend_person), what a building leader covers, the rule version in force on a
 * day. Scope conditions come from AccessService; nothing here decides. (The older cadre services
 * still hold their own SQL; they move here when they are split.)
 */
@Injectable()
export class RosterRepository {
  async ruleVersionOn(manager: EntityManager, programmeId: number, date: string): Promise<RuleVersionRow | null> {
    const [row]: Array<{ id: number; document_number: string; effective_from: string; rules: Record<string, unknown> }> =
      await manager.query(
        `SELECT id, document_number, effective_from::text AS effective_from, rules FROM stipend_rule_version
         WHERE programme_id = $1 AND effective_from <= $2 ORDER BY effective_from DESC LIMIT 1`,
        [programmeId, date],
      );
    return row
      ? { id: row.id, documentNumber: row.document_number, effectiveFrom: row.effective_from, rules: row.rules }
      : null;
  }

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

  async personById(manager: EntityManager, id: number): Promise<StipendPerson | null> {
    return manager.findOne(StipendPerson, { where: { id } });
  }

  async lockPerson(manager: EntityManager, id: number): Promise<StipendPerson | null> {
    return manager.findOne(StipendPerson, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Saves the person and bumps their version even when only what they cover changed. */
  async savePerson(manager: EntityManager, person: StipendPerson): Promise<StipendPerson> {
    const saved = await manager.save(person);
    await manager.query(`UPDATE stipend_person SET version = version + 1, updated_at = now() WHERE id = $1`, [saved.id]);
    return saved;
  }

  newPerson(manager: EntityManager, fields: Partial<StipendPerson>): StipendPerson {
    return manager.create(StipendPerson, fields);
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

  /**
   * Active communities of a district that pass `scopeCondition` (AccessService SQL on `c.id`
   * with the user's unit as `$1`), by name.
   */
  async communitiesOf(
    manager: EntityManager,
    districtId: number,
    scopeCondition: string,
    userUnitId: number,
  ): Promise<CommunityRow[]> {
    const rows: Array<{ id: number; name: string; parent_id: number }> = await manager.query(
      `SELECT c.id, c.name, c.parent_id FROM org_unit c
       WHERE c.kind = 'community' AND c.active AND c.ancestor_ids @> ARRAY[$2::int] AND ${scopeCondition}
       ORDER BY c.id`,
      [userUnitId, districtId],
    );
    return rows.map((row) => ({ id: row.id, name: row.name, streetId: row.parent_id }));
  }
}
