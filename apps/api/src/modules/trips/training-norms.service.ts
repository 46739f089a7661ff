import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DomainError,
  fieldMessage,
  type CreateTrainingNormVersionRequest,
  type TrainingNormVersionView,
  type UpdateTrainingNormVersionRequest,
} from '@xiaoshi/contracts';
import type { DataSource } from 'typeorm';
import type { AuthUser, AuthenticatedActor } from '../../common/actor.js';
import { PG_UNIQUE_VIOLATION, pgErrorOf } from '../../database/postgres-errors.js';
import { AccessService } from '../access/access.service.js';
import { AuditService } from '../audit/audit.service.js';
import type { TrainingNormVersion } from './trips.entities.js';
import { TripsRepository } from './trips.repository.js';

function view(version: TrainingNormVersion & { usedByTrips: number }): TrainingNormVersionView {
  return {
    id: version.id,
    documentNumber: version.documentNumber,
    title: version.title,
    effectiveFrom: version.effectiveFrom,
    items: version.items,
    usedByTrips: version.usedByTrips,
    isDemo: version.isDemo,
    version: version.version,
  };
}

function duplicateCategories(items: ReadonlyArray<{ category: string }>) {
  const seen = new Set<string>();
  const problems: Record<string, ReturnType<typeof fieldMessage>> = {};
  items.forEach((item, index) => {
    if (seen.has(item.category))
      problems[`items.${index}.category`] = fieldMessage('类别重复', 'This category appears twice');
    seen.add(item.category);
  });
  return problems;
}

/**
 * The district's training-cost norm table (培训费综合定额标准) as versioned data: a version per
 * document and effective date, each a rate per person per day by category. Versions stay editable
 * (the demo's illustrative 演示 figures are meant to be replaced); trips keep the rate they used.
 */
@Injectable()
export class TrainingNormsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly repository: TripsRepository,
  ) {}

  async list(user: AuthUser): Promise<TrainingNormVersionView[]> {
    this.access.requirePermission(user, 'trips.read');
    const versions = await this.repository.normVersions(
      this.access.ancestorScopeCondition('n.unit_id', 1),
      user.unit.id,
    );
    return versions.map(view);
  }

  private async saved(user: AuthUser, id: number): Promise<TrainingNormVersionView> {
    const found = (await this.list(user)).find((version) => version.id === id);
    if (!found) throw new DomainError('NOT_FOUND');
    return found;
  }

  async create(actor: AuthenticatedActor, body: CreateTrainingNormVersionRequest): Promise<TrainingNormVersionView> {
    this.access.requirePermission(actor.user, 'trips.manage');
    if (actor.user.unit.kind !== 'district') throw new DomainError('FORBIDDEN');
    const duplicates = duplicateCategories(body.items);
    if (Object.keys(duplicates).length) throw new DomainError('VALIDATION_FAILED', duplicates);
    let id: number;
    try {
      id = await this.dataSource.transaction(async (manager) => {
        const version = await this.repository.saveNormVersion(manager, {
          unitId: actor.user.unit.id,
          documentNumber: body.documentNumber,
          title: body.title ?? null,
          effectiveFrom: body.effectiveFrom,
          items: body.items,
        });
        await this.audit.record(manager, actor, {
          action: 'training_norm.create',
          entityType: 'training_norm_version',
          entityId: version.id,
          after: { documentNumber: version.documentNumber, effectiveFrom: version.effectiveFrom, items: version.items },
        });
        return version.id;
      });
    } catch (error) {
      if (pgErrorOf(error)?.code === PG_UNIQUE_VIOLATION)
        throw new DomainError('CONFLICT', {
          effectiveFrom: fieldMessage('该日期已有一个定额版本', 'A version already takes effect on that day'),
        });
      throw error;
    }
    return this.saved(actor.user, id);
  }

  async update(
    actor: AuthenticatedActor,
    id: number,
    body: UpdateTrainingNormVersionRequest,
  ): Promise<TrainingNormVersionView> {
    if (body.items) {
      const duplicates = duplicateCategories(body.items);
      if (Object.keys(duplicates).length) throw new DomainError('VALIDATION_FAILED', duplicates);
    }
    try {
      await this.dataSource.transaction(async (manager) => {
        await this.access.requireRows(actor.user, 'trips.manage', 'training_norm_version', 'unit_id', [id], manager);
        const version = await this.repository.lockNormVersion(manager, id);
        if (!version) throw new DomainError('NOT_FOUND');
        if (version.version !== body.version) throw new DomainError('CONFLICT');
        const before = { documentNumber: version.documentNumber, effectiveFrom: version.effectiveFrom, items: version.items };
        if (body.documentNumber !== undefined) version.documentNumber = body.documentNumber;
        if (body.title !== undefined) version.title = body.title ?? null;
        if (body.effectiveFrom !== undefined) version.effectiveFrom = body.effectiveFrom;
        if (body.items !== undefined) version.items = body.items;
        // Entered figures are the district's own, no longer the demo's.
        version.isDemo = version.isDemo && body.items === undefined;
        await this.repository.saveNormVersion(manager, version);
        await this.audit.record(manager, actor, {
          action: 'training_norm.update',
          entityType: 'training_norm_version',
          entityId: id,
          before,
          after: { documentNumber: version.documentNumber, effectiveFrom: version.effectiveFrom, items: version.items },
        });
      });
    } catch (error) {
      if (pgErrorOf(error)?.code === PG_UNIQUE_VIOLATION)
        throw new DomainError('CONFLICT', {
          effectiveFrom: fieldMessage('该日期已有一个定额版本', 'A version already takes effect on that day'),
        });
      throw error;
    }
    return this.saved(actor.user, id);
  }
}
