import { mkdtemp, rm, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEED_ORDER_EXAMPLE } from '@app/multisafepay';
import { startEmbeddedPostgres } from '../../apps/payments/src/database/embedded-postgres.js';
import { freePort } from '../support/free-port.js';
import { events } from '../support/msp-notify.js';
import { sandbox, until } from '../support/sandbox-control.js';
import { startStack, uniqueOrderId, type Stack } from '../support/stack.js';

/** Notifications as the sandbox sends them (signed POSTs with MSP's retries), bent by its fault injection. */
describe('MSP notifications from the sandbox, with faults', () => {
  let stack: Stack;

  async function newOrder(target: Stack = stack): Promise<string> {
    const orderId = uniqueOrderId('sbx');
    expect((await target.call('POST', '/v1/json/orders', { body: { ...structuredClone(SEED_ORDER_EXAMPLE), order_id: orderId } })).status).toBe(200);
    return orderId;
  }
  const status = (orderId: string, target: Stack = stack) => target.call('GET', `/v1/json/orders/${orderId}`).then((r) => r.body.data.status);
  const inbox = (orderId: string) => stack.call('GET', `/v1/json/orders/${orderId}/notifications`).then((r) => r.body.data);

  beforeAll(async () => {
    stack = await startStack({ env: { RECONCILE_AFTER_S: '1', RECONCILE_INTERVAL_MS: '300', RECONCILE_MAX_BACKOFF_S: '2' } });
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('turns ten deliveries of one notification into one event', async () => {
    const orderId = await newOrder();
    await sandbox.notificationFault(stack, { order_id: orderId, duplicate: 9, times: 1 });
    await sandbox.force(stack, orderId, 'completed');
    const received = await until(() => inbox(orderId), (x) => x.length >= 10 && x.every((n: { outcome: string | null }) => n.outcome));
    expect(received).toHaveLength(10);
    expect((await events(stack, orderId)).filter((e) => e.source === 'notification')).toHaveLength(1);
  });

  it('ends reordered notifications (older after newer) in the newest state', async () => {
    const orderId = await newOrder();
    await sandbox.notificationFault(stack, { order_id: orderId, reorder: true, times: 1 });
    await sandbox.force(stack, orderId, 'uncleared');
    await new Promise((r) => setTimeout(r, 1100)); // a later MSP `modified` (whole seconds)
    await sandbox.force(stack, orderId, 'completed');
    const outcomes = await until(() => inbox(orderId), (x) => x.length >= 2 && x.every((n: { outcome: string | null }) => n.outcome));
    // The newer one is applied (or was already, by reconciliation); the older one, arriving last, is stale.
    expect(outcomes.map((n: { outcome: string }) => n.outcome).at(-1)).toBe('stale');
    expect(await status(orderId)).toBe('completed');
  });

  it('works with a GET notification: a trigger to fetch the order from MSP', async () => {
    const orderId = await newOrder();
    await sandbox.notificationFault(stack, { order_id: orderId, as_get: true, times: 1 });
    await sandbox.force(stack, orderId, 'completed');
    const [n] = await until(() => inbox(orderId), (x) => x[0]?.outcome);
    expect(n).toMatchObject({ method: 'GET', signature: 'missing', outcome: 'applied' });
    expect(await status(orderId)).toBe('completed');
  });

  it('answers a pretransaction notification OK and changes nothing', async () => {
    const orderId = await newOrder();
    await sandbox.notificationFault(stack, { order_id: orderId, pretransaction: true, times: 1 });
    await sandbox.force(stack, orderId, 'completed');
    const [n] = await until(() => inbox(orderId), (x) => x[0]?.outcome);
    expect(n).toMatchObject({ payload_type: 'pretransaction', outcome: 'ignored' });
    const sent = await sandbox.notifications(stack, orderId);
    expect(sent.find((s) => s.faults.includes('pretransaction'))?.acknowledged).toBe(true);
  });

  it('fixes a dropped notification by reconciliation, and counts it as missed', async () => {
    const orderId = await newOrder();
    await sandbox.notificationFault(stack, { order_id: orderId, drop: true });
    await sandbox.force(stack, orderId, 'completed');
    expect(await until(() => status(orderId), (s) => s === 'completed', 15_000)).toBe('completed');
    expect(await inbox(orderId)).toEqual([]);
    expect((await events(stack, orderId)).map((e) => [e.to_status, e.source])).toEqual([['initialized', 'api'], ['completed', 'reconciliation']]);
    const metrics = await fetch(`${stack.url}/metrics`).then((r) => r.text());
    expect(metrics).toMatch(/payments_reconciliation_corrections_total [1-9]/);
    const { rows } = await stack.db.query(`SELECT next_sync_at FROM orders WHERE order_id = $1`, [orderId]);
    expect(rows[0].next_sync_at).not.toBeNull(); // completed is not final: refunds may follow
  });

  it('settles a create that timed out on our side once reconciliation finds the order at MSP', async () => {
    const orderId = uniqueOrderId('sbx-pending');
    await sandbox.apiFault(stack, { endpoint: 'POST /v1/json/orders', latency_ms: 2600, times: 1 });
    const res = await stack.call('POST', '/v1/json/orders', { body: { ...structuredClone(SEED_ORDER_EXAMPLE), order_id: orderId } });
    expect(res.status).toBe(504);
    const settled = await until(
      () => stack.db.query(`SELECT create_state, transaction_id FROM orders WHERE order_id = $1`, [orderId]).then((r) => r.rows[0]),
      (row) => row.create_state === 'created', 15_000);
    expect(settled).toMatchObject({ create_state: 'created', transaction_id: expect.stringMatching(/^\d{17}$/) });
  });

  it('stops reconciling at a final state', async () => {
    const orderId = await newOrder();
    await sandbox.notificationFault(stack, { order_id: orderId, drop: true });
    await sandbox.force(stack, orderId, 'expired');
    expect(await until(() => status(orderId), (s) => s === 'expired', 15_000)).toBe('expired');
    const { rows } = await stack.db.query(`SELECT next_sync_at FROM orders WHERE order_id = $1`, [orderId]);
    expect(rows[0].next_sync_at).toBeNull();
  });
});

describe('a notification while the database is down', () => {
  it('is answered with an error, and MSP\'s retry succeeds with nothing lost', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'payments-pg-down-'));
    await chmod(dir, 0o755);
    const port = await freePort();
    const options = { dataDir: join(dir, 'cluster'), port, database: 'payments' };
    let db = await startEmbeddedPostgres(options);
    const stack = await startStack({ databaseUrl: db.url, env: { RECONCILE_INTERVAL_MS: '0' }, sandboxOptions: { notificationRetryMs: 1500 } });
    try {
      const orderId = uniqueOrderId('down');
      expect((await stack.call('POST', '/v1/json/orders', { body: { ...structuredClone(SEED_ORDER_EXAMPLE), order_id: orderId } })).status).toBe(200);
      await db.stop();
      await sandbox.force(stack, orderId, 'completed');
      const failed = await until(() => sandbox.notifications(stack, orderId), (n) => n.length >= 1);
      expect(failed[0]).toMatchObject({ attempt: 1, acknowledged: false });
      expect(failed[0].status).not.toBe('200');
      db = await startEmbeddedPostgres(options);
      const retried = await until(() => sandbox.notifications(stack, orderId), (n) => n.some((x) => x.acknowledged), 15_000);
      expect(retried.find((x) => x.acknowledged)?.attempt).toBeGreaterThan(1);
      expect(await stack.call('GET', `/v1/json/orders/${orderId}`).then((r) => r.body.data.status)).toBe('completed');
      const { rows } = await stack.db.query(`SELECT to_status, source FROM order_events e JOIN orders o ON o.id = e.order_pk WHERE o.order_id = $1 ORDER BY e.id`, [orderId]);
      expect(rows).toEqual([{ to_status: 'initialized', source: 'api' }, { to_status: 'completed', source: 'notification' }]);
    } finally {
      await stack.close().catch(() => undefined);
      await db.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
