import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MultiSafepayClient, normaliseOrder, parseMspJson, verifyNotification, type MspOrder } from '@app/multisafepay';
import type { AuthenticatedClient } from '../../clients/api-clients.service.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { PaymentsMetrics } from '../../metrics/payments-metrics.js';
import { OrderStateService, type ApplyResult } from '../../orders/order-state.service.js';
import { STATE_ROW_COLUMNS, type StateRow } from '../../orders/state-change.js';
import { preparedQuery, preparedStatement } from '../../database/prepared-query.js';
import { OrdersService } from '../../orders/orders.service.js';
import { WEBHOOK_CONTENT_TYPE } from '../../bootstrap/fastify-envelope.js';
import { BadSignatureLimiter } from './bad-signature-limiter.js';
import { InboundNotification, type InboundOutcome, type SignatureResult } from './inbound-notification.entity.js';

export interface IncomingRequest {
  method: string;
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  rawBody: Buffer | undefined;
  sourceIp: string;
}

/** What MSP gets back: `OK` only once the change is committed; anything else makes MSP retry. */
export interface WebhookAnswer {
  status: number;
  text: string;
}

const STORE_AND_READ = preparedStatement('inbox-store-and-read', `
  WITH relaxed AS (SELECT set_config('synchronous_commit', 'off', true) AS setting),
  ins AS (
    INSERT INTO inbound_notifications (method, query, headers, body, source_ip, order_id, payload_type, signature)
    SELECT $1, $2, $3, $4, $5, $6, $7, $8 FROM relaxed RETURNING id)
  SELECT ins.id AS inbox_id, ${STATE_ROW_COLUMNS} FROM ins LEFT JOIN orders o ON o.order_id = $6`);

const KEPT_HEADERS = ['auth', 'user-agent', 'x-forwarded-for'];

interface Processable {
  id: string;
  /** The order as it was when the request arrived; null = no such order. */
  order: StateRow | null;
  orderId: string | null;
  payloadType: string | null;
  signature: SignatureResult;
  body: Buffer | null;
}

/**
 * MSP's webhook: store the raw request first, decide how far to trust it, then apply it through the one
 * state path. Only a valid signature makes the body a snapshot; anything else is a trigger to ask MSP.
 */
