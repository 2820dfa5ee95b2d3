import { SEED_ORDER_EXAMPLE } from '@app/multisafepay';
import { CALLERS, startStack, uniqueOrderId, type Stack } from '../support/stack.js';

const seed = (overrides: Record<string, unknown> = {}) => ({ ...structuredClone(SEED_ORDER_EXAMPLE), order_id: uniqueOrderId('read'), ...overrides });

describe('reading orders', () => {
  let stack: Stack;
  const mine: string[] = [];
  let theirs: string;

  beforeAll(async () => {
    stack = await startStack();
    for (let i = 0; i < 5; i++) {
      const body = seed({ amount: 100 + i });
      expect((await stack.call('POST', '/v1/json/orders', { body })).status).toBe(200);
      mine.push(body.order_id);
    }
    theirs = uniqueOrderId('billing');
    expect((await stack.call('POST', '/v1/json/orders', { key: CALLERS.billing, body: seed({ order_id: theirs }) })).status).toBe(200);
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('returns the stored order in MSP\'s order shape', async () => {
    const res = await stack.call('GET', `/v1/json/orders/${mine[0]}`);
    expect(res.status).toBe(200);
    expect(res.body.success).toBe(true);
    expect(res.body.data).toMatchObject({
      order_id: mine[0], currency: 'EUR', amount: 100, amount_refunded: 0, status: 'initialized', financial_status: 'initialized',
      description: 'Test Order Description', customer: expect.objectContaining({ email: 'test@example.com' }),
    });
    expect(res.body.data.transaction_id).toBeNull();
    expect(res.body.data.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    expect(res.body.data.modified).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
  });

  it('syncs from MSP with refresh=true and keeps the transaction id exact', async () => {
    const res = await stack.call('GET', `/v1/json/orders/${mine[0]}?refresh=true`);
    expect(res.status).toBe(200);
    const atMsp = await fetch(`${stack.sandbox.apiBaseUrl}/orders/${mine[0]}`, { headers: { api_key: 'sandbox-test-msp-key-0123456789' } }).then((r) => r.text());
    const rawId = /"transaction_id":\s*"?(\d+)/.exec(atMsp)?.[1];
    expect(rawId).toMatch(/^\d{17}$/);
    expect(res.body.data.transaction_id).toBe(rawId);
  });

  it('answers 404 with 1006 for an unknown order', async () => {
    const res = await stack.call('GET', '/v1/json/orders/does-not-exist');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ success: false, error_code: 1006 });
  });

  it('hides another caller\'s order behind a 404, on read, history and list', async () => {
    expect((await stack.call('GET', `/v1/json/orders/${theirs}`)).status).toBe(404);
    expect((await stack.call('GET', `/v1/json/orders/${theirs}/history`)).status).toBe(404);
    expect((await stack.call('GET', `/v1/json/orders/${mine[0]}`, { key: CALLERS.billing })).status).toBe(404);
    const list = await stack.call('GET', '/v1/json/orders?limit=100');
    expect(list.body.data.map((o: { order_id: string }) => o.order_id)).not.toContain(theirs);
  });

  it('refuses another caller\'s order_id with 1006 and leaves it untouched', async () => {
    const res = await stack.call('POST', '/v1/json/orders', { body: seed({ order_id: theirs }) });
    expect(res.status).toBe(409);
    expect(res.body.error_code).toBe(1006);
    expect((await stack.call('GET', `/v1/json/orders/${theirs}`, { key: CALLERS.billing })).body.data.amount).toBe(1000);
  });

  it('lists newest first with cursor pagination and no duplicates', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const q: string = after ? `?limit=2&after=${encodeURIComponent(after)}` : '?limit=2';
      const res = await stack.call('GET', `/v1/json/orders${q}`);
      expect(res.status).toBe(200);
      expect(res.body.data.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.data.map((o: { order_id: string }) => o.order_id));
      after = res.body.pager.cursor.after;
      pages += 1;
    } while (after && pages < 20);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((id) => mine.includes(id))).toEqual([...mine].reverse());
  });

  it('filters by status and created range', async () => {
    const none = await stack.call('GET', '/v1/json/orders?status=completed');
    expect(none.body.data).toEqual([]);
    const initialized = await stack.call('GET', '/v1/json/orders?status=initialized&limit=100');
    expect(initialized.body.data.length).toBeGreaterThanOrEqual(5);
    const future = await stack.call('GET', `/v1/json/orders?created_from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`);
    expect(future.body.data).toEqual([]);
    const past = await stack.call('GET', `/v1/json/orders?created_until=${encodeURIComponent(new Date(Date.now() - 3_600_000).toISOString())}`);
    expect(past.body.data).toEqual([]);
  });

  it('rejects bad list parameters with a coded error', async () => {
    const res = await stack.call('GET', '/v1/json/orders?limit=1000&status=paid');
    expect(res.status).toBe(400);
    expect(res.body.success).toBe(false);
    expect(res.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['limit', 'status']);
    const cursor = await stack.call('GET', '/v1/json/orders?after=garbage');
    expect(cursor.status).toBe(400);
  });

  it('shows the history with source and time', async () => {
    const res = await stack.call('GET', `/v1/json/orders/${mine[1]}/history`);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([
      expect.objectContaining({ from_status: null, to_status: 'initialized', to_financial_status: 'initialized', source: 'api', created_at: expect.any(String) }),
    ]);
  });

  it('serves gateways and issuers from MSP, cached', async () => {
    const gateways = await stack.call('GET', '/v1/json/gateways');
    expect(gateways.status).toBe(200);
    expect(gateways.body.data).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'IDEAL' })]));
    const ideal = await stack.call('GET', '/v1/json/gateways/ideal');
    expect(ideal.body.data.id).toBe('IDEAL');
    const unknown = await stack.call('GET', '/v1/json/gateways/NOPE');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error_code).toBe(1023);
    const issuers = await stack.call('GET', '/v1/json/issuers/ideal');
    expect(issuers.body.data).toEqual(expect.arrayContaining([expect.objectContaining({ code: '3151' })]));

    // Cached: with MSP failing, the same questions are still answered.
    await fetch(`${stack.sandbox.url}/_sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ endpoint: '*', status: 503 }) });
    try {
      expect((await stack.call('GET', '/v1/json/gateways')).status).toBe(200);
      expect((await stack.call('GET', '/v1/json/issuers/ideal')).status).toBe(200);
    } finally {
      await fetch(`${stack.sandbox.url}/_sandbox/faults`, { method: 'DELETE' });
    }
  });

  it('reports health', async () => {
    const live = await stack.call('GET', '/health/live', { key: null });
    expect(live.status).toBe(200);
    const ready = await stack.call('GET', '/health/ready', { key: null });
    expect(ready.status).toBe(200);
    expect(ready.body.info.database.status).toBe('up');
  });

  it('answers malformed URLs and over-long parameters in the envelope', async () => {
    const bad = await stack.call('GET', '/v1/json/orders/%E0%A4%A');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ success: false, error_code: 1016 });
    const long = await stack.call('GET', `/v1/json/orders/${'x'.repeat(3000)}`);
    expect(long.status).toBe(414);
    expect(long.body).toMatchObject({ success: false, error_code: 1016 });
  });

  it('answers unknown routes in the envelope', async () => {
    const res = await stack.call('GET', '/v1/json/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ success: false, error_code: 1000 });
  });
});
