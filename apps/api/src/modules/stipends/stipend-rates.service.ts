import { Injectable } from '@nestjs/common';
import {
  BuildingLeaderRules,
  DomainError,
  fieldMessage,
  type BuildingLeaderRateView,
  type MonthlyRules,
} from '@xiaoshi/contracts';
import {
  DEFAULT_MONTH_RULE,
  buildingLeaderMonthlyRate,
  departureRulesFor,
  describeRateTable,
  type BuildingCoverage,
  type BuildingLeaderRateTable,
  type DepartureRuleTable,
  type MonthRule,
} from '@xiaoshi/domain';
import type { EntityManager } from 'typeorm';
import { RosterRepository } from './roster.repository.js';
import type { StipendProgramme } from './stipend-programme.entity.js';
import { StipendProgrammesRepository, type RuleVersionRow } from './stipend-programmes.repository.js';

/** A one-off programme's stored rules: the domain's table plus the departure window. */
export type StoredDepartureRules = DepartureRuleTable & { departureWindowDays: number };

const DEFAULT_DEPARTURE_WINDOW_DAYS = 180;

export interface PersonRate {
  monthlyRateFen: number;
  /** Building leaders: what the rate came from, frozen into the report entry. */
  detail: Record<string, unknown> | null;
}

/**
 * The rules in force — the one place the stipend engine asks. Where a roster's monthly rates come
 * from: retired cadres carry their own rate; building leaders are paid by the district's rate table
 * in force on the day asked (a quarter's first day when a street reports), applied to what each
 * one covers. The month rule in force on a quarter's first day, and the departure tables of a
 * one-off programme.
 */
@Injectable()
export class StipendRatesService {
  constructor(
    private readonly rules: StipendProgrammesRepository,
    private readonly roster: RosterRepository,
  ) {}

  /** The month rule in force on a day (the programme's latest version on or before it). */
  async monthRuleOn(
    manager: EntityManager,
    programmeId: number,
    date: string,
  ): Promise<{ rule: MonthRule; version: RuleVersionRow | null }> {
    const version = await this.rules.ruleVersionOn(manager, programmeId, date);
    if (!version) return { rule: DEFAULT_MONTH_RULE, version: null };
    return { rule: ((version.rules as Partial<MonthlyRules>).monthRule ?? DEFAULT_MONTH_RULE) as MonthRule, version };
  }

  /** Every departure rule table of a one-off programme, and a picker by departure date. */
  async departureTables(manager: EntityManager, programmeId: number) {
    const versions = await this.rules.ruleVersions(manager, [programmeId]);
    const tables = versions.map((version) => ({ version, table: version.rules as unknown as StoredDepartureRules }));
    const inForce = (date: string) =>
      departureRulesFor(
        tables.map((entry) => entry.table),
        date,
      ) as StoredDepartureRules | null;
    return {
      versions,
      forDeparture(date: string) {
        const table = inForce(date);
        return table ? (tables.find((entry) => entry.table === table) ?? null) : null;
      },
      windowDaysOn(date: string): number {
        return inForce(date)?.departureWindowDays ?? DEFAULT_DEPARTURE_WINDOW_DAYS;
      },
    };
  }

  /** The building-leader rate table in force on `date`; 409-style refusal when there is none. */
  async tableOn(
    manager: EntityManager,
    programme: StipendProgramme,
    date: string,
  ): Promise<{ version: RuleVersionRow; rules: BuildingLeaderRules }> {
    const version = await this.rules.ruleVersionOn(manager, programme.id, date);
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
    const facts = await this.roster.factsOf(
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
