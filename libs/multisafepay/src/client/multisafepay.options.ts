export interface MultiSafepayOptions {
  /** e.g. https://testapi.multisafepay.com/v1/json or the sandbox's http://127.0.0.1:4010/v1/json */
  baseUrl: string;
  apiKey: string;
  /** Per request; default 10 s. */
  timeoutMs?: number;
}

export const MULTISAFEPAY_OPTIONS = Symbol('MULTISAFEPAY_OPTIONS');
