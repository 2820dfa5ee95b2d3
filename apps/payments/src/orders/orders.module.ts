import { Module } from '@nestjs/common';
import { DeliveryQueue } from '../notifications/outbound/delivery-queue.js';
import { OrderListingService } from './order-listing.service.js';
import { OrderStateService } from './order-state.service.js';
import { OrdersController } from './orders.controller.js';
import { OrdersService } from './orders.service.js';

@Module({
  controllers: [OrdersController],
  providers: [OrdersService, OrderListingService, OrderStateService, DeliveryQueue],
  exports: [OrdersService, OrderStateService],
})
export class OrdersModule {}
