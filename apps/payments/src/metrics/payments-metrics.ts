import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { DataSource } from 'typeorm';

const AGE_BUCKETS = [
  ['lt_15m', '0 minutes', '15 minutes'],
  ['15m_1h', '15 minutes', '1 hour'],
  ['1h_1d', '1 hour', '1 day'],
  ['gt_1d', '1 day', '100 years'],
] as const;

/**
 * The service's Prometheus metrics. One registry per app instance (not prom-client's global one), so
 * several instances can live in one process, as they do in the tests.
 */
@Injectable()
export class PaymentsMetrics {
  readonly registry = new Registry();

  readonly notificationsReceived = new Counter({
    name: 'payments_msp_notifications_total',
    help: 'Notifications received from MultiSafepay, by signature result and outcome',
    labelNames: ['signature', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly badSignatures = new Counter({
    name: 'payments_msp_bad_signatures_total',
    help: 'POST notifications whose Auth signature was invalid, missing or expired',
    labelNames: ['signature'] as const,
    registers: [this.registry],
  });

  readonly appliedChanges = new Counter({
    name: 'payments_order_changes_applied_total',
    help: 'Order state changes applied, by source and new status',
    labelNames: ['source', 'to_status'] as const,
    registers: [this.registry],
  });

  readonly stateWriteConflicts = new Counter({
    name: 'payments_order_state_write_conflicts_total',
    help: 'Lock-free state writes that found the order changed since it was read, and went through the row lock instead',
    registers: [this.registry],
  });

  readonly reconciliationCorrections = new Counter({
    name: 'payments_reconciliation_corrections_total',
    help: 'Changes found by reconciliation: each one is a notification MultiSafepay did not deliver',
    registers: [this.registry],
  });

  readonly reconciliationUnknownOrders = new Gauge({
    name: 'payments_reconciliation_unknown_orders',
    help: 'Transactions at MultiSafepay (last two days) with an order id this service never created',
    registers: [this.registry],
  });

  readonly timeToFinal = new Histogram({
    name: 'payments_order_time_to_final_seconds',
    help: 'Time from order creation to a final status',
    labelNames: ['status'] as const,
    buckets: [10, 60, 300, 900, 3600, 4 * 3600, 86400, 7 * 86400],
    registers: [this.registry],
  });

  readonly deliveries = new Counter({
    name: 'payments_deliveries_total',
    help: 'Delivery attempts of notifications to callers, by outcome (delivered, failed = will retry, dead)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  readonly deliveryLag = new Histogram({
    name: 'payments_delivery_lag_seconds',
    help: 'Time from an order change to its notification being accepted by the caller',
    buckets: [0.1, 0.5, 1, 5, 30, 120, 600, 3600, 6 * 3600, 86400],
    registers: [this.registry],
  });

  constructor(@InjectDataSource() db: DataSource) {
    new Gauge({
      name: 'payments_deliveries_dead',
      help: 'Notifications to callers that gave up (visible at GET /v1/json/notifications?status=dead, replayable)',
      registers: [this.registry],
      async collect() {
        const [row] = await db.query(`SELECT count(*)::int AS n FROM deliveries WHERE status = 'dead'`);
        this.set(row.n);
      },
    });
    collectDefaultMetrics({ register: this.registry, prefix: 'payments_' });
    new Gauge({
      name: 'payments_nonfinal_orders',
      help: 'Orders not yet in a final status, by age',
      labelNames: ['age'] as const,
      registers: [this.registry],
      async collect() {
        const rows: { age: string; n: string }[] = await db.query(
          `SELECT b.age, count(o.id) AS n
           FROM (VALUES ${AGE_BUCKETS.map((_, i) => `($${i * 3 + 1}, $${i * 3 + 2}::interval, $${i * 3 + 3}::interval)`).join(', ')}) AS b(age, lo, hi)
           LEFT JOIN orders o ON o.status NOT IN ('declined', 'cancelled', 'void', 'expired', 'refunded', 'chargedback')
             AND now() - o.created_at >= b.lo AND now() - o.created_at < b.hi
           GROUP BY b.age`,
          AGE_BUCKETS.flat(),
        );
        for (const r of rows) this.set({ age: r.age }, Number(r.n));
      },
    });
  }
}
