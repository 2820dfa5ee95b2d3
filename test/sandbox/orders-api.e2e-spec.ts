import { SEED_ORDER, seedWith } from './seed-order.js';
import { call, control, mspErrorEnvelope, startTestSandbox, type RunningTestSandbox } from './sandbox-http.js';

const MSP_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;

/** The raw digits of transaction_id as written on the wire, before any JSON.parse could round them. */
const rawTransactionId = (text: string): string | undefined => /"transaction_id":\s*(\d+)\s*[,}]/.exec(text)?.[1];

describe('sandbox MSP API: orders', () => {
  let sandbox: RunningTestSandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  it('answers the seed body with order_id, payment_url and session_id', async () => {
    const res = await call(sandbox, 'POST', '/v1/json/orders', { body: SEED_ORDER });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.body).toEqual({
      success: true,
      data: { order_id: 'my-order-id-1', payment_url: expect.any(String), session_id: expect.any(String) },
    });
    const { payment_url, session_id } = res.body.data;
    expect(payment_url).toBe(`${sandbox.url}/connect/${session_id}/?lang=nl_NL`);
  });

  it('refuses a reused order_id with 1006', async () => {
    const body = seedWith();
    expect((await call(sandbox, 'POST', '/v1/json/orders', { body })).status).toBe(200);
    const again = await call(sandbox, 'POST', '/v1/json/orders', { body });
    expect(again.status).toBe(409);
    expect(again.body).toEqual(mspErrorEnvelope(1006));
  });

  it('takes a numeric order_id and reads it back by the same digits', async () => {
    const orderId = Number(`${Date.now()}`.slice(-9));
    const res = await call(sandbox, 'POST', '/v1/json/orders', { body: seedWith({ order_id: orderId }) });
    expect(res.status).toBe(200);
    expect(String(res.body.data.order_id)).toBe(String(orderId));
    const read = await call(sandbox, 'GET', `/v1/json/orders/${orderId}`);
    expect(read.status).toBe(200);
    expect(String(read.body.data.order_id)).toBe(String(orderId));
  });

  it('answers a validation failure with MSP\'s code and a 4xx, never a 5xx', async () => {
    const amount = await call(sandbox, 'POST', '/v1/json/orders', { body: seedWith({ amount: -5 }) });
    expect(amount.status).toBe(400);
    expect(amount.body).toEqual(mspErrorEnvelope(1001));

    const currency = await call(sandbox, 'POST', '/v1/json/orders', { body: seedWith({ currency: 'EURO' }) });
    expect(currency.status).toBe(400);
    expect(currency.body).toEqual(mspErrorEnvelope(1002));
  });

  it('shows a created order in MSP\'s GET shape with a big bare-number transaction_id', async () => {
    const body = seedWith({ var1: 'v1', custom_info: { custom_1: 'c1' } });
    await call(sandbox, 'POST', '/v1/json/orders', { body });
    const res = await call(sandbox, 'GET', `/v1/json/orders/${encodeURIComponent(String(body.order_id))}`);
    expect(res.status).toBe(200);
    expect(res.body.success).toBe(true);

    // MSP's newest PSP ids exceed Number.MAX_SAFE_INTEGER; they must arrive as JSON numbers, not strings.
    const digits = rawTransactionId(res.text);
    expect(digits).toMatch(/^\d{16,17}$/);
    expect(BigInt(digits!)).toBeGreaterThan(BigInt(Number.MAX_SAFE_INTEGER));

    const data = res.body.data;
    expect(data).toMatchObject({
      order_id: body.order_id,
      currency: 'EUR',
      amount: 1000,
      amount_refunded: 0,
      description: 'Test Order Description',
      status: 'initialized',
      financial_status: 'initialized',
      fastcheckout: 'NO',
      completed: null,
      items: null,
      related_transactions: null,
      var1: 'v1',
      var2: null,
      var3: null,
      custom_info: { custom_1: 'c1', custom_2: null, custom_3: null },
      customer: {
        first_name: 'Testperson-nl', last_name: 'Approved', address1: 'Kraanspoor', house_number: '39', zip_code: '1033SC',
        city: 'Amsterdam', country: 'NL', email: 'test@example.com', locale: 'nl_NL', phone1: '0208500500',
      },
      payment_details: { type: 'CREDITCARD' },
    });
    expect(data.created).toMatch(MSP_TIME);
    expect(data.modified).toMatch(MSP_TIME);
    expect(data).toHaveProperty('reason');
    expect(data).toHaveProperty('reason_code');
    expect(data.customer).toHaveProperty('phone2');
    expect(data.customer).toHaveProperty('country_name');
    expect(Array.isArray(data.payment_methods)).toBe(true);
    expect(Array.isArray(data.costs)).toBe(true);
  });

  it('answers 404 with 1006 for an unknown order', async () => {
    const res = await call(sandbox, 'GET', '/v1/json/orders/no-such-order');
    expect(res.status).toBe(404);
    expect(res.body).toEqual(mspErrorEnvelope(1006));
  });

  it('keeps no card number or CVC, only last4 and expiry', async () => {
    const body = seedWith({
      type: 'direct', gateway: 'VISA',
      gateway_info: { card_number: '4111111111111111', card_holder_name: 'T. Person', card_expiry_date: '3012', card_cvc: '123', flexible_3d: false },
    });
    const res = await call(sandbox, 'POST', '/v1/json/orders', { body });
    expect(res.status).toBe(200);
    expect(res.text).not.toContain('4111111111111111');

    const raw = await control(sandbox, 'GET', `/orders/${encodeURIComponent(String(body.order_id))}`);
    expect(raw.status).toBe(200);
    expect(raw.text).not.toContain('4111111111111111');
    expect(raw.text).not.toContain('"card_cvc"');
    expect(raw.body.payment_details).toMatchObject({ last4: '1111', card_expiry_date: '3012' });
  });

  it('answers a direct order with the full order object and a payment_url', async () => {
    const body = seedWith({ type: 'direct', gateway: 'IDEAL', gateway_info: { issuer_id: '3151' } });
    const res = await call(sandbox, 'POST', '/v1/json/orders', { body });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      order_id: body.order_id, amount: 1000, currency: 'EUR', status: 'initialized', financial_status: 'initialized',
      payment_url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/connect\/[^/]+\/\?lang=nl_NL$/),
      payment_details: { type: 'IDEAL' },
    });
    expect(rawTransactionId(res.text)).toMatch(/^\d{16,17}$/);
  });

  it('answers a paymentlink order like a redirect one', async () => {
    const res = await call(sandbox, 'POST', '/v1/json/orders', { body: seedWith({ type: 'paymentlink', gateway: '' }) });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.data).sort()).toEqual(['order_id', 'payment_url', 'session_id']);
  });

  it('lists orders newest first with an MSP pager', async () => {
    const first = seedWith();
    const second = seedWith();
    await call(sandbox, 'POST', '/v1/json/orders', { body: first });
    await call(sandbox, 'POST', '/v1/json/orders', { body: second });
    const res = await call(sandbox, 'GET', '/v1/json/orders?limit=100');
    expect(res.status).toBe(200);
    expect(res.body.success).toBe(true);
    const ids = res.body.data.map((o: { order_id: unknown }) => String(o.order_id));
    expect(ids.indexOf(String(second.order_id))).toBeLessThan(ids.indexOf(String(first.order_id)));
    expect(res.body.pager).toEqual({
      after: null, before: null, cursor: { after: null, before: null }, limit: 100,
    });

    const page = await call(sandbox, 'GET', '/v1/json/orders?limit=1');
    expect(page.body.data).toHaveLength(1);
    expect(page.body.pager).toMatchObject({ limit: 1, cursor: { after: expect.stringMatching(/^\d+$/) }, after: expect.stringContaining('after=') });
  });

  it('serves a plain, self-contained payment page at payment_url', async () => {
    const created = await call(sandbox, 'POST', '/v1/json/orders', { body: seedWith({ description: 'Blue <mug> & saucer' }) });
    const res = await fetch(created.body.data.payment_url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toMatch(/<html lang="[a-z]{2}/);
    expect(html).toContain('Blue &lt;mug&gt; &amp; saucer');
    expect(html).toMatch(/10[.,]00/);
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)="https?:/);
  });
});
