import { Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApplicationListQuery } from '@xiaoshi/contracts';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedActor } from '../../common/actor.js';
import { CurrentActor, RequirePermission } from '../../common/route-access.decorator.js';
import { IdPipe, ZodBody } from '../../common/validation.js';
import { ExportsService } from './exports.service.js';
import { sendDownload } from '../../common/download.js';

const ApplicationExportRequest = ApplicationListQuery.omit({ cursor: true, limit: true }).strict();

@ApiTags('exports')
@Controller()
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  /** Queues an Excel export of the filtered application list; poll the job, then download. */
  @Post('applications/exports')
  @RequirePermission('applications.read')
  request(
    @CurrentActor() actor: AuthenticatedActor,
    @ZodBody(ApplicationExportRequest) body: Omit<ApplicationListQuery, 'cursor' | 'limit'>,
  ) {
    return this.exports.requestApplicationExport(actor, body);
  }

  @Get('exports/:id')
  @RequirePermission('me.read')
  status(@CurrentActor() actor: AuthenticatedActor, @Param('id', IdPipe) id: number) {
    return this.exports.status(actor.user, id);
  }

  @Get('exports/:id/download')
  @RequirePermission('me.read')
  async download(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @Res() reply: FastifyReply,
  ) {
    const { job, stream, sizeBytes, mimeType } = await this.exports.open(actor.user, id);
    const name = job.fileName ?? `export-${job.id}.xlsx`;
    return sendDownload(reply, stream, { name, contentType: mimeType, size: sizeBytes });
  }
}
