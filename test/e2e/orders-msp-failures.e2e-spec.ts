import { SEED_ORDER_EXAMPLE } from '@app/multisafepay';
import { freePort } from '../support/free-port.js';
import { startStack, uniqueOrderId, type Stack } from '../support/stack.js';

const seed = () => ({ ...structuredClone(SEED_ORDER_EXAMPLE), order_id: uniqueOrderId('fail') });

async function fault(stack: Stack, spec: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${stack.sandbox.url}/_sandbox/faults`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ endpoint: 'POST /v1/json/orders', ...spec }),
  });
  expect(res.ok).toBe(true);
}
const clearFaults = (stack: Stack) => fetch(`${stack.sandbox.url}/_sandbox/faults`, { method: 'DELETE' });

async function storedOrder(stack: Stack, orderId: string) {
  const { rows } = await stack.db.query(
    `SELECT o.status, o.create_state, count(e.id)::int AS events FROM orders o LEFT JOIN order_events e ON e.order_pk = o.id
     WHERE o.order_id = $1 GROUP BY o.id`, [orderId]);
  return rows[0];
}

describe('when MultiSafepay fails', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ env: { MSP_TIMEOUT_MS: '1000' } });
  });
  afterEach(async () => {
    await clearFaults(stack);
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('answers 504 when MSP is slow, keeps the order pending, and a retry of the same request completes it', async () => {
    const body = seed();
    await fault(stack, { latency_ms: 1800, times: 1 });
    const slow = await stack.call('POST', '/v1/json/orders', { body });
    expect(slow.status).toBe(504);
    expect(slow.body).toMatchObject({ success: false, data: {}, error_code: 1014 });
    expect(slow.body.error_info).toMatch(/did not answer in time/);
    expect(await storedOrder(stack, body.order_id)).toEqual({ status: 'initialized', create_state: 'pending', events: 1 });

    // The slow call did reach MSP; the retry finds MSP's order (1006 there) and settles ours.
    await new Promise((r) => setTimeout(r, 1200));
    const retry = await stack.call('POST', '/v1/json/orders', { body });
    expect(retry.status).toBe(200);
    expect(retry.body.data.order_id).toBe(body.order_id);
    expect(await storedOrder(stack, body.order_id)).toEqual({ status: 'initialized', create_state: 'created', events: 1 });
  });

  it('answers 504 when MSP hangs', async () => {
    const body = seed();
    await fault(stack, { hang: true, times: 1 });
    const res = await stack.call('POST', '/v1/json/orders', { body });
    expect(res.status).toBe(504);
    expect((await storedOrder(stack, body.order_id)).create_state).toBe('pending');
  });

  it('answers 502 when MSP answers 5xx, and the retry creates the order', async () => {
    const body = seed();
    await fault(stack, { status: 503, times: 1 });
    const res = await stack.call('POST', '/v1/json/orders', { body });
    expect(res.status).toBe(502);
    expect(res.body).toMatchObject({ success: false, error_code: 1014 });
    const retry = await stack.call('POST', '/v1/json/orders', { body });
    expect(retry.status).toBe(200);
    expect(retry.body.data.payment_url).toEqual(expect.any(String));
    expect(await storedOrder(stack, body.order_id)).toEqual({ status: 'initialized', create_state: 'created', events: 1 });
  });

  it('does not hold a database connection or lock while waiting for MSP', async () => {
    const body = seed();
    await fault(stack, { latency_ms: 700, times: 1 });
    const pending = stack.call('POST', '/v1/json/orders', { body });
    await new Promise((r) => setTimeout(r, 300));
    const { rows } = await stack.db.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'idle in transaction'`);
    expect(rows[0].n).toBe(0);
    // The row is visible (committed) while MSP is still thinking.
    expect((await storedOrder(stack, body.order_id)).create_state).toBe('pending');
    expect((await pending).status).toBe(200);
  });
});

describe('when MultiSafepay is unreachable', () => {
  it('answers 502 and leaves a pending order that nothing else half-wrote', async () => {
    const closed = await freePort();
    const stack = await startStack({ env: { MSP_BASE_URL: `http://127.0.0.1:${closed}/v1/json` } });
    try {
      const body = seed();
      const res = await stack.call('POST', '/v1/json/orders', { body });
      expect(res.status).toBe(502);
      expect(res.body).toMatchObject({ success: false, error_code: 1014 });
      expect(res.body.error_info).toMatch(/unreachable/);
      expect(await storedOrder(stack, body.order_id)).toEqual({ status: 'initialized', create_state: 'pending', events: 1 });
    } finally {
      await stack.close();
    }
  });
});
