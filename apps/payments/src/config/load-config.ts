import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import type { ApiClientSeed, AppConfig, MspEnvironment } from './app-config.js';
import { EnvironmentVariables } from './env.schema.js';

export const DEFAULT_SANDBOX_API_KEY = 'sandbox-dev-msp-key';

const MSP_BASE_URLS: Record<Exclude<MspEnvironment, 'sandbox'>, string> = {
  test: 'https://testapi.multisafepay.com/v1/json',
  live: 'https://api.multisafepay.com/v1/json',
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

function describe(errors: ValidationError[]): string[] {
  // Never echo the value: several of these variables are secrets.
  return errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
}

function parseClients(raw: string): ApiClientSeed[] {
  const seeds = raw.split(',').map((pair) => {
    const [name, key] = pair.trim().split(':');
    return { name: name.trim(), key: key.trim() };
  });
  const names = new Set<string>();
  for (const s of seeds) {
    if (names.has(s.name)) throw new ConfigError([`API_CLIENTS: client name "${s.name}" appears twice`]);
    names.add(s.name);
  }
  return seeds;
}

function parseAllowedHosts(raw: string | undefined): Record<string, string[]> {
  if (!raw) return {};
  return Object.fromEntries(raw.split(',').map((entry) => {
    const [name, hosts] = entry.split('=');
    return [name, hosts.split('|').map((h) => h.toLowerCase())];
  }));
}

function parseMasterKey(raw: string | undefined, env: MspEnvironment): Buffer {
  if (raw) return Buffer.from(raw, raw.length === 64 ? 'hex' : 'base64');
  if (env !== 'sandbox') throw new ConfigError(['MASTER_KEY: required when MSP_ENV is test or live (32 bytes, base64 or hex)']);
  // Sandbox only: a fixed, public development key, so a restarted dev stack can still read its own data.
  return createHash('sha256').update('payments-sandbox-development-master-key').digest();
}

/** Validates the environment and derives the typed config. Throws ConfigError naming each bad variable. */
export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  const vars = plainToInstance(EnvironmentVariables, { ...env }, { enableImplicitConversion: false });
  const errors = validateSync(vars, { skipMissingProperties: false, whitelist: false });
  if (errors.length) throw new ConfigError(describe(errors));

  const mspEnv: MspEnvironment = vars.MSP_ENV ?? (vars.MSP_API_KEY ? 'test' : 'sandbox');
  if (mspEnv !== 'sandbox' && !vars.MSP_API_KEY) {
    throw new ConfigError([`MSP_API_KEY: required when MSP_ENV is ${mspEnv}`]);
  }
  const seeds = vars.API_CLIENTS ? parseClients(vars.API_CLIENTS) : undefined;
  if (!seeds && mspEnv === 'live') {
    throw new ConfigError(['API_CLIENTS: required when MSP_ENV is live (the development caller exists only in sandbox/test)']);
  }
  const port = vars.PORT ?? 3000;
  const sandboxPort = vars.SANDBOX_PORT ?? 4010;
  const baseUrl =
    vars.MSP_BASE_URL ?? (mspEnv === 'sandbox' ? `http://127.0.0.1:${sandboxPort}/v1/json` : MSP_BASE_URLS[mspEnv]);

  return {
    http: {
      port,
      host: vars.HOST ?? '0.0.0.0',
      publicUrl: (vars.PUBLIC_URL ?? `http://127.0.0.1:${port}`).replace(/\/+$/, ''),
    },
    database: {
      url: vars.DATABASE_URL,
      embeddedPort: vars.EMBEDDED_PG_PORT ?? 54329,
      dataDir: resolve(vars.DATA_DIR ?? '.data'),
      poolSize: vars.DB_POOL_SIZE ?? 10,
    },
    msp: {
      env: mspEnv,
      apiKey: vars.MSP_API_KEY ?? DEFAULT_SANDBOX_API_KEY,
      baseUrl: baseUrl.replace(/\/+$/, ''),
      timeoutMs: vars.MSP_TIMEOUT_MS ?? 10_000,
      notificationMaxAgeSeconds: vars.MSP_NOTIFICATION_MAX_AGE_S ?? 600,
      launchSandbox: mspEnv === 'sandbox' && !vars.MSP_BASE_URL,
      sandboxPort,
      gatewayCacheTtlSeconds: vars.GATEWAY_CACHE_TTL_S ?? 60,
    },
    clients: { seeds, masterKey: parseMasterKey(vars.MASTER_KEY, mspEnv) },
    reconciliation: {
      afterSeconds: vars.RECONCILE_AFTER_S ?? 900,
      intervalMs: vars.RECONCILE_INTERVAL_MS ?? 30_000,
      batchSize: vars.RECONCILE_BATCH ?? 50,
      maxBackoffSeconds: vars.RECONCILE_MAX_BACKOFF_S ?? 6 * 3600,
    },
    webhook: { badSignatureLimitPerMinute: vars.BAD_SIGNATURE_LIMIT_PER_MIN ?? 30 },
    delivery: {
      pollMs: vars.DELIVERY_POLL_MS ?? 1000,
      timeoutMs: vars.DELIVERY_TIMEOUT_MS ?? 5000,
      maxAgeSeconds: vars.DELIVERY_MAX_AGE_S ?? 86400,
      baseDelayMs: vars.DELIVERY_BASE_DELAY_MS ?? 30_000,
      maxDelayMs: vars.DELIVERY_MAX_DELAY_MS ?? 3_600_000,
      allowedHosts: parseAllowedHosts(vars.NOTIFY_ALLOWED_HOSTS),
    },
    logLevel: vars.LOG_LEVEL ?? 'log',
  };
}
