import { Controller, Get, HttpCode, Param, Patch, Post, Put, Req, Res } from '@nestjs/common';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import {
  CreateTrainingNormVersionRequest,
  CreateTripRequest,
  DomainError,
  RecordAttendanceRequest,
  RecordTripCostsRequest,
  ReplaceTripParticipantsRequest,
  ReturnTripRequest,
  TRIP_EVIDENCE_KINDS,
  TripListQuery,
  TripVersionRequest,
  UpdateTrainingNormVersionRequest,
  UpdateTripRequest,
} from '@xiaoshi/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AuthenticatedActor } from '../../common/actor.js';
import { contentDisposition } from '../../common/download.js';
import { CurrentActor, RequirePermission } from '../../common/route-access.decorator.js';
import { IdPipe, ZodBody, ZodQuery } from '../../common/validation.js';
import { TrainingNormsService } from './training-norms.service.js';
import { TripCompletionService } from './trip-completion.service.js';
import { TripsService } from './trips.service.js';

const EvidenceQuery = z.object({ kind: z.enum(TRIP_EVIDENCE_KINDS) });
type EvidenceQuery = z.infer<typeof EvidenceQuery>;

/** Study and training trips (学习考察) and the training-cost norm table they are costed from. */
@ApiTags('trips')
@Controller()
export class TripsController {
  constructor(
    private readonly norms: TrainingNormsService,
    private readonly trips: TripsService,
    private readonly completion: TripCompletionService,
  ) {}

  @Get('training-norms')
  @RequirePermission('trips.read')
  listNorms(@CurrentActor() actor: AuthenticatedActor) {
    return this.norms.list(actor.user);
  }

  @Post('training-norms')
  @RequirePermission('trips.manage')
  createNorm(
    @CurrentActor() actor: AuthenticatedActor,
    @ZodBody(CreateTrainingNormVersionRequest) body: CreateTrainingNormVersionRequest,
  ) {
    return this.norms.create(actor, body);
  }

  @Patch('training-norms/:id')
  @RequirePermission('trips.manage')
  updateNorm(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodBody(UpdateTrainingNormVersionRequest) body: UpdateTrainingNormVersionRequest,
  ) {
    return this.norms.update(actor, id, body);
  }

  @Get('trips')
  @RequirePermission('trips.read')
  list(@CurrentActor() actor: AuthenticatedActor, @ZodQuery(TripListQuery) query: TripListQuery) {
    return this.trips.list(actor.user, query);
  }

  @Post('trips')
  @RequirePermission('trips.manage')
  create(@CurrentActor() actor: AuthenticatedActor, @ZodBody(CreateTripRequest) body: CreateTripRequest) {
    return this.trips.create(actor, body);
  }

  @Get('trips/:id')
  @RequirePermission('trips.read')
  get(@CurrentActor() actor: AuthenticatedActor, @Param('id', IdPipe) id: number) {
    return this.trips.get(actor.user, id);
  }

  @Patch('trips/:id')
  @RequirePermission('trips.manage')
  update(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodBody(UpdateTripRequest) body: UpdateTripRequest,
  ) {
    return this.trips.update(actor, id, body);
  }

  @Put('trips/:id/participants')
  @RequirePermission('trips.manage')
  participants(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodBody(ReplaceTripParticipantsRequest) body: ReplaceTripParticipantsRequest,
  ) {
    return this.trips.replaceParticipants(actor, id, body);
  }

  @Post('trips/:id/submit')
  @HttpCode(200)
  @RequirePermission('trips.manage')
  submit(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodBody(TripVersionRequest) body: TripVersionRequest,
  ) {
    return this.trips.submit(actor, id, body.version);
  }

  @Post('trips/:id/approve')
  @HttpCode(200)
  @RequirePermission('trips.approve')
  approve(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodBody(TripVersionRequest) body: TripVersionRequest,
  ) {
    return this.trips.approve(actor, id, body.version);
  }

  @Post('trips/:id/return')
  @HttpCode(200)
  @RequirePermission('trips.approve')
  returnTrip(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodBody(ReturnTripRequest) body: ReturnTripRequest,
  ) {
    return this.trips.returnTrip(actor, id, body);
  }

  @Post('trips/:id/cancel')
  @HttpCode(200)
  @RequirePermission('trips.manage')
  cancel(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodBody(TripVersionRequest) body: TripVersionRequest,
  ) {
    return this.trips.cancel(actor, id, body.version);
  }

  @Post('trips/:id/attendance')
  @HttpCode(200)
  @RequirePermission('trips.manage')
  attendance(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodBody(RecordAttendanceRequest) body: RecordAttendanceRequest,
  ) {
    return this.completion.recordAttendance(actor, id, body);
  }

  /** multipart/form-data with one `file`; `?kind=attendance_sheet|photo|receipt|other`. */
  @Post('trips/:id/evidence')
  @ApiConsumes('multipart/form-data')
  @RequirePermission('trips.manage')
  async evidence(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodQuery(EvidenceQuery) query: EvidenceQuery,
    @Req() request: FastifyRequest,
  ) {
    if (!request.isMultipart()) throw new DomainError('UNSUPPORTED_MEDIA_TYPE');
    const file = await request.file();
    if (!file) throw new DomainError('VALIDATION_FAILED', { file: { zh: '请选择文件', en: 'Choose a file' } });
    return this.completion.addEvidence(actor, id, query.kind, { filename: file.filename, stream: file.file });
  }

  @Get('trip-evidence/:id')
  @RequirePermission('trips.read')
  async openEvidence(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @Res() reply: FastifyReply,
  ) {
    const { evidence, stream, sizeBytes } = await this.completion.openEvidence(actor.user, id);
    return reply
      .header('content-type', evidence.mimeType)
      .header('content-length', sizeBytes)
      .header('content-disposition', contentDisposition(evidence.originalName, 'inline'))
      .send(stream);
  }

  /** The actual costs: one direct expenditure committed on the trip's line; completes the trip. */
  @Post('trips/:id/costs')
  @HttpCode(200)
  @RequirePermission('trips.manage')
  costs(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodBody(RecordTripCostsRequest) body: RecordTripCostsRequest,
  ) {
    return this.completion.recordCosts(actor, id, body);
  }
}
