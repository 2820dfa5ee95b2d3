import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { minorUnitExponent, stripCardData, validateCreateOrderRequest, type CreateOrderRequestDto } from '@app/multisafepay';
import { MspSandboxError } from '../common/msp-answer.js';
import { SANDBOX_OPTIONS, type SandboxOptions } from '../sandbox-options.js';
import { mspTime, SandboxClock } from '../store/clock.js';
import { toMspOrder } from '../store/msp-order-view.js';
import type { SandboxOrder } from '../store/sandbox-order.js';
import { SandboxStore } from '../store/sandbox-store.js';
import { PAYABLE } from './gateway-catalogue.js';
import { CARD_GATEWAYS, cardBehaviour, type CardBehaviour } from './test-cards.js';

export interface CardInput {
  number: string;
  expiry: string;
  holder?: string;
}

/** What the customer does next after submitting a card. */
export type CardStep = { next: 'challenge' } | { next: 'done'; order: SandboxOrder } | { next: 'error'; message: string };

const FINAL = new Set(['declined', 'cancelled', 'void', 'expired', 'refunded', 'chargedback']);

/** MSP's order lifecycle, simulated: create, pay (card with 3-D Secure, iDEAL), expire, cancel, ship, refund, capture. */
@Injectable()
export class SandboxOrdersService implements OnModuleDestroy {
  private readonly due: { orderId: string; at: number; action: (o: SandboxOrder) => void }[] = [];
  private readonly sweeper: NodeJS.Timeout;
  /** Cards entered on the page, waiting for the 3-D Secure answer; kept in memory only, never in the order. */
  private readonly pendingCards = new Map<string, CardBehaviour & { last4: string; expiry: string }>();

  constructor(
    private readonly store: SandboxStore,
    private readonly clock: SandboxClock,
    @Inject(SANDBOX_OPTIONS) private readonly options: SandboxOptions,
  ) {
    this.sweeper = setInterval(() => this.sweep(), 100);
    this.sweeper.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
  }

  create(body: unknown): Record<string, unknown> {
    const result = validateCreateOrderRequest(body);
    if (!result.ok) throw new MspSandboxError(result.error.error_code, result.error.error_info, 400);
    const dto = result.value;
    if (this.store.get(dto.order_id)) throw new MspSandboxError(1006, 'Invalid order ID: already used', 409);
    const gateway = dto.gateway?.toUpperCase() ?? null;
    if (gateway && !PAYABLE.has(gateway)) throw new MspSandboxError(1023, `Gateway ${gateway} is not activated for this website`, 400);
    const type = dto.type ?? 'redirect';
    const card = dto.gateway_info?.card_number ? this.cardFrom(dto) : undefined;
    if (type === 'direct' && gateway && CARD_GATEWAYS.has(gateway) && !card && !dto.recurring_id) {
      throw new MspSandboxError(1016, 'Missing data: gateway_info.card_number is required for a direct card order', 400);
    }
    const order = this.newOrder(dto, gateway, type);
    this.store.add(order);
    if (type === 'direct' && card) this.startCard(order, card);
    if (type === 'direct' && dto.recurring_id) this.payRecurring(order, dto.recurring_id);
    return type === 'direct'
      ? { ...toMspOrder(order), payment_url: order.payment_url }
      : { order_id: order.order_id, payment_url: order.payment_url, session_id: order.session_id };
  }

  private cardFrom(dto: CreateOrderRequestDto): CardInput {
    return { number: dto.gateway_info!.card_number!, expiry: dto.gateway_info!.card_expiry_date ?? '', holder: dto.gateway_info!.card_holder_name };
  }

  private newOrder(dto: CreateOrderRequestDto, gateway: string | null, type: string): SandboxOrder {
    const now = this.clock.now();
    const lifetime = dto.seconds_active ?? (dto.days_active ?? 30) * 86400;
    const sessionId = this.store.newSessionId();
    const locale = dto.customer?.locale ?? 'en_US';
    const plain = JSON.parse(JSON.stringify(dto)) as Record<string, unknown>;
    return {
      order_id: dto.order_id, transaction_id: this.store.nextTransactionId(), session_id: sessionId,
      payment_url: `${this.options.publicUrl}/connect/${sessionId}/?lang=${locale}`,
      type, gateway, currency: dto.currency, amount: dto.amount, amount_refunded: 0, description: dto.description,
      status: 'initialized', financial_status: 'initialized', reason: '', reason_code: '',
      created: now, modified: now, completed: null, expires_at: new Date(now.getTime() + lifetime * 1000),
      customer: (plain.customer as Record<string, unknown>) ?? {}, payment_options: (plain.payment_options as Record<string, unknown>) ?? {},
      flexible_3d: dto.gateway_info?.flexible_3d, request: stripCardData(plain), card: null,
      payment_details: { type: gateway ?? null, account_holder_name: null, recurring_id: null, recurring_model: dto.recurring_model ?? null },
      related_transactions: [], manual_capture: dto.capture === 'manual',
    };
  }

