import { Injectable } from '@nestjs/common';
import { DomainError } from '@xiaoshi/contracts';
import type { ApplicationStatus } from '@xiaoshi/domain';
import type { EntityManager } from 'typeorm';
import {
  ApplicationFactsRepository,
  type ApplicationContent,
  type ApplicationFact,
  type StoredAttachment,
} from './application-facts.repository.js';

export type { ApplicationContent, ApplicationFact, StoredAttachment };

/**
 * The applications module's read API for the modules downstream (reviews, …): facts about
 * applications those modules act on. No scope checks here: the caller has already authorised the
 * request on its own rows (a panel's competition, a reviewer's assignment). Pass the caller's
 * transaction as `manager` to read inside it.
 */
@Injectable()
export class ApplicationFactsService {
  constructor(private readonly repository: ApplicationFactsRepository) {}

  async find(id: number, manager?: EntityManager): Promise<ApplicationFact | null> {
    const [fact] = await this.repository.byIds(manager, [id]);
    return fact ?? null;
  }

  /** The application, or NOT_FOUND. */
  async get(id: number, manager?: EntityManager): Promise<ApplicationFact> {
    const fact = await this.find(id, manager);
    if (!fact) throw new DomainError('NOT_FOUND');
    return fact;
  }

  /** The applications of a competition in these statuses, in id order. */
  inCompetition(
    competitionId: number,
    statuses: readonly ApplicationStatus[],
    manager?: EntityManager,
  ): Promise<ApplicationFact[]> {
    return this.repository.inCompetition(manager, competitionId, statuses);
  }

  /** What a reviewer reads: the proposal with its names and attachment list; NOT_FOUND if none. */
  async content(id: number, manager?: EntityManager): Promise<ApplicationContent> {
    const content = await this.repository.content(manager, id);
    if (!content) throw new DomainError('NOT_FOUND');
    return content;
  }

  /** One attachment of the application, or NOT_FOUND (also when it belongs to another application). */
  async attachment(applicationId: number, attachmentId: number): Promise<StoredAttachment> {
    const attachment = await this.repository.attachment(applicationId, attachmentId);
    if (!attachment) throw new DomainError('NOT_FOUND');
    return attachment;
  }
}
