export type MspEnvironment = 'sandbox' | 'test' | 'live';

export interface ApiClientSeed {
  name: string;
  key: string;
}

/** The validated, typed configuration; the only place the rest of the app reads settings from. */
export interface AppConfig {
  http: { port: number; host: string; publicUrl: string };
  database: {
    /** Absent means: start the embedded Postgres before the app (done by main/tests, not by the app). */
    url: string | undefined;
    embeddedPort: number;
    dataDir: string;
    poolSize: number;
  };
  msp: {
    env: MspEnvironment;
    apiKey: string;
    baseUrl: string;
    timeoutMs: number;
    notificationMaxAgeSeconds: number;
    /** True when nobody gave MSP_BASE_URL in sandbox mode: `npm start` launches the sandbox itself. */
    launchSandbox: boolean;
    sandboxPort: number;
    gatewayCacheTtlSeconds: number;
  };
  clients: {
    /** From API_CLIENTS; undefined means "development: create the dev caller". */
    seeds: ApiClientSeed[] | undefined;
    masterKey: Buffer;
  };
  reconciliation: {
    /** An order not updated for this long is synced from MSP (then with back-off). */
    afterSeconds: number;
    /** How often each instance looks for due orders; 0 disables the loop (tests drive it by hand). */
    intervalMs: number;
    batchSize: number;
    maxBackoffSeconds: number;
  };
  webhook: { badSignatureLimitPerMinute: number };
  delivery: {
    /** How often each instance looks for due deliveries; 0 disables the loop. */
    pollMs: number;
    timeoutMs: number;
    /** Retry until a delivery is this old, then it is `dead`. */
    maxAgeSeconds: number;
    baseDelayMs: number;
    maxDelayMs: number;
    /** Per caller name: host patterns its notification_url may point at; absent = any host. */
    allowedHosts: Record<string, string[]>;
  };
  logLevel: 'fatal' | 'error' | 'warn' | 'log' | 'debug' | 'verbose';
}

export const APP_CONFIG = Symbol('APP_CONFIG');
