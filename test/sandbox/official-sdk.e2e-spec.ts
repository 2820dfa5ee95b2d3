import { SANDBOX_KEY, startTestSandbox, type RunningTestSandbox } from './sandbox-http.js';
import { seedWith } from './seed-order.js';
import { officialSdk } from '../support/msp-sdk.js';

describe("sandbox MSP API: MultiSafepay's official Node SDK as the client", () => {
  let sandbox: RunningTestSandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  it('creates, reads and lists orders', async () => {
    const sdk = officialSdk(sandbox.apiBaseUrl, SANDBOX_KEY);
    const body = seedWith();
    const created = await sdk.orders.create(body);
    expect(created).toMatchObject({ success: true, data: { order_id: body.order_id, payment_url: expect.any(String), session_id: expect.any(String) } });

    const read = await sdk.orders.get(body.order_id);
    expect(read).toMatchObject({ success: true, data: { order_id: body.order_id, status: 'initialized', amount: 1000, currency: 'EUR' } });

    const list = await sdk.orders.get();
    expect(list.success).toBe(true);
    expect(list.data.map((o: { order_id: string }) => o.order_id)).toContain(body.order_id);
  });

  it('refunds a paid order', async () => {
    const sdk = officialSdk(sandbox.apiBaseUrl, SANDBOX_KEY);
    const body = seedWith({ type: 'direct', gateway: 'VISA', gateway_info: { card_number: '4111111111111111', card_expiry_date: '3012', card_cvc: '123', flexible_3d: false } });
    expect((await sdk.orders.create(body)).data.status).toBe('completed');
    const refund = await sdk.refunds.create(body.order_id, { currency: 'EUR', amount: 400, description: 'partial' });
    expect(refund).toMatchObject({ success: true, data: { transaction_id: expect.any(Number), refund_id: expect.any(Number) } });
    expect((await sdk.orders.get(body.order_id)).data).toMatchObject({ status: 'partial_refunded', amount_refunded: 400 });
  });

  it('reads gateways and iDEAL issuers', async () => {
    const sdk = officialSdk(sandbox.apiBaseUrl, SANDBOX_KEY);
    const gateways = await sdk.gateways.get();
    expect(gateways.success).toBe(true);
    expect(gateways.data.length).toBeGreaterThan(0);
    const issuers = await sdk.issuers.get();
    expect(issuers.data).toEqual(expect.arrayContaining([{ code: '3151', description: 'Test bank' }]));
  });

  it("gets MSP's error fields for a bad key and an invalid body", async () => {
    const bad = officialSdk(sandbox.apiBaseUrl, 'not-the-key');
    expect(await bad.orders.get('x')).toEqual({ error_code: 1032, error_info: 'Invalid API key' });
    const invalid = await officialSdk(sandbox.apiBaseUrl, SANDBOX_KEY).orders.create(seedWith({ amount: -5 }));
    expect(invalid.error_code).toBe(1001);
  });
});
