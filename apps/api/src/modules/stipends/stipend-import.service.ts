import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DomainError,
  fieldMessage,
  type StipendImportProblem,
  type StipendImportResult,
  type StipendPostInput,
} from '@xiaoshi/contracts';
import { checkRosterHeaders, findDuplicateNationalIds, parseRosterRow, shanghaiDate, type RosterRow } from '@xiaoshi/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthUser, AuthenticatedActor } from '../../common/actor.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { AuditService } from '../audit/audit.service.js';
import { BuildingLeaderImportService } from './building-leader-import.service.js';
import { headerProblems, otherStreetProblems, problemFields, readAll } from './import-helpers.js';
import { RosterRepository, type CommunityRow } from './roster.repository.js';
import { auditedPerson } from './roster-views.js';
import { readRosterSheet, rosterTemplate } from './stipend-excel.js';
import type { StipendPerson } from './stipend-person.entity.js';
import type { StipendProgramme } from './stipend-programme.entity.js';
import { StipendProgrammesService } from './stipend-programmes.service.js';

type ImportOutcome = 'created' | 'updated' | 'unchanged';

/** What a roster row says of a cadre, as the person's fields. */
type CadreFacts = Pick<
  StipendPerson,
  'name' | 'communityId' | 'streetId' | 'normalDeparture' | 'monthlyRateFen' | 'bankName' | 'bankAccount' | 'status' | 'deathDate'
> & { departureDate: string };

/**
 * A street's roster from Excel: every row is checked with the domain's parser, the whole sheet
 * is refused with a row-level report when any row fails, and otherwise written in one transaction
 * — new people created, known ones (by ID number) updated. People missing from the sheet stay:
 * a removal needs its effective date and reason. Building-leader rosters have their own columns
 * (BuildingLeaderImportService).
 */
