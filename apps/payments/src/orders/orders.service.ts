import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  MspApiError, MultiSafepayClient, stripCardData, type CreateOrderRequestDto, type MspCreateOrderResult, type MspOrder,
} from '@app/multisafepay';
import type { AuthenticatedClient } from '../clients/api-clients.service.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DomainError } from '../common/errors/domain-error.js';
import { CustomersService } from '../customers/customers.service.js';
import { Order } from './entities/order.entity.js';
import { isDefinitiveRefusal, mspFailure } from './msp-failure.js';
import { OrderStateService } from './order-state.service.js';
import { toMspOrderView } from './order-view.js';
import { requestHash } from './request-hash.js';
import { preparedQuery, preparedStatement } from '../database/prepared-query.js';

const INSERT_PENDING = preparedStatement('create-insert-pending', `
   WITH relaxed AS (SELECT set_config('synchronous_commit', 'off', true)),
   o AS (
     INSERT INTO orders (client_id, order_id, type, gateway, currency, amount, description, status, financial_status,
       customer, notification_url, notification_method, redirect_url, cancel_url, flexible_3d, request_hash, request, create_state,
       next_sync_at, customer_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'initialized', 'initialized', $8, $9, $10, $11, $12, $13, $14, $15, 'pending',
       now() + make_interval(secs => $16), $17)
     ON CONFLICT (order_id) DO NOTHING
     RETURNING id),
   e AS (
     INSERT INTO order_events (order_pk, to_status, to_financial_status, source)
     SELECT id, 'initialized', 'initialized', 'api' FROM o)
   SELECT id FROM o, relaxed`);

const RECORD_CREATED = preparedStatement('create-record-answer', `
  UPDATE orders SET create_state = 'created', create_response = $2, payment_url = COALESCE($3, payment_url),
    session_id = COALESCE($4, session_id), transaction_id = COALESCE($5, transaction_id), updated_at = now()
  WHERE order_id = $1`);

const PENDING_NOTE = 'The order is recorded as pending; send the same request again to resume, or it will be settled by a sync.';

export interface OrderHistoryRow {
  id: string;
  from_status: string | null;
  to_status: string;
  from_financial_status: string | null;
  to_financial_status: string | null;
  source: string;
  msp_modified: string | null;
  reason: string | null;
  inbound_notification_id: string | null;
  created_at: string;
}

export interface CreateOrderOutcome {
  data: Record<string, unknown>;
}

