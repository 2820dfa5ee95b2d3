import { call, mspErrorEnvelope, startTestSandbox, type RunningTestSandbox } from './sandbox-http.js';

describe('sandbox MSP API: gateways and issuers', () => {
  let sandbox: RunningTestSandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  it('lists gateways as {id, description}, without the generic CREDITCARD, as MSP does', async () => {
    const res = await call(sandbox, 'GET', '/v1/json/gateways?country=NL&currency=EUR&amount=1000');
    expect(res.status).toBe(200);
    expect(res.body.success).toBe(true);
    expect(res.body.data).toEqual(expect.arrayContaining([{ id: 'VISA', description: 'Visa' }, { id: 'IDEAL', description: 'iDEAL' }]));
    const ids = res.body.data.map((g: { id: string }) => g.id);
    expect(ids).not.toContain('CREDITCARD');
    expect(res.body.data.some((g: { type?: string }) => g.type === 'coupon')).toBe(false);
  });

  it('adds gift cards with include=coupons', async () => {
    const res = await call(sandbox, 'GET', '/v1/json/gateways?include=coupons');
    expect(res.body.data.length).toBeGreaterThan((await call(sandbox, 'GET', '/v1/json/gateways')).body.data.length);
  });

  it('reads one gateway case-insensitively and answers 404/1023 for an unknown one', async () => {
    for (const id of ['IDEAL', 'ideal', 'iDeal']) {
      const res = await call(sandbox, 'GET', `/v1/json/gateways/${id}`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ success: true, data: { id: 'IDEAL', description: 'iDEAL' } });
    }
    const unknown = await call(sandbox, 'GET', '/v1/json/gateways/NOPE');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual(mspErrorEnvelope(1023));
  });

  it('lists iDEAL issuers with the test bank 3151, for ideal in any case', async () => {
    for (const gateway of ['ideal', 'IDEAL']) {
      const res = await call(sandbox, 'GET', `/v1/json/issuers/${gateway}`);
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual(expect.arrayContaining([{ code: '3151', description: 'Test bank' }]));
    }
    const unknown = await call(sandbox, 'GET', '/v1/json/issuers/visa');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual(mspErrorEnvelope(1023));
  });
});
