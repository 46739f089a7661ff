import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, fieldMessage, type StipendImportProblem, type StipendImportResult } from '@xiaoshi/contracts';
import {
  BUILDING_LEADER_COLUMNS,
  checkBuildingLeaderHeaders,
  findDuplicateNationalIds,
  parseBuildingLeaderRow,
  shanghaiDate,
  type BuildingLeaderRow,
} from '@xiaoshi/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthUser, AuthenticatedActor } from '../../common/actor.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { AuditService } from '../audit/audit.service.js';
import { auditedLeader } from './building-leaders.service.js';
import { importTemplate } from './roster-template.js';
import { RosterRepository, type BuildingLeaderFactsRow, type CommunityRow } from './roster.repository.js';
import { addDaysIso } from './stipend-common.js';
import { readRosterSheet } from './stipend-excel.js';
import { headerProblems, otherStreetProblems, problemFields, readAll } from './import-helpers.js';
import type { StipendPerson } from './stipend-person.entity.js';
import type { StipendProgramme } from './stipend-programme.entity.js';
import { StipendRatesService } from './stipend-rates.service.js';

const TEXT_COLUMNS = new Set(['nationalId', 'bankAccount', 'phone']);

/** What a sheet row says of a leader, as the person's fields. */
type LeaderValues = Pick<
  StipendPerson,
  'name' | 'communityId' | 'streetId' | 'eligibleFrom' | 'monthlyRateFen' | 'bankName' | 'bankAccount'
>;

/** What a sheet row says a leader covers. */
function factsOf(personId: number, row: BuildingLeaderRow): BuildingLeaderFactsRow {
  return {
    personId,
    buildings: row.buildings,
    buildingCount: row.buildingCount,
    units: row.units,
    households: row.households,
    phone: row.phone,
  };
}

/**
 * A street's building-leader roster from Excel, all or nothing like the cadre roster: every row
 * checked by the domain's parser, the whole sheet refused with a row-level report when any row
 * fails, otherwise written in one transaction — new leaders created, known ones (by ID number)
 * updated, an end date recorded as the roster's removal. Leaders missing from the sheet stay.
 */
