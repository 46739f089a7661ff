import { Module } from '@nestjs/common';
import { BudgetsModule } from '../budgets/budgets.module.js';
import { DeliveryModule } from '../delivery/delivery.module.js';
import { CertificatesService } from './certificates.service.js';
import { DossierRepository } from './dossier.repository.js';
import { DossierService } from './dossier.service.js';
import { LedgerViewsRepository } from './ledger-views.repository.js';
import { LedgerViewsService } from './ledger-views.service.js';
import { PaymentApprovalsService } from './payment-approvals.service.js';
import { PaymentDocumentsController } from './payment-documents.controller.js';
import { PaymentRecordingService } from './payment-recording.service.js';
import { PaymentRegisterService } from './payment-register.service.js';
import { PaymentRequestsService } from './payment-requests.service.js';
import { PaymentsController } from './payments.controller.js';
import { PaymentRemindersRepository } from './payment-reminders.repository.js';
import { PaymentReminders } from './payment.reminders.js';
import { PaymentsFiguresRepository } from './payments-figures.repository.js';
import { PaymentsFiguresService } from './payments-figures.service.js';
import { PaymentsRepository } from './payments.repository.js';
import { PaymentsTodo } from './payments.todo.js';
import { PaymentsService } from './payments.service.js';
import { VouchersService } from './vouchers.service.js';

/**
 * Payments (拨付): requests, maker–checker approval, recording and reversal; vouchers,
 * certificates, the register, the project dossier and the ledger dashboard.
 */
@Module({
  imports: [BudgetsModule, DeliveryModule],
  controllers: [PaymentsController, PaymentDocumentsController],
  providers: [
    PaymentsRepository,
    PaymentRequestsService,
    PaymentApprovalsService,
    PaymentRecordingService,
    PaymentsService,
    VouchersService,
    CertificatesService,
    PaymentRegisterService,
    DossierRepository,
    DossierService,
    LedgerViewsRepository,
    LedgerViewsService,
    PaymentsFiguresRepository,
    PaymentsFiguresService,
    PaymentsTodo,
    PaymentReminders,
    PaymentRemindersRepository,
  ],
  exports: [PaymentsService, PaymentsFiguresService],
})
export class PaymentsModule {}
