import { SEED_ORDER_EXAMPLE, verifyNotification } from '@app/multisafepay';
import { CALLERS, startStack, uniqueOrderId, type Stack } from '../support/stack.js';
import { mspOrder, notify } from '../support/msp-notify.js';
import { answerOk, startReceiver } from '../support/receiver.js';
import { until } from '../support/until.js';

const FAST = { RECONCILE_INTERVAL_MS: '0', DELIVERY_POLL_MS: '100', DELIVERY_TIMEOUT_MS: '500', DELIVERY_BASE_DELAY_MS: '200', DELIVERY_MAX_DELAY_MS: '400' };
const stamp = (s: number) => new Date(Date.now() + s * 1000).toISOString().slice(0, 19);


describe('notifications out to callers', () => {
  let stack: Stack;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  async function paidOrder(target: Stack, opts: { method?: 'GET' | 'POST'; key?: string; path?: string } = {}) {
    const orderId = uniqueOrderId('out');
    const body = structuredClone(SEED_ORDER_EXAMPLE) as Record<string, any>;
    body.order_id = orderId;
    body.var1 = 'basket-17';
    body.custom_info = { custom_1: 'campaign-x' };
    body.payment_options.notification_url = `${receiver.url}${opts.path ?? '/hook'}?type=notification&shop=7`;
    if (opts.method) body.payment_options.notification_method = opts.method;
    expect((await target.call('POST', '/v1/json/orders', { body, key: opts.key })).status).toBe(200);
    const base = await mspOrder(target, orderId);
    expect((await notify(target, orderId, { ...base, status: 'completed', financial_status: 'completed', modified: stamp(5) })).text).toBe('OK');
    return orderId;
  }
  const deliveries = async (orderId: string, key: string = CALLERS.checkout) =>
    (await stack.call('GET', `/v1/json/notifications?order_id=${orderId}`, { key })).body.data;

  beforeAll(async () => {
    receiver = await startReceiver();
    stack = await startStack({ env: FAST });
  });
  afterEach(() => receiver.behave(answerOk));
  afterAll(async () => {
    await stack?.close();
    await receiver?.close();
  });

  it("sends MSP's format, signed with the caller's own key, keeping the caller's query", async () => {
    const before = receiver.received.length;
    const orderId = await paidOrder(stack);
    const [got] = (await receiver.waitFor(before + 1)).slice(before);
    expect(got.method).toBe('POST');
    expect(got.url.pathname).toBe('/hook');
    expect(got.url.searchParams.get('type')).toBe('notification');
    expect(got.url.searchParams.get('shop')).toBe('7');
    expect(got.url.searchParams.get('transactionid')).toBe(orderId);
    const timestamp = got.url.searchParams.get('timestamp');
    expect(timestamp).toMatch(/^\d{10}$/);
    const order = JSON.parse(got.body);
    expect(order).toMatchObject({ order_id: orderId, status: 'completed', amount: 1000, currency: 'EUR', var1: 'basket-17', custom_info: { custom_1: 'campaign-x' } });
    expect(order.success).toBeUndefined();
    // The payload is built from the row as the change wrote it, without reading it back: it must be what a read shows.
    expect(order).toEqual((await stack.call('GET', `/v1/json/orders/${orderId}`)).body.data);
    const auth = got.headers.auth as string;
    expect(verifyNotification({ apiKey: CALLERS.checkout, rawBody: got.body, auth, maxAgeSeconds: 600 })).toBe('valid');
    expect(verifyNotification({ apiKey: CALLERS.billing, rawBody: got.body, auth, maxAgeSeconds: 600 })).toBe('invalid');
    expect(Buffer.from(auth, 'base64').toString().startsWith(`${timestamp}:`)).toBe(true);

    const listed = await until(() => deliveries(orderId), (d) => d[0]?.status === 'delivered');
    expect(listed[0]).toMatchObject({ order_id: orderId, status: 'delivered', attempts: 1, last_response: expect.stringMatching(/^200 OK/) });
    expect((await stack.call('GET', `/v1/json/notifications?order_id=${orderId}`, { key: CALLERS.billing })).body.data).toEqual([]);
  });

  it('honours notification_method GET: no body, the caller fetches the order', async () => {
    const before = receiver.received.length;
    const orderId = await paidOrder(stack, { method: 'GET' });
    const [got] = (await receiver.waitFor(before + 1)).slice(before);
    expect(got).toMatchObject({ method: 'GET', body: '' });
    expect(got.url.searchParams.get('transactionid')).toBe(orderId);
  });

  it('retries a receiver that answers 500 until it recovers', async () => {
    let calls = 0;
    receiver.behave((_r, res) => {
      calls += 1;
      if (calls < 3) res.writeHead(500).end('boom');
      else res.writeHead(200).end('OK');
    });
    const orderId = await paidOrder(stack, { path: '/flaky' });
    const [d] = await until(() => deliveries(orderId), (x) => x[0]?.status === 'delivered');
    expect(d).toMatchObject({ status: 'delivered', attempts: 3 });
  });

  it('does not count a 200 without OK as delivered', async () => {
    receiver.behave((_r, res) => res.writeHead(200).end('accepted'));
    const orderId = await paidOrder(stack, { path: '/no-ok' });
    const [d] = await until(() => deliveries(orderId), (x) => x[0]?.attempts >= 1 && x[0]?.status === 'failed');
    expect(d.last_response).toMatch(/^200 accepted/);
  });

  it('times out a receiver that never answers, and retries', async () => {
    receiver.behave(() => undefined);
    const orderId = await paidOrder(stack, { path: '/hang' });
    const [d] = await until(() => deliveries(orderId), (x) => x[0]?.attempts >= 2, 15_000);
    expect(d.status).toBe('failed');
    expect(d.last_response).toMatch(/timeout/);
    receiver.behave(answerOk);
    expect((await until(() => deliveries(orderId), (x) => x[0]?.status === 'delivered', 15_000))[0].status).toBe('delivered');
  });

  it('follows no redirects', async () => {
    receiver.behave((_r, res) => res.writeHead(302, { location: 'http://127.0.0.1:9/elsewhere' }).end());
    const orderId = await paidOrder(stack, { path: '/moved' });
    const [d] = await until(() => deliveries(orderId), (x) => x[0]?.attempts >= 1 && x[0]?.status === 'failed');
    expect(d.last_response).toMatch(/^302/);
  });

  it('goes dead after the retry window, and a manual retry delivers it', async () => {
    const short = await startStack({ sandbox: stack.sandbox, databaseUrl: stack.databaseUrl, env: { ...FAST, DELIVERY_MAX_AGE_S: '1' } });
    try {
      receiver.behave((_r, res) => res.writeHead(503).end('down'));
      const orderId = await paidOrder(short, { path: '/dead' });
      const dead = await until(() => deliveries(orderId), (x) => x[0]?.status === 'dead', 15_000);
      expect(dead[0].status).toBe('dead');
      expect(dead[0].next_attempt_at).toBeNull();
      const metrics = await fetch(`${short.url}/metrics`).then((r) => r.text());
      expect(metrics).toMatch(/payments_deliveries_dead [1-9]/);

      receiver.behave(answerOk);
      const retried = await short.call('POST', `/v1/json/notifications/${dead[0].id}/retry`);
      expect(retried.status).toBe(200);
      expect(retried.body.data).toMatchObject({ id: dead[0].id, status: 'delivered' });
      expect((await short.call('POST', `/v1/json/notifications/${dead[0].id}/retry`, { key: CALLERS.billing })).status).toBe(404);
    } finally {
      await short.close();
    }
  });

  it('resumes pending deliveries after a restart', async () => {
    const first = await startStack({ sandbox: stack.sandbox, databaseUrl: stack.databaseUrl, env: { ...FAST, DELIVERY_BASE_DELAY_MS: '1500', DELIVERY_MAX_DELAY_MS: '1500' } });
    receiver.behave((_r, res) => res.writeHead(500).end('not yet'));
    const orderId = await paidOrder(first, { path: '/restart' });
    await until(() => deliveries(orderId), (x) => x[0]?.status === 'failed');
    await first.close();
    receiver.behave(answerOk);
    const again = await startStack({ sandbox: stack.sandbox, databaseUrl: stack.databaseUrl, env: FAST });
    try {
      const [d] = await until(() => deliveries(orderId), (x) => x[0]?.status === 'delivered', 15_000);
      expect(d.status).toBe('delivered');
    } finally {
      await again.close();
    }
  });

  it('does not double-deliver with two instances working the same queue', async () => {
    const twin = await startStack({ sandbox: stack.sandbox, databaseUrl: stack.databaseUrl, env: FAST });
    try {
      const before = receiver.received.length;
      const ids: string[] = [];
      for (let i = 0; i < 10; i++) ids.push(await paidOrder(i % 2 ? twin : stack, { path: '/twins' }));
      await receiver.waitFor(before + 10);
      await new Promise((r) => setTimeout(r, 1000));
      const got = receiver.received.slice(before).filter((r) => r.url.pathname === '/twins').map((r) => r.url.searchParams.get('transactionid'));
      expect(got.sort()).toEqual(ids.sort());
    } finally {
      await twin.close();
    }
  });

  it('refuses targets outside the caller\'s allowlist without calling them', async () => {
    // Its own database: every instance of a deployment shares the allowlist, unlike the other stacks here.
    const strict = await startStack({ sandbox: stack.sandbox, env: { ...FAST, NOTIFY_ALLOWED_HOSTS: 'checkout=hooks.example.com|*.internal.example' } });
    try {
      const before = receiver.received.length;
      const orderId = await paidOrder(strict, { path: '/not-allowed' });
      const listed = () => strict.call('GET', `/v1/json/notifications?order_id=${orderId}`).then((r) => r.body.data);
      const [d] = await until(listed, (x) => x[0]?.status === 'dead');
      expect(d.last_response).toMatch(/refused: host 127\.0\.0\.1 is not on the allowlist/);
      expect(receiver.received.slice(before).some((r) => r.url.pathname === '/not-allowed')).toBe(false);
    } finally {
      await strict.close();
    }
  });

  it('lists with filters and paging, and refuses bad filters', async () => {
    const page = await stack.call('GET', '/v1/json/notifications?limit=2&status=delivered');
    expect(page.status).toBe(200);
    expect(page.body.data.length).toBeLessThanOrEqual(2);
    expect(page.body.data.every((d: { status: string }) => d.status === 'delivered')).toBe(true);
    if (page.body.pager.cursor.after) {
      const next = await stack.call('GET', `/v1/json/notifications?limit=2&status=delivered&after=${page.body.pager.cursor.after}`);
      expect(next.body.data[0]?.id).not.toBe(page.body.data[0].id);
    }
    expect((await stack.call('GET', '/v1/json/notifications?status=lost')).status).toBe(400);
  });
});
