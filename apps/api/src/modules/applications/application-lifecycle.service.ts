import { Injectable } from '@nestjs/common';
import { DomainError, fieldMessage } from '@xiaoshi/contracts';
import {
  findSystemMove,
  findTransition,
  type ApplicationAction,
  type ApplicationMove,
  type ApplicationStatus,
  type SystemMove,
} from '@xiaoshi/domain';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../common/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { ApplicationLifecycleRepository, type StatusMove } from './application-lifecycle.repository.js';

export interface MoveOptions {
  reason?: string | null;
  /**
   * Strict (the default for a single application): every id must be in a status the move starts
   * from, else INVALID_TRANSITION. Lenient (set-wise moves such as "everyone not funded"): the ids
   * that cannot make the move are left as they are.
   */
  strict?: boolean;
}

/**
 * The one place where an application changes status. Every move — a user's action or the system's
 * consequence of an act elsewhere — is looked up in the lifecycle of libs/domain, written with its
 * history row and audited, in the caller's transaction. Other modules never write the status.
 */
@Injectable()
export class ApplicationLifecycleService {
  constructor(
    private readonly repository: ApplicationLifecycleRepository,
    private readonly audit: AuditService,
  ) {}

  /** A new application starts as a draft: its first history row (the caller audits the creation). */
  async created(manager: EntityManager, actor: Actor & { user: NonNullable<Actor['user']> }, id: number): Promise<void> {
    await this.repository.recordCreation(manager, id, actor.user.id);
  }

  /** A user's action on one application (the table's roles decide); returns the move made. */
  async act(
    manager: EntityManager,
    actor: Actor & { user: NonNullable<Actor['user']> },
    id: number,
    action: ApplicationAction,
    reason: string | null,
    now: Date,
  ): Promise<StatusMove> {
    const [current] = await this.repository.lockStatuses(manager, [id]);
    if (!current) throw new DomainError('NOT_FOUND');
    const lookup = findTransition(current.status as ApplicationStatus, action, actor.user.roles);
    if (!lookup.ok) throw new DomainError(lookup.code === 'ROLE_NOT_ALLOWED' ? 'FORBIDDEN' : 'INVALID_TRANSITION');
    const { transition } = lookup;
    const given = reason?.trim() || null;
    if (transition.reasonRequired && !given) {
      throw new DomainError('VALIDATION_FAILED', { reason: fieldMessage('请填写原因', 'Give a reason') });
    }
    const move = { id, from: current.status, to: transition.to };
    await this.write(manager, actor, [move], action, given, {
      submittedAt: now,
      lastReason: transition.reasonRequired ? given : null,
    });
    return move;
  }

  /**
   * A system move for a set of applications, caused by `actor` (or by a scheduled job when the
   * actor has no user). Returns the moves made.
   */
  async apply(
    manager: EntityManager,
    actor: Actor,
    ids: readonly number[],
    move: SystemMove,
    options: MoveOptions = {},
  ): Promise<StatusMove[]> {
    const strict = options.strict ?? ids.length === 1;
    const reason = options.reason?.trim() || null;
    const moves: StatusMove[] = [];
    for (const current of await this.repository.lockStatuses(manager, ids)) {
      const lookup = findSystemMove(current.status as ApplicationStatus, move, actor.user ? actor.user.roles : 'system');
      if (lookup.ok) {
        if (lookup.transition.reasonRequired && !reason) throw new Error(`application move ${move} needs a reason`);
        moves.push({ id: current.id, from: current.status, to: lookup.transition.to });
      } else if (lookup.code === 'ROLE_NOT_ALLOWED') {
        // Whoever caused it may not cause this move: never silently skipped.
        throw new DomainError('FORBIDDEN');
      } else if (strict) {
        throw new DomainError('INVALID_TRANSITION');
      }
    }
    if (strict && moves.length !== new Set(ids).size) throw new DomainError('NOT_FOUND');
    await this.write(manager, actor, moves, move, reason, {
      lastReason: reason,
    });
    return moves;
  }

  /** The applications of a competition in these statuses (minus `except`), e.g. those still undecided. */
  inStatuses(
    manager: EntityManager,
    query: { competitionId: number; statuses: readonly ApplicationStatus[]; except?: readonly number[] },
  ): Promise<number[]> {
    return this.repository.idsInStatuses(manager, query.competitionId, query.statuses, query.except ?? []);
  }

  private async write(
    manager: EntityManager,
    actor: Actor,
    moves: readonly StatusMove[],
    move: ApplicationMove,
    reason: string | null,
    extra: { submittedAt?: Date; lastReason?: string | null },
  ): Promise<void> {
    await this.repository.recordMoves(manager, moves, move, reason, actor.user?.id ?? null, extra);
    for (const { id, from, to } of moves) {
      await this.audit.record(manager, actor, {
        action: `application.${move}`,
        entityType: 'application',
        entityId: id,
        before: { status: from },
        after: { status: to, reason },
      });
    }
  }
}
