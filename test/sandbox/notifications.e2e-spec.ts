import { createHmac } from 'node:crypto';
import { startSandbox } from '../../apps/msp-sandbox/src/start-sandbox.js';
import { startReceiver } from '../support/receiver.js';
import { until } from '../support/sandbox-control.js';
import { seedWith } from './seed-order.js';

const KEY = 'sandbox-notify-key-0123456789';

/** API-NOTES §3.3 written out independently of the adapter: base64("<ts>:" + hex(HMAC-SHA512(trim(key), "<ts>:" + body))). */
function verifiesWithPublishedAlgorithm(key: string, body: string, auth: string): boolean {
  const [ts, hex] = Buffer.from(auth, 'base64').toString('utf8').split(':');
  return createHmac('sha512', key.trim()).update(`${ts}:${body}`).digest('hex') === hex;
}

describe('sandbox notifications', () => {
  let sbx: Awaited<ReturnType<typeof startSandbox>>;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  const create = async (overrides: Record<string, unknown> = {}) => {
    const body = seedWith({ payment_options: { notification_url: `${receiver.url}/notify?shop=42`, notification_method: 'POST' }, ...overrides });
    const res = await fetch(`${sbx.apiBaseUrl}/orders`, { method: 'POST', headers: { api_key: KEY, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(res.status).toBe(200);
    return body.order_id as string;
  };
  const force = (orderId: string, status: string) =>
    fetch(`${sbx.url}/_sandbox/orders/${orderId}/status`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ status }) });
  const fault = (f: Record<string, unknown>) =>
    fetch(`${sbx.url}/_sandbox/notification-faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(f) });
  const log = async (orderId: string) => (await fetch(`${sbx.url}/_sandbox/notifications`).then((r) => r.json())).notifications.filter((n: { order_id: string }) => n.order_id === orderId);
  const forOrder = (orderId: string) => receiver.received.filter((r) => r.url.searchParams.get('transactionid') === orderId);

  beforeAll(async () => {
    receiver = await startReceiver();
    sbx = await startSandbox({ port: 0, apiKey: KEY, logger: false, notificationRetryMs: 1100, notificationTimeoutMs: 500 });
  });
  afterEach(() => receiver.behave((_r, res) => res.writeHead(200).end('OK')));
  afterAll(async () => {
    await sbx?.close();
    await receiver?.close();
  });

  it('POSTs the order JSON, signed as MSP signs, keeping the URL\'s own query', async () => {
    const orderId = await create();
    await force(orderId, 'completed');
    const [got] = await until(async () => forOrder(orderId), (x) => x.length > 0);
    expect(got.method).toBe('POST');
    expect(got.url.searchParams.get('shop')).toBe('42');
    expect(got.url.searchParams.get('timestamp')).toMatch(/^\d{10}$/);
    expect(got.body).toMatch(/"transaction_id":\d{17}/);
    expect(JSON.parse(got.body)).toMatchObject({ order_id: orderId, status: 'completed' });
    expect(JSON.parse(got.body).success).toBeUndefined();
    expect(verifiesWithPublishedAlgorithm(KEY, got.body, got.headers.auth as string)).toBe(true);
    expect(verifiesWithPublishedAlgorithm('another-key', got.body, got.headers.auth as string)).toBe(false);
  });

  it('uses GET when notification_method is GET', async () => {
    const orderId = await create({ payment_options: { notification_url: `${receiver.url}/notify`, notification_method: 'GET' } });
    await force(orderId, 'completed');
    const [got] = await until(async () => forOrder(orderId), (x) => x.length > 0);
    expect(got).toMatchObject({ method: 'GET', body: '' });
  });

  it('retries an unacknowledged notification 3 times, each with a new timestamp and signature', async () => {
    receiver.behave((_r, res) => res.writeHead(200).end('x'.repeat(120) + 'OK')); // OK too late in the body
    const orderId = await create();
    await force(orderId, 'completed');
    const tries = await until(async () => forOrder(orderId), (x) => x.length >= 4, 10_000);
    await new Promise((r) => setTimeout(r, 1500));
    expect(forOrder(orderId)).toHaveLength(4);
    const stamps = tries.map((t) => Buffer.from(t.headers.auth as string, 'base64').toString().split(':')[0]);
    expect(new Set(stamps).size).toBe(4);
    for (const t of tries) expect(verifiesWithPublishedAlgorithm(KEY, t.body, t.headers.auth as string)).toBe(true);
    expect((await log(orderId)).map((n: { attempt: number; acknowledged: boolean }) => [n.attempt, n.acknowledged])).toEqual([[1, false], [2, false], [3, false], [4, false]]);
  });

  it('stops retrying once the receiver answers OK', async () => {
    let calls = 0;
    receiver.behave((_r, res) => (++calls === 1 ? res.writeHead(503).end('busy') : res.writeHead(200).end('OK')));
    const orderId = await create();
    await force(orderId, 'completed');
    await until(async () => log(orderId), (x) => x.some((n: { acknowledged: boolean }) => n.acknowledged), 5000);
    await new Promise((r) => setTimeout(r, 1300));
    expect(forOrder(orderId)).toHaveLength(2);
  });

  it('injects faults: drop, duplicate, bad signature, pretransaction, and logs them', async () => {
    const dropped = await create();
    await fault({ order_id: dropped, drop: true, times: 1 });
    await force(dropped, 'completed');
    const duplicated = await create();
    await fault({ order_id: duplicated, duplicate: 2, times: 1 });
    await force(duplicated, 'completed');
    const forged = await create();
    await fault({ order_id: forged, bad_signature: true, times: 1 });
    await force(forged, 'completed');
    const pre = await create();
    await fault({ order_id: pre, pretransaction: true, times: 1 });
    await force(pre, 'completed');

    await until(async () => forOrder(duplicated), (x) => x.length >= 3);
    await until(async () => forOrder(pre), (x) => x.length >= 1);
    const [bad] = await until(async () => forOrder(forged), (x) => x.length >= 1);
    expect(forOrder(dropped)).toHaveLength(0);
    expect((await log(dropped))[0]).toMatchObject({ status: 'dropped', faults: ['drop'] });
    expect(forOrder(duplicated)).toHaveLength(3);
    expect(verifiesWithPublishedAlgorithm(KEY, bad.body, bad.headers.auth as string)).toBe(false);
    expect(forOrder(pre)[0].url.searchParams.get('payload_type')).toBe('pretransaction');
  });

  it('reorders: an older snapshot arrives after a newer one', async () => {
    const orderId = await create();
    await fault({ order_id: orderId, reorder: true, times: 1 });
    await force(orderId, 'uncleared');
    await force(orderId, 'completed');
    const got = await until(async () => forOrder(orderId), (x) => x.length >= 2);
    expect(got.map((g) => JSON.parse(g.body).status)).toEqual(['completed', 'uncleared']);
  });
});
