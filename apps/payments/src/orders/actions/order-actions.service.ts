import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MultiSafepayClient, type MspOrder } from '@app/multisafepay';
import type { AuthenticatedClient } from '../../clients/api-clients.service.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { isDefinitiveRefusal, mspFailure } from '../msp-failure.js';
import { OrderStateService } from '../order-state.service.js';
import { OrdersService } from '../orders.service.js';
import type { CancelReservationDto, CaptureRequestDto, RefundRequestDto, UpdateOrderDto } from './action-bodies.dto.js';

const REFUNDABLE = ['completed', 'partial_refunded', 'shipped'];

export interface RefundRow {
  id: string;
  amount: string;
  currency: string;
  description: string | null;
  status: string;
  msp_refund_id: string | null;
  created_at: Date;
}

const refundView = (r: RefundRow) => ({
  id: r.id, refund_id: r.msp_refund_id, amount: Number(r.amount), currency: r.currency, description: r.description,
  status: r.status, created: r.created_at.toISOString(),
});

/** What a caller does after the payment: refund, cancel, ship, capture. Each is recorded in the history. */
@Injectable()
export class OrderActionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly msp: MultiSafepayClient,
    private readonly orders: OrdersService,
    private readonly state: OrderStateService,
  ) {}

  /**
   * The rules are checked and the refund reserved under the order's row lock, so two concurrent refunds can
   * never together exceed what was paid; MSP is called after the commit.
   */
  async refund(client: AuthenticatedClient, orderId: string, body: RefundRequestDto) {
    const order = await this.orders.findOwned(client, orderId);
    const refundId = await this.db.transaction(async (em) => {
      const [o]: { status: string; amount: string; currency: string }[] = await em.query(
        `SELECT status, amount, currency FROM orders WHERE id = $1 FOR UPDATE`, [order.id]);
      if (!REFUNDABLE.includes(o.status)) throw new DomainError('refund_refused', `Cannot refund an order in status ${o.status}`);
      if (body.currency.toUpperCase() !== o.currency.trim()) throw new DomainError('refund_refused', `Cannot refund in ${body.currency}: the order is in ${o.currency}`);
      const [{ reserved }]: { reserved: string }[] = await em.query(
        `SELECT COALESCE(sum(amount), 0) AS reserved FROM refunds WHERE order_pk = $1 AND status NOT IN ('failed', 'declined', 'void')`, [order.id]);
      const left = Number(o.amount) - Number(reserved);
      const amount = body.amount ?? left;
      if (amount < 1 || amount > left) throw new DomainError('refund_refused', `Cannot refund ${amount}: ${left} of ${o.amount} is left to refund`);
      const [row]: { id: string }[] = await em.query(
        `INSERT INTO refunds (order_pk, client_id, amount, currency, description, status) VALUES ($1, $2, $3, $4, $5, 'requested') RETURNING id`,
        [order.id, client.id, amount, o.currency.trim(), body.description ?? null]);
      return { id: row.id, amount };
    });
    let answer: Record<string, unknown>;
    try {
      answer = await this.msp.refundOrder(orderId, { currency: order.currency, amount: refundId.amount, description: body.description, refund_order_id: body.refund_order_id });
    } catch (e) {
      // Refused: the reservation is released. Unknown outcome: it stays reserved, so no second refund slips past.
      if (isDefinitiveRefusal(e)) await this.db.query(`UPDATE refunds SET status = 'failed', error = $2 WHERE id = $1`, [refundId.id, e.info]);
      throw mspFailure(e, 'The refund is recorded as requested; check the order before trying again.');
    }
    await this.db.query(`UPDATE refunds SET msp_refund_id = $2, status = 'initialized', updated_at = now() WHERE id = $1 AND status = 'requested'`,
      [refundId.id, answer.refund_id ?? null]);
    await this.sync(orderId, 'refund requested');
    const [row]: RefundRow[] = await this.db.query(`SELECT * FROM refunds WHERE id = $1`, [refundId.id]);
    return { transaction_id: answer.transaction_id ?? order.transactionId, order_id: orderId, ...refundView(row) };
  }

  async refunds(client: AuthenticatedClient, orderId: string) {
    const order = await this.orders.findOwned(client, orderId);
    const rows: RefundRow[] = await this.db.query(`SELECT * FROM refunds WHERE order_pk = $1 ORDER BY created_at, id`, [order.id]);
    return rows.map(refundView);
  }

  async update(client: AuthenticatedClient, orderId: string, body: UpdateOrderDto) {
    await this.orders.findOwned(client, orderId);
    const answer = await this.call(() => this.msp.updateOrder(orderId, body));
    await this.sync(orderId, body.status === 'cancelled' ? 'cancel requested' : 'shipped by the caller');
    return answer ?? {};
  }

  async capture(client: AuthenticatedClient, orderId: string, body: CaptureRequestDto) {
    await this.orders.findOwned(client, orderId);
    const answer = await this.call(() => this.msp.captureOrder(orderId, { new_order_status: 'completed', ...body }));
    await this.sync(orderId, 'capture requested');
    return answer;
  }

  async cancelReservation(client: AuthenticatedClient, orderId: string, body: CancelReservationDto) {
    await this.orders.findOwned(client, orderId);
    const answer = await this.call(() => this.msp.cancelReservation(orderId, body));
    await this.sync(orderId, 'reservation cancelled');
    return answer;
  }

  private async call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      throw mspFailure(e);
    }
  }

  /**
   * After MSP accepted an action: take its view of the order through the one state path, and record the
   * action itself in the history when it did not change the status (e.g. a refund still pending at MSP).
   */
  private async sync(orderId: string, action: string): Promise<void> {
    let snapshot: MspOrder | undefined;
    try {
      snapshot = await this.msp.getOrder(orderId);
    } catch {
      snapshot = undefined; // the notification or reconciliation will bring the change
    }
    const result = await this.db.transaction(async (em) => {
      const r = snapshot ? await this.state.applyLocked(em, orderId, snapshot, { source: 'api', reason: action }) : { outcome: 'duplicate' as const };
      if (r.outcome !== 'applied') {
        await em.query(
          `INSERT INTO order_events (order_pk, from_status, to_status, from_financial_status, to_financial_status, source, reason)
           SELECT id, status, status, financial_status, financial_status, 'api', $2 FROM orders WHERE order_id = $1`,
          [orderId, action]);
      }
      return r;
    });
    this.state.observe(result, 'api');
  }
}
