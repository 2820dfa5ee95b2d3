import { signNotification, stringifyMspJson } from '@app/multisafepay';
import { MSP_TEST_KEY, type Stack } from './stack.js';

export interface NotifyOptions {
  method?: 'POST' | 'GET';
  /** Sign with this key instead of the MSP key (a forgery). */
  key?: string;
  /** Unix seconds for the signature; default now. */
  timestamp?: number;
  signed?: boolean;
  query?: Record<string, string>;
}

/** Sends a notification to the service's webhook exactly as MSP does (API-NOTES §3). */
export async function notify(stack: Stack, orderId: string, snapshot: Record<string, unknown> | undefined, o: NotifyOptions = {}) {
  const timestamp = o.timestamp ?? Math.floor(Date.now() / 1000);
  const query = new URLSearchParams({ transactionid: orderId, timestamp: String(timestamp), ...o.query });
  const method = o.method ?? 'POST';
  const body = method === 'POST' && snapshot ? stringifyMspJson(snapshot) : undefined;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (body !== undefined && o.signed !== false) headers.auth = signNotification(o.key ?? MSP_TEST_KEY, body, timestamp);
  const res = await fetch(`${stack.url}/webhooks/multisafepay?${query}`, { method, headers, body });
  return { status: res.status, text: await res.text(), contentType: res.headers.get('content-type') };
}

/** The order as MSP has it right now, to build snapshots from. */
export async function mspOrder(stack: Stack, orderId: string): Promise<Record<string, any>> {
  const res = await fetch(`${stack.sandbox.apiBaseUrl}/orders/${encodeURIComponent(orderId)}`, { headers: { api_key: MSP_TEST_KEY } });
  const text = await res.text();
  // Keep the 16-digit transaction_id exact.
  return JSON.parse(text.replace(/"transaction_id":\s*(\d+)/g, '"transaction_id":"$1"')).data;
}

export async function events(stack: Stack, orderId: string) {
  const { rows } = await stack.db.query(
    `SELECT e.from_status, e.to_status, e.source, e.inbound_notification_id FROM order_events e JOIN orders o ON o.id = e.order_pk
     WHERE o.order_id = $1 ORDER BY e.id`, [orderId]);
  return rows;
}
