import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DomainError,
  fieldMessage,
  type CreateSocialOrgRequest,
  type SocialOrgContactView,
  type SocialOrgView,
  type UpdateSocialOrgRequest,
} from '@xiaoshi/contracts';
import { isValidCreditCode, maskPhone } from '@xiaoshi/domain';
import type { DataSource } from 'typeorm';
import type { AuthUser, AuthenticatedActor } from '../../common/actor.js';
import { PG_UNIQUE_VIOLATION, pgErrorOf } from '../../database/postgres-errors.js';
import { AccessService } from '../access/access.service.js';
import { AuditService } from '../audit/audit.service.js';
import type { SocialOrg } from './social-orgs.entities.js';
import { SocialOrgsRepository, type OrgCounts } from './social-orgs.repository.js';

function toView(org: SocialOrg, counts: OrgCounts | undefined): SocialOrgView {
  return {
    id: org.id,
    name: org.name,
    creditCode: org.creditCode,
    orgType: org.orgType,
    registrationAuthority: org.registrationAuthority,
    registeredOn: org.registeredOn,
    qualifications: org.qualifications,
    serviceAreas: org.serviceAreas,
    contactName: org.contactName,
    contactPhone: maskPhone(org.contactPhone) ?? '',
    address: org.address,
    introducedYear: org.introducedYear,
    note: org.note,
    agreements: counts?.agreements ?? 0,
    evaluationsPassed: counts?.evaluationsPassed ?? 0,
    isDemo: org.isDemo,
    version: org.version,
  };
}

/** What the audit log keeps of an organisation: the phone masked. */
function audited(org: SocialOrg) {
  return { name: org.name, creditCode: org.creditCode, orgType: org.orgType, contactName: org.contactName, contactPhone: maskPhone(org.contactPhone), introducedYear: org.introducedYear };
}

function creditCodeChecked(code: string): void {
  if (!isValidCreditCode(code))
    throw new DomainError('VALIDATION_FAILED', {
      creditCode: fieldMessage(
        '统一社会信用代码校验位错误（GB 32100），请核对',
        'The unified social credit code fails its GB 32100 check character; check it',
      ),
    });
}

/**
 * The district's registry of partner social organisations: unified social credit code checked
 * against GB 32100, qualifications, service areas, a contact whose phone is masked in every view
 * (an audited reveal shows it to district admins and finance).
 */
@Injectable()
export class SocialOrgsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly repository: SocialOrgsRepository,
  ) {}

  async list(user: AuthUser): Promise<SocialOrgView[]> {
    this.access.requirePermission(user, 'social_orgs.read');
    const ids = await this.repository.orgIds(this.access.unitScopeCondition(user, 'o.unit_id', 1), user.unit.id);
    const [orgs, counts] = await Promise.all([this.repository.orgs(ids), this.repository.orgCounts(ids)]);
    return orgs.map((org) => toView(org, counts.get(org.id)));
  }

  async get(user: AuthUser, id: number): Promise<SocialOrgView> {
    await this.access.requireRows(user, 'social_orgs.read', 'social_org', 'unit_id', [id]);
    const [[org], counts] = await Promise.all([this.repository.orgs([id]), this.repository.orgCounts([id])]);
    return toView(org, counts.get(id));
  }

  async create(actor: AuthenticatedActor, body: CreateSocialOrgRequest): Promise<SocialOrgView> {
    this.access.requirePermission(actor.user, 'social_orgs.manage');
    if (actor.user.unit.kind !== 'district') throw new DomainError('FORBIDDEN');
    creditCodeChecked(body.creditCode);
    let id: number;
    try {
      id = await this.dataSource.transaction(async (manager) => {
        const org = await this.repository.saveOrg(manager, {
          ...body,
          unitId: actor.user.unit.id,
          registrationAuthority: body.registrationAuthority ?? null,
          registeredOn: body.registeredOn ?? null,
          address: body.address ?? null,
          introducedYear: body.introducedYear ?? null,
          note: body.note ?? null,
        });
        await this.audit.record(manager, actor, {
          action: 'social_org.create',
          entityType: 'social_org',
          entityId: org.id,
          after: audited(org),
        });
        return org.id;
      });
    } catch (error) {
      if (pgErrorOf(error)?.code === PG_UNIQUE_VIOLATION)
        throw new DomainError('SOCIAL_ORG_EXISTS', {
          creditCode: fieldMessage('该统一社会信用代码已登记', 'Already registered'),
        });
      throw error;
    }
    return this.get(actor.user, id);
  }

  async update(actor: AuthenticatedActor, id: number, body: UpdateSocialOrgRequest): Promise<SocialOrgView> {
    if (body.creditCode !== undefined) creditCodeChecked(body.creditCode);
    try {
      await this.dataSource.transaction(async (manager) => {
        await this.access.requireRows(actor.user, 'social_orgs.manage', 'social_org', 'unit_id', [id], manager);
        const org = await this.repository.lockOrg(manager, id);
        if (!org) throw new DomainError('NOT_FOUND');
        if (org.version !== body.version) throw new DomainError('CONFLICT');
        const before = audited(org);
        const { version: _version, ...changes } = body;
        Object.assign(org, changes);
        await this.repository.saveOrg(manager, org);
        await this.audit.record(manager, actor, {
          action: 'social_org.update',
          entityType: 'social_org',
          entityId: id,
          before,
          after: audited(org),
        });
      });
    } catch (error) {
      if (pgErrorOf(error)?.code === PG_UNIQUE_VIOLATION)
        throw new DomainError('SOCIAL_ORG_EXISTS', {
          creditCode: fieldMessage('该统一社会信用代码已登记', 'Already registered'),
        });
      throw error;
    }
    return this.get(actor.user, id);
  }

  /** The contact's phone in clear, for district admins and finance; audited. */
  async revealContact(actor: AuthenticatedActor, id: number): Promise<SocialOrgContactView> {
    if (!this.access.seesPersonalData(actor.user)) throw new DomainError('FORBIDDEN');
    return this.dataSource.transaction(async (manager) => {
      await this.access.requireRows(actor.user, 'social_orgs.read', 'social_org', 'unit_id', [id], manager);
      const [org] = await this.repository.orgs([id], manager);
      await this.audit.record(manager, actor, {
        action: 'social_org.reveal_contact',
        entityType: 'social_org',
        entityId: id,
        after: { fields: ['contactPhone'], name: org.name },
      });
      return { socialOrgId: id, contactName: org.contactName, contactPhone: org.contactPhone };
    });
  }
}