  get(orderId: string): SandboxOrder {
    const order = this.store.get(orderId);
    if (!order) throw new MspSandboxError(1006, 'Invalid transaction ID', 404);
    this.expireIfDue(order);
    return order;
  }

  bySession(sessionId: string): SandboxOrder | undefined {
    const order = this.store.bySessionId(sessionId);
    if (order) this.expireIfDue(order);
    return order;
  }

  private expireIfDue(order: SandboxOrder): void {
    if (order.status === 'initialized' && this.clock.now() >= order.expires_at) this.store.setStatus(order, 'expired');
  }

  /** Card form submitted (page or direct API): decide on 3-D Secure, or settle right away. */
  startCard(order: SandboxOrder, card: CardInput): CardStep {
    const behaviour = cardBehaviour(card.number);
    if (!behaviour) return { next: 'error', message: 'This card number is not valid. Check the number and try again.' };
    const digits = card.number.replace(/\s+/g, '');
    const pending = { ...behaviour, last4: digits.slice(-4), expiry: card.expiry };
    const challenge = order.flexible_3d ?? behaviour.enrolled;
    if (challenge) {
      this.pendingCards.set(order.order_id, pending);
      return { next: 'challenge' };
    }
    this.settleCard(order, pending, 'skipped');
    return { next: 'done', order };
  }

  /** The 3-D Secure page's answer. */
  answerChallenge(order: SandboxOrder, authenticated: boolean): SandboxOrder {
    const pending = this.pendingCards.get(order.order_id);
    if (!pending) throw new MspSandboxError(1000, 'No card is waiting for 3-D Secure on this order', 404);
    this.pendingCards.delete(order.order_id);
    this.settleCard(order, pending, authenticated ? 'Y' : 'N');
    return order;
  }

  private settleCard(order: SandboxOrder, card: CardBehaviour & { last4: string; expiry: string }, auth: 'Y' | 'N' | 'skipped'): void {
    order.card = { last4: card.last4, expiry: card.expiry, brand: card.brand };
    const authenticated = auth === 'Y' && card.outcome !== 'declined_3ds';
    order.payment_details = {
      ...order.payment_details, type: card.brand, last4: card.last4, card_expiry_date: card.expiry,
      card_authentication_result: auth === 'skipped'
        ? { status: 'U', eci: '07', version: null, transaction_status_reason: 'not enrolled / skipped' }
        : { status: authenticated ? 'Y' : 'N', eci: authenticated ? '05' : '07', version: '2.2.0' },
      card_authentication_details: { flow: auth === 'skipped' ? 'frictionless' : 'challenge' },
      ...(order.request.recurring_model ? { recurring_id: `${order.transaction_id}${card.last4}`, recurring_model: order.request.recurring_model } : {}),
    };
    if (auth === 'N' || card.outcome === 'declined_3ds') {
      this.store.setStatus(order, 'declined', 'declined', { reason: 'Card authentication failed', reason_code: '3001' });
    } else if (card.outcome === 'declined_funds') {
      this.store.setStatus(order, 'declined', 'declined', { reason: 'Insufficient funds', reason_code: '4002' });
    } else if (card.outcome === 'uncleared_then_void' || card.outcome === 'uncleared_then_completed') {
      this.store.setStatus(order, 'uncleared', 'uncleared');
      const settleTo = card.outcome === 'uncleared_then_void' ? 'void' : 'completed';
      this.schedule(order.order_id, this.options.unclearedSettleMs, (o) => {
        if (o.status === 'uncleared') this.store.setStatus(o, settleTo, settleTo === 'void' ? 'void' : 'completed');
      });
    } else {
      this.store.setStatus(order, 'completed', order.manual_capture ? 'initialized' : 'completed');
    }
  }

  private payRecurring(order: SandboxOrder, token: string): void {
    order.payment_details = { ...order.payment_details, recurring_id: token, recurring_model: order.request.recurring_model ?? null };
    this.store.setStatus(order, 'completed', 'completed');
  }

