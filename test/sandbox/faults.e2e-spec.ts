import { call, control, startTestSandbox, type RunningTestSandbox } from './sandbox-http.js';
import { seedWith } from './seed-order.js';

describe('sandbox control API: faults in the MSP API', () => {
  let sandbox: RunningTestSandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterEach(async () => {
    await control(sandbox, 'DELETE', '/faults');
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  it('adds latency to one endpoint only', async () => {
    expect((await control(sandbox, 'POST', '/faults', { endpoint: 'GET /v1/json/gateways', latency_ms: 3000, times: 1 })).status).toBe(200);
    // A client that waits only 200 ms gives up on the delayed endpoint; the others answer as usual.
    await expect(call(sandbox, 'GET', '/v1/json/gateways', { signal: AbortSignal.timeout(200) })).rejects.toThrow();
    expect((await call(sandbox, 'GET', '/v1/json/issuers/ideal')).status).toBe(200);
  });

  it('answers a status with an HTML page, like a broken load balancer, then clears after `times`', async () => {
    await control(sandbox, 'POST', '/faults', { endpoint: 'POST /v1/json/orders', status: 503, times: 1 });
    const broken = await call(sandbox, 'POST', '/v1/json/orders', { body: seedWith() });
    expect(broken.status).toBe(503);
    expect(broken.headers.get('content-type')).toMatch(/^text\/html/);
    expect(broken.body).toBeUndefined();
    expect((await call(sandbox, 'POST', '/v1/json/orders', { body: seedWith() })).status).toBe(200);
  });

  it('matches path parameters and "*" for every MSP endpoint', async () => {
    await control(sandbox, 'POST', '/faults', { endpoint: 'GET /v1/json/orders/:order_id', status: 502 });
    expect((await call(sandbox, 'GET', '/v1/json/orders/anything')).status).toBe(502);
    expect((await call(sandbox, 'GET', '/v1/json/gateways')).status).toBe(200);
    await control(sandbox, 'DELETE', '/faults');

    await control(sandbox, 'POST', '/faults', { endpoint: '*', status: 500 });
    expect((await call(sandbox, 'GET', '/v1/json/gateways')).status).toBe(500);
    expect((await call(sandbox, 'GET', '/v1/json/issuers/ideal')).status).toBe(500);
    // The control API itself is never broken, or a test could not clear the fault.
    expect((await control(sandbox, 'DELETE', '/faults')).status).toBe(200);
    expect((await call(sandbox, 'GET', '/v1/json/gateways')).status).toBe(200);
  });

  it('hangs a request until the client gives up', async () => {
    await control(sandbox, 'POST', '/faults', { endpoint: 'GET /v1/json/gateways', hang: true, times: 1 });
    await expect(call(sandbox, 'GET', '/v1/json/gateways', { signal: AbortSignal.timeout(300) })).rejects.toThrow();
    expect((await call(sandbox, 'GET', '/v1/json/gateways')).status).toBe(200);
  });

  it('forgets orders and faults on reset', async () => {
    const body = seedWith();
    await call(sandbox, 'POST', '/v1/json/orders', { body });
    await control(sandbox, 'POST', '/faults', { endpoint: 'GET /v1/json/gateways', status: 500 });
    expect((await control(sandbox, 'POST', '/reset')).status).toBe(200);
    expect((await call(sandbox, 'GET', `/v1/json/orders/${String(body.order_id)}`)).status).toBe(404);
    expect((await control(sandbox, 'GET', `/orders/${String(body.order_id)}`)).status).toBe(404);
    expect((await call(sandbox, 'GET', '/v1/json/gateways')).status).toBe(200);
  });
});

describe('sandbox close() with a hanging request', () => {
  it('releases the hanging request and shuts down promptly', async () => {
    const sandbox = await startTestSandbox();
    await control(sandbox, 'POST', '/faults', { endpoint: '*', hang: true });
    const pending = call(sandbox, 'GET', '/v1/json/gateways').then(
      () => 'answered',
      () => 'connection closed',
    );
    await new Promise((r) => setTimeout(r, 100));
    await sandbox.close();
    expect(await pending).toBe('connection closed');
  });
});
