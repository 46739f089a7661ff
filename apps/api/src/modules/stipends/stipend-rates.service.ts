import { Injectable } from '@nestjs/common';
import { BuildingLeaderRules, DomainError, fieldMessage, type BuildingLeaderRateView } from '@xiaoshi/contracts';
import {
  buildingLeaderMonthlyRate,
  describeRateTable,
  type BuildingCoverage,
  type BuildingLeaderRateTable,
} from '@xiaoshi/domain';
import type { EntityManager } from 'typeorm';
import { RosterRepository, type RuleVersionRow } from './roster.repository.js';
import type { StipendProgramme } from './stipend-programme.entity.js';

export interface PersonRate {
  monthlyRateFen: number;
  /** Building leaders: what the rate came from, frozen into the report entry. */
  detail: Record<string, unknown> | null;
}

/**
 * Where a roster's monthly rates come from — the one place the stipend engine asks. Retired
 * cadres carry their own rate; building leaders are paid by the district's rate table in force on
 * the day asked (a quarter's first day when a street reports), applied to what each one covers.
 */
@Injectable()
export class StipendRatesService {
  constructor(private readonly repository: RosterRepository) {}

  /** The building-leader rate table in force on `date`; 409-style refusal when there is none. */
  async tableOn(
    manager: EntityManager,
    programme: StipendProgramme,
    date: string,
  ): Promise<{ version: RuleVersionRow; rules: BuildingLeaderRules }> {
    const version = await this.repository.ruleVersionOn(manager, programme.id, date);
    const parsed = version ? BuildingLeaderRules.safeParse(version.rules) : null;
    if (!version || !parsed?.success) {
      throw new DomainError('VALIDATION_FAILED', {
        programmeId: fieldMessage(
          `${date} 没有生效的楼栋长工作经费标准，请先由区级设置`,
          `No building-leader rate table is in force on ${date}; the district must set one first`,
        ),
      });
    }
    return { version, rules: parsed.data };
  }

  /** One leader's monthly rate under the table in force on `date`, with how it was reached. */
  async rateFor(
    manager: EntityManager,
    programme: StipendProgramme,
    coverage: BuildingCoverage,
    date: string,
  ): Promise<BuildingLeaderRateView> {
    const { version, rules } = await this.tableOn(manager, programme, date);
    const table = rules.rates as BuildingLeaderRateTable;
    const result = buildingLeaderMonthlyRate(table, coverage);
    if (!result.ok) {
      throw new DomainError('VALIDATION_FAILED', {
        [result.violation.field]: fieldMessage(result.violation.zh, result.violation.en),
      });
    }
    return {
      date,
      monthlyRateFen: result.monthlyRateFen,
      bandIndex: result.bandIndex,
      ruleVersion: {
        id: version.id,
        documentNumber: version.documentNumber,
        effectiveFrom: version.effectiveFrom,
        demo: rules.demo,
      },
      description: describeRateTable(table),
    };
  }

  /** Each person's monthly rate for a period that starts on `date`. */
  async monthlyRates(
    manager: EntityManager,
    programme: StipendProgramme,
    people: ReadonlyArray<{ id: number; name: string; monthlyRateFen: number }>,
    date: string,
  ): Promise<Map<number, PersonRate>> {
    if (programme.rosterKind === 'retired_cadre' || people.length === 0) {
      return new Map(people.map((person) => [person.id, { monthlyRateFen: person.monthlyRateFen, detail: null }]));
    }
    const { version, rules } = await this.tableOn(manager, programme, date);
    const table = rules.rates as BuildingLeaderRateTable;
    const facts = await this.repository.factsOf(
      manager,
      people.map((person) => person.id),
    );
    const rates = new Map<number, PersonRate>();
    for (const person of people) {
      const covered = facts.get(person.id);
      const result = covered ? buildingLeaderMonthlyRate(table, covered) : null;
      if (!covered || !result?.ok) {
        throw new DomainError('VALIDATION_FAILED', {
          [`people.${person.id}`]: fieldMessage(
            `${person.name}：缺少楼栋或户数信息，无法计算经费标准`,
            `${person.name}: buildings or households missing; no rate can be computed`,
          ),
        });
      }
      rates.set(person.id, {
        monthlyRateFen: result.monthlyRateFen,
        detail: {
          buildings: covered.buildings,
          buildingCount: covered.buildingCount,
          households: covered.households,
          bandIndex: result.bandIndex,
          ruleVersionId: version.id,
          documentNumber: version.documentNumber,
        },
      });
    }
    return rates;
  }
}
