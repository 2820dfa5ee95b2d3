import { ApiClient } from '../clients/api-client.entity.js';
import { OrderEvent } from '../orders/entities/order-event.entity.js';
import { Order } from '../orders/entities/order.entity.js';
import { InboundNotification } from '../notifications/inbound/inbound-notification.entity.js';

export const ENTITIES = [ApiClient, Order, OrderEvent, InboundNotification];
