import { Module } from '@nestjs/common';
import { BudgetsModule } from '../budgets/budgets.module.js';
import { DeliveryModule } from '../delivery/delivery.module.js';
import { PaymentDocumentsService } from './payment-documents.service.js';
import { PaymentsController } from './payments.controller.js';
import { PaymentRemindersRepository } from './payment-reminders.repository.js';
import { PaymentReminders } from './payment.reminders.js';
import { PaymentsFiguresRepository } from './payments-figures.repository.js';
import { PaymentsFiguresService } from './payments-figures.service.js';
import { PaymentsTodo } from './payments.todo.js';
import { PaymentsService } from './payments.service.js';

@Module({
  imports: [BudgetsModule, DeliveryModule],
  controllers: [PaymentsController],
  providers: [
    PaymentsService,
    PaymentDocumentsService,
    PaymentsFiguresRepository,
    PaymentsFiguresService,
    PaymentsTodo,
    PaymentReminders,
    PaymentRemindersRepository,
  ],
  exports: [PaymentsService, PaymentsFiguresService],
})
export class PaymentsModule {}
