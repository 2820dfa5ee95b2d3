import { Order } from './entities/order.entity.js';

/** An `orders` row as Postgres returns it (RETURNING *), before TypeORM's mapping. */
export type OrderRow = Record<string, unknown>;

const num = (v: unknown): number => Number(v ?? 0);

/** Maps a raw row to the entity, for code that has the row already and should not read it again. */
export function orderFromRow(r: OrderRow): Order {
  return Object.assign(new Order(), {
    id: r.id, clientId: r.client_id, orderId: r.order_id, type: r.type, gateway: r.gateway, currency: String(r.currency).trim(),
    amount: num(r.amount), description: r.description, status: r.status, financialStatus: r.financial_status,
    transactionId: r.transaction_id, paymentUrl: r.payment_url, sessionId: r.session_id, customer: r.customer,
    customerId: r.customer_id, notificationUrl: r.notification_url, notificationMethod: r.notification_method,
    redirectUrl: r.redirect_url, cancelUrl: r.cancel_url, flexible3d: r.flexible_3d, requestHash: r.request_hash,
    request: r.request, createState: r.create_state, createResponse: r.create_response, mspSnapshot: r.msp_snapshot,
    amountRefunded: num(r.amount_refunded), mspModified: r.msp_modified, flags: r.flags, createdAt: r.created_at, updatedAt: r.updated_at,
  } as Partial<Order>);
}
