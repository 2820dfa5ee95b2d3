import { SANDBOX_KEY, call, mspErrorEnvelope, startTestSandbox, type RunningTestSandbox } from './sandbox-http.js';
import { seedWith } from './seed-order.js';

describe('sandbox MSP API: keys, content types and bodies', () => {
  let sandbox: RunningTestSandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  it('refuses a wrong key with 401 and 1032', async () => {
    const res = await call(sandbox, 'GET', '/v1/json/gateways', { key: 'not-the-key' });
    expect(res.status).toBe(401);
    expect(res.body).toEqual(mspErrorEnvelope(1032));
    expect(res.body.error_info).toBe('Invalid API key');
  });

  it('refuses a missing key with 401 and 1032, also on POST before looking at the body', async () => {
    expect((await call(sandbox, 'GET', '/v1/json/orders', { key: null })).status).toBe(401);
    const post = await call(sandbox, 'POST', '/v1/json/orders', { key: null, body: seedWith() });
    expect(post.status).toBe(401);
    expect(post.body).toEqual(mspErrorEnvelope(1032));
  });

  it('takes the key as a header, a query parameter or a Bearer token', async () => {
    expect((await call(sandbox, 'GET', '/v1/json/gateways')).status).toBe(200);
    expect((await call(sandbox, 'GET', `/v1/json/gateways?api_key=${SANDBOX_KEY}`, { key: null })).status).toBe(200);
    expect((await call(sandbox, 'GET', '/v1/json/gateways', { key: null, headers: { authorization: `Bearer ${SANDBOX_KEY}` } })).status).toBe(200);
    expect((await call(sandbox, 'GET', '/v1/json/gateways', { key: null, headers: { authorization: 'Bearer nope' } })).status).toBe(401);
  });

  it.each([
    'application/json; charset=UTF-8;',
    'application/json; charset=UTF-8',
    'application/json;charset=utf-8',
    'application/json',
  ])('accepts Content-Type %j', async (contentType) => {
    const res = await call(sandbox, 'POST', '/v1/json/orders', { rawBody: JSON.stringify(seedWith()), headers: { 'content-type': contentType } });
    expect(res.status).toBe(200);
    expect(res.body.success).toBe(true);
  });

  it('answers malformed JSON with 400 in MSP\'s envelope', async () => {
    const res = await call(sandbox, 'POST', '/v1/json/orders', { rawBody: '{"type":"redirect",', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ success: false, data: {}, error_code: expect.any(Number), error_info: expect.any(String) });
  });

  it('answers an empty JSON body and a non-object body with an MSP error, not a crash', async () => {
    const empty = await call(sandbox, 'POST', '/v1/json/orders', { rawBody: '', headers: { 'content-type': 'application/json' } });
    expect(empty.status).toBeGreaterThanOrEqual(400);
    expect(empty.status).toBeLessThan(500);
    expect(empty.body.success).toBe(false);
    const array = await call(sandbox, 'POST', '/v1/json/orders', { body: [1, 2, 3] });
    expect(array.status).toBe(400);
    expect(array.body.success).toBe(false);
  });

  it('answers a body that is not JSON with a 4xx in MSP\'s envelope', async () => {
    const res = await call(sandbox, 'POST', '/v1/json/orders', { rawBody: 'type=redirect', headers: { 'content-type': 'text/plain' } });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.body).toEqual({ success: false, data: {}, error_code: expect.any(Number), error_info: expect.any(String) });
  });

  it('answers an unknown MSP path with a 404 in MSP\'s envelope', async () => {
    const res = await call(sandbox, 'GET', '/v1/json/no-such-resource');
    expect(res.status).toBe(404);
    expect(res.body.success).toBe(false);
  });
});
