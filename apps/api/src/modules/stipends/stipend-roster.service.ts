import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DomainError,
  type Page,
  type StipendPersonDetailView,
  type StipendPersonListQuery,
  type StipendPersonView,
  type StipendPost as StipendPostName,
} from '@xiaoshi/contracts';
import { shanghaiDate } from '@xiaoshi/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/actor.js';
import { AccessService } from '../access/access.service.js';
import { RosterRepository, type UnitRow } from './roster.repository.js';
import { personView } from './roster-views.js';
import { StipendBatchesRepository } from './stipend-batches.repository.js';
import { SEX_LABELS, fields, periodLabel } from './stipend-common.js';
import { rosterWorkbook } from './stipend-excel.js';
import type { StipendPerson } from './stipend-person.entity.js';
import { StipendProgrammesService } from './stipend-programmes.service.js';

const STATUS_LABELS: Record<string, string> = { active: '在册', suspended: '暂停', deceased: '已故' };

/**
 * The roster as people read it: street scope (a person out of scope is not found), masked views,
 * a person's posts and payment history, the masked roster export, and where a person may be put.
 */
@Injectable()
export class StipendRosterService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly programmes: StipendProgrammesService,
    private readonly repository: RosterRepository,
    private readonly batches: StipendBatchesRepository,
  ) {}

  /** A person in the user's scope (their street's communities), 404 otherwise. */
  async reachable(
    user: AuthUser,
    id: number,
    permission: 'stipends.read' | 'stipends.roster',
    manager: EntityManager,
    lock = false,
  ): Promise<StipendPerson> {
    await this.access.requireRows(user, permission, 'stipend_person', 'community_id', [id], manager);
    const person = await this.repository.find(manager, id, lock);
    if (!person) throw new DomainError('NOT_FOUND');
    return person;
  }

  async list(user: AuthUser, query: StipendPersonListQuery): Promise<Page<StipendPersonView>> {
    this.access.requirePermission(user, 'stipends.read');
    const records = await this.repository.page(this.dataSource.manager, user, query);
    const items = records.slice(0, query.limit).map(personView);
    return { items, nextCursor: records.length > query.limit ? items[items.length - 1].id : null };
  }

  /** A person with their posts and their lines in live batches. */
  async get(user: AuthUser, id: number, manager: EntityManager = this.dataSource.manager): Promise<StipendPersonDetailView> {
    await this.reachable(user, id, 'stipends.read', manager);
    const record = await this.repository.record(manager, id);
    if (!record) throw new DomainError('NOT_FOUND');
    const posts = await this.repository.posts(manager, [id]);
    const payments = await this.batches.paymentsOf(manager, id);
    return {
      ...personView(record),
      posts: posts.map((post) => ({
        id: post.id,
        post: post.post as StipendPostName,
        termStart: post.termStart,
        termEnd: post.termEnd,
        electedAt: post.electedAt,
        source: post.source,
      })),
      payments: payments.map((payment) => ({
        batchId: payment.batchId,
        programmeName: payment.programmeName,
        period: periodLabel(payment),
        batchStatus: payment.status,
        months: payment.months,
        amountFen: payment.amountFen,
        paidAt: payment.paidAt?.toISOString() ?? null,
      })),
    };
  }

  /** The community (in scope, a community of the programme's district) and its street. */
  async communityOf(
    user: AuthUser,
    communityId: number,
    manager: EntityManager,
    programmeUnitId: number,
  ): Promise<UnitRow & { parentId: number }> {
    await this.access.requireUnits(user, 'stipends.roster', [communityId], manager);
    const community = await this.repository.unit(manager, communityId);
    if (
      !community ||
      community.kind !== 'community' ||
      !community.ancestorIds.includes(programmeUnitId) ||
      community.parentId === null
    ) {
      throw new DomainError(
        'VALIDATION_FAILED',
        fields([['communityId', '请选择本区的社区', 'Choose a community of the district']]),
      );
    }
    return { ...community, parentId: community.parentId };
  }

  /** The roster as Excel for officials: masked whoever asks (it is not the bank's file). */
  async exportRoster(user: AuthUser, programmeId: number): Promise<{ fileName: string; bytes: Buffer }> {
    const programme = await this.programmes.reachable(user, programmeId, 'stipends.read');
    this.programmes.requireKind(programme, 'monthly_quarterly');
    const records = await this.repository.ofProgramme(this.dataSource.manager, user, programmeId);
    const bytes = await rosterWorkbook(
      `${programme.name} 名册（导出于 ${shanghaiDate(new Date())}，身份证号、银行账号和电话已脱敏）`,
      programme.rosterKind,
      records.map((record) => {
        const view = personView(record);
        return {
          street: view.street.name,
          community: view.community.name,
          name: view.name,
          nationalId: view.nationalId,
          sex: SEX_LABELS[view.sex],
          departureDate: view.departureDate,
          normalDeparture: view.normalDeparture,
          eligibleFrom: view.eligibleFrom,
          monthlyRateFen: view.monthlyRateFen,
          bankName: view.bankName,
          bankAccount: view.bankAccount,
          status: view.removedOn ? '已停发' : STATUS_LABELS[view.status],
          deathDate: view.deathDate,
          removedOn: view.removedOn,
          building: view.building,
        };
      }),
    );
    return { fileName: `${programme.name}-名册.xlsx`, bytes };
  }
}
