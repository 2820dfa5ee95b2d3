import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MspApiError, MultiSafepayClient } from '@app/multisafepay';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { PollingLoop } from '../common/jobs/polling-loop.js';
import { PaymentsMetrics } from '../metrics/payments-metrics.js';
import { OrderStateService } from '../orders/order-state.service.js';
import { OrdersService } from '../orders/orders.service.js';
import { FINAL_STATUSES, toOrderStatus } from '../orders/order-status.js';

export interface ReconciliationRun {
  synced: number;
  corrected: number;
  failed: number;
}

const FINAL_LIST = [...FINAL_STATUSES];
const TRANSACTIONS_CURSOR = 'msp_transactions';

/**
 * MSP retries a notification only three times. This job syncs every non-final order that has been quiet
 * for a while, with per-order back-off, and stops at final states. Several instances may run it: orders
 * are claimed with `FOR UPDATE SKIP LOCKED` and their next sync time is pushed forward in the same
 * statement, so each due order is fetched by one instance. The timer only wakes the job; all state is in
 * Postgres.
 */
@Injectable()
export class ReconciliationService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Reconciliation');
  // Jitter keeps several instances from waking in lock-step.
  private readonly loop = new PollingLoop('Reconciliation', () => this.runOnce(), () => this.config.reconciliation.intervalMs * (0.8 + Math.random() * 0.4));

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly msp: MultiSafepayClient,
    private readonly state: OrderStateService,
    private readonly orders: OrdersService,
    private readonly metrics: PaymentsMetrics,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.reconciliation.intervalMs > 0) this.loop.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }

  /** One pass: claim due orders, sync each from MSP, then look at MSP's transaction list. */
  async runOnce(): Promise<ReconciliationRun> {
    const run: ReconciliationRun = { synced: 0, corrected: 0, failed: 0 };
    const claimed = await this.claimDue();
    for (const { order_id: orderId, create_state: createState } of claimed) {
      if (this.loop.stopped) break;
      const outcome = await this.syncOne(orderId, createState === 'pending');
      run.synced += 1;
      if (outcome === 'corrected') run.corrected += 1;
      if (outcome === 'failed') run.failed += 1;
    }
    await this.walkTransactions().catch((e: unknown) => this.logger.warn(`Transaction walk failed: ${(e as Error).message}`));
    if (run.corrected) this.logger.log(`Corrected ${run.corrected} of ${run.synced} orders: MSP notifications that never arrived`);
    return run;
  }

  private async claimDue(): Promise<{ order_id: string; create_state: string }[]> {
    const { batchSize, afterSeconds, maxBackoffSeconds } = this.config.reconciliation;
    // TypeORM answers UPDATE with [rows, count].
    const [rows]: [{ order_id: string; create_state: string }[], number] = await this.db.query(
      `UPDATE orders SET sync_attempts = sync_attempts + 1,
         next_sync_at = now() + make_interval(secs => LEAST($2::float8, $3::float8 * power(2, sync_attempts)))
       WHERE id IN (
         SELECT id FROM orders WHERE next_sync_at <= now() AND status <> ALL($4::text[])
         ORDER BY next_sync_at LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING order_id, create_state`,
      [batchSize, maxBackoffSeconds, afterSeconds, FINAL_LIST],
    );
    return rows;
  }

  private async syncOne(orderId: string, pendingCreate: boolean): Promise<'corrected' | 'unchanged' | 'failed'> {
    try {
      const snapshot = await this.msp.getOrder(orderId);
      if (pendingCreate) await this.orders.settlePendingCreate(orderId, snapshot);
      const result = await this.state.applySnapshot(orderId, snapshot, { source: 'reconciliation' });
      if (result.outcome !== 'applied') return 'unchanged';
      this.metrics.reconciliationCorrections.inc();
      return 'corrected';
    } catch (e) {
      // Not at MSP: a create that never reached it. Back-off continues; the caller's retry can still resume it.
      if (!(e instanceof MspApiError && e.code === 1006)) this.logger.warn(`Sync of ${orderId} failed: ${(e as Error).name}`);
      return 'failed';
    }
  }

  /**
   * MSP's transaction list catches what per-order syncing cannot: orders whose state moved on while we
   * were not scheduled to look, and transactions we never created. Known orders that differ become due now.
   */
  private async walkTransactions(): Promise<void> {
    // One walk per interval across all instances: whoever moves the timestamp first walks.
    await this.db.query(`INSERT INTO sync_cursors (name, updated_at) VALUES ($1, 'epoch') ON CONFLICT DO NOTHING`, [TRANSACTIONS_CURSOR]);
    // TypeORM answers UPDATE with [rows, count].
    const [won]: [unknown[], number] = await this.db.query(
      `UPDATE sync_cursors SET updated_at = now() WHERE name = $1 AND updated_at <= now() - make_interval(secs => $2::float8 / 1000) RETURNING name`,
      [TRANSACTIONS_CURSOR, Math.max(this.config.reconciliation.intervalMs, 1000)],
    );
    if (!won.length) return;
    const since = new Date(Date.now() - 2 * 86400_000).toISOString().slice(0, 19);
    let after: string | undefined;
    let unknown = 0;
    for (let page = 0; page < 10; page++) {
      let list: Awaited<ReturnType<MultiSafepayClient['listTransactions']>>;
      try {
        list = await this.msp.listTransactions({ limit: 100, created_from: since, ...(after ? { after } : {}) });
      } catch (e) {
        if (e instanceof MspApiError) return;
        throw e;
      }
      const items = (list.data ?? []) as { order_id?: unknown; status?: unknown }[];
      const byOrder = new Map(items.filter((t) => t.order_id !== undefined).map((t) => [String(t.order_id), toOrderStatus(String(t.status))]));
      if (byOrder.size) {
        const rows: { order_id: string; status: string }[] = await this.db.query(
          `SELECT order_id, status FROM orders WHERE order_id = ANY($1::text[])`, [[...byOrder.keys()]]);
        const known = new Map(rows.map((r) => [r.order_id, r.status]));
        unknown += [...byOrder.keys()].filter((id) => !known.has(id)).length;
        const differing = rows.filter((r) => byOrder.get(r.order_id) && byOrder.get(r.order_id) !== r.status).map((r) => r.order_id);
        if (differing.length) {
          await this.db.query(
            `UPDATE orders SET next_sync_at = now() WHERE order_id = ANY($1::text[]) AND status <> ALL($2::text[])`, [differing, FINAL_LIST]);
        }
      }
      after = list.pager?.cursor?.after ?? undefined;
      if (!after || !items.length) break;
    }
    this.metrics.reconciliationUnknownOrders.set(unknown);
  }
}
