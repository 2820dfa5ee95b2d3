import { SEED_ORDER_EXAMPLE } from '@app/multisafepay';
import { dumpDatabase } from '../support/database-dump.js';
import { sandbox, until } from '../support/sandbox-control.js';
import { CALLERS, startStack, uniqueOrderId, type Stack } from '../support/stack.js';

describe('customers and the rest of the order lifecycle', () => {
  let stack: Stack;
  const order = (id: string) => stack.call('GET', `/v1/json/orders/${id}`).then((r) => r.body.data);

  async function orderFor(customerId: string | undefined, extra: Record<string, unknown> = {}) {
    const body = { ...structuredClone(SEED_ORDER_EXAMPLE), order_id: uniqueOrderId('cust'), ...extra } as Record<string, any>;
    if (customerId) {
      body.customer_id = customerId;
      body.customer = { ip_address: '10.1.2.3', locale: 'nl_NL' };
    }
    const res = await stack.call('POST', '/v1/json/orders', { body });
    expect(res.status).toBe(200);
    return body.order_id as string;
  }

  beforeAll(async () => {
    stack = await startStack({ env: { RECONCILE_INTERVAL_MS: '0', DELIVERY_POLL_MS: '0' } });
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('creates a customer, uses it for an order, is paid, refunded twice with one Idempotency-Key (one refund), and erased with the money trail intact', async () => {
    const email = `zoe.erasable.${Date.now()}@example.org`;
    const created = await stack.call('POST', '/v1/json/customers', {
      body: { reference: `ref-${Date.now()}`, first_name: 'Zoemarie', last_name: 'Vergeetmij', email, country: 'NL', locale: 'nl_NL', address1: 'Erasestraat', house_number: '7', city: 'Utrecht', zip_code: '3511AA', phone: '0301234567' },
    });
    expect(created.status).toBe(200);
    const customer = created.body.data;
    expect(customer).toMatchObject({ email, first_name: 'Zoemarie', id: expect.any(String), erased_at: null });

    const orderId = await orderFor(customer.id);
    const stored = await order(orderId);
    expect(stored.customer).toMatchObject({ email, first_name: 'Zoemarie', ip_address: '10.1.2.3', reference: customer.reference });
    const atMsp = await fetch(`${stack.sandbox.url}/_sandbox/orders/${orderId}`).then((r) => r.json());
    expect(atMsp.customer.email).toBe(email);

    await sandbox.force(stack, orderId, 'completed');
    await until(() => order(orderId), (o) => o.status === 'completed');

    const refund = () => stack.call('POST', `/v1/json/orders/${orderId}/refunds`, { body: { currency: 'EUR', amount: 300, description: 'one returned item' }, headers: { 'idempotency-key': `refund-${orderId}` } });
    const [a, b] = await Promise.all([refund(), refund()]);
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    expect(b.body).toEqual(a.body);
    const again = await refund();
    expect(again.body).toEqual(a.body);
    const refunds = (await stack.call('GET', `/v1/json/orders/${orderId}/refunds`)).body.data;
    expect(refunds).toHaveLength(1);
    expect(refunds[0]).toMatchObject({ amount: 300, currency: 'EUR', refund_id: expect.stringMatching(/^\d{17}$/) });
    expect(await until(() => order(orderId), (o) => o.status === 'partial_refunded')).toMatchObject({ status: 'partial_refunded', amount_refunded: 300 });
    expect((await stack.call('GET', `/v1/json/customers/${customer.id}/orders`)).body.data.map((o: { order_id: string }) => o.order_id)).toEqual([orderId]);

    const erased = await stack.call('DELETE', `/v1/json/customers/${customer.id}`);
    expect(erased.status).toBe(200);
    const dump = await dumpDatabase(stack.db);
    for (const trace of [email, 'Zoemarie', 'Vergeetmij', 'Erasestraat', '0301234567']) expect(dump, trace).not.toContain(trace);
    // The books still balance: amounts, statuses, ids and history stay.
    expect(await order(orderId)).toMatchObject({ order_id: orderId, amount: 1000, amount_refunded: 300, status: 'partial_refunded', customer: null });
    expect((await stack.call('GET', `/v1/json/orders/${orderId}/history`)).body.data.map((e: { to_status: string }) => e.to_status)).toEqual(
      expect.arrayContaining(['initialized', 'completed', 'partial_refunded']));
    expect((await stack.call('GET', `/v1/json/orders/${orderId}/refunds`)).body.data).toHaveLength(1);
    expect((await stack.call('GET', `/v1/json/customers/${customer.id}`)).body.data.erased_at).toEqual(expect.any(String));
  });

  it('validates customers with coded errors and keeps callers apart', async () => {
    const bad = await stack.call('POST', '/v1/json/customers', { body: { email: 'not-an-email', country: 'Holland', ip_address: '300.1.1.1' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error_code).toBe(1007);
    expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['country', 'email', 'ip_address']);
    const mine = (await stack.call('POST', '/v1/json/customers', { body: { reference: `iso-${Date.now()}`, email: 'a@example.com' } })).body.data;
    expect((await stack.call('GET', `/v1/json/customers/${mine.id}`, { key: CALLERS.billing })).status).toBe(404);
    expect((await stack.call('GET', `/v1/json/customers?reference=${mine.reference}`, { key: CALLERS.billing })).body.data).toEqual([]);
    expect((await stack.call('GET', `/v1/json/customers?reference=${mine.reference}`)).body.data).toHaveLength(1);
    expect((await stack.call('POST', '/v1/json/customers', { body: { reference: mine.reference } })).status).toBe(409);
    const patched = await stack.call('PATCH', `/v1/json/customers/${mine.id}`, { body: { city: 'Delft' } });
    expect(patched.body.data).toMatchObject({ city: 'Delft', email: 'a@example.com' });
    const byReference = await orderFor(undefined, { customer: { reference: mine.reference, ip_address: '10.0.0.1' } });
    expect((await order(byReference)).customer).toMatchObject({ email: 'a@example.com', city: 'Delft' });
  });

  it('saves the card of a completed recurring order and pays a recurring order with it', async () => {
    const customer = (await stack.call('POST', '/v1/json/customers', { body: { reference: `rec-${Date.now()}`, email: 'rec@example.com', country: 'NL' } })).body.data;
    const first = await orderFor(customer.id, {
      type: 'direct', gateway: 'VISA', recurring_model: 'cardOnFile',
      gateway_info: { card_number: '4111111111111111', card_expiry_date: '3012', card_cvc: '123', flexible_3d: false },
    });
    expect((await order(first)).status).toBe('completed');
    const tokens = (await stack.call('GET', `/v1/json/customers/${customer.id}/tokens`)).body.data;
    expect(tokens).toEqual([expect.objectContaining({ brand: 'VISA', last4: '1111', expiry: '3012', order_id: first })]);
    expect(JSON.stringify(tokens)).not.toContain('4111111111111111');

    const second = await orderFor(customer.id, { type: 'direct', gateway: 'VISA', recurring_model: 'cardOnFile', recurring_id: tokens[0].token, gateway_info: undefined });
    expect((await order(second)).status).toBe('completed');

    expect((await stack.call('DELETE', `/v1/json/customers/${customer.id}/tokens/${tokens[0].id}`)).status).toBe(200);
    expect((await stack.call('GET', `/v1/json/customers/${customer.id}/tokens`)).body.data).toEqual([]);
  });

  it('refuses refunds that break the rules with 1034', async () => {
    const orderId = await orderFor(undefined);
    expect((await stack.call('POST', `/v1/json/orders/${orderId}/refunds`, { body: { currency: 'EUR', amount: 100 } })).body.error_code).toBe(1034);
    await sandbox.force(stack, orderId, 'completed');
    await until(() => order(orderId), (o) => o.status === 'completed');
    const wrongCurrency = await stack.call('POST', `/v1/json/orders/${orderId}/refunds`, { body: { currency: 'USD', amount: 100 } });
    expect(wrongCurrency.status).toBe(422);
    expect(wrongCurrency.body.error_code).toBe(1034);
    expect((await stack.call('POST', `/v1/json/orders/${orderId}/refunds`, { body: { currency: 'EUR', amount: 1001 } })).body.error_code).toBe(1034);
    const full = await stack.call('POST', `/v1/json/orders/${orderId}/refunds`, { body: { currency: 'EUR' } });
    expect(full.body.data).toMatchObject({ amount: 1000 });
    expect((await stack.call('POST', `/v1/json/orders/${orderId}/refunds`, { body: { currency: 'EUR', amount: 1 } })).body.error_code).toBe(1034);
    expect((await until(() => order(orderId), (o) => o.status === 'refunded')).status).toBe('refunded');
    const badKey = await stack.call('POST', `/v1/json/orders/${orderId}/refunds`, { body: { currency: 'EUR', amount: 5 }, headers: { 'idempotency-key': 'k1' } });
    const reused = await stack.call('POST', `/v1/json/orders/${orderId}/refunds`, { body: { currency: 'EUR', amount: 6 }, headers: { 'idempotency-key': 'k1' } });
    expect(badKey.body.error_code).toBe(1034);
    expect(reused.status).toBe(422);
    expect(reused.body.error_info).toMatch(/Idempotency-Key/);
  });

  it('allows exactly one refund when different refund requests race for the last money', async () => {
    const orderId = await orderFor(undefined);
    await sandbox.force(stack, orderId, 'completed');
    await until(() => order(orderId), (o) => o.status === 'completed');
    const answers = await Promise.all([700, 600, 500].map((amount) => stack.call('POST', `/v1/json/orders/${orderId}/refunds`, { body: { currency: 'EUR', amount } })));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.body.error_code === 1034)).toHaveLength(2);
  });

  it('cancels, ships and captures, each recorded in the history', async () => {
    const open = await orderFor(undefined);
    expect((await stack.call('PATCH', `/v1/json/orders/${open}`, { body: { status: 'cancelled', exclude_order: true } })).status).toBe(200);
    expect((await order(open)).status).toBe('void');
    const history = (await stack.call('GET', `/v1/json/orders/${open}/history`)).body.data;
    expect(history.at(-1)).toMatchObject({ to_status: 'void', source: 'api', reason: 'cancel requested' });

    const paid = await orderFor(undefined);
    await sandbox.force(stack, paid, 'completed');
    await until(() => order(paid), (o) => o.status === 'completed');
    expect((await stack.call('PATCH', `/v1/json/orders/${paid}`, { body: { status: 'shipped', tracktrace_code: '3S123', carrier: 'PostNL' } })).status).toBe(200);
    expect((await order(paid)).status).toBe('shipped');
    expect((await stack.call('PATCH', `/v1/json/orders/${paid}`, { body: { status: 'lost' } })).status).toBe(400);

    const held = await orderFor(undefined, { type: 'direct', gateway: 'VISA', capture: 'manual', gateway_info: { card_number: '4111111111111111', card_expiry_date: '3012', card_cvc: '123', flexible_3d: false } });
    expect(await order(held)).toMatchObject({ status: 'completed', financial_status: 'initialized' });
    expect((await stack.call('POST', `/v1/json/orders/${held}/capture`, { body: { amount: 1000 } })).status).toBe(200);
    expect((await order(held)).financial_status).toBe('completed');
    const reasons = (await stack.call('GET', `/v1/json/orders/${held}/history`)).body.data.map((e: { reason: string | null }) => e.reason);
    expect(reasons).toContain('capture requested');

    const other = await orderFor(undefined, { type: 'direct', gateway: 'VISA', capture: 'manual', gateway_info: { card_number: '4111111111111111', card_expiry_date: '3012', card_cvc: '123', flexible_3d: false } });
    expect((await stack.call('PATCH', `/v1/json/capture/${other}`, { body: { status: 'cancelled', reason: 'out of stock' } })).status).toBe(200);
    expect((await order(other)).status).toBe('void');
  });

  it('replays a customer create with the same Idempotency-Key and never stores a transient 5xx', async () => {
    const body = { reference: `idem-${Date.now()}`, email: 'idem@example.com' };
    const first = await stack.call('POST', '/v1/json/customers', { body, headers: { 'idempotency-key': body.reference } });
    const second = await stack.call('POST', '/v1/json/customers', { body, headers: { 'idempotency-key': body.reference } });
    expect(second.body).toEqual(first.body);

    const orderBody = { ...structuredClone(SEED_ORDER_EXAMPLE), order_id: uniqueOrderId('idem') };
    await sandbox.apiFault(stack, { endpoint: 'POST /v1/json/orders', status: 503, times: 1 });
    const failed = await stack.call('POST', '/v1/json/orders', { body: orderBody, headers: { 'idempotency-key': orderBody.order_id } });
    expect(failed.status).toBe(502);
    const retried = await stack.call('POST', '/v1/json/orders', { body: orderBody, headers: { 'idempotency-key': orderBody.order_id } });
    expect(retried.status).toBe(200);
    const { rows } = await stack.db.query(`SELECT status_code FROM idempotency_keys WHERE key = $1`, [orderBody.order_id]);
    expect(rows).toEqual([{ status_code: 200 }]);
  });
});