@Injectable()
export class OrdersService {
  private readonly logger = new Logger(OrdersService.name);
  private readonly webhookUrl: string;
  private readonly resyncAfterSeconds: number;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly msp: MultiSafepayClient,
    private readonly state: OrderStateService,
    private readonly customers: CustomersService,
  ) {
    this.webhookUrl = `${config.http.publicUrl}/webhooks/multisafepay`;
    this.resyncAfterSeconds = config.reconciliation.afterSeconds;
  }

  /**
   * Insert (one statement, with the first history row), call MSP outside any transaction, record the answer.
   * A retry of the same request by the same caller replays the stored answer or resumes a pending create.
   */
  async create(client: AuthenticatedClient, dto: CreateOrderRequestDto): Promise<CreateOrderOutcome> {
    const full = JSON.parse(JSON.stringify(dto)) as Record<string, unknown>;
    const customer = await this.customers.resolveForOrder(client, full);
    delete full.customer_id;
    if (customer) full.customer = customer.customer;
    const stored = stripCardData(full);
    const hash = requestHash(stored);
    const orderId = String(dto.order_id);

    const inserted = await this.insertPending(client, dto, stored, hash, customer?.id ?? null);
    if (!inserted) {
      const existing = await this.db.getRepository(Order).findOne({
        where: { orderId },
        select: { id: true, clientId: true, requestHash: true, createState: true, createResponse: true },
      });
      if (!existing) throw new DomainError('unavailable', 'The order is being removed by a concurrent request; retry.');
      if (existing.clientId !== client.id || existing.requestHash !== hash) {
        throw new DomainError('order_id_conflict', `order_id "${orderId}" is already used for another order`);
      }
      if (existing.createState === 'created' && existing.createResponse) return { data: existing.createResponse };
    }

    const result = await this.callMsp(orderId, this.mspBody(full));
    return { data: await this.recordCreated(orderId, result) };
  }

  private mspBody(full: Record<string, unknown>): Record<string, unknown> {
    // MSP notifies *us*; the caller's own notification_url is kept on the order and served by us.
    const options = (full.payment_options ?? {}) as Record<string, unknown>;
    return { ...full, payment_options: { ...options, notification_url: this.webhookUrl, notification_method: 'POST' } };
  }

  private async insertPending(
    client: AuthenticatedClient, dto: CreateOrderRequestDto, stored: Record<string, unknown>, hash: string, customerId: string | null,
  ): Promise<boolean> {
    const options = dto.payment_options;
    // Asynchronous commit for this row: the UPDATE that records MSP's answer commits synchronously and so makes
    // it durable too; if we die before that, the caller never got an answer and its retry recreates it.
    const rows = await preparedQuery<{ id: string }>(this.db, INSERT_PENDING, [
      client.id, String(dto.order_id), dto.type ?? 'redirect', dto.gateway || null, dto.currency.toUpperCase(), dto.amount,
      dto.description, stored.customer ? JSON.stringify(stored.customer) : null,
      options?.notification_url || null, options?.notification_method || (options?.notification_url ? 'POST' : null),
      options?.redirect_url || null, options?.cancel_url || null,
      typeof dto.gateway_info?.flexible_3d === 'boolean' ? dto.gateway_info.flexible_3d : null,
      hash, JSON.stringify(stored), this.resyncAfterSeconds, customerId,
    ]);
    return rows.length > 0;
  }

  private async callMsp(orderId: string, body: Record<string, unknown>): Promise<MspCreateOrderResult> {
    try {
      return await this.msp.createOrder(body);
    } catch (e) {
      // 1006 on our own pending order: an earlier attempt reached MSP after all. Take MSP's record.
      if (e instanceof MspApiError && e.code === 1006) {
        try {
          const existing = await this.msp.getOrder(orderId);
          return { ...existing, order_id: orderId } as MspCreateOrderResult;
        } catch (inner) {
          throw mspFailure(inner, PENDING_NOTE);
        }
      }
      if (isDefinitiveRefusal(e)) {
        // MSP refused, so no order exists there: remove ours (history cascades) so nothing is half-written
        // and the caller can correct the request and reuse its order_id.
        await this.db.query(`DELETE FROM orders WHERE order_id = $1 AND create_state = 'pending'`, [orderId]);
        throw mspFailure(e);
      }
      this.logger.warn(`Create of order ${orderId} at MSP failed (${(e as Error).name}); left pending`);
      throw mspFailure(e, PENDING_NOTE);
    }
  }

  private async recordCreated(orderId: string, result: MspCreateOrderResult): Promise<Record<string, unknown>> {
    const answer = stripCardData(result) as Record<string, unknown>;
    const transactionId = result.transaction_id === undefined || result.transaction_id === null ? null : String(result.transaction_id);
    const hasState = typeof (result as MspOrder).status === 'string';
    const values = [orderId, JSON.stringify(answer), result.payment_url ?? null, result.session_id ?? null, transactionId];
    if (!hasState) {
      await preparedQuery(this.db, RECORD_CREATED, values);
    } else {
      // Direct orders come back with a status: record it through the one state path, atomically with the answer.
      const applied = await this.db.transaction(async (em) => {
        await preparedQuery(em, RECORD_CREATED, values);
        return this.state.applyLocked(em, orderId, result as MspOrder, { source: 'api' });
      });
      this.state.observe(applied, 'api');
    }
    return answer;
  }

  /** MSP evidently has the order (it told us about it): a create that timed out on our side is settled. */
  async settlePendingCreate(orderId: string, snapshot: MspOrder): Promise<void> {
    const transactionId = snapshot.transaction_id === undefined || snapshot.transaction_id === null ? null : String(snapshot.transaction_id);
    await this.db.query(
      `UPDATE orders SET create_state = 'created', transaction_id = COALESCE(transaction_id, $2) WHERE order_id = $1 AND create_state = 'pending'`,
      [orderId, transactionId],
    );
  }

  async findOwned(client: AuthenticatedClient, orderId: string): Promise<Order> {
    const order = await this.db.getRepository(Order).findOneBy({ orderId, clientId: client.id });
    // Another caller's order is indistinguishable from a missing one.
    if (!order) throw new DomainError('order_not_found', `Order "${orderId}" not found`);
    return order;
  }

  async get(client: AuthenticatedClient, orderId: string, refresh: boolean): Promise<Record<string, unknown>> {
    let order = await this.findOwned(client, orderId);
    if (refresh) {
      let snapshot: MspOrder;
      try {
        snapshot = await this.msp.getOrder(orderId);
      } catch (e) {
        throw mspFailure(e);
      }
      await this.state.applySnapshot(orderId, snapshot, { source: 'refresh' });
      order = await this.findOwned(client, orderId);
    }
    return toMspOrderView(order);
  }

  async history(client: AuthenticatedClient, orderId: string): Promise<OrderHistoryRow[]> {
    const order = await this.findOwned(client, orderId);
    // msp_modified as MSP wrote it (no zone), not shifted through a JS Date.
    return this.db.query(
      `SELECT id::text, from_status, to_status, from_financial_status, to_financial_status, source,
         to_char(msp_modified, 'YYYY-MM-DD"T"HH24:MI:SS') AS msp_modified, reason, inbound_notification_id::text,
         to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at
       FROM order_events WHERE order_pk = $1 ORDER BY id`,
      [order.id],
    );
  }

}
