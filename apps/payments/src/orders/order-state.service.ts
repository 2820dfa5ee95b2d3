import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { stripCardData, type MspOrder } from '@app/multisafepay';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { mspTimeOrUndefined } from '../common/http/msp-time.js';
import { PaymentsMetrics } from '../metrics/payments-metrics.js';
import { CustomersService } from '../customers/customers.service.js';
import { DeliveryQueue } from '../notifications/outbound/delivery-queue.js';
import type { OrderEventSource } from './entities/order-event.entity.js';
import { decideTransition, FINAL_STATUSES, toOrderStatus, type OrderStatus } from './order-status.js';
import { orderFromRow, type OrderRow } from './order-row.js';

export type ApplyOutcome = 'applied' | 'duplicate' | 'stale' | 'ignored' | 'unknown_order';

export interface ApplyResult {
  outcome: ApplyOutcome;
  reason?: string;
  /** Set when applied: what changed, for metrics and follow-up work after the commit. */
  change?: { orderPk: string; from: OrderStatus; to: OrderStatus; final: boolean; ageSeconds: number; flag?: string };
}

export interface ApplyOptions {
  source: OrderEventSource;
  /** The inbox row that caused this change, linked from the history row. */
  inboundNotificationId?: string;
  /** Why, for the history (e.g. the caller's action that led to it). */
  reason?: string;
}

interface LockedOrder {
  id: string;
  status: OrderStatus;
  financial_status: string | null;
  msp_modified: string | null;
  amount_refunded: string;
  age_seconds: number;
}

/**
 * The single path by which an MSP order snapshot changes a stored order (create answers, refreshes,
 * notifications, reconciliation). Runs under a row lock in a short transaction; never calls MSP.
 */
