import 'reflect-metadata';
import { startSandbox } from './start-sandbox.js';

const env = process.env;
const int = (name: string, fallback: number): number => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) {
    process.stderr.write(`${name} must be a non-negative integer\n`);
    process.exit(78);
  }
  return n;
};

const port = int('SANDBOX_PORT', 4010);
const host = env.SANDBOX_HOST || '127.0.0.1';
const sandbox = await startSandbox({
  apiKey: env.MSP_API_KEY || 'sandbox-dev-msp-key',
  port,
  host,
  publicUrl: env.SANDBOX_PUBLIC_URL || undefined,
  notificationRetryMs: int('SANDBOX_NOTIFICATION_RETRY_MS', 15 * 60_000),
  unclearedSettleMs: int('SANDBOX_UNCLEARED_SETTLE_MS', 3 * 60_000),
});
// A start-up line for the person running it; the Nest logger is quiet below warnings.
process.stdout.write(`MultiSafepay sandbox listening on ${sandbox.url} (API ${sandbox.apiBaseUrl})\n`);
const stop = () => void sandbox.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
