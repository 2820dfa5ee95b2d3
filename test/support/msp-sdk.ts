import { createRequire } from 'node:module';

// MSP's official Node SDK is CommonJS with a default export.
const require = createRequire(import.meta.url);
const MultiSafepayClient = require('@multisafepay/api-wrapper').default;

/** The SDK copies a hard-coded base URL into its axios instances when constructed; point each one at `apiBaseUrl`. */
export function officialSdk(apiBaseUrl: string, key: string) {
  const client = new MultiSafepayClient(key, { environment: 'test' });
  for (const resource of [client.orders, client.gateways, client.issuers, client.refunds]) {
    resource.client.defaults.baseURL = `${apiBaseUrl}/`;
  }
  return client;
}