@Injectable()
export class OrderStateService {
  private readonly logger = new Logger(OrderStateService.name);
  private readonly resyncAfterSeconds: number;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly metrics: PaymentsMetrics,
    private readonly deliveries: DeliveryQueue,
    private readonly customers: CustomersService,
  ) {
    this.resyncAfterSeconds = config.reconciliation.afterSeconds;
  }

  async applySnapshot(orderId: string, snapshot: MspOrder, options: ApplyOptions): Promise<ApplyResult> {
    const result = await this.db.transaction((em) => this.applyLocked(em, orderId, snapshot, options));
    this.observe(result, options.source);
    return result;
  }

  /** Metrics are recorded after the commit, so a rolled-back change is never counted. */
  observe(result: ApplyResult, source: OrderEventSource): void {
    if (!result.change) return;
    this.metrics.appliedChanges.inc({ source, to_status: result.change.to });
    if (result.change.final) this.metrics.timeToFinal.observe({ status: result.change.to }, result.change.ageSeconds);
  }

  /** Nothing changed, but the PSP id may be news: MSP's create answer for redirect orders carries none. */
  private async duplicate(em: EntityManager, orderPk: string, snapshot: MspOrder): Promise<ApplyResult> {
    if (snapshot.transaction_id) {
      await em.query(`UPDATE orders SET transaction_id = $2 WHERE id = $1 AND transaction_id IS NULL`, [orderPk, String(snapshot.transaction_id)]);
    }
    return { outcome: 'duplicate' };
  }

  /** Refund statuses come from MSP's snapshot (`related_transactions` of type refund). */
  private async refundStatusesLocked(em: EntityManager, orderPk: string, snapshot: MspOrder): Promise<void> {
    const refunds = (snapshot.related_transactions ?? []).filter((t) => t?.type === 'refund' && t.transaction_id !== undefined);
    for (const t of refunds) {
      await em.query(
        `UPDATE refunds SET status = $3, updated_at = now() WHERE order_pk = $1 AND msp_refund_id = $2 AND status <> $3
           AND $3 IN ('initialized', 'reserved', 'completed', 'declined', 'void')`,
        [orderPk, String(t.transaction_id), String(t.status)],
      );
    }
  }

  /** For callers already inside a transaction. Takes the order's row lock itself. */
  async applyLocked(em: EntityManager, orderId: string, snapshot: MspOrder, options: ApplyOptions): Promise<ApplyResult> {
    const rows: LockedOrder[] = await em.query(
      `SELECT id, status, financial_status, msp_modified::text AS msp_modified, amount_refunded,
              extract(epoch FROM now() - created_at)::float8 AS age_seconds
       FROM orders WHERE order_id = $1 FOR UPDATE`,
      [orderId],
    );
    const order = rows[0];
    if (!order) return { outcome: 'unknown_order' };
    await this.refundStatusesLocked(em, order.id, snapshot);
    const to = toOrderStatus(snapshot.status as string | undefined);
    if (!to) return { outcome: 'ignored', reason: `unknown status ${String(snapshot.status)}` };

    const modified = mspTimeOrUndefined(snapshot.modified);
    const stored = order.msp_modified ? order.msp_modified.replace(' ', 'T') : null;
    // Same-format ISO timestamps compare correctly as text.
    if (modified && stored && modified < stored) return { outcome: 'stale', reason: `snapshot of ${modified} is older than ${stored}` };

    const decision = decideTransition(order.status, to, order.financial_status);
    const financial = typeof snapshot.financial_status === 'string' ? snapshot.financial_status.toLowerCase() : order.financial_status;
    if (decision.kind === 'illegal') return { outcome: 'ignored', reason: `transition ${order.status} -> ${to} is not allowed` };
    if (decision.kind === 'same' && financial === order.financial_status) return this.duplicate(em, order.id, snapshot);
    // Another partial refund is only news when the refunded amount moved.
    const refunded = typeof snapshot.amount_refunded === 'number' ? snapshot.amount_refunded : null;
    if (order.status === to && financial === order.financial_status && (refunded === null || Number(order.amount_refunded) === refunded)) {
      return this.duplicate(em, order.id, snapshot);
    }

    const flag = decision.kind === 'apply' ? decision.flag : undefined;
    if (flag) this.logger.warn(`Order ${orderId}: ${order.status} -> ${to} flagged ${flag}`);
    const final = FINAL_STATUSES.has(to);
    // TypeORM answers UPDATE with [rows, count]; the new row feeds the caller's notification without a re-read.
    const [[updated]]: [OrderRow[], number] = await em.query(
      `UPDATE orders SET status = $2, financial_status = $3, msp_modified = COALESCE($4::timestamp, msp_modified),
         msp_snapshot = $5, transaction_id = COALESCE(transaction_id, $6), amount_refunded = COALESCE($7, amount_refunded),
         flags = CASE WHEN $8::text IS NULL OR $8 = ANY(flags) THEN flags ELSE array_append(flags, $8) END,
         next_sync_at = CASE WHEN $9 THEN NULL ELSE now() + make_interval(secs => $10) END, sync_attempts = 0,
         updated_at = now()
       WHERE id = $1 RETURNING *`,
      [order.id, to, financial, modified ?? null, JSON.stringify(stripCardData(snapshot)), snapshot.transaction_id ?? null,
        refunded, flag ?? null, final, this.resyncAfterSeconds],
    );
    // One statement for the history row, the caller's delivery and the inbox outcome: same transaction, so a
    // committed change always has its delivery and a rolled-back one never does; fewer round trips under the lock.
    const delivery = this.deliveries.draft(orderFromRow(updated));
    await em.query(
      `WITH e AS (
         INSERT INTO order_events (order_pk, from_status, to_status, from_financial_status, to_financial_status, source,
           msp_modified, reason, inbound_notification_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7::timestamp, $8, $9::bigint) RETURNING id),
       d AS (
         INSERT INTO deliveries (client_id, order_pk, order_id, event_id, target_url, method, payload, next_attempt_at)
         SELECT $10::uuid, $1, $11::text, e.id, $12::text, $13::text, $14::jsonb, now() FROM e WHERE $12::text IS NOT NULL),
       i AS (
         UPDATE inbound_notifications SET outcome = 'applied', error = NULL, processed_at = now(), attempts = attempts + 1
         WHERE id = $9::bigint)
       SELECT id FROM e`,
      [order.id, order.status, to, order.financial_status, financial, options.source, modified ?? null,
        [flag, options.reason].filter(Boolean).join('; ') || null, options.inboundNotificationId ?? null,
        updated.client_id, updated.order_id, delivery?.targetUrl ?? null, delivery?.method ?? null, delivery?.payload ?? null],
    );
    await this.customers.saveTokenLocked(em, order.id, snapshot);
    return { outcome: 'applied', change: { orderPk: order.id, from: order.status, to, final, ageSeconds: order.age_seconds, flag } };
  }
}
