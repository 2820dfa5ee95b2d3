import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Order } from '../../orders/entities/order.entity.js';
import { toMspOrderView } from '../../orders/order-view.js';

/**
 * Writes outbound notifications to the caller. Called inside the transaction that changes the order, so the
 * delivery and the change commit (or roll back) together; the worker sends it later.
 */
@Injectable()
export class DeliveryQueue {
  async enqueueLocked(em: EntityManager, order: Order, eventId: string): Promise<void> {
    if (!order.notificationUrl) return;
    const method = order.notificationMethod === 'GET' ? 'GET' : 'POST';
    await em.query(
      `INSERT INTO deliveries (client_id, order_pk, order_id, event_id, target_url, method, payload, next_attempt_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, now())`,
      [order.clientId, order.id, order.orderId, eventId, order.notificationUrl, method,
        method === 'POST' ? JSON.stringify(toMspOrderView(order)) : null],
    );
  }
}
