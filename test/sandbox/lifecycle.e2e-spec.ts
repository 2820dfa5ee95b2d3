import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startSandbox } from '../../apps/msp-sandbox/src/start-sandbox.js';
import { seedWith } from './seed-order.js';

const KEY = 'sandbox-lifecycle-key-0123456789';
const EXAMPLES = resolve(import.meta.dirname, '../fixtures/msp/examples');
const example = (path: string) => JSON.parse(readFileSync(resolve(EXAMPLES, path), 'utf8'));

/** The sandbox's MSP lifecycle over HTTP: pay, expire, cancel, ship, refund, capture, list. */
describe('sandbox order lifecycle', () => {
  let sbx: Awaited<ReturnType<typeof startSandbox>>;

  const api = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${sbx.apiBaseUrl}${path}`, {
      method, headers: { api_key: KEY, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: JSON.parse(text), text };
  };
  const control = (path: string, body: unknown = {}) =>
    fetch(`${sbx.url}/_sandbox${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json());
  const form = (path: string, fields: Record<string, string>) =>
    fetch(`${sbx.url}${path}`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
  const get = async (orderId: string) => (await api('GET', `/orders/${orderId}`)).body.data;

  async function paidDirect(overrides: Record<string, unknown> = {}, card = '4111111111111111') {
    const body = seedWith({ type: 'direct', gateway: 'VISA', gateway_info: { card_number: card, card_expiry_date: '3012', card_cvc: '123', flexible_3d: false }, ...overrides });
    const res = await api('POST', '/orders', body);
    expect(res.status).toBe(200);
    return { orderId: body.order_id as string, created: res.body.data };
  }

  beforeAll(async () => {
    sbx = await startSandbox({ port: 0, apiKey: KEY, logger: false, unclearedSettleMs: 60_000 });
  });
  afterAll(async () => {
    await sbx?.close();
  });

  it('pays a direct card order at once when 3-D Secure is skipped, with card details but never the number', async () => {
    const { orderId, created } = await paidDirect();
    expect(created).toMatchObject({ order_id: orderId, status: 'completed', financial_status: 'completed' });
    const order = await get(orderId);
    expect(order.payment_details).toMatchObject({ type: 'VISA', last4: '1111', card_expiry_date: '3012', card_authentication_result: expect.objectContaining({ status: 'U' }) });
    expect(order.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    expect(order.modified).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    const raw = await fetch(`${sbx.url}/_sandbox/orders/${orderId}`).then((r) => r.text());
    expect(raw).not.toContain('4111111111111111');
  });

  it('sends a direct card order with 3-D Secure to payment_url, and the challenge decides', async () => {
    const body = seedWith({ type: 'direct', gateway: 'VISA', gateway_info: { card_number: '4111111111111111', card_expiry_date: '3012', card_cvc: '123', flexible_3d: true } });
    const res = await api('POST', '/orders', body);
    expect(res.body.data).toMatchObject({ status: 'initialized', payment_url: expect.stringContaining('/connect/') });
    const session = /connect\/([^/]+)\//.exec(res.body.data.payment_url)![1];
    const answer = await form(`/connect/${session}/3ds`, { result: 'Y' });
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toContain(`transactionid=${body.order_id}`);
    expect((await get(body.order_id as string)).payment_details.card_authentication_result).toMatchObject({ status: 'Y', eci: '05' });
  });

  it.each([
    ['4012001038488884', 'declined', '4002'],
    ['4012001037461114', 'declined', '3001'],
  ])('declines test card %s with reason %s', async (card, status, reasonCode) => {
    const { orderId } = await paidDirect({}, card);
    expect(await get(orderId)).toMatchObject({ status, reason_code: reasonCode });
  });

  it('settles uncleared test cards after the (time-scaled) 3 minutes, also by fast-forwarding', async () => {
    const { orderId: toVoid } = await paidDirect({}, '4917300000000008');
    const { orderId: toPaid } = await paidDirect({}, '4462000000000003');
    expect((await get(toVoid)).status).toBe('uncleared');
    await control('/time/advance', { seconds: 61 });
    expect((await get(toVoid)).status).toBe('void');
    expect((await get(toPaid)).status).toBe('completed');
  });

  it('expires an unpaid order by seconds_active and by the control API', async () => {
    const body = seedWith({ seconds_active: 30 });
    await api('POST', '/orders', body);
    expect((await get(body.order_id as string)).status).toBe('initialized');
    await control('/time/advance', { seconds: 31 });
    expect((await get(body.order_id as string)).status).toBe('expired');
    const other = seedWith();
    await api('POST', '/orders', other);
    await control(`/orders/${other.order_id}/expire`);
    expect((await get(other.order_id as string)).status).toBe('expired');
  });

  it("cancels with MSP's cancel example and ships with its ship example", async () => {
    const open = seedWith();
    await api('POST', '/orders', open);
    const cancel = await api('PATCH', `/orders/${open.order_id}`, example('requests/patch-orders/cancelOrder.json'));
    expect(cancel.body).toEqual(example('responses/patchOrdersCancel.json'));
    expect((await get(open.order_id as string)).status).toBe('void');
    expect((await api('PATCH', `/orders/${open.order_id}`, example('requests/patch-orders/cancelOrder.json'))).status).toBe(410);

    const { orderId } = await paidDirect();
    const ship = await api('PATCH', `/orders/${orderId}`, example('requests/patch-orders/shipOrder.json'));
    expect(ship.status).toBe(200);
    expect((await get(orderId)).status).toBe('shipped');
  });

  it('refunds partially and fully under the 1034 rules, listed in related_transactions', async () => {
    const { orderId } = await paidDirect();
    const refundExample = example('requests/refunds/refund.json');
    const first = await api('POST', `/orders/${orderId}/refunds`, { ...refundExample, currency: 'EUR', amount: 300 });
    expect(first.status).toBe(200);
    expect(first.text).toMatch(/"refund_id":\d{17}/);
    const sameAgain = await api('POST', `/orders/${orderId}/refunds`, { currency: 'EUR', amount: 300 });
    expect(sameAgain.body.error_code).toBe(1034);
    expect((await api('POST', `/orders/${orderId}/refunds`, { currency: 'USD', amount: 100 })).body.error_code).toBe(1034);
    expect((await api('POST', `/orders/${orderId}/refunds`, { currency: 'EUR', amount: 5000 })).body.error_code).toBe(1034);
    let order = await get(orderId);
    expect(order).toMatchObject({ status: 'partial_refunded', amount_refunded: 300 });
    expect(order.related_transactions).toEqual([expect.objectContaining({ type: 'refund', amount: 300, status: 'completed' })]);
    expect((await api('POST', `/orders/${orderId}/refunds`, { currency: 'EUR' })).status).toBe(200);
    order = await get(orderId);
    expect(order).toMatchObject({ status: 'refunded', amount_refunded: 1000 });
    expect((await api('POST', `/orders/${orderId}/refunds`, { currency: 'EUR', amount: 1 })).body.error_code).toBe(1034);
  });

  it("captures a manual-capture order with MSP's capture example, and cancels another reservation", async () => {
    const { orderId } = await paidDirect({ capture: 'manual' });
    expect(await get(orderId)).toMatchObject({ status: 'completed', financial_status: 'initialized' });
    const capture = await api('POST', `/orders/${orderId}/capture`, example('requests/capture/fullCapture.json'));
    expect(capture.status).toBe(200);
    expect(await get(orderId)).toMatchObject({ status: 'completed', financial_status: 'completed' });

    const { orderId: other } = await paidDirect({ capture: 'manual' });
    const cancelled = await api('PATCH', `/capture/${other}`, { status: 'cancelled', reason: 'customer changed their mind' });
    expect(cancelled.body.data).toMatchObject({ success: true });
    expect(await get(other)).toMatchObject({ status: 'void', financial_status: 'void' });
  });

  it("accepts every published PATCH, capture and refund example on a suitable order", async () => {
    for (const file of ['extendKlarna.json', 'updateFastCheckoutOrder.json', 'partiallyShipOrder.json', 'shipOrder.json']) {
      const { orderId } = await paidDirect();
      const res = await api('PATCH', `/orders/${orderId}`, example(`requests/patch-orders/${file}`));
      expect(res.status, file).toBe(200);
      expect(res.body.success, file).toBe(true);
    }
    const shipped = await paidDirect();
    const partial = await api('PATCH', `/orders/${shipped.orderId}`, example('requests/patch-orders/partiallyShipOrder.json'));
    expect(partial.body.data).toMatchObject({ order_id: expect.stringContaining(shipped.orderId) });
    expect(partial.text).toMatch(/"transaction_id":\d{17}/);

    const { orderId: held } = await paidDirect({ capture: 'manual', amount: 5000 });
    const capture = await api('POST', `/orders/${held}/capture`, example('requests/capture/partialCapture.json'));
    expect(capture.status).toBe(200);
    expect(capture.body.data).toMatchObject({ order_id: 'my-order-id-01' });

    const { orderId: bnpl } = await paidDirect({ amount: 10000 });
    const refund = await api('POST', `/orders/${bnpl}/refunds`, { ...example('requests/refunds/refundBNPL.json'), currency: 'EUR' });
    expect(refund.status).toBe(200);
    expect((await get(bnpl)).amount_refunded).toBeGreaterThan(0);
  });

  it('lists transactions newest first with a cursor and filters', async () => {
    for (let i = 0; i < 3; i++) await paidDirect();
    const first = await api('GET', '/transactions?limit=2&status=completed');
    expect(first.body.data).toHaveLength(2);
    expect(first.body.data.every((t: { status: string }) => t.status === 'completed')).toBe(true);
    expect(first.body.pager).toMatchObject({ limit: 2, cursor: { after: expect.any(String) } });
    const next = await api('GET', `/transactions?limit=2&status=completed&after=${first.body.pager.cursor.after}`);
    const ids = [...first.body.data, ...next.body.data].map((t: { order_id: string }) => t.order_id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
