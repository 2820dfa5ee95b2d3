import { SEED_ORDER_EXAMPLE } from '@app/multisafepay';
import { CALLERS, startStack, uniqueOrderId, type Stack } from '../support/stack.js';
import { events, mspOrder, notify } from '../support/msp-notify.js';
import { OrderStateService } from '../../apps/payments/src/orders/order-state.service.js';
import { STATE_ROW_COLUMNS, type StateRow } from '../../apps/payments/src/orders/state-change.js';

const stamp = (secondsFromNow: number) => new Date(Date.now() + secondsFromNow * 1000).toISOString().slice(0, 19);

describe('MSP notifications in', () => {
  let stack: Stack;
  let second: Stack;

  async function newOrder(): Promise<{ orderId: string; base: Record<string, any> }> {
    const orderId = uniqueOrderId('in');
    const res = await stack.call('POST', '/v1/json/orders', { body: { ...structuredClone(SEED_ORDER_EXAMPLE), order_id: orderId } });
    expect(res.status).toBe(200);
    return { orderId, base: await mspOrder(stack, orderId) };
  }
  const snap = (base: Record<string, any>, status: string, at: number, extra: Record<string, unknown> = {}) => ({
    ...base, status, financial_status: status === 'partial_refunded' || status === 'refunded' ? 'completed' : status, modified: stamp(at), ...extra,
  });
  const inbox = async (orderId: string) => (await stack.call('GET', `/v1/json/orders/${orderId}/notifications`)).body.data;

  beforeAll(async () => {
    stack = await startStack({ env: { RECONCILE_INTERVAL_MS: '0' } });
    second = await startStack({ sandbox: stack.sandbox, databaseUrl: stack.databaseUrl, env: { RECONCILE_INTERVAL_MS: '0' } });
  });
  afterAll(async () => {
    await second?.close();
    await stack?.close();
  });

  it('applies a signed snapshot, answers text/plain OK after the commit, and links history to the inbox', async () => {
    const { orderId, base } = await newOrder();
    const res = await notify(stack, orderId, snap(base, 'completed', 5));
    expect(res).toMatchObject({ status: 200, text: 'OK' });
    expect(res.contentType).toMatch(/^text\/plain/);
    const order = (await stack.call('GET', `/v1/json/orders/${orderId}`)).body.data;
    expect(order).toMatchObject({ status: 'completed', financial_status: 'completed' });
    const history = await events(stack, orderId);
    expect(history.map((e) => [e.from_status, e.to_status, e.source])).toEqual([[null, 'initialized', 'api'], ['initialized', 'completed', 'notification']]);
    const entries = await inbox(orderId);
    expect(entries).toEqual([expect.objectContaining({ method: 'POST', signature: 'valid', outcome: 'applied', received_at: expect.any(String) })]);
    expect(history[1].inbound_notification_id).toBe(entries[0].id);
  });

  it('turns 10 duplicates into one event', async () => {
    const { orderId, base } = await newOrder();
    const snapshot = snap(base, 'completed', 5);
    const answers = await Promise.all(Array.from({ length: 10 }, () => notify(stack, orderId, snapshot)));
    expect(answers.every((a) => a.status === 200 && a.text === 'OK')).toBe(true);
    expect((await events(stack, orderId)).filter((e) => e.source === 'notification')).toHaveLength(1);
    const outcomes = (await inbox(orderId)).map((e: { outcome: string }) => e.outcome).sort();
    expect(outcomes).toEqual(['applied', ...Array(9).fill('duplicate')]);
  });

  it('ends reordered snapshots in the newest state and records the older one as stale', async () => {
    const { orderId, base } = await newOrder();
    expect((await notify(stack, orderId, snap(base, 'completed', 10))).text).toBe('OK');
    expect((await notify(stack, orderId, snap(base, 'uncleared', 5))).text).toBe('OK');
    expect((await stack.call('GET', `/v1/json/orders/${orderId}`)).body.data.status).toBe('completed');
    expect((await inbox(orderId)).map((e: { outcome: string }) => e.outcome)).toEqual(['applied', 'stale']);
  });

  it('never lets a bad signature change state: the request only triggers a fetch from MSP', async () => {
    const { orderId, base } = await newOrder();
    const forged = await notify(stack, orderId, snap(base, 'completed', 5), { key: 'someone-else' });
    expect(forged.text).toBe('OK');
    const expired = await notify(stack, orderId, snap(base, 'completed', 5), { timestamp: Math.floor(Date.now() / 1000) - 3600 });
    expect(expired.text).toBe('OK');
    const unsigned = await notify(stack, orderId, snap(base, 'completed', 5), { signed: false });
    expect(unsigned.text).toBe('OK');
    expect((await stack.call('GET', `/v1/json/orders/${orderId}`)).body.data.status).toBe('initialized');
    expect(await inbox(orderId)).toEqual([
      expect.objectContaining({ signature: 'invalid', outcome: 'duplicate' }),
      expect.objectContaining({ signature: 'expired', outcome: 'duplicate' }),
      expect.objectContaining({ signature: 'missing', outcome: 'duplicate' }),
    ]);
    const metrics = await fetch(`${stack.url}/metrics`).then((r) => r.text());
    expect(metrics).toMatch(/payments_msp_bad_signatures_total\{signature="invalid"\} [1-9]/);
  });

  it('answers a pretransaction and an unknown order with OK and changes nothing', async () => {
    const { orderId, base } = await newOrder();
    const pre = await notify(stack, orderId, snap(base, 'completed', 5), { query: { payload_type: 'pretransaction' } });
    expect(pre.text).toBe('OK');
    expect((await stack.call('GET', `/v1/json/orders/${orderId}`)).body.data.status).toBe('initialized');
    expect((await inbox(orderId))[0]).toMatchObject({ outcome: 'ignored', payload_type: 'pretransaction' });
    const unknown = await notify(stack, 'never-created-here', snap(base, 'completed', 5, { order_id: 'never-created-here' }));
    expect(unknown).toMatchObject({ status: 200, text: 'OK' });
  });

  it('stores the raw bytes first, even when the body is not JSON', async () => {
    const { orderId } = await newOrder();
    const res = await fetch(`${stack.url}/webhooks/multisafepay?transactionid=${orderId}&timestamp=1`, {
      method: 'POST', headers: { 'content-type': 'application/json', auth: 'bm90LWEtc2lnbmF0dXJl' }, body: '{"broken": ',
    });
    expect(res.status).toBe(200);
    const { rows } = await stack.db.query(`SELECT body, signature FROM inbound_notifications WHERE order_id = $1`, [orderId]);
    expect(rows[0].body.toString('utf8')).toBe('{"broken": ');
    expect(rows[0].signature).toBe('invalid');
  });

  it('rate-limits a source that keeps sending bad signatures', async () => {
    const limited = await startStack({ sandbox: stack.sandbox, databaseUrl: stack.databaseUrl, env: { RECONCILE_INTERVAL_MS: '0', BAD_SIGNATURE_LIMIT_PER_MIN: '3' } });
    try {
      const { orderId, base } = await newOrder();
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await notify(limited, orderId, snap(base, 'completed', 5), { key: 'forger' })).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
    } finally {
      await limited.close();
    }
  });

  it('keeps owners apart: another caller cannot see the inbox', async () => {
    const { orderId } = await newOrder();
    expect((await stack.call('GET', `/v1/json/orders/${orderId}/notifications`, { key: CALLERS.billing })).status).toBe(404);
  });

  it('sends a lock-free write that lost a race through the row lock, deciding again from the current row', async () => {
    const { orderId, base } = await newOrder();
    const { rows: [stale] } = await stack.db.query<StateRow>(`SELECT ${STATE_ROW_COLUMNS} FROM orders o WHERE order_id = $1`, [orderId]);
    expect((await notify(stack, orderId, snap(base, 'completed', 5))).text).toBe('OK');
    const conflicts = async () => Number((await fetch(`${stack.url}/metrics`).then((r) => r.text()))
      .match(/^payments_order_state_write_conflicts_total (\d+)/m)?.[1]);
    const before = await conflicts();

    const result = await stack.app.get(OrderStateService).applyToRead(stale, snap(base, 'partial_refunded', 10, { amount_refunded: 100 }) as never, { source: 'notification' });
    expect(result).toMatchObject({ outcome: 'applied', change: { from: 'completed', to: 'partial_refunded' } });
    expect(await conflicts()).toBe(before + 1);
    const history = (await events(stack, orderId)).map((e) => [e.from_status, e.to_status]);
    expect(history).toEqual([[null, 'initialized'], ['initialized', 'completed'], ['completed', 'partial_refunded']]);
    // The same stale read once more: now a duplicate of the current state, so nothing is written.
    expect(await stack.app.get(OrderStateService).applyToRead(stale, snap(base, 'partial_refunded', 10, { amount_refunded: 100 }) as never, { source: 'notification' }))
      .toEqual({ outcome: 'duplicate' });
  });

  it('moves the next sync only when a change finds it due sooner than half the quiet period', async () => {
    const { orderId, base } = await newOrder();
    const nextSync = async () => (await stack.db.query(
      `SELECT extract(epoch FROM next_sync_at - now())::int AS in_s, next_sync_at::text AS at FROM orders WHERE order_id = $1`, [orderId])).rows[0];
    await stack.db.query(`UPDATE orders SET next_sync_at = now() + interval '10 seconds' WHERE order_id = $1`, [orderId]);
    expect((await notify(stack, orderId, snap(base, 'uncleared', 5))).text).toBe('OK');
    const moved = await nextSync();
    expect(moved.in_s).toBeGreaterThan(890); // RECONCILE_AFTER_S defaults to 900
    expect((await notify(stack, orderId, snap(base, 'completed', 6))).text).toBe('OK');
    expect((await nextSync()).at).toBe(moved.at);
  });

  it('applies 50 concurrent notifications over two instances into exactly one chain of events', async () => {
    const { orderId, base } = await newOrder();
    const sequence = [
      snap(base, 'uncleared', 1),
      snap(base, 'completed', 2),
      snap(base, 'partial_refunded', 3, { amount_refunded: 100 }),
      snap(base, 'partial_refunded', 4, { amount_refunded: 300 }),
      snap(base, 'refunded', 5, { amount_refunded: 1000 }),
    ];
    const sends = Array.from({ length: 50 }, (_, i) => ({ target: i % 2 ? second : stack, snapshot: sequence[i % sequence.length] }));
    sends.sort(() => Math.random() - 0.5);
    const answers = await Promise.all(sends.map((s) => notify(s.target, orderId, s.snapshot)));
    expect(answers.every((a) => a.status === 200 && a.text === 'OK')).toBe(true);

    const order = (await stack.call('GET', `/v1/json/orders/${orderId}`)).body.data;
    expect(order).toMatchObject({ status: 'refunded', amount_refunded: 1000 });
    const chain = (await events(stack, orderId)).filter((e) => e.source === 'notification');
    // A chain: each event starts where the previous ended, and nothing is applied twice.
    let at = 'initialized';
    for (const e of chain) {
      expect(e.from_status).toBe(at);
      at = e.to_status;
    }
    expect(at).toBe('refunded');
    const { rows } = await stack.db.query(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE outcome = 'applied')::int AS applied, count(*) FILTER (WHERE outcome IS NULL OR outcome = 'failed')::int AS open
       FROM inbound_notifications WHERE order_id = $1`, [orderId]);
    expect(rows[0]).toEqual({ n: 50, applied: chain.length, open: 0 });
    const modified = (await stack.db.query(
      `SELECT e.msp_modified FROM order_events e JOIN orders o ON o.id = e.order_pk WHERE o.order_id = $1 AND e.source = 'notification' ORDER BY e.id`, [orderId])).rows.map((r) => r.msp_modified);
    expect([...modified].sort()).toEqual(modified);
  });
});
