import { Module } from '@nestjs/common';
import { BudgetsModule } from '../budgets/budgets.module.js';
import { DeliveryModule } from '../delivery/delivery.module.js';
import { PaymentDocumentsService } from './payment-documents.service.js';
import { PaymentsController } from './payments.controller.js';
import { PaymentsService } from './payments.service.js';

@Module({
  imports: [BudgetsModule, DeliveryModule],
  controllers: [PaymentsController],
  providers: [PaymentsService, PaymentDocumentsService],
  exports: [PaymentsService],
})
export class PaymentsModule {}
