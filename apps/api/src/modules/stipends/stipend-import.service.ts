import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DomainError,
  fieldMessage,
  type StipendImportProblem,
  type StipendImportResult,
} from '@xiaoshi/contracts';
import {
  checkRosterHeaders,
  findDuplicateNationalIds,
  parseRosterRow,
  shanghaiDate,
  type RosterRow,
} from '@xiaoshi/domain';
import { In, type DataSource, type EntityManager } from 'typeorm';
import type { AuthUser, AuthenticatedActor } from '../../common/actor.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { AccessService } from '../access/access.service.js';
import { AuditService } from '../audit/audit.service.js';
import { BuildingLeaderImportService } from './building-leader-import.service.js';
import { problemFields, readAll } from './import-helpers.js';
import { readRosterSheet, rosterTemplate } from './stipend-excel.js';
import { StipendPerson } from './stipend-person.entity.js';
import { StipendPost } from './stipend-post.entity.js';
import type { StipendProgramme } from './stipend-programme.entity.js';
import { StipendProgrammesService } from './stipend-programmes.service.js';
import { StipendRosterService, auditedPerson } from './stipend-roster.service.js';

/**
 * A street's roster from Excel: every row is checked with the domain's parser, the whole sheet
 * is refused with a row-level report when any row fails, and otherwise written in one transaction
 * — new people created, known ones (by ID number) updated. People missing from the sheet stay:
 * a removal needs its effective date and reason.
 */
