import { Module } from '@nestjs/common';
import { OrdersModule } from '../orders/orders.module.js';
import { InboxController } from './inbound/inbox.controller.js';
import { InboundNotificationsService } from './inbound/inbound-notifications.service.js';
import { WebhookController } from './inbound/webhook.controller.js';
import { DeliveriesController } from './outbound/deliveries.controller.js';
import { DeliveriesService } from './outbound/deliveries.service.js';
import { DeliverySender } from './outbound/delivery-sender.js';
import { DeliveryWorker } from './outbound/delivery-worker.js';

/** MSP -> us (webhook, inbox, replay) and us -> callers (deliveries, retries). */
@Module({
  imports: [OrdersModule],
  controllers: [WebhookController, InboxController, DeliveriesController],
  providers: [InboundNotificationsService, DeliverySender, DeliveryWorker, DeliveriesService],
})
export class NotificationsModule {}
