import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { SandboxOrdersService } from '../orders/sandbox-orders.service.js';
import { CARD_GATEWAYS } from '../orders/test-cards.js';
import type { SandboxOrder } from '../store/sandbox-order.js';
import { esc, money, page } from './html.js';

const METHODS = [
  { id: 'CREDITCARD', label: 'Credit card (Visa, Mastercard, Maestro, Amex)' },
  { id: 'IDEAL', label: 'iDEAL' },
  { id: 'MISTERCASH', label: 'Bancontact' },
  { id: 'PAYPAL', label: 'PayPal' },
];

/** Where MSP would send the customer back, with `transactionid` added to the merchant's own query. */
function returnUrl(base: unknown, orderId: string): string | undefined {
  if (typeof base !== 'string' || !base) return undefined;
  const url = new URL(base);
  url.searchParams.set('transactionid', orderId);
  return url.toString();
}

/** Expiry typed as MM/YY (or MMYY) becomes MSP's YYMM. */
function toYymm(exp: string): string | undefined {
  const m = /^\s*(\d{2})\s*\/?\s*(\d{2})\s*$/.exec(exp);
  if (!m || Number(m[1]) < 1 || Number(m[1]) > 12) return undefined;
  return `${m[2]}${m[1]}`;
}

/** MSP's hosted payment page at payment_url: method choice, card form, 3-D Secure, iDEAL scenarios. */
@ApiExcludeController()
@Controller('connect/:session')
export class PaymentPageController {
  constructor(private readonly orders: SandboxOrdersService) {}

  @Get()
  show(@Param('session') session: string, @Query('method') method: string | undefined, @Res() reply: FastifyReply) {
    const order = this.orders.bySession(session);
    if (!order) return this.html(reply, 404, page('Not found', `<div class="card"><h1>Payment not found</h1><p>This payment link is unknown.</p></div>`));
    if (order.status !== 'initialized') return this.finished(reply, order);
    const chosen = (method ?? order.gateway ?? '').toUpperCase();
    if (!chosen) return this.html(reply, 200, this.methodChoice(order));
    return this.html(reply, 200, CARD_GATEWAYS.has(chosen) ? this.cardForm(order, chosen) : this.scenarioPage(order, chosen));
  }

  @Post('card')
  @HttpCode(303)
  card(@Param('session') session: string, @Body() body: Record<string, string>, @Res() reply: FastifyReply) {
    const order = this.orders.bySession(session);
    if (!order || order.status !== 'initialized') return this.redirect(reply, `/connect/${session}/`);
    const expiry = toYymm(body.exp ?? '');
    const method = (body.method ?? order.gateway ?? 'CREDITCARD').toUpperCase();
    if (!expiry) return this.html(reply, 422, this.cardForm(order, method, 'Enter the expiry date as MM/YY.'));
    if (!/^\d{3,4}$/.test(body.csc ?? '')) return this.html(reply, 422, this.cardForm(order, method, 'Enter the 3 or 4 digit security code.'));
    const step = this.orders.startCard(order, { number: (body.number ?? '').replace(/[\s-]/g, ''), expiry, holder: body.name });
    if (step.next === 'error') return this.html(reply, 422, this.cardForm(order, method, step.message));
    if (step.next === 'challenge') return this.redirect(reply, `/connect/${session}/3ds`);
    return this.finished(reply, order);
  }

  @Get('3ds')
  challenge(@Param('session') session: string, @Res() reply: FastifyReply) {
    const order = this.orders.bySession(session);
    if (!order || order.status !== 'initialized') return this.redirect(reply, `/connect/${session}/`);
    return this.html(reply, 200, page('3-D Secure', `
      <div class="card"><h1>3-D Secure check</h1>
      <p>Your bank asks you to confirm the payment of <strong>${esc(money(order.amount, order.currency))}</strong> to the merchant.</p>
      <p class="muted">Test environment: choose the authentication result.</p>
      <form method="post" action="/connect/${esc(session)}/3ds">
        <button type="submit" name="result" value="Y">Authenticated (Y)</button>
        <button type="submit" name="result" value="N" class="secondary">Not authenticated (N)</button>
      </form></div>`));
  }

  @Post('3ds')
  @HttpCode(303)
  answer(@Param('session') session: string, @Body() body: Record<string, string>, @Res() reply: FastifyReply) {
    const order = this.orders.bySession(session);
    if (!order || order.status !== 'initialized') return this.redirect(reply, `/connect/${session}/`);
    this.orders.answerChallenge(order, body.result === 'Y');
    return this.finished(reply, order);
  }

  @Post('scenario')
  @HttpCode(303)
  scenario(@Param('session') session: string, @Body() body: Record<string, string>, @Res() reply: FastifyReply) {
    const order = this.orders.bySession(session);
    if (!order || order.status !== 'initialized') return this.redirect(reply, `/connect/${session}/`);
    const scenario = (['success', 'failure', 'cancelled', 'expired'] as const).find((s) => s === body.scenario) ?? 'failure';
    this.orders.payScenario(order, scenario, (body.method ?? order.gateway ?? 'IDEAL').toUpperCase());
    return this.finished(reply, order);
  }