@Injectable()
export class StipendImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly programmes: StipendProgrammesService,
    private readonly roster: StipendRosterService,
    private readonly leaders: BuildingLeaderImportService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Communities the user may put people in, by name. */
  private async communitiesInScope(
    user: AuthUser,
    districtId: number,
    manager: EntityManager,
  ): Promise<Map<string, number>> {
    const rows: Array<{ id: number; name: string }> = await manager.query(
      `SELECT c.id, c.name FROM org_unit c
       WHERE c.kind = 'community' AND c.active AND c.ancestor_ids @> ARRAY[$2::int] AND ${this.access.unitScopeCondition(user, 'c.id', 1)}
       ORDER BY c.id`,
      [user.unit.id, districtId],
    );
    return new Map(rows.map((row) => [row.name, row.id]));
  }

  /** The roster's import template, by who the roster lists. */
  async template(user: AuthUser, programmeId: number): Promise<{ fileName: string; bytes: Buffer }> {
    const programme = await this.programmes.reachable(user, programmeId, 'stipends.read');
    if (programme.rosterKind === 'building_leader') return this.leaders.template(user, programme);
    const communities = await this.communitiesInScope(user, programme.unitId, this.dataSource.manager);
    return {
      fileName: '离任社区干部名册模板.xlsx',
      bytes: await rosterTemplate(communities.keys().next().value ?? null),
    };
  }

  async import(
    actor: AuthenticatedActor,
    programmeId: number,
    file: Readable,
    now = new Date(),
  ): Promise<StipendImportResult> {
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
    const district = programme.unitId;
    const today = shanghaiDate(now);

    return this.dataSource.transaction(async (manager) => {
      const knownCommunities = await this.communitiesInScope(actor.user, district, manager);
      const problems: StipendImportProblem[] = [];
      const headerCheck = checkRosterHeaders(sheet.headers);
      for (const column of headerCheck.missing) {
        problems.push({
          row: sheet.headerRow,
          column,
          problem: '缺少必填列',
          problemEn: 'A required column is missing',
        });
      }
      for (const column of headerCheck.unknown) {
        problems.push({
          row: sheet.headerRow,
          column,
          problem: '模板中没有这一列，请使用下载的模板',
          problemEn: 'Not a template column; use the downloaded template',
        });
      }
      if (problems.length) throw new DomainError('STIPEND_IMPORT_REJECTED', problemFields(problems));
      if (!sheet.rows.length) {
        throw new DomainError('VALIDATION_FAILED', {
          file: fieldMessage('表格中没有数据行', 'The sheet has no data rows'),
        });
      }

      const parsed: RosterRow[] = [];
      for (const row of sheet.rows) {
        const result = parseRosterRow(row.record, row.rowNumber, { knownCommunities, asOf: today });
        if (result.ok) parsed.push(result.value);
        else problems.push(...result.problems);
      }
      problems.push(...findDuplicateNationalIds(parsed));

      // Rows naming someone another street already reported: never moved silently across streets.
      const existing = parsed.length
        ? await manager.find(StipendPerson, {
            where: { programmeId, nationalId: In(parsed.map((row) => row.nationalId)) },
            lock: { mode: 'pessimistic_write' },
          })
        : [];
      const byId = new Map(existing.map((person) => [person.nationalId, person]));
      const inScope = new Set(knownCommunities.values());
      for (const row of parsed) {
        const person = byId.get(row.nationalId);
        if (person && !inScope.has(person.communityId)) {
          problems.push({
            row: row.rowNumber,
            column: '身份证号',
            problem: '此人已在其他街道的名册中，请联系区社会工作部核实',
            problemEn: 'This person is on another street’s roster; ask the district to check',
          });
        }
      }
      if (problems.length) throw new DomainError('STIPEND_IMPORT_REJECTED', problemFields(problems));

      const streetOf = new Map<number, number>(
        (
          await manager.query(`SELECT id, parent_id FROM org_unit WHERE id = ANY($1::int[])`, [
            [...new Set(parsed.map((row) => row.communityId))],
          ])
        ).map((row: { id: number; parent_id: number }) => [row.id, row.parent_id]),
      );
      let created = 0;
      let updated = 0;
      let unchanged = 0;
      for (const row of parsed) {
        const facts = {
          name: row.name,
          communityId: row.communityId,
          streetId: streetOf.get(row.communityId)!,
          departureDate: row.departureDate,
          normalDeparture: row.normalDeparture,
          monthlyRateFen: row.monthlyRateFen,
          bankName: row.bankName,
          bankAccount: row.bankAccount,
          status: row.status,
          deathDate: row.deathDate,
        };
        const post = { post: row.formerPost, termStart: row.termStart, termEnd: row.termEnd };
        const person = byId.get(row.nationalId);
        if (!person) {
          const fresh = manager.create(StipendPerson, {
            ...facts,
            programmeId,
            nationalId: row.nationalId,
            birthDate: row.birthDate,
            sex: row.sex,
            eligibleFrom: row.departureDate,
          });
          await manager.save(fresh);
          await this.roster.savePosts(manager, fresh.id, [post], 'import');
          await this.audit.record(manager, actor, {
            action: 'stipend_person.import_create',
            entityType: 'stipend_person',
            entityId: fresh.id,
            after: { ...auditedPerson(fresh), row: row.rowNumber },
          });
          created += 1;
          continue;
        }
        const before = auditedPerson(person);
        const importedPosts = await manager.find(StipendPost, {
          where: { personId: person.id, source: 'import' },
        });
        const postUnchanged =
          importedPosts.length === 1 &&
          importedPosts[0].post === post.post &&
          importedPosts[0].termStart === post.termStart &&
          importedPosts[0].termEnd === post.termEnd;
        const factsUnchanged = (Object.keys(facts) as Array<keyof typeof facts>).every(
          (key) => person[key] === facts[key],
        );
        if (postUnchanged && factsUnchanged) {
          unchanged += 1;
          continue;
        }
        // The eligibility start follows the departure date unless it was set apart from it.
        if (person.eligibleFrom === person.departureDate) person.eligibleFrom = row.departureDate;
        Object.assign(person, facts);
        await manager.save(person);
        if (!postUnchanged) {
          await manager.delete(StipendPost, { personId: person.id, source: 'import' });
          await this.roster.savePosts(manager, person.id, [post], 'import');
        }
        await this.audit.record(manager, actor, {
          action: 'stipend_person.import_update',
          entityType: 'stipend_person',
          entityId: person.id,
          before,
          after: { ...auditedPerson(person), row: row.rowNumber },
        });
        updated += 1;
      }
      return { rows: parsed.length, created, updated, unchanged };
    });
  }
}
