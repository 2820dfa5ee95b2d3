import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { PollingLoop } from '../../common/jobs/polling-loop.js';
import { PaymentsMetrics } from '../../metrics/payments-metrics.js';
import { DeliverySender, type DeliveryToSend, type SendResult } from './delivery-sender.js';

interface ClaimedDelivery extends DeliveryToSend {
  attempts: number;
  age_seconds: number;
}

const CLAIM_COLUMNS = `d.id, d.client_id, c.name AS client_name, d.order_id, d.target_url, d.method, d.payload, d.attempts,
  extract(epoch FROM now() - d.created_at)::float8 AS age_seconds`;

/**
 * Sends due deliveries. Each instance claims a batch with `FOR UPDATE SKIP LOCKED` and, in the same
 * statement, leases it (next attempt pushed past the send timeout), so two instances never send the same
 * delivery at once, and a crash mid-send only means a retry after the lease: at-least-once.
 */
@Injectable()
export class DeliveryWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Deliveries');
  // A full batch means more may be due: go again at once.
  private readonly loop = new PollingLoop('Deliveries', () => this.runOnce(), (sent) => (sent ? 0 : this.config.delivery.pollMs));

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sender: DeliverySender,
    private readonly metrics: PaymentsMetrics,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.delivery.pollMs > 0) this.loop.start(0);
  }

  onApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }

  /** Claims and sends one batch; returns how many were sent. */
  async runOnce(batch = 20): Promise<number> {
    const lease = Math.ceil(this.config.delivery.timeoutMs / 1000) * 2 + 5;
    const [rows]: [ClaimedDelivery[], number] = await this.db.query(
      `UPDATE deliveries d SET attempts = d.attempts + 1, last_attempt_at = now(), next_attempt_at = now() + make_interval(secs => $2)
       FROM api_clients c
       WHERE c.id = d.client_id AND d.id IN (
         SELECT id FROM deliveries WHERE status IN ('pending', 'failed') AND next_attempt_at <= now()
         ORDER BY next_attempt_at, id LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING ${CLAIM_COLUMNS}`,
      [batch, lease],
    );
    await Promise.all(rows.map((d) => this.attempt(d)));
    return rows.length;
  }

  /** Manual retry: claim this one delivery (whatever its state) and send it now. False if another sender holds it. */
  async sendNow(id: string): Promise<boolean> {
    const lease = Math.ceil(this.config.delivery.timeoutMs / 1000) * 2 + 5;
    const [rows]: [ClaimedDelivery[], number] = await this.db.query(
      `UPDATE deliveries d SET attempts = d.attempts + 1, last_attempt_at = now(), next_attempt_at = now() + make_interval(secs => $2),
         status = CASE WHEN d.status = 'dead' THEN 'failed' ELSE d.status END
       FROM api_clients c
       WHERE c.id = d.client_id AND d.id IN (SELECT id FROM deliveries WHERE id = $1 FOR UPDATE SKIP LOCKED)
       RETURNING ${CLAIM_COLUMNS}`,
      [id, lease],
    );
    if (!rows.length) return false;
    // A manual retry gets a full retry window again.
    await this.attempt({ ...rows[0], age_seconds: 0 });
    return true;
  }

  private async attempt(d: ClaimedDelivery): Promise<void> {
    let result: SendResult;
    try {
      result = await this.sender.send(d);
    } catch (e) {
      result = { kind: 'retry', response: `error: ${(e as Error).name}` };
    }
    const { baseDelayMs, maxDelayMs, maxAgeSeconds } = this.config.delivery;
    if (result.kind === 'delivered') {
      const [rows]: [{ lag: number }[], number] = await this.db.query(
        `UPDATE deliveries SET status = 'delivered', delivered_at = now(), next_attempt_at = NULL, last_response = $2
         WHERE id = $1 RETURNING extract(epoch FROM now() - created_at)::float8 AS lag`,
        [d.id, result.response],
      );
      this.metrics.deliveries.inc({ outcome: 'delivered' });
      if (rows[0]) this.metrics.deliveryLag.observe(rows[0].lag);
      return;
    }
    // Exponential back-off with jitter; past the retry window (or never possible) it is dead.
    const delay = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, d.attempts - 1)) * (0.5 + Math.random() * 0.5);
    const dead = result.kind === 'refused' || d.age_seconds + delay / 1000 > maxAgeSeconds;
    await this.db.query(
      `UPDATE deliveries SET status = $2, last_response = $3,
         next_attempt_at = CASE WHEN $2 = 'dead' THEN NULL ELSE now() + make_interval(secs => $4::float8 / 1000) END
       WHERE id = $1`,
      [d.id, dead ? 'dead' : 'failed', result.response.slice(0, 500), delay],
    );
    this.metrics.deliveries.inc({ outcome: dead ? 'dead' : 'failed' });
    if (dead) this.logger.warn(`Delivery ${d.id} for order ${d.order_id} is dead after ${d.attempts} attempts: ${result.response.slice(0, 100)}`);
  }
}
