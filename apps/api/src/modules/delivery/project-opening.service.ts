import { Injectable, Logger } from '@nestjs/common';
import { DomainError } from '@xiaoshi/contracts';
import { PROJECT_OPENING, inspectionKindFor, materialiseTranches } from '@xiaoshi/domain';
import type { Actor } from '../../common/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { ProjectMovesService } from './project-moves.service.js';
import { ProjectsRepository, type AwardToOpen } from './projects.repository.js';

const OPENING_JOB: Actor = { user: null, requestId: 'job:delivery.open-projects', ip: '127.0.0.1' };

/**
 * Opens a project for every approved award that has none yet, with its tranches materialised from
 * the competition's plan, and starts the application's delivery. Run by the `delivery.open-projects`
 * job, which the approval (立项) enqueues in its transaction and a schedule repeats as a safety net.
 * Idempotent: the unique application_id lets one run open a project, the others find it there.
 */
@Injectable()
export class ProjectOpeningService {
  private readonly logger = new Logger('ProjectOpening');

  constructor(
    private readonly repository: ProjectsRepository,
    private readonly moves: ProjectMovesService,
    private readonly audit: AuditService,
  ) {}

  async openProjects(actor: Actor = OPENING_JOB): Promise<number[]> {
    const opened: number[] = [];
    for (const award of await this.repository.awardsToOpen()) {
      try {
        const id = await this.open(actor, award);
        if (id !== null) opened.push(id);
      } catch (error) {
        // An application out of step with its award is a data problem to look at, not a reason to
        // hold back the other projects.
        if (!(error instanceof DomainError)) throw error;
        this.logger.warn({ awardId: award.awardId, code: error.code }, 'project not opened');
      }
    }
    return opened;
  }

  private open(actor: Actor, award: AwardToOpen): Promise<number | null> {
    return this.repository.transaction(async (manager) => {
      const tranches = materialiseTranches(award.amountFen, award.tranchePlan);
      const projectId = await this.repository.insertOpened(manager, award, {
        status: PROJECT_OPENING.to,
        finalInspectionKind: inspectionKindFor(award.competitionKind),
        tranches: tranches.map((tranche) => ({
          index: tranche.index,
          percentBp: award.tranchePlan[tranche.index].percentBp,
          condition: tranche.condition,
          amountFen: tranche.amount,
        })),
      });
      if (projectId === null) return null;
      await this.moves.opened(manager, actor, award.applicationId);
      await this.audit.record(manager, actor, {
        action: 'project.open',
        entityType: 'project',
        entityId: projectId,
        after: { applicationId: award.applicationId, awardId: award.awardId, amountFen: award.amountFen, tranches },
      });
      return projectId;
    });
  }
}
