import { SEED_ORDER_EXAMPLE } from '@app/multisafepay';
import { CALLERS, startStack, uniqueOrderId, type Stack } from '../support/stack.js';
import { dumpDatabase } from '../support/database-dump.js';

const seed = (overrides: Record<string, unknown> = {}) => ({ ...structuredClone(SEED_ORDER_EXAMPLE), order_id: uniqueOrderId(), ...overrides });

describe('POST /v1/json/orders', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('accepts the seed body verbatim and answers MSP\'s envelope with a payment_url', async () => {
    const res = await stack.call('POST', '/v1/json/orders', { body: SEED_ORDER_EXAMPLE });
    expect(res.status).toBe(200);
    expect(res.body.success).toBe(true);
    expect(res.body.data.order_id).toBe('my-order-id-1');
    expect(res.body.data.payment_url).toMatch(new RegExp(`^${stack.sandbox.url}/connect/`));

    const { rows } = await stack.db.query(`SELECT * FROM orders WHERE order_id = 'my-order-id-1'`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      status: 'initialized', create_state: 'created', amount: '1000', currency: 'EUR', gateway: 'CREDITCARD',
      notification_url: 'https://www.example.com/client/notification?type=notification', notification_method: 'POST',
      redirect_url: 'https://www.example.com/client/notification?type=redirect', flexible_3d: true,
    });
    // MSP's answer to a redirect create has no PSP id; it arrives with the first snapshot.
    expect(rows[0].transaction_id).toBeNull();
    const events = await stack.db.query(`SELECT * FROM order_events WHERE order_pk = $1`, [rows[0].id]);
    expect(events.rows).toHaveLength(1);
    expect(events.rows[0]).toMatchObject({ from_status: null, to_status: 'initialized', source: 'api' });
  });

  it('gives MSP its own webhook URL, not the caller\'s', async () => {
    const body = seed();
    await stack.call('POST', '/v1/json/orders', { body });
    const raw = await fetch(`${stack.sandbox.url}/_sandbox/orders/${body.order_id}`).then((r) => r.json());
    const options = raw.payment_options ?? raw.request?.payment_options ?? raw.data?.payment_options;
    expect(options.notification_url).toBe(`${stack.url}/webhooks/multisafepay`);
    expect(options.notification_method).toBe('POST');
  });

  it('accepts a numeric order_id and stores it as text', async () => {
    const numeric = Number(`${Date.now()}${Math.floor(Math.random() * 10)}`);
    const res = await stack.call('POST', '/v1/json/orders', { body: seed({ order_id: numeric }) });
    expect(res.status).toBe(200);
    expect(res.body.data.order_id).toBe(String(numeric));
    const got = await stack.call('GET', `/v1/json/orders/${numeric}`);
    expect(got.body.data.order_id).toBe(String(numeric));
  });

  it.each([
    ['a fractional amount', { amount: 10.5 }, 1001, 'amount'],
    ['a zero amount', { amount: 0 }, 1001, 'amount'],
    ['an amount given as text', { amount: '1000' }, 1001, 'amount'],
    ['a currency that is not ISO-4217', { currency: 'EURO' }, 1002, 'currency'],
    ['an unknown currency code', { currency: 'XYZ' }, 1002, 'currency'],
    ['a description over 200 characters', { description: 'x'.repeat(201) }, 1008, 'description'],
    ['a missing description', { description: undefined }, 1008, 'description'],
  ])('refuses %s with MSP code and the field', async (_name, change, code, field) => {
    const body = seed(change);
    const res = await stack.call('POST', '/v1/json/orders', { body });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ success: false, data: {}, error_code: code });
    expect(res.body.error_info).toEqual(expect.any(String));
    expect(res.body.fields.map((f: { field: string }) => f.field)).toContain(field);
    const { rowCount } = await stack.db.query(`SELECT 1 FROM orders WHERE order_id = $1`, [body.order_id]);
    expect(rowCount).toBe(0);
  });

  it('refuses a bad customer IP with 1007 and a bad country with 1018', async () => {
    const ip = await stack.call('POST', '/v1/json/orders', { body: seed({ customer: { ...SEED_ORDER_EXAMPLE.customer, ip_address: 'not-an-ip' } }) });
    expect(ip.body.error_code).toBe(1007);
    const country = await stack.call('POST', '/v1/json/orders', { body: seed({ customer: { ...SEED_ORDER_EXAMPLE.customer, country: 'Netherlands' } }) });
    expect(country.body.error_code).toBe(1018);
  });

  it('answers 401 with 1032 for a missing or wrong key, and accepts a Bearer token', async () => {
    const missing = await stack.call('POST', '/v1/json/orders', { key: null, body: seed() });
    expect(missing.status).toBe(401);
    expect(missing.body).toMatchObject({ success: false, error_code: 1032 });
    const wrong = await stack.call('POST', '/v1/json/orders', { key: 'not-a-key-of-ours-000000', body: seed() });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error_code).toBe(1032);
    const bearer = await stack.call('POST', '/v1/json/orders', { key: null, headers: { authorization: `Bearer ${CALLERS.checkout}` }, body: seed() });
    expect(bearer.status).toBe(200);
  });

  it('answers malformed JSON with 400 in the envelope', async () => {
    const res = await stack.call('POST', '/v1/json/orders', { rawBody: '{"order_id": "x", "amount": ' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ success: false, data: {}, error_code: 1016 });
  });

  it('answers a non-object body with 400 in the envelope', async () => {
    const res = await stack.call('POST', '/v1/json/orders', { rawBody: '[1,2,3]' });
    expect(res.status).toBe(400);
    expect(res.body.success).toBe(false);
  });

  it('accepts fields MSP tolerates (plugin, unknown extras) and the SDK content type', async () => {
    const res = await stack.call('POST', '/v1/json/orders', {
      body: { ...seed(), plugin: { shop: 'x', plugin_version: '1' }, something_new: 1 },
      headers: { 'content-type': 'application/json; charset=UTF-8;' },
    });
    expect(res.status).toBe(200);
  });

  it('replays the first answer for the same order_id and body, and refuses a different body with 1006', async () => {
    const body = seed();
    const first = await stack.call('POST', '/v1/json/orders', { body });
    const again = await stack.call('POST', '/v1/json/orders', { body: JSON.parse(JSON.stringify(body)) });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    const different = await stack.call('POST', '/v1/json/orders', { body: { ...body, amount: 2000 } });
    expect(different.status).toBe(409);
    expect(different.body).toMatchObject({ success: false, error_code: 1006 });
    const { rows } = await stack.db.query(`SELECT amount FROM orders WHERE order_id = $1`, [body.order_id]);
    expect(rows).toEqual([{ amount: '1000' }]);
  });

  it('creates exactly one order when the same request races itself', async () => {
    const body = seed();
    const answers = await Promise.all(Array.from({ length: 8 }, () => stack.call('POST', '/v1/json/orders', { body })));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(1);
    for (const a of answers.filter((x) => x.status === 200)) expect(a.body.data.payment_url).toBe(answers.find((x) => x.status === 200)!.body.data.payment_url);
    const { rowCount } = await stack.db.query(`SELECT 1 FROM orders WHERE order_id = $1`, [body.order_id]);
    expect(rowCount).toBe(1);
    const events = await stack.db.query(`SELECT 1 FROM order_events e JOIN orders o ON o.id = e.order_pk WHERE o.order_id = $1`, [body.order_id]);
    expect(events.rowCount).toBe(1);
  });

  it('sends a direct card order\'s card to MSP but never stores, logs or echoes it', async () => {
    const card = '4111111111111111';
    const body = seed({
      type: 'direct',
      gateway: 'VISA',
      gateway_info: { card_number: card, card_holder_name: 'Jan Jansen', card_expiry_date: '2812', card_cvc: '737', flexible_3d: false },
    });
    const res = await stack.call('POST', '/v1/json/orders', { body });
    expect(res.status).toBe(200);
    expect(res.text).not.toContain(card);
    expect(res.text).not.toContain('"737"');
    const dump = await dumpDatabase(stack.db);
    expect(dump).toContain(body.order_id);
    expect(dump).not.toContain(card);
    expect(dump).not.toMatch(/card_cvc|"737"/);
    expect(dump).not.toMatch(/"card_expiry_date":\s*"?2812/);
    expect(dump).not.toContain('card_number');
  });
});
