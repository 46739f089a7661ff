import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, type DepartureSubsidyView, type StipendPost as StipendPostName } from '@xiaoshi/contracts';
import { departureSubsidy, type Post, type PostHeld } from '@xiaoshi/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/actor.js';
import { RosterRepository, type DeparturePersonRow } from './roster.repository.js';
import { StipendBatchesRepository, type NewBatchLine } from './stipend-batches.repository.js';
import { addDaysIso, personalData } from './stipend-common.js';
import type { StipendPost } from './stipend-post.entity.js';
import type { StipendProgramme } from './stipend-programme.entity.js';
import { StipendProgrammesRepository, type RuleVersionRow } from './stipend-programmes.repository.js';
import { StipendProgrammesService } from './stipend-programmes.service.js';
import { StipendRatesService } from './stipend-rates.service.js';

type DepartureTables = Awaited<ReturnType<StipendRatesService['departureTables']>>;
type PersonResult = DepartureSubsidyView['people'][number];

function heldPosts(personId: number, posts: readonly StipendPost[]): PostHeld[] {
  return posts
    .filter((post) => post.personId === personId)
    .map((post) => ({
      post: post.post as Post,
      termStart: post.termStart,
      termEnd: post.termEnd,
      ...(post.electedAt ? { electedAt: post.electedAt } : {}),
    }));
}

/** The batch line of a subsidy due, with how it was reached (for the record and the payroll's 备注). */
function departureLine(
  person: DeparturePersonRow,
  version: RuleVersionRow,
  result: ReturnType<typeof departureSubsidy>,
): NewBatchLine {
  return {
    personId: person.id,
    streetId: person.streetId,
    communityId: person.communityId,
    name: person.name,
    nationalId: person.nationalId,
    bankName: person.bankName,
    bankAccount: person.bankAccount,
    months: [],
    monthlyRateFen: result.monthlyRate,
    amountFen: result.amount,
    detail: {
      documentNumber: version.documentNumber,
      ruleVersionId: version.id,
      highestPost: result.highestPost,
      fullTerms: result.fullTerms,
      months: result.months,
      reason: result.reasons.map((reason) => reason.zh).join('；'),
    },
  };
}

/** An election's departures computed: the view, the lines a one-off batch would pay, the rules in force. */
export interface ComputedDepartures {
  view: DepartureSubsidyView;
  lines: NewBatchLine[];
  ruleVersionId: number | null;
}

/**
 * 离任一次性补助 (docs/decisions/0005): the normal departures of an election within the rule
 * table's window, each computed by libs/domain's departureSubsidy with the table in force on its
 * departure date; a person already in a live one-off batch of the programme is never paid again.
 */
@Injectable()
export class StipendDeparturesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly programmes: StipendProgrammesService,
    private readonly rates: StipendRatesService,
    private readonly roster: RosterRepository,
    private readonly batches: StipendBatchesRepository,
    private readonly programmesRepository: StipendProgrammesRepository,
  ) {}

  /** The calculator: who left after the election, what each is due, and the budget line's room. */
  async departureSubsidies(user: AuthUser, programmeId: number, electionDate: string): Promise<DepartureSubsidyView> {
    const programme = await this.programmes.reachable(user, programmeId, 'stipends.read');
    this.programmes.requireKind(programme, 'one_off');
    const computed = await this.compute(this.dataSource.manager, programme, electionDate, user);
    // Masked for every role: the clear values are an audited reveal, or the bank payroll.
    const show = personalData(false);
    return {
      ...computed.view,
      people: computed.view.people.map((person) => ({ ...person, nationalId: show.nationalId(person.nationalId) })),
    };
  }

  /** The election's departures in the user's scope, or the whole district's for a batch (`scopeUser` null). */
  async compute(
    manager: EntityManager,
    programme: StipendProgramme,
    electionDate: string,
    scopeUser: AuthUser | null,
  ): Promise<ComputedDepartures> {
    const tables = await this.rates.departureTables(manager, programme.id);
    const until = addDaysIso(electionDate, tables.windowDaysOn(electionDate));
    const people = await this.roster.departedBetween(manager, programme.rosterProgrammeId!, electionDate, until, scopeUser);
    const ids = people.map((person) => person.id);
    const posts = await this.roster.posts(manager, ids);
    const paidIn = await this.batches.liveBatchOf(manager, programme.id, ids);
    const lines: NewBatchLine[] = [];
    const results = people.map((person) => {
      const computed = this.personResult(person, posts, tables, paidIn.get(person.id) ?? null);
      if (computed.line) lines.push(computed.line);
      return computed.result;
    });
    const inForce = tables.forDeparture(electionDate);
    const line = await this.programmesRepository.budgetLine(manager, programme.budgetLineId);
    if (!line) throw new DomainError('NOT_FOUND');
    const adjustedBudgetFen = line.amountFen + line.adjustedFen;
    const totalFen = lines.reduce((sum, entry) => sum + entry.amountFen, 0);
    const view: DepartureSubsidyView = {
      programmeId: programme.id,
      electionDate,
      departedUntil: until,
      ruleVersion: inForce
        ? { id: inForce.version.id, documentNumber: inForce.version.documentNumber, effectiveFrom: inForce.version.effectiveFrom }
        : null,
      people: results,
      eligibleCount: lines.length,
      totalFen,
      budget: {
        budgetLineId: line.id,
        adjustedBudgetFen,
        committedFen: line.committedFen,
        availableFen: adjustedBudgetFen - line.committedFen,
      },
      varianceFen: adjustedBudgetFen - totalFen,
    };
    return { view, lines, ruleVersionId: inForce?.version.id ?? null };
  }

  /** One person: the table in force on their departure date applied to their posts; a line when due and not yet paid. */
  private personResult(
    person: DeparturePersonRow,
    posts: readonly StipendPost[],
    tables: DepartureTables,
    alreadyPaidInBatchId: number | null,
  ): { result: PersonResult; line: NewBatchLine | null } {
    const entry = tables.forDeparture(person.departureDate);
    const result = entry
      ? departureSubsidy(
          { posts: heldPosts(person.id, posts), departureDate: person.departureDate, normalDeparture: person.normalDeparture },
          entry.table,
        )
      : null;
    const eligible = !!result?.eligible;
    return {
      line: entry && result && eligible && alreadyPaidInBatchId === null ? departureLine(person, entry.version, result) : null,
      result: {
        personId: person.id,
        name: person.name,
        nationalId: person.nationalId,
        street: person.streetName,
        community: person.communityName,
        departureDate: person.departureDate,
        eligible,
        highestPost: (result?.highestPost ?? null) as StipendPostName | null,
        monthlyRateFen: result?.monthlyRate ?? 0,
        fullTerms: result?.fullTerms ?? 0,
        months: result?.months ?? 0,
        amountFen: result?.amount ?? 0,
        reasons: result
          ? [
              ...result.reasons.map((reason) => reason.zh),
              ...(alreadyPaidInBatchId !== null ? [`已在发放批次 #${alreadyPaidInBatchId} 中`] : []),
            ]
          : ['离任日期前没有生效的补助规则'],
        alreadyPaidInBatchId,
      },
    };
  }
}
