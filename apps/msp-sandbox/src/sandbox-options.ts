export interface SandboxOptions {
  /** The only MSP API key this sandbox accepts (and signs notifications with). */
  apiKey: string;
  /** Base URL the sandbox is reached at (payment_url points here). */
  publicUrl: string;
  /** MSP resends an unacknowledged notification 3 times, 15 minutes apart; tests shorten it. */
  notificationRetryMs: number;
  /** Uncleared test cards settle after 3 minutes at MSP. */
  unclearedSettleMs: number;
  /** Timeout for each notification call. */
  notificationTimeoutMs: number;
}

export const SANDBOX_OPTIONS = Symbol('SANDBOX_OPTIONS');
