import { Injectable } from '@nestjs/common';
import type {
  CreatePaymentRequest,
  PaymentListQuery,
  PaymentView,
  RecordPaymentRequest,
  RejectPaymentRequest,
  ReversePaymentRequest,
} from '@xiaoshi/contracts';
import type { EntityManager } from 'typeorm';
import type { AuthUser, AuthenticatedActor } from '../../common/actor.js';
import { PaymentApprovalsService } from './payment-approvals.service.js';
import { PaymentRecordingService } from './payment-recording.service.js';
import { PaymentRequestsService, type RequestOutcome } from './payment-requests.service.js';

/**
 * The payments module as other modules see it (social organisations' tranches, study trips, the
 * demo seed): a payment's whole way — request, maker–checker approval, recording, reversal — in the
 * services of its seams.
 */
@Injectable()
export class PaymentsService {
  constructor(
    private readonly requests: PaymentRequestsService,
    private readonly approvals: PaymentApprovalsService,
    private readonly recording: PaymentRecordingService,
  ) {}

  list(user: AuthUser, query: PaymentListQuery): Promise<PaymentView[]> {
    return this.requests.list(user, query);
  }

  get(user: AuthUser, id: number, manager?: EntityManager): Promise<PaymentView> {
    return this.requests.get(user, id, manager);
  }

  request(
    actor: AuthenticatedActor,
    body: CreatePaymentRequest,
    headerKey?: string,
    outer?: EntityManager,
  ): Promise<RequestOutcome> {
    return this.requests.request(actor, body, headerKey, outer);
  }

  approve(actor: AuthenticatedActor, id: number, now?: Date): Promise<PaymentView> {
    return this.approvals.approve(actor, id, now);
  }

  reject(actor: AuthenticatedActor, id: number, body: RejectPaymentRequest): Promise<PaymentView> {
    return this.approvals.reject(actor, id, body);
  }

  record(
    actor: AuthenticatedActor,
    id: number,
    body: RecordPaymentRequest,
    headerKey?: string,
    now?: Date,
  ): Promise<PaymentView> {
    return this.recording.record(actor, id, body, headerKey, now);
  }

  reverse(actor: AuthenticatedActor, id: number, body: ReversePaymentRequest, now?: Date): Promise<PaymentView> {
    return this.recording.reverse(actor, id, body, now);
  }
}
