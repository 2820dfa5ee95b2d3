import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { call, startTestSandbox, type RunningTestSandbox } from './sandbox-http.js';

// MSP's published request examples, copied into the repo so the suite needs nothing outside it.
const EXAMPLES = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'msp', 'examples', 'requests', 'post-orders');
const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.json')).sort();

describe("sandbox MSP API: MSP's published POST /orders examples", () => {
  let sandbox: RunningTestSandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  it('has the examples to read', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it.each(files)('%s is accepted or refused with an MSP error, never a 5xx', async (file) => {
    const body = JSON.parse(readFileSync(join(EXAMPLES, file), 'utf8')) as Record<string, unknown>;
    // Many examples share an order_id; a fresh one keeps each file's answer about its own body.
    body.order_id = `example-${file.replace(/\.json$/, '')}`;
    const res = await call(sandbox, 'POST', '/v1/json/orders', { body });
    expect(res.status).toBeLessThan(500);
    if (res.status === 200) {
      expect(res.body.success).toBe(true);
      expect(res.body.data.order_id).toBe(body.order_id);
    } else {
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.body).toEqual({ success: false, data: {}, error_code: expect.any(Number), error_info: expect.any(String) });
      expect(res.body.error_code).toBeGreaterThanOrEqual(1000);
    }
  });
});
