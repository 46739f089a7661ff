import { Injectable } from '@nestjs/common';
import {
  PROJECT_MOVES,
  PROJECT_OPENING,
  PROJECT_SETTLEMENT,
  isSettled,
  type ProjectAction,
  type ProjectMove,
  type ProjectMoney,
} from '@xiaoshi/domain';
import type { AuditAction } from '@xiaoshi/contracts';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../common/actor.js';
import { requireMove } from '../../common/state-moves.js';
import { ApplicationLifecycleService } from '../applications/application-lifecycle.service.js';
import { AuditService } from '../audit/audit.service.js';
import type { Project } from './delivery.entities.js';
import { ProjectsRepository } from './projects.repository.js';

export interface ProjectMoveRecord {
  /** The audit action, e.g. 'project.request_acceptance'. */
  action: AuditAction;
  /** Recorded beside the new status. */
  after?: Record<string, unknown>;
  /** Why, for the application's history (rectification and failure must say). */
  reason?: string | null;
}

const rolesOf = (actor: Actor) => (actor.user ? actor.user.roles : 'system');

/**
 * The one place where a project changes status: the move is looked up in libs/domain's project
 * table, written with its audit record, and the application's matching system move is applied
 * through the applications module in the same transaction. So the project's state drives the
 * application's lifecycle and the two never disagree.
 */
@Injectable()
export class ProjectMovesService {
  constructor(
    private readonly repository: ProjectsRepository,
    private readonly lifecycle: ApplicationLifecycleService,
    private readonly audit: AuditService,
  ) {}

  /** The move `action` makes from the project's status for this actor (409/403 otherwise). */
  check(project: Project, action: ProjectAction, actor: Actor): ProjectMove {
    return requireMove(PROJECT_MOVES, project.status, action, rolesOf(actor));
  }

  /** Applies a checked move; the caller has set the fields that go with it on `project`. */
  async apply(
    manager: EntityManager,
    actor: Actor,
    project: Project,
    action: ProjectAction,
    record: ProjectMoveRecord,
  ): Promise<ProjectMove> {
    const move = this.check(project, action, actor);
    const before = project.status;
    project.status = move.to;
    await this.repository.save(manager, project);
    if (move.application) {
      await this.lifecycle.apply(manager, actor, [project.applicationId], move.application, { reason: record.reason ?? null });
    }
    await this.audit.record(manager, actor, {
      action: record.action,
      entityType: 'project',
      entityId: project.id,
      before: { status: before },
      after: { status: move.to, ...record.after },
    });
    return move;
  }

  /** A project has just opened for an approved application: the application starts delivery. */
  async opened(manager: EntityManager, actor: Actor, applicationId: number): Promise<void> {
    await this.lifecycle.apply(manager, actor, [applicationId], PROJECT_OPENING.application);
  }

  /**
   * A payment was recorded: an accepted project now paid in full closes its application (结项).
   * Lenient: an application already closed (a payment after a reversal) stays as it is.
   */
  async paymentRecorded(manager: EntityManager, actor: Actor, project: Project, money: ProjectMoney): Promise<boolean> {
    if (!isSettled(project.status, money)) return false;
    const moved = await this.lifecycle.apply(manager, actor, [project.applicationId], PROJECT_SETTLEMENT.application, {
      strict: false,
    });
    return moved.length > 0;
  }
}
