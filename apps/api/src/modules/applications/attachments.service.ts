import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ATTACHMENT_TYPE_KEYS, DomainError, fieldMessage } from '@xiaoshi/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthUser, AuthenticatedActor } from '../../common/actor.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { AuditService } from '../audit/audit.service.js';
import { FileStore } from '../files/file-store.js';
import { ApplicationsRepository } from './applications.repository.js';
import { ApplicationsService } from './applications.service.js';
import { AttachmentsRepository, type AttachmentRow } from './attachments.repository.js';

export interface IncomingFile {
  type: string | undefined;
  filename: string;
  stream: Readable;
}

/**
 * Application attachments: the same permission checks as the application itself. The rows are
 * the applications module's (attachment); the bytes are the file store's (files module).
 */
@Injectable()
export class AttachmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly applications: ApplicationsService,
    private readonly repository: AttachmentsRepository,
    private readonly applicationRows: ApplicationsRepository,
    private readonly files: FileStore,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async upload(actor: AuthenticatedActor, applicationId: number, incoming: IncomingFile) {
    try {
      if (!incoming.type || !(ATTACHMENT_TYPE_KEYS as readonly string[]).includes(incoming.type)) {
        throw new DomainError('VALIDATION_FAILED', { type: fieldMessage('请选择附件类型', 'Choose the attachment type') });
      }
      // Check access before accepting a single byte.
      const current = await this.applications.get(actor.user, applicationId);
      this.applications.requireEditable(actor.user, current.status);
    } catch (error) {
      incoming.stream.resume();
      throw error;
    }
    const stored = await this.files.store(incoming.stream, this.config.attachmentMaxBytes);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const application = await this.applicationRows.load(manager, applicationId, true);
        if (!application) throw new DomainError('INVALID_TRANSITION');
        this.applications.requireEditable(actor.user, application.status);
        const attachment = await this.repository.insert(manager, {
          applicationId,
          type: incoming.type,
          originalName: incoming.filename.slice(0, 200) || 'file',
          mimeType: stored.mimeType,
          sizeBytes: stored.sizeBytes,
          sha256: stored.sha256,
          storageKey: stored.storageKey,
          uploadedByUserId: actor.user.id,
        });
        await this.audit.record(manager, actor, {
          action: 'application.attachment_added',
          entityType: 'application',
          entityId: applicationId,
          after: {
            attachmentId: attachment.id,
            type: attachment.type,
            name: attachment.originalName,
            sha256: stored.sha256,
            sizeBytes: stored.sizeBytes,
          },
        });
        return {
          id: attachment.id,
          type: attachment.type,
          originalName: attachment.originalName,
          mimeType: attachment.mimeType,
          sizeBytes: attachment.sizeBytes,
          sha256: attachment.sha256,
          createdAt: attachment.createdAt.toISOString(),
        };
      });
    } catch (error) {
      // Nothing half-written: the row was not saved, so the file goes too.
      await this.files.remove(stored.storageKey);
      throw error;
    }
  }

  async open(user: AuthUser, applicationId: number, attachmentId: number) {
    await this.applications.get(user, applicationId);
    const attachment = await this.repository.find(applicationId, attachmentId);
    if (!attachment) throw new DomainError('NOT_FOUND');
    const { stream, sizeBytes } = await this.files.open(attachment.storageKey);
    return { attachment, stream, sizeBytes };
  }

  async remove(actor: AuthenticatedActor, applicationId: number, attachmentId: number): Promise<void> {
    const storageKey = await this.dataSource.transaction(async (manager) => {
      const current = await this.applications.get(actor.user, applicationId, manager);
      this.applications.requireEditable(actor.user, current.status);
      const attachment = await this.repository.find(applicationId, attachmentId, manager);
      if (!attachment) throw new DomainError('NOT_FOUND');
      await this.repository.remove(manager, attachmentId);
      await this.audit.record(manager, actor, {
        action: 'application.attachment_removed',
        entityType: 'application',
        entityId: applicationId,
        before: { attachmentId, type: attachment.type, name: attachment.originalName, sha256: attachment.sha256 },
      });
      return attachment.storageKey;
    });
    await this.files.remove(storageKey);
  }

  /**
   * The attachments of an application, with where their bytes are, for modules that already
   * checked the caller may see it (a reviewer's assignment, a project's dossier).
   */
  ofApplication(applicationId: number, manager?: EntityManager): Promise<AttachmentRow[]> {
    return this.repository.ofApplication(applicationId, manager);
  }
}
