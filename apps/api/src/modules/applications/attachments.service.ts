import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ATTACHMENT_TYPE_KEYS, DomainError, fieldMessage } from '@xiaoshi/contracts';
import type { DataSource } from 'typeorm';
import type { AuthUser, AuthenticatedActor } from '../../common/actor.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { AuditService } from '../audit/audit.service.js';
import { Attachment } from '../files/attachment.entity.js';
import { FileStore } from '../files/file-store.js';
import { Application } from './application.entity.js';
import { ApplicationsService } from './applications.service.js';

export interface IncomingFile {
  type: string | undefined;
  filename: string;
  stream: Readable;
}

/** Application attachments: the same permission checks as the application itself. */
@Injectable()
export class AttachmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly applications: ApplicationsService,
    private readonly files: FileStore,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async upload(actor: AuthenticatedActor, applicationId: number, incoming: IncomingFile) {
    if (!incoming.type || !(ATTACHMENT_TYPE_KEYS as readonly string[]).includes(incoming.type)) {
      incoming.stream.resume();
      throw new DomainError('VALIDATION_FAILED', {
        type: fieldMessage('请选择附件类型', 'Choose the attachment type'),
      });
    }
    // Check access before accepting a single byte.
    const current = await this.applications.get(actor.user, applicationId);
    if (!current.editable) {
      incoming.stream.resume();
      throw new DomainError('INVALID_TRANSITION');
    }
    const stored = await this.files.store(incoming.stream, this.config.attachmentMaxBytes);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const application = await manager.findOne(Application, {
          where: { id: applicationId },
          lock: { mode: 'pessimistic_write' },
        });
        if (!application || !this.applications.canEdit(actor.user, application.status))
          throw new DomainError('INVALID_TRANSITION');
        const attachment = manager.create(Attachment, {
          applicationId,
          type: incoming.type,
          originalName: incoming.filename.slice(0, 200) || 'file',
          mimeType: stored.mimeType,
          sizeBytes: stored.sizeBytes,
          sha256: stored.sha256,
          storageKey: stored.storageKey,
          uploadedByUserId: actor.user.id,
        });
        await manager.save(attachment);
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
    const attachment = await this.dataSource.manager.findOneBy(Attachment, {
      id: attachmentId,
      applicationId,
    });
    if (!attachment) throw new DomainError('NOT_FOUND');
    const { stream, sizeBytes } = await this.files.open(attachment.storageKey);
    return { attachment, stream, sizeBytes };
  }

  async remove(actor: AuthenticatedActor, applicationId: number, attachmentId: number): Promise<void> {
    const storageKey = await this.dataSource.transaction(async (manager) => {
      const current = await this.applications.get(actor.user, applicationId, manager);
      if (!current.editable) throw new DomainError('INVALID_TRANSITION');
      const attachment = await manager.findOneBy(Attachment, { id: attachmentId, applicationId });
      if (!attachment) throw new DomainError('NOT_FOUND');
      await manager.delete(Attachment, { id: attachmentId });
      await this.audit.record(manager, actor, {
        action: 'application.attachment_removed',
        entityType: 'application',
        entityId: applicationId,
        before: {
          attachmentId,
          type: attachment.type,
          name: attachment.originalName,
          sha256: attachment.sha256,
        },
      });
      return attachment.storageKey;
    });
    await this.files.remove(storageKey);
  }
}