  @Post('cancel')
  @HttpCode(303)
  cancel(@Param('session') session: string, @Res() reply: FastifyReply) {
    const order = this.orders.bySession(session);
    if (order) this.orders.cancelByCustomer(order);
    return order ? this.finished(reply, order) : this.redirect(reply, `/connect/${session}/`);
  }

  /** After payment: back to the shop like MSP, or a page saying what happened. */
  private finished(reply: FastifyReply, order: SandboxOrder) {
    const paid = ['completed', 'uncleared', 'shipped', 'partial_refunded', 'refunded'].includes(order.status);
    const back = paid ? returnUrl(order.payment_options.redirect_url, order.order_id) : undefined;
    if (back) return this.redirect(reply, back);
    const cancelled = order.status === 'void' || order.status === 'cancelled';
    const cancelTo = cancelled ? returnUrl(order.payment_options.cancel_url, order.order_id) : undefined;
    if (cancelTo) return this.redirect(reply, cancelTo);
    const shop = returnUrl(order.payment_options.cancel_url, order.order_id);
    const message = paid
      ? `<p class="ok" role="status">Payment received (${esc(order.status)}).</p>`
      : `<p class="error" role="alert">Payment ${esc(order.status)}${order.reason ? `: ${esc(order.reason)}` : ''}.</p>`;
    return this.html(reply, 200, page(`Payment ${order.status}`, `
      <div class="card"><h1>${esc(order.description)}</h1><p class="amount">${esc(money(order.amount, order.currency))}</p>${message}
      ${shop ? `<a class="button" href="${esc(shop)}">Back to the shop</a>` : ''}</div>`));
  }

  private summary(order: SandboxOrder): string {
    return `<div class="card"><h1>${esc(order.description)}</h1><p class="amount">${esc(money(order.amount, order.currency))}</p>
      <p class="muted">Order ${esc(order.order_id)}</p></div>`;
  }

  private cancelButton(order: SandboxOrder): string {
    return `<form method="post" action="/connect/${esc(order.session_id)}/cancel"><button type="submit" class="secondary">Cancel and return to the shop</button></form>`;
  }

  private methodChoice(order: SandboxOrder): string {
    const items = METHODS.map((m) => `<li><a class="button" href="/connect/${esc(order.session_id)}/?method=${m.id}">${esc(m.label)}</a></li>`).join('');
    return page('Choose a payment method', `${this.summary(order)}
      <div class="card"><h2 id="methods-title">Choose a payment method</h2><nav aria-labelledby="methods-title"><ul class="methods">${items}</ul></nav>
      ${this.cancelButton(order)}</div>`, String(order.customer.locale ?? 'en'));
  }

  private cardForm(order: SandboxOrder, method: string, error?: string): string {
    return page('Pay by card', `${this.summary(order)}
      <div class="card"><h2>Pay by card</h2>
      ${error ? `<p class="error" role="alert">${esc(error)}</p>` : ''}
      <form method="post" action="/connect/${esc(order.session_id)}/card" novalidate>
        <input type="hidden" name="method" value="${esc(method)}">
        <label for="name">Name on card</label>
        <input id="name" name="name" autocomplete="cc-name" required>
        <label for="number">Card number</label>
        <input id="number" name="number" autocomplete="cc-number" inputmode="numeric" required>
        <div class="row">
          <div><label for="exp">Expiry (MM/YY)</label><input id="exp" name="exp" autocomplete="cc-exp" placeholder="MM/YY" inputmode="numeric" required></div>
          <div><label for="csc">Security code</label><input id="csc" name="csc" autocomplete="cc-csc" inputmode="numeric" required></div>
        </div>
        <button type="submit">Pay ${esc(money(order.amount, order.currency))}</button>
      </form>
      ${this.cancelButton(order)}
      <p class="muted">Test cards: 4111 1111 1111 1111 (paid), 4012 0010 3746 1114 (3-D Secure fails), 4012 0010 3848 8884 (insufficient funds).</p></div>`,
      String(order.customer.locale ?? 'en'));
  }

  private scenarioPage(order: SandboxOrder, method: string): string {
    const buttons = [['success', 'Success'], ['failure', 'Failure'], ['cancelled', 'Cancelled'], ['expired', 'Expired']]
      .map(([v, l]) => `<button type="submit" name="scenario" value="${v}"${v === 'success' ? '' : ' class="secondary"'}>${l}</button>`).join('');
    return page(`Pay with ${method}`, `${this.summary(order)}
      <div class="card"><h2>${esc(method === 'IDEAL' ? 'iDEAL' : method)} test bank</h2><p class="muted">Choose the outcome of this test payment.</p>
      <form method="post" action="/connect/${esc(order.session_id)}/scenario"><input type="hidden" name="method" value="${esc(method)}">${buttons}</form></div>`,
      String(order.customer.locale ?? 'en'));
  }

  private html(reply: FastifyReply, status: number, body: string) {
    return reply.status(status).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(body);
  }

  private redirect(reply: FastifyReply, to: string) {
    return reply.status(303).header('location', to).send();
  }
}
