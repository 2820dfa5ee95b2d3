import { call, control, startTestSandbox, type RunningTestSandbox } from './sandbox-http.js';
import { seedWith } from './seed-order.js';

describe('sandbox control API: time', () => {
  let sandbox: RunningTestSandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  it('expires an unpaid order once sandbox time passes its seconds_active', async () => {
    const body = seedWith({ seconds_active: 60 });
    await call(sandbox, 'POST', '/v1/json/orders', { body });
    const path = `/v1/json/orders/${String(body.order_id)}`;

    await control(sandbox, 'POST', '/time/advance', { seconds: 59 });
    expect((await call(sandbox, 'GET', path)).body.data.status).toBe('initialized');

    await control(sandbox, 'POST', '/time/advance', { seconds: 2 });
    const after = await call(sandbox, 'GET', path);
    expect(after.body.data).toMatchObject({ status: 'expired', financial_status: 'expired' });
    expect(after.body.data.modified > after.body.data.created).toBe(true);
  });
});
