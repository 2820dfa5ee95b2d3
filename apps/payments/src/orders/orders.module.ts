import { Module } from '@nestjs/common';
import { DeliveryQueue } from '../notifications/outbound/delivery-queue.js';
import { OrderActionsController } from './actions/order-actions.controller.js';
import { OrderActionsService } from './actions/order-actions.service.js';
import { OrderListingService } from './order-listing.service.js';
import { OrderStateService } from './order-state.service.js';
import { OrdersController } from './orders.controller.js';
import { OrdersService } from './orders.service.js';

@Module({
  controllers: [OrdersController, OrderActionsController],
  providers: [OrdersService, OrderListingService, OrderStateService, DeliveryQueue, OrderActionsService],
  exports: [OrdersService, OrderStateService],
})
export class OrdersModule {}