  /** iDEAL (and other redirect methods): the test platform's four scenarios (API-NOTES §5.3). */
  payScenario(order: SandboxOrder, scenario: 'success' | 'failure' | 'cancelled' | 'expired', method: string): SandboxOrder {
    order.payment_details = { ...order.payment_details, type: method, account_holder_name: 'Test bank customer', issuer_id: '3151' };
    const to = { success: ['completed', 'completed'], failure: ['declined', 'declined'], cancelled: ['void', 'cancelled'], expired: ['expired', 'expired'] }[scenario];
    this.store.setStatus(order, to[0], to[1]);
    return order;
  }

  /** The customer pressed cancel on the payment page. */
  cancelByCustomer(order: SandboxOrder): void {
    if (order.status === 'initialized') this.store.setStatus(order, 'void', 'cancelled');
  }

  list(query: Record<string, string>): { data: SandboxOrder[]; pager: Record<string, unknown> } {
    const limit = Math.min(Math.max(Number(query.limit) || 25, 1), 100);
    let orders = this.store.all().sort((a, b) => b.created.getTime() - a.created.getTime() || (b.transaction_id > a.transaction_id ? 1 : -1));
    for (const o of orders) this.expireIfDue(o);
    if (query.status) orders = orders.filter((o) => o.status === query.status);
    if (query.financial_status) orders = orders.filter((o) => o.financial_status === query.financial_status);
    if (query.created_from) orders = orders.filter((o) => mspTime(o.created) >= query.created_from.slice(0, 19));
    if (query.created_until) orders = orders.filter((o) => mspTime(o.created) < query.created_until.slice(0, 19));
    if (query.payment_method) orders = orders.filter((o) => String(o.payment_details.type) === query.payment_method);
    const start = query.after ? orders.findIndex((o) => String(o.transaction_id) === query.after) + 1 : 0;
    const page = orders.slice(start, start + limit);
    const more = start + limit < orders.length;
    const after = more ? String(page[page.length - 1].transaction_id) : null;
    const before = start > 0 && page.length ? String(page[0].transaction_id) : null;
    return { data: page, pager: { after: after && `${this.options.publicUrl}/v1/json/transactions?after=${after}&limit=${limit}`, before: before && `${this.options.publicUrl}/v1/json/transactions?before=${before}&limit=${limit}`, cursor: { after, before }, limit } };
  }

  update(orderId: string, body: Record<string, unknown>): Record<string, unknown> {
    const order = this.get(orderId);
    if (body.status === 'cancelled') {
      if (order.status !== 'initialized') throw new MspSandboxError(1000, `Cannot cancel an order in status ${order.status}`, 410);
      this.store.setStatus(order, 'void', 'cancelled');
      return {};
    }
    if (body.status === 'shipped') {
      if (!['completed', 'uncleared'].includes(order.status)) throw new MspSandboxError(1000, `Cannot ship an order in status ${order.status}`, 410);
      order.request = { ...order.request, shipping: stripCardData(body) };
      this.store.setStatus(order, 'shipped', order.financial_status);
      // A partial shipment (Pay After Delivery / E-Invoicing) becomes an order of its own at MSP.
      if (body.amount !== undefined && body.amount !== '') {
        return { order_id: `${order.order_id}-shipment-${order.related_transactions.length + 1}`, transaction_id: this.store.nextTransactionId() };
      }
      return body.invoice_id ? { invoice_url: `${this.options.publicUrl}/invoices/${encodeURIComponent(String(body.invoice_id))}` } : {};
    }
    if (body.extend_expiration || body.invoice_id || body.new_order_id) return {};
    throw new MspSandboxError(1016, 'Missing data: status must be cancelled or shipped', 400);
  }

  refund(orderId: string, body: Record<string, unknown>): Record<string, unknown> {
    const order = this.get(orderId);
    if (!['completed', 'partial_refunded', 'shipped'].includes(order.status)) {
      throw new MspSandboxError(1034, `Cannot refund an order in status ${order.status}`, 400);
    }
    const currency = typeof body.currency === 'string' ? body.currency.toUpperCase() : order.currency;
    if (currency !== order.currency) throw new MspSandboxError(1034, `Cannot refund: currency must be ${order.currency}`, 400);
    const remaining = order.amount - order.amount_refunded;
    const bnpl = this.bnplRefundAmount(body, order.currency);
    const amount = bnpl ?? (body.amount === undefined || body.amount === '' || body.amount === 0 || body.amount === null ? remaining : body.amount);
    if (!Number.isInteger(amount) || (amount as number) < 1) throw new MspSandboxError(1001, 'Invalid amount', 400);
    if ((amount as number) > remaining) throw new MspSandboxError(1034, `Cannot refund ${amount}: only ${remaining} is left to refund`, 400);
    const fiveMinutesAgo = this.clock.now().getTime() - 5 * 60_000;
    if (order.related_transactions.some((t) => t.type === 'refund' && t.amount === amount && Date.parse(`${t.created}Z`) >= fiveMinutesAgo)) {
      throw new MspSandboxError(1034, 'Cannot refund: a refund of the same amount was made less than 5 minutes ago', 400);
    }
    const refundId = this.store.nextTransactionId();
    const now = mspTime(this.clock.now());
    order.related_transactions.push({
      transaction_id: refundId, order_id: order.order_id, refund_order_id: typeof body.refund_order_id === 'string' ? body.refund_order_id : order.order_id,
      type: 'refund', status: 'completed', amount: amount as number, currency, description: typeof body.description === 'string' ? body.description : undefined,
      created: now, modified: now,
    });
    order.amount_refunded += amount as number;
    const full = order.amount_refunded >= order.amount;
    this.store.setStatus(order, full ? 'refunded' : 'partial_refunded', order.financial_status, { amount_refunded: order.amount_refunded });
    return { transaction_id: order.transaction_id, refund_id: refundId };
  }