@Injectable()
export class BuildingLeaderImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly rates: StipendRatesService,
    private readonly repository: RosterRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private communities(user: AuthUser, programme: StipendProgramme, manager: EntityManager): Promise<CommunityRow[]> {
    return this.repository.communitiesOf(manager, user, programme.unitId);
  }

  async template(user: AuthUser, programme: StipendProgramme): Promise<{ fileName: string; bytes: Buffer }> {
    const [first] = await this.communities(user, programme, this.dataSource.manager);
    const bytes = await importTemplate({
      dataSheet: '楼栋长名册',
      columns: BUILDING_LEADER_COLUMNS.map((column) => ({ ...column, text: TEXT_COLUMNS.has(column.key) })),
      example: first ? { community: first.name } : {},
      rules: [
        '每位楼栋长一行；负责多栋楼的，在“楼栋”列用顿号分隔并填写负责楼栋数。',
        '经费标准由区级按楼栋或按户数分档设定，系统按季度首日生效的标准计算，无需填写金额。',
        '任一行有误则整表不导入；按身份证号更新已有人员；名单中未出现的人员不会被删除，离任请填写任职结束日期或在系统中办理停发。',
        '身份证号、银行账号和联系电话三列已设为文本格式，请勿改为数字格式。',
      ],
    });
    return { fileName: '楼栋长名册模板.xlsx', bytes };
  }

  async import(
    actor: AuthenticatedActor,
    programme: StipendProgramme,
    file: Readable,
    now = new Date(),
  ): Promise<StipendImportResult & { unchanged: number }> {
    const sheet = await readRosterSheet(await readAll(file, this.config.attachmentMaxBytes));
    const today = shanghaiDate(now);
    return this.dataSource.transaction(async (manager) => {
      const communities = await this.communities(actor.user, programme, manager);
      const headers = headerProblems(sheet.headerRow, checkBuildingLeaderHeaders(sheet.headers));
      if (headers.length) throw new DomainError('STIPEND_IMPORT_REJECTED', problemFields(headers));
      if (!sheet.rows.length)
        throw new DomainError('VALIDATION_FAILED', {
          file: fieldMessage('表格中没有数据行（示例在“说明”表中，不会被导入）', 'The sheet has no data rows (the example on 说明 is never imported)'),
        });

      const knownCommunities = new Map(communities.map((community) => [community.name, community.id]));
      const problems: StipendImportProblem[] = [];
      const parsed: BuildingLeaderRow[] = [];
      for (const row of sheet.rows) {
        const result = parseBuildingLeaderRow(row.record, row.rowNumber, { knownCommunities, asOf: today });
        if (result.ok) parsed.push(result.value);
        else problems.push(...result.problems);
      }
      problems.push(...findDuplicateNationalIds(parsed));
      const existing = await this.repository.peopleByNationalId(
        manager,
        programme.id,
        parsed.map((row) => row.nationalId),
      );
      const byId = new Map(existing.map((person) => [person.nationalId, person]));
      problems.push(...otherStreetProblems(parsed, byId, new Set(communities.map((community) => community.id))));
      if (problems.length) throw new DomainError('STIPEND_IMPORT_REJECTED', problemFields(problems));

      const streetOf = new Map(communities.map((community) => [community.id, community.streetId]));
      const facts = await this.repository.factsOf(
        manager,
        existing.map((person) => person.id),
      );
      const counts = { rows: parsed.length, created: 0, updated: 0, unchanged: 0 };
      for (const row of parsed) {
        const person = byId.get(row.nationalId) ?? null;
        const outcome = await this.write(manager, actor, programme, row, streetOf.get(row.communityId)!, {
          person,
          facts: person ? (facts.get(person.id) ?? null) : null,
          today,
        });
        counts[outcome] += 1;
      }
      return counts;
    });
  }

  /** Creates or updates one leader from a parsed row, audited; says which it did. */
  private async write(
    manager: EntityManager,
    actor: AuthenticatedActor,
    programme: StipendProgramme,
    row: BuildingLeaderRow,
    streetId: number,
    known: { person: StipendPerson | null; facts: BuildingLeaderFactsRow | null; today: string },
  ): Promise<'created' | 'updated' | 'unchanged'> {
    const rate = await this.rates.rateFor(manager, programme, row, known.today);
    const values: LeaderValues = {
      name: row.name,
      communityId: row.communityId,
      streetId,
      eligibleFrom: row.startDate,
      monthlyRateFen: rate.monthlyRateFen,
      bankName: row.bankName,
      bankAccount: row.bankAccount,
    };
    const removal = row.endDate ? { removedOn: addDaysIso(row.endDate, 1), removalReason: '任职结束（名册导入）' } : null;
    if (known.person) return this.update(manager, actor, known.person, known.facts, row, { values, removal });
    const fresh = await this.repository.saveBumpingVersion(
      manager,
      this.repository.newPerson(manager, {
        ...values,
        programmeId: programme.id,
        nationalId: row.nationalId,
        birthDate: row.birthDate,
        sex: row.sex,
        departureDate: null,
        normalDeparture: null,
        status: 'active',
        removedOn: removal?.removedOn ?? null,
        removalReason: removal?.removalReason ?? null,
      }),
    );
    await this.repository.saveFacts(manager, factsOf(fresh.id, row));
    await this.audit.record(manager, actor, {
      action: 'stipend_person.import_create',
      entityType: 'stipend_person',
      entityId: fresh.id,
      after: { ...auditedLeader(fresh, factsOf(fresh.id, row)), row: row.rowNumber },
    });
    return 'created';
  }

  /** A known leader: updated when the row differs from them or what they cover, audited. */
  private async update(
    manager: EntityManager,
    actor: AuthenticatedActor,
    person: StipendPerson,
    facts: BuildingLeaderFactsRow | null,
    row: BuildingLeaderRow,
    next: { values: LeaderValues; removal: { removedOn: string; removalReason: string } | null },
  ): Promise<'updated' | 'unchanged'> {
    const { values, removal } = next;
    const nextFacts = factsOf(person.id, row);
    const sameFacts =
      facts !== null && (Object.keys(nextFacts) as Array<keyof BuildingLeaderFactsRow>).every((key) => facts[key] === nextFacts[key]);
    const samePerson = (Object.keys(values) as Array<keyof LeaderValues>).every((key) => person[key] === values[key]);
    const sameRemoval = !removal || person.removedOn === removal.removedOn;
    if (sameFacts && samePerson && sameRemoval) return 'unchanged';
    const before = facts ? auditedLeader(person, facts) : null;
    Object.assign(person, values, removal ?? {});
    await this.repository.saveBumpingVersion(manager, person);
    await this.repository.saveFacts(manager, nextFacts);
    await this.audit.record(manager, actor, {
      action: 'stipend_person.import_update',
      entityType: 'stipend_person',
      entityId: person.id,
      before,
      after: { ...auditedLeader(person, nextFacts), row: row.rowNumber },
    });
    return 'updated';
  }
}
