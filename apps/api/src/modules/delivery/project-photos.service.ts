import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { DomainError, type ProjectPhotoView } from '@xiaoshi/contracts';
import type { AuthUser, AuthenticatedActor } from '../../common/actor.js';
import { AccessService } from '../access/access.service.js';
import { AuditService } from '../audit/audit.service.js';
import { FileStore } from '../files/file-store.js';
import { InspectionsService } from './inspections.service.js';
import { ProgressRepository } from './progress.repository.js';
import { ProjectsService } from './projects.service.js';

/** Photos: images only, by content. */
const PHOTO_CONTENT: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
};
const PHOTO_MAX_BYTES = 15 * 1024 * 1024;

/** Photos of progress reports (by the community and street) and of inspections (by their inspectors). */
@Injectable()
export class ProjectPhotosService {
  constructor(
    private readonly repository: ProgressRepository,
    private readonly projects: ProjectsService,
    private readonly inspections: InspectionsService,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly files: FileStore,
  ) {}

  async addPhoto(
    actor: AuthenticatedActor,
    target: { reportId?: number; inspectionId?: number },
    incoming: { filename: string; stream: Readable },
  ): Promise<ProjectPhotoView> {
    // Access first, before accepting a single byte; a refused upload is drained, not stored.
    const projectId = await this.projectOf(actor.user, target).catch((error: unknown) => {
      incoming.stream.resume();
      throw error;
    });
    const stored = await this.files.store(incoming.stream, PHOTO_MAX_BYTES, PHOTO_CONTENT);
    try {
      return await this.repository.transaction(async (manager) => {
        const photo = await this.repository.insertPhoto(manager, {
          projectId,
          progressReportId: target.reportId ?? null,
          inspectionId: target.inspectionId ?? null,
          type: target.reportId ? 'progress_photo' : 'inspection_photo',
          originalName: incoming.filename.slice(0, 200) || 'photo',
          mimeType: stored.mimeType,
          sizeBytes: stored.sizeBytes,
          sha256: stored.sha256,
          storageKey: stored.storageKey,
          uploadedByUserId: actor.user.id,
        });
        await this.audit.record(manager, actor, {
          action: 'project.photo_added',
          entityType: 'project',
          entityId: projectId,
          after: {
            photoId: photo.id,
            type: photo.type,
            reportId: photo.progressReportId,
            inspectionId: photo.inspectionId,
            sha256: stored.sha256,
          },
        });
        const { id, type, originalName, mimeType, sizeBytes, sha256 } = photo;
        return { id, type, originalName, mimeType, sizeBytes, sha256 };
      });
    } catch (error) {
      await this.files.remove(stored.storageKey);
      throw error;
    }
  }

  /** The project a photo goes to, if the user may add it there. */
  private async projectOf(user: AuthUser, target: { reportId?: number; inspectionId?: number }): Promise<number> {
    if (target.reportId) {
      this.access.requirePermission(user, 'delivery.report');
      const report = await this.repository.findReport(target.reportId);
      if (!report) throw new DomainError('NOT_FOUND');
      await this.projects.reachable(user, report.projectId, { reach: 'deliverer' });
      return report.projectId;
    }
    const inspection = await this.inspections.assigned(user, target.inspectionId!, this.repository.manager);
    return inspection.projectId;
  }

  async openPhoto(user: AuthUser, photoId: number) {
    this.access.requirePermission(user, 'delivery.read');
    const photo = await this.repository.findPhoto(photoId);
    if (!photo) throw new DomainError('NOT_FOUND');
    await this.projects.reachable(user, photo.projectId);
    const { stream, sizeBytes } = await this.files.open(photo.storageKey);
    return { photo, stream, sizeBytes };
  }
}
