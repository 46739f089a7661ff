import { Controller, Get, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import {
  CreatePaymentRequest,
  PaymentListQuery,
  RecordPaymentRequest,
  RejectPaymentRequest,
  ReversePaymentRequest,
} from '@xiaoshi/contracts';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedActor } from '../../common/actor.js';
import { CurrentActor, RequirePermission } from '../../common/route-access.decorator.js';
import { IdPipe, ZodBody, ZodQuery } from '../../common/validation.js';
import { PaymentsService } from './payments.service.js';

@ApiTags('payments')
@Controller()
export class PaymentsController {
  constructor(private readonly payments: PaymentsService) {}

  @Get('payments')
  @RequirePermission('payments.read')
  list(@CurrentActor() actor: AuthenticatedActor, @ZodQuery(PaymentListQuery) query: PaymentListQuery) {
    return this.payments.list(actor.user, query);
  }

  @Get('payments/:id')
  @RequirePermission('payments.read')
  get(@CurrentActor() actor: AuthenticatedActor, @Param('id', IdPipe) id: number) {
    return this.payments.get(actor.user, id);
  }

  /** A retried request with the same `Idempotency-Key` header (or body idempotencyKey) returns the first payment with 200. */
  @Post('payments')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @RequirePermission('payments.request')
  async request(
    @CurrentActor() actor: AuthenticatedActor,
    @ZodBody(CreatePaymentRequest) body: CreatePaymentRequest,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { created, payment } = await this.payments.request(actor, body, key);
    reply.status(created ? 201 : 200);
    return payment;
  }

  @Post('payments/:id/approve')
  @HttpCode(200)
  @RequirePermission('payments.approve')
  approve(@CurrentActor() actor: AuthenticatedActor, @Param('id', IdPipe) id: number) {
    return this.payments.approve(actor, id);
  }

  @Post('payments/:id/reject')
  @HttpCode(200)
  @RequirePermission('payments.approve')
  reject(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodBody(RejectPaymentRequest) body: RejectPaymentRequest,
  ) {
    return this.payments.reject(actor, id, body);
  }

  /** Same `Idempotency-Key` (header or body) as the recording attempt that succeeded → 200 with the payment; otherwise 409 once paid. */
  @Post('payments/:id/record')
  @HttpCode(200)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @RequirePermission('payments.record')
  record(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodBody(RecordPaymentRequest) body: RecordPaymentRequest,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    return this.payments.record(actor, id, body, key);
  }

  @Post('payments/:id/reverse')
  @HttpCode(200)
  @RequirePermission('payments.record')
  reverse(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('id', IdPipe) id: number,
    @ZodBody(ReversePaymentRequest) body: ReversePaymentRequest,
  ) {
    return this.payments.reverse(actor, id, body);
  }
}
