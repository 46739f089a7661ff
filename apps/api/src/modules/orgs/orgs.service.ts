import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ALLOWED_PARENT_KINDS,
  DomainError,
  fieldMessage,
  type CreateOrgUnitRequest,
  type OrgUnitKind,
  type OrgUnitListQuery,
  type OrgUnitView,
  type Page,
  type UpdateOrgUnitRequest,
} from '@xiaoshi/contracts';
import { isValidCreditCode, maskPhone } from '@xiaoshi/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthUser, AuthenticatedActor } from '../../common/actor.js';
import { AccessService } from '../access/access.service.js';
import { AuditService } from '../audit/audit.service.js';
import type { OrgUnit } from './org-unit.entity.js';
import { OrgsRepository, type OrgUnitRow } from './orgs.repository.js';

/** A unit as other modules need it: its kind and its place in the tree. */
export interface OrgUnitRef {
  id: number;
  kind: OrgUnitKind;
  name: string;
  parentId: number | null;
  /** Every ancestor id, root (the province, city or district) first. */
  ancestorIds: number[];
}


@Injectable()
export class OrgsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly repository: OrgsRepository,
  ) {}

  private toView(row: OrgUnitRow, user: AuthUser): OrgUnitView {
    const clear = this.access.seesPersonalData(user);
    return {
      id: row.id,
      kind: row.kind,
      name: row.name,
      code: row.code,
      parentId: row.parent_id,
      organisationType: row.organisation_type,
      creditCode: row.credit_code,
      contactName: row.contact_name,
      contactPhone: clear ? row.contact_phone : maskPhone(row.contact_phone),
      active: row.active,
      childCount: row.child_count,
      version: row.version,
    };
  }

  /** Units in the caller's subtree, by id, keyset-paginated. */
  async list(user: AuthUser, query: OrgUnitListQuery): Promise<Page<OrgUnitView>> {
    const rows = await this.repository.subtree(user.unit.id, query);
    const items = rows.slice(0, query.limit).map((row) => this.toView(row, user));
    return { items, nextCursor: rows.length > query.limit ? items[items.length - 1].id : null };
  }

  /**
   * The external organisations (universities, social organisations) registered with the user's
   * district, so that a community can name its partner in a joint entry. Names only.
   */
  async partners(user: AuthUser): Promise<Array<{ id: number; name: string; organisationType: OrgUnitView['organisationType'] }>> {
    const rows = await this.repository.partnersOfDistrictOf(user.unit.id);
    return rows.map((row) => ({ id: row.id, name: row.name, organisationType: row.organisation_type }));
  }

  async get(user: AuthUser, id: number): Promise<OrgUnitView> {
    await this.access.requireUnits(user, 'orgs.read', [id]);
    const row = await this.repository.row(id);
    if (!row) throw new DomainError('NOT_FOUND');
    return this.toView(row, user);
  }

  /** A unit's kind and place in the tree, for modules that check what a row refers to. */
  async unit(id: number, manager?: EntityManager): Promise<OrgUnitRef | null> {
    const unit = await this.repository.unit(id, manager);
    return unit ? refOf(unit) : null;
  }

  /** The districts a user's unit covers: every district below a city or province, a district itself. */
  async districtsOf(user: AuthUser): Promise<Array<{ id: number; name: string }>> {
    if (!['province', 'city', 'district'].includes(user.unit.kind)) return [];
    const rows = await this.repository.districtsUnder(user.unit.id);
    return rows.map((row) => ({ id: row.id, name: row.name }));
  }

  /** The district a unit belongs to (the unit itself when it is one). */
  async districtOf(id: number, manager?: EntityManager): Promise<number> {
    const unit = await this.unit(id, manager);
    if (!unit) throw new DomainError('NOT_FOUND');
    if (unit.kind === 'district') return unit.id;
    const district = await this.repository.districtAbove(id, manager);
    if (district === null) throw new DomainError('NOT_FOUND');
    return district;
  }

  async create(actor: AuthenticatedActor, body: CreateOrgUnitRequest): Promise<OrgUnitView> {
    // Provinces, cities and districts are set up with the deployment, never through this route.
    const parentKind = ALLOWED_PARENT_KINDS[body.kind].length === 1 ? ALLOWED_PARENT_KINDS[body.kind][0] : null;
    if (!parentKind) {
      throw new DomainError('VALIDATION_FAILED', {
        kind: fieldMessage('不能新建区级单位', 'A district cannot be created here'),
      });
    }
    if (!body.parentId) {
      throw new DomainError('VALIDATION_FAILED', { parentId: fieldMessage('请选择上级单位', 'Choose a parent unit') });
    }
    if (body.creditCode && !isValidCreditCode(body.creditCode)) {
      throw new DomainError('VALIDATION_FAILED', {
        creditCode: fieldMessage('统一社会信用代码校验位不正确', 'The unified social credit code check digit is wrong'),
      });
    }
    const id = await this.dataSource.transaction(async (manager) => {
      await this.access.requireUnits(actor.user, 'orgs.create', [body.parentId!], manager);
      const parent = await this.repository.unit(body.parentId!, manager);
      if (!parent) throw new DomainError('NOT_FOUND');
      if (parent.kind !== parentKind) {
        throw new DomainError('VALIDATION_FAILED', {
          parentId: fieldMessage(`上级单位必须是${kindLabel(parentKind).zh}`, `The parent must be a ${parentKind}`),
        });
      }
      if (await this.repository.nameTaken(manager, parent.id, body.name)) {
        throw new DomainError('CONFLICT', { name: fieldMessage('同一上级下已有同名单位', 'A unit of this name already exists under the parent') });
      }
      if (body.code && (await this.repository.codeTaken(manager, body.code))) {
        throw new DomainError('CONFLICT', { code: fieldMessage('编码已被使用', 'This code is taken') });
      }
      const unit = await this.repository.insert(manager, {
        kind: body.kind,
        name: body.name,
        code: body.code ?? null,
        parentId: parent.id,
        ancestorIds: [...parent.ancestorIds, parent.id],
        organisationType: body.kind === 'organisation' ? (body.organisationType ?? 'other') : null,
        creditCode: body.creditCode ?? null,
        contactName: body.contactName ?? null,
        contactPhone: body.contactPhone ?? null,
      });
      await this.audit.record(manager, actor, {
        action: 'org_unit.create',
        entityType: 'org_unit',
        entityId: unit.id,
        after: unit,
      });
      return unit.id;
    });
    return this.get(actor.user, id);
  }

  async update(actor: AuthenticatedActor, id: number, body: UpdateOrgUnitRequest): Promise<OrgUnitView> {
    await this.dataSource.transaction(async (manager) => {
      await this.access.requireUnits(actor.user, 'orgs.update', [id], manager);
      const unit = await this.repository.unit(id, manager, true);
      if (!unit) throw new DomainError('NOT_FOUND');
      if (unit.version !== body.version) throw new DomainError('CONFLICT');
      // A street officer may correct their communities' details but not their own street's row.
      if (unit.id === actor.user.unit.id && !actor.user.roles.includes('district_admin')) {
        throw new DomainError('FORBIDDEN');
      }
      const before = { ...unit };
      if (body.name !== undefined) unit.name = body.name;
      if (body.contactName !== undefined) unit.contactName = body.contactName;
      if (body.contactPhone !== undefined) unit.contactPhone = body.contactPhone;
      if (body.active !== undefined) unit.active = body.active;
      await this.repository.save(manager, unit);
      await this.audit.record(manager, actor, {
        action: 'org_unit.update',
        entityType: 'org_unit',
        entityId: id,
        before,
        after: unit,
      });
    });
    return this.get(actor.user, id);
  }
}

export function kindLabel(kind: OrgUnitKind): { zh: string; en: string } {
  return {
    province: { zh: '省', en: 'province' },
    city: { zh: '市', en: 'city' },
    district: { zh: '区', en: 'district' },
    street: { zh: '街道', en: 'street' },
    community: { zh: '社区', en: 'community' },
    organisation: { zh: '外部组织', en: 'organisation' },
  }[kind];
}

function refOf(unit: OrgUnit): OrgUnitRef {
  return { id: unit.id, kind: unit.kind, name: unit.name, parentId: unit.parentId, ancestorIds: unit.ancestorIds };
}
