import { toMspTime } from '../common/http/msp-time.js';
import type { Order } from './entities/order.entity.js';

/** Fields of MSP's last snapshot that we show as MSP does; our own columns win for everything we track. */
const SNAPSHOT_FIELDS = [
  'payment_details', 'payment_methods', 'costs', 'related_transactions', 'reason', 'reason_code',
  'completed', 'fastcheckout', 'custom_info', 'var1', 'var2', 'var3', 'items',
] as const;

/** The stored order in MSP's GET /orders/{id} shape (API-NOTES §1.4). */
export function toMspOrderView(order: Order): Record<string, unknown> {
  const snapshot = order.mspSnapshot ?? {};
  const request = order.request ?? {};
  const view: Record<string, unknown> = {};
  for (const f of SNAPSHOT_FIELDS) {
    if (snapshot[f] !== undefined) view[f] = snapshot[f];
    else if ((f === 'var1' || f === 'var2' || f === 'var3' || f === 'custom_info') && request[f] !== undefined) view[f] = request[f];
  }
  return {
    transaction_id: order.transactionId,
    order_id: order.orderId,
    type: order.type,
    gateway: order.gateway,
    created: toMspTime(order.createdAt),
    modified: toMspTime(order.updatedAt),
    currency: order.currency,
    amount: order.amount,
    amount_refunded: order.amountRefunded,
    description: order.description,
    status: order.status,
    financial_status: order.financialStatus,
    customer: order.customer,
    payment_url: order.paymentUrl,
    ...view,
    related_transactions: view.related_transactions ?? null,
    flags: order.flags,
  };
}
