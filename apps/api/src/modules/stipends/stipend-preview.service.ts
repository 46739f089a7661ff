import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { StipendPreviewQuery, StipendPreviewView } from '@xiaoshi/contracts';
import { batchTotal, eligibleUntilOf, quarterMonths, type StipendPerson as Payee } from '@xiaoshi/domain';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../../common/actor.js';
import { RosterRepository, type PreviewPersonRow } from './roster.repository.js';
import { quarterStart } from './stipend-common.js';
import type { StipendProgramme } from './stipend-programme.entity.js';
import { StipendProgrammesService } from './stipend-programmes.service.js';
import { StipendRatesService } from './stipend-rates.service.js';

interface StreetTotal {
  street: { id: number; name: string };
  people: Set<number>;
  personMonths: number;
  totalFen: number;
}

/**
 * What a quarter (or a whole year) would cost from the live roster as it stands, by street and
 * by quarter: the same proration (libs/domain batchTotal) and rates a batch uses, before any
 * street has reported.
 */
@Injectable()
export class StipendPreviewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly programmes: StipendProgrammesService,
    private readonly rates: StipendRatesService,
    private readonly roster: RosterRepository,
  ) {}

  async preview(user: AuthUser, programmeId: number, query: StipendPreviewQuery): Promise<StipendPreviewView> {
    const programme = await this.programmes.reachable(user, programmeId, 'stipends.read');
    this.programmes.requireKind(programme, 'monthly_quarterly');
    const people = await this.roster.forPreview(this.dataSource.manager, user, programmeId);
    const quarters = query.quarter ? [query.quarter] : [1, 2, 3, 4];
    const byStreet = new Map<number, StreetTotal>();
    const byQuarter: StipendPreviewView['byQuarter'] = [];
    const paidPeople = new Set<number>();
    for (const quarter of quarters) {
      const result = await this.quarterTotal(programme, people, query.year, quarter);
      byQuarter.push({ quarter, totalFen: result.total, personMonths: result.personMonths });
      for (const line of result.lines) {
        if (line.amount === 0) continue;
        const person = people[line.index];
        const entry = byStreet.get(person.streetId) ?? {
          street: { id: person.streetId, name: person.streetName },
          people: new Set<number>(),
          personMonths: 0,
          totalFen: 0,
        };
        entry.people.add(person.id);
        entry.personMonths += line.months.length;
        entry.totalFen += line.amount;
        byStreet.set(person.streetId, entry);
        paidPeople.add(person.id);
      }
    }
    return {
      programmeId,
      year: query.year,
      quarters,
      totalFen: byQuarter.reduce((sum, quarter) => sum + quarter.totalFen, 0),
      personMonths: byQuarter.reduce((sum, quarter) => sum + quarter.personMonths, 0),
      people: paidPeople.size,
      byStreet: [...byStreet.values()]
        .sort((a, b) => a.street.id - b.street.id)
        .map((entry) => ({
          street: entry.street,
          people: entry.people.size,
          personMonths: entry.personMonths,
          totalFen: entry.totalFen,
        })),
      byQuarter,
    };
  }

  /** One quarter under the month rule and rates in force on its first day. */
  private async quarterTotal(programme: StipendProgramme, people: readonly PreviewPersonRow[], year: number, quarter: number) {
    const manager = this.dataSource.manager;
    const start = quarterStart(year, quarter);
    const { rule } = await this.rates.monthRuleOn(manager, programme.id, start);
    const months = quarterMonths(year, quarter);
    const rates = await this.rates.monthlyRates(manager, programme, people, start);
    const payees: Payee[] = people.map((person) => ({
      eligibleFrom: person.eligibleFrom,
      eligibleUntil: eligibleUntilOf(person),
      monthlyRate: rates.get(person.id)!.monthlyRateFen,
      suspendedMonths: person.status === 'suspended' ? months : [],
    }));
    return batchTotal(payees, year, quarter, rule);
  }
}