@Injectable()
export class InboundNotificationsService {
  private readonly logger = new Logger('MspWebhook');
  private readonly limiter: BadSignatureLimiter;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly msp: MultiSafepayClient,
    private readonly state: OrderStateService,
    private readonly orders: OrdersService,
    private readonly metrics: PaymentsMetrics,
  ) {
    this.limiter = new BadSignatureLimiter(config.webhook.badSignatureLimitPerMinute);
  }

  async receive(req: IncomingRequest): Promise<WebhookAnswer> {
    const auth = typeof req.headers.auth === 'string' ? req.headers.auth : undefined;
    const signature: SignatureResult = req.method === 'POST' ? this.verify(req.rawBody, auth, this.config.msp.notificationMaxAgeSeconds) : 'missing';
    const untrusted = req.method === 'POST' && signature !== 'valid';
    if (untrusted && this.limiter.isBlocked(req.sourceIp)) {
      this.metrics.badSignatures.inc({ signature });
      return { status: 429, text: 'Too many notifications with bad signatures' };
    }

    let stored: { id: string; order: StateRow | null };
    try {
      stored = await this.store(req, signature);
    } catch (e) {
      this.logger.error(`Could not store a notification (${(e as Error).message}); answering 503 so MSP retries`);
      return { status: 503, text: 'Temporarily unavailable' };
    }
    if (untrusted) {
      this.limiter.record(req.sourceIp);
      this.metrics.badSignatures.inc({ signature });
      // Never log the header or body: only what is needed to investigate.
      this.logger.warn(`Notification ${stored.id} for order ${req.query.transactionid ?? '?'} from ${req.sourceIp}: signature ${signature}; treated as a trigger`);
    }
    return this.process({
      id: stored.id, signature, body: req.rawBody ?? null, order: stored.order,
      orderId: req.query.transactionid ?? null, payloadType: req.query.payload_type ?? null,
    });
  }

  private verify(rawBody: Buffer | undefined, auth: string | undefined, maxAgeSeconds: number): SignatureResult {
    return verifyNotification({ apiKey: this.config.msp.apiKey, rawBody: rawBody ?? Buffer.alloc(0), auth, maxAgeSeconds });
  }

  private async store(req: IncomingRequest, signature: SignatureResult): Promise<{ id: string; order: StateRow | null }> {
    const headers: Record<string, string> = Object.fromEntries(
      KEPT_HEADERS.filter((h) => typeof req.headers[h] === 'string').map((h) => [h, req.headers[h] as string]),
    );
    const contentType = req.headers[WEBHOOK_CONTENT_TYPE];
    if (typeof contentType === 'string') headers['content-type'] = contentType;
    // One round trip: store, and read the order it is about (the lock-free state path starts from this read).
    // Asynchronous commit: the synchronous commit of the change that follows makes this row durable as well
    // (the WAL is one sequence), and MSP only hears OK after that; if we die first, MSP sends it again.
    const rows = await preparedQuery<StateRow & { inbox_id: string }>(this.db, STORE_AND_READ, [
      req.method, JSON.stringify(req.query), JSON.stringify(headers), req.rawBody ?? null, req.sourceIp,
      req.query.transactionid ?? null, req.query.payload_type ?? null, signature,
    ]);
    const { inbox_id: id, ...order } = rows[0];
    return { id, order: order.id ? (order as StateRow) : null };
  }

  private async process(n: Processable): Promise<WebhookAnswer> {
    if (!n.orderId) return this.finish(n, 'ignored', 'no transactionid in the query', { status: 400, text: 'Missing transactionid' });
    if (n.payloadType === 'pretransaction') return this.finish(n, 'ignored', 'pretransaction notification');
    if (!n.order) return this.finish(n, 'ignored', 'unknown order');

    let snapshot = n.signature === 'valid' ? this.snapshotFromBody(n) : undefined;
    if (!snapshot) {
      try {
        snapshot = await this.msp.getOrder(n.orderId);
      } catch (e) {
        return this.fail(n, `fetching the order from MSP failed: ${(e as Error).name}`);
      }
    }
    const options = { source: 'notification' as const, inboundNotificationId: n.id };
    let r: ApplyResult;
    try {
      if (n.order.create_state === 'pending') {
        // The order row changes here, so the state path has to start from a fresh read.
        await this.orders.settlePendingCreate(n.orderId, snapshot);
        r = await this.state.applySnapshot(n.orderId, snapshot, options);
      } else {
        r = await this.state.applyToRead(n.order, snapshot, options);
      }
    } catch (e) {
      return this.fail(n, `applying failed: ${(e as Error).message}`);
    }
    // An applied change recorded its inbox outcome in its own statement.
    if (r.outcome === 'applied') {
      this.metrics.notificationsReceived.inc({ signature: n.signature, outcome: 'applied' });
      return { status: 200, text: 'OK' };
    }
    return this.finish(n, r.outcome === 'unknown_order' ? 'ignored' : r.outcome, r.reason ?? null);
  }

  private snapshotFromBody(n: Processable): MspOrder | undefined {
    try {
      const order = normaliseOrder(parseMspJson(n.body?.toString('utf8') ?? ''));
      // A signed body about another order than the query names is not trusted as a snapshot of this one.
      return String(order.order_id) === n.orderId ? order : undefined;
    } catch {
      return undefined;
    }
  }

  private async finish(n: Processable, outcome: InboundOutcome, reason: string | null, answer: WebhookAnswer = { status: 200, text: 'OK' }): Promise<WebhookAnswer> {
    try {
      await this.db.query(
        `UPDATE inbound_notifications SET outcome = $2, error = $3, processed_at = now(), attempts = attempts + 1 WHERE id = $1`,
        [n.id, outcome, reason],
      );
    } catch {
      return { status: 503, text: 'Temporarily unavailable' };
    }
    this.metrics.notificationsReceived.inc({ signature: n.signature, outcome });
    return answer;
  }

  /** Transient failure: recorded when possible, answered non-2xx so MSP retries; nothing is lost. */
  private async fail(n: Processable, error: string): Promise<WebhookAnswer> {
    this.logger.warn(`Notification ${n.id} for order ${n.orderId}: ${error}; MSP will retry`);
    await this.db
      .query(`UPDATE inbound_notifications SET outcome = 'failed', error = $2, attempts = attempts + 1 WHERE id = $1`, [n.id, error])
      .catch(() => undefined);
    this.metrics.notificationsReceived.inc({ signature: n.signature, outcome: 'failed' });
    return { status: 503, text: 'Temporarily unavailable' };
  }

  async listForOrder(client: AuthenticatedClient, orderId: string): Promise<InboundNotification[]> {
    await this.orders.findOwned(client, orderId);
    return this.db.getRepository(InboundNotification).find({
      where: { orderId },
      order: { id: 'ASC' },
      select: { id: true, receivedAt: true, method: true, signature: true, outcome: true, payloadType: true, attempts: true, processedAt: true, error: true },
    });
  }

  /** Operator replay: process a stored request again. Its age no longer matters, its signature still does. */
  async replay(client: AuthenticatedClient, orderId: string, id: string): Promise<InboundNotification> {
    await this.orders.findOwned(client, orderId);
    const row = /^\d{1,18}$/.test(id) ? await this.db.getRepository(InboundNotification).findOneBy({ id, orderId }) : null;
    if (!row) throw new DomainError('not_found', `Notification ${id} of order "${orderId}" not found`);
    const signature = row.method === 'POST' ? this.verify(row.body ?? undefined, row.headers.auth, 0) : 'missing';
    const [order]: StateRow[] = await this.db.query(`SELECT ${STATE_ROW_COLUMNS} FROM orders o WHERE order_id = $1`, [orderId]);
    const answer = await this.process({
      id: row.id, orderId: row.orderId, payloadType: row.payloadType, signature: signature === 'valid' ? 'valid' : row.signature,
      body: row.body, order: order ?? null,
    });
    if (answer.status >= 500) throw new DomainError('unavailable', 'Replay failed for a transient reason; try again');
    return this.db.getRepository(InboundNotification).findOneByOrFail({ id });
  }
}
