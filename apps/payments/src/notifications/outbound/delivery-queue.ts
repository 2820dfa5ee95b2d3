import { Injectable } from '@nestjs/common';
import type { Order } from '../../orders/entities/order.entity.js';
import { toMspOrderView } from '../../orders/order-view.js';

/** What to write to `deliveries` for a change; the state path inserts it in the change's own statement. */
export interface DeliveryDraft {
  targetUrl: string;
  method: 'POST' | 'GET';
  payload: string | null;
}

/**
 * Outbound notifications to the caller are written inside the transaction that changes the order, so the
 * delivery and the change commit (or roll back) together; the worker sends them later.
 */
@Injectable()
export class DeliveryQueue {
  draft(order: Order): DeliveryDraft | null {
    if (!order.notificationUrl) return null;
    const method = order.notificationMethod === 'GET' ? 'GET' : 'POST';
    return { targetUrl: order.notificationUrl, method, payload: method === 'POST' ? JSON.stringify(toMspOrderView(order)) : null };
  }
}
