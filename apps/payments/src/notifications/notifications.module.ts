import { Module } from '@nestjs/common';
import { OrdersModule } from '../orders/orders.module.js';
import { InboxController } from './inbound/inbox.controller.js';
import { InboundNotificationsService } from './inbound/inbound-notifications.service.js';
import { WebhookController } from './inbound/webhook.controller.js';

@Module({
  imports: [OrdersModule],
  controllers: [WebhookController, InboxController],
  providers: [InboundNotificationsService],
})
export class NotificationsModule {}
