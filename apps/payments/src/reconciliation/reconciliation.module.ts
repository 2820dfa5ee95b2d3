import { Module } from '@nestjs/common';
import { OrdersModule } from '../orders/orders.module.js';
import { ReconciliationService } from './reconciliation.service.js';

@Module({ imports: [OrdersModule], providers: [ReconciliationService], exports: [ReconciliationService] })
export class ReconciliationModule {}
