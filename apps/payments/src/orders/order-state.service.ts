import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { MspOrder } from '@app/multisafepay';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { mspTimeOrUndefined } from '../common/http/msp-time.js';
import { PaymentsMetrics } from '../metrics/payments-metrics.js';
import { CustomersService } from '../customers/customers.service.js';
import { DeliveryQueue } from '../notifications/outbound/delivery-queue.js';
import type { OrderEventSource } from './entities/order-event.entity.js';
import type { OrderStatus } from './order-status.js';
import { preparedQuery, preparedStatement } from '../database/prepared-query.js';
import { orderFromRow } from './order-row.js';
import { planStateChange, STATE_ROW_COLUMNS, type StateRow } from './state-change.js';

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

const READ_LOCKED = preparedStatement('state-read-locked', `SELECT ${STATE_ROW_COLUMNS} FROM orders o WHERE order_id = $1 FOR UPDATE`);

/**
 * The change, guarded by the row version read (xmin), with its history row, the caller's delivery and the inbox
 * outcome. Parameters: see OrderStateService.write.
 * The next sync moves only when it is due sooner than half the quiet period: a burst of changes then leaves
 * every indexed column alone, so Postgres can update the row in place (HOT) without new index entries.
 */
const WRITE_CHANGE = preparedStatement('state-write-change', `
  WITH u AS (
     UPDATE orders SET status = $2, financial_status = $3, msp_modified = $4::timestamp, msp_snapshot = $5::jsonb,
       transaction_id = $6, amount_refunded = $7, flags = $8::text[],
       next_sync_at = CASE WHEN $9::boolean THEN NULL
         WHEN next_sync_at BETWEEN now() + make_interval(secs => $10 / 2) AND now() + make_interval(secs => $10) THEN next_sync_at
         ELSE now() + make_interval(secs => $10) END,
       sync_attempts = 0,
       updated_at = $11
     WHERE id = $1 AND xmin = $12::text::xid RETURNING id, client_id, order_id),
   e AS (
     INSERT INTO order_events (order_pk, from_status, to_status, from_financial_status, to_financial_status, source,
       msp_modified, reason, inbound_notification_id)
     SELECT u.id, $13, $2, $14, $3, $15, $16::timestamp, $17, $18::bigint FROM u RETURNING id),
   d AS (
     INSERT INTO deliveries (client_id, order_pk, order_id, event_id, target_url, method, payload, next_attempt_at)
     SELECT u.client_id, u.id, u.order_id, e.id, $19::text, $20::text, $21::jsonb, now() FROM u, e WHERE $19::text IS NOT NULL),
   i AS (
     UPDATE inbound_notifications SET outcome = 'applied', error = NULL, processed_at = now(), attempts = attempts + 1
     WHERE id = $18::bigint AND EXISTS (SELECT 1 FROM e))
   SELECT id FROM e`);

/**
 * The single path by which an MSP order snapshot changes a stored order (create answers, refreshes,
 * notifications, reconciliation). Either under the order's row lock in a short transaction, or lock-free from a
 * row just read, with a guarded write that falls back to the lock when it loses a race. Never calls MSP.
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

  /** Refund statuses come from MSP's snapshot (`related_transactions` of type refund). */
  private refundsIn(snapshot: MspOrder): { transaction_id?: unknown; status?: unknown }[] {
    return (snapshot.related_transactions ?? []).filter((t) => t?.type === 'refund' && t.transaction_id !== undefined);
  }

  private async refundStatusesLocked(em: EntityManager, orderPk: string, snapshot: MspOrder): Promise<void> {
    for (const t of this.refundsIn(snapshot)) {
      await em.query(
        `UPDATE refunds SET status = $3, updated_at = now() WHERE order_pk = $1 AND msp_refund_id = $2 AND status <> $3
           AND $3 IN ('initialized', 'reserved', 'completed', 'declined', 'void')`,
        [orderPk, String(t.transaction_id), String(t.status)],
      );
    }
  }

  /** For callers already inside a transaction. Takes the order's row lock itself. */
  async applyLocked(em: EntityManager, orderId: string, snapshot: MspOrder, options: ApplyOptions): Promise<ApplyResult> {
    const rows = await preparedQuery<StateRow>(em, READ_LOCKED, [orderId]);
    const row = rows[0];
    if (!row) return { outcome: 'unknown_order' };
    await this.refundStatusesLocked(em, row.id, snapshot);
    const result = await this.write(em, row, snapshot, options);
    // The guard cannot fail under the row lock; if it ever did, rolling back beats writing blind.
    if (!result) throw new Error(`order ${orderId} changed under its row lock`);
    if (result.outcome === 'applied') await this.customers.saveTokenLocked(em, row.id, snapshot);
    return result;
  }

  /**
   * The lock-free path, for a row the caller has just read (the webhook reads it with its inbox insert): one
   * autocommitted statement writes the change if nobody changed the row since (its xmin). A lost race, or work
   * that needs the row lock (refund statuses, a card token), goes through the locked path instead.
   */
  async applyToRead(row: StateRow, snapshot: MspOrder, options: ApplyOptions): Promise<ApplyResult> {
    const needsLock = this.refundsIn(snapshot).length > 0 || Boolean((snapshot.payment_details as { recurring_id?: unknown } | undefined)?.recurring_id);
    const result = needsLock ? null : await this.write(this.db.manager, row, snapshot, options);
    if (result) {
      this.observe(result, options.source);
      return result;
    }
    if (!needsLock) this.metrics.stateWriteConflicts.inc();
    return this.applySnapshot(row.order_id, snapshot, options);
  }

  /**
   * Writes what the snapshot changes, guarded by the row version that was read; null when the guard failed.
   * The order, its history row, the caller's delivery and the inbox outcome go in one statement: a committed
   * change always has its delivery and a rolled-back one never does.
   */
  private async write(em: EntityManager, row: StateRow, snapshot: MspOrder, options: ApplyOptions): Promise<ApplyResult | null> {
    const change = planStateChange(row, snapshot, new Date());
    if (change.outcome === 'duplicate') {
      if (change.transactionId) {
        await em.query(`UPDATE orders SET transaction_id = $2 WHERE id = $1 AND transaction_id IS NULL`, [row.id, change.transactionId]);
      }
      return { outcome: 'duplicate' };
    }
    if (change.outcome !== 'applied') return { outcome: change.outcome, reason: change.reason };
    const { next, from, to, final, flag } = change;
    if (flag) this.logger.warn(`Order ${row.order_id}: ${from} -> ${to} flagged ${flag}`);
    const delivery = this.deliveries.draft(orderFromRow(next));
    const written = await preparedQuery<{ id: string }>(em, WRITE_CHANGE,
      [row.id, to, next.financial_status, next.msp_modified, JSON.stringify(next.msp_snapshot), next.transaction_id,
        next.amount_refunded, next.flags, final, this.resyncAfterSeconds, next.updated_at, row.version,
        from, row.financial_status, options.source, mspTimeOrUndefined(snapshot.modified) ?? null,
        [flag, options.reason].filter(Boolean).join('; ') || null, options.inboundNotificationId ?? null,
        delivery?.targetUrl ?? null, delivery?.method ?? null, delivery?.payload ?? null],
    );
    if (written.length === 0) return null;
    return { outcome: 'applied', change: { orderPk: row.id, from, to, final, ageSeconds: row.age_seconds, flag } };
  }
}
