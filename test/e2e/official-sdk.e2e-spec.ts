import { SEED_ORDER_EXAMPLE } from '@app/multisafepay';
import { officialSdk } from '../support/msp-sdk.js';
import { CALLERS, startStack, uniqueOrderId, type Stack } from '../support/stack.js';

describe("MultiSafepay's official Node SDK as a client of the service", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('creates, reads and lists orders with a caller\'s key', async () => {
    const sdk = officialSdk(`${stack.url}/v1/json`, CALLERS.checkout);
    const orderId = uniqueOrderId('sdk');
    const created = await sdk.orders.create({ ...structuredClone(SEED_ORDER_EXAMPLE), order_id: orderId });
    expect(created.success).toBe(true);
    expect(created.data.order_id).toBe(orderId);
    expect(created.data.payment_url).toEqual(expect.any(String));

    const read = await sdk.orders.get(orderId);
    expect(read.success).toBe(true);
    expect(read.data).toMatchObject({ order_id: orderId, status: 'initialized', amount: 1000 });

    const list = await sdk.orders.get();
    expect(list.success).toBe(true);
    expect(list.data.map((o: { order_id: string }) => o.order_id)).toContain(orderId);

    const { rows } = await stack.db.query(`SELECT request FROM orders WHERE order_id = $1`, [orderId]);
    expect(rows[0].request.plugin).toBeDefined();
  });

  it('reads gateways and iDEAL issuers', async () => {
    const sdk = officialSdk(`${stack.url}/v1/json`, CALLERS.checkout);
    expect((await sdk.gateways.get()).data.length).toBeGreaterThan(0);
    expect((await sdk.issuers.get()).data).toEqual(expect.arrayContaining([expect.objectContaining({ code: '3151' })]));
  });

  it('gets MSP\'s error shape back for a bad key and a bad order', async () => {
    const bad = officialSdk(`${stack.url}/v1/json`, 'not-a-valid-key-000000000');
    expect(await bad.orders.get('x')).toEqual({ error_code: 1032, error_info: expect.any(String) });
    const sdk = officialSdk(`${stack.url}/v1/json`, CALLERS.checkout);
    const invalid = await sdk.orders.create({ ...structuredClone(SEED_ORDER_EXAMPLE), order_id: uniqueOrderId('sdk'), amount: -5 });
    expect(invalid.error_code).toBe(1001);
  });
});
