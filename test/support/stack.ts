import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pg from 'pg';
import { startSandbox, type StartSandboxOptions } from '../../apps/msp-sandbox/src/start-sandbox.js';
import { createPaymentsApp } from '../../apps/payments/src/bootstrap/create-app.js';
import { loadConfig } from '../../apps/payments/src/config/load-config.js';
import { freePort } from './free-port.js';
import { createTestDatabase } from './test-database.js';

export const MSP_TEST_KEY = 'sandbox-test-msp-key-0123456789';
export const CALLERS = {
  checkout: 'checkout-key-0123456789abcdef',
  billing: 'billing-key-0123456789abcdef',
} as const;

export interface Sandbox {
  url: string;
  apiBaseUrl: string;
  close(): Promise<void>;
}

export interface Stack {
  /** Base URL of the payments service. */
  url: string;
  app: NestFastifyApplication;
  sandbox: Sandbox;
  db: pg.Pool;
  databaseUrl: string;
  /** fetch against the service as a caller (JSON in, parsed JSON and status out). */
  call(method: string, path: string, opts?: { key?: string | null; body?: unknown; rawBody?: string; headers?: Record<string, string> }): Promise<{ status: number; body: any; text: string; headers: Headers }>;
  close(): Promise<void>;
}

/** The real thing, in-process: sandbox over HTTP, real Postgres, the payments app listening on a real port. */
export async function startStack(
  opts: { env?: Record<string, string>; sandbox?: Sandbox; databaseUrl?: string; sandboxOptions?: Partial<StartSandboxOptions> } = {},
): Promise<Stack> {
  // MSP's 15-minute notification retries and 3-minute uncleared settling, time-scaled for tests.
  const sandbox = opts.sandbox ?? (await startSandbox({
    port: 0, apiKey: MSP_TEST_KEY, logger: false, notificationRetryMs: 300, unclearedSettleMs: 1000, notificationTimeoutMs: 2000, ...opts.sandboxOptions,
  }));
  const databaseUrl = opts.databaseUrl ?? (await createTestDatabase());
  const port = await freePort();
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    MSP_ENV: 'sandbox',
    MSP_API_KEY: MSP_TEST_KEY,
    MSP_BASE_URL: sandbox.apiBaseUrl,
    MSP_TIMEOUT_MS: '2000',
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    API_CLIENTS: Object.entries(CALLERS).map(([n, k]) => `${n}:${k}`).join(','),
    LOG_LEVEL: 'fatal',
    // The seed's notification_url is www.example.com: the machine has no network, and a hanging DNS lookup
    // would tie up libuv's thread pool. Callers may only be notified on loopback in tests.
    NOTIFY_ALLOWED_HOSTS: 'checkout=127.0.0.1|localhost,billing=127.0.0.1|localhost',
    DB_POOL_SIZE: '5',
    ...opts.env,
  });
  const app = await createPaymentsApp(config);
  await app.listen(port, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;
  const db = new pg.Pool({ connectionString: databaseUrl, max: 3 });
  // Tests stop Postgres on purpose; an idle client's broken connection must not crash the run.
  db.on('error', () => undefined);

  const call: Stack['call'] = async (method, path, o = {}) => {
    const headers: Record<string, string> = { ...o.headers };
    const key = o.key === undefined ? CALLERS.checkout : o.key;
    if (key !== null) headers.api_key = key;
    let body: string | undefined = o.rawBody;
    if (o.body !== undefined) body = JSON.stringify(o.body);
    if (body !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
    const res = await fetch(`${url}${path}`, { method, headers, body });
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    return { status: res.status, body: parsed, text, headers: res.headers };
  };

  return {
    url, app, sandbox, db, databaseUrl, call,
    async close() {
      await app.close();
      await db.end();
      if (!opts.sandbox) await sandbox.close();
    },
  };
}

export const uniqueOrderId = (prefix = 'order'): string => `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
