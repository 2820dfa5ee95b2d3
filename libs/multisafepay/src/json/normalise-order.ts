import type { MspOrder } from '../wire/responses.js';

const idToString = (v: unknown): unknown => (typeof v === 'number' || typeof v === 'bigint' ? String(v) : v);

function stringifyKeys(o: unknown, keys: string[]): void {
  if (!o || typeof o !== 'object') return;
  const rec = o as Record<string, unknown>;
  for (const k of keys) if (k in rec && rec[k] !== null) rec[k] = idToString(rec[k]);
}

/**
 * MSP's payloads are loosely typed (ids as numbers or strings, last4 as 1111 or "1111"). Ids become strings
 * so they never lose precision or compare wrongly.
 */
export function normaliseOrder(raw: unknown): MspOrder {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new Error('An MSP order must be a JSON object');
  const order = raw as Record<string, unknown>;
  stringifyKeys(order, ['transaction_id', 'order_id']);
  stringifyKeys(order.payment_details, ['recurring_id', 'last4', 'card_expiry_date', 'external_transaction_id']);
  for (const list of ['related_transactions', 'costs', 'payment_methods'] as const) {
    const items = order[list];
    if (Array.isArray(items)) for (const item of items) stringifyKeys(item, ['transaction_id', 'last4', 'card_expiry_date', 'external_transaction_id']);
  }
  return order as MspOrder;
}
