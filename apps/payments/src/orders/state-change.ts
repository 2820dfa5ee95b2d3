import { stripCardData, type MspOrder } from '@app/multisafepay';
import { mspTimeOrUndefined } from '../common/http/msp-time.js';
import { decideTransition, FINAL_STATUSES, toOrderStatus, type OrderStatus } from './order-status.js';
import type { OrderRow } from './order-row.js';

/**
 * An `orders` row as the state path reads it (STATE_ROW_COLUMNS), plus `version` (the row's xmin, which
 * Postgres changes on every update, so a write guarded by it fails if anyone changed the row in between) and
 * the order's age.
 */
export type StateRow = OrderRow & { id: string; order_id: string; status: OrderStatus; version: string; age_seconds: number };

/**
 * The select list that yields a StateRow from `orders o`: what deciding and the caller's notification need.
 * MSP's last snapshot (replaced by the new one), the stored create answer and most of the request are left
 * in the database: turning large jsonb values into text on every notification is measurable Postgres work.
 */
export const STATE_ROW_COLUMNS = `o.id, o.client_id, o.order_id, o.type, o.gateway, o.currency, o.amount, o.description, o.status,
  o.financial_status, o.transaction_id, o.payment_url, o.customer, o.notification_url, o.notification_method, o.create_state,
  o.amount_refunded, o.msp_modified, o.flags, o.created_at, o.updated_at,
  (SELECT jsonb_object_agg(key, value) FROM jsonb_each(o.request) WHERE key IN ('var1', 'var2', 'var3', 'custom_info')) AS request,
  o.xmin::text AS version, extract(epoch FROM now() - o.created_at)::float8 AS age_seconds`;

export type StateChange =
  | { outcome: 'stale' | 'ignored'; reason: string }
  /** Nothing changed; the PSP id may still be news (MSP's create answer for redirect orders carries none). */
  | { outcome: 'duplicate'; transactionId: string | null }
  | {
      outcome: 'applied';
      from: OrderStatus;
      to: OrderStatus;
      final: boolean;
      flag?: 'late_completed';
      /** The row as it is after the change: what is written, and what the caller's notification shows. */
      next: OrderRow;
    };

const text = (v: unknown): string | null => (v === undefined || v === null ? null : String(v));

/**
 * What an MSP snapshot does to a stored order, decided without touching the database: stale (older than what
 * we have), ignored (unknown status or an illegal transition), a duplicate, or the new row. `now` becomes
 * `updated_at`, which MSP's view shows as `modified`.
 */
export function planStateChange(row: StateRow, snapshot: MspOrder, now: Date): StateChange {
  const to = toOrderStatus(snapshot.status as string | undefined);
  if (!to) return { outcome: 'ignored', reason: `unknown status ${String(snapshot.status)}` };

  const modified = mspTimeOrUndefined(snapshot.modified);
  const stored = typeof row.msp_modified === 'string' ? row.msp_modified.replace(' ', 'T') : null;
  // Same-format ISO timestamps compare correctly as text.
  if (modified && stored && modified < stored) return { outcome: 'stale', reason: `snapshot of ${modified} is older than ${stored}` };

  const from = row.status;
  const fromFinancial = (row.financial_status as string | null) ?? null;
  const decision = decideTransition(from, to, fromFinancial);
  if (decision.kind === 'illegal') return { outcome: 'ignored', reason: `transition ${from} -> ${to} is not allowed` };
  const financial = typeof snapshot.financial_status === 'string' ? snapshot.financial_status.toLowerCase() : fromFinancial;
  const refunded = typeof snapshot.amount_refunded === 'number' ? snapshot.amount_refunded : null;
  const duplicate = { outcome: 'duplicate' as const, transactionId: row.transaction_id ? null : text(snapshot.transaction_id) };
  if (decision.kind === 'same' && financial === fromFinancial) return duplicate;
  // Another partial refund is only news when the refunded amount moved.
  if (from === to && financial === fromFinancial && (refunded === null || Number(row.amount_refunded) === refunded)) return duplicate;

  const flag = decision.kind === 'apply' ? decision.flag : undefined;
  const flags = (row.flags as string[] | null) ?? [];
  const next: OrderRow = {
    ...row,
    status: to,
    financial_status: financial,
    msp_modified: modified ?? stored,
    msp_snapshot: stripCardData(snapshot),
    transaction_id: row.transaction_id ?? text(snapshot.transaction_id),
    amount_refunded: refunded ?? row.amount_refunded,
    flags: flag && !flags.includes(flag) ? [...flags, flag] : flags,
    sync_attempts: 0,
    updated_at: now,
  };
  return { outcome: 'applied', from, to, final: FINAL_STATUSES.has(to), flag, next };
}