@Injectable()
export class StipendImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly programmes: StipendProgrammesService,
    private readonly repository: RosterRepository,
    private readonly leaders: BuildingLeaderImportService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The roster's import template, by who the roster lists. */
  async template(user: AuthUser, programmeId: number): Promise<{ fileName: string; bytes: Buffer }> {
    const programme = await this.programmes.reachable(user, programmeId, 'stipends.read');
    if (programme.rosterKind === 'building_leader') return this.leaders.template(user, programme);
    const [first] = await this.repository.communitiesOf(this.dataSource.manager, user, programme.unitId);
    return { fileName: '离任社区干部名册模板.xlsx', bytes: await rosterTemplate(first?.name ?? null) };
  }

  async import(actor: AuthenticatedActor, programmeId: number, file: Readable, now = new Date()): Promise<StipendImportResult> {
    let programme: StipendProgramme;
    try {
      programme = await this.programmes.reachable(actor.user, programmeId, 'stipends.roster');
      this.programmes.requireKind(programme, 'monthly_quarterly');
    } catch (error) {
      file.resume();
      throw error;
    }
    if (programme.rosterKind === 'building_leader') return this.leaders.import(actor, programme, file, now);
    const sheet = await readRosterSheet(await readAll(file, this.config.attachmentMaxBytes));
    const today = shanghaiDate(now);

    return this.dataSource.transaction(async (manager) => {
      const communities = await this.repository.communitiesOf(manager, actor.user, programme.unitId);
      const headers = headerProblems(sheet.headerRow, checkRosterHeaders(sheet.headers));
      if (headers.length) throw new DomainError('STIPEND_IMPORT_REJECTED', problemFields(headers));
      if (!sheet.rows.length) {
        throw new DomainError('VALIDATION_FAILED', { file: fieldMessage('表格中没有数据行', 'The sheet has no data rows') });
      }
      const knownCommunities = new Map(communities.map((community) => [community.name, community.id]));
      const problems: StipendImportProblem[] = [];
      const parsed: RosterRow[] = [];
      for (const row of sheet.rows) {
        const result = parseRosterRow(row.record, row.rowNumber, { knownCommunities, asOf: today });
        if (result.ok) parsed.push(result.value);
        else problems.push(...result.problems);
      }
      problems.push(...findDuplicateNationalIds(parsed));
      const existing = await this.repository.peopleByNationalId(
        manager,
        programmeId,
        parsed.map((row) => row.nationalId),
      );
      const byId = new Map(existing.map((person) => [person.nationalId, person]));
      problems.push(...otherStreetProblems(parsed, byId, new Set(communities.map((community) => community.id))));
      if (problems.length) throw new DomainError('STIPEND_IMPORT_REJECTED', problemFields(problems));

      const counts = { rows: parsed.length, created: 0, updated: 0, unchanged: 0 };
      for (const row of parsed) {
        counts[await this.write(manager, actor, programmeId, row, communities, byId.get(row.nationalId) ?? null)] += 1;
      }
      return counts;
    });
  }

  /** Creates or updates one cadre from a parsed row, audited; says which it did. */
  private async write(
    manager: EntityManager,
    actor: AuthenticatedActor,
    programmeId: number,
    row: RosterRow,
    communities: readonly CommunityRow[],
    person: StipendPerson | null,
  ): Promise<ImportOutcome> {
    const facts: CadreFacts = {
      name: row.name,
      communityId: row.communityId,
      streetId: communities.find((community) => community.id === row.communityId)!.streetId,
      departureDate: row.departureDate,
      normalDeparture: row.normalDeparture,
      monthlyRateFen: row.monthlyRateFen,
      bankName: row.bankName,
      bankAccount: row.bankAccount,
      status: row.status,
      deathDate: row.deathDate,
    };
    const post = { post: row.formerPost, termStart: row.termStart, termEnd: row.termEnd };
    if (!person) {
      const fresh = await this.repository.save(
        manager,
        this.repository.newPerson(manager, {
          ...facts,
          programmeId,
          nationalId: row.nationalId,
          birthDate: row.birthDate,
          sex: row.sex,
          eligibleFrom: row.departureDate,
        }),
      );
      await this.repository.insertPosts(manager, fresh.id, [post], 'import');
      await this.audit.record(manager, actor, {
        action: 'stipend_person.import_create',
        entityType: 'stipend_person',
        entityId: fresh.id,
        after: { ...auditedPerson(fresh), row: row.rowNumber },
      });
      return 'created';
    }
    return this.update(manager, actor, person, row.rowNumber, facts, post);
  }

  /** A known cadre: updated when the row's facts or imported post differ, audited. */
  private async update(
    manager: EntityManager,
    actor: AuthenticatedActor,
    person: StipendPerson,
    rowNumber: number,
    facts: CadreFacts,
    post: StipendPostInput,
  ): Promise<ImportOutcome> {
    const before = auditedPerson(person);
    const imported = await this.repository.posts(manager, [person.id], 'import');
    const postUnchanged =
      imported.length === 1 &&
      imported[0].post === post.post &&
      imported[0].termStart === post.termStart &&
      imported[0].termEnd === post.termEnd;
    const factsUnchanged = (Object.keys(facts) as Array<keyof typeof facts>).every((key) => person[key] === facts[key]);
    if (postUnchanged && factsUnchanged) return 'unchanged';
    // The eligibility start follows the departure date unless it was set apart from it.
    if (person.eligibleFrom === person.departureDate) person.eligibleFrom = facts.departureDate;
    Object.assign(person, facts);
    await this.repository.save(manager, person);
    if (!postUnchanged) {
      await this.repository.deletePosts(manager, person.id, 'import');
      await this.repository.insertPosts(manager, person.id, [post], 'import');
    }
    await this.audit.record(manager, actor, {
      action: 'stipend_person.import_update',
      entityType: 'stipend_person',
      entityId: person.id,
      before,
      after: { ...auditedPerson(person), row: rowNumber },
    });
    return 'updated';
  }
}