  /** BNPL refunds list the cart with negative lines for what goes back (API-NOTES §1.6). */
  private bnplRefundAmount(body: Record<string, unknown>, currency: string): number | undefined {
    const items = (body.checkout_data as { items?: { unit_price?: unknown; quantity?: unknown }[] } | undefined)?.items;
    if (!Array.isArray(items)) return undefined;
    const negative = items
      .map((i) => Number(i.unit_price) * Number(i.quantity ?? 1))
      .filter((v) => Number.isFinite(v) && v < 0)
      .reduce((sum, v) => sum - v, 0);
    return Math.round(negative * 10 ** minorUnitExponent(currency));
  }

  capture(orderId: string, body: Record<string, unknown>): Record<string, unknown> {
    const order = this.get(orderId);
    if (!(order.manual_capture && order.status === 'completed' && order.financial_status === 'initialized')) {
      throw new MspSandboxError(1000, 'Nothing to capture on this order', 400);
    }
    const amount = typeof body.amount === 'number' ? body.amount : order.amount;
    if (!Number.isInteger(amount) || amount < 1 || amount > order.amount) throw new MspSandboxError(1001, 'Invalid amount', 400);
    const id = this.store.nextTransactionId();
    const now = mspTime(this.clock.now());
    const newOrderId = typeof body.new_order_id === 'string' ? body.new_order_id : `${order.order_id}-capture`;
    order.related_transactions.push({ transaction_id: id, order_id: newOrderId, type: 'capture', status: 'completed', amount, currency: order.currency, created: now, modified: now });
    this.store.setStatus(order, 'completed', 'completed');
    return { transaction_id: id, order_id: newOrderId };
  }

  cancelReservation(orderId: string, body: Record<string, unknown>): Record<string, unknown> {
    const order = this.get(orderId);
    if (body.status !== 'cancelled') throw new MspSandboxError(1016, 'Missing data: status must be cancelled', 400);
    if (!(order.manual_capture && order.financial_status === 'initialized' && order.status === 'completed')) {
      throw new MspSandboxError(1000, 'No reservation to cancel on this order', 400);
    }
    this.store.setStatus(order, 'void', 'void');
    return { transaction_id: order.transaction_id, order_id: order.order_id, success: true };
  }

  /** Control API: put an order in any state (a test stands in for a bank, a chargeback, a merchant action). */
  force(orderId: string, status: string, financial?: string, extra: { amount_refunded?: number; reason?: string } = {}): SandboxOrder {
    const order = this.get(orderId);
    const given = Object.fromEntries(Object.entries(extra).filter(([, v]) => v !== undefined));
    this.store.setStatus(order, status, financial ?? (['refunded', 'partial_refunded', 'shipped'].includes(status) ? order.financial_status : status), given);
    return order;
  }

  expire(orderId: string): SandboxOrder {
    const order = this.get(orderId);
    if (FINAL.has(order.status)) throw new MspSandboxError(1000, `Order is already ${order.status}`, 409);
    this.store.setStatus(order, 'expired', 'expired');
    return order;
  }

  private schedule(orderId: string, inMs: number, action: (o: SandboxOrder) => void): void {
    this.due.push({ orderId, at: this.clock.now().getTime() + inMs, action });
  }

  /** Runs due timed events against sandbox time, so fast-forwarding triggers them. */
  sweep(): void {
    const now = this.clock.now().getTime();
    for (let i = this.due.length - 1; i >= 0; i--) {
      const item = this.due[i];
      if (item.at > now) continue;
      this.due.splice(i, 1);
      const order = this.store.get(item.orderId);
      if (order) item.action(order);
    }
    for (const order of this.store.all()) this.expireIfDue(order);
  }
}
